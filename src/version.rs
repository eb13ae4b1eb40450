//! Which build judged: the version and commit that every report, the page's footer and
//! `msstd-relay --version` name, and the root-program releases it judged with, so that a bug
//! report can say exactly what answered.

use serde::Serialize;

use crate::trust::StoreVersion;
use crate::{Finding, Options};

/// The engine's version (Cargo's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit the engine was built from (12 hexadecimal digits; the build's `MSSTD_COMMIT`
/// when set), or `unknown` for a build outside a git checkout.
pub const COMMIT: &str = env!("MSSTD_CHECK_COMMIT");

/// The build that made a report, with the root-program releases it judged with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Build {
    /// Always `msstd-check`.
    pub name: &'static str,
    /// [`VERSION`].
    pub version: &'static str,
    /// [`COMMIT`].
    pub commit: &'static str,
    /// The releases of the stores the analysis had (Microsoft's first), none while the page
    /// has not loaded them yet.
    pub stores: Vec<StoreVersion>,
}

impl Build {
    /// This build, with the stores of `options`.
    pub(crate) fn of(options: &Options<'_>) -> Self {
        Self {
            name: "msstd-check",
            version: VERSION,
            commit: COMMIT,
            stores: stores(options).cloned().collect(),
        }
    }
}

/// The releases of the stores in `options`, Microsoft's first.
fn stores<'a>(options: &Options<'a>) -> impl Iterator<Item = &'a StoreVersion> {
    options
        .windows_trust
        .into_iter()
        .chain(options.trust)
        .filter_map(|store| store.version())
}

/// `ROOT_STORE_STALE` for each store older than [`crate::trust::STALE_AFTER_DAYS`] at the
/// analysis time.
pub(crate) fn stale_notes(options: &Options<'_>) -> Vec<Finding> {
    stores(options)
        .filter_map(|store| store.stale_note(options.now))
        .collect()
}
