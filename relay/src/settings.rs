//! How a fetch may proceed, for every connection a command makes: to the host, to an AIA URL,
//! to an OCSP responder or a CRL.

use std::time::Duration;

use crate::policy::Policy;
use crate::resolve::Resolver;

/// How a fetch may proceed.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub policy: Policy,
    /// The limit for resolving and connecting, and again for STARTTLS, and for the handshake.
    pub timeout: Duration,
    /// How names become addresses (`--connect-to`, `--dns-server`).
    pub resolver: Resolver,
}
