//! One certificate, parsed once, and the summary the report shows of it.

use std::net::IpAddr;

use crate::asn1::oid_string;
use crate::hex::hex_upper;
use crate::public_key::{describe, KeyDescription};
use crate::signature::Algorithm;
use crate::x509::extensions::{ip_address, oid};
use crate::x509::{BasicConstraints, Certificate, GeneralName};
use crate::UnixTime;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// A certificate as the analysis works with it: the DER, its parse, and where it came from.
pub(crate) struct Parsed<'a> {
    pub der: &'a [u8],
    pub x509: Certificate<'a>,
    pub algorithm: Algorithm,
    /// Which input it came from.
    pub input: usize,
    /// It came from an input marked as trusted roots.
    pub trusted_input: bool,
}

impl<'a> Parsed<'a> {
    /// Parses a certificate that [`crate::input::decode`] already recognised.
    pub(crate) fn new(der: &'a [u8], input: usize, trusted_input: bool) -> Option<Self> {
        let x509 = Certificate::parse(der).ok()?;
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
        self.x509.subject.raw == self.x509.issuer.raw
    }

    /// Basic Constraints, when present and well formed.
    pub(crate) fn basic_constraints(&self) -> Option<BasicConstraints> {
        self.x509.extension(oid::BASIC_CONSTRAINTS)?.basic_constraints()
    }

    /// Key usage bits, when the extension is present and well formed.
    pub(crate) fn key_usage_bits(&self) -> Option<[bool; 9]> {
        self.x509.extension(oid::KEY_USAGE)?.key_usage_bits()
    }

    /// Basic Constraints say this is a CA.
    pub(crate) fn is_ca(&self) -> bool {
        self.x509
            .extension(oid::BASIC_CONSTRAINTS)
            .and_then(|e| e.is_ca())
            .unwrap_or(false)
    }

    pub(crate) fn common_names(&self) -> Vec<String> {
        self.x509.subject.common_names()
    }

    pub(crate) fn emails(&self) -> Vec<String> {
        self.x509.subject.emails()
    }

    /// Whether the SubjectAltName extension is present (even empty or malformed): what decides
    /// whether a client may read the Common Name as a host name at all.
    pub(crate) fn has_subject_alt_name(&self) -> bool {
        self.x509.extension(oid::SUBJECT_ALT_NAME).is_some()
    }

    /// The SubjectAltNames (none when the extension is absent or malformed).
    pub(crate) fn general_names(&self) -> Vec<GeneralName<'a>> {
        self.x509
            .extension(oid::SUBJECT_ALT_NAME)
            .and_then(|e| e.general_names())
            .unwrap_or_default()
    }

    pub(crate) fn dns_names(&self) -> Vec<String> {
        self.general_names()
            .into_iter()
            .filter_map(|name| match name {
                GeneralName::Dns(dns) => Some(dns.to_owned()),
                _ => None,
            })
            .collect()
    }

    pub(crate) fn ip_addresses(&self) -> Vec<IpAddr> {
        self.general_names()
            .into_iter()
            .filter_map(|name| match name {
                GeneralName::Ip(bytes) => ip_address(bytes),
                _ => None,
            })
            .collect()
    }

    /// The caIssuers URLs of the Authority Information Access extension: where to download
    /// the issuer when it is missing.
    pub(crate) fn ca_issuers(&self) -> Vec<String> {
        self.access_urls(oid::CA_ISSUERS)
    }

    /// Where clients check whether the certificate is revoked: the CRL distribution points'
    /// URLs, then the OCSP responders'.
    pub(crate) fn revocation_urls(&self) -> Vec<String> {
        let mut urls = self.crl_urls();
        urls.extend(self.ocsp_urls());
        urls
    }

    /// The CRL distribution points' URLs.
    pub(crate) fn crl_urls(&self) -> Vec<String> {
        self.x509
            .extension(oid::CRL_DISTRIBUTION_POINTS)
            .and_then(|e| e.crl_urls())
            .unwrap_or_default()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The OCSP responders of the Authority Information Access extension.
    pub(crate) fn ocsp_urls(&self) -> Vec<String> {
        self.access_urls(oid::OCSP)
    }

    fn access_urls(&self, method: &[u8]) -> Vec<String> {
        self.x509
            .extension(oid::AUTHORITY_INFO_ACCESS)
            .and_then(|e| e.access_urls(method))
            .unwrap_or_default()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    pub(crate) fn subject_key_id(&self) -> Option<&[u8]> {
        self.x509.extension(oid::SUBJECT_KEY_ID)?.subject_key_id()
    }

    pub(crate) fn authority_key_id(&self) -> Option<&[u8]> {
        self.x509.extension(oid::AUTHORITY_KEY_ID)?.authority_key_id()
    }

    /// Extended key usages by name; `None` when the extension is absent (any usage allowed).
    pub(crate) fn extended_key_usage(&self) -> Option<Vec<String>> {
        const PURPOSES: [(&[u8], &str); 7] = [
            (&[0x55, 0x1d, 0x25, 0x00], "anyExtendedKeyUsage"),
            (&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01], "serverAuth"),
            (&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02], "clientAuth"),
            (&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x03], "codeSigning"),
            (&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04], "emailProtection"),
            (&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x08], "timeStamping"),
            (&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x09], "OCSPSigning"),
        ];
        let extension = self.x509.extension(oid::EXTENDED_KEY_USAGE)?;
        // A malformed EKU extension restricts as much as one naming no usable purpose.
        let purposes = extension.purposes().unwrap_or_default();
        Some(
            purposes
                .into_iter()
                .map(|p| {
                    PURPOSES
                        .iter()
                        .find(|(oid, _)| *oid == p)
                        .map_or_else(|| oid_string(p), |(_, name)| (*name).to_owned())
                })
                .collect(),
        )
    }

    fn key_usage(&self) -> Vec<String> {
        const NAMES: [&str; 9] = [
            "digitalSignature",
            "nonRepudiation",
            "keyEncipherment",
            "dataEncipherment",
            "keyAgreement",
            "keyCertSign",
            "cRLSign",
            "encipherOnly",
            "decipherOnly",
        ];
        let Some(bits) = self.x509.extension(oid::KEY_USAGE).and_then(|e| e.key_usage_bits()) else {
            return Vec::new();
        };
        NAMES
            .iter()
            .zip(bits)
            .filter(|(_, set)| *set)
            .map(|(name, _)| (*name).to_owned())
            .collect()
    }

    pub(crate) fn not_before(&self) -> UnixTime {
        self.x509.not_before
    }

    pub(crate) fn not_after(&self) -> UnixTime {
        self.x509.not_after
    }

    pub(crate) fn subject(&self) -> String {
        self.x509.subject.to_string()
    }

    pub(crate) fn issuer(&self) -> String {
        self.x509.issuer.to_string()
    }

    pub(crate) fn key(&self) -> KeyDescription {
        describe(&self.x509.public_key)
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
            serial: hex_upper(self.x509.serial),
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
            pem: crate::base64::pem("CERTIFICATE", self.der),
        }
    }
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
