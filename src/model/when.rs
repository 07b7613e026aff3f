//! When things happened: an observation or a check-in is of the past, never the future.

use super::LocalTime;
use chrono::{NaiveDate, TimeDelta};

/// How far ahead of this machine's clock a time may be and still count as now: another
/// device's clock, or a time typed to the minute a little early.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// Refuses a moment later than `now` (past the allowed skew), saying why. Compared as
/// instants, so a time in the hour lived twice is judged by when it really was.
pub fn not_in_future(at: LocalTime, now: LocalTime) -> Result<LocalTime, String> {
    if at - now > TimeDelta::minutes(CLOCK_SKEW_MINUTES) {
        Err(format!(
            "{} is in the future; give the time it happened (now is {})",
            at.format("%a %-d %b %Y %H:%M"),
            now.format("%a %-d %b %H:%M")
        ))
    } else {
        Ok(at)
    }
}

/// Refuses a day after `today`, saying why.
pub fn not_after_today(day: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    if day > today {
        Err(format!(
            "{} is in the future; give the day it happened",
            day.format("%a %-d %b %Y")
        ))
    } else {
        Ok(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn at(text: &str) -> LocalTime {
        LocalTime::utc_wall(NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap())
    }

    #[test]
    fn a_time_a_few_minutes_ahead_is_clock_skew_and_later_is_refused() {
        let now = at("2026-11-23T10:42");
        assert_eq!(
            not_in_future(at("2026-11-23T10:47"), now),
            Ok(at("2026-11-23T10:47"))
        );
        let refused = not_in_future(at("2026-11-23T10:48"), now).unwrap_err();
        assert!(
            refused.contains("Mon 23 Nov 2026 10:48 is in the future"),
            "{refused}"
        );
        assert!(not_in_future(at("2026-11-24T09:00"), now).is_err());
        assert!(not_in_future(at("2025-11-24T09:00"), now).is_ok());
    }

    #[test]
    fn a_day_after_today_is_refused_and_today_is_not() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(not_after_today(today, today), Ok(today));
        let tomorrow = today.succ_opt().unwrap();
        assert!(
            not_after_today(tomorrow, today)
                .unwrap_err()
                .contains("Tue 24 Nov 2026")
        );
    }
}
