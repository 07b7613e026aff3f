//! Feedback for the teacher: a short note from an observation or a check-in, handed over
//! on the clipboard (OSC 52) or in a file, and kept on the record it came from. Private
//! notes never make one, and ratings go in only when the coach asks.
//!
//! After a deliberate change to the note, regenerate its golden files with
//! `UPDATE_GOLDEN=1 cargo test --test feedback` and review the diff.

mod common;

use coachlog::app::App;
use coachlog::app::clipboard::Terminal;
use coachlog::db::{Command, Store};
use coachlog::export::{self, Options};
use coachlog::model::feedback::{Choices, Note, Source, shared};
use coachlog::model::*;
use common::keys::press;
use common::{caseload, clock, day, golden, moment};
use ratatui::Terminal as Screen;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::process::Output;

const SECRET: &str = "Improvement-plan paperwork drafted";

/// Smith's caseload with a private visit (the latest) and a private check-in (with an
/// action agreed at it) after the shared ones.
fn caseload_with_secrets() -> (tempfile::TempDir, Store, String) {
    let (dir, mut store, smith) = caseload();
    common::add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: smith.clone(),
            observed_at: moment("2026-11-22T09:00"),
            rating: Rating::new(1),
            evidence: format!("{SECRET} after this visit."),
            private: true,
            ..Observation::default()
        }),
    );
    store
        .apply(Command::HoldCheckIn {
            check_in: CheckIn {
                teacher_id: smith.clone(),
                held_on: day("2026-11-12"),
                notes: format!("{SECRET}; union rep informed."),
                private: true,
                ..CheckIn::default()
            },
            done: vec![],
            carried: vec![],
            new_actions: vec![Action {
                what: format!("{SECRET}: principal signs"),
                owner: "principal".into(),
                due_on: Some(day("2026-11-30")),
                ..Action::default()
            }],
            measures: vec![],
        })
        .unwrap();
    (dir, store, smith)
}

fn file_of(store: &Store, id: &str) -> TeacherFile {
    let mut file = store.teacher_file(id).unwrap().unwrap();
    store.load_all_observations(&mut file).unwrap();
    file
}

fn visit_of<'a>(file: &'a TeacherFile, evidence: &str) -> &'a Observation {
    file.observations
        .iter()
        .find(|o| o.evidence.starts_with(evidence))
        .unwrap()
}

fn choices(ratings: bool) -> Choices {
    Choices {
        strength: "Partners explained the target in their own words".into(),
        next_step: "names target".into(),
        ratings,
    }
}

fn all_formats(note: &Note) -> [(&'static str, String); 3] {
    [
        ("text", export::feedback::text(note)),
        ("md", export::feedback::markdown(note)),
        ("html", export::feedback::html(note)),
    ]
}

#[test]
fn the_note_never_holds_private_notes_nor_ratings_unless_asked_in_any_format() {
    let (_dir, store, smith) = caseload_with_secrets();
    let file = file_of(&store, &smith);
    let visit = visit_of(&file, "Students explained");
    let source = Source::find(&file, &visit.meta.id).unwrap();
    let note = Note::new(&file, source, &choices(false), day("2026-11-23"));
    for (format, written) in all_formats(&note) {
        assert!(!written.contains(SECRET), "{format}: {written}");
        assert!(
            !written.contains("developing"),
            "{format}: no rating unasked"
        );
        assert!(
            written.contains("Students explained the target"),
            "{format}"
        );
        assert!(written.contains("Post warm-up before bell"), "{format}");
    }
    let note = Note::new(&file, source, &choices(true), day("2026-11-23"));
    for (format, written) in all_formats(&note) {
        assert!(written.contains("3 developing"), "{format}: asked for");
        assert!(
            !written.contains("1 not yet"),
            "{format}: the private rating"
        );
        assert!(!written.contains(SECRET), "{format}");
    }
    // From a check-in the ratings are those of the shared visits since the one before.
    let check_in = file.check_ins.iter().find(|c| !c.private).unwrap();
    let source = Source::find(&file, &check_in.meta.id).unwrap();
    let note = Note::new(&file, source, &choices(true), day("2026-11-23"));
    for (format, written) in all_formats(&note) {
        assert!(!written.contains(SECRET), "{format}");
        assert!(written.contains("2 beginning"), "{format}: 28 Oct's rating");
    }
    // The private records themselves make none, and the latest record is private.
    let private_visit = visit_of(&file, SECRET);
    assert!(Source::find(&file, &private_visit.meta.id).is_err());
    let private_check_in = file.check_ins.iter().find(|c| c.private).unwrap();
    assert!(Source::find(&file, &private_check_in.meta.id).is_err());
    assert!(Source::latest(&file).is_err());
}

#[test]
fn the_plain_text_holds_no_control_character_but_line_breaks() {
    let (_dir, mut store, smith) = caseload();
    common::add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: smith.clone(),
            observed_at: moment("2026-11-23T09:00"),
            evidence: "Bell\x07 rang\r\n\x1b]52;c;ZXZpbA==\x07\x1b[2J then\tquiet".into(),
            ..Observation::default()
        }),
    );
    let file = file_of(&store, &smith);
    let source = Source::latest(&file).unwrap();
    let typed = Choices {
        strength: "Calm\x1b[31m start".into(),
        next_step: "Exit\u{202e}ticket".into(),
        ratings: false,
    };
    let text = export::feedback::text(&Note::new(&file, source, &typed, day("2026-11-23")));
    let controls: Vec<char> = text
        .chars()
        .filter(|c| *c != '\n' && (c.is_control() || *c == '\u{202e}'))
        .collect();
    assert_eq!(controls, Vec::<char>::new(), "{text:?}");
    assert!(text.contains("Bell� rang"), "{text}");
}

#[test]
fn smiths_feedback_matches_the_golden_files() {
    let (_dir, store, smith) = caseload_with_secrets();
    let file = file_of(&store, &smith);
    let visit = visit_of(&file, "Students explained");
    let source = Source::find(&file, &visit.meta.id).unwrap();
    let note = Note::new(&file, source, &choices(true), day("2026-11-23"));
    golden("feedback-smith.txt", &export::feedback::text(&note));
    golden("feedback-smith.md", &export::feedback::markdown(&note));
    golden("feedback-smith.html", &export::feedback::html(&note));
}

#[test]
fn feedback_kept_on_a_record_shows_in_the_brief_and_can_be_undone() {
    let (_dir, mut store, smith) = caseload();
    let file = file_of(&store, &smith);
    let visit = visit_of(&file, "Students explained");
    let source = Source::find(&file, &visit.meta.id).unwrap();
    let note = Note::new(&file, source, &choices(false), day("2026-11-23"));
    let kept = shared(source.record(), &note, moment("2026-11-23T10:42"));
    let applied = store.apply(Command::revise(source.record(), kept)).unwrap();
    let file = file_of(&store, &smith);
    let visit = visit_of(&file, "Students explained");
    assert_eq!(visit.feedback_next_step, "names target");
    assert_eq!(visit.feedback_shared_at, Some(moment("2026-11-23T10:42")));
    let options = Options::new(day("2026-11-23"));
    for brief in [
        export::markdown(&file, &options),
        export::html(&file, &options),
    ] {
        assert!(brief.contains("feedback shared 23 Nov 2026"), "{brief}");
    }
    store.apply(Command::Undo(applied)).unwrap();
    let file = file_of(&store, &smith);
    let visit = visit_of(&file, "Students explained");
    assert_eq!(visit.feedback_shared_at, None);
    assert_eq!(visit.feedback_strength, "");
}

#[test]
fn a_file_of_the_schema_4_release_upgrades_and_keeps_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.db");
    std::fs::write(&path, include_bytes!("fixtures/schema-4.db")).unwrap();
    let mut store = Store::open(&path, clock()).unwrap();
    let roster = store.roster(false).unwrap();
    let smith = roster
        .iter()
        .find(|row| row.teacher.name == "Smith, Dan")
        .unwrap();
    let file = file_of(&store, &smith.teacher.meta.id);
    assert!(
        file.observations
            .iter()
            .all(|o| o.feedback_shared_at.is_none() && o.feedback_strength.is_empty()),
        "nothing was shared before"
    );
    let source = Source::find(&file, &file.check_ins[0].meta.id).unwrap();
    let note = Note::new(&file, source, &choices(false), day("2026-11-23"));
    let kept = shared(source.record(), &note, moment("2026-11-23T10:42"));
    store.apply(Command::revise(source.record(), kept)).unwrap();
    drop(store);
    let store = Store::open(&path, clock()).unwrap();
    let file = file_of(&store, &smith.teacher.meta.id);
    assert_eq!(
        file.check_ins[0].feedback_strength,
        "Partners explained the target in their own words"
    );
    assert_eq!(
        file.check_ins[0].feedback_shared_at,
        Some(moment("2026-11-23T10:42"))
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

fn app_with_briefs(store: Store, briefs: &Path) -> App {
    let config = coachlog::config::Config {
        briefs_folder: Some(briefs.to_path_buf()),
        ..coachlog::config::Config::default()
    };
    App::with_config(store, config).unwrap()
}

fn screen(app: &App) -> Screen<TestBackend> {
    let mut terminal = Screen::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal
}

fn shown(app: &App) -> String {
    screen(app).backend().to_string()
}

fn briefs_in(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    found.sort();
    found
}

#[test]
fn s_on_an_observation_asks_a_strength_and_next_step_then_shares_and_keeps_it() {
    let (dir, store, smith) = caseload();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir(&briefs).unwrap();
    let mut app = app_with_briefs(store, &briefs);
    // Smith's workspace, Observations tab: the latest visit is selected.
    press(&mut app, "<Down><Down><Enter>3S");
    insta::assert_snapshot!("feedback_form", screen(&app).backend());
    let form = shown(&app);
    assert!(form.contains("Feedback for Smith, Dan"), "{form}");
    assert!(
        form.contains("Next step*      posted"),
        "the first look-for not seen on the visit is the next step suggested: {form}"
    );
    press(&mut app, "Partners explained the target<C-s>");
    let after = shown(&app);
    assert!(
        after.contains("Not copied to the clipboard (the output is not a terminal)"),
        "{after}"
    );
    let written = briefs_in(&briefs);
    assert_eq!(written.len(), 1, "the note is also in a file");
    common::assert_owner_only(&written[0]);
    let note = std::fs::read_to_string(&written[0]).unwrap();
    assert!(
        note.contains("A strength: Partners explained the target"),
        "{note}"
    );
    assert!(
        !note.contains("developing"),
        "no rating unless ticked: {note}"
    );
    assert_eq!(app.take_clipboard(), None, "nothing to copy off a terminal");

    // Kept on the record (read through another connection) and on the timeline.
    let reader = Store::open(app.db_path(), clock()).unwrap();
    let file = file_of(&reader, &smith);
    let visit = visit_of(&file, "Students explained");
    assert_eq!(visit.feedback_next_step, "posted");
    assert!(visit.feedback_shared_at.is_some());
    press(&mut app, "6");
    assert!(
        shown(&app).contains("Feedback shared 23 Nov"),
        "{}",
        shown(&app)
    );
    // One change, undone as one.
    press(&mut app, "u");
    let file = file_of(&reader, &smith);
    assert_eq!(
        visit_of(&file, "Students explained").feedback_shared_at,
        None
    );
}

#[test]
fn with_a_terminal_the_note_goes_to_the_clipboard_with_ratings_when_ticked() {
    let (dir, store, _) = caseload();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir(&briefs).unwrap();
    let mut app = app_with_briefs(store, &briefs);
    app.set_clipboard_terminal(Terminal::Tmux);
    // Strength, next step as suggested, then the ratings ticked.
    press(
        &mut app,
        "<Down><Down><Enter>3SWait time held<Tab><Tab><Space><C-s>",
    );
    assert!(
        shown(&app).contains("copied to the clipboard"),
        "{}",
        shown(&app)
    );
    let sequence = app.take_clipboard().expect("a sequence for the terminal");
    assert!(
        sequence.starts_with("\x1bPtmux;\x1b\x1b]52;c;"),
        "{sequence:?}"
    );
    assert!(sequence.ends_with("\x07\x1b\\"), "{sequence:?}");
    let file = &briefs_in(&briefs)[0];
    let note = std::fs::read_to_string(file).unwrap();
    assert!(note.contains("3 developing"), "ticked in: {note}");
    let encoded = coachlog::app::clipboard::base64(note.as_bytes());
    assert!(sequence.contains(&encoded), "the clipboard holds the note");
}

#[test]
fn s_on_a_private_observation_says_no_feedback_is_made() {
    let (dir, store, _) = caseload_with_secrets();
    let mut app = app_with_briefs(store, dir.path());
    // The private visit of 22 Nov is the latest on the Observations tab.
    press(&mut app, "<Down><Down><Enter>3S");
    let after = shown(&app);
    assert!(after.contains("private"), "{after}");
    assert!(!after.contains("Feedback for Smith"), "no form: {after}");
    // Off a list of visits or check-ins, with nothing just saved, it says where to go.
    press(&mut app, "1S");
    assert!(
        shown(&app).contains("select one on its tab"),
        "{}",
        shown(&app)
    );
}

fn coachlog(db: &Path, args: &[&str]) -> Output {
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
fn coachlog_feedback_writes_the_note_and_keeps_it_on_the_record() {
    let (dir, store, smith) = caseload();
    let db = store.path().to_path_buf();
    drop(store);
    let out = coachlog(
        &db,
        &["feedback", "-t", "smi", "--strength", "Calm, clear start"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Feedback for Smith, Dan, 23 Nov 2026"),
        "{text}"
    );
    assert!(text.contains("A next step: posted"), "suggested: {text}");
    assert!(!text.contains("developing"), "{text}");

    let html = dir.path().join("smith.html");
    let html_arg = html.to_str().unwrap();
    let out = coachlog(
        &db,
        &[
            "feedback",
            "-t",
            "smi",
            "--last",
            "-f",
            "html",
            "-o",
            html_arg,
            "--ratings",
            "--strength",
            "Warm-up on the board before the bell",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("3 developing") && page.contains("<h1>"),
        "{page}"
    );
    common::assert_owner_only(&html);

    let store = Store::open(&db, clock()).unwrap();
    let file = file_of(&store, &smith);
    let visit = visit_of(&file, "Students explained");
    assert_eq!(
        visit.feedback_strength, "Warm-up on the board before the bell",
        "the last share's strength"
    );
    assert_eq!(visit.feedback_shared_at, Some(moment("2026-11-23T10:42")));
    drop(store);

    // No strength: nothing is written or kept, and the message says what to add.
    let out = coachlog(
        &db,
        &[
            "feedback",
            "-t",
            "smi",
            "--next-step",
            "Read the target aloud",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("the note needs a strength: say it with --strength")
            && said.contains("no feedback was made"),
        "{said}"
    );
    let store = Store::open(&db, clock()).unwrap();
    let visit = visit_of(&file_of(&store, &smith), "Students explained").clone();
    assert_eq!(
        visit.feedback_strength, "Warm-up on the board before the bell",
        "unchanged"
    );
}

#[test]
fn coachlog_feedback_refuses_a_private_record_and_writes_nothing() {
    let (_dir, store, smith) = caseload_with_secrets();
    let db = store.path().to_path_buf();
    let file = file_of(&store, &smith);
    let private_id = visit_of(&file, SECRET).meta.id.clone();
    drop(store);
    for args in [
        vec!["feedback", "-t", "smi"],
        vec!["feedback", "-t", "smi", "--id", &private_id, "-f", "md"],
    ] {
        let out = coachlog(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("private"), "{said}");
        assert!(!said.contains(SECRET), "{said}");
    }
    let store = Store::open(&db, clock()).unwrap();
    let file = file_of(&store, &smith);
    assert!(
        file.observations
            .iter()
            .all(|o| o.feedback_shared_at.is_none()),
        "nothing kept"
    );
}

#[test]
fn right_after_saving_an_observation_s_makes_feedback_from_it() {
    let (dir, store, _) = caseload();
    let mut app = app_with_briefs(store, dir.path());
    // A quick observation from the workspace, then S on the Overview tab.
    press(
        &mut app,
        "<Down><Down><Enter>o3Partners explained the target<Enter>1S",
    );
    let form = shown(&app);
    assert!(form.contains("Feedback for Smith, Dan"), "{form}");
    assert!(form.contains("the visit of Mon 23 Nov 10:42"), "{form}");
}
