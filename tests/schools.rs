//! Schools as records: an upgrade makes one for each school name already on people and
//! keeps every other record as it was; a school's name is its own and its people's.

mod common;

use coachlog::db::{Command, Store};
use coachlog::model::*;
use common::upgrade::{Rows, assert_kept, record_rows};
use common::{add, clock, empty_store, teacher};
use std::fs;
use std::path::Path;

/// Written at schema 11 (people with roles and groups, before schools were records; never
/// released on its own): its demo, backed up.
const SCHEMA_11: &[u8] = include_bytes!("fixtures/schema-11.db");
const SCHEMA_8: &[u8] = include_bytes!("fixtures/schema-8.db");

/// Upgrades a copy of `release` and returns every record row before and after.
fn upgraded(
    release: &[u8],
    before_upgrade: impl FnOnce(&Path),
) -> (tempfile::TempDir, Rows, Rows, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.db");
    fs::write(&path, release).unwrap();
    before_upgrade(&path);
    let before = record_rows(&path);
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let after = record_rows(&path);
    (dir, before, after, store)
}

/// The live person named `name`.
fn person(store: &Store, name: &str) -> coachlog::model::Teacher {
    let people = store.teachers(false).unwrap();
    people.into_iter().find(|t| t.name == name).unwrap()
}

fn school_names(store: &Store) -> Vec<String> {
    store
        .schools()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect()
}

#[test]
fn a_file_of_the_current_release_upgrades_with_a_school_record_per_school_and_nothing_else_changed()
{
    let (_dir, before, after, store) = upgraded(SCHEMA_11, |_| {});
    assert_kept(&before, &after);
    assert!(!before.contains_key("school"));
    assert_eq!(
        school_names(&store),
        ["Eastside Middle", "Northgate Middle"]
    );
    let schools = store.schools().unwrap();
    for school in &schools {
        assert_eq!(school.meta.id.len(), 26, "a ULID, as the app makes ids");
        assert_eq!(school.meta.created_at, "2026-11-23T10:42:00.000Z");
        assert_eq!(school.meta.author, "coach", "the file's own author");
        assert!(school.meta.deleted_at.is_none() && school.notes.is_empty());
    }
    // The people keep their school's name: the link is the name.
    let people = store.teachers(true).unwrap();
    assert!(people.iter().all(|p| {
        schools
            .iter()
            .any(|s| school_key(&s.name) == school_key(&p.school))
    }));
}

#[test]
fn an_upgrade_makes_every_group_one_word_found_by_its_words() {
    let tag_people = |path: &Path| {
        let conn = rusqlite::Connection::open(path).unwrap();
        for (name, tags) in [
            ("Lee, Min", r#"["PLC 7","plc-7"," #two  words "]"#),
            ("Castillo, Ramon", r#"["blended pilot"]"#),
            ("Park, Eve", r#"["pilot"]"#),
        ] {
            conn.execute("UPDATE teacher SET tags = ?2 WHERE name = ?1", (name, tags))
                .unwrap();
        }
    };
    let (_dir, before, after, store) = upgraded(SCHEMA_11, tag_people);
    assert_kept(&before, &after);
    let people = store.teachers(true).unwrap();
    let tags = |name: &str| -> Vec<String> {
        people.iter().find(|p| p.name == name).unwrap().tags.clone()
    };
    assert_eq!(tags("Lee, Min"), ["PLC-7", "two-words"]);
    // "blended pilot", as the demo had it: now one word, found by either word.
    assert_eq!(tags("Castillo, Ramon"), ["blended-pilot"]);
    assert_eq!(tags("Park, Eve"), ["pilot"]);
    assert!(
        people
            .iter()
            .all(|p| p.tags.iter().all(|t| !t.contains(' ')))
    );
    let pilot = people::Selection {
        tags: vec!["pilot".into()],
        ..people::Selection::default()
    };
    assert_eq!(people.iter().filter(|p| pilot.holds(p)).count(), 2);
    // Opened again, nothing changes.
    let path = store.path().to_path_buf();
    drop(store);
    let again = Store::open(&path, clock()).unwrap();
    assert_eq!(again.teachers(true).unwrap(), people);
}

#[test]
fn the_schema_8_release_upgrades_with_one_school_record_for_its_school() {
    let (_dir, before, after, store) = upgraded(SCHEMA_8, |_| {});
    assert_kept(&before, &after);
    assert_eq!(school_names(&store), ["Eastside Middle"]);
    // Everyone of that release becomes a teacher.
    assert!(
        store
            .teachers(true)
            .unwrap()
            .iter()
            .all(|p| p.role == Role::Teacher)
    );
    // Opened again, nothing is added.
    let path = store.path().to_path_buf();
    drop(store);
    let again = Store::open(&path, clock()).unwrap();
    assert_eq!(school_names(&again), ["Eastside Middle"]);
}

#[test]
fn school_names_spelled_differently_become_one_school_and_no_name_none() {
    let add_people = |path: &Path| {
        let conn = rusqlite::Connection::open(path).unwrap();
        for (id, name, school) in [
            (
                "01JX00000000000000000000A1",
                "Ames, Jo",
                "  northgate middle ",
            ),
            (
                "01JX00000000000000000000A2",
                "Bell, Kai",
                "NORTHGATE MIDDLE",
            ),
            ("01JX00000000000000000000A3", "Cruz, Lu", ""),
            ("01JX00000000000000000000A4", "Diaz, Mo", "   "),
            ("01JX00000000000000000000A5", "Eng, Sam", "Straße School"),
            ("01JX00000000000000000000A6", "Fox, Al", "STRASSE SCHOOL"),
        ] {
            conn.execute(
                "INSERT INTO teacher (id, name, school, subject, cadence_days, archived, created_at, updated_at, author, replica_id)
                 VALUES (?1, ?2, ?3, '', 14, 0, '2026-11-0' || substr(?1, 26) || 'T09:00:00.000Z', '2026-11-01T09:00:00.000Z', 'coach', 'R')",
                (id, name, school),
            )
            .unwrap();
        }
        // A trashed person's school counts too: they may come back.
        conn.execute(
            "UPDATE teacher SET school = 'Westview', deleted_at = '2026-11-02T09:00:00.000Z' WHERE id = '01JX00000000000000000000A6'",
            [],
        )
        .unwrap();
    };
    let (_dir, before, after, store) = upgraded(SCHEMA_8, add_people);
    assert_kept(&before, &after);
    assert_eq!(
        school_names(&store),
        [
            "Eastside Middle",
            "northgate middle",
            "Straße School",
            "Westview"
        ],
        "one per name with case folded, spelled as the person added first spells it, trimmed"
    );
}

#[test]
fn renaming_a_school_renames_it_on_its_people_and_undo_takes_both_back() {
    let (_dir, mut store) = empty_store();
    let ames = teacher(&mut store, "Ames, Jo", "Northgate", "Grade 6");
    let bell = teacher(&mut store, "Bell, Kai", "NORTHGATE", "Grade 7");
    let other = teacher(&mut store, "Cruz, Lu", "Eastside", "Grade 7");
    // The school became a record with its first person.
    let id = store
        .schools()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Northgate")
        .unwrap()
        .meta
        .id;
    let opened = store.get::<School>(&id).unwrap().unwrap();
    let mut edited = opened.clone();
    edited.name = "Northgate Middle".into();
    let applied = store.apply(Command::revise(opened, edited)).unwrap();
    assert_eq!(
        applied.changes.len(),
        3,
        "the school and its two people, in one step"
    );
    let school_of = |store: &Store, id: &str| store.get::<Teacher>(id).unwrap().unwrap().school;
    assert_eq!(school_of(&store, &ames), "Northgate Middle");
    assert_eq!(school_of(&store, &bell), "Northgate Middle");
    assert_eq!(school_of(&store, &other), "Eastside");
    store.apply(Command::Undo(applied)).unwrap();
    assert_eq!(school_of(&store, &ames), "Northgate");
    // Bell typed "NORTHGATE": the school's spelling since it was given to them.
    assert_eq!(school_of(&store, &bell), "Northgate");
    assert_eq!(store.get::<School>(&id).unwrap().unwrap().name, "Northgate");
}

#[test]
fn two_live_schools_cannot_share_a_name_and_a_school_needs_one() {
    let (_dir, mut store) = empty_store();
    add(
        &mut store,
        AnyRecord::School(School {
            name: "Eastside Middle".into(),
            ..School::default()
        }),
    );
    let twice = store.apply(Command::Add(AnyRecord::School(School {
        name: " EASTSIDE middle".into(),
        ..School::default()
    })));
    assert!(
        twice
            .unwrap_err()
            .to_string()
            .contains("already a school named \"Eastside Middle\""),
    );
    let nameless = store.apply(Command::Add(AnyRecord::School(School::default())));
    assert!(
        nameless
            .unwrap_err()
            .to_string()
            .contains("the school's name is required")
    );
}

#[test]
fn schools_go_to_the_trash_come_back_and_travel_with_the_caseload() {
    let (_dir, mut store) = empty_store();
    let id = add(
        &mut store,
        AnyRecord::School(School {
            name: "Eastside Middle".into(),
            notes: "Blended-learning pilot school".into(),
            ..School::default()
        }),
    );
    store
        .apply(Command::Delete {
            kind: Kind::School,
            id: id.clone(),
        })
        .unwrap();
    assert!(store.schools().unwrap().is_empty());
    let trashed = store.trash().unwrap();
    assert!(trashed.iter().any(|t| t.kind == Kind::School && t.id == id));
    store
        .apply(Command::Restore {
            kind: Kind::School,
            id: id.clone(),
        })
        .unwrap();
    let caseload = store.caseload().unwrap();
    assert_eq!(caseload.schools.len(), 1);
    let json = serde_json::to_string(&caseload).unwrap();
    let (_other_dir, mut other) = empty_store();
    let read: Caseload = serde_json::from_str(&json).unwrap();
    other.import(read.into_records(), false).unwrap();
    assert_eq!(other.schools().unwrap(), store.schools().unwrap());
    // A caseload written before schools were records still reads.
    let old: Caseload = serde_json::from_str(r#"{"teachers": []}"#).unwrap();
    assert!(old.schools.is_empty());
    // Purged, it is gone; its people keep the name.
    store
        .apply(Command::Delete {
            kind: Kind::School,
            id: id.clone(),
        })
        .unwrap();
    store
        .apply(Command::Purge {
            kind: Kind::School,
            id: id.clone(),
        })
        .unwrap();
    assert!(store.get::<School>(&id).unwrap().is_none());
}

#[test]
fn a_school_first_named_on_a_person_becomes_a_record_once_and_undo_takes_it_back() {
    let (_dir, mut store) = empty_store();
    teacher(&mut store, "Ames, Jo", "Northgate", "Grade 6");
    assert_eq!(school_names(&store), ["Northgate"]);
    // The same school in another case, or no school: no new record.
    teacher(&mut store, "Bell, Kai", " NORTHGATE ", "Grade 7");
    teacher(&mut store, "Cruz, Lu", "", "Grade 7");
    assert_eq!(school_names(&store), ["Northgate"]);
    // A person moved to a school nobody named yet: its record comes with the edit, and
    // undoing the edit takes both back.
    let cruz = person(&store, "Cruz, Lu");
    let mut moved = cruz.clone();
    moved.school = "Eastside Middle".into();
    let applied = store.apply(Command::revise(cruz, moved)).unwrap();
    assert_eq!(school_names(&store), ["Eastside Middle", "Northgate"]);
    store.apply(Command::Undo(applied)).unwrap();
    assert_eq!(school_names(&store), ["Northgate"]);
}

#[test]
fn a_person_who_names_a_school_in_another_case_is_given_the_schools_spelling() {
    let (_dir, mut store) = empty_store();
    teacher(&mut store, "Ames, Jo", "Eastside Middle", "Grade 6");
    teacher(&mut store, "Brooks, Omar", "eastside  middle", "Grade 7");
    let brooks = person(&store, "Brooks, Omar");
    assert_eq!(brooks.school, "Eastside Middle");
    // An edit that retypes it in capitals is spelled the school's way too.
    let mut moved = brooks.clone();
    moved.school = "EASTSIDE MIDDLE".into();
    store.apply(Command::revise(brooks, moved)).unwrap();
    assert_eq!(person(&store, "Brooks, Omar").school, "Eastside Middle");
    assert_eq!(school_names(&store), ["Eastside Middle"]);
}
