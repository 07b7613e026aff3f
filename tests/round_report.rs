//! `coachlog round report`: a walkthrough round's classrooms and marks, who needs more
//! support and the practice over time, as Markdown, HTML and CSV; compared with reviewed
//! golden files, and the numbers with the round's own tally.

mod common;

use coachlog::db::Store;
use coachlog::model::*;
use common::process::coachlog;
use common::{add, clock, golden, moment, teacher};
use std::path::Path;

fn mark(
    store: &mut Store,
    round: &str,
    teacher: &str,
    (at, mark): (&str, PracticeMark),
    (evidence, private): (&str, bool),
) {
    add(
        store,
        AnyRecord::Observation(Observation {
            teacher_id: teacher.into(),
            observed_at: moment(at),
            evidence: evidence.into(),
            walkthrough_id: Some(round.into()),
            practice_mark: Some(mark),
            private,
            ..Observation::default()
        }),
    );
}

/// Two rounds on one practice (the second with a classroom still to visit, a private
/// note and names that Markdown and HTML must escape) and one on another practice.
fn school(dir: &Path) -> (std::path::PathBuf, String) {
    let db = dir.join("school.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let okafor = teacher(
        &mut store,
        "Okafor, Ngozi",
        "Eastside Middle",
        "Grade 7 Science",
    );
    let lee = teacher(&mut store, "Lee | Min <b>", "Eastside Middle", "Music");
    let park = teacher(&mut store, "Park, Eve", "Northgate", "=SUM(A1)");
    let diaz = teacher(&mut store, "Diaz, Ana", "Northgate", "Art");
    let round = |store: &mut Store, practice: &str, on: &str, ids: &[&String]| {
        add(
            store,
            AnyRecord::Walkthrough(Walkthrough {
                practice: practice.into(),
                held_on: on.parse().unwrap(),
                teacher_ids: ids.iter().map(|id| (*id).clone()).collect(),
                notes: "After the October PD on learning targets.\nFollow up at the staff meeting."
                    .into(),
                ..Walkthrough::default()
            }),
        )
    };
    let practice = "Students explain the learning target";
    let first = round(&mut store, practice, "2026-10-05", &[&okafor, &lee, &park]);
    mark(
        &mut store,
        &first,
        &okafor,
        ("2026-10-05T09:00", PracticeMark::NotSeen),
        ("Target posted, not referred to.", false),
    );
    mark(
        &mut store,
        &first,
        &lee,
        ("2026-10-05T09:20", PracticeMark::Partly),
        ("Two students could say it.", false),
    );
    mark(
        &mut store,
        &first,
        &park,
        ("2026-10-05T09:40", PracticeMark::NotSeen),
        ("No target visible.", false),
    );
    let other = round(&mut store, "Exit tickets", "2026-10-20", &[&okafor]);
    mark(
        &mut store,
        &other,
        &okafor,
        ("2026-10-20T10:00", PracticeMark::Seen),
        ("All collected.", false),
    );
    let second = round(
        &mut store,
        " students explain the Learning target",
        "2026-11-23",
        &[&okafor, &lee, &park, &diaz],
    );
    mark(
        &mut store,
        &second,
        &okafor,
        ("2026-11-23T09:00", PracticeMark::Seen),
        (
            "Every student I asked could say the target: [link](javascript:x)",
            false,
        ),
    );
    mark(
        &mut store,
        &second,
        &lee,
        ("2026-11-23T09:15", PracticeMark::Partly),
        ("Family matter came up; talk privately.", true),
    );
    mark(
        &mut store,
        &second,
        &park,
        ("2026-11-23T09:30", PracticeMark::NotSeen),
        ("-Target on the board only", false),
    );
    (db, second)
}

#[test]
fn a_rounds_report_reads_as_reviewed_in_every_format_and_keeps_private_notes_out() {
    let dir = tempfile::tempdir().unwrap();
    let (db, second) = school(dir.path());
    for (format, name) in [
        ("md", "round.md"),
        ("html", "round.html"),
        ("csv", "round.csv"),
    ] {
        let output = coachlog(&db, &["round", "report", "last", "-f", format]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report = String::from_utf8(output.stdout).unwrap();
        assert!(
            !report.contains("Family matter"),
            "{format}: a private note"
        );
        golden(name, &report);
    }
    // The start of the id names the same round: the shortest start past its first ten
    // letters that no other round's id has (rounds made in the same millisecond share
    // those ten, and count on from one another in the rest).
    let ids: Vec<String> = Store::open(&db, clock())
        .unwrap()
        .walkthroughs()
        .unwrap()
        .into_iter()
        .map(|round| round.meta.id)
        .collect();
    let start = (11..=second.len())
        .map(|len| &second[..len])
        .find(|start| ids.iter().filter(|id| id.starts_with(start)).count() == 1)
        .unwrap();
    let by_id = coachlog(&db, &["round", "report", start]);
    let last = coachlog(&db, &["round", "report", "last"]);
    assert_eq!(by_id.stdout, last.stdout);
}

#[test]
fn the_reports_numbers_are_the_rounds_own() {
    let dir = tempfile::tempdir().unwrap();
    let (db, second) = school(dir.path());
    let store = Store::open(&db, clock()).unwrap();
    let round = store.round(&second).unwrap().unwrap();
    let report = String::from_utf8(coachlog(&db, &["round", "report", "last"]).stdout).unwrap();
    assert!(
        report.contains(&format!("**{}**", round.tally().summary())),
        "{report}"
    );
    for teacher in round.need_support() {
        let name = teacher.name.replace('<', "\\<");
        assert!(
            report.contains(&format!("- {name} (")),
            "{name} needs support: {report}"
        );
    }
    let listed = String::from_utf8(coachlog(&db, &["round", "list"]).stdout).unwrap();
    assert_eq!(listed.lines().count(), 3);
    assert!(
        listed.starts_with(&format!("{second}\t2026-11-23\t")),
        "{listed}"
    );
    assert!(
        listed
            .lines()
            .next()
            .unwrap()
            .ends_with(&round.tally().summary())
    );
}

#[test]
fn a_round_that_cannot_be_told_apart_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = school(dir.path());
    let none = coachlog(&db, &["round", "report", "ZZZZZZ"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&none.stderr),
        "coachlog: no round has the id ZZZZZZ; coachlog round list shows them\n"
    );
}

#[test]
fn a_mark_saved_without_a_note_has_an_empty_note_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let okafor = teacher(
        &mut store,
        "Okafor, Ngozi",
        "Eastside Middle",
        "Grade 7 Science",
    );
    let practice = "Students explain the learning target";
    let round = add(
        &mut store,
        AnyRecord::Walkthrough(Walkthrough {
            practice: practice.into(),
            held_on: "2026-11-23".parse().unwrap(),
            teacher_ids: vec![okafor.clone()],
            ..Walkthrough::default()
        }),
    );
    // What the app keeps as the evidence of a mark saved with the note left empty.
    mark(
        &mut store,
        &round,
        &okafor,
        ("2026-11-23T09:00", PracticeMark::Partly),
        (&format!("Walkthrough: {practice} (partly)"), false),
    );
    drop(store);
    for format in ["md", "html", "csv"] {
        let output = coachlog(&db, &["round", "report", "last", "-f", format]);
        let report = String::from_utf8(output.stdout).unwrap();
        assert!(report.contains("Okafor, Ngozi"), "{format}: {report}");
        assert!(!report.contains("Walkthrough:"), "{format}: {report}");
    }
}
