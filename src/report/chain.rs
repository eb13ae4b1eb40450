//! The path in the report: which certificates, how it ends, the root it ends at. Built by
//! [`crate::path`], judged for each family of clients by [`crate::clients`].

use serde::Serialize;

use crate::trust::AnchorSource;

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
    /// At a root the trust store lists but no longer trusts for this certificate (Microsoft's
    /// Disable and NotBefore dates).
    Distrusted,
    /// No certificate was given, only text that names one: there is no chain to judge.
    NotGiven,
    /// Not judged: no trust store was given, or a store built from an index lacks the root
    /// files the chain names (the page, while they arrive). The path is the leaf alone.
    Pending,
}

/// The trusted root a path ends at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnchorSummary {
    /// Its subject.
    pub subject: String,
    /// Where it comes from.
    pub source: AnchorSource,
    /// Index into [`crate::Report::certificates`] of the given certificate that is the anchor
    /// (then the path's last); `None` when the anchor is the store's own copy.
    pub certificate: Option<usize>,
}
