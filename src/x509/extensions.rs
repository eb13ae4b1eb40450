//! Certificate extensions (RFC 5280 section 4.2): the list, and readers for the ones the
//! analysis uses. A reader returns `None` for an extension whose content is malformed, which
//! the analysis treats as absent.

use super::{der, elements, expect, Malformed, Name};
use crate::asn1::{TAG_BIT_STRING, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE};
use crate::limits::MAX_EXTENSIONS;

/// Extension OIDs (content octets).
pub(crate) mod oid {
    pub const SUBJECT_KEY_ID: &[u8] = &[0x55, 0x1d, 0x0e];
    pub const KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
    pub const SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];
    pub const BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
    pub const AUTHORITY_KEY_ID: &[u8] = &[0x55, 0x1d, 0x23];
    pub const EXTENDED_KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x25];
    pub const NAME_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x1e];
    pub const CRL_DISTRIBUTION_POINTS: &[u8] = &[0x55, 0x1d, 0x1f];
    pub const CERTIFICATE_POLICIES: &[u8] = &[0x55, 0x1d, 0x20];
    pub const POLICY_MAPPINGS: &[u8] = &[0x55, 0x1d, 0x21];
    pub const POLICY_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x24];
    pub const INHIBIT_ANY_POLICY: &[u8] = &[0x55, 0x1d, 0x36];
    pub const AUTHORITY_INFO_ACCESS: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01];
    pub const CA_ISSUERS: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
    pub const OCSP: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01];
}

/// One extension: its OID, whether it is marked critical, and the content of its OCTET STRING.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Extension<'a> {
    pub oid: &'a [u8],
    pub critical: bool,
    pub value: &'a [u8],
}

/// Reads the `[3]` extensions field's content: a SEQUENCE OF Extension, each OID at most once.
pub(super) fn read(explicit: &[u8]) -> Result<Vec<Extension<'_>>, Malformed> {
    const BAD: Malformed = "an extension is malformed";
    let (sequence, trailing) = expect(explicit, TAG_SEQUENCE, BAD)?;
    if !trailing.is_empty() {
        return Err(BAD);
    }
    let mut extensions: Vec<Extension<'_>> = Vec::new();
    for element in elements(sequence.content) {
        let element = element?;
        if element.tag != TAG_SEQUENCE {
            return Err(BAD);
        }
        let (oid, rest) = expect(element.content, TAG_OID, BAD)?;
        let (critical, rest) = match der(rest)? {
            (flag, after) if flag.tag == 0x01 => match flag.content {
                [0x00] => (false, after),
                [0xff] => (true, after),
                _ => return Err(BAD),
            },
            _ => (false, rest),
        };
        let (value, rest) = expect(rest, TAG_OCTET_STRING, BAD)?;
        if !rest.is_empty() {
            return Err(BAD);
        }
        if extensions.len() == MAX_EXTENSIONS {
            return Err("the certificate has more extensions than any real one");
        }
        if extensions.iter().any(|e| e.oid == oid.content) {
            return Err("an extension appears twice");
        }
        extensions.push(Extension {
            oid: oid.content,
            critical,
            value: value.content,
        });
    }
    Ok(extensions)
}

/// One GeneralName (RFC 5280 section 4.2.1.6), for the forms the analysis reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GeneralName<'a> {
    Dns(&'a str),
    /// 4 or 16 bytes for an address (8 or 32 in a name constraint: address and mask; other
    /// lengths are kept for callers to refuse).
    Ip(&'a [u8]),
    Uri(&'a str),
    Email(&'a str),
    /// The whole Name element.
    Directory(&'a [u8]),
    /// Any other form (otherName, x400Address, ediPartyName, registeredID), by its tag, or a
    /// text form that is not ASCII.
    Other(u8),
}

/// The address of an iPAddress name: 4 bytes for IPv4, 16 for IPv6, anything else none.
pub(crate) fn ip_address(bytes: &[u8]) -> Option<std::net::IpAddr> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes).ok().map(std::net::IpAddr::from),
        16 => <[u8; 16]>::try_from(bytes).ok().map(std::net::IpAddr::from),
        _ => None,
    }
}

fn ascii(bytes: &[u8]) -> Option<&str> {
    bytes.is_ascii().then(|| std::str::from_utf8(bytes).ok()).flatten()
}

/// One GeneralName, or `None` when its tag is not one of the nine forms with its own
/// construction (a primitive `[0]`, a constructed `[2]`, an unknown number) or a directoryName
/// does not read: such a list is malformed, as x509-parser and strict clients find it.
fn general_name(element: crate::asn1::Tlv<'_>) -> Option<GeneralName<'_>> {
    let text = ascii(element.content);
    let other = GeneralName::Other(element.tag);
    Some(match element.tag {
        0x81 => text.map_or(other, GeneralName::Email),
        0x82 => text.map_or(other, GeneralName::Dns),
        0x86 => text.map_or(other, GeneralName::Uri),
        0x87 => GeneralName::Ip(element.content),
        0xa4 => match Name::read(element.content) {
            Ok((name, [])) => GeneralName::Directory(name.raw),
            _ => return None,
        },
        // otherName, x400Address, ediPartyName (constructed) and registeredID (primitive).
        0xa0 | 0xa3 | 0xa5 | 0x88 => other,
        _ => return None,
    })
}

/// BasicConstraints (RFC 5280 section 4.2.1.9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BasicConstraints {
    pub ca: bool,
    /// pathLenConstraint: how many non-self-issued intermediates may follow.
    pub path_len: Option<u64>,
}

/// One GeneralSubtree of a name constraint; `minimum` and `maximum` are refused by the reader
/// unless absent or zero (RFC 5280 section 4.2.1.10: "MUST be zero", "MUST be absent").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GeneralSubtree<'a> {
    pub base: GeneralName<'a>,
}

/// NameConstraints (RFC 5280 section 4.2.1.10): `None` for a list means the field is absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameConstraints<'a> {
    pub permitted: Option<Vec<GeneralSubtree<'a>>>,
    pub excluded: Option<Vec<GeneralSubtree<'a>>>,
}

fn subtrees(content: &[u8]) -> Option<Vec<GeneralSubtree<'_>>> {
    elements(content)
        .map(|subtree| {
            let subtree = subtree.ok().filter(|s| s.tag == TAG_SEQUENCE)?;
            let mut fields = elements(subtree.content);
            let base = general_name(fields.next()?.ok()?)?;
            for field in fields {
                let field = field.ok()?;
                // minimum [0] DEFAULT 0 (DER omits a default) and maximum [1] must not appear.
                if field.tag != 0x80 || field.content != [0] {
                    return None;
                }
            }
            Some(GeneralSubtree { base })
        })
        .collect()
}

/// Reads a GeneralNames SEQUENCE's content.
fn general_names(content: &[u8]) -> Option<Vec<GeneralName<'_>>> {
    elements(content).map(|e| general_name(e.ok()?)).collect()
}

impl<'a> Extension<'a> {
    /// The whole value as one element of `tag`, nothing after it.
    fn single(&self, tag: u8) -> Option<crate::asn1::Tlv<'a>> {
        match der(self.value) {
            Ok((tlv, [])) if tlv.tag == tag => Some(tlv),
            _ => None,
        }
    }

    /// SubjectAltName: the names in it (at least one: the list is SIZE (1..MAX)).
    pub(crate) fn general_names(&self) -> Option<Vec<GeneralName<'a>>> {
        general_names(self.single(TAG_SEQUENCE)?.content).filter(|names| !names.is_empty())
    }

    /// BasicConstraints: whether `cA` is set.
    pub(crate) fn is_ca(&self) -> Option<bool> {
        self.basic_constraints().map(|b| b.ca)
    }

    /// BasicConstraints: `cA` and the pathLenConstraint.
    pub(crate) fn basic_constraints(&self) -> Option<BasicConstraints> {
        let sequence = self.single(TAG_SEQUENCE)?;
        let mut fields = elements(sequence.content);
        let mut ca = false;
        let mut next = fields.next();
        if let Some(Ok(flag)) = next {
            if flag.tag == 0x01 {
                ca = match flag.content {
                    [0xff] => true,
                    [0x00] => false,
                    _ => return None,
                };
                next = fields.next();
            }
        }
        let path_len = match next {
            None => None,
            Some(Ok(length)) if length.tag == 0x02 => Some(crate::asn1::small_uint(length.content)?),
            _ => return None,
        };
        if fields.next().is_some() {
            return None;
        }
        Some(BasicConstraints { ca, path_len })
    }

    /// NameConstraints: the permitted and excluded subtrees.
    pub(crate) fn name_constraints(&self) -> Option<NameConstraints<'a>> {
        let sequence = self.single(TAG_SEQUENCE)?;
        let mut constraints = NameConstraints {
            permitted: None,
            excluded: None,
        };
        let mut last = 0;
        for field in elements(sequence.content) {
            let field = field.ok()?;
            let slot = match field.tag {
                0xa0 if last < 1 => &mut constraints.permitted,
                0xa1 if last < 2 => &mut constraints.excluded,
                _ => return None,
            };
            last = field.tag - 0x9f;
            // GeneralSubtrees is SIZE (1..MAX).
            *slot = Some(subtrees(field.content).filter(|s| !s.is_empty())?);
        }
        // "Either the permittedSubtrees field or the excludedSubtrees MUST be present."
        (last > 0).then_some(constraints)
    }

    /// KeyUsage: the bits, bit 0 (digitalSignature) first. DER leaves the unused bits of the
    /// last byte zero (X.690 11.2.1); a set one is refused, never read as a usage.
    pub(crate) fn key_usage_bits(&self) -> Option<[bool; 9]> {
        let bits = self.single(TAG_BIT_STRING)?;
        let (&unused, bytes) = bits.content.split_first()?;
        let padding = match bytes.last() {
            Some(&last) if unused <= 7 => last & ((1u8 << unused) - 1),
            None if unused == 0 => 0,
            _ => return None,
        };
        if padding != 0 {
            return None;
        }
        let mut set = [false; 9];
        for (i, slot) in set.iter_mut().enumerate() {
            *slot = bytes.get(i / 8).is_some_and(|b| b & (0x80 >> (i % 8)) != 0);
        }
        Some(set)
    }

    /// ExtendedKeyUsage: the purpose OIDs (at least one: the list is SIZE (1..MAX)).
    pub(crate) fn purposes(&self) -> Option<Vec<&'a [u8]>> {
        elements(self.single(TAG_SEQUENCE)?.content)
            .map(|e| e.ok().filter(|o| o.tag == TAG_OID).map(|o| o.content))
            .collect::<Option<Vec<_>>>()
            .filter(|purposes| !purposes.is_empty())
    }

    /// SubjectKeyIdentifier: the identifier.
    pub(crate) fn subject_key_id(&self) -> Option<&'a [u8]> {
        self.single(TAG_OCTET_STRING).map(|o| o.content)
    }

    /// AuthorityKeyIdentifier: the `[0]` keyIdentifier, if present, and whether the
    /// `[1]` authorityCertIssuer or `[2]` authorityCertSerialNumber fields are there too. The
    /// three come in that order, each at most once; anything else is malformed.
    pub(crate) fn authority_key_id_fields(&self) -> Option<(Option<&'a [u8]>, bool)> {
        let mut key_id = None;
        let mut issuer_or_serial = false;
        let mut next = 0;
        for field in elements(self.single(TAG_SEQUENCE)?.content) {
            let field = field.ok()?;
            let position = match field.tag {
                0x80 => 0,
                0xa1 => 1,
                0x82 => 2,
                _ => return None,
            };
            if position < next {
                return None;
            }
            next = position + 1;
            match position {
                0 => key_id = Some(field.content),
                _ => issuer_or_serial = true,
            }
        }
        Some((key_id, issuer_or_serial))
    }

    /// AuthorityKeyIdentifier: the `[0]` keyIdentifier, if present.
    pub(crate) fn authority_key_id(&self) -> Option<&'a [u8]> {
        self.authority_key_id_fields()?.0
    }

    /// AuthorityInfoAccess: the URLs of one access method (`oid::CA_ISSUERS`, `oid::OCSP`).
    pub(crate) fn access_urls(&self, method: &[u8]) -> Option<Vec<&'a str>> {
        let mut urls = Vec::new();
        for description in elements(self.single(TAG_SEQUENCE)?.content) {
            let description = description.ok()?;
            let (found, location) = expect(description.content, TAG_OID, "").ok()?;
            let (location, _) = der(location).ok()?;
            if let (true, Some(GeneralName::Uri(url))) = (found.content == method, general_name(location)) {
                urls.push(url);
            }
        }
        Some(urls)
    }

    /// CRLDistributionPoints: the URIs of every point's `fullName` (a point named relative to
    /// its CRL issuer names no place to fetch from).
    pub(crate) fn crl_urls(&self) -> Option<Vec<&'a str>> {
        let mut urls = Vec::new();
        for point in elements(self.single(TAG_SEQUENCE)?.content) {
            for field in elements(point.ok()?.content) {
                let field = field.ok()?;
                // distributionPoint [0] { fullName [0] GeneralNames }
                if field.tag != 0xa0 {
                    continue;
                }
                for name in elements(field.content) {
                    let name = name.ok()?;
                    if name.tag != 0xa0 {
                        continue;
                    }
                    for general in general_names(name.content)? {
                        if let GeneralName::Uri(url) = general {
                            urls.push(url);
                        }
                    }
                }
            }
        }
        Some(urls)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extension(value: &[u8]) -> Extension<'_> {
        Extension {
            oid: oid::SUBJECT_ALT_NAME,
            critical: false,
            value,
        }
    }

    #[test]
    fn crl_distribution_points_give_their_uris() {
        // { { [0] { [0] { URI "ldap://x", URI "http://c/r.crl" } } }, { [1] reasons only } }
        let mut value = vec![0x30, 0x00, 0x30, 0x00, 0xa0, 0x00, 0xa0, 0x00];
        let uris = [&b"ldap://x"[..], b"http://c/r.crl"];
        for uri in uris {
            value.push(0x86);
            value.push(u8::try_from(uri.len()).unwrap());
            value.extend_from_slice(uri);
        }
        value[7] = u8::try_from(value.len() - 8).unwrap();
        value[5] = u8::try_from(value.len() - 6).unwrap();
        value[3] = u8::try_from(value.len() - 4).unwrap();
        value.extend_from_slice(&[0x30, 0x04, 0x81, 0x02, 0x05, 0xa0]);
        value[1] = u8::try_from(value.len() - 2).unwrap();
        let extension = Extension {
            oid: oid::CRL_DISTRIBUTION_POINTS,
            critical: false,
            value: &value,
        };
        assert_eq!(extension.crl_urls(), Some(vec!["ldap://x", "http://c/r.crl"]));
    }

    #[test]
    fn general_names_of_every_kind() {
        let value = [
            0x30, 0x16, 0x82, 0x03, b'a', b'.', b'b', 0x87, 0x04, 192, 0, 2, 1, 0x86, 0x03, b'h', b't', b'p', 0x82,
            0x02, 0xc3, 0xa9, 0x88, 0x00,
        ];
        assert_eq!(
            extension(&value).general_names().unwrap(),
            vec![
                GeneralName::Dns("a.b"),
                GeneralName::Ip(&[192, 0, 2, 1]),
                GeneralName::Uri("htp"),
                GeneralName::Other(0x82),
                GeneralName::Other(0x88)
            ]
        );
        assert_eq!(extension(&[0x30, 0x02, 0x82, 0x05]).general_names(), None, "truncated");
        // A primitive [0] (otherName is constructed) and an unknown [9]: the list is malformed.
        assert_eq!(extension(&[0x30, 0x02, 0x80, 0x00]).general_names(), None);
        assert_eq!(extension(&[0x30, 0x02, 0x89, 0x00]).general_names(), None);
    }

    #[test]
    fn key_usage_and_basic_constraints() {
        // digitalSignature + keyEncipherment; then keyCertSign + cRLSign.
        let usage = extension(&[0x03, 0x02, 0x05, 0xa0]).key_usage_bits().unwrap();
        assert!(usage[0] && usage[2] && !usage[5]);
        let ca_usage = extension(&[0x03, 0x02, 0x01, 0x06]).key_usage_bits().unwrap();
        assert!(ca_usage[5] && ca_usage[6] && !ca_usage[0]);
        // Found by the reader fuzz target (2026-11-30): 7 unused bits, one of them set.
        assert_eq!(extension(&[0x03, 0x02, 0x07, 0x90]).key_usage_bits(), None);
        assert_eq!(
            extension(&[0x03, 0x01, 0x01]).key_usage_bits(),
            None,
            "unused bits of nothing"
        );
        assert_eq!(extension(&[0x30, 0x03, 0x01, 0x01, 0xff]).is_ca(), Some(true));
        assert_eq!(extension(&[0x30, 0x00]).is_ca(), Some(false));
        assert_eq!(extension(&[0x04, 0x00]).is_ca(), None);
        let with_length = extension(&[0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0x00]);
        assert_eq!(
            with_length.basic_constraints(),
            Some(BasicConstraints {
                ca: true,
                path_len: Some(0)
            })
        );
        assert_eq!(
            extension(&[0x30, 0x03, 0x01, 0x01, 0x01]).is_ca(),
            None,
            "BOOLEAN not DER"
        );
    }

    #[test]
    fn name_constraints_subtrees() {
        // permitted: dNSName "a.b"; excluded: iPAddress 10.0.0.0/8.
        let value = [
            0x30, 0x17, 0xa0, 0x07, 0x30, 0x05, 0x82, 0x03, b'a', b'.', b'b', 0xa1, 0x0c, 0x30, 0x0a, 0x87, 0x08, 10,
            0, 0, 0, 255, 0, 0, 0,
        ];
        let parsed = extension(&value).name_constraints().unwrap();
        assert_eq!(
            parsed.permitted,
            Some(vec![GeneralSubtree {
                base: GeneralName::Dns("a.b")
            }])
        );
        assert_eq!(
            parsed.excluded,
            Some(vec![GeneralSubtree {
                base: GeneralName::Ip(&[10, 0, 0, 0, 255, 0, 0, 0])
            }])
        );
        // A maximum is refused.
        let with_maximum = [
            0x30, 0x0c, 0xa0, 0x0a, 0x30, 0x08, 0x82, 0x03, b'a', b'.', b'b', 0x81, 0x01, 0x01,
        ];
        assert_eq!(extension(&with_maximum).name_constraints(), None);
    }

    #[test]
    fn authority_key_identifier_fields_in_order() {
        // [0] 01 02, [2] 05.
        fn aki(value: &[u8]) -> Option<(Option<&[u8]>, bool)> {
            Extension {
                oid: oid::AUTHORITY_KEY_ID,
                critical: false,
                value,
            }
            .authority_key_id_fields()
        }
        assert_eq!(
            aki(&[0x30, 0x07, 0x80, 0x02, 0x01, 0x02, 0x82, 0x01, 0x05]),
            Some((Some(&[1u8, 2][..]), true))
        );
        // Found by the reader fuzz target (2026-11-30): a second [0] after [1] was read as the
        // key identifier, where x509-parser took the first.
        assert_eq!(aki(&[0x30, 0x08, 0x80, 0x01, 0x01, 0xa1, 0x00, 0x80, 0x01, 0x02]), None);
        assert_eq!(
            aki(&[0x30, 0x06, 0x82, 0x01, 0x05, 0x80, 0x01, 0x01]),
            None,
            "out of order"
        );
    }

    #[test]
    fn duplicate_extensions_are_refused() {
        let ext = [0x30, 0x07, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x00];
        let mut one = vec![0x30, 0x09];
        one.extend_from_slice(&ext);
        assert_eq!(read(&one).unwrap().len(), 1);
        let mut two = vec![0x30, 0x12];
        two.extend_from_slice(&ext);
        two.extend_from_slice(&ext);
        assert_eq!(read(&two).unwrap_err(), "an extension appears twice");
    }

    #[test]
    fn a_flood_of_extensions_is_refused_early() {
        // 100,000 distinct extensions (OIDs 1.2.<n>): without the cap, the duplicate check would
        // compare 10^10 pairs.
        let mut content = Vec::new();
        for n in 0..100_000u32 {
            let arc = [
                0x80 | ((n >> 14) & 0x7f) as u8,
                0x80 | ((n >> 7) & 0x7f) as u8,
                (n & 0x7f) as u8,
            ];
            content.extend_from_slice(&[0x30, 0x08, 0x06, 0x04, 0x2a, arc[0], arc[1], arc[2], 0x04, 0x00]);
        }
        let mut list = vec![0x30, 0x83];
        list.extend_from_slice(&u32::try_from(content.len()).unwrap().to_be_bytes()[1..]);
        list.extend_from_slice(&content);
        assert_eq!(
            read(&list).unwrap_err(),
            "the certificate has more extensions than any real one"
        );
    }
}
