//! Supports tried: a coach records training, co-planning, a peer visit… given to a
//! teacher; they are kept, edited, trashed, restored, searched and carried by a caseload
//! export like every other record.

mod common;

use coachlog::db::{Command, Store};
use coachlog::model::*;
use common::{clock, day, empty_store};

fn support(teacher_id: &str, kind: SupportKind, on: &str, note: &str) -> Support {
    Support {
        teacher_id: teacher_id.into(),
        kind,
        given_on: day(on),
        given_by: "coach".into(),
        note: note.into(),
        minutes: Some(kind.default_minutes()),
        ..Support::default()
    }
}

#[test]
fn a_support_is_kept_edited_trashed_restored_and_purged_like_any_record() {
    let (_dir, mut store, smith) = common::caseload();
    let file = store.teacher_file(&smith).unwrap().unwrap();
    let focus = file.teacher.active_focus_id.clone();
    let id = common::add(
        &mut store,
        AnyRecord::Support(Support {
            focus_id: focus.clone(),
            ..support(
                &smith,
                SupportKind::CoPlanning,
                "2026-11-02",
                "Planned Thursday's warm-up with Ms. Okafor",
            )
        }),
    );
    let file = store.teacher_file(&smith).unwrap().unwrap();
    assert_eq!(file.supports.len(), 1);
    let kept = file.supports[0].clone();
    assert_eq!(kept.meta.id, id);
    assert_eq!(kept.kind, SupportKind::CoPlanning);
    assert_eq!(kept.minutes, Some(45));
    assert_eq!(kept.focus_id, focus);

    // Edited: only what changed is written.
    let mut edited = kept.clone();
    edited.kind = SupportKind::Modelling;
    edited.note = "Modelled the warm-up in her room".into();
    store.apply(Command::revise(kept.clone(), edited)).unwrap();
    let now = store.get::<Support>(&id).unwrap().unwrap();
    assert_eq!(
        (now.kind, now.note.as_str()),
        (SupportKind::Modelling, "Modelled the warm-up in her room")
    );

    // Found by its words, with its day.
    let hits = store.search("modelled", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].date),
        (Kind::Support, day("2026-11-02"))
    );

    // Trashed: gone from the file and the search, listed in the trash.
    let trashed = store
        .apply(Command::Delete {
            kind: Kind::Support,
            id: id.clone(),
        })
        .unwrap();
    assert!(
        store
            .teacher_file(&smith)
            .unwrap()
            .unwrap()
            .supports
            .is_empty()
    );
    assert!(store.search("modelled", 10).unwrap().is_empty());
    let trash = store.trash().unwrap();
    assert_eq!(trash[0].kind, Kind::Support);
    assert!(trash[0].summary.contains("modelling"), "{:?}", trash[0]);

    // Undone, then trashed again and restored by id from the trash.
    store.apply(Command::Undo(trashed)).unwrap();
    assert_eq!(
        store.teacher_file(&smith).unwrap().unwrap().supports.len(),
        1
    );
    store
        .apply(Command::Delete {
            kind: Kind::Support,
            id: id.clone(),
        })
        .unwrap();
    store.restore(&id[..8]).unwrap();
    assert_eq!(
        store.teacher_file(&smith).unwrap().unwrap().supports.len(),
        1
    );

    // Purged for good only from the trash.
    assert!(
        store
            .apply(Command::Purge {
                kind: Kind::Support,
                id: id.clone()
            })
            .is_err(),
        "a live support cannot be purged"
    );
    store
        .apply(Command::Delete {
            kind: Kind::Support,
            id: id.clone(),
        })
        .unwrap();
    store
        .apply(Command::Purge {
            kind: Kind::Support,
            id: id.clone(),
        })
        .unwrap();
    assert_eq!(store.get::<Support>(&id).unwrap(), None);
}

#[test]
fn a_support_needs_someone_who_gave_it() {
    let (_dir, mut store, smith) = common::caseload();
    let refused = store
        .apply(Command::Add(AnyRecord::Support(Support {
            given_by: "  ".into(),
            ..support(&smith, SupportKind::Training, "2026-11-02", "")
        })))
        .unwrap_err();
    assert_eq!(refused.to_string(), "who gave the support is required");
}

#[test]
fn purging_the_focus_a_support_was_given_under_keeps_the_support() {
    let (_dir, mut store, smith) = common::caseload();
    let focus = store
        .teacher_file(&smith)
        .unwrap()
        .unwrap()
        .teacher
        .active_focus_id
        .unwrap();
    let id = common::add(
        &mut store,
        AnyRecord::Support(Support {
            focus_id: Some(focus.clone()),
            ..support(&smith, SupportKind::PeerVisit, "2026-11-02", "")
        }),
    );
    for command in [
        Command::Delete {
            kind: Kind::Focus,
            id: focus.clone(),
        },
        Command::Purge {
            kind: Kind::Focus,
            id: focus,
        },
    ] {
        store.apply(command).unwrap();
    }
    let kept = store.get::<Support>(&id).unwrap().unwrap();
    assert_eq!(kept.focus_id, None);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_caseload_export_carries_supports_into_another_file() {
    let (_dir, mut store, smith) = common::caseload();
    common::add(
        &mut store,
        AnyRecord::Support(support(
            &smith,
            SupportKind::FeedbackConference,
            "2026-10-20",
            "Talked through the two visits",
        )),
    );
    let caseload = store.caseload().unwrap();
    assert_eq!(caseload.supports.len(), 1);
    let json = coachlog::export::caseload::write(&caseload, day("2026-11-23"));
    let read = coachlog::export::caseload::read(&json).unwrap();
    assert_eq!(read, caseload);

    let (_other_dir, mut other) = empty_store();
    let imported = other.import(read.into_records(), false).unwrap();
    assert!(imported.changed(true).contains(&(Kind::Support, 1)));
    assert_eq!(other.caseload().unwrap(), caseload);
    // The same file again changes nothing.
    let again = other
        .import(store.caseload().unwrap().into_records(), false)
        .unwrap();
    assert!(again.applied.changes.is_empty());
}

#[test]
fn a_caseload_written_before_supports_were_kept_still_reads() {
    let (_dir, store, _) = common::caseload();
    let json = coachlog::export::caseload::write(&store.caseload().unwrap(), day("2026-11-23"));
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = value.as_object_mut().expect("an object");
    assert!(records.remove("supports").is_some());
    let read = coachlog::export::caseload::read(&value.to_string()).unwrap();
    assert!(read.supports.is_empty());
    assert_eq!(read.teachers.len(), 3);
}

#[test]
fn supports_survive_closing_and_opening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.db");
    let mut store = Store::open(&path, clock()).unwrap();
    let smith = common::teacher(&mut store, "Smith, Dan", "", "");
    let id = common::add(
        &mut store,
        AnyRecord::Support(Support {
            private: true,
            ..support(
                &smith,
                SupportKind::Resource,
                "2026-11-20",
                "Sent the exit-ticket bank",
            )
        }),
    );
    drop(store);
    let store = Store::open(&path, clock()).unwrap();
    let kept = store.get::<Support>(&id).unwrap().unwrap();
    assert_eq!(kept.kind, SupportKind::Resource);
    assert_eq!(kept.minutes, Some(15));
    assert!(kept.private);
    assert_eq!(store.supports(&smith).unwrap(), vec![kept]);
}
