//! Text inputs: PEM pasted from anywhere, and bare base64.
//!
//! Pastes arrive from mail, chat and PowerShell: with CRLF, indentation, `>` quoting, text around
//! the blocks, a UTF-8 BOM, or as UTF-16LE (what Windows PowerShell 5.1 `Out-File` writes). Each
//! block is normalised, then decoded by the engine's own base64; what it holds is for `super` to
//! read.

use std::borrow::Cow;

use crate::Error;

/// The input as text (UTF-8, with or without a BOM, or UTF-16), or `None` when it is binary.
/// Public for the faces' other text files, such as a list of hosts written by PowerShell.
pub fn as_text(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        Cow::Borrowed(std::str::from_utf8(rest).ok()?)
    } else if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        Cow::Owned(utf16(rest, u16::from_le_bytes)?)
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        Cow::Owned(utf16(rest, u16::from_be_bytes)?)
    } else if looks_like_utf16le(bytes) {
        Cow::Owned(utf16(bytes, u16::from_le_bytes)?)
    } else {
        Cow::Borrowed(std::str::from_utf8(bytes).ok()?)
    };
    // DER always holds control bytes (tags, lengths); text does not.
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    (!binary).then_some(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// UTF-16LE without a BOM: ASCII text with a zero after every byte.
fn looks_like_utf16le(bytes: &[u8]) -> bool {
    bytes.len() >= 8
        && bytes.len() % 2 == 0
        && bytes.iter().take(64).skip(1).step_by(2).all(|&b| b == 0)
        && bytes.iter().take(64).step_by(2).all(|&b| b != 0)
}

/// What a PEM block holds, by its label.
pub(super) enum Kind {
    /// `CERTIFICATE` and its variants.
    Certificate,
    /// A PKCS#7 bag.
    Pkcs7,
    /// A PKCS#12 file.
    Pkcs12,
    /// A key, a request or a CRL: not a certificate, and this error says which when the block
    /// cannot be read as one either.
    Other(Error),
}

/// One PEM block: its kind and DER.
pub(super) struct Block {
    pub(super) kind: Kind,
    pub(super) der: Vec<u8>,
}

/// The PEM blocks of `text` in order, the last an error when one cannot be read (a missing
/// `-----END` line, bad base64, an unsupported label). Parameter blocks are skipped.
pub(super) fn pem_blocks(text: &str) -> impl Iterator<Item = Result<Block, Error>> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let start = rest.find("-----BEGIN ")?;
        let after_begin = &rest[start + "-----BEGIN ".len()..];
        let label_end = after_begin.find("-----")?;
        let label = after_begin[..label_end].trim().to_owned();
        let body_and_rest = &after_begin[label_end + 5..];
        let Some(end) = body_and_rest.find("-----END") else {
            rest = "";
            return Some(Err(Error::MalformedPem {
                label,
                reason: "the -----END line is missing (was the paste cut short?)".to_owned(),
            }));
        };
        let tail = &body_and_rest[end + "-----END".len()..];
        let skip = tail.find("-----").map_or(tail.len(), |i| i + 5);
        rest = &tail[skip..];
        let der = match block_der(&label, &body_and_rest[..end]) {
            Ok(der) => der,
            Err(error) => return Some(Err(error)),
        };
        let kind = match label.as_str() {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Kind::Certificate,
            "PKCS7" | "PKCS #7 SIGNED DATA" | "CMS" | "CERTIFICATE CHAIN" => Kind::Pkcs7,
            "PKCS12" => Kind::Pkcs12,
            "PRIVATE KEY"
            | "EC PRIVATE KEY"
            | "RSA PRIVATE KEY"
            | "ENCRYPTED PRIVATE KEY"
            | "PUBLIC KEY"
            | "RSA PUBLIC KEY"
            | "CERTIFICATE REQUEST"
            | "NEW CERTIFICATE REQUEST"
            | "X509 CRL" => Kind::Other(not_a_certificate(&label)),
            // Parameters written by `openssl ecparam`: not certificates, harmless beside them.
            "EC PARAMETERS" | "DH PARAMETERS" => continue,
            _ => return Some(Err(Error::UnsupportedPemLabel { label })),
        };
        return Some(Ok(Block { kind, der }));
    })
}

fn not_a_certificate(label: &str) -> Error {
    match label {
        "PUBLIC KEY" | "RSA PUBLIC KEY" => Error::PublicKeyOnly,
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Error::CertificateRequest,
        "X509 CRL" => Error::RevocationList,
        _ => Error::PrivateKeyOnly,
    }
}

/// Normalises one block's body (indentation, `>` quoting, headers such as `Proc-Type:`) and
/// decodes it.
fn block_der(label: &str, body: &str) -> Result<Vec<u8>, Error> {
    let mut base64 = String::with_capacity(body.len());
    for line in body.lines() {
        let line = line
            .trim_start_matches(|c: char| c.is_whitespace() || c == '>')
            .trim_end();
        if line.contains(':') {
            continue;
        }
        base64.extend(line.chars().filter(|c| !c.is_whitespace()));
    }
    let der = crate::base64::decode(&base64).map_err(|reason| Error::MalformedPem {
        label: label.to_owned(),
        reason,
    })?;
    if der.is_empty() {
        return Err(Error::MalformedPem {
            label: label.to_owned(),
            reason: "the block is empty".to_owned(),
        });
    }
    Ok(der)
}

/// Base64 text with no armour, e.g. the body alone copied from a PEM file, or one long line.
pub(super) fn bare_base64(text: &str) -> Option<Vec<u8>> {
    let compact: String = text
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let alphabet = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_');
    if compact.len() < 16 || !compact.chars().all(alphabet) {
        return None;
    }
    let standard: String = compact
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            other => other,
        })
        .collect();
    crate::base64::decode(&standard).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16le_with_and_without_bom_is_text() {
        let mut le: Vec<u8> = vec![0xff, 0xfe];
        for unit in "-----BEGIN CERTIFICATE-----".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(as_text(&le).unwrap().starts_with("-----BEGIN"));
        assert!(as_text(&le[2..]).unwrap().starts_with("-----BEGIN"));
    }

    #[test]
    fn der_is_not_text() {
        assert!(as_text(&[0x30, 0x03, 0x02, 0x01, 0x05]).is_none());
    }

    #[test]
    fn missing_end_line_is_reported() {
        let err = pem_blocks("-----BEGIN CERTIFICATE-----\nMIIB")
            .find_map(Result::err)
            .unwrap();
        assert!(matches!(err, Error::MalformedPem { .. }), "{err:?}");
    }
}
