//! Describing a certificate's public key: algorithm, true size, curve.

use crate::x509::PublicKeyInfo;
use serde::Serialize;

use crate::asn1::{self, bit_length, oid, oid_string, strip_zeros, TAG_INTEGER};
use crate::signature::PostQuantum;
use crate::x509::rsa_public_key;

/// A public key, as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyDescription {
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, or the algorithm OID.
    pub algorithm: String,
    /// Key size in bits: the RSA modulus length counted from its first set bit, or the curve size.
    pub bits: Option<u32>,
    /// Named curve for EC keys: `P-256`, `P-384`, `P-521`, `secp256k1`, or the curve OID.
    pub curve: Option<String>,
    /// The parameter set of a post-quantum key (`algorithm` `ML-DSA` or `SLH-DSA`):
    /// `ML-DSA-65`, `SLH-DSA-SHA2-128s`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter_set: Option<String>,
}

const P521: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
const P192: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x01];
const P224: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x21];
const SECP256K1: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x0a];
const ED448: &[u8] = &[0x2b, 0x65, 0x71];
const DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];

/// Describes `spki`. RSA sizes are counted from the modulus' first set bit.
pub(crate) fn describe(spki: &PublicKeyInfo<'_>) -> KeyDescription {
    let algorithm = spki.algorithm.oid;
    let key = spki.key;
    let (name, bits, curve): (&str, Option<u32>, Option<String>) = match algorithm {
        oid::RSA_ENCRYPTION => ("RSA", rsa_public_key(key).map(|(n, _)| bit_length(n)), None),
        oid::EC_PUBLIC_KEY => {
            let curve_oid = spki.algorithm.parameter_content();
            let explicit = spki.algorithm.parameters.is_some_and(|p| p.tag == asn1::TAG_SEQUENCE);
            let (bits, curve) = match curve_oid {
                _ if explicit => (None, EXPLICIT_CURVE.to_owned()),
                P192 => (Some(192), "P-192".to_owned()),
                P224 => (Some(224), "P-224".to_owned()),
                oid::P256 => (Some(256), "P-256".to_owned()),
                oid::P384 => (Some(384), "P-384".to_owned()),
                P521 => (Some(521), "P-521".to_owned()),
                SECP256K1 => (Some(256), "secp256k1".to_owned()),
                other => (None, oid_string(other)),
            };
            ("EC", bits, Some(curve))
        }
        oid::ED25519 => ("Ed25519", Some(256), None),
        ED448 => ("Ed448", Some(456), None),
        DSA => ("DSA", dsa_bits(spki), None),
        other => {
            let post_quantum = PostQuantum::of(other).filter(|_| spki.algorithm.parameters.is_none());
            return KeyDescription {
                algorithm: post_quantum.map_or_else(|| oid_string(other), |pq| pq.family().to_owned()),
                bits: None,
                curve: None,
                parameter_set: post_quantum.map(|pq| pq.parameter_set().to_owned()),
            };
        }
    };
    KeyDescription {
        algorithm: name.to_owned(),
        bits,
        curve,
        parameter_set: None,
    }
}

/// The curve name for EC keys that spell out their curve instead of naming it (RFC 5480 forbids
/// it; no TLS client accepts it).
const EXPLICIT_CURVE: &str = "explicit parameters";

/// Why a key on a server's path is not acceptable (CA/Browser Forum Baseline Requirements
/// 6.1.5: RSA of 2048 bits or more, ECDSA on P-256, P-384 or P-521; Ed25519 is accepted here
/// as TLS 1.3 clients accept it), or `None`. ML-DSA and SLH-DSA are strong, not weak: which
/// clients can use them today is `KEY_POST_QUANTUM`'s to say.
pub(crate) fn weakness(key: &KeyDescription) -> Option<&'static str> {
    match (key.algorithm.as_str(), key.bits, key.curve.as_deref()) {
        ("RSA", Some(bits), _) if bits < 2048 => Some("size"),
        ("RSA", _, _) => None,
        ("EC", _, Some("P-256" | "P-384" | "P-521")) => None,
        ("EC", _, _) => Some("curve"),
        ("Ed25519" | "ML-DSA" | "SLH-DSA", _, _) => None,
        _ => Some("algorithm"),
    }
}

/// The size of DSA's prime `p`, from the parameters `{p, q, g}`.
fn dsa_bits(spki: &PublicKeyInfo<'_>) -> Option<u32> {
    let params = spki.algorithm.parameter_content();
    let (p, _) = asn1::expect(params, TAG_INTEGER).ok()?;
    Some(bit_length(strip_zeros(p.content)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(algorithm: &str, bits: Option<u32>, curve: Option<&str>) -> KeyDescription {
        KeyDescription {
            algorithm: algorithm.to_owned(),
            bits,
            curve: curve.map(str::to_owned),
            parameter_set: None,
        }
    }

    #[test]
    fn weak_keys_are_named_by_what_is_wrong() {
        assert_eq!(weakness(&key("RSA", Some(1024), None)), Some("size"));
        assert_eq!(weakness(&key("RSA", Some(2048), None)), None);
        assert_eq!(weakness(&key("EC", Some(192), Some("P-192"))), Some("curve"));
        assert_eq!(weakness(&key("EC", None, Some(EXPLICIT_CURVE))), Some("curve"));
        assert_eq!(weakness(&key("EC", Some(256), Some("secp256k1"))), Some("curve"));
        assert_eq!(weakness(&key("EC", Some(384), Some("P-384"))), None);
        assert_eq!(weakness(&key("DSA", Some(2048), None)), Some("algorithm"));
        assert_eq!(weakness(&key("Ed25519", Some(256), None)), None);
        assert_eq!(weakness(&key("ML-DSA", None, None)), None);
        assert_eq!(weakness(&key("SLH-DSA", None, None)), None);
    }
}
