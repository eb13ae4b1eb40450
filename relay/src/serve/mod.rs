//! `serve`: the page (built into the binary, or from `--dist`) and the chain API on one origin.
//!
//! Safety model (see `docs/relay.md`): loopback by default; every request's `Host` must name
//! this relay (so a DNS-rebinding page cannot reach it); API requests from another origin are
//! refused unless that origin was allowed with `--allow-origin`; targets are checked by
//! [`crate::policy`]; fetches are capped in number, time and size.

mod api;
mod files;

pub(crate) use files::Page;

use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt as _;
use tokio::sync::Semaphore;

use crate::http::{self, Request, Response};
use crate::settings::Settings;
use crate::stores::Stores;

/// Most connections handled at once; more are answered 503 at once.
const MAX_CONNECTIONS: usize = 64;
/// Time a client has to send each request head (keep-alive connections wait this long too).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest a connection lives: the slowest domain check (four methods of up to three requests,
/// each within `--timeout`) and its transfer fit well inside.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(600);

/// Everything `serve` was told.
#[derive(Debug)]
pub(crate) struct Config {
    pub listen: SocketAddr,
    /// The page to serve; `None` serves the API only.
    pub page: Option<Page>,
    /// Origins (scheme://host[:port]) whose pages may call the API.
    pub allowed_origins: Vec<String>,
    /// Extra names clients may reach the relay by (the `Host` header), beyond its address.
    pub allowed_hosts: Vec<String>,
    pub settings: Settings,
    /// Most fetches running at once.
    pub max_fetches: usize,
    /// Roots given with `--trust` (name, bytes): the domain check judges with them.
    pub trusted: Vec<(String, Vec<u8>)>,
}

/// The running server's shared state.
struct Server {
    config: Config,
    /// Accepted `Host` header values, lower case.
    hosts: Vec<String>,
    fetches: Arc<AtomicUsize>,
    /// The root stores, for deciding whether a chain needs an issuer from its AIA URL.
    stores: Stores,
}

/// One of a capped number of places; dropping it gives the place back, so a panic or an early
/// return cannot leak one.
pub(crate) struct Slot(Arc<AtomicUsize>);

impl Slot {
    /// Takes one of `max` places counted by `counter`, or `None` when all are taken.
    pub(crate) fn take(counter: &Arc<AtomicUsize>, max: usize) -> Option<Self> {
        counter
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < max).then_some(n + 1))
            .ok()
            .map(|_| Self(Arc::clone(counter)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The `Host` values that name the relay listening on `listen`.
fn host_names(listen: SocketAddr, extra: &[String]) -> Vec<String> {
    let port = listen.port();
    let mut names = Vec::new();
    let ip = listen.ip();
    if ip.is_loopback() || ip.is_unspecified() {
        names.extend(["localhost".to_owned(), "127.0.0.1".to_owned(), "[::1]".to_owned()]);
    }
    if !ip.is_unspecified() {
        names.push(match ip {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            std::net::IpAddr::V4(v4) => v4.to_string(),
        });
    }
    names.extend(extra.iter().map(|h| h.to_ascii_lowercase()));
    let mut hosts = Vec::new();
    for name in names {
        if name.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) && !name.ends_with(']') {
            hosts.push(name);
            continue;
        }
        hosts.push(format!("{name}:{port}"));
        if port == 80 {
            hosts.push(name);
        }
    }
    hosts.sort();
    hosts.dedup();
    hosts
}

/// A server bound to its address, not yet answering.
pub(crate) struct Bound {
    listener: std::net::TcpListener,
    server: Arc<Server>,
}

/// Binds `config.listen` (port 0: one the system picks) and prints what is served where.
pub(crate) fn bind(mut config: Config) -> std::io::Result<Bound> {
    let stores = Stores::new(std::mem::take(&mut config.trusted));
    let listener = std::net::TcpListener::bind(config.listen)?;
    let local = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let hosts = host_names(local, &config.allowed_hosts);
    let what = match &config.page {
        Some(page) => format!("{} and the API", page.describe()),
        None => "the API only (this build carries no page: give --dist DIR, or use a release build)".to_owned(),
    };
    // Ignored when stdout is closed: serving does not depend on anyone reading this line.
    let _ = writeln!(std::io::stdout(), "msstd-relay: serving {what} on http://{local}/");
    let server = Arc::new(Server {
        config,
        hosts,
        fetches: Arc::new(AtomicUsize::new(0)),
        stores,
    });
    Ok(Bound { listener, server })
}

impl Bound {
    /// The page's address.
    pub(crate) fn url(&self) -> std::io::Result<String> {
        Ok(format!("http://{}/", self.listener.local_addr()?))
    }

    /// Serves until killed: hyper on a one-thread tokio runtime speaks HTTP/1.1; each request
    /// is routed on tokio's blocking pool (a fetch blocks for up to its time caps).
    pub(crate) fn serve(self) -> std::io::Result<()> {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        runtime.block_on(accept(self.listener, self.server))
    }
}

async fn accept(listener: std::net::TcpListener, server: Arc<Server>) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            continue;
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            tokio::spawn(async move {
                let busy = api::error(503, "BUSY", "too many connections: try again in a moment").to_bytes();
                let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(&busy)).await;
            });
            continue;
        };
        let server = Arc::clone(&server);
        tokio::spawn(async move {
            let _permit = permit;
            let service = service_fn(move |request| respond(Arc::clone(&server), request));
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(REQUEST_TIMEOUT)
                .half_close(true)
                .max_buf_size(http::MAX_HEAD)
                .serve_connection(TokioIo::new(stream), service);
            // A connection that never finishes its request is cut at the head's timeout; one
            // that stalls while reading the answer, here.
            let _ = tokio::time::timeout(CONNECTION_TIMEOUT, connection).await;
        });
    }
}

/// One request: checked, routed off the runtime's thread, answered.
async fn respond(
    server: Arc<Server>,
    request: hyper::Request<hyper::body::Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, std::convert::Infallible> {
    let (parts, _body) = request.into_parts();
    let response = match Request::from_parts(&parts) {
        Err(bad) => api::error(bad.status, "BAD_REQUEST", bad.reason),
        Ok(request) => tokio::task::spawn_blocking(move || server.route(&request))
            .await
            .unwrap_or_else(|_| api::error(500, "INTERNAL", "the request could not be answered")),
    };
    Ok(response.into_hyper())
}

impl Server {
    fn route(&self, request: &Request) -> Response {
        let host = request.header("host").unwrap_or_default().to_ascii_lowercase();
        if !self.hosts.contains(&host) {
            return api::error(
                403,
                "HOST_FORBIDDEN",
                "this relay answers only to its own address (start it with --allow-host NAME to add a name)",
            );
        }
        if request.path.starts_with("/api/") {
            return api::handle(self, request, &host);
        }
        match request.method.as_str() {
            "GET" | "HEAD" => files::serve(self.config.page.as_ref(), request),
            _ => api::error(405, "METHOD_NOT_ALLOWED", "only GET and HEAD").with("Allow", "GET, HEAD"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_for_loopback_and_extra_names() {
        let hosts = host_names(
            "127.0.0.1:8787".parse().unwrap(),
            &["Relay.Contoso.com".into(), "x:99".into()],
        );
        for expected in [
            "127.0.0.1:8787",
            "localhost:8787",
            "[::1]:8787",
            "relay.contoso.com:8787",
            "x:99",
        ] {
            assert!(hosts.contains(&expected.to_owned()), "{expected} in {hosts:?}");
        }
        assert!(!hosts.contains(&"evil.example:8787".to_owned()));
        let hosts = host_names("0.0.0.0:80".parse().unwrap(), &[]);
        assert!(hosts.contains(&"localhost".to_owned()));
        assert!(!hosts.iter().any(|h| h.starts_with("0.0.0.0")));
    }

    #[test]
    fn slots_are_capped_and_returned() {
        let counter = Arc::new(AtomicUsize::new(0));
        let first = Slot::take(&counter, 2).unwrap();
        let _second = Slot::take(&counter, 2).unwrap();
        assert!(Slot::take(&counter, 2).is_none());
        drop(first);
        assert!(Slot::take(&counter, 2).is_some());
    }
}
