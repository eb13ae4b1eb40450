//! Why a revocation answer is unusable, as a code: the `reason` of `REVOCATION_CHECK_FAILED`
//! and of the relay's wire, worded by each catalogue's `revocation-failure`.

use crate::x509::Malformed;

/// Why no usable answer came: reaching the responder or CRL (the relay's side), or what came
/// back (the engine's verification). The codes are a public contract, like finding codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The relay's policy refuses the responder's address or port.
    RefusedByPolicy,
    /// The responder's name does not resolve.
    NameNotFound,
    /// No connection could be made (refused, reset, no route).
    ConnectionFailed,
    /// No answer within the relay's timeout.
    TimedOut,
    /// The server answered with this HTTP status instead of 200.
    HttpStatus(u16),
    /// The answer is larger than this many bytes, the cap.
    TooLarge(u64),
    /// The OCSP response or CRL is not readable.
    Malformed,
    /// The responder says the request is malformed (OCSP `malformedRequest`).
    OcspMalformedRequest,
    /// The responder had an internal error (OCSP `internalError`).
    OcspInternalError,
    /// The responder asks to try later (OCSP `tryLater`).
    OcspTryLater,
    /// The responder requires a signed request (OCSP `sigRequired`).
    OcspSignatureRequired,
    /// The responder is not authorised to answer for this certificate (OCSP `unauthorized`).
    OcspUnauthorized,
    /// The OCSP response is not a basic response.
    OcspNotBasic,
    /// The responder does not know the certificate (status `unknown`).
    OcspUnknown,
    /// The OCSP response is about another certificate.
    OcspOtherCertificate,
    /// Signed neither by the issuer nor by a responder the issuer certified.
    ResponderNotCertified,
    /// The responder's certificate names the issuer but is not signed by it.
    ResponderNotSigned,
    /// The responder's certificate is not authorised for OCSP signing (`id-kp-OCSPSigning`).
    ResponderNotForOcsp,
    /// The signature does not verify with the issuer's (or responder's) key.
    SignatureInvalid,
    /// The signature's algorithm cannot be verified here.
    SignatureUnsupported,
    /// It is dated in the future (`thisUpdate`).
    DatedInFuture,
    /// It is out of date (its `nextUpdate` has passed).
    OutOfDate,
    /// The CRL is issued under another name than the certificate's issuer.
    CrlOtherIssuer,
    /// A delta CRL, which is not read.
    CrlDelta,
    /// The certificate or its issuer's key is not readable.
    Unreadable,
}

impl Failure {
    /// The code, e.g. `ocsp-try-later`.
    pub fn code(self) -> &'static str {
        match self {
            Self::RefusedByPolicy => "refused-by-policy",
            Self::NameNotFound => "name-not-found",
            Self::ConnectionFailed => "connection-failed",
            Self::TimedOut => "timed-out",
            Self::HttpStatus(_) => "http-status",
            Self::TooLarge(_) => "too-large",
            Self::Malformed => "malformed",
            Self::OcspMalformedRequest => "ocsp-malformed-request",
            Self::OcspInternalError => "ocsp-internal-error",
            Self::OcspTryLater => "ocsp-try-later",
            Self::OcspSignatureRequired => "ocsp-signature-required",
            Self::OcspUnauthorized => "ocsp-unauthorized",
            Self::OcspNotBasic => "ocsp-not-basic",
            Self::OcspUnknown => "ocsp-unknown",
            Self::OcspOtherCertificate => "ocsp-other-certificate",
            Self::ResponderNotCertified => "responder-not-certified",
            Self::ResponderNotSigned => "responder-not-signed",
            Self::ResponderNotForOcsp => "responder-not-for-ocsp",
            Self::SignatureInvalid => "signature-invalid",
            Self::SignatureUnsupported => "signature-unsupported",
            Self::DatedInFuture => "dated-in-future",
            Self::OutOfDate => "out-of-date",
            Self::CrlOtherIssuer => "crl-other-issuer",
            Self::CrlDelta => "crl-delta",
            Self::Unreadable => "unreadable",
        }
    }

    /// The number some codes carry: the HTTP status, the cap in bytes.
    pub fn detail(self) -> Option<u64> {
        match self {
            Self::HttpStatus(status) => Some(u64::from(status)),
            Self::TooLarge(cap) => Some(cap),
            _ => None,
        }
    }

    /// The failure `code` (and its `detail`, for the codes that carry one) names, for faces that
    /// hand evidence over as text (the page gets the relay's).
    pub fn named(code: &str, detail: Option<u64>) -> Option<Self> {
        let failure = match code {
            "http-status" => Self::HttpStatus(u16::try_from(detail?).ok()?),
            "too-large" => Self::TooLarge(detail?),
            _ => ALL_PLAIN.iter().copied().find(|f| f.code() == code)?,
        };
        Some(failure)
    }
}

/// The codes without a detail.
const ALL_PLAIN: &[Failure] = &[
    Failure::RefusedByPolicy,
    Failure::NameNotFound,
    Failure::ConnectionFailed,
    Failure::TimedOut,
    Failure::Malformed,
    Failure::OcspMalformedRequest,
    Failure::OcspInternalError,
    Failure::OcspTryLater,
    Failure::OcspSignatureRequired,
    Failure::OcspUnauthorized,
    Failure::OcspNotBasic,
    Failure::OcspUnknown,
    Failure::OcspOtherCertificate,
    Failure::ResponderNotCertified,
    Failure::ResponderNotSigned,
    Failure::ResponderNotForOcsp,
    Failure::SignatureInvalid,
    Failure::SignatureUnsupported,
    Failure::DatedInFuture,
    Failure::OutOfDate,
    Failure::CrlOtherIssuer,
    Failure::CrlDelta,
    Failure::Unreadable,
];

/// What the OCSP and CRL readers fail with: a structure they cannot read (the DER reader's
/// words, not kept: the answer is [`Failure::Malformed`]), or a failure of its own.
pub(super) enum Unusable {
    Read,
    Failure(Failure),
}

impl From<Malformed> for Unusable {
    fn from(_: Malformed) -> Self {
        Self::Read
    }
}

impl From<Failure> for Unusable {
    fn from(failure: Failure) -> Self {
        Self::Failure(failure)
    }
}

impl From<Unusable> for Failure {
    fn from(unusable: Unusable) -> Self {
        match unusable {
            Unusable::Read => Self::Malformed,
            Unusable::Failure(failure) => failure,
        }
    }
}

/// Every code, one failure each (with a detail where the code has one), for the tests: the
/// match fails to compile when a variant is added and not listed in [`ALL_PLAIN`].
#[cfg(test)]
pub(crate) fn every() -> Vec<Failure> {
    let listed = |failure: Failure| match failure {
        Failure::HttpStatus(_) | Failure::TooLarge(_) => true,
        Failure::RefusedByPolicy
        | Failure::NameNotFound
        | Failure::ConnectionFailed
        | Failure::TimedOut
        | Failure::Malformed
        | Failure::OcspMalformedRequest
        | Failure::OcspInternalError
        | Failure::OcspTryLater
        | Failure::OcspSignatureRequired
        | Failure::OcspUnauthorized
        | Failure::OcspNotBasic
        | Failure::OcspUnknown
        | Failure::OcspOtherCertificate
        | Failure::ResponderNotCertified
        | Failure::ResponderNotSigned
        | Failure::ResponderNotForOcsp
        | Failure::SignatureInvalid
        | Failure::SignatureUnsupported
        | Failure::DatedInFuture
        | Failure::OutOfDate
        | Failure::CrlOtherIssuer
        | Failure::CrlDelta
        | Failure::Unreadable => ALL_PLAIN.contains(&failure),
    };
    let all: Vec<Failure> = ALL_PLAIN
        .iter()
        .copied()
        .chain([Failure::HttpStatus(503), Failure::TooLarge(65_536)])
        .collect();
    assert!(all.iter().all(|&f| listed(f)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back() {
        for failure in every() {
            assert_eq!(Failure::named(failure.code(), failure.detail()), Some(failure));
        }
        assert_eq!(Failure::named("http-status", None), None, "the status is needed");
        assert_eq!(Failure::named("http-status", Some(70_000)), None);
        assert_eq!(Failure::named("its signature does not verify", None), None);
    }
}
