//! Answers from a verifier that cannot answer while the analysis runs: the browser's WebCrypto
//! is asynchronous, the analysis is not. The caller runs the analysis with the answers it has,
//! verifies what is still pending, and runs it again; answers are keyed by
//! [`SignatureCheck::id`], so they stay valid across runs and inputs.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{CheckId, Scheme, SignatureCheck, Verification, Verifier};

/// Outcomes known so far, and the checks an analysis asked for that had none.
///
/// A check without an answer counts as [`Verification::Unsupported`] (not verified, which the
/// report says), never as valid, so a report made before every answer is in is incomplete,
/// not wrong.
#[derive(Debug, Default)]
pub struct Answers {
    known: HashMap<CheckId, Verification>,
    pending: RefCell<Vec<PendingCheck>>,
}

/// A check that was asked for and had no answer: what a verifier needs, owned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingCheck {
    /// [`SignatureCheck::id`], to answer it with.
    pub id: CheckId,
    /// The algorithm and key type.
    pub scheme: Scheme,
    /// The issuer's whole DER SubjectPublicKeyInfo.
    pub issuer_spki: Vec<u8>,
    /// The signed bytes.
    pub signed: Vec<u8>,
    /// The signature as the certificate carries it.
    pub signature: Vec<u8>,
    key: Vec<u8>,
}

impl PendingCheck {
    /// The check, to hand to a [`Verifier`] or to read [`SignatureCheck::ecdsa_p1363`] from.
    pub fn check(&self) -> SignatureCheck<'_> {
        SignatureCheck {
            scheme: self.scheme,
            issuer_spki: &self.issuer_spki,
            signed: &self.signed,
            signature: &self.signature,
            key: &self.key,
        }
    }
}

impl Answers {
    /// No answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the outcome of the check with this [`SignatureCheck::id`].
    pub fn insert(&mut self, id: CheckId, outcome: Verification) {
        self.known.insert(id, outcome);
    }

    /// The checks asked for since the last call that had no answer, each once.
    pub fn take_pending(&self) -> Vec<PendingCheck> {
        self.pending.take()
    }
}

impl Verifier for Answers {
    fn verify(&self, check: &SignatureCheck<'_>) -> Verification {
        let id = check.id();
        if let Some(outcome) = self.known.get(&id) {
            return *outcome;
        }
        let mut pending = self.pending.borrow_mut();
        if !pending.iter().any(|p| p.id == id) {
            pending.push(PendingCheck {
                id,
                scheme: check.scheme,
                issuer_spki: check.issuer_spki.to_vec(),
                signed: check.signed.to_vec(),
                signature: check.signature.to_vec(),
                key: check.key.to_vec(),
            });
        }
        Verification::Unsupported
    }

    fn pending_checks(&self) -> Vec<PendingCheck> {
        self.take_pending()
    }
}
