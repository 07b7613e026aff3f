//! The store as a coach relies on it: records survive a round trip, one focus at a time,
//! foreign files are refused untouched, and the file stays private.

mod common;

use coachlog::db::{APPLICATION_ID, Command, Error, SCHEMA_VERSION, Store};
use coachlog::model::*;
use common::{at, clock, day};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.db");
    (dir, path)
}

fn add_teacher(store: &mut Store, name: &str) -> Teacher {
    let applied = store
        .apply(Command::Add(AnyRecord::Teacher(Teacher {
            name: name.into(),
            school: "Eastside Middle".into(),
            subject: "Grade 7 Science".into(),
            cadence_days: 14,
            ..Teacher::default()
        })))
        .unwrap();
    let id = applied.added_id().unwrap().to_owned();
    store.get::<Teacher>(&id).unwrap().unwrap()
}

/// Adds any record and returns it as read back from the file.
fn add(store: &mut Store, record: AnyRecord) -> AnyRecord {
    let kind = record.kind();
    let applied = store.apply(Command::Add(record)).unwrap();
    let change = applied
        .changes
        .iter()
        .find(|change| change.kind == kind && change.before.is_none())
        .unwrap();
    change.after.clone().unwrap()
}

#[test]
fn every_record_survives_a_round_trip_through_the_file() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Smith, Dan");
    let tid = teacher.meta.id.clone();

    let AnyRecord::Goal(goal) = add(
        &mut store,
        AnyRecord::Goal(Goal {
            teacher_id: tid.clone(),
            statement: "Students on task in the first 10 minutes".into(),
            why: "Lost minutes at the start".into(),
            measure: "students on task".into(),
            unit: "%".into(),
            baseline: Some(32.0),
            target: Some(85.0),
            target_on: Some(day("2027-01-29")),
            ..Goal::default()
        }),
    ) else {
        panic!("not a goal")
    };
    let measure = add(
        &mut store,
        AnyRecord::Measure(Measure {
            goal_id: goal.meta.id.clone(),
            measured_on: day("2026-11-20"),
            value: 86.0,
            note: "24/28 on task".into(),
            ..Measure::default()
        }),
    );
    let focus = add(
        &mut store,
        AnyRecord::Focus(Focus {
            teacher_id: tid.clone(),
            goal_id: Some(goal.meta.id.clone()),
            statement: "Warm-up connects to the day's learning target".into(),
            look_fors: vec!["posted".into(), "names target".into()],
            started_on: day("2026-10-12"),
            ..Focus::default()
        }),
    );
    let mut tallies = BTreeMap::new();
    tallies.insert("students answering".to_string(), 7);
    let observation = add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: tid.clone(),
            observed_at: common::moment("2026-11-20T10:36"),
            minutes: Some(6),
            class_period: "P3".into(),
            evidence: "Warm-up on board before the bell.\nStudents repeat the target.".into(),
            look_fors_seen: vec!["posted".into()],
            tallies,
            rating: Rating::new(3),
            private: true,
            ..Observation::default()
        }),
    );
    let check_in = add(
        &mut store,
        AnyRecord::CheckIn(CheckIn {
            teacher_id: tid.clone(),
            held_on: day("2026-11-09"),
            kind: CheckInKind::Feedback,
            notes: "Warm-up now posted daily.".into(),
            reflection: "\"Kelly stays in class now.\"".into(),
            next_on: Some(day("2026-11-23")),
            private: false,
            ..CheckIn::default()
        }),
    );
    let action = add(
        &mut store,
        AnyRecord::Action(Action {
            teacher_id: tid.clone(),
            what: "Post warm-up before bell".into(),
            owner: "teacher".into(),
            due_on: Some(day("2026-11-27")),
            ..Action::default()
        }),
    );
    drop(store);

    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.get::<Goal>(&goal.meta.id).unwrap().unwrap(), goal);
    for record in [measure, focus, observation, check_in, action] {
        let back = match &record {
            AnyRecord::Measure(r) => store
                .get::<Measure>(&r.meta.id)
                .unwrap()
                .map(AnyRecord::Measure),
            AnyRecord::Focus(r) => store
                .get::<Focus>(&r.meta.id)
                .unwrap()
                .map(AnyRecord::Focus),
            AnyRecord::Observation(r) => store
                .get::<Observation>(&r.meta.id)
                .unwrap()
                .map(AnyRecord::Observation),
            AnyRecord::CheckIn(r) => store
                .get::<CheckIn>(&r.meta.id)
                .unwrap()
                .map(AnyRecord::CheckIn),
            AnyRecord::Action(r) => store
                .get::<Action>(&r.meta.id)
                .unwrap()
                .map(AnyRecord::Action),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(back.as_ref(), Some(&record));
    }
    let teacher_back = store.get::<Teacher>(&tid).unwrap().unwrap();
    assert_eq!(teacher_back.name, "Smith, Dan");
    assert!(teacher_back.active_focus_id.is_some());
}

#[test]
fn rows_carry_ulid_keys_fixed_width_stamps_author_and_replica() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Lee, Min");
    assert_eq!(teacher.meta.id.len(), 26, "a ULID is 26 characters");
    assert!(ulid::Ulid::from_string(&teacher.meta.id).is_ok());
    assert_eq!(teacher.meta.created_at, "2026-11-23T10:42:00.000Z");
    assert_eq!(teacher.meta.updated_at, teacher.meta.created_at);
    assert!(!teacher.meta.author.is_empty());
    assert_eq!(teacher.meta.replica_id, store.replica_id());
    let replica = store.replica_id().to_owned();
    drop(store);

    // The replica id belongs to the file: the same after reopening, different for another file.
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.replica_id(), replica);
    let (_other_dir, other_path) = temp_db();
    assert_ne!(
        Store::open(&other_path, clock()).unwrap().replica_id(),
        replica
    );
}

#[test]
fn setting_a_new_focus_closes_the_old_one_with_its_outcome() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Okafor, Ngozi");
    let first = Focus {
        teacher_id: teacher.meta.id.clone(),
        statement: "Cold call with wait time".into(),
        started_on: day("2026-09-14"),
        ..Focus::default()
    };
    store
        .apply(Command::SetFocus {
            focus: first,
            previous_outcome: None,
        })
        .unwrap();

    // A second focus without saying how the first ended is refused, and nothing changes.
    let second = Focus {
        teacher_id: teacher.meta.id.clone(),
        statement: "Exit tickets drive regrouping".into(),
        started_on: day("2026-11-02"),
        ..Focus::default()
    };
    let refused = store
        .apply(Command::SetFocus {
            focus: second.clone(),
            previous_outcome: None,
        })
        .unwrap_err();
    assert!(matches!(refused, Error::Invalid(_)), "{refused}");
    assert!(refused.to_string().contains("already has an active focus"));
    assert_eq!(store.focuses(&teacher.meta.id).unwrap().len(), 1);

    let applied = store
        .apply(Command::SetFocus {
            focus: second,
            previous_outcome: Some(Outcome::Achieved),
        })
        .unwrap();
    // One command: the old focus closed, the teacher repointed, the new focus added.
    assert!(applied.changes.iter().any(|c| c.kind == Kind::Teacher));
    let focuses = store.focuses(&teacher.meta.id).unwrap();
    assert_eq!(focuses.len(), 2);
    let (new, old) = (&focuses[0], &focuses[1]);
    assert_eq!(new.statement, "Exit tickets drive regrouping");
    assert_eq!(new.outcome, None);
    assert_eq!(old.outcome, Some(Outcome::Achieved));
    assert_eq!(old.ended_on, Some(day("2026-11-02")));
    let teacher = store.get::<Teacher>(&teacher.meta.id).unwrap().unwrap();
    assert_eq!(
        teacher.active_focus_id.as_deref(),
        Some(new.meta.id.as_str())
    );
    let active: Vec<_> = focuses.iter().filter(|f| f.ended_on.is_none()).collect();
    assert_eq!(active.len(), 1, "at most one active focus");
}

#[test]
fn an_observation_attaches_to_the_active_focus_without_asking() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Smith, Dan");
    store
        .apply(Command::SetFocus {
            focus: Focus {
                teacher_id: teacher.meta.id.clone(),
                statement: "Warm-up connects to the target".into(),
                started_on: day("2026-10-12"),
                ..Focus::default()
            },
            previous_outcome: None,
        })
        .unwrap();
    let AnyRecord::Observation(observation) = add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: teacher.meta.id.clone(),
            observed_at: common::moment("2026-11-23T10:40"),
            rating: Rating::new(2),
            ..Observation::default()
        }),
    ) else {
        panic!("not an observation")
    };
    let teacher = store.get::<Teacher>(&teacher.meta.id).unwrap().unwrap();
    assert_eq!(observation.focus_id, teacher.active_focus_id);
}

#[test]
fn a_duplicate_active_teacher_name_is_refused_by_the_application() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let dan = add_teacher(&mut store, "Smith, Dan");
    let refused = store
        .apply(Command::Add(AnyRecord::Teacher(Teacher {
            name: "  smith, DAN ".into(),
            cadence_days: 14,
            ..Teacher::default()
        })))
        .unwrap_err();
    assert!(
        refused.to_string().contains("already a teacher named"),
        "{refused}"
    );
    assert_eq!(store.teachers(true).unwrap().len(), 1);

    // Once archived, the name is free again.
    let mut archived = dan.clone();
    archived.archived = true;
    store
        .apply(Command::Edit(AnyRecord::Teacher(archived)))
        .unwrap();
    add_teacher(&mut store, "Smith, Dan");
    assert_eq!(store.teachers(true).unwrap().len(), 2);
    assert_eq!(store.teachers(false).unwrap().len(), 1);
}

#[test]
fn a_duplicate_name_is_found_whatever_the_case_in_any_script() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let emile = add_teacher(&mut store, "émile durand");
    add_teacher(&mut store, "Straße, Jana");
    for typed in ["ÉMILE Durand", " Émile DURAND ", "STRASSE, JANA"] {
        let refused = store
            .apply(Command::Add(AnyRecord::Teacher(Teacher {
                name: typed.into(),
                cadence_days: 14,
                ..Teacher::default()
            })))
            .unwrap_err();
        assert!(
            refused.to_string().contains("already a teacher named"),
            "{typed}: {refused}"
        );
    }
    // Renaming another teacher onto the name is refused too; recasing one's own is not.
    let mut lee = add_teacher(&mut store, "Lee, Min");
    lee.name = "ÉMILE DURAND".into();
    assert!(store.apply(Command::Edit(AnyRecord::Teacher(lee))).is_err());
    let mut recased = emile.clone();
    recased.name = "Émile Durand".into();
    store
        .apply(Command::Edit(AnyRecord::Teacher(recased)))
        .unwrap();
    // An accent makes another name.
    add_teacher(&mut store, "Emile Durand");
    let mut names: Vec<String> = store
        .teachers(false)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["Emile Durand", "Lee, Min", "Straße, Jana", "Émile Durand"]
    );
}

#[test]
fn delete_is_a_tombstone_that_restore_undoes() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Park, Eve");
    let AnyRecord::Action(action) = add(
        &mut store,
        AnyRecord::Action(Action {
            teacher_id: teacher.meta.id.clone(),
            what: "Share exit-ticket data".into(),
            owner: "coach".into(),
            ..Action::default()
        }),
    ) else {
        panic!()
    };
    let applied = store
        .apply(Command::Delete {
            kind: Kind::Action,
            id: action.meta.id.clone(),
        })
        .unwrap();
    let change = &applied.changes[0];
    assert!(matches!(&change.before, Some(AnyRecord::Action(a)) if a.meta.deleted_at.is_none()));
    assert!(matches!(&change.after, Some(AnyRecord::Action(a)) if a.meta.deleted_at.is_some()));
    assert!(store.actions(&teacher.meta.id).unwrap().is_empty());
    // Still in the file, in the trash.
    assert!(
        store
            .get::<Action>(&action.meta.id)
            .unwrap()
            .unwrap()
            .meta
            .deleted_at
            .is_some()
    );
    store
        .apply(Command::Restore {
            kind: Kind::Action,
            id: action.meta.id.clone(),
        })
        .unwrap();
    assert_eq!(store.actions(&teacher.meta.id).unwrap().len(), 1);
}

#[test]
fn a_failed_command_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Lee, Min");
    let refused = store.apply(Command::HoldCheckIn {
        check_in: CheckIn {
            teacher_id: teacher.meta.id.clone(),
            held_on: day("2026-11-23"),
            ..CheckIn::default()
        },
        done: vec!["no-such-action".into()],
        carried: vec![],
        new_actions: vec![],
        measures: vec![],
    });
    assert!(matches!(refused, Err(Error::NotFound { .. })));
    assert!(
        store.check_ins(&teacher.meta.id).unwrap().is_empty(),
        "the check-in was rolled back"
    );
}

#[test]
fn a_check_in_and_what_was_taken_in_it_are_saved_together_or_not_at_all() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Lee, Min");
    let hold = |goal_id: &str| Command::HoldCheckIn {
        check_in: CheckIn {
            teacher_id: teacher.meta.id.clone(),
            held_on: day("2026-11-23"),
            ..CheckIn::default()
        },
        done: vec![],
        carried: vec![],
        new_actions: vec![Action {
            what: "Post warm-up".into(),
            owner: "teacher".into(),
            ..Action::default()
        }],
        measures: vec![Measure {
            goal_id: goal_id.into(),
            measured_on: day("2026-11-23"),
            value: 24.0,
            ..Measure::default()
        }],
    };
    // The measurement comes last and is refused: the check-in and its action go with it.
    let refused = store.apply(hold("no-such-goal"));
    assert!(
        matches!(refused, Err(Error::NotFound { .. })),
        "{refused:?}"
    );
    assert!(store.check_ins(&teacher.meta.id).unwrap().is_empty());
    assert!(store.actions(&teacher.meta.id).unwrap().is_empty());
    let AnyRecord::Goal(goal) = add(
        &mut store,
        AnyRecord::Goal(Goal {
            teacher_id: teacher.meta.id.clone(),
            statement: "On task".into(),
            ..Goal::default()
        }),
    ) else {
        panic!("a goal")
    };
    store.apply(hold(&goal.meta.id)).unwrap();
    assert_eq!(store.check_ins(&teacher.meta.id).unwrap().len(), 1);
    assert_eq!(store.actions(&teacher.meta.id).unwrap().len(), 1);
    let measures = store.measures(&goal.meta.id).unwrap();
    assert_eq!(measures.iter().map(|m| m.value).collect::<Vec<_>>(), [24.0]);
}

/// An observation on a focus that does not exist: nothing in the app checks `focus_id`,
/// and the file's foreign keys are deferred, so it is refused only when the transaction
/// commits. That makes a `COMMIT` fail the way a full disk or a busy file can.
fn observation_on_a_missing_focus(teacher_id: &str) -> Command {
    Command::Add(AnyRecord::Observation(Observation {
        teacher_id: teacher_id.into(),
        focus_id: Some("no-such-focus".into()),
        observed_at: common::moment("2026-11-23T10:00"),
        evidence: "never saved".into(),
        ..Observation::default()
    }))
}

/// Whether another coachlog could write now, i.e. this store holds no write lock.
fn another_writer_gets_in(path: &Path) -> bool {
    let other = rusqlite::Connection::open(path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; ROLLBACK").is_ok()
}

#[test]
fn a_command_whose_commit_fails_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Lee, Min");
    let refused = store
        .apply(observation_on_a_missing_focus(&teacher.meta.id))
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("FOREIGN KEY constraint failed"),
        "{refused}"
    );
    assert!(store.observations(&teacher.meta.id).unwrap().is_empty());
    assert!(another_writer_gets_in(&path), "the transaction was closed");
    add_teacher(&mut store, "Park, Eve");
    assert_eq!(store.teachers(false).unwrap().len(), 2);
}

#[test]
fn a_batch_whose_commit_fails_is_rolled_back() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Lee, Min");
    let refused = store
        .batch(|store| {
            add_teacher(store, "Park, Eve");
            store.apply(observation_on_a_missing_focus(&teacher.meta.id))
        })
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("FOREIGN KEY constraint failed"),
        "{refused}"
    );
    let names: Vec<String> = store
        .teachers(true)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["Lee, Min"], "the batch's teacher was rolled back");
    assert!(store.observations(&teacher.meta.id).unwrap().is_empty());
    assert!(another_writer_gets_in(&path), "the transaction was closed");
    // The next write is a transaction of its own, not part of the failed one.
    add_teacher(&mut store, "Okafor, Ngozi");
    drop(store);
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.teachers(true).unwrap().len(), 2);
}

#[test]
fn a_panic_inside_a_batch_leaves_no_transaction_open() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        store.batch(|store| {
            add_teacher(store, "Park, Eve");
            panic!("a bug in the middle of a batch");
            #[allow(unreachable_code)]
            Ok::<_, Error>(())
        })
    }));
    assert!(unwound.is_err(), "the panic went on");
    assert!(
        store.teachers(true).unwrap().is_empty(),
        "nothing from the batch was written"
    );
    assert!(another_writer_gets_in(&path), "no write lock is held");
    // The store is usable, outside a batch and in a new one.
    add_teacher(&mut store, "Lee, Min");
    store
        .batch(|store| {
            add_teacher(store, "Okafor, Ngozi");
            Ok::<_, Error>(())
        })
        .unwrap();
    drop(store);
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.teachers(true).unwrap().len(), 2);
}

/// Makes every later commit that wrote to `local_draft` fail, as a full disk at commit
/// would: a trigger of this connection alone breaks a deferred foreign key.
fn make_draft_commits_fail(store: &Store) {
    store
        .execute_for_tests(
            "CREATE TEMP TABLE parent (id TEXT PRIMARY KEY);
             CREATE TEMP TABLE child (
                 parent_id TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
             CREATE TEMP TRIGGER draft_saved AFTER INSERT ON main.local_draft
                 BEGIN INSERT INTO child VALUES ('nowhere'); END;
             CREATE TEMP TRIGGER draft_deleted AFTER DELETE ON main.local_draft
                 BEGIN INSERT INTO child VALUES ('nowhere'); END;",
        )
        .unwrap();
}

#[test]
fn a_draft_write_whose_commit_fails_is_rolled_back() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Lee, Min");
    store
        .save_draft("D1", &teacher.meta.id, "{\"lines\":[]}")
        .unwrap();
    make_draft_commits_fail(&store);

    assert!(store.save_draft("D2", &teacher.meta.id, "{}").is_err());
    assert!(store.delete_draft("D1").is_err());
    let drafts: Vec<String> = store.drafts().unwrap().into_iter().map(|d| d.id).collect();
    assert_eq!(drafts, ["D1"], "neither write took effect");
    assert!(another_writer_gets_in(&path), "the transaction was closed");

    store
        .execute_for_tests("DROP TRIGGER draft_saved; DROP TRIGGER draft_deleted")
        .unwrap();
    store.delete_draft("D1").unwrap();
    assert!(store.drafts().unwrap().is_empty());
}

#[test]
fn schema_has_text_keys_and_no_unique_constraints_across_rows() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path, clock()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    for kind in Kind::ALL {
        let table = coachlog::db::table(kind);
        let columns: Vec<(String, String, i64, i64)> = conn
            .prepare(&format!("PRAGMA table_info({table})"))
            .unwrap()
            .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?, r.get(5)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let id = columns.iter().find(|c| c.0 == "id").unwrap();
        assert_eq!((id.1.as_str(), id.2, id.3), ("TEXT", 1, 1), "{table}.id");
        for needed in [
            "created_at",
            "updated_at",
            "author",
            "replica_id",
            "deleted_at",
        ] {
            assert!(
                columns.iter().any(|c| c.0 == needed),
                "{table} lacks {needed}"
            );
        }
        let unique: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM pragma_index_list('{table}') WHERE \"unique\" = 1 AND origin <> 'pk'"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(unique, 0, "{table} has a UNIQUE constraint");
    }
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%updated_at%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0, "no trigger stamps times");
}

fn pragma(path: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_query_value(None, name, |r| r.get(0)).unwrap()
}

#[test]
fn a_new_file_is_migrated_and_reopens() {
    let (dir, path) = temp_db();
    let store = Store::open(&path, clock()).unwrap();
    drop(store);
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma(&path, "application_id"), i64::from(APPLICATION_ID));
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Reopening is a no-op: no backup, same version.
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Brandt, Felix");
    let backups = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn an_older_coachlog_file_is_backed_up_before_it_is_migrated() {
    let (dir, path) = temp_db();
    {
        // A coachlog file at schema 0: our application id, nothing else yet.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE local_note (text TEXT); INSERT INTO local_note VALUES ('kept');",
        )
        .unwrap();
    }
    Store::open(&path, clock()).unwrap();
    let backup = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".bak"))
        .expect("a backup beside the file");
    assert!(backup.to_string_lossy().contains(".v0-20261123-104200"));
    common::assert_owner_only(&backup);
    let old = rusqlite::Connection::open(&backup).unwrap();
    let kept: String = old
        .query_row("SELECT text FROM local_note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "kept");
    assert_eq!(pragma(&backup, "user_version"), 0);
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
}

/// Opens `path` expecting a refusal, and checks the file is byte-for-byte as it was.
fn refused_untouched(path: &Path) -> Error {
    let before = fs::read(path).unwrap();
    let error = match Store::open(path, clock()) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(error) => error,
    };
    assert_eq!(fs::read(path).unwrap(), before, "the file changed");
    error
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let (_dir, path) = temp_db();
    fs::write(&path, "Name,School\nSmith,Eastside\n".repeat(20)).unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::NotSqlite { .. }));
    assert!(
        error.to_string().contains("not a coachlog database"),
        "{error}"
    );

    // Damaged: a real header followed by garbage.
    let mut damaged = b"SQLite format 3\0".to_vec();
    damaged.extend(std::iter::repeat_n(0xA5u8, 4096));
    fs::write(&path, damaged).unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::NotSqlite { .. }), "{error}");
}

#[test]
fn another_applications_sqlite_file_is_refused_untouched() {
    let (_dir, path) = temp_db();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let error = refused_untouched(&path);
    assert!(
        matches!(error, Error::ForeignApp { app_id: 0, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("another application"));

    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0x1234_5678)
            .unwrap();
    }
    let error = refused_untouched(&path);
    assert!(
        matches!(
            error,
            Error::ForeignApp {
                app_id: 0x1234_5678,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn a_file_from_a_newer_coachlog_is_refused_untouched() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path, clock()).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::TooNew { .. }), "{error}");
    assert!(error.to_string().contains("newer coachlog"), "{error}");
}

#[cfg(unix)]
#[test]
fn the_folder_and_files_are_private_to_the_owner() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new-folder").join("coachlog.db");
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    assert_eq!(mode(&path), 0o600);
    for suffix in ["-wal", "-shm"] {
        let companion = PathBuf::from(format!("{}{suffix}", path.display()));
        assert!(companion.exists(), "{suffix} exists while open");
        assert_eq!(mode(&companion), 0o600, "{suffix}");
    }
}

#[test]
fn writes_use_wal_full_sync_and_foreign_keys() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path, clock()).unwrap();
    // The settings of the connection the store writes with, not of a fresh one.
    assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    assert_eq!(store.pragma("synchronous").unwrap(), "2", "FULL");
    assert_eq!(store.pragma("foreign_keys").unwrap(), "1");
    // A row pointing nowhere, written past every rule of the app, is refused by the file.
    let refused = store
        .execute_for_tests(
            "INSERT INTO goal (id, teacher_id, statement, created_at, updated_at, author, replica_id)
             VALUES ('G1', 'nobody', 'On task', 't', 't', 'a', 'r')",
        )
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("FOREIGN KEY constraint failed"),
        "{refused}"
    );
    assert_eq!(store.get::<Goal>("G1").unwrap(), None);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_teachers_whole_file_reads_back_in_one_go() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Smith, Dan");
    let tid = teacher.meta.id.clone();
    let AnyRecord::Goal(goal) = add(
        &mut store,
        AnyRecord::Goal(Goal {
            teacher_id: tid.clone(),
            statement: "On task".into(),
            ..Goal::default()
        }),
    ) else {
        panic!()
    };
    add(
        &mut store,
        AnyRecord::Measure(Measure {
            goal_id: goal.meta.id.clone(),
            measured_on: day("2026-11-01"),
            value: 9.0,
            ..Measure::default()
        }),
    );
    add(
        &mut store,
        AnyRecord::Focus(Focus {
            teacher_id: tid.clone(),
            statement: "Warm-up".into(),
            started_on: day("2026-10-12"),
            ..Focus::default()
        }),
    );
    for (at_text, rating) in [("2026-11-02T09:00", 1), ("2026-11-20T09:00", 3)] {
        add(
            &mut store,
            AnyRecord::Observation(Observation {
                teacher_id: tid.clone(),
                observed_at: common::moment(at_text),
                rating: Rating::new(rating),
                ..Observation::default()
            }),
        );
    }
    store
        .apply(Command::HoldCheckIn {
            check_in: CheckIn {
                teacher_id: tid.clone(),
                held_on: day("2026-11-09"),
                kind: CheckInKind::Leader,
                notes: "n".into(),
                ..CheckIn::default()
            },
            done: vec![],
            carried: vec![],
            new_actions: vec![Action {
                what: "Share data".into(),
                owner: "coach".into(),
                ..Action::default()
            }],
            measures: vec![],
        })
        .unwrap();
    // Another teacher's records stay out.
    let other = add_teacher(&mut store, "Lee, Min");
    add(
        &mut store,
        AnyRecord::Action(Action {
            teacher_id: other.meta.id.clone(),
            what: "x".into(),
            owner: "coach".into(),
            ..Action::default()
        }),
    );

    let file = store.teacher_file(&tid).unwrap().unwrap();
    assert_eq!(file.teacher.name, "Smith, Dan");
    assert_eq!(
        (file.goals.len(), file.measures.len(), file.focuses.len()),
        (1, 1, 1)
    );
    assert_eq!(file.check_ins[0].kind, CheckInKind::Leader);
    assert_eq!(file.actions.len(), 1);
    assert_eq!(
        file.actions[0].check_in_id.as_deref(),
        Some(file.check_ins[0].meta.id.as_str())
    );
    let ratings: Vec<u8> = file
        .observations
        .iter()
        .filter_map(|o| o.rating.map(|r| r.value()))
        .collect();
    assert_eq!(ratings, vec![3, 1], "newest first");
    assert_eq!(file.active_focus().unwrap().statement, "Warm-up");
    assert!(store.teacher_file("nobody").unwrap().is_none());
}

#[test]
fn a_long_history_loads_its_observations_a_page_at_a_time() {
    use coachlog::db::OBSERVATION_PAGE;
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Smith, Dan");
    let total = OBSERVATION_PAGE * 2 + 7;
    let start = at("2020-01-06T09:00");
    store
        .batch(|store| {
            for n in 0..total {
                let observed_at = start + chrono::Duration::days(n as i64);
                store.apply(Command::Add(AnyRecord::Observation(Observation {
                    teacher_id: teacher.meta.id.clone(),
                    observed_at: LocalTime::utc_wall(observed_at),
                    evidence: format!("visit {n}"),
                    ..Observation::default()
                })))?;
            }
            Ok::<_, Error>(())
        })
        .unwrap();
    let mut file = store.teacher_file(&teacher.meta.id).unwrap().unwrap();
    assert_eq!(
        file.observations.len(),
        OBSERVATION_PAGE,
        "only the newest page at first"
    );
    assert!(!file.all_observations);
    assert_eq!(
        file.observations[0].evidence,
        format!("visit {}", total - 1)
    );
    let (page, complete) = store
        .older_observations(file.observations.last().unwrap())
        .unwrap();
    assert_eq!(page.len(), OBSERVATION_PAGE);
    assert!(!complete);
    assert_eq!(
        page[0].evidence,
        format!("visit {}", total - 1 - OBSERVATION_PAGE),
        "no gap, no repeat"
    );
    store.load_all_observations(&mut file).unwrap();
    assert!(file.all_observations);
    assert_eq!(file.observations.len(), total);
    assert_eq!(file.observations.last().unwrap().evidence, "visit 0");
}

#[test]
fn a_second_instance_waits_for_the_first_rather_than_failing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    // Another coachlog (here a plain connection) is in the middle of a write.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        ready_tx.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });
    ready_rx.recv().unwrap();
    let started = std::time::Instant::now();
    add_teacher(&mut store, "Lee, Min");
    let waited = started.elapsed();
    holder.join().unwrap();
    assert!(
        waited >= std::time::Duration::from_millis(250),
        "the write went through after {waited:?}, while the other one held the file"
    );
    assert_eq!(store.teachers(false).unwrap().len(), 1);
}

#[test]
fn a_full_disk_is_said_plainly_and_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Smith, Dan");
    let pages: u32 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    store.cap_size_for_tests(pages).unwrap();
    let long = "evidence ".repeat(20_000);
    let refused = store
        .apply(Command::Add(AnyRecord::Observation(Observation {
            teacher_id: teacher.meta.id.clone(),
            observed_at: common::moment("2026-11-23T10:00"),
            evidence: long,
            ..Observation::default()
        })))
        .unwrap_err();
    assert!(matches!(refused, Error::DiskFull), "{refused:?}");
    assert_eq!(
        refused.to_string(),
        "the disk is full: nothing was saved. Free some space and try again"
    );
    assert!(store.observations(&teacher.meta.id).unwrap().is_empty());
}

#[test]
fn the_store_lists_actions_in_the_domains_action_order() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teachers = [
        add_teacher(&mut store, "Smith, Dan"),
        add_teacher(&mut store, "Okafor, Ada"),
    ];
    // A caseload saved in a shuffled order, with ties on due and done dates.
    let mut seed: u64 = 7;
    let mut next = |below: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    for n in 0..40 {
        let date = |offset: u64| day("2026-09-01") + chrono::Days::new(offset);
        let due_on = (next(4) > 0).then(|| date(next(10) * 7));
        let done_on = (next(2) == 0).then(|| date(next(10) * 7));
        let teacher = &teachers[next(2) as usize];
        add(
            &mut store,
            AnyRecord::Action(Action {
                teacher_id: teacher.meta.id.clone(),
                what: format!("action {n}"),
                owner: "coach".into(),
                due_on,
                done_on,
                ..Action::default()
            }),
        );
    }
    let in_domain_order = |mut actions: Vec<Action>| {
        actions.sort_by(|a, b| action_order(a, b).then_with(|| a.meta.id.cmp(&b.meta.id)));
        actions
    };
    let mut every_open = Vec::new();
    for teacher in &teachers {
        let listed = store.actions(&teacher.meta.id).unwrap();
        assert!(listed.len() > 5, "enough actions to order");
        assert_eq!(listed, in_domain_order(listed.clone()));
        let file = store.teacher_file(&teacher.meta.id).unwrap().unwrap();
        assert_eq!(file.actions, listed, "the workspace lists them alike");
        every_open.extend(file.open_actions().cloned());
    }
    let agenda: Vec<_> = store
        .open_actions()
        .unwrap()
        .into_iter()
        .map(|action| (action.id, action.what, action.owner, action.due_on))
        .collect();
    let expected: Vec<_> = in_domain_order(every_open)
        .into_iter()
        .map(|action| (action.meta.id, action.what, action.owner, action.due_on))
        .collect();
    assert_eq!(agenda, expected, "the agenda's open actions");
}

#[test]
fn purging_destroys_only_what_is_in_the_trash_with_what_belongs_to_it() {
    let (_dir, store, smith) = common::caseload();
    let mut store = store;
    let file = store.teacher_file(&smith).unwrap().unwrap();
    let focus = file.active_focus().unwrap().meta.id.clone();
    let seen_on_focus = file
        .observations
        .iter()
        .filter(|o| o.focus_id.as_deref() == Some(focus.as_str()))
        .count();
    assert!(seen_on_focus > 0);
    // Only a record in the trash can be purged.
    let live = store.apply(Command::Purge {
        kind: Kind::Focus,
        id: focus.clone(),
    });
    assert!(
        matches!(&live, Err(Error::Invalid(m)) if m.contains("not in the trash")),
        "{live:?}"
    );
    // A trashed focus goes; the visits on it stay and let go of it.
    store
        .apply(Command::Delete {
            kind: Kind::Focus,
            id: focus.clone(),
        })
        .unwrap();
    store
        .apply(Command::Purge {
            kind: Kind::Focus,
            id: focus.clone(),
        })
        .unwrap();
    assert!(store.get::<Focus>(&focus).unwrap().is_none());
    let after = store.teacher_file(&smith).unwrap().unwrap();
    assert_eq!(after.observations.len(), file.observations.len());
    assert!(after.observations.iter().all(|o| o.focus_id.is_none()));
    assert!(store.trash().unwrap().is_empty());
    // A trashed teacher goes with every record of theirs; nobody else's is touched.
    let others_before = store.search("waited", 50).unwrap().len();
    assert!(others_before > 0, "Okafor's visit");
    assert!(
        !store.search("warm-up", 50).unwrap().is_empty(),
        "Smith's notes"
    );
    store
        .apply(Command::Delete {
            kind: Kind::Teacher,
            id: smith.clone(),
        })
        .unwrap();
    store
        .apply(Command::Purge {
            kind: Kind::Teacher,
            id: smith.clone(),
        })
        .unwrap();
    assert!(store.get::<Teacher>(&smith).unwrap().is_none());
    assert!(store.observations(&smith).unwrap().is_empty());
    assert!(store.actions(&smith).unwrap().is_empty());
    assert!(store.goals(&smith).unwrap().is_empty());
    assert!(
        store.search("warm-up", 50).unwrap().is_empty(),
        "nor in search"
    );
    assert_eq!(store.search("waited", 50).unwrap().len(), others_before);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// Two visits on the night the clocks go back in New York: 01:30 daylight time, then,
/// forty minutes later, 01:10 standard time.
fn visits_either_side_of_the_fall_back(store: &mut Store, teacher_id: &str) {
    let standard = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
    for (observed_at, evidence) in [
        // A typed time in the repeated hour is the first of the two: daylight time.
        (common::NEW_YORK.at_wall(at("2026-11-01T01:30")), "first"),
        (LocalTime::new(at("2026-11-01T01:10"), standard), "second"),
    ] {
        store
            .apply(Command::Add(AnyRecord::Observation(Observation {
                teacher_id: teacher_id.into(),
                observed_at,
                evidence: evidence.into(),
                ..Observation::default()
            })))
            .unwrap();
    }
}

#[test]
fn visits_either_side_of_the_clocks_going_back_list_in_the_order_they_happened() {
    let (_dir, mut store) = common::store_in_new_york("2026-11-23T10:42");
    let teacher = add_teacher(&mut store, "Smith, Dan");
    visits_either_side_of_the_fall_back(&mut store, &teacher.meta.id);
    let evidence = |observations: &[Observation]| -> Vec<String> {
        observations.iter().map(|o| o.evidence.clone()).collect()
    };
    let file = store.teacher_file(&teacher.meta.id).unwrap().unwrap();
    assert_eq!(
        evidence(&file.observations),
        ["second", "first"],
        "newest first"
    );
    assert_eq!(
        evidence(&store.observations(&teacher.meta.id).unwrap()),
        ["second", "first"]
    );
    let (older, complete) = store.older_observations(&file.observations[0]).unwrap();
    assert_eq!((evidence(&older), complete), (vec!["first".into()], true));
    let second = &file.observations[0].observed_at;
    assert_eq!(second.format("%H:%M %z").to_string(), "01:10 -0500");
    let stored: Vec<String> = rusqlite::Connection::open(store.path())
        .unwrap()
        .prepare("SELECT observed_at FROM observation ORDER BY evidence")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored, ["2026-11-01T01:30-04:00", "2026-11-01T01:10-05:00"]);
}

/// A caseload written by the released schema 4 (teachers, a goal with measures, focuses,
/// visits, check-ins, actions, a walkthrough round with a mark, one record in the trash
/// and an unfinished visit), kept byte for byte as that release wrote it.
const SCHEMA_4: &[u8] = include_bytes!("fixtures/schema-4.db");

#[test]
fn a_file_written_by_the_schema_4_release_opens_with_nothing_lost() {
    let (_dir, path) = temp_db();
    fs::write(&path, SCHEMA_4).unwrap();
    let store = Store::open(&path, clock()).unwrap();
    // Brought up to this schema, with the file as it was kept beside it.
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    let kept: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".v4-"))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "one copy of the schema-4 file before the upgrade"
    );
    assert_eq!(pragma(&kept[0].path(), "user_version"), 4);
    let roster = store.roster(false).unwrap();
    let names: Vec<&str> = roster.iter().map(|r| r.teacher.name.as_str()).collect();
    assert_eq!(names, ["Brandt, Felix", "Okafor, Ngozi", "Smith, Dan"]);
    let smith = &roster[2].teacher;
    let file = store.teacher_file(&smith.meta.id).unwrap().unwrap();
    assert_eq!(
        file.active_focus().map(|f| f.statement.as_str()),
        Some("Warm-up connects to the day's learning target")
    );
    assert_eq!(file.goals.len(), 1);
    let measures: Vec<(f64, &str)> = file
        .measures
        .iter()
        .map(|m| (m.value, m.note.as_str()))
        .collect();
    assert_eq!(measures, [(32.0, "9/28 on task"), (86.0, "24/28 on task")]);
    assert!(
        file.measures.iter().all(|m| m.out_of.is_none()),
        "as they were typed"
    );
    // Times written before offsets were kept read as the same wall-clock minutes.
    let visits: Vec<String> = file
        .observations
        .iter()
        .map(|o| o.observed_at.format("%Y-%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(
        visits,
        ["2026-11-20 10:36", "2026-10-28 10:30"],
        "one is in the trash"
    );
    assert_eq!(file.check_ins.len(), 1);
    assert_eq!(file.actions.len(), 2);
    let trash = store.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(
        trash[0].summary,
        "Warm-up not posted; 6 of 28 off task at 10:40."
    );
    let rounds = store.walkthroughs().unwrap();
    let round = store.round(&rounds[0].meta.id).unwrap().unwrap();
    assert_eq!(round.tally().partly, 1);
    assert_eq!(store.drafts().unwrap().len(), 1, "the unfinished visit");
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let found: Vec<String> = store
        .search("board", 10)
        .unwrap()
        .into_iter()
        .map(|hit| hit.teacher_name)
        .collect();
    assert_eq!(found, ["Brandt, Felix"], "the search index came along");
}

/// `pid:start` of a running process, as /proc tells it.
fn process_mark(pid: u32) -> String {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let start = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .nth(19)
        .unwrap();
    format!("{pid}:{start}")
}

#[test]
fn a_draft_open_in_another_running_window_is_not_offered_until_that_window_is_gone() {
    let (_dir, mut store, smith) = common::caseload();
    store.save_draft("D1", &smith, "{}").unwrap();
    assert!(
        !store.drafts().unwrap()[0].held_elsewhere,
        "held by this very process"
    );
    // Another coachlog, still running, reopened it.
    let mut other = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let mark = process_mark(other.id());
    store
        .execute_for_tests(&format!(
            "INSERT OR REPLACE INTO local_meta (key, value) VALUES ('draft holder D1', '{mark}')"
        ))
        .unwrap();
    assert!(store.drafts().unwrap()[0].held_elsewhere);
    // That window is gone (closed or killed): the draft is offered again.
    other.kill().unwrap();
    other.wait().unwrap();
    assert!(!store.drafts().unwrap()[0].held_elsewhere);
    // A pid reused by another process later does not count as the holder.
    store
        .execute_for_tests(&format!(
            "INSERT OR REPLACE INTO local_meta (key, value) VALUES ('draft holder D1', '{}:1')",
            std::process::id()
        ))
        .unwrap();
    assert!(!store.drafts().unwrap()[0].held_elsewhere);
    store.delete_draft("D1").unwrap();
    assert!(store.drafts().unwrap().is_empty());
}

/// Opens a copy of the file a release wrote with this build and compares every record
/// before and after, column by column as that release had them.
fn upgrade_keeps_every_record(release: &[u8]) {
    let (dir, path) = temp_db();
    let before_path = dir.path().join("as-released.db");
    fs::write(&before_path, release).unwrap();
    fs::write(&path, release).unwrap();
    let before = common::upgrade::record_rows(&before_path);
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    drop(store);
    common::upgrade::assert_kept(&before, &common::upgrade::record_rows(&path));
}

#[test]
fn every_record_of_the_schema_4_release_is_kept_value_for_value() {
    upgrade_keeps_every_record(SCHEMA_4);
}

/// Written by the schema-8 release: the schema-4 file opened by it, with a visit added
/// from the shell and feedback on it shared with the teacher.
const SCHEMA_8: &[u8] = include_bytes!("fixtures/schema-8.db");

#[test]
fn every_record_of_the_schema_8_release_is_kept_value_for_value() {
    upgrade_keeps_every_record(SCHEMA_8);
}

#[test]
fn a_file_written_by_the_schema_8_release_keeps_its_shared_feedback() {
    let (_dir, path) = temp_db();
    fs::write(&path, SCHEMA_8).unwrap();
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    let roster = store.roster(false).unwrap();
    let smith = roster
        .iter()
        .find(|r| r.teacher.name == "Smith, Dan")
        .unwrap();
    let file = store.teacher_file(&smith.teacher.meta.id).unwrap().unwrap();
    let visit = file
        .observations
        .iter()
        .find(|o| o.feedback_shared_at.is_some())
        .expect("the visit whose feedback was shared");
    assert_eq!(
        visit.evidence,
        "Warm-up posted; 24 of 28 students started within two minutes."
    );
    assert_eq!(
        visit.feedback_strength,
        "The warm-up was on the board before the bell."
    );
    assert_eq!(visit.minutes, Some(15));
    assert_eq!(
        visit.observed_at.format("%Y-%m-%d %H:%M %z").to_string(),
        "2026-11-24 10:40 -0500"
    );
}

#[test]
fn a_role_and_groups_are_kept_read_back_and_exported_with_the_caseload() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let AnyRecord::Teacher(reyes) = add(
        &mut store,
        AnyRecord::Teacher(Teacher {
            name: "Reyes, Ana".into(),
            school: "Eastside Middle".into(),
            cadence_days: 30,
            role: Role::Leader,
            tags: vec!["leader PLC".into(), "blended pilot".into()],
            ..Teacher::default()
        }),
    ) else {
        panic!("not a person")
    };
    assert_eq!(reyes.role, Role::Leader);
    assert_eq!(reyes.tags, ["leader PLC", "blended pilot"]);
    let read = store.get::<Teacher>(&reyes.meta.id).unwrap().unwrap();
    assert_eq!(read, reyes);
    let roster = store.roster_names(false).unwrap();
    assert_eq!(roster[0].teacher.role, Role::Leader);
    assert_eq!(roster[0].teacher.tags, reyes.tags);
    // A teacher's export says nothing new; a leader's names the role and the groups.
    let smith = add_teacher(&mut store, "Smith, Dan");
    let json = serde_json::to_string(&smith).unwrap();
    assert!(!json.contains("role") && !json.contains("tags"), "{json}");
    let json = serde_json::to_string(&reyes).unwrap();
    assert!(
        json.contains(r#""role":"leader""#)
            && json.contains(r#""tags":["leader PLC","blended pilot"]"#)
    );
    // And a file from before roles (no role, no tags) reads as a teacher in no group.
    let old: Teacher = serde_json::from_str(
        &json
            .replace(r#""role":"leader","#, "")
            .replace(r#","tags":["leader PLC","blended pilot"]"#, ""),
    )
    .unwrap();
    assert_eq!((old.role, old.tags.len()), (Role::Teacher, 0));
}

#[test]
fn a_focus_keeps_the_tallies_it_defines_and_a_visit_the_counts_it_kept() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    let teacher = add_teacher(&mut store, "Smith, Dan");
    let defined = vec![
        TallyDef {
            name: "students on task".into(),
            out_of: Some(28),
        },
        TallyDef::named("redirects"),
    ];
    store
        .apply(Command::SetFocus {
            focus: Focus {
                teacher_id: teacher.meta.id.clone(),
                statement: "Warm-up connects to the target".into(),
                tallies: defined.clone(),
                started_on: day("2026-10-12"),
                ..Focus::default()
            },
            previous_outcome: None,
        })
        .unwrap();
    let counts: BTreeMap<String, u32> = [("students on task".to_string(), 19)].into();
    add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: teacher.meta.id.clone(),
            observed_at: common::moment("2026-11-23T10:40"),
            tallies: counts.clone(),
            ..Observation::default()
        }),
    );
    drop(store);

    let mut store = Store::open(&path, clock()).unwrap();
    let file = store.teacher_file(&teacher.meta.id).unwrap().unwrap();
    let focus = file.active_focus().unwrap().clone();
    assert_eq!(focus.tallies, defined);
    assert_eq!(file.observations[0].tallies, counts);

    // An edit that drops a tally writes it, and the file says so.
    let mut edited = focus.clone();
    edited.tallies.truncate(1);
    store.apply(Command::revise(focus.clone(), edited)).unwrap();
    let back = store.get::<Focus>(&focus.meta.id).unwrap().unwrap();
    assert_eq!(back.tallies, defined[..1]);
}
