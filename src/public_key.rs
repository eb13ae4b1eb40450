//! Describing a certificate's public key: algorithm, true size, curve.

use crate::x509::PublicKeyInfo;
use serde::Serialize;

use crate::asn1::{self, oid, TAG_INTEGER, TAG_SEQUENCE};

/// A public key, as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyDescription {
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, or the algorithm OID.
    pub algorithm: String,
    /// Key size in bits: the RSA modulus length counted from its first set bit, or the curve size.
    pub bits: Option<u32>,
    /// Named curve for EC keys: `P-256`, `P-384`, `P-521`, `secp256k1`, or the curve OID.
    pub curve: Option<String>,
}

const P521: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
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
            let (bits, curve) = match curve_oid {
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
            return KeyDescription {
                algorithm: oid_string(other),
                bits: None,
                curve: None,
            }
        }
    };
    KeyDescription {
        algorithm: name.to_owned(),
        bits,
        curve,
    }
}

/// The size of DSA's prime `p`, from the parameters `{p, q, g}`.
fn dsa_bits(spki: &PublicKeyInfo<'_>) -> Option<u32> {
    let params = spki.algorithm.parameter_content();
    let (p, _) = asn1::expect(params, TAG_INTEGER).ok()?;
    Some(bit_length(strip_zeros(p.content)))
}

/// Bits in a big-endian unsigned number without leading zero bytes.
pub(crate) fn bit_length(number: &[u8]) -> u32 {
    match number.split_first() {
        Some((&first, rest)) => u32::try_from(rest.len()).unwrap_or(u32::MAX / 8) * 8 + (8 - first.leading_zeros()),
        None => 0,
    }
}

/// `n` and `e` of a PKCS#1 RSAPublicKey, without leading zeros.
pub(crate) fn rsa_public_key(der: &[u8]) -> Option<(&[u8], &[u8])> {
    let (outer, _) = asn1::expect(der, TAG_SEQUENCE).ok()?;
    let mut ints = asn1::children(outer.content).map_while(Result::ok);
    let n = ints.next().filter(|f| f.tag == TAG_INTEGER)?;
    let e = ints.next().filter(|f| f.tag == TAG_INTEGER)?;
    Some((strip_zeros(n.content), strip_zeros(e.content)))
}

pub(crate) fn strip_zeros(mut bytes: &[u8]) -> &[u8] {
    while let [0, rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

/// Dotted form of an OID's DER contents.
pub(crate) fn oid_string(content: &[u8]) -> String {
    let mut arcs = Vec::new();
    let mut value: u64 = 0;
    for &byte in content {
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            arcs.push(value);
            value = 0;
        }
    }
    let mut parts = Vec::with_capacity(arcs.len() + 1);
    if let Some(&first) = arcs.first() {
        let (a, b) = match first {
            0..=39 => (0, first),
            40..=79 => (1, first - 40),
            _ => (2, first - 80),
        };
        parts.push(a.to_string());
        parts.push(b.to_string());
    }
    parts.extend(arcs.iter().skip(1).map(u64::to_string));
    parts.join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_length_counts_from_first_set_bit() {
        assert_eq!(bit_length(&[0x80, 0, 0]), 24);
        assert_eq!(bit_length(&[0x01, 0xff]), 9);
        assert_eq!(bit_length(&[]), 0);
    }

    #[test]
    fn oid_string_decodes_arcs() {
        assert_eq!(oid_string(oid::RSA_ENCRYPTION), "1.2.840.113549.1.1.1");
        assert_eq!(oid_string(oid::P384), "1.3.132.0.34");
        assert_eq!(oid_string(&[]), "");
    }
}
