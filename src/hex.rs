//! Hexadecimal text, as Windows shows thumbprints and serial numbers.

/// Upper-case hex without separators, as `Get-ExchangeCertificate` shows thumbprints.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::hex_upper;

    #[test]
    fn hex_is_upper_case_without_separators() {
        assert_eq!(hex_upper(&[0x00, 0x0f, 0xa5, 0xff]), "000FA5FF");
        assert_eq!(hex_upper(&[]), "");
    }
}
