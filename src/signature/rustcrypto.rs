//! The built-in [`Verifier`]: pure-Rust RustCrypto crates, so the same code runs natively and
//! in WebAssembly without a platform's crypto (RSA PKCS#1 v1.5 and PSS, ECDSA on P-256 and
//! P-384, Ed25519, ML-DSA).

use rsa::{BoxedUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use super::{Curve, Hash, MlDsa, Scheme, SignatureCheck, Verification, Verifier};
use crate::limits::MAX_RSA_BITS;
use crate::x509::rsa_public_key;

/// Verifies with the RustCrypto crates (the `rustcrypto` feature, on by default).
#[derive(Clone, Copy, Debug, Default)]
pub struct RustCrypto;

impl Verifier for RustCrypto {
    fn verify(&self, check: &SignatureCheck<'_>) -> Verification {
        let outcome = match check.scheme {
            Scheme::RsaPkcs1v15 { hash } => rsa_key(check.public_key()).and_then(|key| {
                let (scheme, digest) = (pkcs1v15(hash)?, digest(hash, check.signed)?);
                Some(key.verify(scheme, &digest, check.signature).is_ok())
            }),
            Scheme::RsaPss { hash, salt_len } => rsa_key(check.public_key())
                .and_then(|key| verify_pss(hash, &key, salt_len, check.signed, check.signature)),
            Scheme::Ecdsa { curve, hash } => {
                let (Some(digest), Some(signature)) = (digest(hash, check.signed), check.ecdsa_p1363()) else {
                    return Verification::Unsupported;
                };
                Some(ecdsa(curve, check.public_key(), &digest, &signature))
            }
            Scheme::Ed25519 => Some(ed25519(check.public_key(), check.signed, check.signature)),
            Scheme::MlDsa(set) => Some(ml_dsa(set, check.public_key(), check.signed, check.signature)),
        };
        match outcome {
            Some(true) => Verification::Valid,
            Some(false) => Verification::Invalid,
            None => Verification::Unsupported,
        }
    }
}

fn digest(hash: Hash, data: &[u8]) -> Option<Vec<u8>> {
    Some(match hash {
        Hash::Md2 | Hash::Md5 => return None,
        Hash::Sha1 => Sha1::digest(data).to_vec(),
        Hash::Sha224 => Sha224::digest(data).to_vec(),
        Hash::Sha256 => Sha256::digest(data).to_vec(),
        Hash::Sha384 => Sha384::digest(data).to_vec(),
        Hash::Sha512 => Sha512::digest(data).to_vec(),
    })
}

fn pkcs1v15(hash: Hash) -> Option<Pkcs1v15Sign> {
    Some(match hash {
        Hash::Md2 | Hash::Md5 => return None,
        Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
        Hash::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
        Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
        Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
        Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
    })
}

/// Verifies an RSA-PSS signature whose MGF1 uses the same hash; `None` for MD hashes.
fn verify_pss(hash: Hash, key: &RsaPublicKey, salt_len: usize, signed: &[u8], signature: &[u8]) -> Option<bool> {
    fn check<D: Digest + sha2::digest::FixedOutputReset>(
        key: &RsaPublicKey,
        salt_len: usize,
        signed: &[u8],
        signature: &[u8],
    ) -> bool {
        key.verify(Pss::<D>::new_with_salt(salt_len), &D::digest(signed), signature)
            .is_ok()
    }
    Some(match hash {
        Hash::Md2 | Hash::Md5 => return None,
        Hash::Sha1 => check::<Sha1>(key, salt_len, signed, signature),
        Hash::Sha224 => check::<Sha224>(key, salt_len, signed, signature),
        Hash::Sha256 => check::<Sha256>(key, salt_len, signed, signature),
        Hash::Sha384 => check::<Sha384>(key, salt_len, signed, signature),
        Hash::Sha512 => check::<Sha512>(key, salt_len, signed, signature),
    })
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

fn ecdsa(curve: Curve, key: &[u8], digest: &[u8], signature: &[u8]) -> bool {
    use ecdsa::signature::hazmat::PrehashVerifier;
    match curve {
        Curve::P256 => {
            let (Ok(key), Ok(signature)) = (
                p256::ecdsa::VerifyingKey::from_sec1_bytes(key),
                p256::ecdsa::Signature::from_slice(signature),
            ) else {
                return false;
            };
            key.verify_prehash(digest, &signature).is_ok()
        }
        Curve::P384 => {
            let (Ok(key), Ok(signature)) = (
                p384::ecdsa::VerifyingKey::from_sec1_bytes(key),
                p384::ecdsa::Signature::from_slice(signature),
            ) else {
                return false;
            };
            key.verify_prehash(digest, &signature).is_ok()
        }
    }
}

fn ed25519(key: &[u8], signed: &[u8], signature: &[u8]) -> bool {
    let (Ok(public), Ok(signature)) = (<[u8; 32]>::try_from(key), <[u8; 64]>::try_from(signature)) else {
        return false;
    };
    ed25519_dalek::VerifyingKey::from_bytes(&public).is_ok_and(|k| {
        k.verify_strict(signed, &ed25519_dalek::Signature::from_bytes(&signature))
            .is_ok()
    })
}

/// Pure ML-DSA with the empty context string (RFC 9881); the sizes were checked by the engine,
/// and are checked again by the decoding.
fn ml_dsa(set: MlDsa, key: &[u8], signed: &[u8], signature: &[u8]) -> bool {
    use ml_dsa::{EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Signature, VerifyingKey};
    fn verify<P: MlDsaParams>(key: &[u8], signed: &[u8], signature: &[u8]) -> bool {
        let (Ok(encoded), Ok(signature)) = (
            EncodedVerifyingKey::<P>::try_from(key),
            Signature::<P>::try_from(signature),
        ) else {
            return false;
        };
        VerifyingKey::<P>::decode(&encoded).verify_with_context(signed, b"", &signature)
    }
    match set {
        MlDsa::MlDsa44 => verify::<MlDsa44>(key, signed, signature),
        MlDsa::MlDsa65 => verify::<MlDsa65>(key, signed, signature),
        MlDsa::MlDsa87 => verify::<MlDsa87>(key, signed, signature),
    }
}
