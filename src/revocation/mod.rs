//! Revocation, live: whoever can reach the network (the relay) asks the certificate's OCSP
//! responder or downloads its CRL; this module builds the OCSP request, verifies what came back
//! against the certificate's issuer and says what it means, as [`Evidence`] that
//! [`crate::analyze`] turns into findings (`CERT_REVOKED`, `REVOCATION_CHECK_FAILED`,
//! `REVOCATION_GOOD`) through [`crate::Options::revocation`]. Nothing here touches the network
//! or the clock.
//!
//! Rules: RFC 6960 (OCSP: the CertID with SHA-1, a response signed by the issuer or by a
//! responder certificate the issuer signed for `id-kp-OCSPSigning`, `thisUpdate` not in the
//! future, `nextUpdate` not past) and RFC 5280 section 5 and 6.3 (a complete CRL signed by the
//! issuer under the same name, `nextUpdate` not past). Delta and indirect CRLs are not read.

mod crl;
mod failure;
mod ocsp;

#[cfg(test)]
pub(crate) use failure::every as every_failure;
pub use failure::Failure;

use failure::Unusable;

use serde::Serialize;

use crate::error::Error;
use crate::finding::{Code, Finding, Severity};
use crate::hex::hex_upper;
use crate::signature::{Algorithm, Verification, Verifier};
use crate::x509::{AlgorithmIdentifier, Certificate, PublicKeyInfo};
use crate::{TrustStore, UnixTime};

/// Clock difference tolerated between the responder and the checker, as OpenSSL's default.
const SKEW_SECONDS: i64 = 300;

/// The issuer a revocation answer is verified against: its name and its key, which is all OCSP
/// and CRLs need. From its certificate, or from a store's root (whose certificate the server
/// does not send and a store does not keep).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuer {
    /// The issuer's subject Name, whole DER.
    subject: Vec<u8>,
    /// Its SubjectPublicKeyInfo, whole DER.
    spki: Vec<u8>,
}

impl Issuer {
    /// The issuer whose certificate is `der`.
    ///
    /// # Errors
    /// [`Error::MalformedCertificate`] when it is not a readable certificate.
    pub fn from_certificate(der: &[u8]) -> Result<Self, Error> {
        let cert = parse(der)?;
        Ok(Self {
            subject: cert.subject.raw.to_vec(),
            spki: cert.public_key.raw.to_vec(),
        })
    }

    /// The root of `store` that signed `certificate` (named as its issuer, and its key verifies
    /// the certificate's signature), if the store holds it.
    pub fn from_store(certificate: &[u8], store: &TrustStore, verifier: &dyn Verifier) -> Option<Self> {
        let cert = parse(certificate).ok()?;
        store.named(cert.issuer.raw).into_iter().find_map(|position| {
            let (subject, spki) = store.get(position)?.subject_and_key();
            let (key, _) = PublicKeyInfo::read(&spki).ok()?;
            verify(cert.tbs, &cert.signature_algorithm, cert.signature, &key, verifier).ok()?;
            Some(Self { subject, spki })
        })
    }

    /// The name and the parsed key.
    fn key(&self) -> Result<IssuerKey<'_>, &'static str> {
        let (key, _) = PublicKeyInfo::read(&self.spki)?;
        Ok(IssuerKey {
            subject: &self.subject,
            key,
        })
    }
}

/// An issuer's name (whole DER) and key, read.
struct IssuerKey<'a> {
    subject: &'a [u8],
    key: PublicKeyInfo<'a>,
}

/// Where a certificate's revocation can be asked, and the OCSP request to send.
#[derive(Clone, Debug)]
pub struct Request {
    /// The OCSP responders its Authority Information Access names.
    pub ocsp: Vec<String>,
    /// Its CRL distribution points.
    pub crl: Vec<String>,
    /// The DER `OCSPRequest` for it (SHA-1 CertID, no nonce), to POST as
    /// `application/ocsp-request`.
    pub ocsp_request: Vec<u8>,
}

/// Where an answer came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The certificate's OCSP responder.
    Ocsp,
    /// Its CRL.
    Crl,
    /// The OCSP response the server stapled to the handshake.
    Stapled,
}

impl Source {
    /// The source `name` spells (`ocsp`, `crl`, `stapled`).
    pub fn named(name: &str) -> Option<Self> {
        [Self::Ocsp, Self::Crl, Self::Stapled]
            .into_iter()
            .find(|s| s.as_str() == name)
    }

    /// The name parameters and JSON use.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ocsp => "ocsp",
            Self::Crl => "crl",
            Self::Stapled => "stapled",
        }
    }
}

/// What an answer, verified, says about a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not revoked, in a verified, current answer.
    Good,
    /// Revoked at `at`, for `reason` (RFC 5280's CRLReason name) when given.
    Revoked {
        /// The revocation time.
        at: UnixTime,
        /// The reason, e.g. `keyCompromise`.
        reason: Option<&'static str>,
    },
    /// No usable answer: unreachable, an HTTP error, malformed, not signed by the issuer, out
    /// of date, or the responder does not know the certificate; the failure says which.
    Failed(Failure),
}

/// One verified answer about one certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The certificate's SHA-256 fingerprint, as [`crate::CertificateSummary::sha256_fingerprint`].
    pub certificate: String,
    /// Where the answer came from.
    pub source: Source,
    /// The URL asked (empty for a stapled response).
    pub url: String,
    /// What it says.
    pub status: Status,
}

/// Where `certificate`'s revocation can be asked and the OCSP request for it, given its
/// `issuer`.
///
/// # Errors
/// [`Error::MalformedCertificate`] when the certificate or the issuer's key is not readable.
pub fn request(certificate: &[u8], issuer: &Issuer) -> Result<Request, Error> {
    let cert = parse(certificate)?;
    let malformed = |reason: &str| Error::MalformedCertificate {
        reason: reason.to_owned(),
    };
    let key = issuer.key().map_err(malformed)?;
    let parsed =
        crate::certificate::Parsed::new(certificate, 0, false).ok_or_else(|| malformed("not a certificate"))?;
    Ok(Request {
        ocsp: parsed.ocsp_urls(),
        crl: parsed.crl_urls(),
        ocsp_request: ocsp::request(&cert, &key),
    })
}

/// Verifies `response` (an OCSP response for [`Source::Ocsp`] and [`Source::Stapled`], a CRL
/// for [`Source::Crl`]) about `certificate` against its `issuer`, at `now`.
pub fn judge(
    certificate: &[u8],
    issuer: &Issuer,
    source: Source,
    url: &str,
    response: &[u8],
    now: UnixTime,
    verifier: &dyn Verifier,
) -> Evidence {
    let status = match (parse(certificate), issuer.key()) {
        (Ok(cert), Ok(issuer)) => {
            let outcome = match source {
                Source::Ocsp | Source::Stapled => ocsp::status(&cert, &issuer, response, now, verifier),
                Source::Crl => crl::status(&cert, &issuer, response, now, verifier),
            };
            outcome.unwrap_or_else(|unusable| Status::Failed(unusable.into()))
        }
        _ => Status::Failed(Failure::Unreadable),
    };
    Evidence {
        certificate: fingerprint(certificate),
        source,
        url: url.to_owned(),
        status,
    }
}

/// Evidence that `certificate` could not be checked at `url`, for `failure` (unreachable, an
/// HTTP error, too large).
pub fn failed(certificate: &[u8], source: Source, url: &str, failure: Failure) -> Evidence {
    Evidence {
        certificate: fingerprint(certificate),
        source,
        url: url.to_owned(),
        status: Status::Failed(failure),
    }
}

fn parse(der: &[u8]) -> Result<Certificate<'_>, Error> {
    Certificate::parse(der).map_err(|reason| Error::MalformedCertificate {
        reason: reason.to_owned(),
    })
}

/// A certificate's SHA-256 fingerprint as the report writes it (upper-case hex).
pub fn fingerprint(der: &[u8]) -> String {
    use sha2::Digest as _;
    hex_upper(&sha2::Sha256::digest(der))
}

/// The parts of a signed structure (a CRL's CertificateList, a BasicOCSPResponse).
struct Signed<'a> {
    /// The signed element.
    tbs: crate::asn1::Tlv<'a>,
    algorithm: AlgorithmIdentifier<'a>,
    /// The signature's bits.
    signature: &'a [u8],
    /// What follows the signature.
    rest: &'a [u8],
}

/// Reads a signed structure's parts from the front of `content`.
fn signed<'a>(content: &'a [u8], malformed: &'static str) -> Result<Signed<'a>, Unusable> {
    let (tbs, rest) = crate::x509::expect(content, crate::asn1::TAG_SEQUENCE, malformed)?;
    let (algorithm, rest) = AlgorithmIdentifier::read(rest)?;
    let (signature, rest) = crate::x509::expect(rest, crate::asn1::TAG_BIT_STRING, malformed)?;
    let signature = crate::x509::bit_string(signature.content).ok_or(malformed)?;
    Ok(Signed {
        tbs,
        algorithm,
        signature,
        rest,
    })
}

/// Whether `signature` over `signed` verifies with `key`.
fn verify(
    signed: &[u8],
    algorithm: &AlgorithmIdentifier<'_>,
    signature: &[u8],
    key: &PublicKeyInfo<'_>,
    verifier: &dyn Verifier,
) -> Result<(), Failure> {
    match crate::signature::check(signed, &Algorithm::of(algorithm), signature, key, verifier) {
        Verification::Valid => Ok(()),
        Verification::Invalid => Err(Failure::SignatureInvalid),
        Verification::Unsupported => Err(Failure::SignatureUnsupported),
    }
}

/// Whether `at` is current: `this_update` not in the future, `next_update` (when given) not
/// past, both with [`SKEW_SECONDS`] of tolerance.
fn current(this_update: UnixTime, next_update: Option<UnixTime>, now: UnixTime) -> Result<(), Failure> {
    if this_update.0 > now.0 + SKEW_SECONDS {
        return Err(Failure::DatedInFuture);
    }
    match next_update {
        Some(next) if next.0 + SKEW_SECONDS < now.0 => Err(Failure::OutOfDate),
        _ => Ok(()),
    }
}

/// RFC 5280's CRLReason codes and names (7 is not assigned).
const REASONS: [(u64, &str); 10] = [
    (0, "unspecified"),
    (1, "keyCompromise"),
    (2, "cACompromise"),
    (3, "affiliationChanged"),
    (4, "superseded"),
    (5, "cessationOfOperation"),
    (6, "certificateHold"),
    (8, "removeFromCRL"),
    (9, "privilegeWithdrawn"),
    (10, "aACompromise"),
];

/// The CRLReason name of `code`.
fn reason_name(code: u64) -> Option<&'static str> {
    REASONS.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

/// The CRLReason name `text` spells (as [`Status::Revoked`] and JSON carry it), for faces that
/// hand evidence over as text (the page gets the relay's).
pub fn reason_named(text: &str) -> Option<&'static str> {
    REASONS.iter().find(|(_, name)| *name == text).map(|(_, name)| *name)
}

/// The findings `evidence` gives for the certificate at `index`.
pub(crate) fn finding(evidence: &Evidence, index: usize) -> Finding {
    let base = |code, severity| {
        Finding::new(code, severity)
            .about(index)
            .with("source", evidence.source.as_str())
            .with("url", evidence.url.clone())
    };
    match &evidence.status {
        Status::Good => base(Code::RevocationGood, Severity::Info),
        Status::Revoked { at, reason } => base(Code::CertRevoked, Severity::Error)
            .with("revoked_at", at.to_string())
            .with("reason", reason.unwrap_or("unspecified")),
        Status::Failed(failure) => {
            let finding = base(Code::RevocationCheckFailed, Severity::Warning).with("reason", failure.code());
            match failure.detail().and_then(|n| i64::try_from(n).ok()) {
                Some(detail) => finding.with("detail", detail),
                None => finding,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::Answers;

    const LEAF: &[u8] = include_bytes!("../../tests/data/contoso-leaf.cer");

    #[test]
    fn reasons_and_freshness() {
        assert_eq!(reason_name(1), Some("keyCompromise"));
        assert_eq!(reason_name(7), None, "7 is not assigned");
        assert_eq!(reason_named("cACompromise"), Some("cACompromise"));
        assert_eq!(reason_named("compromised"), None);
        let now = UnixTime(1_000_000);
        assert!(current(UnixTime(now.0 - 10), Some(UnixTime(now.0 + 10)), now).is_ok());
        assert!(current(UnixTime(now.0 + 200), None, now).is_ok(), "within the skew");
        assert!(current(UnixTime(now.0 + 400), None, now).is_err());
        assert!(current(UnixTime(now.0 - 1000), Some(UnixTime(now.0 - 400)), now).is_err());
    }

    #[test]
    fn the_request_reads_back_as_one_sha1_cert_id() {
        let cert = Certificate::parse(LEAF).unwrap();
        let issuer = Issuer::from_certificate(LEAF).unwrap();
        let request = ocsp::request(&cert, &issuer.key().unwrap());
        // OCSPRequest > TBSRequest > requestList > Request > CertID
        let mut content = request.as_slice();
        for _ in 0..5 {
            let (tlv, rest) = crate::x509::expect(content, 0x30, "not a sequence").unwrap();
            assert!(rest.is_empty());
            content = tlv.content;
        }
        let (_, rest) = AlgorithmIdentifier::read(content).unwrap();
        let (name_hash, rest) = crate::x509::expect(rest, 0x04, "").unwrap();
        let (key_hash, rest) = crate::x509::expect(rest, 0x04, "").unwrap();
        let (serial, rest) = crate::x509::expect(rest, 0x02, "").unwrap();
        assert_eq!((name_hash.content.len(), key_hash.content.len()), (20, 20));
        assert_eq!(serial.content, cert.serial);
        assert!(rest.is_empty());
    }

    #[test]
    fn garbage_is_a_failed_check_never_a_verdict() {
        let issuer = Issuer::from_certificate(LEAF).unwrap();
        for source in [Source::Ocsp, Source::Crl, Source::Stapled] {
            for bytes in [&b""[..], b"\x30\x03\x0a\x01\x00", b"not der", &[0x30, 0x82, 0xff, 0xff]] {
                let evidence = judge(LEAF, &issuer, source, "http://x/", bytes, UnixTime(0), &Answers::new());
                assert!(
                    matches!(evidence.status, Status::Failed(_)),
                    "{source:?} {bytes:?}: {evidence:?}"
                );
            }
        }
        let evidence = judge(b"junk", &issuer, Source::Ocsp, "", b"", UnixTime(0), &Answers::new());
        assert!(matches!(evidence.status, Status::Failed(_)));
        // An OCSP "tryLater" is said as such.
        let evidence = judge(
            LEAF,
            &issuer,
            Source::Ocsp,
            "",
            b"\x30\x03\x0a\x01\x03",
            UnixTime(0),
            &Answers::new(),
        );
        assert_eq!(evidence.status, Status::Failed(Failure::OcspTryLater));
    }
}
