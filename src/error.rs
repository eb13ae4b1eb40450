//! The one error type: why an input could not be used at all.
//!
//! Problems with a certificate that *was* decoded are never errors; they are
//! [`crate::Finding`]s in the [`crate::Report`].

/// Why an input could not be turned into certificates.
///
/// Its `Display` is the English sentence of its code's message in `locales/en.ftl`, written for
/// the admin who supplied the input; [`crate::render::error_in`] words it in another language.
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
    /// A certificate request, in a build without the `exchange-settings` feature, which judges
    /// them.
    CertificateRequestUnsupported,
    /// Exchange's settings (shell output), in a build without the `exchange-settings` feature.
    ExchangeSettingsUnsupported,
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
            Self::CertificateRequestUnsupported => "INPUT_CERTIFICATE_REQUEST_UNSUPPORTED",
            Self::ExchangeSettingsUnsupported => "INPUT_EXCHANGE_SETTINGS_UNSUPPORTED",
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

    /// Whether the input is one this build was made without the feature to read (PKCS#12,
    /// Exchange's settings, certificate requests), which a build with every feature reads: the
    /// page then hands it to its second module.
    pub fn is_unsupported(&self) -> bool {
        matches!(
            self.root(),
            Self::Pkcs12Unsupported | Self::ExchangeSettingsUnsupported | Self::CertificateRequestUnsupported
        )
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

// `Display` words the error from the English catalogue (`crate::render`).
impl std::error::Error for Error {}
