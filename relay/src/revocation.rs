//! Revocation, live: for each certificate on the path whose issuer is at hand (sent by the
//! server, downloaded from an AIA URL, or given with `--trust`), the stapled OCSP response
//! (the leaf's), then its OCSP responder, and its CRL when OCSP gives no answer, as the Windows
//! chain engine does. The requests go out under the fetch's policy through the relay's HTTP
//! client; the engine ([`msstd_check::revocation`]) builds the OCSP request and verifies every
//! answer against the issuer.

use msstd_check::revocation::{self, Evidence, Source, Status};
use msstd_check::{Report, UnixTime};

use crate::fetch::Settings;
use crate::web;

/// Largest OCSP response read.
const MAX_OCSP_BYTES: u64 = 64 * 1024;
/// Largest CRL read: large public CAs publish CRLs of a few megabytes.
pub(crate) const MAX_CRL_BYTES: u64 = 8 * 1024 * 1024;

/// The verified answers about the report's path, given every certificate at hand (`der`), the
/// response the server stapled, and `now`.
pub(crate) fn check(
    report: &Report,
    der: &[Vec<u8>],
    stapled: Option<&[u8]>,
    settings: &Settings,
    now: UnixTime,
) -> Vec<Evidence> {
    let by_fingerprint = |index: usize| -> Option<&[u8]> {
        let wanted = &report.certificates.get(index)?.sha256_fingerprint;
        der.iter()
            .find(|d| revocation::fingerprint(d) == *wanted)
            .map(Vec::as_slice)
    };
    let mut evidence = Vec::new();
    for pair in report.chain.path.windows(2) {
        let (Some(cert), Some(issuer)) = (by_fingerprint(pair[0]), by_fingerprint(pair[1])) else {
            continue;
        };
        if pair[0] == report.leaf {
            if let Some(stapled) = stapled {
                evidence.push(revocation::judge(
                    cert,
                    issuer,
                    Source::Stapled,
                    "",
                    stapled,
                    now,
                    &msstd_check::signature::RustCrypto,
                ));
            }
        }
        evidence.extend(ask(cert, issuer, settings, now));
    }
    evidence
}

/// OCSP first, then the CRL when OCSP gives no usable answer; every failure is kept when
/// nothing answers.
fn ask(cert: &[u8], issuer: &[u8], settings: &Settings, now: UnixTime) -> Vec<Evidence> {
    let Ok(request) = revocation::request(cert, issuer) else {
        return Vec::new();
    };
    let http = |url: &&String| url.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://"));
    let ocsp = request.ocsp.iter().find(http).map(|url| {
        let body = web::Request::Post {
            content_type: "application/ocsp-request",
            body: &request.ocsp_request,
        };
        (Source::Ocsp, url, body, MAX_OCSP_BYTES)
    });
    let crl = request
        .crl
        .iter()
        .find(http)
        .map(|url| (Source::Crl, url, web::Request::Get, MAX_CRL_BYTES));
    let mut failures = Vec::new();
    for (source, url, http_request, cap) in ocsp.into_iter().chain(crl) {
        let answer = match fetch(url, http_request, settings, cap) {
            Ok(bytes) => revocation::judge(
                cert,
                issuer,
                source,
                url,
                &bytes,
                now,
                &msstd_check::signature::RustCrypto,
            ),
            Err(reason) => revocation::failed(cert, source, url, &reason),
        };
        if !matches!(answer.status, Status::Failed(_)) {
            return vec![answer];
        }
        failures.push(answer);
    }
    failures
}

/// The body of a 200 answer, or why there is none.
fn fetch(url: &str, request: web::Request<'_>, settings: &Settings, cap: u64) -> Result<Vec<u8>, String> {
    let answer = web::send(url, request, settings, cap)?;
    match answer.status {
        200 if answer.truncated => Err(format!("the answer is larger than {cap} bytes")),
        200 => Ok(answer.body),
        status => Err(format!("the server answered HTTP {status}")),
    }
}
