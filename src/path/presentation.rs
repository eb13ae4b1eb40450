//! What the server sent, judged against the path built: order, the root sent along,
//! certificates that belong to no path, and the chain it should send instead.

use crate::certificate::{CertificateSummary, Parsed};
use crate::finding::{Code, Finding, Severity};

/// The chain a server should send, as PEM: the path without its self-issued root, each block
/// as the certificate's summary already has it (encoding is a tenth of an analysis).
pub(super) fn served_pem(certs: &[Parsed<'_>], path: &[usize], summaries: &[CertificateSummary]) -> String {
    let sent_root = path.len() > 1 && path.last().is_some_and(|&root| certs[root].self_issued());
    let served = if sent_root { &path[..path.len() - 1] } else { path };
    served
        .iter()
        .filter_map(|&i| summaries.get(i))
        .map(|summary| summary.pem.as_str())
        .collect()
}

/// Order, root sent, and presented certificates on no path found (`on_some_path`: every
/// certificate of every path the search completed, the ones passed over included).
pub(super) fn findings(
    certs: &[Parsed<'_>],
    presented: &[usize],
    path: &[usize],
    on_some_path: &[usize],
    findings: &mut Vec<Finding>,
) {
    let sent: Vec<usize> = path.iter().copied().filter(|&i| !certs[i].trusted_input).collect();
    let one_input = sent.iter().all(|&i| certs[i].input == certs[path[0]].input);
    if one_input && sent.windows(2).any(|pair| pair[0] > pair[1]) {
        findings.push(Finding::new(Code::ChainOrder, Severity::Warning).with(
            "presented",
            sent.iter().map(|&i| (i + 1).to_string()).collect::<Vec<_>>(),
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
    for &i in presented {
        if !path.contains(&i) && !on_some_path.contains(&i) {
            findings.push(
                Finding::new(Code::ChainUnrelated, Severity::Warning)
                    .about(i)
                    .with("subject", certs[i].subject()),
            );
        }
    }
}
