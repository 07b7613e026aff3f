//! `coachlog time`: where the coach's time went, by kind, role, person or school, as a
//! table, Markdown and CSV; and the anonymous report, which must hold no name, no school
//! when by person, and no word of any note, private or not.

mod common;

use coachlog::db::{Command, Store};
use coachlog::model::time_spent::activities;
use coachlog::model::*;
use common::process::{coachlog, stderr, stdout};
use common::{add, clock, day, moment};
use std::path::{Path, PathBuf};

/// Every name, school and note of the fixture: none may reach an anonymous report.
const NAMES: [&str; 3] = ["Quillfeather", "Marchetti", "Okonkwo"];
const SCHOOLS: [&str; 2] = ["Marigold Academy", "Thistledown Middle"];
const NOTES: [&str; 9] = [
    "zebracorn",
    "plumtreasure",
    "kumquatnote",
    "reflectwombat",
    "strengthotter",
    "supportnarwhal",
    "Quimby",
    "practicelynx",
    "marknotebadger",
];

fn person(store: &mut Store, name: &str, school: &str, role: Role) -> String {
    add(
        store,
        AnyRecord::Teacher(Teacher {
            name: name.into(),
            school: school.into(),
            role,
            cadence_days: 14,
            ..Teacher::default()
        }),
    )
}

/// November 2026 (the clock says the 23rd): Quillfeather observed (20 min, and a private
/// visit of 15), marked in a round (no minutes), coached (30) and in an old check-in with
/// no minutes; Okonkwo given co-planning (45); Marchetti, a leader, in a leader check-in
/// (60). One visit in October (10), and one of 500 minutes in the trash.
fn school(dir: &Path) -> PathBuf {
    let db = dir.join("time.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let quill = person(
        &mut store,
        "Quillfeather, Zed",
        "Marigold Academy",
        Role::Teacher,
    );
    let okonkwo = person(
        &mut store,
        "Okonkwo, Ada",
        "Thistledown Middle",
        Role::Teacher,
    );
    let marchetti = person(
        &mut store,
        "Marchetti, Lia",
        "Marigold Academy",
        Role::Leader,
    );
    let visit = |store: &mut Store, at: &str, minutes, evidence: &str, private| {
        add(
            store,
            AnyRecord::Observation(Observation {
                teacher_id: quill.clone(),
                observed_at: moment(at),
                minutes,
                evidence: evidence.into(),
                private,
                ..Observation::default()
            }),
        )
    };
    visit(
        &mut store,
        "2026-11-02T09:00",
        Some(20),
        "zebracorn seen",
        false,
    );
    visit(
        &mut store,
        "2026-11-03T09:00",
        Some(15),
        "plumtreasure",
        true,
    );
    visit(
        &mut store,
        "2026-10-30T09:00",
        Some(10),
        "zebracorn again",
        false,
    );
    let trashed = visit(
        &mut store,
        "2026-11-04T09:00",
        Some(500),
        "zebracorn",
        false,
    );
    store
        .apply(Command::Delete {
            kind: Kind::Observation,
            id: trashed,
        })
        .unwrap();
    let round = add(
        &mut store,
        AnyRecord::Walkthrough(Walkthrough {
            practice: "practicelynx".into(),
            held_on: day("2026-11-05"),
            teacher_ids: vec![quill.clone()],
            notes: "practicelynx notes".into(),
            ..Walkthrough::default()
        }),
    );
    add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: quill.clone(),
            observed_at: moment("2026-11-05T10:00"),
            evidence: "marknotebadger".into(),
            walkthrough_id: Some(round),
            practice_mark: Some(PracticeMark::Partly),
            ..Observation::default()
        }),
    );
    let check_in = |store: &mut Store, teacher: &str, on: &str, kind, minutes| {
        add(
            store,
            AnyRecord::CheckIn(CheckIn {
                teacher_id: teacher.into(),
                held_on: day(on),
                kind,
                minutes,
                notes: "kumquatnote".into(),
                reflection: "reflectwombat".into(),
                feedback_strength: "strengthotter".into(),
                ..CheckIn::default()
            }),
        );
    };
    check_in(
        &mut store,
        &quill,
        "2026-11-09",
        CheckInKind::Coaching,
        Some(30),
    );
    check_in(
        &mut store,
        &quill,
        "2026-11-10",
        CheckInKind::Feedback,
        None,
    );
    check_in(
        &mut store,
        &marchetti,
        "2026-11-20",
        CheckInKind::Leader,
        Some(60),
    );
    add(
        &mut store,
        AnyRecord::Support(Support {
            teacher_id: okonkwo,
            kind: SupportKind::CoPlanning,
            given_on: day("2026-11-12"),
            given_by: "Quimby".into(),
            note: "supportnarwhal".into(),
            minutes: Some(45),
            ..Support::default()
        }),
    );
    db
}

fn time(db: &Path, args: &[&str]) -> String {
    let mut all = vec!["time"];
    all.extend_from_slice(args);
    let output = coachlog(db, &all);
    assert!(output.status.success(), "{all:?}: {}", stderr(&output));
    stdout(&output)
}

#[test]
fn the_store_reads_the_activities_the_whole_caseload_holds_without_their_words() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&school(dir.path()), clock()).unwrap();
    let (people, mut read) = store.time_spent().unwrap();
    let mut expected = activities(&store.caseload().unwrap());
    let order = |a: &time_spent::Activity| (a.person_id.clone(), a.on, a.kind.label());
    read.sort_by_key(order);
    expected.sort_by_key(order);
    assert_eq!(read, expected);
    assert_eq!(read.len(), 8, "the trashed visit is not read");
    assert_eq!(people.len(), 3);
}

#[test]
fn coachlog_time_sums_the_minutes_by_kind_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    let table = time(&db, &["--since", "2026-11-01"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "Time by kind · since 1 Nov 2026");
    assert_eq!(
        &lines[2..],
        [
            "kind                  activities  minutes        time  share  no minutes",
            "leader check-in                1       60         1 h    35%           0",
            "support: co-planning           1       45      45 min    26%           0",
            "observation                    2       35      35 min    21%           0",
            "coaching check-in              1       30      30 min    18%           0",
            "feedback check-in              1        0       0 min     0%           1",
            "walkthrough mark               1        0       0 min     0%           1",
            "────────────────────────────────────────────────────────────────────────",
            "total                          7      170  2 h 50 min   100%           2",
            "",
            "2 activities have no minutes recorded: they are counted as activities, not in the minutes.",
        ]
    );
    let all = time(&db, &["--by", "role"]);
    assert!(
        all.contains("teacher                 7      120   2 h    67%           2"),
        "October's visit counts without --since; the trashed one never:\n{all}"
    );
}

#[test]
fn coachlog_time_writes_markdown_and_csv_over_the_days_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    let period = ["--since", "2026-11-02", "--until", "2026-11-12"];
    let csv = time(
        &db,
        &[&period[..], &["--by", "person", "-f", "csv"]].concat(),
    );
    assert_eq!(
        csv,
        "person,activities,minutes,share_percent,no_minutes\n\
         \"Quillfeather, Zed\",5,65,59,2\n\
         \"Okonkwo, Ada\",1,45,41,0\n\
         total,6,110,100,2\n",
        "Marchetti's check-in on the 20th is after --until"
    );
    let md = time(
        &db,
        &[&period[..], &["--by", "school", "-f", "md"]].concat(),
    );
    assert!(
        md.starts_with("# Time by school · 2 Nov 2026 – 12 Nov 2026\n"),
        "{md}"
    );
    assert!(md.contains("| school | activities | minutes | time | share | no minutes |"));
    assert!(
        md.contains("| Marigold Academy | 5 | 65 | 1 h 05 min | 59% | 2 |"),
        "{md}"
    );
    assert!(
        md.contains("| **total** | 6 | 110 | 1 h 50 min | 100% | 2 |"),
        "{md}"
    );
}

#[test]
fn a_period_with_nothing_in_it_says_so_instead_of_a_table_of_one_total() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    let sentence = "Nothing recorded since 1 Jan 2027. Observations, walkthrough marks, \
                    check-ins and supports count here with their minutes.\n";
    assert_eq!(
        time(&db, &["--since", "2027-01-01"]),
        format!("Time by kind · since 1 Jan 2027\n\n{sentence}")
    );
    assert_eq!(
        time(&db, &["--since", "2027-01-01", "-f", "md"]),
        format!("# Time by kind · since 1 Jan 2027\n\n{sentence}")
    );
    assert_eq!(
        time(
            &db,
            &["--since", "2027-01-01", "--by", "person", "-f", "csv"]
        ),
        "person,activities,minutes,share_percent,no_minutes\n",
        "the header row alone"
    );
    let between = time(&db, &["--since", "2026-01-01", "--until", "2026-01-31"]);
    assert!(
        between.contains("Nothing recorded from 1 Jan 2026 to 31 Jan 2026."),
        "{between}"
    );
}

#[test]
fn the_anonymous_report_holds_no_name_no_note_and_no_school_by_person() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    for by in ["person", "school", "role", "kind"] {
        for format in ["text", "md", "csv"] {
            let report = time(&db, &["--by", by, "-f", format, "--anonymous"]);
            for word in NAMES.iter().chain(&NOTES) {
                assert!(
                    !report.contains(word),
                    "--by {by} -f {format} --anonymous holds {word}:\n{report}"
                );
            }
            if by == "person" {
                for school in SCHOOLS {
                    assert!(!report.contains(school), "{format}: {school}:\n{report}");
                }
                assert!(report.contains("Teacher 1") && report.contains("Leader 1"));
                assert!(report.contains("Teacher 2"), "{report}");
            }
        }
    }
    // Named, the same report does say who: the test above can fail.
    let named = time(&db, &["--by", "person"]);
    assert!(named.contains("Quillfeather, Zed"), "{named}");
}

#[test]
fn a_report_written_to_a_file_is_never_written_over_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    let file = dir.path().join("time.csv");
    let path = file.to_str().unwrap();
    let first = coachlog(&db, &["time", "-f", "csv", "-o", path]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("wrote the time report to"));
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("kind,"));
    let again = coachlog(&db, &["time", "--by", "role", "-o", path]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("add --force"), "{}", stderr(&again));
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("kind,"));
    let forced = coachlog(&db, &["time", "--by", "role", "-o", path, "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("Time by role")
    );
}

#[test]
fn days_are_read_as_other_commands_read_them_and_a_backward_period_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    let recent = time(&db, &["--since", "-7d"]);
    assert!(
        recent.starts_with("Time by kind · since 16 Nov 2026"),
        "{recent}"
    );
    assert!(recent.contains("leader check-in"), "{recent}");
    assert!(!recent.contains("observation"), "{recent}");
    let backward = coachlog(&db, &["time", "--since", "today", "--until", "yesterday"]);
    assert_eq!(backward.status.code(), Some(1));
    assert!(stderr(&backward).contains("--since 2026-11-23 is after --until 2026-11-22"));
    let nonsense = coachlog(&db, &["time", "--since", "someday"]);
    assert!(
        stderr(&nonsense).starts_with("coachlog: --since: "),
        "{}",
        stderr(&nonsense)
    );
}

#[test]
fn a_check_ins_minutes_move_with_the_caseload_and_old_ones_stay_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let db = school(dir.path());
    let file = dir.path().join("all.json");
    let exported = coachlog(&db, &["export", "--all", "-o", file.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let moved = dir.path().join("moved.db");
    let imported = coachlog(&moved, &["import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let minutes = |path: &Path| {
        let store = Store::open(path, clock()).unwrap();
        let mut minutes: Vec<Option<u32>> = store
            .caseload()
            .unwrap()
            .check_ins
            .iter()
            .map(|c| c.minutes)
            .collect();
        minutes.sort();
        minutes
    };
    assert_eq!(minutes(&moved), [None, Some(30), Some(60)]);
    assert_eq!(minutes(&moved), minutes(&db));
    // A file from before check-ins kept minutes reads as none known.
    let old: CheckIn = serde_json::from_str(
        r#"{"id":"C1","created_at":"","updated_at":"","author":"","replica_id":"","deleted_at":null,
            "teacher_id":"T1","held_on":"2026-10-01","kind":"coaching","notes":"","reflection":"",
            "next_on":null,"private":false}"#,
    )
    .unwrap();
    assert_eq!(old.minutes, None);
}
