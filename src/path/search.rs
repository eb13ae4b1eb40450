//! Path building as a search, the way rustls-webpki and Go build paths: from the leaf, every
//! certificate whose subject is the current certificate's issuer is a candidate (key
//! identifiers order the candidates, they never filter them), depth first with backtracking,
//! loops refused, under a [`Budget`]. A path stops at the first certificate that is a trust
//! anchor, whatever was sent above it. Every complete path found (up to
//! [`MAX_CANDIDATE_PATHS`]) is handed back; choosing among them is [`super::build`]'s job.

use super::budget::{Budget, Exhausted};
use crate::certificate::Parsed;
use crate::limits::{MAX_CANDIDATE_PATHS, MAX_PATH_INTERMEDIATES};
use crate::signature::{self, Verification, Verifier};
use crate::trust::TrustStore;
use crate::x509::PublicKeyInfo;
use crate::UnixTime;

/// The trust anchor a path ends at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Anchor {
    /// The path's last certificate is itself an anchor (a supplied root, or a given copy of a
    /// store root); the position in the trust store.
    Given(usize),
    /// A store anchor signed the path's last certificate; the position in the trust store.
    Store(usize),
}

/// How a path ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    Anchor(Anchor),
    /// A self-issued certificate that is not an anchor, above the leaf.
    UntrustedRoot,
    /// The leaf alone, self-issued and not an anchor.
    SelfSigned,
    /// At a store root that the store no longer trusts for this leaf (Microsoft's dated
    /// restrictions): the path's last certificate is that root (a copy sent), or it signed it.
    Distrusted(Anchor),
    /// No issuer among the certificates given or the anchors.
    Incomplete,
    /// More intermediates than [`MAX_PATH_INTERMEDIATES`].
    TooLong,
    /// The search stopped at a cap before any path was complete: the leaf alone.
    Unfinished,
}

/// One complete path: certificate indices leaf first, the outcome of each signature along it
/// (one per certificate that has an issuer on the path or among the store anchors), and how
/// it ends.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub certs: Vec<usize>,
    pub links: Vec<Verification>,
    pub end: End,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Issuer {
    Cert(usize),
    Store(usize),
}

struct Search<'s, 'c> {
    certs: &'s [Parsed<'c>],
    trust: &'s TrustStore,
    verifier: &'s dyn Verifier,
    budget: &'s mut Budget,
    /// Signatures verified so far (at most [`crate::limits::MAX_SIGNATURE_CHECKS`], so a list
    /// searched in order costs less code in the page's module than a hash map).
    verified: Vec<((usize, Issuer), Verification)>,
    /// For each certificate given, the trust anchor it is (its position in the store), looked
    /// up once. A store anchor that is also given is reached as that certificate, so the path
    /// holds it and its own checks (validity, constraints) apply.
    anchor_of: Vec<Option<usize>>,
    /// The leaf's notBefore and the time of the check, which decide whether a dated store root
    /// still anchors this leaf.
    issued: UnixTime,
    now: UnixTime,
    found: Vec<Candidate>,
}

/// Every path from `leaf` the budget allows at `now`, in the order found, and the cap that ran
/// out, if one did.
pub(super) fn paths(
    certs: &[Parsed<'_>],
    leaf: usize,
    trust: &TrustStore,
    verifier: &dyn Verifier,
    now: UnixTime,
    budget: &mut Budget,
) -> (Vec<Candidate>, Option<Exhausted>) {
    let mut search = Search {
        certs,
        trust,
        verifier,
        budget,
        verified: Vec::new(),
        anchor_of: certs
            .iter()
            .map(|c| trust.find_root(c.x509.subject.raw, c.x509.public_key.raw))
            .collect(),
        issued: certs[leaf].not_before(),
        now,
        found: Vec::new(),
    };
    let outcome = search.extend(&mut vec![leaf], &mut Vec::new());
    (search.found, outcome.err())
}

impl Search<'_, '_> {
    /// Whether the store's anchor at `position` anchors this leaf now.
    fn trusted(&self, position: usize) -> bool {
        self.trust
            .get(position)
            .is_some_and(|a| a.distrust(self.issued, self.now).is_none())
    }

    fn finish(&mut self, path: &[usize], links: &[Verification], end: End) {
        if self.found.len() < MAX_CANDIDATE_PATHS {
            self.found.push(Candidate {
                certs: path.to_vec(),
                links: links.to_vec(),
                end,
            });
        }
    }

    /// The signature of `child` by `issuer`, verified once per search.
    fn verify(&mut self, child: usize, issuer: Issuer) -> Result<Verification, Exhausted> {
        if let Some(&(_, known)) = self.verified.iter().find(|(key, _)| *key == (child, issuer)) {
            return Ok(known);
        }
        self.budget.signature()?;
        let cert = &self.certs[child];
        let verifier = self.verifier;
        let check = |key: &PublicKeyInfo<'_>| {
            signature::check(cert.x509.tbs, &cert.algorithm, cert.x509.signature, key, verifier)
        };
        let outcome = match issuer {
            Issuer::Cert(i) => check(&self.certs[i].x509.public_key),
            Issuer::Store(a) => self
                .trust
                .get(a)
                .and_then(|anchor| anchor.with_key(|key| check(key)))
                .unwrap_or(Verification::Invalid),
        };
        self.verified.push(((child, issuer), outcome));
        Ok(outcome)
    }

    /// Ends the path (its last certificate `current`) with `end` at the store's `anchor`, unless
    /// the anchor's signature on it is invalid; whether it did.
    fn end_at_store(
        &mut self,
        current: usize,
        anchor: usize,
        end: End,
        path: &[usize],
        links: &mut Vec<Verification>,
    ) -> Result<bool, Exhausted> {
        let outcome = self.verify(current, Issuer::Store(anchor))?;
        if outcome == Verification::Invalid {
            return Ok(false);
        }
        links.push(outcome);
        self.finish(path, links, end);
        links.pop();
        Ok(true)
    }

    /// Given certificates that may have issued `child`: named as its issuer, not already on
    /// the path (neither the certificate nor another with its subject and key: a loop),
    /// anchors first, then those whose key identifier agrees, then the rest, in the order
    /// given.
    fn issuers_of(&self, child: usize, path: &[usize]) -> Vec<usize> {
        let cert = &self.certs[child];
        let on_path = |j: usize| {
            path.iter().any(|&p| {
                let (a, b) = (&self.certs[p].x509, &self.certs[j].x509);
                p == j || (a.subject.raw == b.subject.raw && a.public_key.raw == b.public_key.raw)
            })
        };
        let rank = |j: usize| {
            let candidate = &self.certs[j];
            let anchor = self.anchor_of[j].is_some();
            let key_id = match (cert.authority_key_id(), candidate.subject_key_id()) {
                (Some(aki), Some(ski)) if aki == ski => 0,
                (Some(_), Some(_)) => 2,
                _ => 1,
            };
            usize::from(!anchor) * 3 + key_id
        };
        let ranked: Vec<(usize, usize)> = (0..self.certs.len())
            .filter(|&j| self.certs[j].x509.subject.raw == cert.x509.issuer.raw && !on_path(j))
            .map(|j| (rank(j), j))
            .collect();
        // Six ranks, each in the order given: no sort to carry in the page's module.
        (0..6)
            .flat_map(|r| ranked.iter().filter(move |(rank, _)| *rank == r).map(|&(_, j)| j))
            .collect()
    }

    fn extend(&mut self, path: &mut Vec<usize>, links: &mut Vec<Verification>) -> Result<(), Exhausted> {
        if self.found.len() >= MAX_CANDIDATE_PATHS {
            return Ok(());
        }
        self.budget.build_step()?;
        let current = *path.last().unwrap_or(&0);
        let cert = &self.certs[current];
        if let Some(anchor) = self.anchor_of[current] {
            let end = if self.trusted(anchor) {
                End::Anchor(Anchor::Given(anchor))
            } else {
                End::Distrusted(Anchor::Given(anchor))
            };
            self.finish(path, links, end);
            return Ok(());
        }
        if path.len() > MAX_PATH_INTERMEDIATES + 1 {
            self.finish(path, links, End::TooLong);
            return Ok(());
        }
        let mut progressed = false;
        let mut store_anchors = self.trust.named(cert.x509.issuer.raw);
        store_anchors.retain(|&a| !self.anchor_of.contains(&Some(a)));
        let (store_anchors, distrusted): (Vec<usize>, Vec<usize>) =
            store_anchors.into_iter().partition(|&a| self.trusted(a));
        for anchor in store_anchors {
            progressed |= self.end_at_store(current, anchor, End::Anchor(Anchor::Store(anchor)), path, links)?;
        }
        let mut invalid = Vec::new();
        for issuer in self.issuers_of(current, path) {
            let outcome = self.verify(current, Issuer::Cert(issuer))?;
            if outcome == Verification::Invalid {
                invalid.push(issuer);
                continue;
            }
            progressed = true;
            path.push(issuer);
            links.push(outcome);
            self.extend(path, links)?;
            path.pop();
            links.pop();
        }
        // A certificate named as the issuer whose signature does not verify is still the
        // admin's best guess at the issuer: follow it, so the report says the signature is
        // wrong rather than that the issuer is missing.
        if let (false, Some(&issuer)) = (progressed, invalid.first()) {
            progressed = true;
            path.push(issuer);
            links.push(Verification::Invalid);
            self.extend(path, links)?;
            path.pop();
            links.pop();
        }
        // Only when nothing else continues the path: a root the store no longer trusts signed it.
        if !progressed {
            for anchor in distrusted {
                if self.end_at_store(current, anchor, End::Distrusted(Anchor::Store(anchor)), path, links)? {
                    progressed = true;
                    break;
                }
            }
        }
        if cert.self_issued() {
            let end = if path.len() == 1 {
                End::SelfSigned
            } else {
                End::UntrustedRoot
            };
            self.finish(path, links, end);
        } else if !progressed {
            self.finish(path, links, End::Incomplete);
        }
        Ok(())
    }
}
