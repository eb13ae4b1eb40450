//! What the inputs held, as the report gives it: each input's format and counts, and what pasted
//! text says about a certificate it names instead of holding (read by [`crate::input`]).

use serde::Serialize;

/// What one input held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputSummary {
    /// Its name.
    pub name: String,
    /// The format recognised.
    pub format: Format,
    /// Certificates found in it (duplicates included).
    pub certificates: usize,
    /// Private keys found in it (never shown, only compared with the leaf).
    pub private_keys: usize,
    /// It was marked as trusted roots.
    pub trusted: bool,
}

/// The container format an input was recognised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// PEM text with one or more `-----BEGIN …-----` blocks.
    Pem,
    /// Base64 text without PEM armour.
    Base64,
    /// Binary DER (`.cer`, `.crt`, `.der`).
    Der,
    /// PKCS#7 / CMS certificate bag (`.p7b`, `.p7c`), DER or PEM.
    Pkcs7,
    /// PKCS#12 (`.pfx`, `.p12`).
    Pkcs12,
    /// No certificate, text that names one (`Get-ExchangeCertificate` output, Remote
    /// Connectivity Analyzer's line, `Get-OutlookAnywhere` output; see [`NamedCertificate`]).
    Names,
    /// No certificate, Exchange's settings: connectors (`Get-SendConnector`,
    /// `Get-ReceiveConnector`), judged in [`crate::Report::exchange`].
    ExchangeSettings,
    /// A certificate request (PKCS#10, PEM or DER, `New-ExchangeCertificate -GenerateRequest`):
    /// its names and key judged as the certificate it will become.
    CertificateRequest,
}

/// Where the names came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NamesSource {
    /// `Get-ExchangeCertificate | Format-List` output.
    GetExchangeCertificate,
    /// Remote Connectivity Analyzer's "certificate common name … doesn't validate" line.
    ConnectivityAnalyzer,
    /// `Get-OutlookAnywhere | Format-List` output.
    GetOutlookAnywhere,
    /// A certificate request (PKCS#10): the names the certificate will carry.
    CertificateRequest,
}

/// What text says about the server's certificate and host. Values are as the text gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NamedCertificate {
    /// Where each part came from, in order found.
    pub sources: Vec<NamesSource>,
    /// The subject, as `Get-ExchangeCertificate` prints it.
    pub subject: Option<String>,
    /// The subject's Common Name.
    pub common_names: Vec<String>,
    /// The names the certificate covers (`CertificateDomains`: the Common Name and the DNS
    /// SubjectAltNames).
    pub dns_names: Vec<String>,
    /// The SHA-1 thumbprint, upper-case hex.
    pub thumbprint: Option<String>,
    /// The issuer.
    pub issuer: Option<String>,
    /// The validity start, as printed (its format follows the server's locale).
    pub not_before: Option<String>,
    /// The validity end, as printed.
    pub not_after: Option<String>,
    /// The Exchange services the certificate is bound to (`IIS, SMTP`, …).
    pub services: Option<String>,
    /// The Outlook Anywhere host (`ExternalHostname`).
    pub host: Option<String>,
    /// The principal value the text names (Remote Connectivity Analyzer's line).
    #[serde(skip)]
    pub principal: Option<String>,
}

impl NamedCertificate {
    /// Whether the text names the certificate (not only the host).
    pub(crate) fn names_a_certificate(&self) -> bool {
        !self.common_names.is_empty() || !self.dns_names.is_empty() || self.thumbprint.is_some()
    }

    /// Adds what `other` says that this does not.
    pub(crate) fn merge(&mut self, other: NamedCertificate) {
        for source in other.sources {
            if !self.sources.contains(&source) {
                self.sources.push(source);
            }
        }
        let fill = |mine: &mut Option<String>, theirs: Option<String>| {
            if mine.is_none() {
                *mine = theirs;
            }
        };
        fill(&mut self.subject, other.subject);
        fill(&mut self.thumbprint, other.thumbprint);
        fill(&mut self.issuer, other.issuer);
        fill(&mut self.not_before, other.not_before);
        fill(&mut self.not_after, other.not_after);
        fill(&mut self.services, other.services);
        fill(&mut self.host, other.host);
        fill(&mut self.principal, other.principal);
        if self.common_names.is_empty() {
            self.common_names = other.common_names;
        }
        if self.dns_names.is_empty() {
            self.dns_names = other.dns_names;
        }
    }
}
