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

// --- in the app -------------------------------------------------------------------------

use coachlog::app::App;
use common::keys::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal
}

fn text(app: &App) -> String {
    screen(app).backend().to_string()
}

fn reader(app: &App) -> Store {
    Store::open(app.db_path(), clock()).unwrap()
}

#[test]
fn p_in_the_workspace_records_co_planning_shown_on_the_timeline_and_the_chart() {
    let (_dir, store, smith) = common::caseload();
    let mut app = App::new(store).unwrap();
    press(&mut app, "<Down><Down><Enter>p");
    let shown = text(&app);
    assert!(shown.contains("Support given"), "{shown}");
    // The kind first: 2 is co-planning, and the cursor goes on to the day.
    press(&mut app, "2");
    insta::assert_snapshot!("support_form", screen(&app).backend());
    press(
        &mut app,
        "2026-11-02<Tab><Tab><Tab>Planned Thursday's warm-up together<C-s>",
    );
    let saved = reader(&app).supports(&smith).unwrap();
    assert_eq!(saved.len(), 1, "{}", text(&app));
    assert_eq!(
        (
            saved[0].kind,
            saved[0].given_on,
            saved[0].given_by.as_str(),
            saved[0].minutes
        ),
        (
            SupportKind::CoPlanning,
            day("2026-11-02"),
            "coach",
            Some(45)
        )
    );
    assert!(saved[0].focus_id.is_some(), "given under the active focus");

    // Newest first: the goal, a measure, a visit, a check-in, then the support.
    press(&mut app, "6gjjjj");
    let shown = text(&app);
    assert!(
        shown.contains("▲ co-planning by coach · Planned Thursday's warm-up"),
        "{shown}"
    );
    insta::assert_snapshot!("support_timeline", screen(&app).backend());

    press(&mut app, "1");
    insta::assert_snapshot!("support_chart", screen(&app).backend());
    assert!(text(&app).contains("▲co-planning"), "{}", text(&app));

    // Edited and deleted from the timeline.
    press(&mut app, "6e4<C-s>");
    assert_eq!(
        reader(&app).supports(&smith).unwrap()[0].kind,
        SupportKind::PeerVisit,
        "{}",
        text(&app)
    );
    press(&mut app, "dy");
    assert!(reader(&app).supports(&smith).unwrap().is_empty());
    press(&mut app, "u");
    assert_eq!(reader(&app).supports(&smith).unwrap().len(), 1);
}

/// A round over the caseload in which Okafor (partly) and Smith (not seen) need support.
fn round_needing_support(app: &mut App) {
    press(app, "waStudents explain the learning target<C-s>");
    press(app, "1<Enter>2target posted, not explained<Enter>3<Enter>");
    press(app, "<Esc>w<Enter>f");
}

#[test]
fn a_round_follows_up_with_co_planning_for_two_teachers_undone_in_one_step() {
    let (_dir, store, smith) = common::caseload();
    let okafor = store.teachers(false).unwrap()[1].meta.id.clone();
    let mut app = App::new(store).unwrap();
    round_needing_support(&mut app);
    // Follow up with: a support.
    press(&mut app, "<Right><C-s>");
    let supports = |app: &App, id: &str| reader(app).supports(id).unwrap();
    for teacher in [&smith, &okafor] {
        let given = supports(&app, teacher);
        assert_eq!(given.len(), 1, "{}", text(&app));
        assert_eq!(given[0].kind, SupportKind::CoPlanning);
        assert_eq!(
            given[0].note,
            "Co-plan a lesson: Students explain the learning target"
        );
        assert_eq!(given[0].given_by, "coach");
    }
    assert!(
        reader(&app)
            .teacher_file(&smith)
            .unwrap()
            .unwrap()
            .open_actions()
            .all(|a| !a.what.starts_with("Co-plan")),
        "no action was added"
    );
    press(&mut app, "u");
    assert!(supports(&app, &smith).is_empty());
    assert!(supports(&app, &okafor).is_empty());
}

#[test]
fn a_round_follows_up_with_the_practice_as_a_new_focus_replacing_the_current_one() {
    let (_dir, store, smith) = common::caseload();
    let okafor = store.teachers(false).unwrap()[1].meta.id.clone();
    let before = store.teacher_file(&smith).unwrap().unwrap();
    let old_focus = before.teacher.active_focus_id.clone().unwrap();
    let mut app = App::new(store).unwrap();
    round_needing_support(&mut app);
    press(&mut app, "<Right><Right><C-s>");
    let file = |app: &App, id: &str| reader(app).teacher_file(id).unwrap().unwrap();
    for teacher in [&smith, &okafor] {
        let file = file(&app, teacher);
        assert_eq!(
            file.active_focus().map(|f| f.statement.as_str()),
            Some("Students explain the learning target"),
            "{}",
            text(&app)
        );
    }
    let ended = file(&app, &smith)
        .focuses
        .into_iter()
        .find(|f| f.meta.id == old_focus)
        .unwrap();
    assert_eq!(ended.outcome, Some(Outcome::Replaced));
    assert_eq!(ended.ended_on, Some(day("2026-11-23")));
    // One step back: the old focus is active again, the new ones gone.
    press(&mut app, "u");
    assert_eq!(file(&app, &smith).teacher.active_focus_id, Some(old_focus));
    assert!(
        file(&app, &okafor)
            .focuses
            .iter()
            .all(|f| f.statement != "Students explain the learning target")
    );
}

#[test]
fn the_support_forms_minutes_show_the_usual_time_of_the_kind_chosen() {
    let (_dir, store, smith) = common::caseload();
    let mut app = App::new(store).unwrap();
    press(&mut app, "<Down><Down><Enter>p");
    // Co-planning is chosen to start with: 45 minutes; training (1) is 90.
    assert!(text(&app).contains("Minutes       (45)"), "{}", text(&app));
    press(&mut app, "1");
    let shown = text(&app);
    assert!(shown.contains("Minutes       (90)"), "{shown}");
    assert!(!shown.contains("co-planning 45"), "{shown}");
    press(&mut app, "<C-s>");
    let saved = reader(&app).supports(&smith).unwrap();
    assert_eq!(
        (saved[0].kind, saved[0].minutes),
        (SupportKind::Training, Some(90))
    );
}

#[test]
fn a_round_follow_up_says_what_each_teacher_got_and_its_undo_names_them_all() {
    for (keys, given) in [
        ("", "an action each"),
        ("<Right>", "a support each"),
        ("<Right><Right>", "a new focus each"),
    ] {
        let (_dir, store, _) = common::caseload();
        let mut app = App::new(store).unwrap();
        round_needing_support(&mut app);
        press(&mut app, &format!("{keys}<C-s>"));
        let shown = text(&app);
        assert!(
            shown.contains(&format!("Followed up with 2 teachers: {given}")),
            "{shown}"
        );
        press(&mut app, "u");
        let shown = text(&app);
        assert!(
            shown.contains("Undid the follow-up with 2 teachers"),
            "{shown}"
        );
    }
}

// --- on the command line and in the brief --------------------------------------------------

fn coachlog(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB")
        .output()
        .expect("run coachlog")
}

#[test]
fn support_add_and_list_on_the_command_line() {
    let (dir, store, _) = common::caseload();
    let db = store.path().to_path_buf();
    drop(store);
    let added = coachlog(
        &db,
        &[
            "support",
            "add",
            "-t",
            "smi",
            "--kind",
            "peer visit",
            "--on",
            "-3d",
            "--note",
            "Watched Okafor's warm-up\u{1b}[31m",
        ],
    );
    assert!(added.status.success(), "{added:?}");
    assert_eq!(
        String::from_utf8_lossy(&added.stdout),
        "saved support for Smith, Dan · Fri 20 Nov 2026 · peer visit · by coach · 50 min\n"
    );
    let refused = coachlog(&db, &["support", "add", "-t", "smi", "--kind", "pep talk"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--kind: \"pep talk\" is not a kind"),
        "{refused:?}"
    );
    let listed = coachlog(&db, &["support", "list", "-t", "smith"]);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        "2026-11-20\tpeer visit\tcoach\t50 min\tWatched Okafor's warm-up\n",
        "the escape sequence was cleaned at the door"
    );
    let brief = coachlog(&db, &["export", "-t", "smith"]);
    let brief = String::from_utf8_lossy(&brief.stdout);
    assert!(
        brief.contains(
            "## What was tried, and what changed after\n\n\
             - **20 Nov 2026** · peer visit · by coach · 50 min · Watched Okafor's warm-up\n  - "
        ),
        "{brief}"
    );
    drop(dir);
}
