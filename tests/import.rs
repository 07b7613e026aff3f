//! Moving a caseload: the whole file out as JSON and back in, merged record by record,
//! and a roster from a spreadsheet or the school's student-information system.

mod common;

use coachlog::clock::Clock;
use coachlog::db::{Command, Store};
use coachlog::model::*;
use common::{at, clock, day, empty_store};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

fn coachlog(db: &Path, args: &[&str]) -> Output {
    Process::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB")
        .output()
        .expect("run coachlog")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The demo school with one observation and one teacher in the trash, on a file.
fn demo_db(dir: &Path) -> PathBuf {
    let path = dir.join("school.db");
    let mut store = Store::open(&path, clock()).unwrap();
    coachlog::demo::load(&mut store, day("2026-11-23")).unwrap();
    let caseload = store.caseload().unwrap();
    let observation = caseload.observations[0].meta.id.clone();
    store
        .apply(Command::Delete {
            kind: Kind::Observation,
            id: observation,
        })
        .unwrap();
    let brandt = common::teacher(&mut store, "Brandt, Lea", "", "");
    store
        .apply(Command::Delete {
            kind: Kind::Teacher,
            id: brandt,
        })
        .unwrap();
    path
}

#[test]
fn export_import_into_an_empty_file_and_export_again_gives_the_same_json() {
    let dir = tempfile::tempdir().unwrap();
    let school = demo_db(dir.path());
    let first = dir.path().join("first.json");
    let exported = coachlog(
        &school,
        &[
            "export",
            "--all",
            "-f",
            "json",
            "-o",
            first.to_str().unwrap(),
        ],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    let laptop = dir.path().join("laptop.db");
    let imported = coachlog(&laptop, &["import", first.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let said = stdout(&imported);
    assert!(said.starts_with("added: "), "{said}");
    assert!(
        said.contains("\nupdated: nothing\nskipped (the same or newer here): nothing\n"),
        "{said}"
    );
    let again = coachlog(&laptop, &["export", "--all"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        stdout(&again),
        std::fs::read_to_string(&first).unwrap(),
        "the same records, ids, stamps and trash"
    );
    let file: serde_json::Value = serde_json::from_str(&stdout(&again)).unwrap();
    assert_eq!(file["format"], "coachlog-caseload");
    assert_eq!(file["version"], 1);
    let trashed = file["teachers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["deleted_at"].is_null())
        .count();
    assert_eq!(trashed, 1, "the trash travels too");

    // A second import changes nothing, and says so.
    let second = coachlog(&laptop, &["import", first.to_str().unwrap()]);
    assert!(second.status.success(), "{}", stderr(&second));
    let said = stdout(&second);
    assert!(
        said.starts_with("added: nothing\nupdated: nothing\nskipped (the same or newer here): "),
        "{said}"
    );
    assert_eq!(
        stdout(&coachlog(&laptop, &["export", "--all"])),
        stdout(&again)
    );
}

#[test]
fn a_dry_run_says_what_it_would_do_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let school = demo_db(dir.path());
    let file = dir.path().join("all.json");
    assert!(
        coachlog(&school, &["export", "--all", "-o", file.to_str().unwrap()])
            .status
            .success()
    );
    let laptop = dir.path().join("laptop.db");
    let dry = coachlog(&laptop, &["import", "--dry-run", file.to_str().unwrap()]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let said = stdout(&dry);
    assert!(said.starts_with("would add: "), "{said}");
    assert!(said.ends_with("dry run: nothing was changed\n"), "{said}");
    let empty = Store::open(&laptop, clock()).unwrap().caseload().unwrap();
    assert_eq!(empty, Caseload::default());
}

#[test]
fn export_all_refuses_a_brief_format_and_a_teacher() {
    let (_dir, store) = empty_store();
    let db = store.path().to_owned();
    drop(store);
    let md = coachlog(&db, &["export", "--all", "-f", "md"]);
    assert_eq!(md.status.code(), Some(1));
    assert!(stderr(&md).contains("JSON only"), "{}", stderr(&md));
    let both = coachlog(&db, &["export", "--all", "-t", "smi"]);
    assert_eq!(both.status.code(), Some(2));
}

/// Two copies of one caseload: the school's and a laptop's, each changing it.
fn two_copies() -> (tempfile::TempDir, Store, Store, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut school = Store::open(&dir.path().join("school.db"), clock()).unwrap();
    let smith = common::teacher(&mut school, "Smith, Dan", "Eastside", "Science");
    let mut laptop = Store::open(&dir.path().join("laptop.db"), clock()).unwrap();
    let records = school.caseload().unwrap().into_records();
    laptop.import(records, false).unwrap();
    (dir, school, laptop, smith)
}

fn rename(store: &mut Store, id: &str, name: &str, when: &str) {
    store.set_clock(Clock::Fixed(at(when)));
    let mut teacher: Teacher = store.get(id).unwrap().unwrap();
    teacher.name = name.into();
    store
        .apply(Command::Edit(AnyRecord::Teacher(teacher)))
        .unwrap();
}

fn name(store: &Store, id: &str) -> String {
    store.get::<Teacher>(id).unwrap().unwrap().name
}

#[test]
fn the_copy_changed_last_wins_whichever_file_is_imported_into_which() {
    let (_dir, mut school, mut laptop, smith) = two_copies();
    rename(&mut school, &smith, "Smith, Daniel", "2026-11-23T11:00");
    rename(&mut laptop, &smith, "Smith, Dan J.", "2026-11-23T12:00");
    // The school's older change does not overwrite the laptop's newer one...
    let older = laptop
        .import(school.caseload().unwrap().into_records(), false)
        .unwrap();
    assert!(older.applied.changes.is_empty());
    // Smith's school, the same record in both, is not newer either.
    assert_eq!(
        older
            .skipped
            .iter()
            .filter(|(kind, _)| *kind == Kind::Teacher)
            .collect::<Vec<_>>(),
        [&(Kind::Teacher, smith.clone())]
    );
    assert_eq!(name(&laptop, &smith), "Smith, Dan J.");
    // ...and the laptop's newer one replaces the school's, stamps and all.
    let newer = school
        .import(laptop.caseload().unwrap().into_records(), false)
        .unwrap();
    assert_eq!(newer.applied.changes.len(), 1);
    assert_eq!(name(&school, &smith), "Smith, Dan J.");
    assert_eq!(school.caseload().unwrap(), laptop.caseload().unwrap());
}

#[test]
fn a_tie_in_time_goes_to_the_larger_replica_id_on_both_sides() {
    let (_dir, mut school, mut laptop, smith) = two_copies();
    rename(&mut school, &smith, "Smith, Daniel", "2026-11-23T11:00");
    rename(&mut laptop, &smith, "Smith, Dan J.", "2026-11-23T11:00");
    let from_laptop = laptop.caseload().unwrap().into_records();
    let from_school = school.caseload().unwrap().into_records();
    school.import(from_laptop, false).unwrap();
    laptop.import(from_school, false).unwrap();
    let winner = if laptop.replica_id() > school.replica_id() {
        "Smith, Dan J."
    } else {
        "Smith, Daniel"
    };
    assert_eq!(name(&school, &smith), winner);
    assert_eq!(name(&laptop, &smith), winner, "both files agree");
}

#[test]
fn an_import_returns_every_row_before_and_after_for_undo() {
    let (_dir, mut school, mut laptop, smith) = two_copies();
    rename(&mut school, &smith, "Smith, Daniel", "2026-11-23T11:00");
    common::observe(
        &mut school,
        &smith,
        "2026-11-23T09:00",
        3,
        "Posted the target",
    );
    let imported = laptop
        .import(school.caseload().unwrap().into_records(), false)
        .unwrap();
    let changes = &imported.applied.changes;
    assert_eq!(changes.len(), 2);
    let renamed = &changes[0];
    assert_eq!(
        (renamed.kind, renamed.id.as_str()),
        (Kind::Teacher, smith.as_str())
    );
    assert!(matches!(&renamed.before, Some(AnyRecord::Teacher(t)) if t.name == "Smith, Dan"));
    assert!(matches!(&renamed.after, Some(AnyRecord::Teacher(t)) if t.name == "Smith, Daniel"));
    assert_eq!(changes[1].kind, Kind::Observation);
    assert!(changes[1].before.is_none(), "added");
}

#[test]
fn a_file_whose_records_point_nowhere_is_refused_whole() {
    let (_dir, mut school, mut laptop, smith) = two_copies();
    common::observe(
        &mut school,
        &smith,
        "2026-11-23T09:00",
        3,
        "Posted the target",
    );
    let mut caseload = school.caseload().unwrap();
    let mut stray = caseload.observations[0].clone();
    stray.meta.id = "01STRAY".into();
    stray.teacher_id = "01NOBODY".into();
    caseload.observations.push(stray);
    let before = laptop.caseload().unwrap();
    let error = laptop.import(caseload.into_records(), false).unwrap_err();
    assert_eq!(
        error.to_string(),
        "an observation in the file points to a teacher that neither the file nor this caseload \
         holds; nothing was imported. Export the whole caseload again and import that file"
    );
    assert_eq!(
        laptop.caseload().unwrap(),
        before,
        "not even the good records"
    );
}

#[test]
fn a_teacher_left_pointing_at_a_focus_another_copy_ended_has_no_active_focus() {
    let (_dir, mut school, mut laptop, smith) = two_copies();
    school.set_clock(Clock::Fixed(at("2026-11-23T10:50")));
    school
        .apply(Command::SetFocus {
            focus: Focus {
                teacher_id: smith.clone(),
                statement: "Warm-up connects to the target".into(),
                started_on: day("2026-11-01"),
                ..Focus::default()
            },
            previous_outcome: None,
        })
        .unwrap();
    laptop
        .import(school.caseload().unwrap().into_records(), false)
        .unwrap();
    // The school ends the focus; later, the laptop renames the teacher (still pointing).
    school.set_clock(Clock::Fixed(at("2026-11-23T11:00")));
    school
        .apply(Command::EndFocus {
            teacher_id: smith.clone(),
            outcome: Outcome::Achieved,
            on: day("2026-11-23"),
        })
        .unwrap();
    rename(&mut laptop, &smith, "Smith, Dan J.", "2026-11-23T12:00");
    let imported = laptop
        .import(school.caseload().unwrap().into_records(), false)
        .unwrap();
    let teacher: Teacher = laptop.get(&smith).unwrap().unwrap();
    assert_eq!(
        teacher.name, "Smith, Dan J.",
        "the newer teacher row is kept"
    );
    assert_eq!(
        teacher.active_focus_id, None,
        "and points at no ended focus"
    );
    assert_eq!(
        imported.applied.changes.last().map(|c| c.kind),
        Some(Kind::Teacher)
    );
    assert!(laptop.check().unwrap().is_empty());
}

/// A roster as a student-information system exports it: a BOM, CRLF line ends, quoted
/// commas, columns in its own order and names, and columns coachlog does not keep.
const ROSTER: &str = "\u{feff}Staff ID,Last Name,FIRST NAME,School Name,Course,Grade Level,E-mail,Check-in cadence\r\n\
    101,Smith,Dan,Northgate,\"Science, Earth\",7,dan@school.org,7\r\n\
    102,Park,Eve,Eastside Middle,Math,6,eve@school.org,\r\n\
    103,,,Eastside Middle,Art,8,,\r\n\
    104,Lee,Min,Eastside Middle,Music,K,min@school.org,every day\r\n";

fn roster_db(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("school.db");
    let added = coachlog(
        &db,
        &[
            "teacher",
            "add",
            "Smith, Dan",
            "--school",
            "Eastside Middle",
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let csv = dir.join("roster.csv");
    std::fs::write(&csv, ROSTER).unwrap();
    (db, csv)
}

#[test]
fn a_roster_adds_new_teachers_updates_known_ones_and_says_why_a_row_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = roster_db(dir.path());
    let imported = coachlog(&db, &["import", csv.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(
        stdout(&imported),
        "updated Smith, Dan: school \"Eastside Middle\" → \"Northgate\"; \
         subject \"\" → \"Grade 7 Science, Earth\"; cadence 14 → 7 days\n\
         added Park, Eve\n\
         line 4 skipped: it has no name\n\
         line 5 skipped: the cadence \"every day\" is not a number of days from 1 to 365\n\
         note: the email column was not imported: coachlog keeps no email addresses\n\
         note: columns ignored: Staff ID\n\
         1 added, 1 updated, 0 unchanged, 2 skipped\n\
         to take this import back: coachlog import --undo\n"
    );
    let list = stdout(&coachlog(&db, &["teacher", "list"]));
    assert_eq!(
        list,
        "Park, Eve\tEastside Middle\tGrade 6 Math\tevery 14d\n\
         Smith, Dan\tNorthgate\tGrade 7 Science, Earth\tevery 7d\n"
    );
    // The same roster again: nothing left to change.
    let again = stdout(&coachlog(&db, &["import", csv.to_str().unwrap()]));
    assert!(
        again.ends_with("0 added, 0 updated, 2 unchanged, 2 skipped\n"),
        "{again}"
    );
}

#[test]
fn a_roster_dry_run_shows_what_would_change_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = roster_db(dir.path());
    let dry = coachlog(&db, &["import", "--dry-run", csv.to_str().unwrap()]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let said = stdout(&dry);
    assert!(
        said.starts_with("would update Smith, Dan: school"),
        "{said}"
    );
    assert!(said.contains("\nwould add Park, Eve\n"), "{said}");
    assert!(said.ends_with("dry run: nothing was changed\n"), "{said}");
    assert_eq!(
        stdout(&coachlog(&db, &["teacher", "list"])),
        "Smith, Dan\tEastside Middle\t\tevery 14d\n"
    );
}

#[test]
fn a_roster_with_no_usable_row_changes_nothing_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = roster_db(dir.path());
    std::fs::write(&csv, "Last Name,First Name,Cadence\n,,7\nLee,Min,never\n").unwrap();
    let refused = coachlog(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("line 3 skipped: the cadence \"never\""));
    assert!(
        stderr(&refused)
            .ends_with("roster.csv has no row that could be imported; nothing was changed\n"),
        "{}",
        stderr(&refused)
    );
    std::fs::write(&csv, "School,Subject\nEastside,Math\n").unwrap();
    let no_names = coachlog(&db, &["import", csv.to_str().unwrap()]);
    assert_eq!(no_names.status.code(), Some(1));
    assert!(
        stderr(&no_names).contains("has no name column"),
        "{}",
        stderr(&no_names)
    );
    assert_eq!(
        stdout(&coachlog(&db, &["teacher", "list"])),
        "Smith, Dan\tEastside Middle\t\tevery 14d\n"
    );
}

#[test]
fn a_roster_import_is_taken_back_as_one_step_once() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = roster_db(dir.path());
    let before = stdout(&coachlog(&db, &["teacher", "list"]));
    assert!(
        coachlog(&db, &["import", csv.to_str().unwrap()])
            .status
            .success()
    );
    // The same roster again changes nothing, and leaves the first import to take back.
    assert!(
        coachlog(&db, &["import", csv.to_str().unwrap()])
            .status
            .success()
    );
    let undone = coachlog(&db, &["import", "--undo"]);
    assert!(undone.status.success(), "{}", stderr(&undone));
    assert_eq!(
        stdout(&undone),
        format!(
            // The person added and the school they first named.
            "took back the import of {} of 23 Nov 2026: 1 record it changed put back as they were, 2 records it added moved to the trash\n",
            csv.display()
        )
    );
    assert_eq!(stdout(&coachlog(&db, &["teacher", "list"])), before);
    assert!(stdout(&coachlog(&db, &["trash"])).contains("Park, Eve"));
    // Once only.
    let again = coachlog(&db, &["import", "--undo"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        stderr(&again),
        "coachlog: the last import was not taken back: there is no import to take back in this file\n"
    );
}

#[test]
fn an_import_changed_since_is_not_taken_back_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (db, csv) = roster_db(dir.path());
    assert!(
        coachlog(&db, &["import", csv.to_str().unwrap()])
            .status
            .success()
    );
    // Park is moved since: taking the import back would lose that.
    let mut store = Store::open(&db, clock()).unwrap();
    let park = store
        .teachers(false)
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Park, Eve")
        .unwrap();
    let mut moved = park.clone();
    moved.school = "Westview High".into();
    store
        .apply(Command::Edit(AnyRecord::Teacher(moved)))
        .unwrap();
    drop(store);
    let listed = stdout(&coachlog(&db, &["teacher", "list"]));

    let refused = coachlog(&db, &["import", "--undo"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).starts_with("coachlog: the last import was not taken back: "),
        "{}",
        stderr(&refused)
    );
    assert_eq!(stdout(&coachlog(&db, &["teacher", "list"])), listed);
}

#[test]
fn a_caseload_import_is_taken_back_as_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let school = demo_db(dir.path());
    let json = dir.path().join("caseload.json");
    let exported = coachlog(&school, &["export", "--all", "-o", json.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let laptop = dir.path().join("laptop.db");
    let imported = coachlog(&laptop, &["import", json.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(stdout(&imported).ends_with("to take this import back: coachlog import --undo\n"));
    assert!(!stdout(&coachlog(&laptop, &["teacher", "list"])).is_empty());

    let undone = coachlog(&laptop, &["import", "--undo"]);
    assert!(undone.status.success(), "{}", stderr(&undone));
    assert!(
        stdout(&undone).contains(": 0 records it changed put back as they were, "),
        "{}",
        stdout(&undone)
    );
    assert_eq!(stdout(&coachlog(&laptop, &["teacher", "list"])), "");
    // What it added is in the trash, to bring back or purge.
    assert!(!stdout(&coachlog(&laptop, &["trash"])).is_empty());
}

#[test]
fn an_export_from_before_focuses_named_tallies_imports_and_theirs_travel() {
    let dir = tempfile::tempdir().unwrap();
    let school = Store::open(&demo_db(dir.path()), clock()).unwrap();
    let caseload = school.caseload().unwrap();
    assert!(
        caseload.focuses.iter().any(|f| !f.tallies.is_empty()),
        "the demo's focuses name their tallies"
    );
    let mut file: serde_json::Value = serde_json::from_str(&coachlog::export::caseload::write(
        &caseload,
        day("2026-11-23"),
    ))
    .unwrap();
    for focus in file["focuses"].as_array_mut().unwrap() {
        focus.as_object_mut().unwrap().remove("tallies");
    }
    let old = coachlog::export::caseload::read(&file.to_string()).unwrap();
    assert!(old.focuses.iter().all(|f| f.tallies.is_empty()));
    let (_laptop_dir, mut laptop) = empty_store();
    laptop.import(old.into_records(), false).unwrap();
    assert_eq!(
        laptop.caseload().unwrap().focuses.len(),
        caseload.focuses.len()
    );

    // A whole export of today carries them.
    let (_again_dir, mut again) = empty_store();
    let now = coachlog::export::caseload::write(&caseload, day("2026-11-23"));
    again
        .import(
            coachlog::export::caseload::read(&now)
                .unwrap()
                .into_records(),
            false,
        )
        .unwrap();
    assert_eq!(again.caseload().unwrap().focuses, caseload.focuses);
}
