//! The public half of a private key found beside the certificates (in a `.pfx`, or a PEM
//! bundle), so the report can say whether the key belongs to the leaf. The private half is
//! read only to derive the public half and is dropped at once; it never reaches the report.

use crate::asn1::strip_zeros;
use crate::asn1::{self, oid, TAG_BIT_STRING, TAG_INTEGER, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE};
use crate::signature::Curve;
use crate::x509::rsa_public_key;
use crate::x509::PublicKeyInfo;

/// What a private key's public half is, enough to compare it with a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyPublicPart {
    /// RSA modulus and exponent, big-endian without leading zeros.
    Rsa {
        /// The modulus `n`.
        modulus: Vec<u8>,
        /// The public exponent `e`.
        exponent: Vec<u8>,
    },
    /// A point on P-256 or P-384, as its x coordinate and the parity of y: all that tells
    /// points apart, read without curve arithmetic.
    Ec {
        /// The key's curve.
        curve: Curve,
        /// The x coordinate, big-endian, the curve's size.
        x: Vec<u8>,
        /// Whether y is odd.
        y_is_odd: bool,
    },
    /// An Ed25519 public key.
    Ed25519([u8; 32]),
    /// A key of a type this tool does not compare (DSA, P-521, …), or one whose public half
    /// can only be computed, in a build without the `rustcrypto` feature.
    Unsupported,
}

impl KeyPublicPart {
    /// Whether this key belongs to the certificate with this public key; `None` when the key
    /// type cannot be compared.
    pub(crate) fn matches(&self, spki: &PublicKeyInfo<'_>) -> Option<bool> {
        let algorithm = spki.algorithm.oid;
        let key = spki.key;
        let expected = match self {
            Self::Rsa { .. } => oid::RSA_ENCRYPTION,
            Self::Ec { .. } => oid::EC_PUBLIC_KEY,
            Self::Ed25519(_) => oid::ED25519,
            Self::Unsupported => return None,
        };
        if algorithm != expected {
            return Some(false);
        }
        match self {
            Self::Rsa { modulus, exponent } => {
                let (n, e) = rsa_public_key(key)?;
                Some(n == modulus.as_slice() && e == exponent.as_slice())
            }
            Self::Ec { curve, x, y_is_odd } => {
                let Some(cert_curve) = Curve::of(spki.algorithm.parameter_content()) else {
                    return Some(false);
                };
                let (cert_x, cert_y_is_odd) = point_identity(cert_curve, key)?;
                Some(cert_curve == *curve && cert_x == x.as_slice() && cert_y_is_odd == *y_is_odd)
            }
            Self::Ed25519(public) => Some(key == public),
            Self::Unsupported => None,
        }
    }
}

/// A PKCS#8 PrivateKeyInfo, or a SEC1 ECPrivateKey.
pub(crate) fn from_pkcs8_or_sec1(der: &[u8]) -> Option<KeyPublicPart> {
    let (outer, _) = asn1::expect(der, TAG_SEQUENCE).ok()?;
    let mut fields = asn1::children(outer.content).map_while(Result::ok);
    let version = fields.next().filter(|f| f.tag == TAG_INTEGER)?;
    let second = fields.next()?;
    if second.tag == TAG_OCTET_STRING && version.content == [1] {
        return from_sec1(der, None);
    }
    if second.tag != TAG_SEQUENCE {
        return None;
    }
    let mut algorithm = asn1::children(second.content).map_while(Result::ok);
    let algorithm_oid = algorithm.next().filter(|f| f.tag == TAG_OID)?.content;
    let parameters = algorithm.next();
    let private_key = fields.next().filter(|f| f.tag == TAG_OCTET_STRING)?.content;
    Some(match algorithm_oid {
        oid::RSA_ENCRYPTION => from_pkcs1(private_key)?,
        oid::EC_PUBLIC_KEY => from_sec1(private_key, parameters.filter(|p| p.tag == TAG_OID).map(|p| p.content))?,
        oid::ED25519 => {
            let (seed, _) = asn1::expect(private_key, TAG_OCTET_STRING).ok()?;
            let seed: [u8; 32] = seed.content.try_into().ok()?;
            derive::ed25519(&seed)
        }
        _ => KeyPublicPart::Unsupported,
    })
}

/// A PKCS#1 RSAPrivateKey: `SEQUENCE { version, n, e, d, … }`.
pub(crate) fn from_pkcs1(der: &[u8]) -> Option<KeyPublicPart> {
    let (outer, _) = asn1::expect(der, TAG_SEQUENCE).ok()?;
    let mut ints = asn1::children(outer.content)
        .map_while(Result::ok)
        .filter(|f| f.tag == TAG_INTEGER);
    let _version = ints.next()?;
    let modulus = strip_zeros(ints.next()?.content).to_vec();
    let exponent = strip_zeros(ints.next()?.content).to_vec();
    Some(KeyPublicPart::Rsa { modulus, exponent })
}

/// A SEC1 ECPrivateKey; the curve comes from the PKCS#8 wrapper or the key's own `[0]` field.
fn from_sec1(der: &[u8], curve: Option<&[u8]>) -> Option<KeyPublicPart> {
    let (outer, _) = asn1::expect(der, TAG_SEQUENCE).ok()?;
    let mut fields = asn1::children(outer.content).map_while(Result::ok);
    let _version = fields.next()?;
    let secret = fields.next().filter(|f| f.tag == TAG_OCTET_STRING)?.content;
    let mut curve = curve;
    let mut public = None;
    for field in fields {
        match field.tag {
            0xa0 => curve = asn1::expect(field.content, TAG_OID).ok().map(|(o, _)| o.content),
            0xa1 => public = asn1::expect(field.content, TAG_BIT_STRING).ok().map(|(b, _)| b.content),
            _ => {}
        }
    }
    let Some(curve) = Curve::of(curve?) else {
        return Some(KeyPublicPart::Unsupported);
    };
    match public.and_then(|bits| bits.split_first()) {
        Some((_unused_bits, point)) => {
            let (x, y_is_odd) = point_identity(curve, point)?;
            Some(KeyPublicPart::Ec {
                curve,
                x: x.to_vec(),
                y_is_odd,
            })
        }
        None => derive::ec(curve, secret),
    }
}

/// A SEC1 point's x coordinate and whether y is odd, from its compressed (`02`/`03 || x`) or
/// uncompressed (`04 || x || y`) form; `None` when it is neither for this curve.
fn point_identity(curve: Curve, point: &[u8]) -> Option<(&[u8], bool)> {
    let len = curve.field_len();
    match point {
        [0x04, coordinates @ ..] if coordinates.len() == 2 * len => {
            Some((&coordinates[..len], coordinates[2 * len - 1] & 1 == 1))
        }
        [prefix @ (0x02 | 0x03), x @ ..] if x.len() == len => Some((x, *prefix == 0x03)),
        _ => None,
    }
}

/// Public halves that only curve arithmetic gives: a SEC1 key saved without its public point,
/// an Ed25519 seed.
#[cfg(feature = "rustcrypto")]
mod derive {
    use super::{point_identity, Curve, KeyPublicPart};

    pub(super) fn ec(curve: Curve, secret: &[u8]) -> Option<KeyPublicPart> {
        let point = match curve {
            Curve::P256 => p256::ecdsa::SigningKey::from_slice(secret)
                .ok()?
                .verifying_key()
                .to_sec1_point(false)
                .as_bytes()
                .to_vec(),
            Curve::P384 => p384::ecdsa::SigningKey::from_slice(secret)
                .ok()?
                .verifying_key()
                .to_sec1_point(false)
                .as_bytes()
                .to_vec(),
        };
        let (x, y_is_odd) = point_identity(curve, &point)?;
        Some(KeyPublicPart::Ec {
            curve,
            x: x.to_vec(),
            y_is_odd,
        })
    }

    pub(super) fn ed25519(seed: &[u8; 32]) -> KeyPublicPart {
        KeyPublicPart::Ed25519(ed25519_dalek::SigningKey::from_bytes(seed).verifying_key().to_bytes())
    }
}

/// Without the `rustcrypto` feature these keys are not compared (the page's WebAssembly).
#[cfg(not(feature = "rustcrypto"))]
mod derive {
    use super::{Curve, KeyPublicPart};

    #[allow(clippy::unnecessary_wraps)]
    pub(super) fn ec(_curve: Curve, _secret: &[u8]) -> Option<KeyPublicPart> {
        Some(KeyPublicPart::Unsupported)
    }

    pub(super) fn ed25519(_seed: &[u8; 32]) -> KeyPublicPart {
        KeyPublicPart::Unsupported
    }
}
