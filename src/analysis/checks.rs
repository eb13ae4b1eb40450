//! What only matters for the server's own certificate: its usage, its names, its private key.
//! (Checks on every certificate of the path are in [`crate::path`].)

use crate::certificate::Parsed;
use crate::finding::{Code, Finding, Severity};
use crate::input::KeyPublicPart;
use crate::names::is_internal;

/// What only matters for the server's own certificate.
pub(crate) fn leaf(cert: &Parsed<'_>, index: usize, findings: &mut Vec<Finding>) {
    if let Some(usages) = cert.extended_key_usage() {
        if !usages.iter().any(|u| u == "serverAuth" || u == "anyExtendedKeyUsage") {
            findings.push(
                Finding::new(Code::EkuNoServerAuth, Severity::Error)
                    .about(index)
                    .with("usages", usages),
            );
        }
    }
    if cert.is_ca() {
        findings.push(Finding::new(Code::LeafIsCa, Severity::Warning).about(index));
    }
    cn_in_san(cert, index, findings);
    let mut internal: Vec<String> = cert
        .common_names()
        .into_iter()
        .chain(cert.dns_names())
        .chain(cert.ip_addresses().iter().map(ToString::to_string))
        .filter(|name| is_internal(name))
        .collect();
    internal.dedup();
    if !internal.is_empty() {
        findings.push(
            Finding::new(Code::NameInternal, Severity::Warning)
                .about(index)
                .with("names", internal),
        );
    }
}

/// BR 7.1.2.7.2: a Common Name must repeat a SubjectAltName, byte for byte (an address in its
/// RFC 5952 text form). Only judged when the certificate has SubjectAltNames at all: without
/// them, `HOST_CN_ONLY` says what matters.
fn cn_in_san(cert: &Parsed<'_>, index: usize, findings: &mut Vec<Finding>) {
    let names: Vec<String> = cert
        .dns_names()
        .into_iter()
        .chain(cert.ip_addresses().iter().map(ToString::to_string))
        .collect();
    if names.is_empty() {
        return;
    }
    for common_name in cert.common_names() {
        if !names.contains(&common_name) {
            findings.push(
                Finding::new(Code::LeafCnNotInSan, Severity::Warning)
                    .about(index)
                    .with("common_name", common_name)
                    .with("names", names.clone()),
            );
        }
    }
}

/// Whether the private keys given belong to the leaf.
pub(crate) fn key_pairs(cert: &Parsed<'_>, index: usize, keys: &[KeyPublicPart], findings: &mut Vec<Finding>) {
    let outcomes: Vec<bool> = keys
        .iter()
        .filter_map(|key| key.matches(&cert.x509.public_key))
        .collect();
    if outcomes.is_empty() {
        return;
    }
    let finding = if outcomes.contains(&true) {
        Finding::new(Code::KeyPairMatch, Severity::Info)
    } else {
        Finding::new(Code::KeyPairMismatch, Severity::Error)
    };
    findings.push(
        finding
            .about(index)
            .with("keys", i64::try_from(outcomes.len()).unwrap_or(i64::MAX)),
    );
}
