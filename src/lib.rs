//! # msstd-check
//!
//! Checks whether a certificate satisfies an Outlook Anywhere `msstd:` principal name (Exchange's
//! `CertPrincipalName`), on which Windows clients, what else is wrong with the certificate and
//! its chain, and exactly what to type to fix it. Everything runs locally: no byte of a
//! certificate leaves the process.
//!
//! This crate is the engine. The web page (WebAssembly), the `msstd-relay` command line and its
//! live-host relay are thin layers over [`analyze`], so every face says the same thing.
//!
//! ## Use
//!
//! ```
//! use msstd_check::{analyze, Input, Options, TrustStore, UnixTime};
//!
//! # fn main() -> Result<(), msstd_check::Error> {
//! # let pem = include_bytes!("../tests/data/selfsigned-exchange.pem");
//! let (trust, windows) = (TrustStore::mozilla(), TrustStore::microsoft());
//! let options = Options {
//!     principal: Some("Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\""),
//!     host: Some("mail.contoso.com"),
//!     now: UnixTime::parse_rfc3339("2026-01-01T00:00:00Z").unwrap(),
//!     trust: Some(&trust),
//!     windows_trust: Some(&windows),
//!     verifier: &msstd_check::signature::RustCrypto,
//!     revocation: &[],
//! };
//! let report = analyze(&[Input::new("server.pem", pem)], &options)?;
//! for finding in &report.findings {
//!     println!("{:?} {} {}", finding.severity, finding.code.as_str(), msstd_check::render::message(finding));
//! }
//! # Ok(())
//! # }
//! ```
//!
//! ## Inputs
//! [`Input`] takes bytes: PEM (any number of blocks, with text around them, CRLF, BOMs,
//! UTF-16), bare base64, DER, PKCS#7 (`.p7b`) and PKCS#12 (`.pfx`, with [`Input::with_password`]).
//! The format is recognised from the content. Inputs marked [`Input::trusted`] are roots of an
//! internal CA. Unusable input gives an [`Error`] naming what was found instead; nothing panics.
//!
//! ## Findings
//! A [`Report`] holds [`Finding`]s: a stable [`Code`], a [`Severity`], the certificate they are
//! about and named parameters. Codes never change meaning or name; `docs/findings.md` lists them.
//! [`render`] words them in English.
//!
//! ## Chains
//! The certificates given may come in any order, with extras, with a cross-signed copy of an
//! intermediate or without one. The engine builds every path from the leaf the way
//! rustls-webpki and Go do (depth first, backtracking from dead ends, stopping at the first
//! trust anchor, within the caps of [`limits`]), validates each as a strict client would
//! (RFC 5280 section 6 and the CA/Browser Forum profile: CA flags, path lengths, key usage,
//! intermediate EKU, name constraints, critical extensions, dates and keys of every
//! certificate), keeps the best in [`Report::chain`] and names the others in
//! `CHAIN_ALTERNATIVE` findings with the reason they were passed over.
//! [`Report::strict_client_accepts`] answers "would a strict TLS client accept this chain for
//! this host?"; `docs/conformance.md` compares that answer with x509-limbo, OpenSSL and
//! pyca/cryptography.
//!
//! ## Signatures
//! [`Options::verifier`] checks certificate signatures. The engine settles whatever needs no
//! cryptography (an unknown algorithm, a key that does not fit it, a malformed signature) and
//! asks the verifier only whether a key verifies a signature. [`signature::RustCrypto`] (the
//! `rustcrypto` feature, on by default) answers at once; a platform whose crypto is
//! asynchronous, like a browser's WebCrypto, uses [`signature::Answers`]: analyse, verify
//! what is pending, analyse again with the outcomes. A check without an answer is reported as
//! not verified, never as valid.
//!
//! ## Live checks, judged here
//! The engine never touches the network; the relay does, and hands over what it saw.
//! [`domain::analyze_domain`] judges the places Outlook looks for Autodiscover (what each does to
//! Outlook: silence, a certificate security alert, a redirect question) from [`domain::Probe`]s.
//! [`revocation`] builds OCSP requests and verifies OCSP responses and CRLs against the issuer;
//! the [`revocation::Evidence`] it returns goes back in through [`Options::revocation`].
//!
//! ## Time
//! The engine never reads the clock: [`Options::now`] decides validity, so a result can be
//! reproduced, and so the engine runs in a browser, where reading the clock through the
//! standard library traps.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod asn1;
mod base64;
mod certificate;
mod checks;
mod clients;
pub mod domain;
pub mod error;
mod finding;
mod hex;
mod host;
pub mod input;
pub mod limits;
pub mod msstd;
mod named;
mod names;
mod path;
pub mod principal;
mod public_key;
pub mod render;
mod report;
pub mod revocation;
pub mod signature;
mod trust;
mod unix_time;
pub mod version;
mod x509;

/// The own X.509 reader compared with x509-parser, for the `reader` fuzz target.
#[cfg(feature = "reference-reader")]
#[doc(hidden)]
pub use x509::reference::compare as compare_with_reference_reader;

pub use certificate::CertificateSummary;
pub use clients::{Client, ClientVerdict, Connects, Overall};
pub use error::Error;
pub use finding::{Code, Finding, Param, Severity};
pub use host::{AutodiscoverCheck, HostVerdict};
pub use input::{Format, Input};
pub use path::{AnchorSummary, Chain, ChainStatus};
pub use public_key::KeyDescription;
pub use report::{InputSummary, Report, Summary, SCHEMA};
pub use signature::{Verification, Verifier};
pub use trust::{AnchorSource, StoreVersion, TrustStore};
pub use unix_time::UnixTime;

use certificate::Parsed;
use limits::MAX_CERTIFICATES;

/// What to check the certificates against.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// The principal name in any form admins paste (see [`principal::parse`]); `None` when not given.
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
    /// What checks signatures: [`signature::RustCrypto`], or the platform's crypto.
    pub verifier: &'a dyn Verifier,
    /// Live revocation answers, verified ([`revocation::judge`]): each becomes a finding about
    /// the certificate it names (`CERT_REVOKED`, `REVOCATION_CHECK_FAILED`, `REVOCATION_GOOD`).
    /// Empty when nobody asked (the page, `check`).
    pub revocation: &'a [revocation::Evidence],
}

/// Whether `issuer` signed `child` (both one DER certificate): the check [`analyze`] makes for
/// each link of a chain, alone, for callers that only need that (and for benchmarks).
///
/// # Errors
/// [`Error::MalformedCertificate`] when either is not a readable certificate.
pub fn verify_link(child: &[u8], issuer: &[u8], verifier: &dyn Verifier) -> Result<Verification, Error> {
    let malformed = |reason: &str| Error::MalformedCertificate {
        reason: reason.to_owned(),
    };
    let child = x509::Certificate::parse(child).map_err(malformed)?;
    let issuer = x509::Certificate::parse(issuer).map_err(malformed)?;
    let algorithm = signature::Algorithm::of(&child.signature_algorithm);
    Ok(signature::check(
        child.tbs,
        &algorithm,
        child.signature,
        &issuer.public_key,
        verifier,
    ))
}

/// Decodes every input, builds the chain and judges it.
///
/// # Errors
/// [`Error::InInput`] naming the input, when any input cannot be used: nothing is silently
/// dropped. [`Error::Empty`] when there are no inputs, and [`Error::TooManyCertificates`]
/// beyond [`limits::MAX_CERTIFICATES`].
pub fn analyze(inputs: &[Input<'_>], options: &Options<'_>) -> Result<Report, Error> {
    if inputs.is_empty() {
        return Err(Error::Empty);
    }
    input::check_input_count(inputs.len())?;
    let mut decoded = Vec::with_capacity(inputs.len());
    for (position, input) in inputs.iter().enumerate() {
        decoded.push(input::decode(input).map_err(|e| e.in_input(input::label(input.name, position)))?);
    }
    let total: usize = decoded.iter().map(|d| d.certificates.len()).sum();
    if total > MAX_CERTIFICATES {
        return Err(Error::TooManyCertificates {
            limit: MAX_CERTIFICATES,
        });
    }
    let summaries: Vec<InputSummary> = inputs
        .iter()
        .zip(&decoded)
        .map(|(input, found)| InputSummary {
            name: input.name.to_owned(),
            format: found.format,
            certificates: found.certificates.len(),
            private_keys: found.keys.len(),
            trusted: input.trusted,
        })
        .collect();
    let named = named::merged(&decoded);
    if total == 0 {
        // Every input names a certificate instead of holding one (an input that does neither
        // was refused above).
        return named
            .map(|named| named::report(named, summaries, options))
            .ok_or(Error::Empty);
    }

    let mut findings = Vec::new();
    let mut certs: Vec<Parsed<'_>> = Vec::with_capacity(total);
    // Copied only when the admin supplies roots of their own.
    let mut trust = options.trust.map(std::borrow::Cow::Borrowed);
    let mut windows_trust = options.trust.and(options.windows_trust).map(std::borrow::Cow::Borrowed);
    for (input_index, (input, found)) in inputs.iter().zip(&decoded).enumerate() {
        for der in &found.certificates {
            if let Some(existing) = certs.iter().position(|c| c.der == der.as_slice()) {
                // A root both sent and supplied as trusted is not a duplicate in the chain.
                if input.trusted || certs.get(existing).is_some_and(|c| c.trusted_input) {
                    if let Some(cert) = certs.get(existing) {
                        for store in trust.iter_mut().chain(windows_trust.as_mut()) {
                            store
                                .to_mut()
                                .add_supplied(cert.x509.subject.raw, cert.x509.public_key.raw);
                        }
                    }
                    continue;
                }
                findings.push(
                    Finding::new(Code::ChainDuplicate, Severity::Info)
                        .about(existing)
                        .with("subject", certs.get(existing).map(Parsed::subject).unwrap_or_default()),
                );
                continue;
            }
            let parsed = Parsed::new(der, input_index, input.trusted).ok_or_else(|| {
                Error::MalformedCertificate {
                    reason: "it no longer parses".to_owned(),
                }
                .in_input(input.name.to_owned())
            })?;
            certs.push(parsed);
        }
    }

    for cert in certs.iter().filter(|c| c.trusted_input) {
        for store in trust.iter_mut().chain(windows_trust.as_mut()) {
            store
                .to_mut()
                .add_supplied(cert.x509.subject.raw, cert.x509.public_key.raw);
        }
    }
    let certificates: Vec<_> = certs
        .iter()
        .enumerate()
        .map(|(index, cert)| cert.summary(index, inputs.get(cert.input).map_or("", |i| i.name), options.now))
        .collect();
    // The path as Windows builds it, which the report shows, and the other clients' path, of
    // which only what differs is kept; without Microsoft's store, the other clients' alone.
    // Windows' store first when it is loaded: its path is the report's. One call site, so the
    // page's module carries the path builder once.
    let stores: Vec<&TrustStore> = windows_trust.iter().chain(trust.iter()).map(|s| &**s).collect();
    let mut built: Vec<(Chain, Vec<Finding>)> = stores
        .into_iter()
        .map(|store| {
            let mut found = Vec::new();
            let chain = path::build(&certs, &certificates, store, options.verifier, options.now, &mut found);
            (chain, found)
        })
        .collect();
    let other = (built.len() > 1)
        .then(|| built.pop())
        .flatten()
        .map(|(_, findings)| clients::OtherPath { findings });
    let (chain, chain_findings) = match built.pop() {
        Some(built) => built,
        None => (path::pending(&certs, &certificates), Vec::new()),
    };
    clients::findings(&certs, &chain, &chain_findings, other.as_ref(), &mut findings);
    let windows_chain: Vec<_> = chain_findings.iter().map(clients::key).collect();
    findings.extend(chain_findings);
    // An issuer downloaded to finish the path: Windows would fetch it too, the server does not
    // send it.
    for &index in &chain.path {
        let cert = &certs[index];
        if let Some(url) = inputs.get(cert.input).and_then(|i| i.fetched_from) {
            findings.push(
                Finding::new(Code::ChainFetchedFromAia, Severity::Warning)
                    .about(index)
                    .with("subject", cert.subject())
                    .with("url", url),
            );
        }
    }
    for evidence in options.revocation {
        if let Some(index) = certificates
            .iter()
            .position(|c| c.sha256_fingerprint == evidence.certificate)
        {
            findings.push(revocation::finding(evidence, index));
        }
    }
    let leaf_index = chain.path.first().copied().unwrap_or_default();
    let leaf = certs.get(leaf_index).ok_or(Error::Empty)?;
    checks::leaf(leaf, leaf_index, &mut findings);
    let keys: Vec<_> = decoded.iter().flat_map(|d| d.keys.iter().cloned()).collect();
    checks::key_pairs(leaf, leaf_index, &keys, &mut findings);

    if let (Some(named), Some(summary)) = (&named, certificates.get(leaf_index)) {
        named::compare(
            named,
            &summary.sha1_thumbprint,
            &summary.common_names,
            leaf_index,
            &mut findings,
        );
    }
    // What a pasted text says stands in for what was not typed.
    let named_principal = named.as_ref().and_then(|n| n.principal.as_deref());
    let principal = options.principal.or(named_principal).and_then(principal::parse);
    let host = options
        .host
        .filter(|h| !h.trim().is_empty())
        .or(named.as_ref().and_then(|n| n.host.as_deref()));
    let leaf_names = msstd::LeafNames {
        common_names: leaf.common_names(),
        dns_names: leaf.dns_names(),
        ip_addresses: leaf.ip_addresses(),
        emails: leaf.emails(),
    };
    let msstd = msstd::evaluate(principal.as_ref(), host, &leaf_names, leaf_index, &mut findings);
    if msstd.is_none() {
        findings.push(Finding::new(Code::MsstdNotGiven, Severity::Info));
    }
    let host_verdict = host.and_then(|h| host::evaluate(h, &leaf_names, leaf_index, &mut findings));
    let domain_of = host
        .map(str::to_owned)
        .or_else(|| principal.as_ref().and_then(|p| p.name().map(str::to_owned)));
    let autodiscover = domain_of.and_then(|d| host::autodiscover(&d, &leaf_names, leaf_index, &mut findings));

    findings.extend(version::stale_notes(options));
    Report::sort(&mut findings);
    let judged = chain.status != ChainStatus::Pending;
    let clients = clients::verdicts(&findings, msstd.as_ref(), judged, other.as_ref(), &windows_chain);
    let summary = Report::summarise(&findings, msstd.as_ref().map(|m| m.code), &clients);
    Ok(Report {
        schema: SCHEMA,
        build: version::Build::of(options),
        checked_at: options.now,
        inputs: summaries,
        certificates,
        leaf: leaf_index,
        chain,
        principal,
        msstd,
        host: host_verdict,
        autodiscover,
        names: named,
        clients,
        findings,
        summary,
    })
}
