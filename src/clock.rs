//! The app's one source of "now", injected so that tests and demos can freeze it.

use chrono::{Local, NaiveDate, NaiveDateTime, Utc};

/// Where the current time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    System,
    /// A frozen local time; record stamps use the same wall-clock value as UTC.
    Fixed(NaiveDateTime),
}

impl Clock {
    /// Read `COACHLOG_NOW` (`2026-11-23T10:42` or `2026-11-23`) if set, for demos and
    /// end-to-end tests; otherwise the system clock.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("COACHLOG_NOW") {
            Ok(text) if !text.trim().is_empty() => parse_fixed(text.trim()).map(Clock::Fixed),
            _ => Ok(Clock::System),
        }
    }

    /// Local wall-clock time now.
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => *at,
        }
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// A UTC record stamp, fixed width with milliseconds: `2026-11-23T14:05:09.123Z`.
    pub fn stamp(&self) -> String {
        let utc = match self {
            Clock::System => Utc::now().naive_utc(),
            Clock::Fixed(at) => *at,
        };
        utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    }
}

fn parse_fixed(text: &str) -> Result<NaiveDateTime, String> {
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(at);
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.and_hms_opt(9, 0, 0))
        .ok_or_else(|| format!("COACHLOG_NOW=\"{text}\" is not a time like 2026-11-23T10:42"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_stamps_fixed_width_utc_with_milliseconds() {
        let at = parse_fixed("2026-11-23T14:05:09").unwrap();
        assert_eq!(Clock::Fixed(at).stamp(), "2026-11-23T14:05:09.000Z");
        assert_eq!(
            Clock::System.stamp().len(),
            "2026-11-23T14:05:09.123Z".len()
        );
    }

    #[test]
    fn a_date_alone_means_nine_in_the_morning_and_nonsense_is_refused() {
        let at = parse_fixed("2026-11-23").unwrap();
        assert_eq!(at.format("%H:%M").to_string(), "09:00");
        assert!(parse_fixed("monday").unwrap_err().contains("COACHLOG_NOW"));
    }
}
