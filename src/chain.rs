//! Building the path from the leaf to a trusted root out of whatever certificates were given,
//! in whatever order, and saying what is wrong with how they were presented.

use serde::Serialize;

use crate::certificate::{CertificateSummary, Parsed};
use crate::finding::{Code, Finding, Severity};
use crate::signature::{self, Verification, Verifier};
use crate::trust::{AnchorSource, TrustStore};
use crate::x509::PublicKeyInfo;

/// The path the analysis built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// Indices into [`crate::Report::certificates`], leaf first.
    pub path: Vec<usize>,
    /// How the path ends.
    pub status: ChainStatus,
    /// The trusted root the path ends at, when it does.
    pub anchor: Option<AnchorSummary>,
    /// The chain a server should send, leaf first, root left out: PEM ready to import.
    pub pem: String,
}

/// How a path ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChainStatus {
    /// At a trusted root.
    Trusted,
    /// At a root that is not trusted.
    UntrustedRoot,
    /// At a certificate whose issuer was not given and is not a trusted root.
    Incomplete,
    /// The leaf is self-signed.
    SelfSigned,
}

/// The trusted root a path ends at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnchorSummary {
    /// Its subject.
    pub subject: String,
    /// Where it comes from.
    pub source: AnchorSource,
}

/// Whether `parent`'s subject is `child`'s issuer, with key identifiers that agree when both
/// are present.
fn names_issuer(child: &Parsed<'_>, parent: &Parsed<'_>) -> bool {
    child.x509.issuer.raw == parent.x509.subject.raw
        && match (child.authority_key_id(), parent.subject_key_id()) {
            (Some(aki), Some(ski)) => aki == ski,
            _ => true,
        }
}

fn check(child: &Parsed<'_>, parent_key: &PublicKeyInfo<'_>, verifier: &dyn Verifier) -> Verification {
    signature::check(
        child.x509.tbs,
        &child.algorithm,
        child.x509.signature,
        parent_key,
        verifier,
    )
}

/// The leaf: the first certificate that is not a CA and signs no other given certificate;
/// failing that, the first that signs none; failing that, the first.
fn leaf(certs: &[Parsed<'_>], candidates: &[usize]) -> usize {
    let signs_another = |i: usize| {
        candidates
            .iter()
            .any(|&j| j != i && !certs[j].self_issued() && names_issuer(&certs[j], &certs[i]))
    };
    candidates
        .iter()
        .copied()
        .find(|&i| !certs[i].is_ca() && !signs_another(i))
        .or_else(|| candidates.iter().copied().find(|&i| !signs_another(i)))
        .unwrap_or(candidates[0])
}

/// Builds the path over `certs` (unique, in presented order; `summaries` theirs, for the PEM)
/// and records findings.
pub(crate) fn build(
    certs: &[Parsed<'_>],
    summaries: &[CertificateSummary],
    trust: &TrustStore,
    verifier: &dyn Verifier,
    findings: &mut Vec<Finding>,
) -> Chain {
    let presented: Vec<usize> = (0..certs.len()).filter(|&i| !certs[i].trusted_input).collect();
    let candidates = if presented.is_empty() {
        (0..certs.len()).collect()
    } else {
        presented
    };
    let mut path = vec![leaf(certs, &candidates)];
    let mut status = ChainStatus::Incomplete;
    let mut anchor = None;
    loop {
        let current = *path.last().unwrap_or(&0);
        let cert = &certs[current];
        if cert.self_issued() {
            match trust.find_root(cert.x509.subject.raw, cert.x509.public_key.raw) {
                Some(found) => {
                    status = ChainStatus::Trusted;
                    anchor = Some(AnchorSummary {
                        subject: found.name(),
                        source: found.source,
                    });
                }
                None if path.len() == 1 => status = ChainStatus::SelfSigned,
                None => status = ChainStatus::UntrustedRoot,
            }
            break;
        }
        let issuer = candidates
            .iter()
            .copied()
            .filter(|i| !path.contains(i) && names_issuer(cert, &certs[*i]))
            .map(|i| (i, check(cert, &certs[i].x509.public_key, verifier)))
            .min_by_key(|(_, outcome)| *outcome != Verification::Valid);
        if let Some((parent, outcome)) = issuer {
            note_signature(outcome, current, &certs[parent].subject(), findings);
            path.push(parent);
            continue;
        }
        let by_anchor = trust
            .named(cert.x509.issuer.raw)
            .filter_map(|a| a.with_key(|key| (a, check(cert, key, verifier))))
            .min_by_key(|(_, outcome)| *outcome != Verification::Valid);
        match by_anchor {
            Some((found, outcome)) if outcome != Verification::Invalid => {
                note_signature(outcome, current, &found.name(), findings);
                status = ChainStatus::Trusted;
                anchor = Some(AnchorSummary {
                    subject: found.name(),
                    source: found.source,
                });
            }
            _ => {
                // After the leaf, the missing issuer is an intermediate the server must send.
                // After a CA it may also be a root missing from the trust store (Mozilla has
                // removed roots that Windows still trusts), which the message says.
                let after = if current == path[0] || !cert.is_ca() {
                    "leaf"
                } else {
                    "ca"
                };
                findings.push(
                    Finding::new(Code::ChainIncomplete, Severity::Error)
                        .about(current)
                        .with("issuer", cert.issuer())
                        .with("after", after)
                        .with("urls", cert.ca_issuers()),
                );
            }
        }
        break;
    }
    presentation_findings(certs, &candidates, &path, findings);
    let leaf_index = path[0];
    match status {
        ChainStatus::Trusted => {
            if let Some(a) = &anchor {
                findings.push(
                    Finding::new(Code::ChainTrusted, Severity::Info)
                        .with("root", a.subject.clone())
                        .with(
                            "source",
                            if a.source == AnchorSource::Mozilla {
                                "mozilla"
                            } else {
                                "supplied"
                            },
                        ),
                );
            }
        }
        ChainStatus::SelfSigned => findings.push(
            Finding::new(Code::SelfSigned, Severity::Error)
                .about(leaf_index)
                .with("subject", certs[leaf_index].subject()),
        ),
        ChainStatus::UntrustedRoot => {
            let root = *path.last().unwrap_or(&leaf_index);
            findings.push(
                Finding::new(Code::UntrustedRoot, Severity::Error)
                    .about(root)
                    .with("root", certs[root].subject()),
            );
        }
        ChainStatus::Incomplete => {}
    }
    let pem = served_pem(certs, &path, summaries);
    Chain {
        path,
        status,
        anchor,
        pem,
    }
}

/// The chain a server should send, as PEM: the path without its self-issued root, each block
/// as the certificate's summary already has it (encoding is a tenth of an analysis).
fn served_pem(certs: &[Parsed<'_>], path: &[usize], summaries: &[CertificateSummary]) -> String {
    let sent_root = path.len() > 1 && path.last().is_some_and(|&root| certs[root].self_issued());
    let served = if sent_root { &path[..path.len() - 1] } else { path };
    served
        .iter()
        .filter_map(|&i| summaries.get(i))
        .map(|summary| summary.pem.as_str())
        .collect()
}

fn note_signature(outcome: Verification, child: usize, issuer: &str, findings: &mut Vec<Finding>) {
    let code = match outcome {
        Verification::Valid => return,
        Verification::Invalid => (Code::SigInvalid, Severity::Error),
        Verification::Unsupported => (Code::SigUnsupported, Severity::Info),
    };
    findings.push(Finding::new(code.0, code.1).about(child).with("issuer", issuer));
}

/// Order, root sent, and certificates that belong to no path.
fn presentation_findings(certs: &[Parsed<'_>], candidates: &[usize], path: &[usize], findings: &mut Vec<Finding>) {
    let one_input = path.iter().all(|&i| certs[i].input == certs[path[0]].input);
    if one_input && path.windows(2).any(|pair| pair[0] > pair[1]) {
        findings.push(Finding::new(Code::ChainOrder, Severity::Warning).with(
            "presented",
            path.iter().map(|&i| (i + 1).to_string()).collect::<Vec<_>>(),
        ));
    }
    if let [_, .., root] = path {
        if certs[*root].self_issued() && !certs[*root].trusted_input {
            findings.push(
                Finding::new(Code::ChainRootSent, Severity::Info)
                    .about(*root)
                    .with("subject", certs[*root].subject()),
            );
        }
    }
    for &i in candidates {
        if !path.contains(&i) {
            findings.push(
                Finding::new(Code::ChainUnrelated, Severity::Warning)
                    .about(i)
                    .with("subject", certs[i].subject()),
            );
        }
    }
}
