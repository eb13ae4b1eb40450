//! A certificate request judged before it is bought: its names as the names-only report
//! judges a certificate's (the msstd verdict, the host, Autodiscover, every URL given), and its
//! key for the Exchange versions that will use it. The report says it is a request
//! (`REQUEST_ONLY`) and checks no chain: there is none yet.

use crate::exchange::{CertificateSource, ExchangeCertificate};
use crate::finding::{Code, Finding, Severity};
use crate::public_key::{describe, weakness};
use crate::report::{NamedCertificate, NamesSource};
use crate::x509::Request;

/// What a request says: the names, the findings about it, and the certificate it will become as
/// Exchange's settings are judged against it. `None` when it does not read (the decoder read it
/// already, so only a bug gets here).
pub(super) fn judge(der: &[u8]) -> Option<(NamedCertificate, Vec<Finding>, ExchangeCertificate)> {
    let request = Request::parse(der).ok()?;
    let subject = request.subject.windows_text();
    let common_names = request.subject.common_names();
    let dns_names: Vec<String> = request.dns_names.iter().map(|n| (*n).to_owned()).collect();
    let key = describe(&request.public_key);
    let key_text = [
        Some(key.algorithm.clone()),
        key.curve.clone(),
        key.bits.map(|b| format!("{b} bits")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let mut findings = vec![Finding::new(Code::RequestOnly, Severity::Warning)
        .with("subject", subject.as_str())
        .with("names", dns_names.clone())
        .with("key", key_text)];
    if let Some(reason) = weakness(&key) {
        findings.push(
            Finding::new(Code::KeyWeak, Severity::Error)
                .with("algorithm", key.algorithm.clone())
                .with("bits", i64::from(key.bits.unwrap_or_default()))
                .with("reason", reason)
                .with("subject", subject.as_str()),
        );
    }
    if key.algorithm == "EC" {
        findings.push(
            Finding::new(Code::RequestKeyEcc, Severity::Warning).with("curve", key.curve.clone().unwrap_or_default()),
        );
    }
    if let Some(provider) = request
        .provider
        .as_deref()
        .filter(|p| p.contains("Key Storage Provider"))
    {
        findings.push(Finding::new(Code::RequestKeyCng, Severity::Warning).with("provider", provider));
    }
    // `CertificateDomains` of the certificate to be: the DNS names, the Common Name without them.
    let names = if dns_names.is_empty() {
        common_names.clone()
    } else {
        dns_names.clone()
    };
    let becomes = ExchangeCertificate {
        source: CertificateSource::Request,
        thumbprint: String::new(),
        tls_certificate_name: String::new(),
        subject: subject.clone(),
        issuer: String::new(),
        names,
        not_before: None,
        not_after: None,
        services: None,
    };
    let named = NamedCertificate {
        sources: vec![NamesSource::CertificateRequest],
        subject: Some(subject),
        common_names,
        dns_names,
        ..NamedCertificate::default()
    };
    Some((named, findings, becomes))
}
