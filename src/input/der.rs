//! Recognising binary DER: which container it is (a PKCS#7 bag, a PKCS#12 file), and what one
//! element is: a certificate, or one of the things people export by mistake (a CSR, a key, a
//! CRL). Reading the containers is [`super::pkcs7`]'s and [`super::pkcs12`]'s; `super` hands
//! each what it holds back to [`item`].

use super::{asn1_error, private_key, Item};
use crate::asn1::{self, oid, TAG_BIT_STRING, TAG_INTEGER, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE};
use crate::x509::Certificate;
use crate::Error;

/// What a binary input is.
pub(super) enum Kind {
    Pkcs7,
    Pkcs12,
    /// One element, for [`item`].
    Other,
}

/// Which container `bytes` is, by the fields it starts with.
pub(super) fn classify(bytes: &[u8]) -> Result<Kind, Error> {
    // Every structure read here is a SEQUENCE; anything else is not worth a truncation report.
    if bytes.first() != Some(&TAG_SEQUENCE) {
        return Err(Error::UnrecognisedBinary);
    }
    let (outer, _) = asn1::read(bytes).map_err(asn1_error)?;
    if outer.tag != TAG_SEQUENCE {
        return Err(Error::UnrecognisedBinary);
    }
    let mut fields = asn1::children(outer.content);
    let first = fields.next().and_then(Result::ok);
    let second = fields.next().and_then(Result::ok);
    Ok(match (first, second) {
        (Some(f), _) if f.tag == TAG_OID && f.content == oid::PKCS7_SIGNED_DATA => Kind::Pkcs7,
        (Some(f), Some(s))
            if f.tag == TAG_INTEGER && f.content == [3] && s.tag == TAG_SEQUENCE && starts_with_data_oid(s.content) =>
        {
            Kind::Pkcs12
        }
        _ => Kind::Other,
    })
}

fn starts_with_data_oid(content: &[u8]) -> bool {
    matches!(asn1::read(content), Ok((oid_tlv, _)) if oid_tlv.tag == TAG_OID && oid_tlv.content == oid::PKCS7_DATA)
}

/// Recognises one DER element that is not a container: a certificate, or what it was instead.
/// Only the first element of `der` is read (what follows it, such as the trust settings OpenSSL
/// appends to a `TRUSTED CERTIFICATE`, is dropped).
pub(super) fn item(der: &[u8]) -> Result<Item, Error> {
    let (outer, _) = asn1::read(der).map_err(asn1_error)?;
    let der = outer.whole;
    if outer.tag != TAG_SEQUENCE {
        return Err(Error::UnrecognisedBinary);
    }
    let tags: Vec<u8> = asn1::children(outer.content)
        .map_while(Result::ok)
        .map(|t| t.tag)
        .collect();
    match tags.as_slice() {
        [TAG_SEQUENCE, TAG_SEQUENCE, TAG_BIT_STRING] => signed_structure(der),
        [TAG_SEQUENCE, TAG_BIT_STRING] => Ok(Item::NotACertificate(Error::PublicKeyOnly)),
        [TAG_SEQUENCE, TAG_OCTET_STRING] => Ok(Item::NotACertificate(Error::PrivateKeyOnly)),
        [TAG_INTEGER, TAG_SEQUENCE, TAG_OCTET_STRING, ..] | [TAG_INTEGER, TAG_OCTET_STRING, ..] => {
            Ok(private_key::from_pkcs8_or_sec1(der)
                .map_or(Item::NotACertificate(Error::PrivateKeyOnly), Item::PrivateKey))
        }
        [TAG_INTEGER, TAG_INTEGER, TAG_INTEGER, ..] => {
            Ok(private_key::from_pkcs1(der).map_or(Item::NotACertificate(Error::PrivateKeyOnly), Item::PrivateKey))
        }
        _ => Err(Error::UnrecognisedBinary),
    }
}

/// A SEQUENCE { to-be-signed, algorithm, signature }: a certificate, a CSR or a CRL.
fn signed_structure(der: &[u8]) -> Result<Item, Error> {
    let reason = match Certificate::parse(der) {
        Ok(_) => return Ok(Item::Certificate(der.to_vec())),
        Err(reason) => reason,
    };
    match to_be_signed_shape(der) {
        Some(Shape::Request) => Ok(request(der)),
        Some(Shape::RevocationList) => Ok(Item::NotACertificate(Error::RevocationList)),
        None => Err(Error::MalformedCertificate {
            reason: reason.to_owned(),
        }),
    }
}

/// A certificate request, judged by [`crate::analysis`] when this build has
/// `exchange-settings`; one this reader cannot use is still named as one.
#[cfg(feature = "exchange-settings")]
fn request(der: &[u8]) -> Item {
    crate::x509::Request::parse(der).map_or(Item::NotACertificate(Error::CertificateRequest), |_| {
        Item::Request(der.to_vec())
    })
}

/// A certificate request, in a build that hands them to one with `exchange-settings` (the
/// page's second module).
#[cfg(not(feature = "exchange-settings"))]
fn request(_: &[u8]) -> Item {
    Item::NotACertificate(Error::CertificateRequestUnsupported)
}

enum Shape {
    Request,
    RevocationList,
}

/// Tells a CSR (RFC 2986: version 0, subject, key, `[0]` attributes) from a CRL (RFC 5280
/// section 5.1: optional version, algorithm, issuer, thisUpdate) by the fields they start with.
fn to_be_signed_shape(der: &[u8]) -> Option<Shape> {
    let (outer, _) = asn1::read(der).ok()?;
    let (tbs, _) = asn1::expect(outer.content, TAG_SEQUENCE).ok()?;
    let tags: Vec<(u8, &[u8])> = asn1::children(tbs.content)
        .map_while(Result::ok)
        .take(4)
        .map(|t| (t.tag, t.content))
        .collect();
    let is_time = |tag: u8| tag == 0x17 || tag == 0x18;
    match tags.as_slice() {
        [(TAG_INTEGER, [0]), (TAG_SEQUENCE, _), (TAG_SEQUENCE, _), (0xa0, _)] => Some(Shape::Request),
        [(TAG_INTEGER, [1]), (TAG_SEQUENCE, _), (TAG_SEQUENCE, _), (t, _)] if is_time(*t) => {
            Some(Shape::RevocationList)
        }
        [(TAG_SEQUENCE, _), (TAG_SEQUENCE, _), (t, _), ..] if is_time(*t) => Some(Shape::RevocationList),
        _ => None,
    }
}
