//! The app's one source of "now", injected so that tests and demos can freeze it, and the
//! zone the coach is in, so that UTC record stamps show as the coach's days.

use crate::model::{LocalTime, Zone};
use chrono::{Local, NaiveDate, NaiveDateTime, Utc};

/// Where the current time comes from.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// The system clock, in this machine's zone.
    System,
    /// A frozen time in UTC: record stamps carry the same wall-clock value.
    Fixed(NaiveDateTime),
    /// A frozen moment in a zone: record stamps are its UTC instant.
    Zoned(LocalTime, Zone),
}

impl Clock {
    /// Read `COACHLOG_NOW` (`2026-11-23T10:42`, `2026-11-23`, or with an offset
    /// `2026-11-01T01:10-05:00`) if set, for demos and end-to-end tests: a frozen time in
    /// this machine's zone (`TZ`). Otherwise the system clock.
    pub fn from_env() -> Result<Clock, String> {
        match std::env::var("COACHLOG_NOW") {
            Ok(text) if !text.trim().is_empty() => {
                parse_fixed(text.trim()).map(|at| Clock::Zoned(at, Zone::Local))
            }
            _ => Ok(Clock::System),
        }
    }

    /// A clock frozen at a wall-clock time in `zone` (in the hour lived twice, the first).
    pub fn frozen(wall: NaiveDateTime, zone: Zone) -> Clock {
        Clock::Zoned(zone.at_wall(wall), zone)
    }

    /// The zone the coach is in: record stamps show as days there.
    pub fn zone(&self) -> Zone {
        match self {
            Clock::System => Zone::Local,
            Clock::Fixed(_) => Zone::Utc,
            Clock::Zoned(_, zone) => *zone,
        }
    }

    /// Now, with the UTC offset in force.
    pub fn local_now(&self) -> LocalTime {
        match self {
            Clock::System => {
                let now = Local::now();
                LocalTime::new(now.naive_local(), *now.offset())
            }
            Clock::Fixed(at) => LocalTime::utc_wall(*at),
            Clock::Zoned(at, _) => *at,
        }
    }

    /// Local wall-clock time now.
    pub fn now(&self) -> NaiveDateTime {
        self.local_now().wall()
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// A UTC record stamp, fixed width with milliseconds: `2026-11-23T14:05:09.123Z`.
    pub fn stamp(&self) -> String {
        let utc = match self {
            Clock::System => Utc::now().naive_utc(),
            frozen => frozen.local_now().utc(),
        };
        utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    }
}

fn parse_fixed(text: &str) -> Result<LocalTime, String> {
    if let Some(at) = LocalTime::parse(text) {
        return Ok(at);
    }
    for format in ["%Y-%m-%d %H:%M", "%Y-%m-%d"] {
        let wall = NaiveDateTime::parse_from_str(text, format)
            .ok()
            .or_else(|| {
                NaiveDate::parse_from_str(text, format)
                    .ok()
                    .and_then(|day| day.and_hms_opt(9, 0, 0))
            });
        if let Some(wall) = wall {
            return Ok(Zone::Local.at_wall(wall));
        }
    }
    Err(format!(
        "COACHLOG_NOW=\"{text}\" is not a time like 2026-11-23T10:42"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn fixed_clock_stamps_fixed_width_utc_with_milliseconds() {
        assert_eq!(
            Clock::Fixed(at("2026-11-23T14:05:09")).stamp(),
            "2026-11-23T14:05:09.000Z"
        );
        assert_eq!(
            Clock::System.stamp().len(),
            "2026-11-23T14:05:09.123Z".len()
        );
    }

    #[test]
    fn a_clock_in_a_zone_stamps_the_utc_instant_of_its_local_time() {
        let five_behind = Zone::Rule(|_| FixedOffset::west_opt(5 * 3600).unwrap());
        let clock = Clock::frozen(at("2026-11-23T20:00:00"), five_behind);
        assert_eq!(clock.stamp(), "2026-11-24T01:00:00.000Z");
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        assert_eq!(clock.now(), at("2026-11-23T20:00:00"));
    }

    #[test]
    fn a_date_alone_means_nine_in_the_morning_and_nonsense_is_refused() {
        let at = parse_fixed("2026-11-23").unwrap();
        assert_eq!(at.format("%H:%M").to_string(), "09:00");
        assert_eq!(
            parse_fixed("2026-11-01T01:10-05:00").unwrap().offset(),
            FixedOffset::west_opt(5 * 3600).unwrap(),
            "an offset given picks the hour"
        );
        assert!(parse_fixed("monday").unwrap_err().contains("COACHLOG_NOW"));
    }
}
