//! `/api/v1/…`: the relay's health, the chain a host presents and the domain check, as JSON,
//! and the wire format of the chain answer (`msstd-relay/chain/v1`).

use std::io::Write as _;
use std::time::Instant;

use base64::Engine as _;
use serde_json::{json, Value};

use super::{Server, Slot};
use crate::analysis::{self, Network, Presented};
use crate::error::FetchError;
use crate::fetch::{fetch, Fetched};
use crate::http::{Request, Response};
use crate::target::{parse_domain, parse_host_port, parse_port, parse_starttls, Sni, Target};
use msstd_check::completion::Download;
use msstd_check::render::{self, Language};
use msstd_check::revocation::{Evidence, Status};

/// An error as every API answer gives it: `{"error": {"code", "message"}}`.
pub(super) fn error(status: u16, code: &str, message: &str) -> Response {
    Response::json(status, &json!({ "error": { "code": code, "message": message } }))
}

/// Whether a browser page may use the answer: requests without `Origin` come from the page's
/// own origin or from a program (curl); with one, it must be ours or explicitly allowed.
/// `Some(origin)` marks an allowed foreign origin, which gets CORS headers.
enum Caller {
    SameOrigin,
    Allowed(String),
}

fn caller(server: &Server, request: &Request, host: &str) -> Result<Caller, Response> {
    match request.header("origin") {
        Some(origin) if origin.eq_ignore_ascii_case(&format!("http://{host}")) => Ok(Caller::SameOrigin),
        Some(origin)
            if server
                .config
                .allowed_origins
                .iter()
                .any(|o| o.eq_ignore_ascii_case(origin)) =>
        {
            Ok(Caller::Allowed(origin.to_owned()))
        }
        Some(_) => Err(error(
            403,
            "ORIGIN_FORBIDDEN",
            "pages from this origin may not use the relay (start it with --allow-origin ORIGIN)",
        )),
        // A cross-site request that the browser sent without Origin (an image, a link).
        None if matches!(request.header("sec-fetch-site"), Some("cross-site" | "same-site")) => Err(error(
            403,
            "ORIGIN_FORBIDDEN",
            "requests from other sites may not use the relay",
        )),
        None => Ok(Caller::SameOrigin),
    }
}

pub(super) fn handle(server: &Server, request: &Request, host: &str) -> Response {
    let caller = match caller(server, request, host) {
        Ok(caller) => caller,
        Err(refusal) => return refusal,
    };
    let response = match (request.method.as_str(), request.path.as_str()) {
        ("OPTIONS", _) => preflight(request, &caller),
        ("GET" | "HEAD", "/api/v1/health") => Response::json(
            200,
            &json!({ "service": "msstd-relay", "version": env!("CARGO_PKG_VERSION"), "api": "v1" }),
        ),
        ("GET" | "HEAD", "/api/v1/chain") => chain(server, request),
        ("GET" | "HEAD", "/api/v1/domain") => domain(server, request),
        (_, "/api/v1/health" | "/api/v1/chain" | "/api/v1/domain") => {
            error(405, "METHOD_NOT_ALLOWED", "only GET").with("Allow", "GET, HEAD, OPTIONS")
        }
        _ => error(
            404,
            "NOT_FOUND",
            "no such API endpoint: /api/v1/health, /api/v1/chain and /api/v1/domain exist",
        ),
    };
    let response = response.with("Cache-Control", "no-store");
    match caller {
        Caller::Allowed(origin) => response
            .with("Access-Control-Allow-Origin", origin)
            .with("Vary", "Origin"),
        Caller::SameOrigin => response.with("Vary", "Origin"),
    }
}

/// The CORS preflight, including Chromium's Private Network Access question.
fn preflight(request: &Request, caller: &Caller) -> Response {
    let mut response = Response::new(204, "text/plain", Vec::new())
        .with("Access-Control-Allow-Methods", "GET")
        .with("Access-Control-Max-Age", "600");
    if matches!(caller, Caller::Allowed(_)) && request.header("access-control-request-private-network") == Some("true")
    {
        response = response.with("Access-Control-Allow-Private-Network", "true");
    }
    response
}

/// Reads `host`, `port`, `starttls`, `sni` from the query; anything else is refused.
fn target(request: &Request) -> Result<Target, FetchError> {
    let (mut host, mut port, mut starttls, mut sni) = (None, None, None, None);
    for (name, value) in &request.query {
        let slot = match name.as_str() {
            "host" => &mut host,
            "port" => &mut port,
            "starttls" => &mut starttls,
            "sni" => &mut sni,
            _ => return Err(FetchError::BadTarget(format!("unknown parameter {name:?}"))),
        };
        if slot.replace(value.as_str()).is_some() {
            return Err(FetchError::BadTarget(format!("parameter {name:?} given twice")));
        }
    }
    let host = host.ok_or_else(|| FetchError::BadTarget("the host parameter is required".to_owned()))?;
    let (host, port_in_host) = parse_host_port(host)?;
    let port = match port {
        Some(port) => parse_port(port)?,
        None => port_in_host,
    };
    let starttls = starttls.map(parse_starttls).transpose()?;
    let sni = sni.map(|s| {
        if s.is_empty() {
            Sni::None
        } else {
            Sni::Name(s.to_owned())
        }
    });
    Target::new(host, port, sni, starttls)
}

fn chain(server: &Server, request: &Request) -> Response {
    let started = Instant::now();
    let outcome = target(request).and_then(|target| {
        let _slot = Slot::take(&server.fetches, server.config.max_fetches).ok_or(FetchError::Busy)?;
        let fetched = fetch(&target, &server.config.settings)?;
        // The page judges the chain; the relay only decides, with the same engine, whether an
        // issuer is missing and downloads it (under the same policy) for the page to add, and
        // asks the revocation answers the page cannot ask for itself (no request leaves the
        // page), verified, for its analysis to word.
        let settings = &server.config.settings;
        let options = analysis::options(&server.stores, crate::timeouts::now());
        let presented = Presented::of(&fetched);
        let network = Network::for_fetched(&fetched, settings);
        let (downloaded, revocation) = match analysis::complete(&[presented.input()], &options, true, Some(network)) {
            Ok(completed) => (completed.downloaded, completed.revocation),
            Err(_) => (Vec::new(), Vec::new()),
        };
        Ok((target, fetched, downloaded, revocation))
    });
    match outcome {
        Ok((target, fetched, downloaded, revocation)) => {
            let _ = writeln!(
                std::io::stderr(),
                "msstd-relay: fetched {target}: {} certificates in {:.0} ms, {} downloaded from AIA",
                fetched.handshake.chain.len(),
                fetched.timings.total,
                downloaded.len()
            );
            Response::json(200, &chain_json(&fetched, &downloaded, &revocation))
        }
        Err(failure) => {
            let _ = writeln!(
                std::io::stderr(),
                "msstd-relay: fetch refused or failed after {} ms: {}",
                started.elapsed().as_millis(),
                failure.code()
            );
            let response = error(failure.http_status(), failure.code(), &failure.to_string());
            if matches!(failure, FetchError::Busy) {
                response.with("Retry-After", "1")
            } else {
                response
            }
        }
    }
}

/// The chain answer: the chain as presented, the issuers downloaded from AIA URLs because the
/// server does not send them (`fetched`: each `url` and its `bytes`, base64), and the verified
/// revocation answers (`revocation`).
fn chain_json(fetched: &Fetched, downloaded: &[Download], revocation: &[Evidence]) -> Value {
    let base64 = base64::engine::general_purpose::STANDARD;
    json!({
        "schema": "msstd-relay/chain/v1",
        "connection": fetched.connection_json(),
        "chain": fetched.handshake.chain.iter().map(|der| base64.encode(der)).collect::<Vec<_>>(),
        "fetched": downloaded
            .iter()
            .map(|d| json!({ "url": d.url, "bytes": base64.encode(&d.bytes) }))
            .collect::<Vec<_>>(),
        "revocation": revocation.iter().map(evidence_json).collect::<Vec<_>>(),
    })
}

/// One verified revocation answer, as the page reads it.
fn evidence_json(evidence: &Evidence) -> Value {
    let (status, revoked_at, reason, detail) = match &evidence.status {
        Status::Good => ("good", None, None, None),
        Status::Revoked { at, reason } => ("revoked", Some(at.to_string()), *reason, None),
        Status::Failed(failure) => ("failed", None, Some(failure.code()), failure.detail()),
    };
    json!({
        "certificate": evidence.certificate,
        "source": evidence.source.as_str(),
        "url": evidence.url,
        "status": status,
        "revoked_at": revoked_at,
        "reason": reason,
        "detail": detail,
    })
}

/// Reads `domain` (a DNS name) and `lang` (`en`, `it`) from the query; anything else is refused.
fn domain_query(request: &Request) -> Result<(String, Language), FetchError> {
    let (mut domain, mut language) = (None, Language::En);
    for (name, value) in &request.query {
        match name.as_str() {
            "domain" if domain.is_none() => domain = Some(value.as_str()),
            "lang" => language = Language::from_tag(value),
            _ => return Err(FetchError::BadTarget(format!("unknown or repeated parameter {name:?}"))),
        }
    }
    let domain = domain.ok_or_else(|| FetchError::BadTarget("the domain parameter is required".to_owned()))?;
    Ok((parse_domain(domain)?, language))
}

/// The domain check: every place Outlook looks for Autodiscover, probed under the relay's
/// policy (one fetch slot for the whole check) and judged by the engine, worded in `lang`.
fn domain(server: &Server, request: &Request) -> Response {
    let outcome = domain_query(request).and_then(|(domain, language)| {
        let _slot = Slot::take(&server.fetches, server.config.max_fetches).ok_or(FetchError::Busy)?;
        let report = crate::domain::check(&domain, &server.config.settings, &server.stores, crate::timeouts::now());
        Ok((report, language))
    });
    match outcome {
        Ok((Ok(report), language)) => {
            let _ = writeln!(
                std::io::stderr(),
                "msstd-relay: checked the domain {}: {:?}",
                report.domain,
                report.outcome
            );
            Response::json(
                200,
                &serde_json::to_value(render::worded_domain(&report, language)).unwrap_or_default(),
            )
        }
        // Every handshake succeeded, but a chain a server presented does not read as
        // certificates: the remote server's doing, named by the engine's input error code.
        Ok((Err(unreadable), _)) => error(502, unreadable.code(), &unreadable.to_string()),
        Err(failure) => {
            let response = error(failure.http_status(), failure.code(), &failure.to_string());
            if matches!(failure, FetchError::Busy) {
                response.with("Retry-After", "1")
            } else {
                response
            }
        }
    }
}
