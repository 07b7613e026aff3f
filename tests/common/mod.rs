//! Shared helpers for the integration tests: a small caseload on a temp file with a
//! frozen clock, built through the same commands the app uses.
#![allow(dead_code)]

pub mod keys;
pub mod process;
pub mod pty;
pub mod screen;
pub mod upgrade;

use chrono::{NaiveDate, NaiveDateTime};
use coachlog::clock::Clock;
use coachlog::db::{Command, Store};
use coachlog::model::*;

pub fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("a test time")
}

/// A wall-clock time in UTC, the zone every test lives in unless it says otherwise.
pub fn moment(text: &str) -> LocalTime {
    LocalTime::utc_wall(at(text))
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

/// Monday 23 November 2026, 10:42: the day every test lives in.
pub fn clock() -> Clock {
    Clock::Fixed(at("2026-11-23T10:42"))
}

pub fn empty_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::open(&dir.path().join("coachlog.db"), clock()).expect("open");
    (dir, store)
}

/// Asks `worker` (a reader on a thread of its own) for `request` and waits for its
/// answer, as the main loop would hand it over.
pub fn answer_of<Request, Answer>(
    worker: &coachlog::db::Worker<Request, Answer>,
    request: Request,
) -> Answer {
    worker.ask(request);
    let started = std::time::Instant::now();
    loop {
        if let Some(answer) = worker.answer() {
            return answer;
        }
        assert!(started.elapsed().as_secs() < 10, "no answer");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

pub fn add(store: &mut Store, record: AnyRecord) -> String {
    let applied = store.apply(Command::Add(record)).expect("add");
    applied.added_id().expect("an id").to_owned()
}

pub fn teacher(store: &mut Store, name: &str, school: &str, subject: &str) -> String {
    add(
        store,
        AnyRecord::Teacher(Teacher {
            name: name.into(),
            school: school.into(),
            subject: subject.into(),
            cadence_days: 14,
            ..Teacher::default()
        }),
    )
}

pub fn observe(store: &mut Store, teacher_id: &str, when: &str, rating: u8, evidence: &str) {
    add(
        store,
        AnyRecord::Observation(Observation {
            teacher_id: teacher_id.into(),
            observed_at: moment(when),
            rating: Rating::new(rating),
            evidence: evidence.into(),
            minutes: Some(10),
            ..Observation::default()
        }),
    );
}

/// Three teachers: Smith with a focus, a goal, ratings, a check-in and actions; Okafor
/// overdue and not seen for three weeks; Brandt with nothing yet.
pub fn caseload() -> (tempfile::TempDir, Store, String) {
    let (dir, mut store) = empty_store();
    let smith = teacher(
        &mut store,
        "Smith, Dan",
        "Eastside Middle",
        "Grade 7 Science",
    );
    let goal = add(
        &mut store,
        AnyRecord::Goal(Goal {
            teacher_id: smith.clone(),
            statement: "Students on task in the first 10 minutes".into(),
            why: "The first minutes set the lesson's pace.".into(),
            measure: "students on task at minute 10".into(),
            unit: "%".into(),
            baseline: Some(32.0),
            target: Some(85.0),
            target_on: Some(day("2027-01-29")),
            ..Goal::default()
        }),
    );
    for (on, value, note) in [
        ("2026-09-10", 32.0, "9/28 on task"),
        ("2026-11-20", 86.0, "24/28 on task"),
    ] {
        add(
            &mut store,
            AnyRecord::Measure(Measure {
                goal_id: goal.clone(),
                measured_on: day(on),
                value,
                note: note.into(),
                ..Measure::default()
            }),
        );
    }
    store
        .apply(Command::SetFocus {
            focus: Focus {
                teacher_id: smith.clone(),
                goal_id: Some(goal),
                statement: "Warm-up connects to the day's learning target".into(),
                look_fors: vec![
                    "posted".into(),
                    "names target".into(),
                    "students explain".into(),
                ],
                started_on: day("2026-10-12"),
                ..Focus::default()
            },
            previous_outcome: None,
        })
        .expect("focus");
    observe(
        &mut store,
        &smith,
        "2026-10-14T10:36",
        1,
        "Warm-up not posted; 6 of 28 off task at 10:40.",
    );
    observe(
        &mut store,
        &smith,
        "2026-10-28T10:30",
        2,
        "Warm-up posted before the bell.",
    );
    store
        .apply(Command::HoldCheckIn {
            check_in: CheckIn {
                teacher_id: smith.clone(),
                held_on: day("2026-11-09"),
                notes: "Warm-up now posted daily. Next: students explain the target.".into(),
                reflection: "Kelly stays in class now.".into(),
                next_on: Some(day("2026-11-26")),
                ..CheckIn::default()
            },
            done: vec![],
            carried: vec![],
            new_actions: vec![
                Action {
                    what: "Post warm-up before bell".into(),
                    owner: "Dan".into(),
                    due_on: Some(day("2026-11-27")),
                    ..Action::default()
                },
                Action {
                    what: "Share exit-ticket data".into(),
                    owner: "coach".into(),
                    due_on: Some(day("2026-11-21")),
                    ..Action::default()
                },
            ],
            measures: vec![],
        })
        .expect("check-in");
    observe(
        &mut store,
        &smith,
        "2026-11-20T10:36",
        3,
        "Students explained the target to a partner.",
    );

    let okafor = teacher(
        &mut store,
        "Okafor, Ngozi",
        "Eastside Middle",
        "Grade 8 Math",
    );
    store
        .apply(Command::SetFocus {
            focus: Focus {
                teacher_id: okafor.clone(),
                statement: "Cold call with wait time".into(),
                started_on: day("2026-09-14"),
                ..Focus::default()
            },
            previous_outcome: None,
        })
        .expect("focus");
    observe(
        &mut store,
        &okafor,
        "2026-11-02T09:10",
        3,
        "Waited 3 seconds after each question.",
    );
    add(
        &mut store,
        AnyRecord::CheckIn(CheckIn {
            teacher_id: okafor,
            held_on: day("2026-11-05"),
            next_on: Some(day("2026-11-19")),
            ..CheckIn::default()
        }),
    );
    teacher(
        &mut store,
        "Brandt, Felix",
        "Eastside Middle",
        "Grade 6 ELA",
    );
    (dir, store, smith)
}

/// New York in 2026 as a fixed rule, so no test depends on the machine's zone: daylight
/// time (UTC-4) from 8 March 07:00 UTC to 1 November 06:00 UTC, standard time (UTC-5)
/// either side. On 1 November the hour from 01:00 to 02:00 is lived twice.
pub fn new_york(utc: NaiveDateTime) -> chrono::FixedOffset {
    let daylight = utc >= at("2026-03-08T07:00") && utc < at("2026-11-01T06:00");
    chrono::FixedOffset::west_opt(if daylight { 4 } else { 5 } * 3600).expect("an offset")
}

pub const NEW_YORK: Zone = Zone::Rule(new_york);

/// An empty store whose clock is frozen at a wall-clock time in New York.
pub fn store_in_new_york(when: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let clock = Clock::frozen(at(when), NEW_YORK);
    let store = Store::open(&dir.path().join("coachlog.db"), clock).expect("open");
    (dir, store)
}

/// Asserts that `path` is its owner's alone: mode 0600 for a file, 0700 for a folder. On
/// Unix only: there owner-only is the mode coachlog sets. On Windows nothing is set on the
/// file; it inherits the access list of the folder under the user's profile it lives in,
/// so there is nothing on the file itself to check, and this does nothing.
#[track_caller]
pub fn assert_owner_only(path: &std::path::Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777;
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(
            mode,
            expected,
            "{} is {mode:o}, not readable by its owner only",
            path.display()
        );
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Compares with `tests/golden/NAME`, or rewrites it when `UPDATE_GOLDEN` is set.
pub fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; create it with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             If the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff.",
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            actual.lines().nth(line).unwrap_or("")
        );
    }
}
