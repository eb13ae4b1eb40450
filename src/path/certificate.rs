//! What a strict client checks on each certificate of a path, whatever its place: dates,
//! signature hash, key, extensions it must understand, and the RFC 5280 and CA/Browser Forum
//! profile rules that strict verifiers (rustls-webpki, pyca/cryptography, Go) enforce.

use crate::certificate::Parsed;
use crate::finding::{Code, Finding, Severity};
use crate::limits::expiry_warning_days;
use crate::names::is_ldh_label;
use crate::public_key::{weakness, KeyDescription};
use crate::signature::Algorithm;
use crate::x509::extensions::oid;
use crate::x509::{Extension, GeneralName};
use crate::UnixTime;

/// Where a certificate sits on the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Leaf,
    Intermediate,
    /// The path's last certificate, a trust anchor.
    Anchor,
    /// The path's last certificate, self-issued and not trusted.
    Root,
}

impl Role {
    fn is_top(self) -> bool {
        matches!(self, Self::Anchor | Self::Root)
    }
}

/// Every per-certificate finding for `cert` in `role`.
pub(super) fn check(cert: &Parsed<'_>, index: usize, role: Role, now: UnixTime, findings: &mut Vec<Finding>) {
    validity(cert, index, now, findings);
    // A root's own signature is never checked by clients, so its hash does not matter.
    if !role.is_top() {
        signature_hash(cert, index, findings);
    }
    let key = cert.key();
    key_strength(cert, &key, index, findings);
    post_quantum(cert, &key, index, role, findings);
    extensions(cert, index, findings);
    for rule in profile(cert, &key, role) {
        findings.push(
            Finding::new(Code::ProfileViolation, Severity::Warning)
                .about(index)
                .with("rule", rule)
                .with("subject", cert.subject()),
        );
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
    } else if now.days_until(not_after) < expiry_warning_days(not_before.days_until(not_after)) {
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

/// A post-quantum key (its signatures on the certificate below are post-quantum too), or else a
/// post-quantum signature: what a client must verify in TLS. A root's own signature is never
/// checked, so only its key counts.
fn post_quantum(cert: &Parsed<'_>, key: &KeyDescription, index: usize, role: Role, findings: &mut Vec<Finding>) {
    let signature = match &cert.algorithm {
        Algorithm::PostQuantum(pq) if !role.is_top() => Some(pq.parameter_set()),
        _ => None,
    };
    let (algorithm, what) = match (&key.parameter_set, signature) {
        (Some(set), _) => (set.as_str(), "key"),
        (None, Some(set)) => (set, "signature"),
        (None, None) => return,
    };
    findings.push(
        Finding::new(Code::KeyPostQuantum, Severity::Warning)
            .about(index)
            .with("algorithm", algorithm)
            .with("what", what)
            .with("subject", cert.subject()),
    );
}

fn key_strength(cert: &Parsed<'_>, key: &KeyDescription, index: usize, findings: &mut Vec<Finding>) {
    if let Some(reason) = weakness(key) {
        let mut finding = Finding::new(Code::KeyWeak, Severity::Error)
            .about(index)
            .with("algorithm", key.algorithm.clone())
            .with("bits", i64::from(key.bits.unwrap_or_default()))
            .with("reason", reason)
            .with("subject", cert.subject());
        if let Some(curve) = &key.curve {
            finding = finding.with("curve", curve.clone());
        }
        findings.push(finding);
    }
}

/// Extensions a client must understand when they are critical: the ones this tool reads,
/// and the policy extensions (see `docs/conformance.md`: policies are recognised, not
/// processed, as TLS clients require no explicit policy). A critical AIA is understood, and
/// refused by the profile rule `aia-critical` instead.
const UNDERSTOOD: [&[u8]; 13] = [
    oid::SUBJECT_KEY_ID,
    oid::KEY_USAGE,
    oid::SUBJECT_ALT_NAME,
    oid::BASIC_CONSTRAINTS,
    oid::NAME_CONSTRAINTS,
    oid::CRL_DISTRIBUTION_POINTS,
    oid::CERTIFICATE_POLICIES,
    oid::POLICY_MAPPINGS,
    oid::AUTHORITY_KEY_ID,
    oid::POLICY_CONSTRAINTS,
    oid::EXTENDED_KEY_USAGE,
    oid::INHIBIT_ANY_POLICY,
    oid::AUTHORITY_INFO_ACCESS,
];

/// The name of an extension this tool reads, when its content does not parse.
fn malformed(extension: &Extension<'_>) -> Option<&'static str> {
    let (name, parses) = match extension.oid {
        oid::SUBJECT_KEY_ID => ("subjectKeyIdentifier", extension.subject_key_id().is_some()),
        oid::KEY_USAGE => ("keyUsage", extension.key_usage_bits().is_some()),
        oid::SUBJECT_ALT_NAME => ("subjectAltName", extension.general_names().is_some()),
        oid::BASIC_CONSTRAINTS => ("basicConstraints", extension.basic_constraints().is_some()),
        oid::NAME_CONSTRAINTS => ("nameConstraints", extension.name_constraints().is_some()),
        oid::AUTHORITY_KEY_ID => ("authorityKeyIdentifier", extension.authority_key_id_fields().is_some()),
        oid::EXTENDED_KEY_USAGE => ("extKeyUsage", extension.purposes().is_some()),
        oid::AUTHORITY_INFO_ACCESS => ("authorityInfoAccess", extension.access_urls(oid::CA_ISSUERS).is_some()),
        _ => return None,
    };
    (!parses).then_some(name)
}

fn extensions(cert: &Parsed<'_>, index: usize, findings: &mut Vec<Finding>) {
    for extension in &cert.x509.extensions {
        if let Some(name) = malformed(extension) {
            findings.push(
                Finding::new(Code::ExtensionMalformed, Severity::Error)
                    .about(index)
                    .with("extension", name)
                    .with("subject", cert.subject()),
            );
        } else if extension.critical && !UNDERSTOOD.contains(&extension.oid) {
            findings.push(
                Finding::new(Code::ExtensionCriticalUnknown, Severity::Error)
                    .about(index)
                    .with("oid", crate::asn1::oid_string(extension.oid))
                    .with("subject", cert.subject()),
            );
        }
    }
}

/// The profile rules `cert` (whose key is `key`) breaks in `role`, by the names
/// `docs/findings.md` lists.
fn profile(cert: &Parsed<'_>, key: &KeyDescription, role: Role) -> Vec<&'static str> {
    let x509 = &cert.x509;
    let extension = |id: &[u8]| x509.extension(id);
    let critical = |id: &[u8]| extension(id).is_some_and(|e| e.critical);
    let is_ca = cert.is_ca();
    let self_issued = cert.self_issued();
    let mut rules = Vec::new();
    let mut rule = |broken: bool, name: &'static str| {
        if broken {
            rules.push(name);
        }
    };

    // RFC 5280 section 4.1.1.2: the two copies of the signature algorithm must agree.
    rule(
        x509.tbs_signature_algorithm.raw != x509.signature_algorithm.raw,
        "signature-algorithm-mismatch",
    );
    // Section 4.1.2.2: a positive integer of at most 20 octets. Not judged on trust anchors,
    // which clients take as they are (Starfield's G2 root has serial 0).
    let serial = x509.serial;
    if role != Role::Anchor {
        rule(serial.first().is_some_and(|b| b & 0x80 != 0), "serial-negative");
        rule(serial.iter().all(|&b| b == 0), "serial-zero");
        rule(serial.len() > 20, "serial-too-long");
    }
    // Sections 4.1.2.4 and 4.1.2.6: names.
    rule(x509.issuer.is_empty(), "empty-issuer");
    rule(is_ca && x509.subject.is_empty(), "ca-empty-subject");
    let san = extension(oid::SUBJECT_ALT_NAME);
    rule(
        x509.subject.is_empty() && !san.is_some_and(|e| e.critical),
        "empty-subject-without-critical-san",
    );
    // CA/Browser Forum BR 7.1.2.7.12: critical only when the subject is empty.
    rule(
        !x509.subject.is_empty() && san.is_some_and(|e| e.critical) && role == Role::Leaf,
        "san-critical-with-subject",
    );
    // Sections 4.2.1.1 and 4.2.1.2: key identifiers.
    let aki = extension(oid::AUTHORITY_KEY_ID);
    rule(aki.is_none() && !self_issued, "aki-missing");
    rule(critical(oid::AUTHORITY_KEY_ID), "aki-critical");
    rule(is_ca && extension(oid::SUBJECT_KEY_ID).is_none(), "ski-missing");
    rule(critical(oid::SUBJECT_KEY_ID), "ski-critical");
    // CA/Browser Forum BR 7.1.2.1.3: a root's AKI holds only its own key identifier.
    if self_issued && role.is_top() {
        if let Some((key_id, issuer_or_serial)) = aki.and_then(Extension::authority_key_id_fields) {
            rule(key_id.is_none() || issuer_or_serial, "root-aki-form");
            rule(
                key_id.is_some() && key_id != cert.subject_key_id(),
                "root-aki-ski-mismatch",
            );
        }
        // BR 7.1.2.1.2: a root has no EKU.
        rule(extension(oid::EXTENDED_KEY_USAGE).is_some(), "root-eku");
    }
    // Section 4.2.1.9: basicConstraints is critical in CA certificates.
    rule(
        is_ca && !critical(oid::BASIC_CONSTRAINTS) && role != Role::Leaf,
        "basic-constraints-not-critical",
    );
    // Section 4.2.1.3: keyCertSign only with cA.
    rule(
        !is_ca && cert.key_usage_bits().is_some_and(|bits| bits[5]),
        "key-cert-sign-without-ca",
    );
    // Section 4.2.2.1: AIA is never critical; 4.2.1.10: name constraints only in CAs;
    // 4.2.1.11: policy constraints always critical.
    rule(critical(oid::AUTHORITY_INFO_ACCESS), "aia-critical");
    rule(
        role == Role::Leaf && !is_ca && extension(oid::NAME_CONSTRAINTS).is_some(),
        "name-constraints-in-leaf",
    );
    rule(
        extension(oid::POLICY_CONSTRAINTS).is_some_and(|e| !e.critical),
        "policy-constraints-not-critical",
    );
    if role == Role::Leaf {
        // BR 7.1.2.7.10: a server certificate's EKU names purposes, not "any", and is not
        // critical.
        let eku = extension(oid::EXTENDED_KEY_USAGE);
        rule(
            cert.extended_key_usage()
                .is_some_and(|u| u.iter().any(|p| p == "anyExtendedKeyUsage")),
            "eku-any",
        );
        rule(eku.is_some_and(|e| e.critical), "eku-critical");
        // BR 7.1.2.7.12: dNSName entries are host names in preferred name syntax.
        rule(
            cert.general_names().iter().any(|n| match n {
                GeneralName::Dns(name) => !valid_san_dns(name),
                GeneralName::Other(0x82) => true,
                _ => false,
            }),
            "dns-name-invalid",
        );
        // BR 7.1.1: version 3.
        rule(x509.version != 2, "not-version-3");
    }
    // BR 6.1.5: an RSA modulus is a whole number of bytes.
    rule(
        key.algorithm == "RSA" && key.bits.is_some_and(|b| b % 8 != 0),
        "rsa-modulus-size",
    );
    rules
}

/// A dNSName as the Baseline Requirements allow it: letters, digits and hyphens in labels of
/// 1 to 63, a wildcard only as the whole left-most label of a name with two more labels, not
/// an IP address.
fn valid_san_dns(name: &str) -> bool {
    let base = name.strip_prefix("*.").unwrap_or(name);
    let labels: Vec<&str> = base.split('.').collect();
    let all_numeric = labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit()));
    !base.is_empty()
        && !all_numeric
        && (base.len() == name.len() || labels.len() >= 2)
        && labels
            .iter()
            .all(|label| is_ldh_label(label) && !label.starts_with('-') && !label.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::valid_san_dns;

    #[test]
    fn san_dns_names_in_preferred_syntax() {
        for good in ["example.com", "*.example.com", "xn--bcher-kva.example", "a-b.c"] {
            assert!(valid_san_dns(good), "{good}");
        }
        for bad in [
            "foo_bar.example.com",
            "8.8.8.8",
            "*.com",
            "*",
            "a..b",
            "-a.b",
            "f*o.example.com",
            "",
        ] {
            assert!(!valid_san_dns(bad), "{bad}");
        }
    }
}
