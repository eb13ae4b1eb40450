//! Just enough of a BER/DER reader to recognise what an input is, to walk PKCS#7 and PKCS#12
//! envelopes, and (through [`crate::x509`], which insists on DER) to read certificates.

use crate::limits::MAX_ASN1_DEPTH;

pub(crate) const TAG_INTEGER: u8 = 0x02;
pub(crate) const TAG_BIT_STRING: u8 = 0x03;
pub(crate) const TAG_OCTET_STRING: u8 = 0x04;
pub(crate) const TAG_OID: u8 = 0x06;
pub(crate) const TAG_SEQUENCE: u8 = 0x30;

/// One tag-length-value element.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    /// The content octets (for indefinite lengths, without the end-of-contents marker).
    pub content: &'a [u8],
    /// The whole element, header included.
    pub whole: &'a [u8],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Asn1Error {
    /// The length field promises `declared` bytes but only `available` remain.
    Truncated {
        declared: usize,
        available: usize,
    },
    Malformed,
}

/// Reads one element from the front of `input`, returning it and what follows it.
pub(crate) fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    read_at_depth(input, 0)
}

fn read_at_depth(input: &[u8], depth: usize) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    if depth > MAX_ASN1_DEPTH {
        return Err(Asn1Error::Malformed);
    }
    let (&tag, rest) = input.split_first().ok_or(Asn1Error::Malformed)?;
    if tag & 0x1f == 0x1f {
        // Multi-byte tag numbers never occur in the structures read here.
        return Err(Asn1Error::Malformed);
    }
    let (&first, rest) = rest.split_first().ok_or(Asn1Error::Malformed)?;
    if first == 0x80 {
        if tag & 0x20 == 0 {
            return Err(Asn1Error::Malformed);
        }
        let mut cursor = rest;
        loop {
            if cursor.starts_with(&[0, 0]) {
                let content_len = rest.len() - cursor.len();
                let header = input.len() - rest.len();
                return Ok((
                    Tlv {
                        tag,
                        content: &rest[..content_len],
                        whole: &input[..header + content_len + 2],
                    },
                    &cursor[2..],
                ));
            }
            let (_, next) = read_at_depth(cursor, depth + 1)?;
            cursor = next;
        }
    }
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count > 4 || rest.len() < count {
            return Err(Asn1Error::Malformed);
        }
        let len = rest[..count].iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, &rest[count..])
    };
    let header = input.len() - rest.len();
    if rest.len() < len {
        return Err(Asn1Error::Truncated {
            declared: header.saturating_add(len),
            available: input.len(),
        });
    }
    Ok((
        Tlv {
            tag,
            content: &rest[..len],
            whole: &input[..header + len],
        },
        &rest[len..],
    ))
}

/// Reads one element that must carry `tag`.
pub(crate) fn expect(input: &[u8], tag: u8) -> Result<(Tlv<'_>, &[u8]), Asn1Error> {
    let (tlv, rest) = read(input)?;
    if tlv.tag == tag {
        Ok((tlv, rest))
    } else {
        Err(Asn1Error::Malformed)
    }
}

/// The elements inside a constructed element's content.
pub(crate) fn children(content: &[u8]) -> Children<'_> {
    children_with(content, read)
}

/// The elements inside `content`, each read by `read` (a stricter reader for DER, say).
pub(crate) fn children_with<'a, E>(content: &'a [u8], read: ReadFn<'a, E>) -> Children<'a, E> {
    Children { rest: content, read }
}

/// A function that reads one element from the front of its input.
pub(crate) type ReadFn<'a, E> = fn(&'a [u8]) -> Result<(Tlv<'a>, &'a [u8]), E>;

/// Iterator over the elements in some content; stops after the first malformed one.
pub(crate) struct Children<'a, E = Asn1Error> {
    rest: &'a [u8],
    read: ReadFn<'a, E>,
}

impl<'a, E> Iterator for Children<'a, E> {
    type Item = Result<Tlv<'a>, E>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match (self.read)(self.rest) {
            Ok((tlv, rest)) => {
                self.rest = rest;
                Some(Ok(tlv))
            }
            Err(e) => {
                self.rest = &[];
                Some(Err(e))
            }
        }
    }
}

/// One DER element: `tag`, the definite length, `content` (what the engine writes: OCSP
/// requests, the trust anchors' whole names and keys).
pub(crate) fn encode(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut der = vec![tag];
    let len = content.len();
    match u8::try_from(len) {
        Ok(short) if short < 0x80 => der.push(short),
        _ => {
            let bytes = len.to_be_bytes();
            let significant: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
            // At most the 8 bytes of a usize: the count always fits the 7 bits DER gives it.
            der.push(0x80 | u8::try_from(significant.len()).unwrap_or(0x7f));
            der.extend(significant);
        }
    }
    der.extend_from_slice(content);
    der
}

/// The content of a non-negative INTEGER as a `u64`, if it fits.
pub(crate) fn small_uint(content: &[u8]) -> Option<u64> {
    let trimmed = match content {
        [0, rest @ ..] if !rest.is_empty() => rest,
        [first, ..] if first & 0x80 != 0 => return None,
        other => other,
    };
    if trimmed.is_empty() || trimmed.len() > 8 {
        return None;
    }
    Some(trimmed.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

/// DER contents of some object identifiers this crate looks for.
pub(crate) mod oid {
    pub const PKCS7_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
    pub const PKCS7_SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
    #[cfg(feature = "pkcs12")]
    pub const PKCS5_PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
    pub const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    pub const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    pub const ED25519: &[u8] = &[0x2b, 0x65, 0x70];
    pub const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    pub const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
}

/// Bits in a big-endian unsigned number without leading zero bytes.
pub(crate) fn bit_length(number: &[u8]) -> u32 {
    match number.split_first() {
        Some((&first, rest)) => u32::try_from(rest.len()).unwrap_or(u32::MAX / 8) * 8 + (8 - first.leading_zeros()),
        None => 0,
    }
}

/// A big-endian INTEGER's content without its leading zero bytes.
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

    #[test]
    fn reads_definite_and_indefinite_lengths() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05, 0xff];
        let (tlv, rest) = read(&der).unwrap();
        assert_eq!(tlv.tag, TAG_SEQUENCE);
        assert_eq!(tlv.content, &[0x02, 0x01, 0x05]);
        assert_eq!(rest, &[0xff]);

        let ber = [0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0xee];
        let (tlv, rest) = read(&ber).unwrap();
        assert_eq!(tlv.content, &[0x02, 0x01, 0x05]);
        assert_eq!(tlv.whole.len(), 7);
        assert_eq!(rest, &[0xee]);
    }

    #[test]
    fn reports_truncation_with_sizes() {
        let der = [0x30, 0x82, 0x01, 0x00, 0x02];
        assert_eq!(
            read(&der).unwrap_err(),
            Asn1Error::Truncated {
                declared: 260,
                available: 5
            }
        );
    }

    #[test]
    fn refuses_runaway_nesting() {
        let mut bomb = Vec::new();
        for _ in 0..100 {
            bomb.extend_from_slice(&[0x30, 0x80]);
        }
        assert!(read(&bomb).is_err());
    }

    #[test]
    fn small_uint_reads_integers() {
        assert_eq!(small_uint(&[0x07, 0xd0]), Some(2000));
        assert_eq!(small_uint(&[0x00, 0x80]), Some(128));
        assert_eq!(small_uint(&[0x80]), None);
        assert_eq!(small_uint(&[]), None);
    }
}
