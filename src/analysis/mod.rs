//! The analysis behind [`crate::analyze`]: every input decoded, then one of two modes. Text
//! that only names a certificate gets the names-only report ([`names_only`], [`named`]);
//! certificates get the chain built and judged, then the leaf's own checks ([`checks`]) and
//! its names ([`certificates`]).

mod checks;
mod named;
mod options;
#[cfg(feature = "exchange-settings")]
mod request;

pub use options::Options;

use std::borrow::Cow;

use crate::certificate::{CertificateSummary, Parsed};
use crate::clients::{self, OtherPath};
use crate::finding::{Code, Finding, Severity};
use crate::input::{self, Decoded, Input};
use crate::limits::MAX_CERTIFICATES;
use crate::report::{Chain, ChainStatus, InputSummary, NamedCertificate, Report, SCHEMA};
use crate::signature::{self, Verification, Verifier};
use crate::trust::TrustStore;
use crate::{exchange, host, msstd, path, principal, revocation, version, x509, Error};

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
/// beyond [`crate::limits::MAX_CERTIFICATES`].
pub fn analyze(inputs: &[Input<'_>], options: &Options<'_>) -> Result<Report, Error> {
    run(inputs, options, None)
}

/// What [`run`] hands back beside the report, for [`crate::completion`]: every distinct
/// certificate's DER in the report's order (`Report::certificates`), without decoding the inputs
/// (a PKCS#12 key derivation among them) a second time, and the root files the options' index
/// stores lack for their names.
#[derive(Default)]
pub(crate) struct Seen {
    pub ders: Vec<Vec<u8>>,
    pub root_files: Vec<String>,
}

/// [`analyze`], also filling `seen` when it is given.
pub(crate) fn run(inputs: &[Input<'_>], options: &Options<'_>, seen: Option<&mut Seen>) -> Result<Report, Error> {
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
    let mut settings = exchange::Settings::default();
    for found in &mut decoded {
        settings.merge(std::mem::take(&mut found.exchange));
    }
    if total == 0 {
        return names_only(named, &decoded, &settings, summaries, options);
    }
    certificates(
        inputs,
        &decoded,
        total,
        summaries,
        Said { named, settings },
        options,
        seen,
    )
}

/// What pasted text says beside the certificates: a certificate it names, Exchange's settings.
struct Said {
    named: Option<NamedCertificate>,
    settings: exchange::Settings,
}

/// The names-only mode: every input names a certificate instead of holding one (an input that
/// does neither was refused while decoding), so only the names are checked.
fn names_only(
    named: Option<NamedCertificate>,
    decoded: &[Decoded],
    settings: &exchange::Settings,
    summaries: Vec<InputSummary>,
    options: &Options<'_>,
) -> Result<Report, Error> {
    // A certificate request: its names first, what other text says filling the rest (the host,
    // a principal).
    let (named, request) = match requested(decoded) {
        Some((mut from_request, request)) => {
            if let Some(other) = named {
                from_request.merge(other);
            }
            (Some(from_request), Some(request))
        }
        None => (named, None),
    };
    if named.is_none() && settings.is_empty() {
        return Err(Error::Empty);
    }
    Ok(named::report(named, request, settings, summaries, options))
}

/// The first certificate request given, judged: the names it asks for, its findings and the
/// certificate it will become.
#[cfg(feature = "exchange-settings")]
fn requested(decoded: &[Decoded]) -> Option<(NamedCertificate, named::Requested)> {
    let (named, findings, becomes) = decoded
        .iter()
        .flat_map(|d| &d.requests)
        .find_map(|der| request::judge(der))?;
    Some((named, named::Requested { findings, becomes }))
}

/// None: a build without `exchange-settings` refuses requests as it reads them
/// ([`Error::CertificateRequestUnsupported`]).
#[cfg(not(feature = "exchange-settings"))]
fn requested(_: &[Decoded]) -> Option<(NamedCertificate, named::Requested)> {
    None
}

/// The certificate mode: the chain built from the `total` certificates `decoded` and judged
/// for every family of clients, then the leaf's key and names.
fn certificates(
    inputs: &[Input<'_>],
    decoded: &[Decoded],
    total: usize,
    summaries: Vec<InputSummary>,
    said: Said,
    options: &Options<'_>,
    seen: Option<&mut Seen>,
) -> Result<Report, Error> {
    let Said { named, settings } = said;
    let mut findings = Vec::new();
    let Distinct {
        certs,
        trust,
        windows_trust,
    } = distinct(inputs, decoded, total, options, &mut findings)?;
    if let Some(seen) = seen {
        seen.ders.extend(certs.iter().map(|c| c.der.to_vec()));
        for store in [options.trust, options.windows_trust].into_iter().flatten() {
            for file in missing_files(&certs, store) {
                if !seen.root_files.iter().any(|f| f == file) {
                    seen.root_files.push(file.to_owned());
                }
            }
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
        .map(|(_, findings)| OtherPath { findings });
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
    let names = leaf_names(leaf, leaf_index, named.as_ref(), &certificates, options, &mut findings);

    let given = || {
        certs
            .iter()
            .zip(&certificates)
            .filter(|(_, summary)| !summary.is_ca)
            .map(|(cert, summary)| exchange::ExchangeCertificate::given(cert, summary))
            .collect()
    };
    let exchange = exchange::section(&settings, given, Some(leaf_index), options.now, &mut findings);
    findings.extend(version::stale_notes(options));
    Report::sort(&mut findings);
    let judged = chain.status != ChainStatus::Pending;
    let clients = clients::verdicts(&findings, names.msstd.as_ref(), judged, other.as_ref(), &windows_chain);
    let summary = Report::summarise(&findings, names.msstd.as_ref().map(|m| m.code), &clients);
    Ok(Report {
        schema: SCHEMA,
        build: version::Build::of(options),
        checked_at: options.now,
        inputs: summaries,
        certificates,
        leaf: leaf_index,
        chain,
        principal: names.principal,
        msstd: names.msstd,
        host: names.host,
        autodiscover: names.autodiscover,
        names: named,
        exchange,
        clients,
        findings,
        summary,
    })
}

/// The certificates given, each once, and the stores the chain is built with: the options'
/// own, or copies with the roots the admin supplied added.
struct Distinct<'a> {
    certs: Vec<Parsed<'a>>,
    trust: Option<Cow<'a, TrustStore>>,
    windows_trust: Option<Cow<'a, TrustStore>>,
}

/// Every certificate of `decoded` once (`CHAIN_DUPLICATE` for a second copy of one sent), and
/// the certificates supplied as trusted added to the stores.
fn distinct<'a>(
    inputs: &[Input<'_>],
    decoded: &'a [Decoded],
    total: usize,
    options: &Options<'a>,
    findings: &mut Vec<Finding>,
) -> Result<Distinct<'a>, Error> {
    let mut certs: Vec<Parsed<'_>> = Vec::with_capacity(total);
    // Copied only when the admin supplies roots of their own.
    let mut trust = options.trust.map(Cow::Borrowed);
    let mut windows_trust = options.trust.and(options.windows_trust).map(Cow::Borrowed);
    for (input_index, (input, found)) in inputs.iter().zip(decoded).enumerate() {
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
    // A store built from an index judges only once it holds the roots these certificates name
    // (`completion::Need::RootFile`); until then it is as if it were not loaded.
    let lacks = |store: &TrustStore| !missing_files(&certs, store).is_empty();
    if trust.as_deref().is_some_and(lacks) {
        trust = None;
        windows_trust = None;
    }
    if windows_trust.as_deref().is_some_and(lacks) {
        windows_trust = None;
    }
    Ok(Distinct {
        certs,
        trust,
        windows_trust,
    })
}

/// The files of `store`'s index that hold roots named as the subject or issuer of one of
/// `certs`, not loaded yet.
fn missing_files<'s>(certs: &[Parsed<'_>], store: &'s TrustStore) -> Vec<&'s str> {
    let mut files: Vec<&str> = Vec::new();
    for name in certs.iter().flat_map(|c| [c.x509.subject.raw, c.x509.issuer.raw]) {
        match store.missing_file(name) {
            Some(file) if !files.contains(&file) => files.push(file),
            _ => {}
        }
    }
    files
}

/// What the leaf's names answer: the principal as parsed, the msstd, host and Autodiscover
/// verdicts.
struct LeafVerdicts {
    principal: Option<principal::Principal>,
    msstd: Option<msstd::MsstdVerdict>,
    host: Option<host::HostVerdict>,
    autodiscover: Option<host::AutodiscoverCheck>,
}

/// The names checks on the leaf: against the certificate pasted text names (when given), the
/// principal, the host, the Autodiscover name.
fn leaf_names(
    leaf: &Parsed<'_>,
    leaf_index: usize,
    named: Option<&NamedCertificate>,
    certificates: &[CertificateSummary],
    options: &Options<'_>,
    findings: &mut Vec<Finding>,
) -> LeafVerdicts {
    if let (Some(named), Some(summary)) = (named, certificates.get(leaf_index)) {
        named::compare(
            named,
            &summary.sha1_thumbprint,
            &summary.common_names,
            leaf_index,
            findings,
        );
    }
    // What a pasted text says stands in for what was not typed.
    let named_principal = named.and_then(|n| n.principal.as_deref());
    let principal = options.principal.or(named_principal).and_then(principal::parse);
    let host = options
        .host
        .filter(|h| !h.trim().is_empty())
        .or(named.and_then(|n| n.host.as_deref()));
    let leaf_names = msstd::LeafNames {
        common_names: leaf.common_names(),
        dns_names: leaf.dns_names(),
        ip_addresses: leaf.ip_addresses(),
        emails: leaf.emails(),
    };
    let msstd = msstd::evaluate(principal.as_ref(), host, &leaf_names, leaf_index, findings);
    if msstd.is_none() {
        findings.push(Finding::new(Code::MsstdNotGiven, Severity::Info));
    }
    let host_verdict = host.and_then(|h| host::evaluate(h, &leaf_names, leaf_index, findings));
    let domain_of = host
        .map(str::to_owned)
        .or_else(|| principal.as_ref().and_then(|p| p.name().map(str::to_owned)));
    let autodiscover = domain_of.and_then(|d| host::autodiscover(&d, &leaf_names, leaf_index, findings));
    LeafVerdicts {
        principal,
        msstd,
        host: host_verdict,
        autodiscover,
    }
}
