//! Certificate signatures: which algorithm a certificate names, what the engine asks a
//! [`Verifier`] to check, and the checks it settles without one.
//!
//! The engine decides everything that does not need cryptography (an unknown or MD-based
//! algorithm, a key that does not fit the algorithm, a malformed ECDSA signature, an RSA key
//! outside the supported sizes) and asks the verifier only the question it cannot answer
//! itself: does this key verify this signature over these bytes. So every verifier gives the
//! same verdicts: [`RustCrypto`] (natively, and wherever a synchronous answer is needed), or the
//! browser's WebCrypto, which the page's WebAssembly module uses instead of carrying its own
//! bignum and curve code.

mod answers;
mod post_quantum;
#[cfg(feature = "rustcrypto")]
mod rustcrypto;

pub use answers::{Answers, PendingCheck};
pub use post_quantum::MlDsa;
pub(crate) use post_quantum::PostQuantum;

#[cfg(feature = "rustcrypto")]
pub use rustcrypto::RustCrypto;

use sha2::{Digest, Sha256};

use crate::hex::hex_upper;

use crate::asn1::{self, oid, small_uint, TAG_INTEGER, TAG_OID, TAG_SEQUENCE};
use crate::asn1::{bit_length, oid_string};
use crate::limits::MAX_RSA_BITS;
use crate::x509::rsa_public_key;
use crate::x509::{self, AlgorithmIdentifier, PublicKeyInfo};

/// A hash function named by a signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hash {
    /// MD2: never verified.
    Md2,
    /// MD5: never verified.
    Md5,
    /// SHA-1.
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    /// Its name as WebCrypto and the reports spell it (`SHA-256`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Md2 => "MD2",
            Self::Md5 => "MD5",
            Self::Sha1 => "SHA-1",
            Self::Sha224 => "SHA-224",
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
        }
    }

    fn from_oid(content: &[u8]) -> Option<Self> {
        const NIST: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02];
        match content {
            [0x2b, 0x0e, 0x03, 0x02, 0x1a] => Some(Self::Sha1),
            [nist @ .., last] if nist == NIST => match last {
                1 => Some(Self::Sha256),
                2 => Some(Self::Sha384),
                3 => Some(Self::Sha512),
                4 => Some(Self::Sha224),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A certificate signature algorithm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Algorithm {
    RsaPkcs1(Hash),
    RsaPss {
        hash: Hash,
        salt_len: usize,
    },
    Ecdsa(Hash),
    Ed25519,
    /// ML-DSA or SLH-DSA, pure, without parameters.
    PostQuantum(PostQuantum),
    /// Unknown, or PSS with parameters this tool does not support (a different MGF hash).
    Other(String),
}

impl Algorithm {
    pub(crate) fn of(identifier: &AlgorithmIdentifier<'_>) -> Self {
        const PKCS1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
        const ECDSA_SHA1: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01];
        const ECDSA_SHA2: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03];
        const SHA1_RSA_OIW: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x1d];
        let oid = identifier.oid;
        match oid {
            [pkcs1 @ .., last] if pkcs1 == PKCS1 => match last {
                2 => Self::RsaPkcs1(Hash::Md2),
                4 => Self::RsaPkcs1(Hash::Md5),
                5 => Self::RsaPkcs1(Hash::Sha1),
                10 => pss(identifier).unwrap_or_else(|| Self::Other("RSASSA-PSS (unsupported parameters)".to_owned())),
                11 => Self::RsaPkcs1(Hash::Sha256),
                12 => Self::RsaPkcs1(Hash::Sha384),
                13 => Self::RsaPkcs1(Hash::Sha512),
                14 => Self::RsaPkcs1(Hash::Sha224),
                _ => Self::Other(oid_string(oid)),
            },
            SHA1_RSA_OIW => Self::RsaPkcs1(Hash::Sha1),
            ECDSA_SHA1 => Self::Ecdsa(Hash::Sha1),
            [ecdsa @ .., last] if ecdsa == ECDSA_SHA2 => match last {
                1 => Self::Ecdsa(Hash::Sha224),
                2 => Self::Ecdsa(Hash::Sha256),
                3 => Self::Ecdsa(Hash::Sha384),
                4 => Self::Ecdsa(Hash::Sha512),
                _ => Self::Other(oid_string(oid)),
            },
            oid::ED25519 => Self::Ed25519,
            other => match PostQuantum::of(other) {
                // RFC 9881 and 9909: the parameters MUST be absent.
                Some(pq) if identifier.parameters.is_none() => Self::PostQuantum(pq),
                Some(pq) => Self::Other(format!("{} (with parameters)", pq.parameter_set())),
                None => Self::Other(oid_string(other)),
            },
        }
    }

    pub(crate) fn hash(&self) -> Option<Hash> {
        match self {
            Self::RsaPkcs1(hash) | Self::RsaPss { hash, .. } | Self::Ecdsa(hash) => Some(*hash),
            Self::Ed25519 | Self::PostQuantum(_) | Self::Other(_) => None,
        }
    }

    pub(crate) fn name(&self) -> String {
        match self {
            Self::RsaPkcs1(hash) => format!("RSA PKCS#1 v1.5 with {}", hash.name()),
            Self::RsaPss { hash, .. } => format!("RSA-PSS with {}", hash.name()),
            Self::Ecdsa(hash) => format!("ECDSA with {}", hash.name()),
            Self::Ed25519 => "Ed25519".to_owned(),
            Self::PostQuantum(pq) => pq.parameter_set().to_owned(),
            Self::Other(name) => name.clone(),
        }
    }

    pub(crate) fn hash_name(&self) -> Option<&'static str> {
        self.hash().map(Hash::name)
    }

    pub(crate) fn is_md(&self) -> bool {
        matches!(self.hash(), Some(Hash::Md2 | Hash::Md5))
    }

    pub(crate) fn is_sha1(&self) -> bool {
        self.hash() == Some(Hash::Sha1)
    }
}

/// RSASSA-PSS-params: `[0]` hash (default SHA-1), `[1]` MGF1 with the same hash, `[2]` salt
/// length (default 20).
fn pss(identifier: &AlgorithmIdentifier<'_>) -> Option<Algorithm> {
    const MGF1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08];
    let mut hash = Hash::Sha1;
    let mut mgf_hash = Hash::Sha1;
    let mut salt_len = 20;
    let params = identifier.parameter_content();
    let hash_of = |algorithm_identifier: &[u8]| -> Option<Hash> {
        let (sequence, _) = asn1::expect(algorithm_identifier, TAG_SEQUENCE).ok()?;
        let (oid, _) = asn1::expect(sequence.content, TAG_OID).ok()?;
        Hash::from_oid(oid.content)
    };
    for field in asn1::children(params) {
        let field = field.ok()?;
        match field.tag {
            0xa0 => hash = hash_of(field.content)?,
            0xa1 => {
                let (mgf, _) = asn1::expect(field.content, TAG_SEQUENCE).ok()?;
                let (mgf_oid, rest) = asn1::expect(mgf.content, TAG_OID).ok()?;
                if mgf_oid.content != MGF1 {
                    return None;
                }
                mgf_hash = hash_of(rest)?;
            }
            0xa2 => {
                let (salt, _) = asn1::expect(field.content, TAG_INTEGER).ok()?;
                salt_len = usize::try_from(small_uint(salt.content)?).ok()?;
            }
            _ => {}
        }
    }
    (hash == mgf_hash).then_some(Algorithm::RsaPss { hash, salt_len })
}

/// The outcome of checking one signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification {
    /// The issuer's key verifies the signature.
    Valid,
    /// It does not (a wrong issuer, or a damaged certificate).
    Invalid,
    /// Not verified: the algorithm or the key type is not one this tool verifies, or the
    /// verifier could not answer (no WebCrypto, or no answer yet).
    Unsupported,
}

/// An elliptic curve whose ECDSA signatures are verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
}

impl Curve {
    /// Its name as WebCrypto spells it (`P-256`).
    pub fn name(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
        }
    }

    /// The size of a coordinate and of each half of a signature, in bytes.
    pub fn field_len(self) -> usize {
        match self {
            Self::P256 => 32,
            Self::P384 => 48,
        }
    }

    /// The curve named by an EC key's parameters, when it is one of these.
    pub(crate) fn of(parameters: &[u8]) -> Option<Self> {
        match parameters {
            oid::P256 => Some(Self::P256),
            oid::P384 => Some(Self::P384),
            _ => None,
        }
    }
}

/// How a signature is to be verified: the algorithm and the issuer key type, already checked to
/// fit each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// RSASSA-PKCS1-v1_5 with an RSA key.
    RsaPkcs1v15 {
        /// The message hash (never MD2 or MD5).
        hash: Hash,
    },
    /// RSASSA-PSS with MGF1 over the same hash, with an RSA key.
    RsaPss {
        /// The message and MGF1 hash (never MD2 or MD5).
        hash: Hash,
        /// The salt length in bytes.
        salt_len: usize,
    },
    /// ECDSA on a named curve.
    Ecdsa {
        /// The issuer key's curve.
        curve: Curve,
        /// The message hash (never MD2 or MD5).
        hash: Hash,
    },
    /// Ed25519 (pure, over the whole message).
    Ed25519,
    /// ML-DSA (pure, over the whole message, with the empty context string).
    MlDsa(MlDsa),
}

/// One signature the engine needs checked: did the key in `issuer_spki` sign `signed`?
///
/// Only the engine makes these, after the checks that need no cryptography, so a verifier
/// gets a well-formed question: the key type fits the scheme, an RSA modulus has 512 to
/// [`MAX_RSA_BITS`] bits, an ECDSA signature is a DER `SEQUENCE` of two integers that fit the
/// curve, an Ed25519 key and signature have their fixed sizes.
#[derive(Clone, Copy, Debug)]
pub struct SignatureCheck<'a> {
    /// The algorithm and key type.
    pub scheme: Scheme,
    /// The issuer's whole DER SubjectPublicKeyInfo.
    pub issuer_spki: &'a [u8],
    /// The signed bytes: the child's whole DER `tbsCertificate`.
    pub signed: &'a [u8],
    /// The signature as the certificate carries it (for ECDSA, DER; see [`Self::ecdsa_p1363`]).
    pub signature: &'a [u8],
    /// The subjectPublicKey bits inside `issuer_spki`.
    key: &'a [u8],
}

#[cfg(test)]
impl<'a> SignatureCheck<'a> {
    /// An Ed25519 check over `signed` with no key or signature: a distinct id for each `signed`.
    pub(crate) fn over(signed: &'a [u8]) -> Self {
        Self {
            scheme: Scheme::Ed25519,
            issuer_spki: &[],
            signed,
            signature: &[],
            key: &[],
        }
    }
}

impl SignatureCheck<'_> {
    /// A digest of everything the answer depends on, so an answer given once can be reused:
    /// SHA-256 over the scheme and the length-prefixed key, signature and signed bytes.
    pub fn id(&self) -> CheckId {
        let (kind, hash, curve, salt_len) = match self.scheme {
            Scheme::RsaPkcs1v15 { hash } => (1u8, Some(hash), None, 0),
            Scheme::RsaPss { hash, salt_len } => (2, Some(hash), None, salt_len),
            Scheme::Ecdsa { curve, hash } => (3, Some(hash), Some(curve), 0),
            Scheme::Ed25519 => (4, None, None, 0),
            Scheme::MlDsa(set) => (5, None, None, set as usize),
        };
        let mut digest = Sha256::new();
        digest.update([kind, hash.map_or(0, |h| h as u8 + 1), curve.map_or(0, |c| c as u8 + 1)]);
        digest.update((salt_len as u64).to_be_bytes());
        for part in [self.issuer_spki, self.signature, self.signed] {
            digest.update((part.len() as u64).to_be_bytes());
            digest.update(part);
        }
        CheckId(digest.finalize().into())
    }

    /// The subjectPublicKey bits: an RSAPublicKey, a SEC1 point, 32 Ed25519 bytes or an
    /// encoded ML-DSA key.
    pub fn public_key(&self) -> &[u8] {
        self.key
    }

    /// For ECDSA, the signature as `r || s`, each left-padded to the curve's size (IEEE P1363,
    /// the form WebCrypto and RustCrypto take); `None` for other schemes.
    pub fn ecdsa_p1363(&self) -> Option<Vec<u8>> {
        match self.scheme {
            Scheme::Ecdsa { curve, .. } => p1363(self.signature, curve.field_len()),
            _ => None,
        }
    }
}

/// What identifies a [`SignatureCheck`]: a SHA-256 digest of everything its answer depends on.
/// As text (`Display`, `FromStr`), 64 upper-case hex digits, as the page passes it around.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CheckId(pub [u8; 32]);

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&hex_upper(&self.0))
    }
}

impl std::str::FromStr for CheckId {
    type Err = ();

    /// 64 hex digits, either case.
    fn from_str(text: &str) -> Result<Self, ()> {
        let digits = text.as_bytes();
        if digits.len() != 64 {
            return Err(());
        }
        let mut id = [0; 32];
        for (byte, pair) in id.iter_mut().zip(digits.chunks_exact(2)) {
            let nibble = |d: u8| char::from(d).to_digit(16).ok_or(());
            *byte = u8::try_from(nibble(pair[0])? << 4 | nibble(pair[1])?).map_err(|_| ())?;
        }
        Ok(Self(id))
    }
}

/// Answers the one question the engine cannot: does the key verify the signature.
///
/// Return [`Verification::Unsupported`] when the question cannot be answered here (a
/// platform without the algorithm, an answer not in yet), never a guess. Implementations:
/// [`RustCrypto`]; [`Answers`], for verifiers that answer asynchronously.
pub trait Verifier {
    /// Verifies one signature.
    fn verify(&self, check: &SignatureCheck<'_>) -> Verification;

    /// The checks asked for since the last call that this verifier could not settle yet and
    /// will once told ([`Answers`]): what [`crate::completion`] hands to the face as
    /// [`crate::completion::Need::Signature`]. A verifier that answers every check itself has
    /// none, the default.
    fn pending_checks(&self) -> Vec<PendingCheck> {
        Vec::new()
    }
}

/// Checks `signature` over `signed` with `issuer_key`: settled here when no cryptography is
/// needed, otherwise asked of `verifier`.
pub(crate) fn check(
    signed: &[u8],
    algorithm: &Algorithm,
    signature: &[u8],
    issuer_key: &PublicKeyInfo<'_>,
    verifier: &dyn Verifier,
) -> Verification {
    match scheme(algorithm, signature, issuer_key) {
        Ok(scheme) => verifier.verify(&SignatureCheck {
            scheme,
            issuer_spki: issuer_key.raw,
            signed,
            signature,
            key: issuer_key.key,
        }),
        Err(settled) => settled,
    }
}

/// The scheme to ask about, or the outcome when it is settled without cryptography.
fn scheme(algorithm: &Algorithm, signature: &[u8], issuer_key: &PublicKeyInfo<'_>) -> Result<Scheme, Verification> {
    if algorithm.is_md() {
        return Err(Verification::Unsupported);
    }
    let key = issuer_key.key;
    match (algorithm, issuer_key.algorithm.oid) {
        (Algorithm::Other(_), _) => Err(Verification::Unsupported),
        (Algorithm::RsaPkcs1(_) | Algorithm::RsaPss { .. }, oid::RSA_ENCRYPTION) => {
            let (modulus, _) = rsa_public_key(key).ok_or(Verification::Unsupported)?;
            if !(512..=MAX_RSA_BITS).contains(&(bit_length(modulus) as usize)) {
                return Err(Verification::Unsupported);
            }
            Ok(match *algorithm {
                Algorithm::RsaPss { hash, salt_len } => Scheme::RsaPss { hash, salt_len },
                Algorithm::RsaPkcs1(hash) => Scheme::RsaPkcs1v15 { hash },
                _ => return Err(Verification::Unsupported),
            })
        }
        (Algorithm::Ecdsa(hash), oid::EC_PUBLIC_KEY) => {
            let curve = Curve::of(issuer_key.algorithm.parameter_content()).ok_or(Verification::Unsupported)?;
            p1363(signature, curve.field_len()).ok_or(Verification::Invalid)?;
            Ok(Scheme::Ecdsa { curve, hash: *hash })
        }
        (Algorithm::Ed25519, oid::ED25519) if key.len() == 32 && signature.len() == 64 => Ok(Scheme::Ed25519),
        // The key names its parameter set as the algorithm does; SLH-DSA is named, not verified.
        (Algorithm::PostQuantum(PostQuantum::MlDsa(set)), key_oid)
            if PostQuantum::of(key_oid) == Some(PostQuantum::MlDsa(*set))
                && issuer_key.algorithm.parameters.is_none()
                && key.len() == set.public_key_len()
                && signature.len() == set.signature_len() =>
        {
            Ok(Scheme::MlDsa(*set))
        }
        (Algorithm::PostQuantum(PostQuantum::SlhDsa(_)), _) => Err(Verification::Unsupported),
        // A signature algorithm that does not fit the issuer's key type cannot verify.
        _ => Err(Verification::Invalid),
    }
}

/// A DER ECDSA-Sig-Value (`SEQUENCE { r INTEGER, s INTEGER }`) as `r || s`, each padded to
/// `len` bytes; `None` when it is not exactly that, or `r` or `s` is not in `1..2^(8 len)`.
fn p1363(der: &[u8], len: usize) -> Option<Vec<u8>> {
    const BAD: x509::Malformed = "";
    let (sequence, rest) = x509::expect(der, TAG_SEQUENCE, BAD).ok()?;
    let (r, after_r) = x509::expect(sequence.content, TAG_INTEGER, BAD).ok()?;
    let (s, after_s) = x509::expect(after_r, TAG_INTEGER, BAD).ok()?;
    if !rest.is_empty() || !after_s.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(2 * len);
    for integer in [r.content, s.content] {
        let magnitude = match integer {
            [] => return None,
            [first, ..] if first & 0x80 != 0 => return None,
            // DER allows a leading zero only before a byte with its top bit set.
            [0, next, ..] if next & 0x80 == 0 => return None,
            [0, rest @ ..] if !rest.is_empty() => rest,
            _ => integer,
        };
        if magnitude.len() > len || magnitude.iter().all(|&b| b == 0) {
            return None;
        }
        out.resize(out.len() + len - magnitude.len(), 0);
        out.extend_from_slice(magnitude);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_ids_round_trip_as_hex() {
        let id = CheckId(std::array::from_fn(|i| u8::try_from(i * 8).unwrap()));
        let text = id.to_string();
        assert_eq!(&text[..6], "000810");
        assert_eq!(text.len(), 64);
        assert_eq!(text.parse(), Ok(id));
        assert_eq!(text.to_lowercase().parse(), Ok(id));
        for bad in ["", "00", &text[1..], &format!("{}g", &text[1..])] {
            assert_eq!(bad.parse::<CheckId>(), Err(()), "{bad}");
        }
    }

    #[test]
    fn p1363_pads_and_strips_der_integers() {
        // r = 0x80 (needs a leading zero in DER), s = 1.
        let der = [0x30, 0x07, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x01];
        let raw = p1363(&der, 32).unwrap();
        assert_eq!(raw.len(), 64);
        assert_eq!(raw[31], 0x80);
        assert_eq!(raw[63], 0x01);
        assert!(raw[..31].iter().chain(&raw[32..63]).all(|&b| b == 0));
    }

    #[test]
    fn p1363_rejects_what_is_not_a_strict_signature() {
        let cases: [&[u8]; 7] = [
            // negative r
            &[0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01],
            // a superfluous leading zero
            &[0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01],
            // zero
            &[0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01],
            // one integer only
            &[0x30, 0x03, 0x02, 0x01, 0x01],
            // trailing bytes inside and after
            &[0x30, 0x09, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x00],
            &[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00],
            // empty integer
            &[0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01],
        ];
        for der in cases {
            assert_eq!(p1363(der, 32), None, "{der:02x?}");
        }
        let too_long = [[0x30, 0x26, 0x02, 0x21].as_slice(), &[0x01; 33], &[0x02, 0x01, 0x01]].concat();
        assert_eq!(p1363(&too_long, 32), None);
        assert!(p1363(&too_long, 48).is_some());
    }
}
