//! The report when a certificate is named instead of given: `Get-ExchangeCertificate` output,
//! Remote Connectivity Analyzer's line, `Get-OutlookAnywhere` output (`input::names`). The
//! names checks run as on a certificate (the msstd verdict for both Windows families, the host,
//! Autodiscover, the fix); the chain, the signatures, the key and the validity are not checked,
//! and `NAMES_ONLY` says so. When a certificate is given as well, `NAMES_OTHER_CERTIFICATE`
//! says whether the text names another one (the admin exported the wrong certificate).

use crate::clients::{self, Connects, OtherPath};
use crate::finding::{Code, Finding, Severity};
use crate::input::Decoded;
use crate::msstd::{self, LeafNames};
use crate::report::{Chain, ChainStatus, InputSummary, NamedCertificate, NamesSource, Report, SCHEMA};
use crate::{exchange, host, principal, Options};

/// A certificate request's findings and the certificate it will become (`super::request`).
#[cfg_attr(
    not(feature = "exchange-settings"),
    allow(
        dead_code,
        reason = "a build without exchange-settings refuses requests as it reads them"
    )
)]
pub(crate) struct Requested {
    pub findings: Vec<Finding>,
    pub becomes: exchange::ExchangeCertificate,
}

/// What every input that names a certificate says, together.
pub(crate) fn merged(decoded: &[Decoded]) -> Option<NamedCertificate> {
    let mut all = decoded.iter().filter_map(|d| d.names.clone());
    let mut named = all.next()?;
    for other in all {
        named.merge(other);
    }
    Some(named)
}

fn source(source: NamesSource) -> &'static str {
    match source {
        NamesSource::GetExchangeCertificate => "get-exchange-certificate",
        NamesSource::ConnectivityAnalyzer => "connectivity-analyzer",
        NamesSource::GetOutlookAnywhere => "get-outlook-anywhere",
        NamesSource::CertificateRequest => "certificate-request",
    }
}

/// The report from names alone, or from Exchange's settings alone when `named` is `None`.
/// (Not inlined into `analyze`, where it would widen the hot path of every analysis of a
/// certificate.)
#[inline(never)]
pub(crate) fn report(
    named: Option<NamedCertificate>,
    request: Option<Requested>,
    settings: &exchange::Settings,
    inputs: Vec<InputSummary>,
    options: &Options<'_>,
) -> Report {
    let given = named.is_some();
    let named = named.unwrap_or_default();
    let (request_findings, becomes) = match request {
        Some(Requested { findings, becomes }) => (Some(findings), Some(becomes)),
        None => (None, None),
    };
    let names_only = (given && request_findings.is_none())
        .then(|| {
            Finding::new(Code::NamesOnly, Severity::Warning)
                .with(
                    "sources",
                    named.sources.iter().map(|s| source(*s).to_owned()).collect::<Vec<_>>(),
                )
                .with(
                    "certificate",
                    if named.names_a_certificate() {
                        "named"
                    } else {
                        "missing"
                    },
                )
        })
        .into_iter();
    let mut findings: Vec<Finding> = request_findings.into_iter().flatten().chain(names_only).collect();
    let principal = options
        .principal
        .or(named.principal.as_deref())
        .and_then(principal::parse);
    let host_text = options.host.filter(|h| !h.trim().is_empty()).or(named.host.as_deref());
    let names = LeafNames {
        common_names: named.common_names.clone(),
        dns_names: named.dns_names.clone(),
        ip_addresses: Vec::new(),
        emails: Vec::new(),
    };
    let (msstd, host_verdict, autodiscover) = if named.names_a_certificate() {
        let msstd = msstd::evaluate(principal.as_ref(), host_text, &names, 0, &mut findings);
        let host_verdict = host_text.and_then(|h| host::evaluate(h, &names, 0, &mut findings));
        let domain_of = host_text
            .map(str::to_owned)
            .or_else(|| principal.as_ref().and_then(|p| p.name().map(str::to_owned)));
        let autodiscover = domain_of.and_then(|d| host::autodiscover(&d, &names, 0, &mut findings));
        (msstd, host_verdict, autodiscover)
    } else {
        (None, None, None)
    };
    // The report holds no certificate for a finding to point at.
    for finding in &mut findings {
        finding.certificate = None;
    }
    let exchange = exchange::section(
        settings,
        || becomes.into_iter().collect(),
        None,
        options.now,
        &mut findings,
    );
    Report::sort(&mut findings);
    let mut verdicts = clients::verdicts(
        &findings,
        msstd.as_ref(),
        true,
        Some(&OtherPath { findings: Vec::new() }),
        &[],
    );
    // What names alone cannot stop is not known to connect: the chain was not seen.
    let unchecked: Vec<usize> = (0..findings.len())
        .filter(|&i| matches!(findings[i].code, Code::NamesOnly | Code::RequestOnly))
        .collect();
    for verdict in verdicts
        .iter_mut()
        .filter(|v| v.outcome == Connects::Yes || !named.names_a_certificate())
    {
        verdict.outcome = Connects::Uncertain;
        verdict.findings = unchecked.clone();
    }
    let summary = Report::summarise(&findings, msstd.as_ref().map(|m| m.code), &verdicts);
    Report {
        schema: SCHEMA,
        build: crate::version::Build::of(options),
        checked_at: options.now,
        inputs,
        certificates: Vec::new(),
        leaf: 0,
        chain: Chain {
            path: Vec::new(),
            status: ChainStatus::NotGiven,
            anchor: None,
            pem: String::new(),
        },
        principal,
        msstd,
        host: host_verdict,
        autodiscover,
        names: given.then_some(named),
        exchange,
        clients: verdicts,
        findings,
        summary,
    }
}

/// When a certificate is given as well: whether the text names another one.
pub(crate) fn compare(
    named: &NamedCertificate,
    thumbprint: &str,
    common_names: &[String],
    leaf_index: usize,
    findings: &mut Vec<Finding>,
) {
    let other = match (&named.thumbprint, named.common_names.first()) {
        (Some(shown), _) if !shown.eq_ignore_ascii_case(thumbprint) => {
            Some(("thumbprint", shown.clone(), thumbprint.to_owned()))
        }
        (None, Some(cn)) if !common_names.iter().any(|c| c.eq_ignore_ascii_case(cn)) => {
            Some(("common-name", cn.clone(), common_names.join(", ")))
        }
        _ => None,
    };
    if let Some((by, named_as, given)) = other {
        findings.push(
            Finding::new(Code::NamesOtherCertificate, Severity::Warning)
                .about(leaf_index)
                .with("by", by)
                .with("named", named_as)
                .with("given", given)
                .with(
                    "sources",
                    named.sources.iter().map(|s| source(*s).to_owned()).collect::<Vec<_>>(),
                ),
        );
    }
}
