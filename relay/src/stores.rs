//! The roots every analysis in the relay uses, read once: Mozilla's and Microsoft's stores
//! (compiled in) and the roots given with `--trust`.

use msstd_check::TrustStore;

pub(crate) struct Stores {
    pub mozilla: TrustStore,
    pub microsoft: TrustStore,
    /// Roots given with `--trust`, by file name.
    pub trusted: Vec<(String, Vec<u8>)>,
}

impl Stores {
    /// Both stores, and `trusted` roots (name, bytes).
    pub(crate) fn new(trusted: Vec<(String, Vec<u8>)>) -> Self {
        Self {
            mozilla: TrustStore::mozilla(),
            microsoft: TrustStore::microsoft(),
            trusted,
        }
    }
}
