//! Seconds since the Unix epoch, and their RFC 3339 form. The engine never reads the clock:
//! callers pass "now" in, so results are reproducible and the browser (where reading the
//! clock through the standard library traps) is handled by the caller.

use core::fmt;

use serde::{Serialize, Serializer};

/// A point in time, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, a fraction and a `±HH:MM` offset allowed, or a bare
    /// date `YYYY-MM-DD` (midnight UTC).
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let text = text.trim();
        let number = |s: &str| -> Option<i64> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (date, time) = match text.split_once(['T', 't', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let mut parts = date.splitn(3, '-');
        let year = number(parts.next()?)?;
        let month = number(parts.next()?)?;
        let day = number(parts.next()?)?;
        if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
            return None;
        }
        let mut seconds = days_from_civil(year, month, day) * 86_400;
        if let Some(time) = time {
            let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
                (clock, 0)
            } else {
                let at = time.rfind(['+', '-'])?;
                let (clock, zone) = time.split_at(at);
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let (h, m) = zone[1..].split_once(':')?;
                (clock, sign * (number(h)? * 3600 + number(m)? * 60))
            };
            let clock = clock.split('.').next()?;
            let mut hms = clock.splitn(3, ':');
            let h = number(hms.next()?)?;
            let m = number(hms.next()?)?;
            let s = number(hms.next()?)?;
            if h > 23 || m > 59 || s > 60 {
                return None;
            }
            seconds += h * 3600 + m * 60 + s - offset;
        }
        Some(Self(seconds))
    }

    /// A calendar date and time of day in UTC, if it exists (a leap second reads as :59).
    pub(crate) fn from_civil(year: i64, month: i64, day: i64, hour: i64, minute: i64, second: i64) -> Option<Self> {
        let valid = (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && (0..24).contains(&hour)
            && (0..60).contains(&minute)
            && (0..=60).contains(&second);
        valid.then(|| Self(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second.min(59)))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier), rounded down.
    pub fn days_until(self, later: UnixTime) -> i64 {
        (later.0 - self.0).div_euclid(86_400)
    }
}

impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

impl Serialize for UnixTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil calendar algorithms (public domain).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_instants() {
        for (text, secs) in [
            ("1970-01-01T00:00:00Z", 0),
            ("2019-06-01T00:00:00Z", 1_559_347_200),
            ("2000-02-29T12:34:56Z", 951_827_696),
            ("1969-12-31T23:59:59Z", -1),
        ] {
            assert_eq!(UnixTime::parse_rfc3339(text), Some(UnixTime(secs)), "{text}");
            assert_eq!(UnixTime(secs).to_string(), text);
        }
    }

    #[test]
    fn accepts_offsets_fractions_and_dates() {
        assert_eq!(UnixTime::parse_rfc3339("2019-06-01"), Some(UnixTime(1_559_347_200)));
        assert_eq!(
            UnixTime::parse_rfc3339("2019-06-01T02:00:00.5+02:00"),
            Some(UnixTime(1_559_347_200))
        );
    }

    #[test]
    fn rejects_nonsense() {
        for text in [
            "",
            "2019-13-01",
            "2019-02-30",
            "yesterday",
            "2019-06-01T25:00:00Z",
            "2019-06-01T10:00",
        ] {
            assert_eq!(UnixTime::parse_rfc3339(text), None, "{text}");
        }
    }
}
