//! Base64 (RFC 4648, standard alphabet) and PEM armour (RFC 7468), table-driven: the engine
//! decodes every pasted certificate and encodes each one back for the report, so this is on
//! the hot path of every analysis.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INVALID: u8 = 0xff;

/// Each byte's 6-bit value, or [`INVALID`].
const VALUES: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i: u8 = 0;
    while i < 64 {
        table[ALPHABET[i as usize] as usize] = i;
        i += 1;
    }
    table
};

/// Decodes standard base64 with no whitespace; the `=` padding may be there or not. Strict
/// otherwise, as OpenSSL and the mainstream decoders are: a character outside the alphabet,
/// padding in the middle, a dangling sixth of a byte or non-zero left-over bits is an error.
pub(crate) fn decode(text: &str) -> Result<Vec<u8>, String> {
    let digits = text.trim_end_matches('=').as_bytes();
    if text.len() - digits.len() > 2 {
        return Err("invalid base64 (too much padding)".to_owned());
    }
    if digits.len() % 4 == 1 {
        return Err("invalid base64 (a character too many or too few)".to_owned());
    }
    let invalid = |offset: usize| format!("invalid base64 (invalid byte at offset {offset})");
    let mut out = Vec::with_capacity(digits.len() / 4 * 3 + 2);
    let mut groups = digits.chunks_exact(4);
    for (index, group) in groups.by_ref().enumerate() {
        let mut word = 0u32;
        for (position, &digit) in group.iter().enumerate() {
            let value = VALUES[usize::from(digit)];
            if value == INVALID {
                return Err(invalid(index * 4 + position));
            }
            word = word << 6 | u32::from(value);
        }
        out.extend_from_slice(&word.to_be_bytes()[1..]);
    }
    let tail = groups.remainder();
    if !tail.is_empty() {
        let mut word = 0u32;
        for (position, &digit) in tail.iter().enumerate() {
            let value = VALUES[usize::from(digit)];
            if value == INVALID {
                return Err(invalid(digits.len() - tail.len() + position));
            }
            word = word << 6 | u32::from(value);
        }
        // Two digits carry one byte and four spare bits, three carry two bytes and two.
        let spare_bits = if tail.len() == 2 { 4 } else { 2 };
        if word & ((1 << spare_bits) - 1) != 0 {
            return Err("invalid base64 (left-over bits are not zero)".to_owned());
        }
        let bytes = (word >> spare_bits).to_be_bytes();
        out.extend_from_slice(&bytes[4 - (tail.len() - 1)..]);
    }
    Ok(out)
}

/// `der` as a PEM block: base64 in lines of 64 characters, CRLF line ends (as Windows writes
/// them, and as the `pem` crate did).
pub(crate) fn pem(label: &str, der: &[u8]) -> String {
    let digit = |n: u32, shift: u32| ALPHABET[(n >> shift & 63) as usize];
    let encoded_len = der.len().div_ceil(3) * 4;
    let mut out = Vec::with_capacity(encoded_len + encoded_len / 32 + 2 * label.len() + 40);
    out.extend_from_slice(b"-----BEGIN ");
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(b"-----\r\n");
    for line in der.chunks(48) {
        let mut triples = line.chunks_exact(3);
        for triple in triples.by_ref() {
            let n = u32::from(triple[0]) << 16 | u32::from(triple[1]) << 8 | u32::from(triple[2]);
            out.extend_from_slice(&[digit(n, 18), digit(n, 12), digit(n, 6), digit(n, 0)]);
        }
        match *triples.remainder() {
            [a] => {
                let n = u32::from(a) << 16;
                out.extend_from_slice(&[digit(n, 18), digit(n, 12), b'=', b'=']);
            }
            [a, b] => {
                let n = u32::from(a) << 16 | u32::from(b) << 8;
                out.extend_from_slice(&[digit(n, 18), digit(n, 12), digit(n, 6), b'=']);
            }
            _ => {}
        }
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"-----END ");
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(b"-----\r\n");
    // Only the label (already text) and ASCII were written.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_with_and_without_padding() {
        assert_eq!(decode("AAEC").unwrap(), vec![0, 1, 2]);
        assert_eq!(decode("AAE").unwrap(), vec![0, 1]);
        assert_eq!(decode("AAE=").unwrap(), vec![0, 1]);
        assert_eq!(decode("AA==").unwrap(), vec![0]);
        assert_eq!(decode("AA").unwrap(), vec![0]);
        assert_eq!(decode("").unwrap(), Vec::<u8>::new());
        assert_eq!(decode("+/+/").unwrap(), vec![0xfb, 0xff, 0xbf]);
    }

    #[test]
    fn rejects_what_is_not_base64() {
        for bad in ["A!!!", "A", "AAAAA", "AB==", "AAB=", "AA=A", "AA===", "-_AA"] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        assert_eq!(decode("AAE!").unwrap_err(), "invalid base64 (invalid byte at offset 3)");
    }

    #[test]
    fn pem_round_trips_every_length_and_wraps_at_64() {
        for len in 0..200 {
            let der: Vec<u8> = (0..len).map(|i| u8::try_from((i * 37 + 11) % 256).unwrap()).collect();
            let pem = pem("CERTIFICATE", &der);
            let body: Vec<&str> = pem.split("\r\n").collect();
            assert_eq!(body[0], "-----BEGIN CERTIFICATE-----");
            assert!(body.iter().all(|line| line.len() <= 64), "{pem}");
            let base64: String = body[1..body.len() - 2].concat();
            assert_eq!(decode(&base64).unwrap(), der, "{len}");
            assert!(pem.ends_with("-----END CERTIFICATE-----\r\n"));
        }
    }

    #[test]
    fn pem_matches_a_known_encoding() {
        assert_eq!(pem("X", b"Man"), "-----BEGIN X-----\r\nTWFu\r\n-----END X-----\r\n");
        assert_eq!(pem("X", b"Ma"), "-----BEGIN X-----\r\nTWE=\r\n-----END X-----\r\n");
        assert_eq!(pem("X", b"M"), "-----BEGIN X-----\r\nTQ==\r\n-----END X-----\r\n");
    }
}
