//! What an analysis is asked: the names to check, the instant, the stores, the verifier and
//! the live revocation answers. Its own module, below everything that reads it.

use crate::signature::Verifier;
use crate::trust::TrustStore;
use crate::UnixTime;

/// What to check the certificates against.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// The principal name in any form admins paste (see [`crate::principal::parse`]); `None`
    /// when not given.
    pub principal: Option<&'a str>,
    /// The Outlook Anywhere external host name; `None` when not given.
    pub host: Option<&'a str>,
    /// The instant to judge validity at.
    pub now: UnixTime,
    /// The roots the clients other than Outlook on Windows trust (usually
    /// [`TrustStore::mozilla`]): phones, Macs, browsers. `None` while no store is loaded (the
    /// page's first verdict): the chain is then not judged (`ChainStatus::Pending`), only the
    /// names are, and every client verdict is pending.
    pub trust: Option<&'a TrustStore>,
    /// The roots Windows trusts ([`TrustStore::microsoft`]); `None` while they are not loaded,
    /// and then the report judges the chain with [`Options::trust`] only and leaves the
    /// Windows verdicts pending.
    pub windows_trust: Option<&'a TrustStore>,
    /// What checks signatures: [`crate::signature::RustCrypto`], or the platform's crypto.
    pub verifier: &'a dyn Verifier,
    /// Live revocation answers, verified ([`crate::revocation::judge`]): each becomes a finding
    /// about the certificate it names (`CERT_REVOKED`, `REVOCATION_CHECK_FAILED`,
    /// `REVOCATION_GOOD`). Empty when nobody asked (the page, `check`).
    pub revocation: &'a [crate::revocation::Evidence],
}
