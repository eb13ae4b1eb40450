//! A date as the Exchange Management Shell prints it: .NET's `DateTime.ToString()` in the
//! server's culture, short date then long time, in the server's local time. Read: `M/D/YYYY
//! h:mm:ss AM` (en-US; an `AM`/`PM` says the month comes first), `D/M/YYYY HH:mm:ss`
//! (en-GB, it-IT, fr-FR: a slash without `AM`/`PM`), `D.M.YYYY` (de-DE), `D-M-YYYY` (nl-NL)
//! and `YYYY-MM-DD` (sv-SE, ISO 8601). Anything else is not read, and the verdicts that need
//! it say so rather than guess. The offset to UTC is not printed and is taken as zero: a few
//! hours either way, which no verdict here turns on.

use crate::UnixTime;

/// The instant `text` prints, or `None` when its format is not one of the above.
pub(crate) fn parse(text: &str) -> Option<UnixTime> {
    let text = text.trim();
    let mut words = text.split_whitespace();
    let date = words.next()?;
    let time = words.next().unwrap_or("0:00:00");
    let meridiem = words.next().map(str::to_ascii_uppercase);
    if words.next().is_some() {
        return None;
    }
    let numbers = |part: &str, separator: char| -> Option<Vec<i64>> {
        part.split(separator).map(|n| n.parse::<i64>().ok()).collect()
    };
    let (year, month, day) = if date.contains('/') {
        let [a, b, year] = numbers(date, '/')?[..] else {
            return None;
        };
        if meridiem.is_some() {
            (year, a, b)
        } else {
            (year, b, a)
        }
    } else {
        let separator = if date.contains('.') { '.' } else { '-' };
        let [a, b, c] = numbers(date, separator)?[..] else {
            return None;
        };
        if a > 31 {
            (a, b, c)
        } else {
            (c, b, a)
        }
    };
    let mut clock = numbers(time, ':')?;
    clock.resize(3, 0);
    let [mut hour, minute, second] = clock[..] else {
        return None;
    };
    match meridiem.as_deref() {
        None => {}
        Some("AM") if (1..=12).contains(&hour) => hour %= 12,
        Some("PM") if (1..=12).contains(&hour) => hour = hour % 12 + 12,
        Some(_) => return None,
    }
    // A two-digit year is not read: which century is the culture's setting.
    (1000..=9999).contains(&year).then_some(())?;
    UnixTime::from_civil(year, month, day, hour, minute, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> Option<UnixTime> {
        UnixTime::parse_rfc3339(rfc3339)
    }

    #[test]
    fn the_cultures_exchange_servers_print_in() {
        assert_eq!(parse("1/15/2027 10:00:00 AM"), at("2027-01-15T10:00:00Z"));
        assert_eq!(parse("1/15/2027 12:30:05 PM"), at("2027-01-15T12:30:05Z"));
        assert_eq!(parse("1/15/2027 12:30:05 AM"), at("2027-01-15T00:30:05Z"));
        assert_eq!(parse("15/01/2027 22:00:00"), at("2027-01-15T22:00:00Z"));
        assert_eq!(parse("15.01.2027 22:00:00"), at("2027-01-15T22:00:00Z"));
        assert_eq!(parse("15-1-2027 22:00:00"), at("2027-01-15T22:00:00Z"));
        assert_eq!(parse("2027-01-15 22:00:00"), at("2027-01-15T22:00:00Z"));
    }

    #[test]
    fn what_it_does_not_read() {
        for text in [
            "",
            "tomorrow",
            "1/15/2027 13:00:00 PM",
            "13/15/2027 10:00:00",
            "1/15/27 10:00:00 AM",
            "2027年1月15日 10:00:00",
            "1/15/2027 10:00:00 AM UTC",
            "1/15/2027 25:00:00",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
