//! The coach's calendar as an iCalendar file (RFC 5545), written by the `icalendar` crate:
//! one all-day event for each entry, marked private, with an id that stays the same from
//! one export to the next.

use crate::model::calendar::{Entry, entries};
use crate::model::{OpenAction, RosterRow};
use chrono::NaiveDateTime;
use icalendar::{Calendar, Class, Component, Event, EventLike, Property};

/// The calendar as of `today`: every teacher's next check-in and every open action with a
/// due date (see [`entries`]), stamped with `now_utc`.
pub fn write(
    rows: &[RosterRow],
    actions: &[OpenAction],
    today: chrono::NaiveDate,
    now_utc: NaiveDateTime,
) -> String {
    ics(&entries(rows, actions, today), now_utc)
}

/// The `.ics` text, stamped with `now_utc` (`DTSTAMP`).
pub fn ics(entries: &[Entry], now_utc: NaiveDateTime) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            concat!("-//coachlog//coachlog ", env!("CARGO_PKG_VERSION"), "//EN"),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name("coachlog");
    for entry in entries {
        calendar.push(
            Event::new()
                .uid(&entry.uid)
                .timestamp(now_utc.and_utc())
                // An all-day event ends (exclusively) the next day: an end on its own
                // start day is an event of no length, which some programs drop.
                .starts(entry.date)
                .ends(entry.date.succ_opt().unwrap_or(entry.date))
                .summary(&entry.summary)
                .description(&entry.description)
                .class(Class::Private)
                .done(),
        );
    }
    calendar.done().to_string()
}
