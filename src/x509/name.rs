//! Distinguished names (RFC 5280 section 4.1.2.4): kept as DER for comparison, read as text
//! in the RFC 4514 style (`CN=mail.contoso.com, O=Contoso`, in the order encoded).

use std::fmt;

use super::{der, elements, expect, Malformed};
use crate::asn1::oid_string;
use crate::asn1::{Tlv, TAG_OID, TAG_SEQUENCE};
use crate::limits::MAX_NAME_ATTRIBUTES;

const COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
const EMAIL_ADDRESS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01];

/// Short names for the attribute types certificates use, as OpenSSL and Windows print them.
const SHORT_NAMES: &[(&[u8], &str)] = &[
    (COMMON_NAME, "CN"),
    (&[0x55, 0x04, 0x04], "SN"),
    (&[0x55, 0x04, 0x05], "serialNumber"),
    (&[0x55, 0x04, 0x06], "C"),
    (&[0x55, 0x04, 0x07], "L"),
    (&[0x55, 0x04, 0x08], "ST"),
    (&[0x55, 0x04, 0x09], "street"),
    (&[0x55, 0x04, 0x0a], "O"),
    (&[0x55, 0x04, 0x0b], "OU"),
    (&[0x55, 0x04, 0x0c], "title"),
    (&[0x55, 0x04, 0x0f], "businessCategory"),
    (&[0x55, 0x04, 0x11], "postalCode"),
    (&[0x55, 0x04, 0x2a], "GN"),
    (&[0x55, 0x04, 0x61], "organizationIdentifier"),
    (EMAIL_ADDRESS, "emailAddress"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19], "DC"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01], "UID"),
    (
        &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x01],
        "jurisdictionL",
    ),
    (
        &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x02],
        "jurisdictionST",
    ),
    (
        &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x03],
        "jurisdictionC",
    ),
];

/// One attribute of a name: its type and its value element.
#[derive(Clone, Copy, Debug)]
struct Attribute<'a> {
    oid: &'a [u8],
    value: Tlv<'a>,
    /// It shares its RDN with the attribute before it (a multi-valued RDN).
    joined: bool,
}

/// A distinguished name.
#[derive(Clone, Debug)]
pub(crate) struct Name<'a> {
    /// The whole Name element, header included.
    pub raw: &'a [u8],
    attributes: Vec<Attribute<'a>>,
}

impl<'a> Name<'a> {
    /// Reads a Name (a SEQUENCE OF SET OF AttributeTypeAndValue) from the front of `input`.
    pub(crate) fn read(input: &'a [u8]) -> Result<(Self, &'a [u8]), Malformed> {
        let (sequence, rest) = expect(input, TAG_SEQUENCE, "a name is malformed")?;
        Ok((Self::from_sequence(sequence)?, rest))
    }

    /// A Name from its SEQUENCE element.
    pub(crate) fn from_sequence(sequence: Tlv<'a>) -> Result<Self, Malformed> {
        const BAD: Malformed = "a name is malformed";
        let mut attributes = Vec::new();
        for rdn in elements(sequence.content) {
            let rdn = rdn?;
            if rdn.tag != 0x31 || rdn.content.is_empty() {
                return Err(BAD);
            }
            for (i, pair) in elements(rdn.content).enumerate() {
                let pair = pair?;
                if pair.tag != TAG_SEQUENCE {
                    return Err(BAD);
                }
                let (oid, value) = expect(pair.content, TAG_OID, BAD)?;
                let (value, trailing) = der(value)?;
                if !trailing.is_empty() {
                    return Err(BAD);
                }
                if attributes.len() == MAX_NAME_ATTRIBUTES {
                    return Err("a name has more attributes than any real one");
                }
                attributes.push(Attribute {
                    oid: oid.content,
                    value,
                    joined: i > 0,
                });
            }
        }
        Ok(Self {
            raw: sequence.whole,
            attributes,
        })
    }

    /// The values of every attribute of type `oid`, as text, in order.
    fn values(&self, oid: &[u8]) -> Vec<String> {
        self.attributes
            .iter()
            .filter(|a| a.oid == oid)
            .map(|a| value_text(a.value))
            .collect()
    }

    /// No attributes at all (an empty SEQUENCE).
    pub(crate) fn is_empty(&self) -> bool {
        self.attributes.is_empty()
    }

    /// Every Common Name, in order.
    pub(crate) fn common_names(&self) -> Vec<String> {
        self.values(COMMON_NAME)
    }

    /// Every emailAddress attribute, in order.
    pub(crate) fn emails(&self) -> Vec<String> {
        self.values(EMAIL_ADDRESS)
    }
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, attribute) in self.attributes.iter().enumerate() {
            if i > 0 {
                f.write_str(if attribute.joined { " + " } else { ", " })?;
            }
            match SHORT_NAMES.iter().find(|(oid, _)| *oid == attribute.oid) {
                Some((_, short)) => f.write_str(short)?,
                None => f.write_str(&oid_string(attribute.oid))?,
            }
            write!(f, "={}", value_text(attribute.value))?;
        }
        Ok(())
    }
}

impl Name<'_> {
    /// The name as Windows prints it (`CertNameToStr` with `CERT_X500_NAME_STR |
    /// CERT_NAME_STR_REVERSE_FLAG`, which .NET's `X509Certificate2.Subject` and `Issuer` and so
    /// `Get-ExchangeCertificate` show): the RDNs last first (`CN=R11, O=Let's Encrypt, C=US`),
    /// the attributes of a multi-valued RDN joined by ` + `, Windows' short names (`E`, `S`,
    /// `OID.1.2.3` for a type it has none for), and a value in double quotes when it holds a
    /// character special to the format or starts or ends with a space, a quote inside doubled.
    pub(crate) fn windows_text(&self) -> String {
        let mut rdns: Vec<Vec<&Attribute<'_>>> = Vec::new();
        for attribute in &self.attributes {
            match rdns.last_mut() {
                Some(rdn) if attribute.joined => rdn.push(attribute),
                _ => rdns.push(vec![attribute]),
            }
        }
        let mut text = String::new();
        for (i, rdn) in rdns.iter().rev().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            for (j, attribute) in rdn.iter().enumerate() {
                if j > 0 {
                    text.push_str(" + ");
                }
                match WINDOWS_NAMES.iter().find(|(oid, _)| *oid == attribute.oid) {
                    Some((_, short)) => text.push_str(short),
                    None => {
                        text.push_str("OID.");
                        text.push_str(&oid_string(attribute.oid));
                    }
                }
                text.push('=');
                let value = value_text(attribute.value);
                if is_string(attribute.value.tag) {
                    windows_value(&value, &mut text);
                } else {
                    // Not a string: `#` and the hex of the element, as written.
                    text.push_str(&value);
                }
            }
        }
        text
    }
}

/// The short names `CertNameToStr` prints (Microsoft Learn, "CertNameToStrW function", the
/// table of X500 keys; `CERT_RDN_ATTR` OIDs in wincrypt.h).
const WINDOWS_NAMES: &[(&[u8], &str)] = &[
    (COMMON_NAME, "CN"),
    (&[0x55, 0x04, 0x04], "SN"),
    (&[0x55, 0x04, 0x05], "SERIALNUMBER"),
    (&[0x55, 0x04, 0x06], "C"),
    (&[0x55, 0x04, 0x07], "L"),
    (&[0x55, 0x04, 0x08], "S"),
    (&[0x55, 0x04, 0x09], "STREET"),
    (&[0x55, 0x04, 0x0a], "O"),
    (&[0x55, 0x04, 0x0b], "OU"),
    (&[0x55, 0x04, 0x0c], "T"),
    (&[0x55, 0x04, 0x0d], "Description"),
    (&[0x55, 0x04, 0x11], "PostalCode"),
    (&[0x55, 0x04, 0x12], "POBox"),
    (&[0x55, 0x04, 0x14], "Phone"),
    (&[0x55, 0x04, 0x2a], "G"),
    (&[0x55, 0x04, 0x2b], "I"),
    (&[0x55, 0x04, 0x2e], "dnQualifier"),
    (EMAIL_ADDRESS, "E"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19], "DC"),
];

/// One value as `CertNameToStr` writes it: quoted when it is empty, holds one of `,+="<>#;`
/// or a line feed, or starts or ends with white space; a quote inside doubled (Microsoft Learn,
/// "CertNameToStrW function", Remarks, and "CertNameToStr" for Windows CE: "Embedded quotes are
/// double-quoted. Empty strings are quoted."; Wine's crypt32 `is_quotable_char` and
/// `quote_rdn_value_to_str_w` behave the same, and join a multi-valued RDN with ` + `).
fn windows_value(value: &str, out: &mut String) {
    let quoted = value.is_empty()
        || value.starts_with(char::is_whitespace)
        || value.ends_with(char::is_whitespace)
        || value.contains([',', '+', '=', '"', '<', '>', '#', ';', '\n']);
    if !quoted {
        out.push_str(value);
        return;
    }
    out.push('"');
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// Whether `tag` is one of the string types [`value_text`] reads as text.
fn is_string(tag: u8) -> bool {
    matches!(tag, 0x0c | 0x13 | 0x16 | 0x1a | 0x12 | 0x14 | 0x1e | 0x1c)
}

/// A directory string as text: UTF-8, Printable, IA5, Visible, Numeric and Teletex (read as
/// Latin-1) strings, BMPString (UTF-16) and UniversalString (UTF-32); anything else as `#hex`,
/// as RFC 4514 writes values it cannot show. Invalid text is shown lossily, never dropped.
pub(crate) fn value_text(value: Tlv<'_>) -> String {
    let bytes = value.content;
    match value.tag {
        0x0c | 0x13 | 0x16 | 0x1a | 0x12 => String::from_utf8_lossy(bytes).into_owned(),
        0x14 => bytes.iter().map(|&b| char::from(b)).collect(),
        0x1e => char::decode_utf16(
            bytes
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        0x1c => bytes
            .chunks(4)
            .map(|c| {
                let mut word = [0u8; 4];
                word[..c.len()].copy_from_slice(c);
                char::from_u32(u32::from_be_bytes(word)).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect(),
        _ => {
            let mut text = String::from("#");
            text.push_str(&crate::hex::hex_upper(value.whole));
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(der: &[u8]) -> Name<'_> {
        Name::read(der).unwrap().0
    }

    #[test]
    fn formats_like_rfc_4514_in_encoded_order() {
        // CN=mail.contoso.com, O=Contoso + OU=IT (a multi-valued second RDN), BMPString O.
        let der = [
            0x30, 0x33, 0x31, 0x19, 0x30, 0x17, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x10, b'm', b'a', b'i', b'l', b'.',
            b'c', b'o', b'n', b't', b'o', b's', b'o', b'.', b'c', b'o', b'm', 0x31, 0x16, 0x30, 0x0b, 0x06, 0x03, 0x55,
            0x04, 0x0a, 0x1e, 0x04, 0x00, b'C', 0x00, b'o', 0x30, 0x07, 0x06, 0x03, 0x55, 0x04, 0x0b, 0x13, 0x00,
        ];
        let parsed = name(&der);
        assert_eq!(parsed.to_string(), "CN=mail.contoso.com, O=Co + OU=");
        // Windows: the RDNs last first, the multi-valued one's attributes in order, the empty
        // value quoted.
        assert_eq!(parsed.windows_text(), "O=Co + OU=\"\", CN=mail.contoso.com");
        assert_eq!(parsed.common_names(), vec!["mail.contoso.com"]);
        assert!(parsed.emails().is_empty());
    }

    #[test]
    fn unknown_types_and_values_stay_visible() {
        // 1.2.3.4=#0101FF (a BOOLEAN where a string belongs).
        let der = [
            0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x01, 0x01, 0xff,
        ];
        assert_eq!(name(&der).to_string(), "1.2.3.4=#0101FF");
        assert_eq!(name(&der).windows_text(), "OID.1.2.3.4=#0101FF");
        assert!(Name::read(&[0x30, 0x02, 0x31, 0x00]).is_err(), "an empty RDN");
        assert!(Name::read(&[0x31, 0x00]).is_err());
        assert_eq!(name(&[0x30, 0x00]).to_string(), "");
        // 300 RDNs of one CN each: refused, not read.
        let rdn = [0x31, 0x09, 0x30, 0x07, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x00];
        let mut flood = vec![0x30, 0x82, 0x0c, 0xe4];
        (0..300).for_each(|_| flood.extend_from_slice(&rdn));
        assert_eq!(
            Name::read(&flood).unwrap_err(),
            "a name has more attributes than any real one"
        );
    }
}
