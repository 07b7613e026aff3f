//! Time as the coach lives it. Record stamps are UTC instants, shown as the day they fell
//! on where the coach is; a visit keeps the wall-clock time it was seen at together with
//! the UTC offset in force then, so that ordering and durations hold across a change of
//! the clocks (the hour from 01:00 to 02:00 happens twice on the night they go back).

use chrono::format::{DelayedFormat, StrftimeItems};
use chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeDelta, TimeZone,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// How wall-clock time relates to UTC where the coach is.
#[derive(Debug, Clone, Copy, Default)]
pub enum Zone {
    /// This machine's zone: the `TZ` variable (a name or a POSIX rule such as
    /// `EST5EDT,M3.2.0,M11.1.0`), or the system's setting.
    Local,
    /// Wall clock and UTC agree.
    #[default]
    Utc,
    /// A rule given as a function: the UTC offset in force at a UTC instant (tests and
    /// demos that must not depend on the machine).
    Rule(fn(NaiveDateTime) -> FixedOffset),
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        match (self, other) {
            (Zone::Local, Zone::Local) | (Zone::Utc, Zone::Utc) => true,
            (Zone::Rule(a), Zone::Rule(b)) => std::ptr::fn_addr_eq(*a, *b),
            _ => false,
        }
    }
}

const UTC_OFFSET: FixedOffset = match FixedOffset::east_opt(0) {
    Some(offset) => offset,
    None => unreachable!(),
};

impl Zone {
    /// The UTC offset in force at a UTC instant.
    pub fn offset_at(self, utc: NaiveDateTime) -> FixedOffset {
        match self {
            Zone::Local => chrono::Local.offset_from_utc_datetime(&utc),
            Zone::Utc => UTC_OFFSET,
            Zone::Rule(rule) => rule(utc),
        }
    }

    /// A UTC instant as it reads on this zone's clocks.
    pub fn at_instant(self, utc: NaiveDateTime) -> LocalTime {
        LocalTime::from_instant(utc, self.offset_at(utc))
    }

    /// The moment a wall-clock time names here. In the hour lived twice when the clocks go
    /// back it is the first of the two; a time skipped when they go forward is read with
    /// the offset before the change (02:30 becomes 03:30).
    pub fn at_wall(self, wall: NaiveDateTime) -> LocalTime {
        let day = TimeDelta::days(1);
        // The offsets in force a day either side hold every offset this wall time can have.
        let around = [wall.checked_sub_signed(day), wall.checked_add_signed(day)]
            .map(|near| self.offset_at(near.unwrap_or(wall)));
        let lived = around
            .iter()
            .filter_map(|&offset| {
                let utc = wall.checked_sub_offset(offset)?;
                (self.offset_at(utc) == offset).then_some(utc)
            })
            .min();
        match lived {
            Some(utc) => self.at_instant(utc),
            None => self.at_instant(wall.checked_sub_offset(around[0]).unwrap_or(wall)),
        }
    }
}

/// The day a UTC record stamp (`2026-11-23T14:05:09.123Z`) fell on in `zone`: a goal set at
/// 20:00 in New York on 23 November is of the 23rd, though it is the 24th in UTC.
pub fn local_day(stamp: &str, zone: Zone) -> Option<NaiveDate> {
    let utc = stamp.strip_suffix('Z')?;
    let utc = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
    Some(zone.at_instant(utc).date())
}

/// A moment as the coach lived it: the wall-clock time and the UTC offset in force then.
/// Ordered by the instant, and the difference of two is the real time between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LocalTime {
    wall: NaiveDateTime,
    offset: FixedOffset,
}

/// How the store writes a moment: to the minute, with its offset (`2026-11-23T10:42-05:00`;
/// SQLite's date functions read it as the instant).
const STORED: &str = "%Y-%m-%dT%H:%M%:z";

impl LocalTime {
    pub fn new(wall: NaiveDateTime, offset: FixedOffset) -> LocalTime {
        LocalTime { wall, offset }
    }

    /// A wall-clock time in UTC (offset zero).
    pub fn utc_wall(wall: NaiveDateTime) -> LocalTime {
        LocalTime::new(wall, UTC_OFFSET)
    }

    fn from_instant(utc: NaiveDateTime, offset: FixedOffset) -> LocalTime {
        LocalTime::new(utc.checked_add_offset(offset).unwrap_or(utc), offset)
    }

    /// The wall-clock time, as the coach read it.
    pub fn wall(self) -> NaiveDateTime {
        self.wall
    }

    pub fn offset(self) -> FixedOffset {
        self.offset
    }

    /// The day on the wall calendar.
    pub fn date(self) -> NaiveDate {
        self.wall.date()
    }

    pub fn time(self) -> NaiveTime {
        self.wall.time()
    }

    /// The instant, in UTC.
    pub fn utc(self) -> NaiveDateTime {
        self.wall
            .checked_sub_offset(self.offset)
            .unwrap_or(self.wall)
    }

    /// Formats the wall-clock time (`%z` gives the offset).
    pub fn format<'a>(self, format: &'a str) -> DelayedFormat<StrftimeItems<'a>> {
        self.with_offset().format(format)
    }

    fn with_offset(self) -> DateTime<FixedOffset> {
        DateTime::from_naive_utc_and_offset(self.utc(), self.offset)
    }

    /// The form the store writes: `2026-11-23T10:42-05:00`. Written by hand for the years
    /// a coach meets (a ten-year file writes thousands of them for its timeline's keys);
    /// others through the format string, which says the same.
    pub fn stored(self) -> String {
        use chrono::{Datelike, Timelike};
        let wall = self.wall;
        if !(0..=9999).contains(&wall.year()) {
            return self.format(STORED).to_string();
        }
        let offset = self.offset.local_minus_utc();
        let (sign, offset) = (if offset < 0 { '-' } else { '+' }, offset.abs());
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}{sign}{:02}:{:02}",
            wall.year(),
            wall.month(),
            wall.day(),
            wall.hour(),
            wall.minute(),
            offset / 3600,
            offset % 3600 / 60
        )
    }

    /// Reads a moment with its offset (`2026-11-23T10:42-05:00`, RFC 3339 with seconds);
    /// a wall-clock time alone (`2026-11-23T10:42`, as written before offsets were kept)
    /// is read with this machine's offset at that time: the zone it was written in.
    pub fn parse(text: &str) -> Option<LocalTime> {
        // The form the store writes, read by hand first: a ten-year file holds thousands.
        if let Some(at) = parse_stored(text) {
            return Some(at);
        }
        let with_offset = DateTime::parse_from_rfc3339(text)
            .or_else(|_| DateTime::parse_from_str(text, STORED))
            .ok();
        if let Some(at) = with_offset {
            return Some(LocalTime::new(at.naive_local(), *at.offset()));
        }
        ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
            .map(|wall| Zone::Local.at_wall(wall))
    }
}

impl Default for LocalTime {
    fn default() -> LocalTime {
        LocalTime::utc_wall(NaiveDateTime::default())
    }
}

impl Ord for LocalTime {
    fn cmp(&self, other: &LocalTime) -> Ordering {
        (self.utc(), self.offset.local_minus_utc())
            .cmp(&(other.utc(), other.offset.local_minus_utc()))
    }
}

impl PartialOrd for LocalTime {
    fn partial_cmp(&self, other: &LocalTime) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::ops::Sub for LocalTime {
    type Output = TimeDelta;
    /// The real time between two moments, whatever the clocks did in between.
    fn sub(self, earlier: LocalTime) -> TimeDelta {
        self.utc() - earlier.utc()
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.stored())
    }
}

/// RFC 3339 with its offset: `2026-11-23T10:42:00-05:00`.
impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(
            &self
                .with_offset()
                .to_rfc3339_opts(SecondsFormat::AutoSi, false),
        )
    }
}

/// Reads what [`LocalTime::parse`] reads, so drafts, change logs and exports written
/// before offsets were kept still open.
impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LocalTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        LocalTime::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" is not a time like 2026-11-23T10:42"))
        })
    }
}

/// The number written in `text` at `range`, digits only (no sign, no space).
fn digits(text: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = text.get(range)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// A day written `2026-11-23`, read without a format string (the way the store writes
/// days; anything else is `None`, for the general parser to read or refuse).
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(text, 0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(text, 5..7)?, digits(text, 8..10)?)
}

/// A moment as [`LocalTime::stored`] writes it, `2026-11-23T10:42-05:00`, read without a
/// format string; anything else is `None`.
fn parse_stored(text: &str) -> Option<LocalTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 22 || bytes[10] != b'T' || bytes[13] != b':' || bytes[19] != b':' {
        return None;
    }
    let sign = match bytes[16] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let day = parse_iso_day(text.get(0..10)?)?;
    let time = NaiveTime::from_hms_opt(digits(text, 11..13)?, digits(text, 14..16)?, 0)?;
    let offset = i32::try_from(digits(text, 17..19)? * 3600 + digits(text, 20..22)? * 60).ok()?;
    let offset = FixedOffset::east_opt(sign * offset)?;
    Some(LocalTime::new(day.and_time(time), offset))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stored_form_is_written_by_hand_as_the_format_string_writes_it() {
        let offsets = [
            0,
            -5 * 3600,
            5 * 3600 + 45 * 60,
            -(9 * 3600 + 30 * 60),
            14 * 3600,
        ];
        for (day, offset) in ["2026-11-23T10:42", "0001-01-01T00:00", "9999-12-31T23:59"]
            .iter()
            .flat_map(|day| offsets.iter().map(move |offset| (day, offset)))
        {
            let wall = NaiveDateTime::parse_from_str(day, "%Y-%m-%dT%H:%M").unwrap();
            let at = LocalTime::new(wall, FixedOffset::east_opt(*offset).unwrap());
            assert_eq!(at.stored(), at.format(STORED).to_string(), "{day} {offset}");
        }
    }

    #[test]
    fn the_stored_forms_read_by_hand_as_the_general_parser_reads_them() {
        for text in [
            "2026-11-23T10:42-05:00",
            "2026-03-08T02:30+00:00",
            "1999-12-31T23:59+05:45",
            "2027-01-01T00:00-09:30",
        ] {
            let general = DateTime::parse_from_str(text, STORED)
                .map(|at| LocalTime::new(at.naive_local(), *at.offset()));
            assert_eq!(parse_stored(text), general.ok(), "{text}");
            assert_eq!(
                LocalTime::parse(text).map(LocalTime::stored).as_deref(),
                Some(text)
            );
        }
        for day in ["2026-11-23", "2024-02-29", "0001-01-01"] {
            let general = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
            assert_eq!(parse_iso_day(day), general, "{day}");
        }
        // Not the stored form, or not a real day: left to the general parser, or refused.
        let days = [
            "2026-02-30",
            "2026-13-01",
            "2026-1-01",
            "+026-11-23",
            "2026-11-2x",
        ];
        assert!(days.iter().all(|day| parse_iso_day(day).is_none()));
        let moments = [
            "2026-11-23T10:42:00-05:00",
            "2026-11-23T25:00-05:00",
            "2026-11-23T10:42*05:00",
            "2026-11-23 10:42-05:00",
        ];
        assert!(moments.iter().all(|at| parse_stored(at).is_none()));
        // Those still read through the general parser when they are valid.
        assert!(LocalTime::parse("2026-11-23T10:42:00-05:00").is_some());
    }

    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    /// New York in 2026: daylight time from 8 March 07:00 UTC to 1 November 06:00 UTC.
    fn new_york(utc: NaiveDateTime) -> FixedOffset {
        let daylight = utc >= at("2026-03-08T07:00") && utc < at("2026-11-01T06:00");
        FixedOffset::west_opt(if daylight { 4 } else { 5 } * 3600).unwrap()
    }

    const NEW_YORK: Zone = Zone::Rule(new_york);

    #[test]
    fn a_stamp_shows_as_the_day_it_was_where_the_coach_is() {
        let evening = "2026-11-24T01:00:00.000Z";
        assert_eq!(
            local_day(evening, NEW_YORK),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(
            local_day(evening, Zone::Utc),
            NaiveDate::from_ymd_opt(2026, 11, 24)
        );
        assert_eq!(
            local_day("2026-07-01T03:59:59.999Z", NEW_YORK),
            NaiveDate::from_ymd_opt(2026, 6, 30),
            "summer: four hours behind"
        );
        assert_eq!(
            local_day("2026-11-24", NEW_YORK),
            None,
            "a day is not a stamp"
        );
        assert_eq!(local_day("", NEW_YORK), None);
    }

    #[test]
    fn the_hour_lived_twice_is_ordered_and_measured_by_the_instant() {
        let daylight = FixedOffset::west_opt(4 * 3600).unwrap();
        let standard = FixedOffset::west_opt(5 * 3600).unwrap();
        let first = LocalTime::new(at("2026-11-01T01:30"), daylight);
        let second = LocalTime::new(at("2026-11-01T01:10"), standard);
        assert!(first < second, "01:30 EDT came before 01:10 EST");
        assert_eq!((second - first).num_minutes(), 40);
        assert_eq!(
            NEW_YORK.at_wall(at("2026-11-01T01:30")),
            first,
            "a typed time in the repeated hour is the first one"
        );
        assert_eq!(NEW_YORK.at_instant(second.utc()), second);
    }

    #[test]
    fn a_time_the_clocks_skip_reads_as_the_hour_after() {
        let skipped = NEW_YORK.at_wall(at("2026-03-08T02:30"));
        assert_eq!(skipped.format("%H:%M %z").to_string(), "03:30 -0400");
        let winter = NEW_YORK.at_wall(at("2026-01-15T10:00"));
        assert_eq!(winter.offset(), FixedOffset::west_opt(5 * 3600).unwrap());
    }

    #[test]
    fn a_moment_is_stored_and_exported_with_its_offset_and_read_back() {
        let moment = NEW_YORK.at_wall(at("2026-11-23T10:42"));
        assert_eq!(moment.stored(), "2026-11-23T10:42-05:00");
        assert_eq!(LocalTime::parse(&moment.stored()), Some(moment));
        let json = serde_json::to_string(&moment).unwrap();
        assert_eq!(json, "\"2026-11-23T10:42:00-05:00\"");
        assert_eq!(serde_json::from_str::<LocalTime>(&json).unwrap(), moment);
        assert!(serde_json::from_str::<LocalTime>("\"monday\"").is_err());
    }

    #[test]
    fn a_time_written_without_an_offset_reads_in_this_machines_zone() {
        let wall = at("2026-11-23T10:42");
        let read = LocalTime::parse("2026-11-23T10:42").unwrap();
        assert_eq!(read.wall(), wall);
        assert_eq!(read, Zone::Local.at_wall(wall));
        let draft: LocalTime = serde_json::from_str("\"2026-11-23T10:42:00\"").unwrap();
        assert_eq!(
            draft.wall(),
            wall,
            "an old draft opens at the time it showed"
        );
    }
}
