//! Input errors in words: each error's code is a message of the catalogues, so the page and the
//! terminal say in the admin's language why an input was refused. What a parser objected to
//! (`reason`) is its own technical detail, quoted as it came.

use std::fmt;

use super::catalogue::{Arg, Args};
use super::Language;
use crate::Error;

/// Why an input could not be used, in one sentence of `language` (`input: sentence` when the
/// error names its input).
pub fn error_in(error: &Error, language: Language) -> String {
    let catalogue = language.catalogue();
    if let Error::InInput { input, error } = error {
        let inner = error_in(error, language);
        let args = Args::default()
            .with("input", Arg::Text(input))
            .with("error", Arg::Text(&inner));
        return catalogue.format("input-error", None, &args).unwrap_or_default();
    }
    catalogue.format(error.code(), None, &args(error)).unwrap_or_default()
}

/// The error's fields as the catalogue's arguments.
fn args(error: &Error) -> Args<'_> {
    let number = |n: usize| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
    let count = |n: u64| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
    let args = Args::default();
    match error {
        Error::TooLarge { bytes, limit } => args.with("bytes", number(*bytes)).with("limit", number(*limit)),
        Error::TooManyCertificates { limit } => args.with("limit", number(*limit)),
        Error::Truncated { declared, available } => args
            .with("declared", number(*declared))
            .with("available", number(*available)),
        Error::MalformedCertificate { reason }
        | Error::MalformedPkcs7 { reason }
        | Error::MalformedPkcs12 { reason } => args.with("reason", Arg::Text(reason)),
        Error::MalformedPem { label, reason } => args.with("label", Arg::Text(label)).with("reason", Arg::Text(reason)),
        Error::UnsupportedPemLabel { label } => args.with("label", Arg::Text(label)),
        Error::Pkcs12IterationsTooHigh { iterations, limit } => {
            args.with("iterations", count(*iterations)).with("limit", count(*limit))
        }
        Error::MalformedTrustData { line, reason } => {
            args.with("line", number(*line)).with("reason", Arg::Text(reason))
        }
        _ => args,
    }
}

/// In English, as the command line and the library's callers read it.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&error_in(self, Language::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of each kind, with the values its sentence must carry.
    fn every_error() -> Vec<(Error, &'static [&'static str])> {
        let reason = || "an element is truncated".to_owned();
        vec![
            (Error::Empty, &[]),
            (Error::TooLarge { bytes: 9, limit: 8 }, &["9", "8"]),
            (Error::TooManyCertificates { limit: 64 }, &["64"]),
            (
                Error::Truncated {
                    declared: 1300,
                    available: 1000,
                },
                &["1300", "1000"],
            ),
            (Error::CertificateRequest, &[]),
            (Error::CertificateRequestUnsupported, &[]),
            (Error::ExchangeSettingsUnsupported, &[]),
            (Error::PrivateKeyOnly, &[]),
            (Error::PublicKeyOnly, &[]),
            (Error::RevocationList, &[]),
            (
                Error::MalformedCertificate { reason: reason() },
                &["an element is truncated"],
            ),
            (Error::MalformedPkcs7 { reason: reason() }, &["an element is truncated"]),
            (
                Error::MalformedPem {
                    label: "CERTIFICATE".to_owned(),
                    reason: reason(),
                },
                &["\"CERTIFICATE\"", "an element is truncated"],
            ),
            (
                Error::UnsupportedPemLabel {
                    label: "X509 CRL".to_owned(),
                },
                &["\"X509 CRL\""],
            ),
            (Error::UnrecognisedBinary, &[]),
            (Error::NoCertificateInText, &[]),
            (Error::PasswordRequired, &[]),
            (Error::WrongPassword, &[]),
            (
                Error::Pkcs12IterationsTooHigh {
                    iterations: 10_000_000,
                    limit: 1_000_000,
                },
                &["10000000", "1000000"],
            ),
            (
                Error::MalformedPkcs12 { reason: reason() },
                &["an element is truncated"],
            ),
            (Error::Pkcs12Unsupported, &[]),
            (
                Error::MalformedTrustData {
                    line: 3,
                    reason: reason(),
                },
                &["3", "an element is truncated"],
            ),
        ]
    }

    #[test]
    fn every_error_is_worded_in_every_language_with_its_values() {
        for (error, values) in every_error() {
            let english = error_in(&error, Language::En);
            assert_eq!(english, error.to_string());
            for &language in Language::ALL {
                let words = error_in(&error, language);
                assert!(!words.is_empty(), "{error:?} {language:?}");
                if language != Language::En {
                    assert_ne!(words, english, "{error:?} {language:?}");
                }
                for value in values {
                    assert!(words.contains(value), "{language:?}: {value} missing from {words}");
                }
            }
        }
        let named = Error::WrongPassword.in_input("server.pfx".to_owned());
        assert_eq!(
            named.to_string(),
            "server.pfx: the password is wrong for this .pfx file"
        );
        assert_eq!(
            error_in(&named, Language::It),
            "server.pfx: la password non è corretta per questo file .pfx"
        );
    }
}
