//! Validity times (RFC 5280 section 4.1.2.5): UTCTime for 1950–2049, GeneralizedTime after.

use super::{der, Malformed};
use crate::UnixTime;

const BAD: Malformed = "a validity time is malformed";

/// Reads one Time from the front of `input`.
pub(crate) fn read(input: &[u8]) -> Result<(UnixTime, &[u8]), Malformed> {
    let (tlv, rest) = der(input)?;
    // Both forms are ASCII digits and punctuation: anything else is refused here, so the
    // fixed positions below always fall on character boundaries.
    if !tlv.content.is_ascii() {
        return Err(BAD);
    }
    let text = std::str::from_utf8(tlv.content).map_err(|_| BAD)?;
    let time = match tlv.tag {
        0x17 => utc_time(text),
        0x18 => generalized_time(text),
        _ => None,
    };
    Ok((time.ok_or(BAD)?, rest))
}

fn digits(text: &str) -> Option<i64> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `YYMMDDHHMM[SS]Z`: years 50–99 are 19xx (RFC 5280), seconds optional as older CAs wrote.
fn utc_time(text: &str) -> Option<UnixTime> {
    let text = text.strip_suffix('Z')?;
    if text.len() != 10 && text.len() != 12 {
        return None;
    }
    let yy = digits(text.get(0..2)?)?;
    let year = if yy >= 50 { 1900 + yy } else { 2000 + yy };
    clock(year, text.get(2..)?)
}

/// `YYYYMMDDHHMMSS[.fff]Z`.
fn generalized_time(text: &str) -> Option<UnixTime> {
    let text = text.strip_suffix('Z')?;
    let text = match text.split_once('.') {
        Some((whole, fraction)) => {
            digits(fraction)?;
            whole
        }
        None => text,
    };
    if text.len() != 14 {
        return None;
    }
    clock(digits(text.get(0..4)?)?, text.get(4..)?)
}

/// `MMDDHHMM[SS]` of `year`.
fn clock(year: i64, text: &str) -> Option<UnixTime> {
    let field = |at: usize| text.get(at..at + 2).and_then(digits);
    let second = if text.len() == 10 { field(8)? } else { 0 };
    // A certificate's seconds run 00 to 59, as x509-parser, Go and rustls-webpki read them (an
    // RFC 3339 time typed by the admin may name a leap second; a certificate may not).
    if second > 59 {
        return None;
    }
    UnixTime::from_civil(year, field(0)?, field(2)?, field(4)?, field(6)?, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(tag: u8, text: &str) -> Option<UnixTime> {
        let mut der = vec![tag, u8::try_from(text.len()).unwrap()];
        der.extend_from_slice(text.as_bytes());
        read(&der).ok().map(|(t, _)| t)
    }

    #[test]
    fn both_forms_and_the_century_rule() {
        let expect = |s: &str| UnixTime::parse_rfc3339(s);
        assert_eq!(time(0x17, "260601120000Z"), expect("2026-06-01T12:00:00Z"));
        assert_eq!(time(0x17, "500101000000Z"), expect("1950-01-01T00:00:00Z"));
        assert_eq!(time(0x17, "4912312359Z"), expect("2049-12-31T23:59:00Z"));
        assert_eq!(time(0x18, "20500101000000Z"), expect("2050-01-01T00:00:00Z"));
        assert_eq!(time(0x18, "99991231235959Z"), expect("9999-12-31T23:59:59Z"));
        assert_eq!(time(0x18, "20260601120000.5Z"), expect("2026-06-01T12:00:00Z"));
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        for (tag, text) in [
            (0x17, "260601120000"),
            (0x17, "260631120000Z"),
            (0x17, "2606011200000Z"),
            (0x18, "260601120000Z"),
            (0x18, "20261301000000Z"),
            (0x18, "20260601250000Z"),
            (0x18, "2026060112000aZ"),
            (0x04, "260601120000Z"),
            // Found by fuzzing (decode, 2026-11-29): a byte-order mark made the fixed
            // positions fall inside a character, a panic (a trap in the browser).
            (0x17, "\u{feff}208025740Z"),
            (0x18, "\u{feff}20260601120Z"),
            (0x17, "2é0601120000Z"),
            // Found by the reader fuzz target (2026-11-30): second 60, which x509-parser refuses.
            (0x17, "221027235960Z"),
        ] {
            assert_eq!(time(tag, text), None, "{text}");
        }
    }
}
