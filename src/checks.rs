//! Per-certificate health checks along the path: dates, hashes, key sizes, usage, names.

use crate::certificate::Parsed;
use crate::finding::{Code, Finding, Severity};
use crate::input::KeyPublicPart;
use crate::limits::EXPIRY_WARNING_DAYS;
use crate::names::is_internal;
use crate::UnixTime;

/// Dates, signature hash and key size of every certificate on the path.
pub(crate) fn path_certificates(certs: &[Parsed<'_>], path: &[usize], now: UnixTime, findings: &mut Vec<Finding>) {
    for (position, &index) in path.iter().enumerate() {
        let cert = &certs[index];
        validity(cert, index, now, findings);
        // A root's own signature is never checked by clients, so its hash does not matter.
        let is_root = cert.self_issued() && position > 0;
        if !is_root {
            signature_hash(cert, index, findings);
        }
        key_size(cert, index, findings);
    }
}

fn validity(cert: &Parsed<'_>, index: usize, now: UnixTime, findings: &mut Vec<Finding>) {
    let (not_before, not_after) = (cert.not_before(), cert.not_after());
    let finding = if now > not_after {
        Finding::new(Code::CertExpired, Severity::Error)
            .with("not_after", not_after.to_string())
            .with("days", not_after.days_until(now))
    } else if now < not_before {
        Finding::new(Code::CertNotYetValid, Severity::Error)
            .with("not_before", not_before.to_string())
            .with("days", now.days_until(not_before))
    } else if now.days_until(not_after) < EXPIRY_WARNING_DAYS {
        Finding::new(Code::CertExpiresSoon, Severity::Warning)
            .with("not_after", not_after.to_string())
            .with("days", now.days_until(not_after))
    } else {
        return;
    };
    findings.push(finding.about(index).with("subject", cert.subject()));
}

fn signature_hash(cert: &Parsed<'_>, index: usize, findings: &mut Vec<Finding>) {
    let severity = if cert.algorithm.is_md() {
        Severity::Error
    } else if cert.algorithm.is_sha1() {
        Severity::Warning
    } else {
        return;
    };
    findings.push(
        Finding::new(Code::SigWeak, severity)
            .about(index)
            .with("hash", cert.algorithm.hash_name().unwrap_or_default())
            .with("algorithm", cert.algorithm.name()),
    );
}

fn key_size(cert: &Parsed<'_>, index: usize, findings: &mut Vec<Finding>) {
    let key = cert.key();
    let weak = match (key.algorithm.as_str(), key.bits) {
        ("RSA" | "DSA", Some(bits)) => bits < 2048,
        ("EC", Some(bits)) => bits < 256,
        _ => false,
    };
    if weak {
        findings.push(
            Finding::new(Code::KeyWeak, Severity::Error)
                .about(index)
                .with("algorithm", key.algorithm.clone())
                .with("bits", i64::from(key.bits.unwrap_or_default())),
        );
    }
}

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
