//! The relay's HTTP client (ureq): every connection resolved through the command's
//! [`Resolver`](crate::resolve::Resolver) and checked against its [`Policy`], redirects never
//! followed by ureq (the caller decides, and re-checks), HTTPS through the relay's own rustls
//! configuration that accepts any certificate (the chain is judged by the engine, not here).

use std::io::Read as _;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::policy::Policy;
use crate::settings::Settings;

/// An answer: status, `Location` header and the body read up to a cap.
pub(crate) struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: Vec<u8>,
    /// Whether the body was longer than the cap.
    pub truncated: bool,
}

/// A request to make.
pub(crate) enum Request<'a> {
    Get,
    /// A POST with a content type and a body.
    Post {
        content_type: &'a str,
        body: &'a [u8],
    },
}

/// Why a request got no answer: the kind, for the engine's codes, and the HTTP client's own
/// words, for the terminal.
#[derive(Debug)]
pub(crate) struct Unanswered {
    pub kind: Unreached,
    pub detail: String,
}

/// The kinds of [`Unanswered`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unreached {
    /// The relay's policy refuses every address of the name, or the port.
    Refused,
    /// The name does not resolve.
    NameNotFound,
    /// No answer within the timeout.
    TimedOut,
    /// Anything else: no connection, a reset, a broken answer.
    ConnectionFailed,
}

impl From<Unanswered> for String {
    fn from(unanswered: Unanswered) -> Self {
        unanswered.detail
    }
}

/// The policy's refusal, carried through ureq's resolver as the source of its error.
#[derive(Debug)]
struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

impl Unanswered {
    fn of(error: &ureq::Error) -> Self {
        use std::error::Error as _;
        let io = error.source().and_then(|e| e.downcast_ref::<std::io::Error>());
        let kind = match error.kind() {
            _ if io.and_then(|e| e.get_ref()).is_some_and(|e| e.is::<Refused>()) => Unreached::Refused,
            ureq::ErrorKind::Dns => Unreached::NameNotFound,
            _ if io
                .is_some_and(|e| matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock)) =>
            {
                Unreached::TimedOut
            }
            _ => Unreached::ConnectionFailed,
        };
        Self {
            kind,
            detail: error.to_string(),
        }
    }
}

/// Sends `request` to `url` (no redirect followed), reading at most `cap` bytes of the body.
pub(crate) fn send(url: &str, request: Request<'_>, settings: &Settings, cap: u64) -> Result<Answer, Unanswered> {
    let agent = agent(settings);
    let call = match request {
        Request::Get => agent.get(url).call(),
        Request::Post { content_type, body } => agent.post(url).set("Content-Type", content_type).send_bytes(body),
    };
    let response = match call {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(error) => return Err(Unanswered::of(&error)),
    };
    let status = response.status();
    let location = response.header("Location").map(str::to_owned);
    let mut body = Vec::new();
    response
        .into_reader()
        .take(cap + 1)
        .read_to_end(&mut body)
        .map_err(|e| Unanswered {
            kind: match e.kind() {
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Unreached::TimedOut,
                _ => Unreached::ConnectionFailed,
            },
            detail: format!("{url}: {e}"),
        })?;
    let truncated = body.len() as u64 > cap;
    body.truncate(usize::try_from(cap).unwrap_or(usize::MAX));
    Ok(Answer {
        status,
        location,
        body,
        truncated,
    })
}

fn agent(settings: &Settings) -> ureq::Agent {
    let policy = settings.policy.clone();
    let names = settings.resolver.clone();
    let timeout = settings.timeout;
    // Every connection, the first and each redirect's, goes through the policy: the addresses
    // it allows, and under a restricted policy (`serve`) the web's ports only.
    let resolver = move |netloc: &str| -> std::io::Result<Vec<SocketAddr>> {
        let (host, port) = netloc
            .rsplit_once(':')
            .and_then(|(host, port)| Some((host, port.parse::<u16>().ok()?)))
            .ok_or_else(|| std::io::Error::other(format!("{netloc}: no port")))?;
        if !web_port_allowed(&policy, port) {
            return Err(std::io::Error::other(Refused(format!(
                "{netloc}: port refused by the relay's policy"
            ))));
        }
        let resolved = names
            .addresses(host, port, timeout)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let allowed: Vec<SocketAddr> = resolved
            .into_iter()
            .filter(|a| policy.refuses(a.ip()).is_none())
            .collect();
        if allowed.is_empty() {
            return Err(std::io::Error::other(Refused(format!(
                "{netloc}: refused by the relay's policy"
            ))));
        }
        Ok(allowed)
    };
    let builder = ureq::AgentBuilder::new()
        .redirects(0)
        .timeout(settings.timeout)
        .resolver(resolver);
    match crate::tls::accept_any_config() {
        Ok(config) => builder.tls_config(Arc::new(config)).build(),
        // Never with ring's provider; ureq's own configuration would then refuse bad chains.
        Err(_) => builder.build(),
    }
}

/// The ports a web request may use: any for the command line, 80 and 443 under `serve`'s
/// policy (plus the ports its operator allowed).
fn web_port_allowed(policy: &Policy, port: u16) -> bool {
    match &policy.extra_ports {
        None => true,
        Some(extra) => port == 80 || port == 443 || extra.contains(&port),
    }
}
