//! One answer per client family to "will Outlook Anywhere connect?".
//!
//! Windows decides whether the TLS connection stands before the `msstd:` comparison starts, and
//! Windows trusts other roots and builds chains by other rules than the clients that share the
//! host (phones over ActiveSync, Outlook for Mac, browsers opening OWA). The analysis builds the
//! path twice, with Microsoft's store and with Mozilla's, and this module turns both, the
//! findings and the msstd verdict into [`ClientVerdict`]s. `docs/windows.md` gives each rule
//! with its source.

use serde::Serialize;

use crate::certificate::Parsed;
use crate::finding::{Code, Finding, Severity};
use crate::msstd::{MsstdVerdict, Outcome as MsstdOutcome};
use crate::names::{is_internal, url_host};
use crate::report::{Chain, ChainStatus};
use crate::trust::AnchorSource;

/// A family of clients that connect to the Outlook Anywhere host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Client {
    /// Outlook on Windows Vista SP1 and later: Microsoft's store, the Windows chain engine
    /// (which downloads missing issuers), the `msstd:` name compared with the Common Name or
    /// any DNS SubjectAltName.
    WindowsOutlook,
    /// Outlook on Windows XP, Server 2003 and Vista before SP1: as above, but the `msstd:` name
    /// is compared with the Common Name only.
    LegacyWindowsOutlook,
    /// Phones over ActiveSync, Outlook for Mac, browsers opening OWA: Mozilla's store, the
    /// rules strict TLS clients enforce, no download of missing issuers, no `msstd:` check.
    Other,
}

/// Whether a family of clients connects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Connects {
    /// The connection stands (under the conditions among the verdict's findings).
    Yes,
    /// The connection fails, for the verdict's findings.
    No,
    /// The outcome is undocumented, or a signature could not be verified.
    Uncertain,
    /// Not judged: the roots it needs are not loaded yet (the page's root index or files, while
    /// they arrive).
    Pending,
}

/// The verdict for one family of clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClientVerdict {
    /// Which clients.
    pub client: Client,
    /// Whether they connect.
    pub outcome: Connects,
    /// Indices into [`crate::Report::findings`] of what decides the outcome: what stops the
    /// connection, or the conditions it stands under (a download of a missing issuer, of a
    /// root).
    pub findings: Vec<usize>,
}

/// The answer for the admin, from the rows: the banner's and the command line's first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overall {
    /// Every family connects.
    Connects,
    /// Outlook on current Windows connects; some other family does not, or may not.
    Partial,
    /// Outlook on current Windows does not connect.
    Fails,
    /// Whether Outlook on current Windows connects is undocumented or unverified.
    Uncertain,
    /// The root stores are not loaded yet.
    Pending,
}

/// What the second path, built with the other clients' store, found.
pub(crate) struct OtherPath {
    pub findings: Vec<Finding>,
}

/// The findings only the clients' own rules add, before the report's findings are final:
/// `CHAIN_WINDOWS_ONLY` when the other clients' path fails where Windows' stands,
/// `CHAIN_AIA_RECOVERABLE` when Windows downloads the missing issuer, `ROOT_AUTO_UPDATE` when
/// the root comes from Microsoft's program, `REVOCATION_UNREACHABLE` per certificate.
pub(crate) fn findings(
    certs: &[Parsed<'_>],
    chain: &Chain,
    chain_findings: &[Finding],
    other: Option<&OtherPath>,
    findings: &mut Vec<Finding>,
) {
    let top = chain.path.last().copied().unwrap_or_default();
    if let (Some(other), ChainStatus::Trusted) = (other, chain.status) {
        let only_theirs = other
            .findings
            .iter()
            .filter(|f| f.blocks_strict_clients() && !has(chain_findings, f))
            .min_by_key(|f| f.severity);
        if let Some(reason) = only_theirs {
            findings.push(
                Finding::new(Code::ChainWindowsOnly, Severity::Warning)
                    .about(chain.path[0])
                    .with(
                        "root",
                        chain.anchor.as_ref().map(|a| a.subject.clone()).unwrap_or_default(),
                    )
                    .with("reason", reason.code.as_str())
                    .with(
                        "reason_subject",
                        reason.certificate.map(|c| certs[c].subject()).unwrap_or_default(),
                    ),
            );
        }
    }
    if other.is_some() && chain.status == ChainStatus::Incomplete {
        let cert = &certs[top];
        if let Some(url) = cert.ca_issuers().into_iter().find(|u| fetchable(u)) {
            findings.push(
                Finding::new(Code::ChainAiaRecoverable, Severity::Info)
                    .about(top)
                    .with("issuer", cert.issuer())
                    .with("url", url),
            );
        }
    }
    if let Some(anchor) = chain.anchor.as_ref().filter(|a| a.source == AnchorSource::Microsoft) {
        findings.push(Finding::new(Code::RootAutoUpdate, Severity::Info).with("root", anchor.subject.clone()));
    }
    // The root's own endpoints are never consulted: clients trust it as it is.
    let checked = match chain.status {
        ChainStatus::Trusted if chain.anchor.as_ref().is_some_and(|a| a.certificate.is_some()) => {
            &chain.path[..chain.path.len() - 1]
        }
        ChainStatus::UntrustedRoot => &chain.path[..chain.path.len() - 1],
        _ => &chain.path[..],
    };
    for &index in checked {
        let urls = certs[index].revocation_urls();
        if !urls.is_empty() && !urls.iter().any(|u| fetchable(u)) {
            let reason = if urls.iter().all(|u| scheme(u) == "ldap") {
                "ldap"
            } else {
                "internal"
            };
            findings.push(
                Finding::new(Code::RevocationUnreachable, Severity::Warning)
                    .about(index)
                    .with("urls", urls)
                    .with("reason", reason),
            );
        }
    }
}

/// The three verdicts over the report's final findings (sorted, so indices hold). All pending
/// when the chain was not `judged` (no store loaded); `other_chain` is `None` when Microsoft's
/// store was not loaded: the chain and its findings are then the other clients' own, and the
/// Windows rows are pending.
pub(crate) fn verdicts(
    findings: &[Finding],
    msstd: Option<&MsstdVerdict>,
    judged: bool,
    other_chain: Option<&OtherPath>,
    windows_chain: &[Key],
) -> Vec<ClientVerdict> {
    let pending = |client| ClientVerdict {
        client,
        outcome: Connects::Pending,
        findings: Vec::new(),
    };
    if !judged {
        return vec![
            pending(Client::WindowsOutlook),
            pending(Client::LegacyWindowsOutlook),
            pending(Client::Other),
        ];
    }
    let indices = |keep: &dyn Fn(&Finding) -> bool| -> Vec<usize> {
        (0..findings.len()).filter(|&i| keep(&findings[i])).collect()
    };
    let other = match other_chain {
        Some(path) => {
            // Windows' chain findings that the other clients' path does not have are not theirs.
            let windows_only = |f: &Finding| windows_chain.contains(&key(f)) && !has(&path.findings, f);
            indices(&|f| f.code == Code::ChainWindowsOnly || (f.blocks_strict_clients() && !windows_only(f)))
        }
        None => indices(&Finding::blocks_strict_clients),
    };
    let other = ClientVerdict {
        client: Client::Other,
        outcome: if other.is_empty() { Connects::Yes } else { Connects::No },
        findings: other,
    };
    let windows = |client: Client, name_outcome: Option<MsstdOutcome>| {
        if other_chain.is_none() {
            return pending(client);
        }
        let blocks = windows_blocks(findings);
        let blocking = indices(&blocks);
        let name_fails = name_outcome == Some(MsstdOutcome::Fail);
        let name_finding = |f: &Finding| f.code.as_str().starts_with("MSSTD_") && f.severity != Severity::Info;
        let (outcome, findings) = if !blocking.is_empty() || name_fails {
            // Everything that has to change, the connection's problems and the name's.
            (Connects::No, indices(&|f| blocks(f) || (name_fails && name_finding(f))))
        } else {
            // Undocumented, not compared (`fullsic:`), or not given at all (`MSSTD_NOT_GIVEN`);
            // `none` turns the comparison off, so it passes.
            let unsure = match (name_outcome, msstd) {
                (Some(MsstdOutcome::Uncertain) | None, _) => true,
                (Some(MsstdOutcome::NotChecked), Some(m)) => m.code != Code::MsstdDisabled,
                _ => false,
            };
            // A signature not verified, or a post-quantum certificate, whose use in Windows' TLS
            // no source documents (docs/windows.md).
            let unverified = indices(&|f| matches!(f.code, Code::SigUnsupported | Code::KeyPostQuantum));
            let conditions = indices(&|f| {
                matches!(
                    f.code,
                    Code::ChainAiaRecoverable
                        | Code::RootAutoUpdate
                        | Code::RootPilot
                        | Code::SigUnsupported
                        | Code::KeyPostQuantum
                        | Code::MsstdNotGiven
                ) || (unsure && name_finding(f))
            });
            let outcome = if unsure || !unverified.is_empty() {
                Connects::Uncertain
            } else {
                Connects::Yes
            };
            (outcome, conditions)
        };
        ClientVerdict {
            client,
            outcome,
            findings,
        }
    };
    vec![
        windows(Client::WindowsOutlook, msstd.map(|m| m.modern_windows)),
        windows(Client::LegacyWindowsOutlook, msstd.map(|m| m.legacy_windows)),
        other,
    ]
}

/// What stops Windows' TLS connection, before any `msstd:` comparison: every finding that
/// blocks Windows, but a missing issuer only when Windows cannot download it.
pub(crate) fn windows_blocks(findings: &[Finding]) -> impl Fn(&Finding) -> bool {
    let recoverable = findings.iter().any(|f| f.code == Code::ChainAiaRecoverable);
    move |f: &Finding| f.blocks_windows() && !(recoverable && f.code == Code::ChainIncomplete)
}

/// The banner's answer: current Windows first, then whether everyone else follows.
pub(crate) fn overall(verdicts: &[ClientVerdict]) -> Overall {
    let modern = verdicts.iter().find(|v| v.client == Client::WindowsOutlook);
    match modern.map(|v| v.outcome) {
        Some(Connects::Pending) | None => Overall::Pending,
        Some(Connects::No) => Overall::Fails,
        Some(Connects::Uncertain) => Overall::Uncertain,
        Some(Connects::Yes) if verdicts.iter().all(|v| v.outcome == Connects::Yes) => Overall::Connects,
        Some(Connects::Yes) => Overall::Partial,
    }
}

/// The findings that stop some family, the one that stops the most first (then in report
/// order, errors before warnings). No sort: at most three families, and a sort instantiated
/// for one more type costs the page's module about 3 KB.
pub(crate) fn fix_order(verdicts: &[ClientVerdict]) -> Vec<usize> {
    let stopping: Vec<&ClientVerdict> = verdicts.iter().filter(|v| v.outcome == Connects::No).collect();
    let families = |index: &usize| stopping.iter().filter(|v| v.findings.contains(index)).count();
    let last = stopping.iter().flat_map(|v| v.findings.iter().copied()).max();
    let mut order = Vec::new();
    for count in (1..=stopping.len()).rev() {
        order.extend((0..last.map_or(0, |l| l + 1)).filter(|i| families(i) == count));
    }
    order
}

/// What identifies a finding across the two paths: its code and the certificate it is about.
pub(crate) type Key = (Code, Option<usize>);

pub(crate) fn key(finding: &Finding) -> Key {
    (finding.code, finding.certificate)
}

fn has(list: &[Finding], finding: &Finding) -> bool {
    list.iter().any(|f| key(f) == key(finding))
}

fn scheme(url: &str) -> String {
    url.split_once("://")
        .map(|(scheme, _)| scheme.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a client outside the network can download from `url`: plain `http://` (what the
/// Windows chain engine and OCSP and CRL clients fetch) to a name public DNS resolves.
fn fetchable(url: &str) -> bool {
    scheme(url) == "http" && url_host(url).is_some_and(|host| !is_internal(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_to_public_names_is_fetchable() {
        for url in [
            "http://cacerts.digicert.com/DigiCertSHA2SecureServerCA.crt",
            "HTTP://crl.example.com:80/x.crl",
            "http://user@ocsp.example.net",
        ] {
            assert!(fetchable(url), "{url}");
        }
        for url in [
            "ldap:///CN=Contoso-CA,CN=AIA,CN=Public Key Services,DC=contoso,DC=local?cACertificate",
            "http://ca01/CertEnroll/ca.crt",
            "http://pki.contoso.local/ca.crt",
            "http://10.0.0.5/ca.crt",
            "http://[fd00::1]/ca.crt",
            "file://server/share/ca.crt",
            "https://pki.example.com/ca.crt",
            "not a url",
        ] {
            assert!(!fetchable(url), "{url}");
        }
    }
}
