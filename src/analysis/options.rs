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
    /// [`TrustStore::mozilla`]): phones, Macs, browsers. `None` while no store is loaded, or an
    /// index store ([`TrustStore::from_index`]) that lacks a root file the chain names: the chain
    /// is then not judged (`ChainStatus::Pending`), only the names are, and every client verdict
    /// is pending.
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

impl<'a> Options<'a> {
    /// Options that judge at `now` with `verifier` and nothing else: no names to check, no
    /// store loaded (the chain pending), no revocation answers. Each face adds what it has with
    /// the methods below instead of spelling every field, so a field added later gets its
    /// default everywhere.
    pub fn new(now: UnixTime, verifier: &'a dyn Verifier) -> Self {
        Self {
            principal: None,
            host: None,
            now,
            trust: None,
            windows_trust: None,
            verifier,
            revocation: &[],
        }
    }

    /// With the principal name to check ([`Options::principal`]).
    #[must_use]
    pub fn principal(self, principal: Option<&'a str>) -> Self {
        Self { principal, ..self }
    }

    /// With the Outlook Anywhere host name to check ([`Options::host`]).
    #[must_use]
    pub fn host(self, host: Option<&'a str>) -> Self {
        Self { host, ..self }
    }

    /// With the store the clients other than Outlook on Windows trust ([`Options::trust`]).
    #[must_use]
    pub fn trust(self, trust: &'a TrustStore) -> Self {
        Self {
            trust: Some(trust),
            ..self
        }
    }

    /// With the store Windows trusts ([`Options::windows_trust`]).
    #[must_use]
    pub fn windows_trust(self, windows_trust: &'a TrustStore) -> Self {
        Self {
            windows_trust: Some(windows_trust),
            ..self
        }
    }

    /// With both stores: `trust` for the other clients, `windows` for Outlook on Windows, as
    /// every native face loads them.
    #[must_use]
    pub fn stores(self, trust: &'a TrustStore, windows: &'a TrustStore) -> Self {
        self.trust(trust).windows_trust(windows)
    }

    /// With live revocation answers ([`Options::revocation`]).
    #[must_use]
    pub fn revocation(self, revocation: &'a [crate::revocation::Evidence]) -> Self {
        Self { revocation, ..self }
    }
}
