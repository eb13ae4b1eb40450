//! Time limits for each stage of a fetch, so that no server can hold the relay; and the clock.

use std::io;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use msstd_check::UnixTime;

/// The current time, for judging validity (the engine never reads the clock itself).
pub(crate) fn now() -> UnixTime {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    UnixTime(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// A point in time a stage must finish by.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Deadline {
    end: Instant,
    allowed: Duration,
}

impl Deadline {
    /// `allowed` from now.
    pub(crate) fn after(allowed: Duration) -> Self {
        Self {
            end: Instant::now() + allowed,
            allowed,
        }
    }

    /// Time left, or a `TimedOut` error once there is none (a zero socket timeout would mean
    /// "wait forever").
    pub(crate) fn remaining(self) -> io::Result<Duration> {
        match self.end.checked_duration_since(Instant::now()) {
            Some(left) if !left.is_zero() => Ok(left),
            _ => Err(io::Error::new(io::ErrorKind::TimedOut, "deadline passed")),
        }
    }

    /// The whole allowance in seconds, for messages (at least 1).
    pub(crate) fn seconds(self) -> u64 {
        self.allowed.as_secs().max(1)
    }
}

/// Milliseconds since `since`, to a tenth, for the timings a fetch reports.
pub(crate) fn elapsed_ms(since: Instant) -> f64 {
    (since.elapsed().as_secs_f64() * 10_000.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_deadline_is_a_timeout_not_an_endless_wait() {
        let deadline = Deadline::after(Duration::ZERO);
        assert_eq!(deadline.remaining().unwrap_err().kind(), io::ErrorKind::TimedOut);
        assert_eq!(deadline.seconds(), 1);
        assert!(Deadline::after(Duration::from_secs(5)).remaining().unwrap() > Duration::from_secs(4));
    }
}
