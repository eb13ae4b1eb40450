//! Exchange's other certificate strings: where Exchange names a certificate by text and mail
//! or sign-in breaks when the text drifts from the certificates installed. Today: the
//! `TlsCertificateName` of send and receive connectors (the hybrid mail flow), read from
//! `Get-SendConnector | Format-List` and `Get-ReceiveConnector | Format-List` and judged
//! against every certificate given, as files or as `Get-ExchangeCertificate | Format-List`.
//!
//! The analysis reads these from any pasted text ([`crate::input`]), beside certificates or
//! alone; the findings are the `CONNECTOR_*` codes, about mail flow, never about whether
//! Outlook connects ([`crate::Finding::blocks_windows`]).

mod connectors;
mod printed_date;
mod tls_name;

use serde::Serialize;

use crate::certificate::{CertificateSummary, Parsed};
use crate::finding::Finding;
use crate::UnixTime;

pub(crate) use printed_date::parse as parse_printed_date;

/// A connector's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConnectorKind {
    /// `Get-SendConnector`: mail leaving the organisation (to Exchange Online, in hybrid).
    Send,
    /// `Get-ReceiveConnector`: mail arriving.
    Receive,
}

impl ConnectorKind {
    /// The cmdlet that changes a connector of this kind.
    pub fn set_cmdlet(self) -> &'static str {
        match self {
            Self::Send => "Set-SendConnector",
            Self::Receive => "Set-ReceiveConnector",
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Send => "send",
            Self::Receive => "receive",
        }
    }
}

/// A connector as `Format-List` prints it: the properties its certificate depends on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Connector {
    /// Send or receive.
    pub kind: ConnectorKind,
    /// `Identity` (a receive connector's is `SERVER\Name`), else `Name`.
    pub identity: String,
    /// `Fqdn`: the name the server gives in HELO/EHLO and the certificate must carry.
    pub fqdn: Option<String>,
    /// `TlsDomain` (send connectors): the domain the remote certificate must carry.
    pub tls_domain: Option<String>,
    /// `TlsCertificateName`, as printed (`<I>issuer<S>subject`).
    pub tls_certificate_name: Option<String>,
    /// `RequireTLS`.
    pub require_tls: Option<bool>,
    /// `CloudServicesMailEnabled`: the connector carries hybrid mail with Exchange Online.
    pub cloud_services_mail_enabled: Option<bool>,
}

/// A certificate as `Get-ExchangeCertificate | Format-List` prints it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListedCertificate {
    /// `Thumbprint`, upper case.
    pub thumbprint: String,
    /// `Subject`, Windows text.
    pub subject: String,
    /// `Issuer`, Windows text.
    pub issuer: String,
    /// `CertificateDomains`.
    pub domains: Vec<String>,
    /// `NotBefore` and `NotAfter` as printed (their format follows the server's locale).
    pub not_before: Option<String>,
    /// See `not_before`.
    pub not_after: Option<String>,
    /// `Services`.
    pub services: Option<String>,
}

/// What pasted text says of Exchange's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Every connector, in the order printed.
    pub connectors: Vec<Connector>,
    /// Every certificate `Get-ExchangeCertificate` listed.
    pub certificates: Vec<ListedCertificate>,
}

impl Settings {
    /// Nothing this module judges.
    pub(crate) fn is_empty(&self) -> bool {
        self.connectors.is_empty()
    }

    /// Adds what `other` says, a certificate listed twice kept once.
    pub(crate) fn merge(&mut self, other: Settings) {
        self.connectors.extend(other.connectors);
        for certificate in other.certificates {
            if !self.certificates.iter().any(|c| c.thumbprint == certificate.thumbprint) {
                self.certificates.push(certificate);
            }
        }
    }
}

/// Where a certificate the connectors were judged against came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "index")]
pub enum CertificateSource {
    /// A certificate given (its index in [`crate::Report::certificates`]).
    Given(usize),
    /// A certificate `Get-ExchangeCertificate` listed.
    Listed,
}

/// A certificate as Exchange names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExchangeCertificate {
    /// Given or listed.
    pub source: CertificateSource,
    /// The SHA-1 thumbprint, upper case.
    pub thumbprint: String,
    /// The subject, as Windows prints it.
    pub subject: String,
    /// The issuer, as Windows prints it.
    pub issuer: String,
    /// `<I>issuer<S>subject`: what a connector's `TlsCertificateName` must say to use it.
    pub tls_certificate_name: String,
    /// The DNS names it covers (its SubjectAltNames, or `CertificateDomains`).
    pub names: Vec<String>,
    /// The validity start, when known (a listed certificate's date in a format this tool
    /// reads: see `docs/findings.md`).
    pub not_before: Option<UnixTime>,
    /// The validity end, when known.
    pub not_after: Option<UnixTime>,
    /// The Exchange services it is bound to, when listed.
    pub services: Option<String>,
}

impl ExchangeCertificate {
    /// A certificate given, as Exchange would list it.
    pub(crate) fn given(cert: &Parsed<'_>, summary: &CertificateSummary) -> Self {
        let subject = cert.x509.subject.windows_text();
        let issuer = cert.x509.issuer.windows_text();
        // `CertificateDomains`: the DNS SubjectAltNames, the Common Name when there are none.
        let names = if summary.dns_names.is_empty() {
            summary.common_names.clone()
        } else {
            summary.dns_names.clone()
        };
        Self {
            source: CertificateSource::Given(summary.index),
            thumbprint: summary.sha1_thumbprint.to_ascii_uppercase(),
            tls_certificate_name: format!("<I>{issuer}<S>{subject}"),
            subject,
            issuer,
            names,
            not_before: Some(summary.not_before),
            not_after: Some(summary.not_after),
            services: None,
        }
    }

    /// A certificate listed by `Get-ExchangeCertificate`.
    pub(crate) fn listed(listed: &ListedCertificate) -> Self {
        Self {
            source: CertificateSource::Listed,
            thumbprint: listed.thumbprint.clone(),
            tls_certificate_name: format!("<I>{}<S>{}", listed.issuer, listed.subject),
            subject: listed.subject.clone(),
            issuer: listed.issuer.clone(),
            names: listed.domains.clone(),
            not_before: listed.not_before.as_deref().and_then(parse_printed_date),
            not_after: listed.not_after.as_deref().and_then(parse_printed_date),
            services: listed.services.clone(),
        }
    }
}

/// The connectors judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExchangeReport {
    /// Every certificate the connectors were compared with: each given one that is not a CA,
    /// then each listed one not given as well.
    pub certificates: Vec<ExchangeCertificate>,
    /// Each connector and what Exchange does with its certificate.
    pub connectors: Vec<ConnectorCheck>,
}

/// One connector's verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectorCheck {
    /// The connector as printed.
    #[serde(flatten)]
    pub connector: Connector,
    /// Index into [`ExchangeReport::certificates`] of the certificate Exchange uses for it.
    pub certificate: Option<usize>,
    /// The command that sets the right `TlsCertificateName`, when it needs one.
    pub cmdlet: Option<String>,
}

/// Judges `settings` against `certificates` (the given ones, as Exchange names them) at `now`,
/// adding the findings.
pub(crate) fn judge(
    settings: &Settings,
    mut certificates: Vec<ExchangeCertificate>,
    now: UnixTime,
    findings: &mut Vec<Finding>,
) -> ExchangeReport {
    for listed in &settings.certificates {
        if !certificates.iter().any(|c| c.thumbprint == listed.thumbprint) {
            certificates.push(ExchangeCertificate::listed(listed));
        }
    }
    let connectors = settings
        .connectors
        .iter()
        .map(|c| connectors::judge(c, &certificates, now, findings))
        .collect();
    ExchangeReport {
        certificates,
        connectors,
    }
}
