//! Verifying certificate signatures with pure-Rust RustCrypto crates, so the same code runs
//! natively and in WebAssembly: RSA PKCS#1 v1.5, RSA-PSS, ECDSA on P-256/P-384, Ed25519.

use crate::x509::{AlgorithmIdentifier, PublicKeyInfo};
use rsa::{BoxedUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use crate::asn1::{self, oid, small_uint, TAG_INTEGER, TAG_OID, TAG_SEQUENCE};
use crate::limits::MAX_RSA_BITS;
use crate::public_key::{oid_string, rsa_public_key};

/// A hash function used in a signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hash {
    Md2,
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn name(self) -> &'static str {
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

    fn digest(self, data: &[u8]) -> Option<Vec<u8>> {
        Some(match self {
            Self::Md2 | Self::Md5 => return None,
            Self::Sha1 => Sha1::digest(data).to_vec(),
            Self::Sha224 => Sha224::digest(data).to_vec(),
            Self::Sha256 => Sha256::digest(data).to_vec(),
            Self::Sha384 => Sha384::digest(data).to_vec(),
            Self::Sha512 => Sha512::digest(data).to_vec(),
        })
    }

    fn pkcs1v15(self) -> Option<Pkcs1v15Sign> {
        Some(match self {
            Self::Md2 | Self::Md5 => return None,
            Self::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            Self::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
            Self::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            Self::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            Self::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        })
    }

    /// Verifies an RSA-PSS signature whose MGF1 uses the same hash; `None` for MD hashes.
    fn verify_pss(self, key: &RsaPublicKey, salt_len: usize, digest: &[u8], signature: &[u8]) -> Option<bool> {
        fn check<D: Digest + sha2::digest::FixedOutputReset>(
            key: &RsaPublicKey,
            salt_len: usize,
            digest: &[u8],
            signature: &[u8],
        ) -> bool {
            key.verify(Pss::<D>::new_with_salt(salt_len), digest, signature).is_ok()
        }
        Some(match self {
            Self::Md2 | Self::Md5 => return None,
            Self::Sha1 => check::<Sha1>(key, salt_len, digest, signature),
            Self::Sha224 => check::<Sha224>(key, salt_len, digest, signature),
            Self::Sha256 => check::<Sha256>(key, salt_len, digest, signature),
            Self::Sha384 => check::<Sha384>(key, salt_len, digest, signature),
            Self::Sha512 => check::<Sha512>(key, salt_len, digest, signature),
        })
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
            other => Self::Other(oid_string(other)),
        }
    }

    pub(crate) fn hash(&self) -> Option<Hash> {
        match self {
            Self::RsaPkcs1(hash) | Self::RsaPss { hash, .. } | Self::Ecdsa(hash) => Some(*hash),
            Self::Ed25519 | Self::Other(_) => None,
        }
    }

    pub(crate) fn name(&self) -> String {
        match self {
            Self::RsaPkcs1(hash) => format!("RSA PKCS#1 v1.5 with {}", hash.name()),
            Self::RsaPss { hash, .. } => format!("RSA-PSS with {}", hash.name()),
            Self::Ecdsa(hash) => format!("ECDSA with {}", hash.name()),
            Self::Ed25519 => "Ed25519".to_owned(),
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
    /// The algorithm or the key type is not one this tool verifies.
    Unsupported,
}

/// Checks `signature` over `signed` with `issuer_key`.
pub(crate) fn verify(
    signed: &[u8],
    algorithm: &Algorithm,
    signature: &[u8],
    issuer_key: &PublicKeyInfo<'_>,
) -> Verification {
    let key_type = issuer_key.algorithm.oid;
    let key = issuer_key.key;
    let outcome = match (algorithm, key_type) {
        (Algorithm::RsaPkcs1(hash), oid::RSA_ENCRYPTION) => {
            let (Some(scheme), Some(digest)) = (hash.pkcs1v15(), hash.digest(signed)) else {
                return Verification::Unsupported;
            };
            rsa_key(key).map(|k| k.verify(scheme, &digest, signature).is_ok())
        }
        (Algorithm::RsaPss { hash, salt_len }, oid::RSA_ENCRYPTION) => {
            let Some(digest) = hash.digest(signed) else {
                return Verification::Unsupported;
            };
            rsa_key(key).and_then(|k| hash.verify_pss(&k, *salt_len, &digest, signature))
        }
        (Algorithm::Ecdsa(hash), oid::EC_PUBLIC_KEY) => {
            let Some(digest) = hash.digest(signed) else {
                return Verification::Unsupported;
            };
            let curve = issuer_key.algorithm.parameter_content();
            match curve {
                oid::P256 => Some(ecdsa_p256(key, &digest, signature)),
                oid::P384 => Some(ecdsa_p384(key, &digest, signature)),
                _ => return Verification::Unsupported,
            }
        }
        (Algorithm::Ed25519, oid::ED25519) => {
            let Ok(public) = <[u8; 32]>::try_from(key) else {
                return Verification::Invalid;
            };
            let Ok(sig) = <[u8; 64]>::try_from(signature) else {
                return Verification::Invalid;
            };
            ed25519_dalek::VerifyingKey::from_bytes(&public).ok().map(|k| {
                k.verify_strict(signed, &ed25519_dalek::Signature::from_bytes(&sig))
                    .is_ok()
            })
        }
        (Algorithm::Other(_), _) => return Verification::Unsupported,
        // A signature algorithm that does not fit the issuer's key type cannot verify.
        _ => Some(false),
    };
    match outcome {
        Some(true) => Verification::Valid,
        Some(false) => Verification::Invalid,
        None => Verification::Unsupported,
    }
}

fn rsa_key(spki_key: &[u8]) -> Option<RsaPublicKey> {
    let (n, e) = rsa_public_key(spki_key)?;
    RsaPublicKey::new_with_size_limits(
        BoxedUint::from_be_slice_vartime(n),
        BoxedUint::from_be_slice_vartime(e),
        512..=MAX_RSA_BITS,
    )
    .ok()
}

fn ecdsa_p256(key: &[u8], digest: &[u8], signature: &[u8]) -> bool {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    let (Ok(key), Ok(sig)) = (
        p256::ecdsa::VerifyingKey::from_sec1_bytes(key),
        p256::ecdsa::Signature::from_der(signature),
    ) else {
        return false;
    };
    key.verify_prehash(digest, &sig).is_ok()
}

fn ecdsa_p384(key: &[u8], digest: &[u8], signature: &[u8]) -> bool {
    use p384::ecdsa::signature::hazmat::PrehashVerifier;
    let (Ok(key), Ok(sig)) = (
        p384::ecdsa::VerifyingKey::from_sec1_bytes(key),
        p384::ecdsa::Signature::from_der(signature),
    ) else {
        return false;
    };
    key.verify_prehash(digest, &sig).is_ok()
}
