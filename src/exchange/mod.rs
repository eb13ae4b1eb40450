//! Exchange's other certificate strings: where Exchange names a certificate by text and mail,
//! sign-in or a client breaks when the text drifts from the certificates installed, each judged
//! against every certificate given, as files or as `Get-ExchangeCertificate | Format-List`:
//!
//! - the `TlsCertificateName` of send and receive connectors (the hybrid mail flow;
//!   [`connectors`]), from `Get-SendConnector` and `Get-ReceiveConnector | Format-List`;
//! - the Auth certificate (OAuth for free/busy, OWA and hybrid; [`auth`]), from `Get-AuthConfig`;
//! - every URL clients use ([`urls`]), from the virtual directories' `Get-…VirtualDirectory`,
//!   `Get-OutlookAnywhere` and `Get-ClientAccessService | Format-List`.
//!
//! The analysis reads these from any pasted text ([`crate::input`]), beside certificates or
//! alone; the findings are the `CONNECTOR_*`, `AUTH_*` and `URL_*` codes, about Exchange's
//! settings, never about whether Outlook Anywhere connects ([`crate::Finding::is_exchange_setting`]).

#[cfg(feature = "exchange-settings")]
mod auth;
#[cfg(feature = "exchange-settings")]
mod connectors;
#[cfg(feature = "exchange-settings")]
mod printed_date;
#[cfg(feature = "exchange-settings")]
mod tls_name;
#[cfg(feature = "exchange-settings")]
mod urls;

use serde::Serialize;

use crate::certificate::{CertificateSummary, Parsed};
use crate::finding::Finding;
use crate::UnixTime;

#[cfg(feature = "exchange-settings")]
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

    #[cfg(feature = "exchange-settings")]
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

/// `Get-AuthConfig | Format-List`: the Auth certificate and the one that replaces it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AuthConfig {
    /// `CurrentCertificateThumbprint`.
    pub current: Option<String>,
    /// `PreviousCertificateThumbprint`.
    pub previous: Option<String>,
    /// `NextCertificateThumbprint`.
    pub next: Option<String>,
    /// `NextCertificateEffectiveDate`, as printed.
    pub next_effective: Option<String>,
}

/// Which virtual directory (or service) a URL belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Directory {
    /// Outlook on the web (`/owa`).
    Owa,
    /// The Exchange admin center (`/ecp`).
    Ecp,
    /// Exchange Web Services (`/EWS`).
    Ews,
    /// Exchange ActiveSync (`/Microsoft-Server-ActiveSync`).
    ActiveSync,
    /// The offline address book (`/OAB`).
    Oab,
    /// MAPI over HTTP (`/mapi`).
    Mapi,
    /// Outlook Anywhere (`/rpc`): host names, not URLs.
    OutlookAnywhere,
    /// The Client Access service's `AutoDiscoverServiceInternalUri`.
    Autodiscover,
}

impl Directory {
    /// The directory a virtual directory's name (`owa` in `EX01\owa (Default Web Site)`) or a
    /// URL's first path segment names.
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "owa" => Self::Owa,
            "ecp" => Self::Ecp,
            "ews" => Self::Ews,
            "microsoft-server-activesync" => Self::ActiveSync,
            "oab" => Self::Oab,
            "mapi" => Self::Mapi,
            "rpc" => Self::OutlookAnywhere,
            "autodiscover" => Self::Autodiscover,
            _ => return None,
        })
    }

    #[cfg(feature = "exchange-settings")]
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Owa => "owa",
            Self::Ecp => "ecp",
            Self::Ews => "ews",
            Self::ActiveSync => "active-sync",
            Self::Oab => "oab",
            Self::Mapi => "mapi",
            Self::OutlookAnywhere => "outlook-anywhere",
            Self::Autodiscover => "autodiscover",
        }
    }

    /// The cmdlet that changes its URLs.
    pub fn set_cmdlet(self) -> &'static str {
        match self {
            Self::Owa => "Set-OwaVirtualDirectory",
            Self::Ecp => "Set-EcpVirtualDirectory",
            Self::Ews => "Set-WebServicesVirtualDirectory",
            Self::ActiveSync => "Set-ActiveSyncVirtualDirectory",
            Self::Oab => "Set-OabVirtualDirectory",
            Self::Mapi => "Set-MapiVirtualDirectory",
            Self::OutlookAnywhere => "Set-OutlookAnywhere",
            Self::Autodiscover => "Set-ClientAccessService",
        }
    }
}

/// One URL property as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Url {
    /// The property (`InternalUrl`, `ExternalUrl`, `InternalHostname`, …).
    pub property: String,
    /// Its value.
    pub value: String,
}

/// A virtual directory and the URLs it prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VirtualDirectory {
    /// Which one.
    pub kind: Directory,
    /// `Identity` when printed (`Format-List *url*` leaves it out).
    pub identity: Option<String>,
    /// Its URLs, in the order printed.
    pub urls: Vec<Url>,
}

/// What pasted text says of Exchange's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Every connector, in the order printed.
    pub connectors: Vec<Connector>,
    /// Every certificate `Get-ExchangeCertificate` listed.
    pub certificates: Vec<ListedCertificate>,
    /// `Get-AuthConfig`, when printed.
    pub auth: Option<AuthConfig>,
    /// Every virtual directory with a URL, in the order printed.
    pub directories: Vec<VirtualDirectory>,
}

impl Settings {
    /// Nothing this module judges.
    pub(crate) fn is_empty(&self) -> bool {
        self.connectors.is_empty() && self.auth.is_none() && self.directories.is_empty()
    }

    /// Adds what `other` says, a certificate listed twice kept once.
    pub(crate) fn merge(&mut self, other: Settings) {
        self.connectors.extend(other.connectors);
        self.directories.extend(other.directories);
        if self.auth.is_none() {
            self.auth = other.auth;
        }
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
    /// The certificate a request given will become (no issuer, thumbprint or dates yet).
    Request,
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

    /// A listed certificate for the tests: `names` and a validity of `days` days ending at `not_after`.
    #[cfg(test)]
    pub(crate) fn for_test(
        thumbprint: &str,
        issuer: &str,
        subject: &str,
        names: &[&str],
        not_after: i64,
        days: i64,
    ) -> Self {
        Self {
            source: CertificateSource::Listed,
            thumbprint: thumbprint.to_owned(),
            subject: subject.to_owned(),
            issuer: issuer.to_owned(),
            tls_certificate_name: format!("<I>{issuer}<S>{subject}"),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            not_before: Some(UnixTime(not_after - days * 86_400)),
            not_after: Some(UnixTime(not_after)),
            services: None,
        }
    }

    /// A certificate listed by `Get-ExchangeCertificate`.
    #[cfg(feature = "exchange-settings")]
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

/// Exchange's settings judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExchangeReport {
    /// Every certificate the settings were compared with: each given one that is not a CA,
    /// then each listed one not given as well.
    pub certificates: Vec<ExchangeCertificate>,
    /// Each connector and what Exchange does with its certificate.
    pub connectors: Vec<ConnectorCheck>,
    /// The Auth certificate, when `Get-AuthConfig` was given.
    pub auth: Option<AuthCheck>,
    /// Each virtual directory's URLs against the certificate IIS presents.
    pub directories: Vec<DirectoryCheck>,
}

/// The Auth configuration's verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuthCheck {
    /// As printed.
    #[serde(flatten)]
    pub config: AuthConfig,
    /// Index into [`ExchangeReport::certificates`] of the current Auth certificate, when given.
    pub certificate: Option<usize>,
    /// Index of the next one, when given.
    pub next_certificate: Option<usize>,
    /// The documented renewal, when it is due.
    pub cmdlet: Option<String>,
}

/// One virtual directory's verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DirectoryCheck {
    /// As printed.
    #[serde(flatten)]
    pub directory: VirtualDirectory,
    /// Index into [`ExchangeReport::certificates`] of the certificate its URLs were compared
    /// with (the one IIS presents), when one was given.
    pub certificate: Option<usize>,
    /// The commands that point each URL whose host the certificate lacks at a name it carries.
    pub cmdlets: Vec<String>,
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

/// The report's `exchange` section: `settings` judged against the certificates `given` returns
/// (see [`judge`]), or `None` when there are none. A build without `exchange-settings` never
/// has any: its reader refuses them ([`crate::Error::ExchangeSettingsUnsupported`]).
pub(crate) fn section(
    settings: &Settings,
    given: impl FnOnce() -> Vec<ExchangeCertificate>,
    leaf: Option<usize>,
    now: UnixTime,
    findings: &mut Vec<Finding>,
) -> Option<ExchangeReport> {
    if settings.is_empty() {
        return None;
    }
    #[cfg(feature = "exchange-settings")]
    return Some(judge(settings, given(), leaf, now, findings));
    #[cfg(not(feature = "exchange-settings"))]
    {
        let _ = (given, leaf, now, findings);
        None
    }
}

/// Judges `settings` against `certificates` (the given ones, as Exchange names them; `leaf`,
/// the report's leaf, is the one IIS presents) at `now`, adding the findings.
#[cfg(feature = "exchange-settings")]
fn judge(
    settings: &Settings,
    mut certificates: Vec<ExchangeCertificate>,
    leaf: Option<usize>,
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
    let auth = settings
        .auth
        .as_ref()
        .map(|a| auth::judge(a, &certificates, now, findings));
    // The certificate IIS presents: the leaf given, the request's certificate to be, else the
    // listed one bound to IIS.
    let iis = match leaf {
        Some(leaf) => certificates
            .iter()
            .position(|c| c.source == CertificateSource::Given(leaf)),
        None => certificates
            .iter()
            .position(|c| c.source == CertificateSource::Request)
            .or_else(|| {
                certificates.iter().position(|c| {
                    c.services
                        .as_deref()
                        .is_some_and(|s| s.to_ascii_uppercase().contains("IIS"))
                })
            }),
    };
    let directories = if settings.directories.is_empty() {
        Vec::new()
    } else {
        urls::judge(&settings.directories, iis.map(|i| (i, &certificates[i])), findings)
    };
    ExchangeReport {
        certificates,
        connectors,
        auth,
        directories,
    }
}
