//! Caps on the work one path search may do, so that certificates crafted to cross-sign each
//! other, or name constraints crafted to be compared millions of times, cannot freeze a
//! browser tab. The figures are rustls-webpki's (`verify_cert::Budget`); they are in
//! [`crate::limits`].

use crate::limits::{MAX_BUILD_STEPS, MAX_NAME_CONSTRAINT_COMPARISONS, MAX_SIGNATURE_CHECKS};

/// Which cap ran out; reported as the `budget` parameter of `CHAIN_TOO_COMPLEX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Exhausted {
    Signatures,
    BuildSteps,
    NameConstraints,
    /// Not a budget but a cap all the same: more intermediates than any client follows.
    PathLength,
}

impl Exhausted {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Self::Signatures => "signatures",
            Self::BuildSteps => "build-steps",
            Self::NameConstraints => "name-constraints",
            Self::PathLength => "path-length",
        }
    }
}

/// What is left of each cap.
#[derive(Debug)]
pub(super) struct Budget {
    signatures: usize,
    build_steps: usize,
    name_constraint_comparisons: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            signatures: MAX_SIGNATURE_CHECKS,
            build_steps: MAX_BUILD_STEPS,
            name_constraint_comparisons: MAX_NAME_CONSTRAINT_COMPARISONS,
        }
    }
}

fn take(left: &mut usize, which: Exhausted) -> Result<(), Exhausted> {
    *left = left.checked_sub(1).ok_or(which)?;
    Ok(())
}

impl Budget {
    /// One signature verification.
    pub(super) fn signature(&mut self) -> Result<(), Exhausted> {
        take(&mut self.signatures, Exhausted::Signatures)
    }

    /// One step of the search.
    pub(super) fn build_step(&mut self) -> Result<(), Exhausted> {
        take(&mut self.build_steps, Exhausted::BuildSteps)
    }

    /// One comparison of a name with a constraint.
    pub(super) fn name_constraint_comparison(&mut self) -> Result<(), Exhausted> {
        take(&mut self.name_constraint_comparisons, Exhausted::NameConstraints)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cap_runs_out_on_its_own() {
        let mut budget = Budget::default();
        for _ in 0..MAX_SIGNATURE_CHECKS {
            budget.signature().unwrap();
        }
        assert_eq!(budget.signature(), Err(Exhausted::Signatures));
        assert_eq!(budget.build_step(), Ok(()));
        assert_eq!(budget.name_constraint_comparison(), Ok(()));
    }
}
