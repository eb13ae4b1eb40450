//! Building the path from the leaf to a trusted root out of whatever certificates were given,
//! in whatever order, validating it the way a strict TLS client does (RFC 5280 section 6 and
//! the CA/Browser Forum profile), and saying what is wrong with how they were presented.
//!
//! The layout follows rustls-webpki: [`search`] finds every path under a [`budget`];
//! [`certificate`] checks each certificate on a path, [`issuer`] each certificate that issues
//! another, [`name_constraints`] the names below a constrained CA; this module judges every
//! path found, keeps the best and says why the others were passed over; [`presentation`]
//! judges what the server sent.

mod budget;
mod certificate;
mod issuer;
mod name_constraints;
mod presentation;
mod search;

use self::budget::{Budget, Exhausted};
use self::certificate::Role;
use self::search::{Anchor, Candidate, End};
use crate::certificate::{CertificateSummary, Parsed};
use crate::finding::{Code, Finding, Severity};
use crate::report::{AnchorSummary, Chain, ChainStatus};
use crate::signature::{Verification, Verifier};
use crate::trust::{AnchorSource, Distrust, TrustStore};
use crate::UnixTime;

/// One path found, judged.
struct Judged {
    certs: Vec<usize>,
    /// The last certificate is a sent copy of a store root, outside its own validity: clients
    /// use their copy, and the server should stop sending this one.
    stale_store_copy: bool,
    status: ChainStatus,
    anchor: Option<AnchorSummary>,
    findings: Vec<Finding>,
}

impl Judged {
    fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    /// How good the path is, best lowest: trusted over untrusted over incomplete, then fewer
    /// errors (valid over expired), then fewer warnings, then shorter.
    fn rank(&self) -> (u8, usize, usize, usize) {
        let status = match self.status {
            ChainStatus::Trusted => 0,
            ChainStatus::UntrustedRoot | ChainStatus::SelfSigned | ChainStatus::Distrusted => 1,
            ChainStatus::Incomplete | ChainStatus::Pending | ChainStatus::NotGiven => 2,
        };
        let warnings = self.findings.iter().filter(|f| f.severity == Severity::Warning).count();
        (status, self.errors(), warnings, self.certs.len())
    }
}

/// The leaf: the first certificate that is not a CA and signs no other given certificate;
/// failing that, the first that signs none; failing that, the first.
fn leaf(certs: &[Parsed<'_>], candidates: &[usize]) -> usize {
    let signs_another = |i: usize| {
        candidates
            .iter()
            .any(|&j| j != i && !certs[j].self_issued() && certs[j].x509.issuer.raw == certs[i].x509.subject.raw)
    };
    candidates
        .iter()
        .copied()
        .find(|&i| !certs[i].is_ca() && !signs_another(i))
        .or_else(|| candidates.iter().copied().find(|&i| !signs_another(i)))
        .unwrap_or(candidates[0])
}

/// The certificates a path may start from: those presented, or all when every one was supplied
/// as trusted.
fn candidates(certs: &[Parsed<'_>]) -> Vec<usize> {
    let presented: Vec<usize> = (0..certs.len()).filter(|&i| !certs[i].trusted_input).collect();
    if presented.is_empty() {
        (0..certs.len()).collect()
    } else {
        presented
    }
}

/// The chain before any trust store is there: the leaf alone, not judged.
pub(crate) fn pending(certs: &[Parsed<'_>], summaries: &[CertificateSummary]) -> Chain {
    let leaf = leaf(certs, &candidates(certs));
    Chain {
        path: vec![leaf],
        status: ChainStatus::Pending,
        anchor: None,
        pem: summaries.get(leaf).map(|s| s.pem.clone()).unwrap_or_default(),
    }
}

/// Builds and validates the paths over `certs` (unique, in presented order; `summaries`
/// theirs, for the PEM), keeps the best and records its findings.
pub(crate) fn build(
    certs: &[Parsed<'_>],
    summaries: &[CertificateSummary],
    trust: &TrustStore,
    verifier: &dyn Verifier,
    now: UnixTime,
    findings: &mut Vec<Finding>,
) -> Chain {
    let candidates = candidates(certs);
    let leaf_index = leaf(certs, &candidates);
    let mut budget = Budget::default();
    let (found, exhausted) = search::paths(certs, leaf_index, trust, verifier, now, &mut budget);
    let mut judged: Vec<Judged> = found
        .iter()
        .map(|candidate| judge(certs, candidate, trust, now, &mut budget))
        .collect();
    if judged.is_empty() {
        // The budget ran out before any path was complete: the leaf alone, still checked.
        let unfinished = Candidate {
            certs: vec![leaf_index],
            links: Vec::new(),
            end: End::Unfinished,
        };
        judged.push(judge(certs, &unfinished, trust, now, &mut budget));
    }
    let best = (0..judged.len()).min_by_key(|&i| (judged[i].rank(), i)).unwrap_or(0);
    let chosen = judged.swap_remove(best);
    let on_some_path: Vec<usize> = found.iter().flat_map(|c| c.certs.iter().copied()).collect();
    // Running out matters only when no good path was found before it.
    if let Some(which) = exhausted.filter(|_| chosen.status != ChainStatus::Trusted || chosen.errors() > 0) {
        findings.push(too_complex(leaf_index, which));
    }
    alternatives(certs, &chosen, &judged, findings);
    let presented = presentation::Presented {
        certs,
        candidates: &candidates,
        path: &chosen.certs,
        on_some_path: &on_some_path,
        stale_store_copy: chosen.stale_store_copy,
    };
    presented.findings(findings);
    let pem = presented.served_pem(summaries);
    findings.extend(chosen.findings);
    Chain {
        path: chosen.certs,
        status: chosen.status,
        anchor: chosen.anchor,
        pem,
    }
}

/// Every finding of one path: each certificate, each issuer, each signature, how it ends.
fn judge(
    certs: &[Parsed<'_>],
    candidate: &Candidate,
    trust: &TrustStore,
    now: UnixTime,
    budget: &mut Budget,
) -> Judged {
    let path = &candidate.certs;
    let mut findings = Vec::new();
    let last = path.len() - 1;
    let top_role = match candidate.end {
        End::Anchor(Anchor::Given(_)) => Role::Anchor,
        End::UntrustedRoot | End::Distrusted(Anchor::Given(_)) => Role::Root,
        _ => Role::Intermediate,
    };
    // A copy of a store root (the root itself sent along, or a cross-signed copy under the same
    // name and key) stands for the store's own: clients trust their copy and never look at the
    // dates, extensions or signature of the one sent. A root the admin supplied is the anchor
    // itself, and is checked like any certificate.
    let store_copy = match candidate.end {
        End::Anchor(Anchor::Given(a)) => trust.get(a).is_some_and(|a| a.source != AnchorSource::Supplied),
        _ => false,
    };
    for (position, &index) in path.iter().enumerate() {
        let role = match position {
            0 if last == 0 && top_role == Role::Anchor => Role::Anchor,
            0 => Role::Leaf,
            p if p == last => top_role,
            _ => Role::Intermediate,
        };
        if store_copy && position == last && position > 0 {
            continue;
        }
        certificate::check(&certs[index], index, role, now, &mut findings);
        if position > 0 {
            if let Err(which) = issuer::check(certs, path, position, role, budget, &mut findings) {
                findings.push(too_complex(path[0], which));
            }
        }
    }
    // The constraints a store attaches to its root apply to the whole path below it.
    let store_anchor = match candidate.end {
        End::Anchor(Anchor::Store(a)) => Some((a, path.len())),
        End::Anchor(Anchor::Given(a)) if store_copy => Some((a, last)),
        _ => None,
    };
    if let Some((anchor, below)) = store_anchor.and_then(|(a, below)| Some((trust.get(a)?, below))) {
        let outcome = anchor.with_name_constraints(|constraints| {
            issuer::constrain(
                certs,
                &path[..below],
                constraints,
                &anchor.name(),
                budget,
                &mut findings,
            )
        });
        if let Some(Err(which)) = outcome {
            findings.push(too_complex(path[0], which));
        }
    }
    for (position, outcome) in candidate.links.iter().enumerate() {
        let issuer = match (path.get(position + 1), candidate.end) {
            (Some(&above), _) => certs[above].subject(),
            (None, End::Anchor(Anchor::Store(a)) | End::Distrusted(Anchor::Store(a))) => {
                trust.get(a).map(|a| a.name()).unwrap_or_default()
            }
            (None, _) => String::new(),
        };
        note_signature(*outcome, path[position], &issuer, &mut findings);
    }
    let top = path[last];
    let (status, anchor) = match candidate.end {
        End::Anchor(anchor @ (Anchor::Given(a) | Anchor::Store(a))) => {
            let summary = trust.get(a).map(|found| AnchorSummary {
                subject: found.name(),
                source: found.source,
                certificate: matches!(anchor, Anchor::Given(_)).then_some(top),
            });
            if let Some(s) = &summary {
                findings.push(
                    Finding::new(Code::ChainTrusted, Severity::Info)
                        .with("root", s.subject.clone())
                        .with("source", s.source.as_str()),
                );
            }
            if let Some(found) = trust.get(a).filter(|found| found.pilot) {
                findings.push(
                    Finding::new(Code::RootPilot, Severity::Warning)
                        .with("root", found.name())
                        .with("source", found.source.as_str()),
                );
            }
            (ChainStatus::Trusted, summary)
        }
        End::Distrusted(Anchor::Given(a) | Anchor::Store(a)) => {
            if let Some(root) = trust.get(a) {
                let why = root.distrust(certs[path[0]].not_before(), now);
                findings.push(
                    Finding::new(Code::RootDistrusted, Severity::Error)
                        .about(top)
                        .with("root", root.name())
                        .with("source", root.source.as_str())
                        .with("rule", why.map(Distrust::rule).unwrap_or_default())
                        .with("since", why.map(|w| w.since().to_string()).unwrap_or_default()),
                );
            }
            (ChainStatus::Distrusted, None)
        }
        End::SelfSigned => {
            findings.push(
                Finding::new(Code::SelfSigned, Severity::Error)
                    .about(top)
                    .with("subject", certs[top].subject()),
            );
            (ChainStatus::SelfSigned, None)
        }
        End::UntrustedRoot => {
            findings.push(
                Finding::new(Code::UntrustedRoot, Severity::Error)
                    .about(top)
                    .with("root", certs[top].subject()),
            );
            (ChainStatus::UntrustedRoot, None)
        }
        End::Incomplete => {
            let cert = &certs[top];
            // After the leaf, the missing issuer is an intermediate the server must send.
            // After a CA it may also be a root missing from the trust store (Mozilla has
            // removed roots that Windows still trusts), which the message says.
            let after = if last == 0 || !cert.is_ca() { "leaf" } else { "ca" };
            findings.push(
                Finding::new(Code::ChainIncomplete, Severity::Error)
                    .about(top)
                    .with("issuer", cert.issuer())
                    .with("after", after)
                    .with("urls", cert.ca_issuers()),
            );
            (ChainStatus::Incomplete, None)
        }
        End::TooLong => {
            findings.push(too_complex(path[0], Exhausted::PathLength));
            (ChainStatus::Incomplete, None)
        }
        // The caller says which cap ran out.
        End::Unfinished => (ChainStatus::Incomplete, None),
    };
    let stale_store_copy = store_copy && last > 0 && {
        let copy = &certs[top];
        now > copy.not_after() || now < copy.not_before()
    };
    Judged {
        certs: path.clone(),
        stale_store_copy,
        status,
        anchor,
        findings,
    }
}

fn too_complex(leaf: usize, which: Exhausted) -> Finding {
    Finding::new(Code::ChainTooComplex, Severity::Error)
        .about(leaf)
        .with("budget", which.as_str())
}

fn note_signature(outcome: Verification, child: usize, issuer: &str, findings: &mut Vec<Finding>) {
    let code = match outcome {
        Verification::Valid => return,
        Verification::Invalid => (Code::SigInvalid, Severity::Error),
        Verification::Unsupported => (Code::SigUnsupported, Severity::Info),
    };
    findings.push(Finding::new(code.0, code.1).about(child).with("issuer", issuer));
}

/// Most paths passed over that the report names: real bundles have one or two.
const MAX_ALTERNATIVES_REPORTED: usize = 3;

/// Says, for each other path found, where it differs and why it was passed over.
fn alternatives(certs: &[Parsed<'_>], chosen: &Judged, others: &[Judged], findings: &mut Vec<Finding>) {
    let mut reported: Vec<String> = Vec::new();
    let mut left: Vec<&Judged> = others.iter().collect();
    // Best first, picked one at a time (at most 8 paths).
    while let Some(best) = (0..left.len()).min_by_key(|&i| (left[i].rank(), i)) {
        let other = left.remove(best);
        if reported.len() == MAX_ALTERNATIVES_REPORTED {
            break;
        }
        // The first certificate where it leaves the chosen path (and that certificate's
        // issuer: a cross-sign shares its subject with the copy kept), or the anchor it ends at.
        let split = other
            .certs
            .iter()
            .zip(chosen.certs.iter().map(Some).chain(std::iter::repeat(None)))
            .find(|(mine, theirs)| Some(*mine) != *theirs)
            .map(|(&index, _)| (certs[index].subject(), certs[index].issuer()));
        let Some((through, through_issuer)) =
            split.or_else(|| other.anchor.as_ref().map(|a| (a.subject.clone(), String::new())))
        else {
            continue;
        };
        if reported.contains(&through) {
            continue;
        }
        // Why: its worst finding that the chosen path does not have (errors before warnings),
        // else how it ends, else its length.
        let new_to_it = |f: &&Finding| {
            !chosen
                .findings
                .iter()
                .any(|c| c.code == f.code && c.certificate == f.certificate)
        };
        let reason = [Severity::Error, Severity::Warning]
            .into_iter()
            .find_map(|severity| other.findings.iter().filter(|f| f.severity == severity).find(new_to_it));
        let mut finding = Finding::new(Code::ChainAlternative, Severity::Info)
            .with("through", through.clone())
            .with("through_issuer", through_issuer)
            .with("chosen", if chosen.errors() == 0 { "valid" } else { "invalid" });
        finding = match reason {
            Some(why) => {
                let about = why.certificate.map(|c| certs[c].subject()).unwrap_or_default();
                finding.with("reason", why.code.as_str()).with("reason_subject", about)
            }
            None if other.status != chosen.status => finding.with(
                "reason",
                match other.status {
                    ChainStatus::Incomplete => Code::ChainIncomplete.as_str(),
                    _ => Code::UntrustedRoot.as_str(),
                },
            ),
            None => finding.with("reason", "LONGER"),
        };
        if let Some(root) = &other.anchor {
            finding = finding.with("root", root.subject.clone());
        }
        findings.push(finding);
        reported.push(through);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::signature::SignatureCheck;
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};

    /// A certificate's parameters: `name` as CN (and DNS name unless `ca`), valid from the first
    /// of January `from` to the first of January `to`.
    pub(crate) fn params(name: &str, ca: bool, from: i32, to: i32) -> CertificateParams {
        let mut p = CertificateParams::new(if ca { vec![] } else { vec![name.to_owned()] }).unwrap();
        p.distinguished_name = rcgen::DistinguishedName::new();
        p.distinguished_name.push(rcgen::DnType::CommonName, name);
        if ca {
            p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        }
        p.use_authority_key_identifier_extension = true;
        p.not_before = rcgen::date_time_ymd(from, 1, 1);
        p.not_after = rcgen::date_time_ymd(to, 1, 1);
        p
    }

    /// Signatures are not this test's concern (and the engine may be built without a verifier).
    struct Accept;

    impl Verifier for Accept {
        fn verify(&self, _: &SignatureCheck<'_>) -> Verification {
            Verification::Valid
        }
    }

    /// The AddTrust case of 2020: the server sends the store's root cross-signed by an older
    /// root, and that copy has expired. Clients end at their own copy of the root.
    #[test]
    fn an_expired_copy_of_a_store_root_is_not_held_against_the_chain() {
        let old_key = KeyPair::generate().unwrap();
        let old = params("Old Root", true, 2000, 2040);
        let root_key = KeyPair::generate().unwrap();
        let root_params = params("Store Root", true, 2010, 2040);
        let root = root_params.self_signed(&root_key).unwrap();
        let copy = params("Store Root", true, 2010, 2020)
            .signed_by(&root_key, &Issuer::from_params(&old, &old_key))
            .unwrap();
        let leaf_key = KeyPair::generate().unwrap();
        let leaf = params("mail.contoso.com", false, 2025, 2028)
            .signed_by(&leaf_key, &Issuer::from_params(&root_params, &root_key))
            .unwrap();
        let ders = [leaf.der().to_vec(), copy.der().to_vec()];
        let certs: Vec<Parsed<'_>> = ders.iter().map(|d| Parsed::new(d, 0, false).unwrap()).collect();
        let summaries: Vec<_> = certs
            .iter()
            .enumerate()
            .map(|(i, c)| c.summary(i, "sent", UnixTime(0)))
            .collect();
        let now = UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
        let root_x509 = crate::x509::Certificate::parse(root.der()).unwrap();
        for (source, expired) in [(AnchorSource::Mozilla, false), (AnchorSource::Supplied, true)] {
            let mut trust = TrustStore::empty();
            trust.add(root_x509.subject.raw, root_x509.public_key.raw, source, None);
            let mut findings = Vec::new();
            let chain = build(&certs, &summaries, &trust, &Accept, now, &mut findings);
            assert_eq!(chain.status, ChainStatus::Trusted, "{source:?}");
            assert_eq!(chain.path, vec![0, 1], "{source:?}");
            let reported = findings.iter().any(|f| f.code == Code::CertExpired);
            assert_eq!(reported, expired, "{source:?}: {findings:?}");
            // The stale copy of a store root is left out of the chain to send, and said so.
            let root_sent = findings.iter().any(|f| f.code == Code::ChainRootSent);
            assert_eq!(root_sent, !expired, "{source:?}: {findings:?}");
            assert_eq!(
                chain.pem,
                summaries[0].pem.clone()
                    + &if expired {
                        summaries[1].pem.clone()
                    } else {
                        String::new()
                    }
            );
        }
    }

    /// A store root limited to `.fabrikam.com` (the store's way of writing it, as Mozilla
    /// limits TUBITAK's root to `.tr`) covers the names below it and no other.
    #[test]
    fn a_store_roots_name_constraints_apply_below_it() {
        let root_key = KeyPair::generate().unwrap();
        let root_params = params("Constrained Store Root", true, 2010, 2040);
        let root = root_params.self_signed(&root_key).unwrap();
        let root_x509 = crate::x509::Certificate::parse(root.der()).unwrap();
        // [0] { GeneralSubtree { dNSName ".fabrikam.com" } }, without the outer SEQUENCE.
        static PERMITTED: &[u8] = b"\xa0\x11\x30\x0f\x82\x0d.fabrikam.com";
        let mut trust = TrustStore::empty();
        trust.add(
            root_x509.subject.raw,
            root_x509.public_key.raw,
            AnchorSource::Mozilla,
            Some(PERMITTED),
        );
        let now = UnixTime::parse_rfc3339("2026-06-01T00:00:00Z").unwrap();
        for (host, allowed) in [("mail.fabrikam.com", true), ("mail.contoso.com", false)] {
            let leaf_key = KeyPair::generate().unwrap();
            let leaf = params(host, false, 2025, 2028)
                .signed_by(&leaf_key, &Issuer::from_params(&root_params, &root_key))
                .unwrap();
            let certs = [Parsed::new(leaf.der(), 0, false).unwrap()];
            let summaries = [certs[0].summary(0, "sent", now)];
            let mut findings = Vec::new();
            let chain = build(&certs, &summaries, &trust, &Accept, now, &mut findings);
            assert_eq!(chain.status, ChainStatus::Trusted);
            let violation = findings.iter().find(|f| f.code == Code::NameConstraintViolation);
            assert_eq!(violation.is_none(), allowed, "{host}: {findings:?}");
        }
    }
}
