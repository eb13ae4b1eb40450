//! The report: everything the analysis found, serialisable to the documented JSON schema
//! `msstd-check/report/v1` (`docs/report-schema.json`).

mod chain;
mod inputs;

pub use chain::{AnchorSummary, Chain, ChainStatus};
pub use inputs::{Format, InputSummary, NamedCertificate, NamesSource};

use serde::Serialize;

use crate::certificate::CertificateSummary;
use crate::clients::{self, Client, ClientVerdict, Connects, Overall};
use crate::finding::{Code, Finding, Severity};
use crate::host::{AutodiscoverCheck, HostVerdict};
use crate::msstd::MsstdVerdict;
use crate::principal::Principal;
use crate::UnixTime;

/// The schema identifier every report carries.
pub const SCHEMA: &str = "msstd-check/report/v1";

/// Counts and the headline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The msstd verdict code, when a principal was checked.
    pub verdict: Option<Code>,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Will Outlook Anywhere connect: the answer from [`Report::clients`].
    pub outcome: Overall,
    /// Indices into [`Report::findings`] of what stops a family of clients from connecting,
    /// the one that stops the most families first: the order to fix them in.
    pub fix_order: Vec<usize>,
}

/// Everything the analysis found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The build that judged, and the root-program releases it judged with.
    pub build: crate::version::Build,
    /// The instant the certificates were judged at.
    pub checked_at: UnixTime,
    /// The inputs, in the order given.
    pub inputs: Vec<InputSummary>,
    /// Every distinct certificate, in the order presented.
    pub certificates: Vec<CertificateSummary>,
    /// Index of the leaf (the server's own certificate) in `certificates`.
    pub leaf: usize,
    /// The path from the leaf towards a root.
    pub chain: Chain,
    /// The principal name as parsed, when one was given.
    pub principal: Option<Principal>,
    /// The msstd verdict, when a principal was given or could be derived.
    pub msstd: Option<MsstdVerdict>,
    /// The host-name verdict, when a host was given.
    pub host: Option<HostVerdict>,
    /// Whether the Autodiscover name is on the certificate, when a domain could be derived.
    pub autodiscover: Option<AutodiscoverCheck>,
    /// The certificate as pasted text names it (`Get-ExchangeCertificate`, Remote Connectivity
    /// Analyzer, `Get-OutlookAnywhere` output), when such text was given; with no certificate
    /// given, the report's names checks ran on these names.
    pub names: Option<NamedCertificate>,
    /// The connectors of Exchange's settings pasted as text (`Get-SendConnector`,
    /// `Get-ReceiveConnector`), each judged against the certificates given or listed.
    /// Left out of the JSON when none was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange: Option<crate::exchange::ExchangeReport>,
    /// Whether each family of clients connects: Outlook on current Windows, on old Windows,
    /// and the host's other clients.
    pub clients: Vec<ClientVerdict>,
    /// Every finding, errors first.
    pub findings: Vec<Finding>,
    /// Counts and the headline.
    pub summary: Summary,
}

impl Report {
    /// Whether any finding is an error (the command line exits 1 then).
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// The findings with this code.
    pub fn findings_with(&self, code: Code) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// Whether a strict TLS client with the store of [`crate::Options::trust`] accepts the chain
    /// for the host: the verdict for [`Client::Other`], where no finding blocks such a client
    /// ([`Finding::blocks_strict_clients`]; a path that does not end at a trusted root always
    /// has one). This is the verdict compared with x509-limbo, OpenSSL and pyca/cryptography
    /// (`docs/conformance.md`).
    pub fn strict_client_accepts(&self) -> bool {
        self.verdict_for(Client::Other)
            .is_some_and(|v| v.outcome == Connects::Yes)
    }

    /// The verdict for one family of clients.
    pub fn verdict_for(&self, client: Client) -> Option<&ClientVerdict> {
        self.clients.iter().find(|v| v.client == client)
    }

    /// Orders findings errors first, keeping the order found within a severity. One function
    /// for every report, so the page's module carries one instantiation of the sort.
    pub(crate) fn sort(findings: &mut [Finding]) {
        findings.sort_by_key(|f| f.severity);
    }

    pub(crate) fn summarise(findings: &[Finding], verdict: Option<Code>, verdicts: &[ClientVerdict]) -> Summary {
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        Summary {
            verdict,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            outcome: clients::overall(verdicts),
            fix_order: clients::fix_order(verdicts),
        }
    }
}
