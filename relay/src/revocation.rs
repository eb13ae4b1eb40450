//! Revocation, live: for each certificate on the path, the stapled OCSP response (the leaf's),
//! then its OCSP responder, and its CRL when OCSP gives no answer, as the Windows chain engine
//! does. The issuer answers are verified against is the next certificate on the path (sent by
//! the server, downloaded from an AIA URL, or given with `--trust`), or, for the certificate the
//! path ends with, the root of Microsoft's or Mozilla's store that signed it. The requests go out
//! under the fetch's policy through the relay's HTTP client; the engine
//! ([`msstd_check::revocation`]) builds the OCSP request and verifies every answer.

use msstd_check::revocation::{self, Evidence, Issuer, Source, Status};
use msstd_check::signature::RustCrypto;
use msstd_check::{Report, UnixTime};

use crate::aia::Downloaded;
use crate::fetch::Fetched;
use crate::settings::Settings;
use crate::stores::Stores;
use crate::web;

/// Largest OCSP response read.
const MAX_OCSP_BYTES: u64 = 64 * 1024;
/// Largest CRL read: large public CAs publish CRLs of a few megabytes.
pub(crate) const MAX_CRL_BYTES: u64 = 8 * 1024 * 1024;

/// The verified answers about the path of `report`, the chain `fetched` presents judged with
/// the issuers `downloaded` for it and the roots given with `--trust`.
pub(crate) fn for_fetched(
    report: &Report,
    fetched: &Fetched,
    downloaded: &[Downloaded],
    stores: &Stores,
    settings: &Settings,
    now: UnixTime,
) -> Vec<Evidence> {
    // Every certificate at hand, for the issuers the answers are verified against.
    let mut der: Vec<Vec<u8>> = fetched.handshake.chain.clone();
    let more = downloaded
        .iter()
        .map(|d| d.bytes.as_slice())
        .chain(stores.trusted.iter().map(|(_, b)| b.as_slice()));
    for bytes in more {
        if let Ok(decoded) = msstd_check::input::decode(&msstd_check::Input::new("", bytes)) {
            der.extend(decoded.certificates);
        }
    }
    check(
        report,
        &der,
        stores,
        fetched.handshake.stapled_ocsp.as_deref(),
        settings,
        now,
    )
}

/// The verified answers about the report's path, given every certificate at hand (`der`), the
/// stores, the response the server stapled, and `now`.
fn check(
    report: &Report,
    der: &[Vec<u8>],
    stores: &Stores,
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
    let path = &report.chain.path;
    // A root on the path is never asked about: clients trust it as it is.
    let ends_at_root = report.chain.anchor.as_ref().is_some_and(|a| a.certificate.is_some());
    let checked = if ends_at_root {
        path.len().saturating_sub(1)
    } else {
        path.len()
    };
    let mut evidence = Vec::new();
    for (position, &index) in path.iter().enumerate().take(checked) {
        let Some(cert) = by_fingerprint(index) else {
            continue;
        };
        let issuer = match path.get(position + 1).and_then(|&i| by_fingerprint(i)) {
            Some(issuer) => Issuer::from_certificate(issuer).ok(),
            None => Issuer::from_store(cert, &stores.microsoft, &RustCrypto)
                .or_else(|| Issuer::from_store(cert, &stores.mozilla, &RustCrypto)),
        };
        let Some(issuer) = issuer else {
            continue;
        };
        if index == report.leaf {
            if let Some(stapled) = stapled {
                evidence.push(revocation::judge(
                    cert,
                    &issuer,
                    Source::Stapled,
                    "",
                    stapled,
                    now,
                    &RustCrypto,
                ));
            }
        }
        evidence.extend(ask(cert, &issuer, settings, now));
    }
    evidence
}

/// OCSP first, then the CRL when OCSP gives no usable answer; every failure is kept when
/// nothing answers.
fn ask(cert: &[u8], issuer: &Issuer, settings: &Settings, now: UnixTime) -> Vec<Evidence> {
    let Ok(request) = revocation::request(cert, issuer) else {
        return Vec::new();
    };
    let http = |url: &&String| web::is_plain_http(url);
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
