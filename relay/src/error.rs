//! Every way fetching a chain can fail, each with a stable code (the API's `error.code`, listed
//! in `docs/relay.md`) and the HTTP status the API answers with.

use std::fmt;
use std::net::SocketAddr;

/// Why a chain could not be fetched.
#[derive(Debug)]
pub(crate) enum FetchError {
    /// The request itself is unusable (bad host, port, option).
    BadTarget(String),
    /// The name does not resolve.
    Dns { host: String, detail: String },
    /// `serve` refuses this address (loopback, private, link-local, …) without `--allow-private`.
    TargetForbidden {
        host: String,
        address: String,
        class: &'static str,
    },
    /// `serve` refuses this port without `--allow-port`.
    PortForbidden(u16),
    /// Nothing listens there.
    ConnectionRefused(SocketAddr),
    /// No TCP connection within the time allowed.
    ConnectTimeout { address: String, seconds: u64 },
    /// Another network error while connecting (unreachable network, reset).
    Connect { address: String, detail: String },
    /// The server did not answer the STARTTLS dialogue or the handshake in time.
    Timeout { stage: &'static str, seconds: u64 },
    /// The plain-text session did not lead to TLS: no STARTTLS offered, or refused.
    StartTls { protocol: &'static str, reply: String },
    /// The server closed the connection.
    Closed { stage: &'static str },
    /// The server speaks something else on this port; `hint` names it when recognisable.
    NotTls { hint: Option<&'static str> },
    /// The server ended the handshake with a TLS alert.
    TlsAlert(String),
    /// The server only speaks a TLS version the relay does not (SSL 3, TLS 1.0, TLS 1.1).
    TlsVersion(String),
    /// Any other handshake failure, including a handshake signature that does not verify with
    /// the presented certificate's key.
    Handshake(String),
    /// The server presented no certificate.
    NoCertificate,
    /// The presented chain exceeds the relay's caps.
    ChainTooLarge { certificates: usize, bytes: usize },
    /// `serve` is already running its maximum of fetches.
    Busy,
}

impl FetchError {
    /// The stable code.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Self::BadTarget(_) => "BAD_REQUEST",
            Self::Dns { .. } => "DNS_FAILED",
            Self::TargetForbidden { .. } => "TARGET_FORBIDDEN",
            Self::PortForbidden(_) => "PORT_FORBIDDEN",
            Self::ConnectionRefused(_) => "CONNECTION_REFUSED",
            Self::ConnectTimeout { .. } => "CONNECT_TIMEOUT",
            Self::Connect { .. } => "CONNECT_FAILED",
            Self::Timeout { .. } => "TIMEOUT",
            Self::StartTls { .. } => "STARTTLS_FAILED",
            Self::Closed { .. } => "CONNECTION_CLOSED",
            Self::NotTls { .. } => "NOT_TLS",
            Self::TlsAlert(_) => "TLS_ALERT",
            Self::TlsVersion(_) => "TLS_VERSION_UNSUPPORTED",
            Self::Handshake(_) => "HANDSHAKE_FAILED",
            Self::NoCertificate => "NO_CERTIFICATE",
            Self::ChainTooLarge { .. } => "CHAIN_TOO_LARGE",
            Self::Busy => "BUSY",
        }
    }

    /// The HTTP status `serve` answers with: 400 for the request, 403 for a refusal, 503 when
    /// busy, 504 for a timeout, 502 for everything the remote server did.
    pub(crate) fn http_status(&self) -> u16 {
        match self {
            Self::BadTarget(_) => 400,
            Self::TargetForbidden { .. } | Self::PortForbidden(_) => 403,
            Self::Busy => 503,
            Self::ConnectTimeout { .. } | Self::Timeout { .. } => 504,
            _ => 502,
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadTarget(message) => f.write_str(message),
            Self::Dns { host, detail } => write!(f, "{host} does not resolve: {detail}"),
            Self::TargetForbidden { host, address, class } => write!(
                f,
                "{host} resolves to {address}, a {class} address: the relay does not connect there \
                 (start it with --allow-private to check internal servers)"
            ),
            Self::PortForbidden(port) => write!(
                f,
                "port {port} is not one the relay connects to (443, 25, 587, 465, 143, 993, 110, 995; \
                 start it with --allow-port {port} to add it)"
            ),
            Self::ConnectionRefused(address) => {
                write!(f, "connection to {address} refused: nothing listens on that port")
            }
            Self::ConnectTimeout { address, seconds } => write!(
                f,
                "no connection to {address} within {seconds} s: a firewall may drop the traffic"
            ),
            Self::Connect { address, detail } => write!(f, "cannot connect to {address}: {detail}"),
            Self::Timeout { stage, seconds } => {
                write!(
                    f,
                    "the server stopped answering during the {stage} (waited {seconds} s)"
                )
            }
            Self::StartTls { protocol, reply } => write!(
                f,
                "the {} server did not switch to TLS: {reply}",
                protocol.to_ascii_uppercase()
            ),
            Self::Closed { stage } => write!(f, "the server closed the connection during the {stage}"),
            Self::NotTls { hint: Some(hint) } => write!(f, "the server does not speak TLS on this port: {hint}"),
            Self::NotTls { hint: None } => f.write_str("the server does not speak TLS on this port"),
            Self::TlsAlert(alert) => write!(f, "the server refused the TLS handshake with the alert {alert}"),
            Self::TlsVersion(detail) => write!(
                f,
                "the server insists on a TLS version older than 1.2, which the relay (and current \
                 Windows and Outlook defaults) do not speak: {detail}"
            ),
            Self::Handshake(detail) => write!(f, "the TLS handshake failed: {detail}"),
            Self::NoCertificate => f.write_str("the server completed the handshake without a certificate"),
            Self::ChainTooLarge { certificates, bytes } => write!(
                f,
                "the server sent {certificates} certificates ({bytes} bytes), more than the relay keeps"
            ),
            Self::Busy => f.write_str("the relay is running as many fetches as it allows: try again in a moment"),
        }
    }
}

impl std::error::Error for FetchError {}
