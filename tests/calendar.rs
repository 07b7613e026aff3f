//! `coachlog calendar`: the check-ins due and the open actions with a due date as an
//! iCalendar file that calendar programs import.

mod common;

use coachlog::db::Store;
use common::{clock, day};
use icalendar::Component;
use std::collections::BTreeMap;
use std::process::Command;

#[test]
fn the_calendar_holds_every_check_in_due_and_every_dated_open_action_and_parses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let mut store = Store::open(&db, clock()).unwrap();
    coachlog::demo::load(&mut store, day("2026-11-23")).unwrap();
    let today = day("2026-11-23");
    // What the file must hold, from the store: each uid and the day it is on.
    let mut expected = BTreeMap::new();
    for row in store.roster(false).unwrap() {
        if let Some(due) = row.next_check_in {
            let uid = format!("check-in-{}@coachlog", row.teacher.meta.id);
            expected.insert(uid, due.max(today));
        }
    }
    for action in store.open_actions().unwrap() {
        if let Some(due) = action.due_on {
            expected.insert(format!("action-{}@coachlog", action.id), due.max(today));
        }
    }
    assert!(expected.len() > 5, "the demo has check-ins and actions due");
    drop(store);

    let ics = dir.path().join("coaching.ics");
    let output = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(&db)
        .args(["calendar", "-o"])
        .arg(&ics)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Readable by the coach only: names and actions are personnel notes.
    common::assert_owner_only(&ics);
    let text = std::fs::read_to_string(&ics).unwrap();

    // RFC 5545: CRLF line ends, lines of at most 75 octets, the calendar's required
    // properties, and in each event a UID, a DTSTAMP and a DTSTART.
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "a bare line feed: {line:?}");
        assert!(line.len() <= 75, "a line over 75 octets: {line:?}");
    }
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("\r\nVERSION:2.0\r\n") && text.contains("\r\nPRODID:-//coachlog//"));

    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let calendar: icalendar::Calendar = calendar.into();
    let mut found = BTreeMap::new();
    for component in &calendar.components {
        let icalendar::CalendarComponent::Event(event) = component else {
            panic!("only events: {component:?}");
        };
        assert!(event.property_value("DTSTAMP").is_some());
        assert_eq!(event.property_value("CLASS"), Some("PRIVATE"));
        let start = match event.get_start() {
            Some(icalendar::DatePerhapsTime::Date(date)) => date,
            other => panic!("an all-day entry: {other:?}"),
        };
        assert_eq!(
            event.get_end(),
            Some(icalendar::DatePerhapsTime::Date(start.succ_opt().unwrap())),
            "an all-day event ends, exclusively, the next day"
        );
        assert!(event.get_summary().is_some_and(|s| !s.is_empty()));
        found.insert(event.get_uid().unwrap().to_owned(), start);
    }
    assert_eq!(found, expected);
}

#[test]
fn an_empty_calendar_says_why_it_has_no_entries() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let mut store = Store::open(&db, clock()).unwrap();
    // A caseload just imported: nobody has had a check-in yet.
    common::teacher(&mut store, "Okafor, Ngozi", "Eastside Middle", "Science");
    drop(store);
    let ics = dir.path().join("c.ics");
    let output = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(&db)
        .args(["calendar", "-o"])
        .arg(&ics)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.starts_with("wrote 0 entries to "), "{said}");
    assert!(
        said.contains(
            ": no check-in is due and no open action has a due date; a teacher with no check-in yet has no date until the first one is held"
        ),
        "{said}"
    );
}
