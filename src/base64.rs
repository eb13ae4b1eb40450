//! Base64 (RFC 4648, standard alphabet) and PEM armour (RFC 7468), table-driven: the engine
//! decodes every pasted certificate and encodes each one back for the report, so this is on
//! the hot path of every analysis.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INVALID: u8 = 0xff;

/// Each byte's 6-bit value, or [`INVALID`].
const VALUES: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
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
    let encoded_len = der.len().div_ceil(3) * 4;
    let mut out = String::with_capacity(encoded_len + encoded_len / 32 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\r\n");
    let mut line = [0u8; 64];
    for chunk in der.chunks(48) {
        let mut len = 0;
        for triple in chunk.chunks(3) {
            let word = triple
                .iter()
                .enumerate()
                .fold(0u32, |word, (i, &b)| word | u32::from(b) << (16 - 8 * i));
            for (i, slot) in line[len..len + 4].iter_mut().enumerate() {
                *slot = if i <= triple.len() {
                    ALPHABET[(word >> (18 - 6 * i) & 63) as usize]
                } else {
                    b'='
                };
            }
            len += 4;
        }
        // Only alphabet characters and `=` were written.
        out.extend(line[..len].iter().map(|&b| char::from(b)));
        out.push_str("\r\n");
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\r\n");
    out
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
            let der: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
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
