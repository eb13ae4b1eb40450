//! What a strict client checks on each certificate that issues another on the path (RFC 5280
//! section 6.1.4): that it is a CA, that its path length allows the CAs below it, that its key
//! may sign certificates, that its Extended Key Usage allows server certificates below it
//! (the rule browsers apply, beyond RFC 5280), and its name constraints.

use super::budget::{Budget, Exhausted};
use super::certificate::Role;
use super::name_constraints::{self, Outcome};
use crate::certificate::Parsed;
use crate::finding::{Code, Finding, Severity};
use crate::x509::NameConstraints;

/// Checks `certs[path[position]]` as the issuer of everything below it on `path`, in `role`.
pub(super) fn check(
    certs: &[Parsed<'_>],
    path: &[usize],
    position: usize,
    role: Role,
    budget: &mut Budget,
    findings: &mut Vec<Finding>,
) -> Result<(), Exhausted> {
    let index = path[position];
    let cert = &certs[index];
    let finding = |code| {
        Finding::new(code, Severity::Error)
            .about(index)
            .with("subject", cert.subject())
    };
    let constraints = cert.basic_constraints();
    // Version 1 certificates have no extensions, so cannot say they are CAs: they are
    // accepted as trust anchors only.
    let v1_anchor = cert.x509.version == 0 && role == Role::Anchor;
    match constraints {
        Some(bc) if bc.ca => {}
        _ if v1_anchor => {}
        _ => {
            let reason = match constraints {
                _ if cert.x509.version == 0 => "version-1",
                None => "no-basic-constraints",
                Some(_) => "not-ca",
            };
            findings.push(finding(Code::IssuerNotCa).with("reason", reason));
        }
    }
    if let Some(limit) = constraints.and_then(|bc| bc.path_len) {
        // Intermediates below this one, not counting self-issued ones (section 6.1.4 (l)).
        let below = path[1..position].iter().filter(|&&i| !certs[i].self_issued()).count();
        if u64::try_from(below).unwrap_or(u64::MAX) > limit {
            findings.push(
                finding(Code::PathLenExceeded)
                    .with("path_len", i64::try_from(limit).unwrap_or(i64::MAX))
                    .with("below", i64::try_from(below).unwrap_or(i64::MAX)),
            );
        }
    }
    if cert.key_usage_bits().is_some_and(|bits| !bits[5]) {
        findings.push(finding(Code::IssuerNoKeyCertSign));
    }
    if role == Role::Intermediate {
        if let Some(usages) = cert.extended_key_usage() {
            if !usages.iter().any(|u| u == "serverAuth" || u == "anyExtendedKeyUsage") {
                findings.push(finding(Code::EkuIssuerNoServerAuth).with("usages", usages));
            }
        }
    }
    let Some(constraints) = cert
        .x509
        .extension(crate::x509::extensions::oid::NAME_CONSTRAINTS)
        .and_then(|e| e.name_constraints())
    else {
        return Ok(());
    };
    constrain(
        certs,
        &path[..position],
        &constraints,
        &cert.subject(),
        budget,
        findings,
    )
}

/// Applies the name constraints of the CA `constrained_by` to the certificates `below` it
/// (leaf first): every one except self-issued intermediates (RFC 5280 section 6.1.3 (b)).
/// The first violation is reported.
pub(super) fn constrain(
    certs: &[Parsed<'_>],
    below: &[usize],
    constraints: &NameConstraints<'_>,
    constrained_by: &str,
    budget: &mut Budget,
    findings: &mut Vec<Finding>,
) -> Result<(), Exhausted> {
    for (depth, &subject) in below.iter().enumerate() {
        if depth > 0 && certs[subject].self_issued() {
            continue;
        }
        let outcome = name_constraints::check(constraints, &certs[subject], budget)?;
        let base = Finding::new(Code::NameConstraintViolation, Severity::Error)
            .about(subject)
            .with("constrained_by", constrained_by)
            .with("subject", certs[subject].subject());
        match outcome {
            Outcome::Allowed => continue,
            Outcome::Violated { name, excluded } => findings.push(
                base.with("name", name)
                    .with("constraint", if excluded { "excluded" } else { "permitted" }),
            ),
            Outcome::Invalid { constraint } => findings.push(base.with("invalid", constraint)),
        }
        break;
    }
    Ok(())
}
