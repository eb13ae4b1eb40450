//! A zero-copy reader for X.509 certificates (RFC 5280 section 4.1) over [`crate::asn1`].
//!
//! It reads exactly what the analysis uses and keeps every field as the DER bytes it came from,
//! so names compare byte for byte, signatures are checked over the original `tbsCertificate`,
//! and nothing is copied. Strict where a sloppy reader would change a verdict (DER lengths,
//! field order, duplicate extensions); tolerant where real CAs are sloppy (negative serials,
//! unknown string types), like the mainstream verifiers.

pub(crate) mod extensions;
pub(crate) mod name;
#[cfg(any(test, feature = "reference-reader"))]
pub(crate) mod reference;
#[cfg(feature = "exchange-settings")]
mod request;
mod time;

pub(crate) use extensions::{BasicConstraints, Extension, GeneralName, GeneralSubtree, NameConstraints};
pub(crate) use name::Name;
#[cfg(feature = "exchange-settings")]
pub(crate) use request::Request;
pub(crate) use time::read as read_time;

use crate::asn1::{self, Tlv, TAG_BIT_STRING, TAG_INTEGER, TAG_OID, TAG_SEQUENCE};
use crate::UnixTime;

/// Why a certificate could not be read; the message names the field.
pub(crate) type Malformed = &'static str;

/// Reads one DER element: definite lengths only (certificates are DER, never BER).
pub(crate) fn der(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), Malformed> {
    let (tlv, rest) = asn1::read(input).map_err(|_| "an element is truncated or malformed")?;
    if tlv.whole.get(1) == Some(&0x80) {
        return Err("an element uses an indefinite length, which DER forbids");
    }
    Ok((tlv, rest))
}

/// Reads one DER element that must carry `tag`.
pub(crate) fn expect(input: &[u8], tag: u8, what: Malformed) -> Result<(Tlv<'_>, &[u8]), Malformed> {
    match der(input) {
        Ok((tlv, rest)) if tlv.tag == tag => Ok((tlv, rest)),
        _ => Err(what),
    }
}

/// The elements of a constructed element's content, each read as DER.
pub(crate) fn elements(content: &[u8]) -> asn1::Children<'_, Malformed> {
    asn1::children_with(content, der)
}

/// An algorithm and its parameters (RFC 5280 section 4.1.1.2).
#[derive(Clone, Copy, Debug)]
pub(crate) struct AlgorithmIdentifier<'a> {
    /// The whole element, to compare the two copies a certificate carries.
    pub raw: &'a [u8],
    /// The OID's content octets.
    pub oid: &'a [u8],
    /// The parameters element, if any (NULL included).
    pub parameters: Option<Tlv<'a>>,
}

impl<'a> AlgorithmIdentifier<'a> {
    pub(crate) fn read(input: &'a [u8]) -> Result<(Self, &'a [u8]), Malformed> {
        const BAD: Malformed = "an algorithm identifier is malformed";
        let (sequence, rest) = expect(input, TAG_SEQUENCE, BAD)?;
        let (oid, parameters) = expect(sequence.content, TAG_OID, BAD)?;
        let parameters = match parameters {
            [] => None,
            bytes => match der(bytes)? {
                (tlv, []) => Some(tlv),
                _ => return Err(BAD),
            },
        };
        Ok((
            Self {
                raw: sequence.whole,
                oid: oid.content,
                parameters,
            },
            rest,
        ))
    }

    /// The parameters' content octets (for EC keys, the named curve's OID), or empty.
    pub(crate) fn parameter_content(&self) -> &'a [u8] {
        self.parameters.map(|p| p.content).unwrap_or_default()
    }
}

/// A SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7).
#[derive(Clone, Copy, Debug)]
pub(crate) struct PublicKeyInfo<'a> {
    /// The whole element, as trust anchors are compared.
    pub raw: &'a [u8],
    pub algorithm: AlgorithmIdentifier<'a>,
    /// The subjectPublicKey BIT STRING's bits (whole bytes).
    pub key: &'a [u8],
}

impl<'a> PublicKeyInfo<'a> {
    /// Reads a SubjectPublicKeyInfo from the front of `input`.
    pub(crate) fn read(input: &'a [u8]) -> Result<(Self, &'a [u8]), Malformed> {
        const BAD: Malformed = "the subject public key info is malformed";
        let (sequence, rest) = expect(input, TAG_SEQUENCE, BAD)?;
        let (algorithm, after) = AlgorithmIdentifier::read(sequence.content)?;
        let (bits, trailing) = expect(after, TAG_BIT_STRING, BAD)?;
        if !trailing.is_empty() {
            return Err(BAD);
        }
        Ok((
            Self {
                raw: sequence.whole,
                algorithm,
                key: bit_string(bits.content).ok_or(BAD)?,
            },
            rest,
        ))
    }
}

/// The bytes of a BIT STRING with no unused bits (keys and signatures are whole bytes).
pub(crate) fn bit_string(content: &[u8]) -> Option<&[u8]> {
    match content {
        [0, bits @ ..] => Some(bits),
        _ => None,
    }
}

/// `n` and `e` of a PKCS#1 RSAPublicKey, without their sign byte: DER throughout (one
/// SEQUENCE of exactly two minimally encoded, positive INTEGERs), as x509-parser and the RSA
/// implementations read it, so a key they refuse is never given a size here.
pub(crate) fn rsa_public_key(der_bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (outer, []) = der(der_bytes).ok().filter(|(tlv, _)| tlv.tag == TAG_SEQUENCE)? else {
        return None;
    };
    let mut ints = elements(outer.content);
    let n = positive_integer(ints.next()?.ok()?)?;
    let e = positive_integer(ints.next()?.ok()?)?;
    ints.next().is_none().then_some((n, e))
}

/// A DER INTEGER's magnitude: refused when it is negative, empty or not minimally encoded.
fn positive_integer(tlv: Tlv<'_>) -> Option<&[u8]> {
    match tlv.content {
        _ if tlv.tag != TAG_INTEGER => None,
        [] => None,
        [first, ..] if first & 0x80 != 0 => None,
        [0, second, ..] if second & 0x80 == 0 => None,
        [0, rest @ ..] => Some(rest),
        content => Some(content),
    }
}

/// A parsed certificate, borrowing the DER it was read from.
#[derive(Debug)]
pub(crate) struct Certificate<'a> {
    /// The whole `tbsCertificate` element: the bytes the signature covers.
    pub tbs: &'a [u8],
    /// 0 for version 1, 2 for version 3.
    pub version: u8,
    /// The serial number's content octets, as encoded.
    pub serial: &'a [u8],
    pub issuer: Name<'a>,
    pub not_before: UnixTime,
    pub not_after: UnixTime,
    pub subject: Name<'a>,
    pub public_key: PublicKeyInfo<'a>,
    pub extensions: Vec<Extension<'a>>,
    /// The `signature` field inside the tbsCertificate, which must equal the outer one.
    pub tbs_signature_algorithm: AlgorithmIdentifier<'a>,
    /// The outer signatureAlgorithm.
    pub signature_algorithm: AlgorithmIdentifier<'a>,
    pub signature: &'a [u8],
}

impl<'a> Certificate<'a> {
    /// Reads a whole certificate; `der` must hold it and nothing after it.
    pub(crate) fn parse(der_bytes: &'a [u8]) -> Result<Self, Malformed> {
        let (outer, trailing) = expect(der_bytes, TAG_SEQUENCE, "not a certificate (no outer SEQUENCE)")?;
        if !trailing.is_empty() {
            return Err("data follows the certificate");
        }
        let (tbs, rest) = expect(outer.content, TAG_SEQUENCE, "the tbsCertificate is malformed")?;
        let (signature_algorithm, rest) = AlgorithmIdentifier::read(rest)?;
        let (signature, rest) = expect(rest, TAG_BIT_STRING, "the signature value is malformed")?;
        if !rest.is_empty() {
            return Err("the certificate has more than three fields");
        }
        let signature = bit_string(signature.content).ok_or("the signature value is malformed")?;

        let mut fields = tbs.content;
        let mut version = 0;
        if fields.first() == Some(&0xa0) {
            let (explicit, rest) = der(fields)?;
            let (number, inner_rest) = expect(explicit.content, TAG_INTEGER, "the version is malformed")?;
            version = match (number.content, inner_rest) {
                ([v @ 0..=2], []) => *v,
                _ => return Err("the version is not 1, 2 or 3"),
            };
            fields = rest;
        }
        let (serial, fields) = expect(fields, TAG_INTEGER, "the serial number is malformed")?;
        if serial.content.is_empty() {
            return Err("the serial number is empty");
        }
        let (tbs_signature_algorithm, fields) = AlgorithmIdentifier::read(fields)?;
        let (issuer, fields) = Name::read(fields)?;
        let (validity, fields) = expect(fields, TAG_SEQUENCE, "the validity period is malformed")?;
        let (not_before, after) = time::read(validity.content)?;
        let (not_after, after) = time::read(after)?;
        if !after.is_empty() {
            return Err("the validity period is malformed");
        }
        let (subject, fields) = Name::read(fields)?;
        let (public_key, mut fields) = PublicKeyInfo::read(fields)?;
        let mut extensions = Vec::new();
        for (tag, minimum_version) in [(0x81, 1), (0x82, 1), (0xa3, 2)] {
            if fields.first() != Some(&tag) {
                continue;
            }
            if version < minimum_version {
                return Err("a version 1 certificate carries unique identifiers or extensions");
            }
            let (element, rest) = der(fields)?;
            if tag == 0xa3 {
                extensions = extensions::read(element.content)?;
            }
            fields = rest;
        }
        if !fields.is_empty() {
            return Err("the tbsCertificate has unexpected fields");
        }
        Ok(Self {
            tbs: tbs.whole,
            version,
            serial: serial.content,
            issuer,
            not_before,
            not_after,
            subject,
            public_key,
            extensions,
            tbs_signature_algorithm,
            signature_algorithm,
            signature,
        })
    }

    /// The extension with this OID, if present (each appears at most once).
    pub(crate) fn extension(&self, oid: &[u8]) -> Option<&Extension<'a>> {
        self.extensions.iter().find(|e| e.oid == oid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small certificate made by OpenSSL (tests/data/selfsigned-exchange.pem).
    fn exchange() -> Vec<u8> {
        let pem = include_str!("../../tests/data/selfsigned-exchange.pem");
        ::pem::parse(pem).unwrap().into_contents()
    }

    #[test]
    fn reads_an_openssl_certificate() {
        let der = exchange();
        let cert = Certificate::parse(&der).unwrap();
        assert_eq!(cert.subject.to_string(), "CN=EXCH01");
        assert_eq!(cert.subject.raw, cert.issuer.raw);
        assert!(cert.not_before < cert.not_after);
        assert_eq!(cert.public_key.algorithm.oid, crate::asn1::oid::RSA_ENCRYPTION);
        assert!(!cert.signature.is_empty());
        let names: Vec<_> = cert
            .extension(extensions::oid::SUBJECT_ALT_NAME)
            .unwrap()
            .general_names()
            .unwrap();
        assert_eq!(
            names,
            vec![GeneralName::Dns("EXCH01"), GeneralName::Dns("EXCH01.contoso.local")]
        );
    }

    #[test]
    fn rsa_keys_are_read_as_der() {
        // SEQUENCE { INTEGER 0x00C1, INTEGER 3 }
        assert_eq!(
            rsa_public_key(&[0x30, 0x07, 0x02, 0x02, 0x00, 0xc1, 0x02, 0x01, 0x03]),
            Some((&[0xc1][..], &[0x03][..]))
        );
        // Found by the reader fuzz target (2026-11-30): a modulus with two leading zero bytes,
        // which x509-parser refuses, was given a size.
        assert_eq!(
            rsa_public_key(&[0x30, 0x08, 0x02, 0x03, 0x00, 0x00, 0xc1, 0x02, 0x01, 0x03]),
            None
        );
        assert_eq!(
            rsa_public_key(&[0x30, 0x06, 0x02, 0x01, 0xc1, 0x02, 0x01, 0x03]),
            None,
            "negative"
        );
        assert_eq!(
            rsa_public_key(&[0x30, 0x09, 0x02, 0x02, 0x00, 0xc1, 0x02, 0x01, 0x03, 0x05, 0x00]),
            None,
            "a third element"
        );
        assert_eq!(
            rsa_public_key(&[0x30, 0x07, 0x02, 0x02, 0x00, 0xc1, 0x02, 0x01, 0x03, 0x00]),
            None,
            "trailing data"
        );
    }

    #[test]
    fn refuses_damage() {
        let der = exchange();
        let mut trailing = der.clone();
        trailing.push(0);
        assert!(Certificate::parse(&trailing).is_err());
        assert!(Certificate::parse(&der[..der.len() - 1]).is_err());
        for cut in [0, 1, 4, 100, der.len() / 2] {
            assert!(Certificate::parse(&der[..cut]).is_err(), "{cut}");
        }
        // An indefinite length where DER needs a definite one.
        let mut indefinite = vec![0x30, 0x80];
        indefinite.extend_from_slice(&der[4..]);
        indefinite.extend_from_slice(&[0, 0]);
        assert!(Certificate::parse(&indefinite).is_err());
    }
}
