//! What the server sent, judged against the path built: order, the root sent along,
//! certificates that belong to no path, and the chain it should send instead.

use crate::certificate::{CertificateSummary, Parsed};
use crate::finding::{Code, Finding, Severity};

/// The certificates given and the path kept.
pub(super) struct Presented<'p, 'c> {
    pub certs: &'p [Parsed<'c>],
    /// The certificates the server sent (or all, when only trusted ones were given).
    pub candidates: &'p [usize],
    pub path: &'p [usize],
    /// Every certificate of every path the search completed, the ones passed over included.
    pub on_some_path: &'p [usize],
    /// The path's last certificate is an expired (or not yet valid) copy of a store root.
    pub stale_store_copy: bool,
}

impl Presented<'_, '_> {
    /// Whether the path's last certificate is a root clients do not need from the server: a
    /// self-issued root, or a stale copy of a store root.
    fn root_sent(&self) -> Option<usize> {
        match self.path {
            [_, .., root] if self.certs[*root].self_issued() || self.stale_store_copy => Some(*root),
            _ => None,
        }
    }

    /// The chain a server should send, as PEM: the path without the root clients have, each
    /// block as the certificate's summary already has it (encoding is a tenth of an analysis).
    pub(super) fn served_pem(&self, summaries: &[CertificateSummary]) -> String {
        let served = match self.root_sent() {
            Some(_) => &self.path[..self.path.len() - 1],
            None => self.path,
        };
        served
            .iter()
            .filter_map(|&i| summaries.get(i))
            .map(|summary| summary.pem.as_str())
            .collect()
    }

    /// Order, root sent, and presented certificates on no path found.
    pub(super) fn findings(&self, findings: &mut Vec<Finding>) {
        let certs = self.certs;
        let path = self.path;
        let sent: Vec<usize> = path.iter().copied().filter(|&i| !certs[i].trusted_input).collect();
        let one_input = sent.iter().all(|&i| certs[i].input == certs[path[0]].input);
        if one_input && sent.windows(2).any(|pair| pair[0] > pair[1]) {
            findings.push(Finding::new(Code::ChainOrder, Severity::Warning).with(
                "presented",
                sent.iter().map(|&i| (i + 1).to_string()).collect::<Vec<_>>(),
            ));
        }
        if let Some(root) = self.root_sent().filter(|&r| !certs[r].trusted_input) {
            findings.push(
                Finding::new(Code::ChainRootSent, Severity::Info)
                    .about(root)
                    .with("subject", certs[root].subject()),
            );
        }
        for &i in self.candidates {
            if !path.contains(&i) && !self.on_some_path.contains(&i) {
                findings.push(
                    Finding::new(Code::ChainUnrelated, Severity::Warning)
                        .about(i)
                        .with("subject", certs[i].subject()),
                );
            }
        }
    }
}
