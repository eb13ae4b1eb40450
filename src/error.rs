//! The one error type: why an input could not be used at all.
//!
//! Problems with a certificate that *was* decoded are never errors; they are
//! [`crate::Finding`]s in the [`crate::Report`].

use core::fmt;

/// Why an input could not be turned into certificates.
///
/// The `Display` text is written for the admin who supplied the input and names what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or only white space.
    Empty,
    /// The input exceeds [`crate::limits::MAX_INPUT_BYTES`].
    TooLarge {
        /// Size of the input in bytes.
        bytes: usize,
        /// The cap.
        limit: usize,
    },
    /// More certificates than [`crate::limits::MAX_CERTIFICATES`].
    TooManyCertificates {
        /// The cap.
        limit: usize,
    },
    /// DER whose length field promises more bytes than there are.
    Truncated {
        /// Bytes the outermost length field announces (header included).
        declared: usize,
        /// Bytes actually present.
        available: usize,
    },
    /// A certificate signing request, not a certificate.
    CertificateRequest,
    /// A private key with no certificate beside it.
    PrivateKeyOnly,
    /// A bare public key, not a certificate.
    PublicKeyOnly,
    /// A certificate revocation list, not a certificate.
    RevocationList,
    /// A structure that looks like a certificate but does not parse as one.
    MalformedCertificate {
        /// What the parser objected to.
        reason: String,
    },
    /// A PKCS#7 / CMS structure that holds no certificate, or that is malformed.
    MalformedPkcs7 {
        /// What was wrong.
        reason: String,
    },
    /// A PEM block whose base64 body does not decode.
    MalformedPem {
        /// The block's label, such as `CERTIFICATE`.
        label: String,
        /// What was wrong.
        reason: String,
    },
    /// A PEM block of a kind this tool does not read.
    UnsupportedPemLabel {
        /// The block's label.
        label: String,
    },
    /// Binary data that is neither DER nor PKCS#12.
    UnrecognisedBinary,
    /// Text with no PEM block and no base64 certificate in it.
    NoCertificateInText,
    /// A PKCS#12 file protected by a password that was not given (the empty password failed).
    PasswordRequired,
    /// The PKCS#12 password given is wrong (the integrity check failed).
    WrongPassword,
    /// A PKCS#12 iteration count above [`crate::limits::MAX_PKCS12_ITERATIONS`].
    Pkcs12IterationsTooHigh {
        /// The count found in the file.
        iterations: u64,
        /// The cap.
        limit: u64,
    },
    /// A PKCS#12 file that could not be read for another reason.
    MalformedPkcs12 {
        /// What was wrong.
        reason: String,
    },
    /// PKCS#12 support was not compiled into this build.
    Pkcs12Unsupported,
    /// A trust-store data file (`data/microsoft-roots.txt`) that does not read.
    MalformedTrustData {
        /// The line, counted from 1.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// An input failed; wraps the error with the name of the input it came from.
    InInput {
        /// The input's name (usually a file name) or its position.
        input: String,
        /// The underlying error.
        error: Box<Error>,
    },
}

impl Error {
    /// A stable, machine-readable code for this error, e.g. `INPUT_PASSWORD_REQUIRED`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "INPUT_EMPTY",
            Self::TooLarge { .. } => "INPUT_TOO_LARGE",
            Self::TooManyCertificates { .. } => "INPUT_TOO_MANY_CERTIFICATES",
            Self::Truncated { .. } => "INPUT_TRUNCATED",
            Self::CertificateRequest => "INPUT_CERTIFICATE_REQUEST",
            Self::PrivateKeyOnly => "INPUT_PRIVATE_KEY_ONLY",
            Self::PublicKeyOnly => "INPUT_PUBLIC_KEY_ONLY",
            Self::RevocationList => "INPUT_REVOCATION_LIST",
            Self::MalformedCertificate { .. } => "INPUT_MALFORMED_CERTIFICATE",
            Self::MalformedPkcs7 { .. } => "INPUT_MALFORMED_PKCS7",
            Self::MalformedPem { .. } => "INPUT_MALFORMED_PEM",
            Self::UnsupportedPemLabel { .. } => "INPUT_UNSUPPORTED_PEM",
            Self::UnrecognisedBinary => "INPUT_UNRECOGNISED_BINARY",
            Self::NoCertificateInText => "INPUT_NO_CERTIFICATE",
            Self::PasswordRequired => "INPUT_PASSWORD_REQUIRED",
            Self::WrongPassword => "INPUT_WRONG_PASSWORD",
            Self::Pkcs12IterationsTooHigh { .. } => "INPUT_PKCS12_ITERATIONS",
            Self::MalformedPkcs12 { .. } => "INPUT_MALFORMED_PKCS12",
            Self::Pkcs12Unsupported => "INPUT_PKCS12_UNSUPPORTED",
            Self::MalformedTrustData { .. } => "TRUST_DATA_MALFORMED",
            Self::InInput { error, .. } => error.code(),
        }
    }

    /// The error without the input it came from.
    pub fn root(&self) -> &Error {
        match self {
            Self::InInput { error, .. } => error.root(),
            other => other,
        }
    }

    pub(crate) fn in_input(self, input: String) -> Self {
        match self {
            already @ Self::InInput { .. } => already,
            error => Self::InInput {
                input,
                error: Box::new(error),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the input is empty"),
            Self::TooLarge { bytes, limit } => write!(
                f,
                "the input is {bytes} bytes; certificates are far smaller, so inputs over {limit} bytes are refused"
            ),
            Self::TooManyCertificates { limit } => {
                write!(f, "more than {limit} certificates were given; a chain has a handful")
            }
            Self::Truncated { declared, available } => write!(
                f,
                "the data is truncated: its DER header announces {declared} bytes but only {available} are present"
            ),
            Self::CertificateRequest => f.write_str(
                "this is a certificate request (CSR), not a certificate: submit it to the CA and check the certificate it issues",
            ),
            Self::PrivateKeyOnly => f.write_str(
                "this is a private key, not a certificate: give the certificate (.cer/.crt/.pem) or the .pfx that holds both",
            ),
            Self::PublicKeyOnly => f.write_str("this is a bare public key, not a certificate"),
            Self::RevocationList => f.write_str("this is a certificate revocation list (CRL), not a certificate"),
            Self::MalformedCertificate { reason } => {
                write!(f, "this looks like a certificate but does not parse: {reason}")
            }
            Self::MalformedPkcs7 { reason } => write!(f, "this PKCS#7 (.p7b) file cannot be read: {reason}"),
            Self::MalformedPem { label, reason } => {
                write!(f, "the PEM block \"{label}\" cannot be decoded: {reason}")
            }
            Self::UnsupportedPemLabel { label } => write!(
                f,
                "the PEM block \"{label}\" is not a certificate; expected CERTIFICATE or PKCS7"
            ),
            Self::UnrecognisedBinary => f.write_str(
                "this binary file is not a certificate: it is neither DER (.cer/.crt), PKCS#7 (.p7b) nor PKCS#12 (.pfx)",
            ),
            Self::NoCertificateInText => f.write_str(
                "no certificate found in this text: expected a -----BEGIN CERTIFICATE----- block or base64, or text that names one (Get-ExchangeCertificate | Format-List output, Remote Connectivity Analyzer's line, Get-OutlookAnywhere | Format-List output)",
            ),
            Self::PasswordRequired => f.write_str("this .pfx file is protected by a password: enter it to open the file"),
            Self::WrongPassword => f.write_str("the password is wrong for this .pfx file"),
            Self::Pkcs12IterationsTooHigh { iterations, limit } => write!(
                f,
                "this .pfx file asks for {iterations} key-derivation iterations; more than {limit} are refused so that opening it cannot freeze the page"
            ),
            Self::MalformedPkcs12 { reason } => write!(f, "this .pfx file cannot be read: {reason}"),
            Self::Pkcs12Unsupported => f.write_str("this build cannot open .pfx files"),
            Self::MalformedTrustData { line, reason } => {
                write!(f, "the trust-store data does not read at line {line}: {reason}")
            }
            Self::InInput { input, error } => write!(f, "{input}: {error}"),
        }
    }
}

impl std::error::Error for Error {}
