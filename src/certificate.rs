//! One certificate, parsed once, and the summary the report shows of it.

use std::net::IpAddr;

use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::public_key::{describe, KeyDescription};
use crate::signature::Algorithm;
use crate::UnixTime;

/// A certificate as the analysis works with it: the DER, its parse, and where it came from.
pub(crate) struct Parsed<'a> {
    pub der: &'a [u8],
    pub x509: X509Certificate<'a>,
    pub algorithm: Algorithm,
    /// Which input it came from.
    pub input: usize,
    /// It came from an input marked as trusted roots.
    pub trusted_input: bool,
}

impl<'a> Parsed<'a> {
    /// Parses a certificate that [`crate::input::decode`] already recognised.
    pub(crate) fn new(der: &'a [u8], input: usize, trusted_input: bool) -> Option<Self> {
        let (_, x509) = X509Certificate::from_der(der).ok()?;
        let algorithm = Algorithm::of(&x509.signature_algorithm);
        Some(Self {
            der,
            x509,
            algorithm,
            input,
            trusted_input,
        })
    }

    /// Subject and issuer are the same name (a root, or a self-signed leaf).
    pub(crate) fn self_issued(&self) -> bool {
        self.x509.subject().as_raw() == self.x509.issuer().as_raw()
    }

    pub(crate) fn is_ca(&self) -> bool {
        self.x509.is_ca()
    }

    pub(crate) fn common_names(&self) -> Vec<String> {
        self.x509
            .subject()
            .iter_common_name()
            .map(|cn| attribute_text(cn.as_str(), cn.as_slice()))
            .collect()
    }

    pub(crate) fn emails(&self) -> Vec<String> {
        self.x509
            .subject()
            .iter_email()
            .map(|e| attribute_text(e.as_str(), e.as_slice()))
            .collect()
    }

    fn general_names(&self) -> Vec<&GeneralName<'a>> {
        match self.x509.subject_alternative_name() {
            Ok(Some(san)) => san.value.general_names.iter().collect(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn dns_names(&self) -> Vec<String> {
        self.general_names()
            .into_iter()
            .filter_map(|name| match name {
                GeneralName::DNSName(dns) => Some((*dns).to_owned()),
                _ => None,
            })
            .collect()
    }

    pub(crate) fn ip_addresses(&self) -> Vec<IpAddr> {
        self.general_names()
            .into_iter()
            .filter_map(|name| match name {
                GeneralName::IPAddress(bytes) => match bytes.len() {
                    4 => <[u8; 4]>::try_from(*bytes).ok().map(IpAddr::from),
                    16 => <[u8; 16]>::try_from(*bytes).ok().map(IpAddr::from),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    /// The caIssuers URLs of the Authority Information Access extension: where to download
    /// the issuer when it is missing.
    pub(crate) fn ca_issuers(&self) -> Vec<String> {
        const CA_ISSUERS: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
        let mut urls = Vec::new();
        for extension in self.x509.extensions() {
            if let ParsedExtension::AuthorityInfoAccess(aia) = extension.parsed_extension() {
                for access in &aia.accessdescs {
                    if let (true, GeneralName::URI(uri)) =
                        (access.access_method.as_bytes() == CA_ISSUERS, &access.access_location)
                    {
                        urls.push((*uri).to_owned());
                    }
                }
            }
        }
        urls
    }

    pub(crate) fn subject_key_id(&self) -> Option<&[u8]> {
        self.x509.extensions().iter().find_map(|e| match e.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(id) => Some(id.0),
            _ => None,
        })
    }

    pub(crate) fn authority_key_id(&self) -> Option<&[u8]> {
        self.x509.extensions().iter().find_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityKeyIdentifier(aki) => aki.key_identifier.as_ref().map(|id| id.0),
            _ => None,
        })
    }

    /// Extended key usages by name; `None` when the extension is absent (any usage allowed).
    pub(crate) fn extended_key_usage(&self) -> Option<Vec<String>> {
        let eku = self.x509.extended_key_usage().ok().flatten()?.value;
        let mut names = Vec::new();
        for (present, name) in [
            (eku.any, "anyExtendedKeyUsage"),
            (eku.server_auth, "serverAuth"),
            (eku.client_auth, "clientAuth"),
            (eku.code_signing, "codeSigning"),
            (eku.email_protection, "emailProtection"),
            (eku.time_stamping, "timeStamping"),
            (eku.ocsp_signing, "OCSPSigning"),
        ] {
            if present {
                names.push(name.to_owned());
            }
        }
        names.extend(eku.other.iter().map(|oid| oid.to_id_string()));
        Some(names)
    }

    fn key_usage(&self) -> Vec<String> {
        let Ok(Some(usage)) = self.x509.key_usage() else {
            return Vec::new();
        };
        let usage = usage.value;
        [
            (usage.digital_signature(), "digitalSignature"),
            (usage.non_repudiation(), "nonRepudiation"),
            (usage.key_encipherment(), "keyEncipherment"),
            (usage.data_encipherment(), "dataEncipherment"),
            (usage.key_agreement(), "keyAgreement"),
            (usage.key_cert_sign(), "keyCertSign"),
            (usage.crl_sign(), "cRLSign"),
            (usage.encipher_only(), "encipherOnly"),
            (usage.decipher_only(), "decipherOnly"),
        ]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, name)| name.to_owned())
        .collect()
    }

    pub(crate) fn not_before(&self) -> UnixTime {
        UnixTime(self.x509.validity().not_before.timestamp())
    }

    pub(crate) fn not_after(&self) -> UnixTime {
        UnixTime(self.x509.validity().not_after.timestamp())
    }

    pub(crate) fn subject(&self) -> String {
        self.x509.subject().to_string()
    }

    pub(crate) fn issuer(&self) -> String {
        self.x509.issuer().to_string()
    }

    pub(crate) fn key(&self) -> KeyDescription {
        describe(self.x509.public_key())
    }

    pub(crate) fn summary(&self, index: usize, input_name: &str, now: UnixTime) -> CertificateSummary {
        CertificateSummary {
            index,
            input: input_name.to_owned(),
            trusted_input: self.trusted_input,
            subject: self.subject(),
            issuer: self.issuer(),
            common_names: self.common_names(),
            emails: self.emails(),
            dns_names: self.dns_names(),
            ip_addresses: self.ip_addresses().iter().map(IpAddr::to_string).collect(),
            serial: hex_upper(self.x509.raw_serial()),
            not_before: self.not_before(),
            not_after: self.not_after(),
            days_remaining: now.days_until(self.not_after()),
            key: self.key(),
            signature_algorithm: self.algorithm.name(),
            sha1_thumbprint: hex_upper(&Sha1::digest(self.der)),
            sha256_fingerprint: hex_upper(&Sha256::digest(self.der)),
            is_ca: self.is_ca(),
            self_issued: self.self_issued(),
            key_usage: self.key_usage(),
            extended_key_usage: self.extended_key_usage(),
            ca_issuers: self.ca_issuers(),
            subject_key_id: self.subject_key_id().map(hex_upper),
            authority_key_id: self.authority_key_id().map(hex_upper),
            pem: ::pem::encode(&::pem::Pem::new("CERTIFICATE", self.der.to_vec())),
        }
    }
}

/// A directory-string attribute as text; a string type x509-parser cannot decode is shown
/// lossily rather than dropped.
fn attribute_text<E>(decoded: Result<&str, E>, raw: &[u8]) -> String {
    decoded.map_or_else(|_| String::from_utf8_lossy(raw).into_owned(), str::to_owned)
}

/// Upper-case hex without separators, as `Get-ExchangeCertificate` shows thumbprints.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02X}");
        out
    })
}

/// What the report shows of one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateSummary {
    /// Position in [`crate::Report::certificates`].
    pub index: usize,
    /// Name of the input it came from.
    pub input: String,
    /// It came from an input marked as trusted roots.
    pub trusted_input: bool,
    /// Subject distinguished name.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Every subject Common Name, in order.
    pub common_names: Vec<String>,
    /// Subject e-mail addresses (the `emailAddress` attribute).
    pub emails: Vec<String>,
    /// SubjectAltName DNS names.
    pub dns_names: Vec<String>,
    /// SubjectAltName IP addresses.
    pub ip_addresses: Vec<String>,
    /// Serial number, upper-case hex.
    pub serial: String,
    /// Start of validity.
    pub not_before: UnixTime,
    /// End of validity.
    pub not_after: UnixTime,
    /// Whole days from the check time to `not_after` (negative once expired).
    pub days_remaining: i64,
    /// The public key.
    pub key: KeyDescription,
    /// The signature algorithm, e.g. `RSA PKCS#1 v1.5 with SHA-256`.
    pub signature_algorithm: String,
    /// SHA-1 of the DER, upper-case hex: the `Thumbprint` of `Get-ExchangeCertificate`.
    pub sha1_thumbprint: String,
    /// SHA-256 of the DER, upper-case hex.
    pub sha256_fingerprint: String,
    /// Basic Constraints say this is a CA.
    pub is_ca: bool,
    /// Subject and issuer are the same name.
    pub self_issued: bool,
    /// Key usages by name.
    pub key_usage: Vec<String>,
    /// Extended key usages by name; `None` when the extension is absent.
    pub extended_key_usage: Option<Vec<String>>,
    /// Where to download the issuer (AIA caIssuers).
    pub ca_issuers: Vec<String>,
    /// Subject Key Identifier, upper-case hex.
    pub subject_key_id: Option<String>,
    /// Authority Key Identifier, upper-case hex.
    pub authority_key_id: Option<String>,
    /// The certificate as PEM.
    pub pem: String,
}
