//! Revocation, live: for each certificate on the path, the stapled OCSP response (the leaf's),
//! then its OCSP responder, and its CRL when OCSP gives no answer, as the Windows chain engine
//! does. The issuer answers are verified against is the next certificate on the path (sent by
//! the server, downloaded from an AIA URL, or given with `--trust`), or, for the certificate the
//! path ends with, the root of Microsoft's or Mozilla's store that signed it. The requests go out
//! under the fetch's policy through the relay's HTTP client; the engine picks the certificates
//! and their issuers ([`msstd_check::completion::Need::Revocation`]), builds the OCSP request and
//! verifies every answer ([`msstd_check::revocation`]).

use msstd_check::completion::{is_plain_http, RevocationNeed};
use msstd_check::revocation::{self, Evidence, Failure, Source, Status};
use msstd_check::signature::RustCrypto;
use msstd_check::UnixTime;

use crate::settings::Settings;
use crate::web::{self, Unreached};

/// Largest OCSP response read.
const MAX_OCSP_BYTES: u64 = 64 * 1024;
/// Largest CRL read: large public CAs publish CRLs of a few megabytes.
pub(crate) const MAX_CRL_BYTES: u64 = 8 * 1024 * 1024;

/// The verified answers about the certificate `need` names (the engine's
/// [`msstd_check::completion::Need::Revocation`]): the response the server `stapled` when it is
/// the leaf, then its OCSP responder, and its CRL when OCSP gives no usable answer; every
/// failure is kept when nothing answers.
pub(crate) fn answers(
    need: &RevocationNeed,
    stapled: Option<&[u8]>,
    settings: &Settings,
    now: UnixTime,
) -> Vec<Evidence> {
    let mut evidence = Vec::new();
    if let (true, Some(stapled)) = (need.leaf, stapled) {
        evidence.push(judge(need, Source::Stapled, "", stapled, now));
    }
    evidence.extend(ask(need, settings, now));
    evidence
}

/// OCSP first, then the CRL when OCSP gives no usable answer; every failure is kept when
/// nothing answers.
fn ask(need: &RevocationNeed, settings: &Settings, now: UnixTime) -> Vec<Evidence> {
    let request = &need.request;
    let http = |url: &&String| is_plain_http(url);
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
            Ok(bytes) => judge(need, source, url, &bytes, now),
            Err(failure) => revocation::failed(&need.der, source, url, failure),
        };
        if !matches!(answer.status, Status::Failed(_)) {
            return vec![answer];
        }
        failures.push(answer);
    }
    failures
}

/// The `response` from `source` at `url` about the certificate `need` names, verified against
/// its issuer.
fn judge(need: &RevocationNeed, source: Source, url: &str, response: &[u8], now: UnixTime) -> Evidence {
    revocation::judge(&need.der, &need.issuer, source, url, response, now, &RustCrypto)
}

/// The body of a 200 answer, or why there is none.
fn fetch(url: &str, request: web::Request<'_>, settings: &Settings, cap: u64) -> Result<Vec<u8>, Failure> {
    let answer = web::send(url, request, settings, cap).map_err(|unanswered| match unanswered.kind {
        Unreached::Refused => Failure::RefusedByPolicy,
        Unreached::NameNotFound => Failure::NameNotFound,
        Unreached::TimedOut => Failure::TimedOut,
        Unreached::ConnectionFailed => Failure::ConnectionFailed,
    })?;
    match answer.status {
        200 if answer.truncated => Err(Failure::TooLarge(cap)),
        200 => Ok(answer.body),
        status => Err(Failure::HttpStatus(status)),
    }
}
