//! Two windows on one file: each sees the other's commits, an edit from a form opened
//! before the other window's change writes only what the user changed (or is refused,
//! naming the field), and undo takes back a whole command only while its rows are still
//! as it left them.

mod common;

use coachlog::db::{Command, Error, Store};
use coachlog::model::*;
use common::{caseload, clock, day};

/// A second window: another connection to the same file.
fn second_window(store: &Store) -> Store {
    Store::open(store.path(), clock()).unwrap()
}

fn teacher_named(store: &Store, name: &str) -> Teacher {
    store
        .roster(false)
        .unwrap()
        .into_iter()
        .map(|row| row.teacher)
        .find(|teacher| teacher.name == name)
        .unwrap()
}

/// A new focus for a teacher, saying how the active one ended (if there is one).
fn new_focus(teacher_id: &str, previous_outcome: Option<Outcome>) -> Command {
    Command::SetFocus {
        focus: Focus {
            teacher_id: teacher_id.into(),
            statement: "Exit tickets drive regrouping".into(),
            started_on: day("2026-11-23"),
            ..Focus::default()
        },
        previous_outcome,
    }
}

fn with_subject(teacher: &Teacher, subject: &str) -> AnyRecord {
    AnyRecord::Teacher(Teacher {
        subject: subject.into(),
        ..teacher.clone()
    })
}

#[test]
fn a_subject_edit_from_a_form_opened_before_another_window_set_a_focus_keeps_the_focus() {
    let (_dir, mut a, _) = caseload();
    let mut b = second_window(&a);
    // Window A opens Brandt's form; window B then gives Brandt a focus.
    let opened = teacher_named(&a, "Brandt, Felix");
    let applied = b.apply(new_focus(&opened.meta.id, None)).unwrap();
    let focus_id = applied.added_id().unwrap().to_owned();

    a.apply(Command::revise(
        AnyRecord::Teacher(opened.clone()),
        with_subject(&opened, "Grade 6 ELA and Drama"),
    ))
    .unwrap();

    let saved = a.get::<Teacher>(&opened.meta.id).unwrap().unwrap();
    assert_eq!(saved.subject, "Grade 6 ELA and Drama");
    assert_eq!(
        saved.active_focus_id,
        Some(focus_id),
        "B's focus stays linked"
    );
    assert_eq!(a.check().unwrap(), Vec::<String>::new());
}

#[test]
fn an_edit_of_a_field_another_window_changed_is_refused_naming_both_values() {
    let (_dir, mut a, _) = caseload();
    let mut b = second_window(&a);
    let opened = teacher_named(&a, "Brandt, Felix");
    b.apply(Command::revise(
        AnyRecord::Teacher(opened.clone()),
        with_subject(&opened, "Grade 6 Drama"),
    ))
    .unwrap();

    let refused = a
        .apply(Command::revise(
            AnyRecord::Teacher(opened.clone()),
            with_subject(&opened, "Grade 6 Art"),
        ))
        .unwrap_err();
    assert!(
        matches!(&refused, Error::Conflict { field, theirs, yours, .. }
            if field == "Subject" && theirs == "'Grade 6 Drama'" && yours == "'Grade 6 Art'"),
        "{refused:?}"
    );
    assert_eq!(
        refused.to_string(),
        "Subject was changed in another window to 'Grade 6 Drama' since you opened this form; \
         yours: 'Grade 6 Art'. Nothing was saved"
    );
    let kept = a.get::<Teacher>(&opened.meta.id).unwrap().unwrap();
    assert_eq!(kept.subject, "Grade 6 Drama");
}

#[test]
fn the_same_change_made_in_both_windows_is_no_conflict() {
    let (_dir, mut a, _) = caseload();
    let mut b = second_window(&a);
    let opened = teacher_named(&a, "Brandt, Felix");
    let edit = Command::revise(
        AnyRecord::Teacher(opened.clone()),
        with_subject(&opened, "Grade 6 Drama"),
    );
    b.apply(edit.clone()).unwrap();
    let applied = a.apply(edit).unwrap();
    assert!(applied.changes.is_empty(), "nothing left to write");
}

#[test]
fn an_edit_of_a_record_another_window_trashed_is_refused() {
    let (_dir, mut a, smith) = caseload();
    let mut b = second_window(&a);
    let file = a.teacher_file(&smith).unwrap().unwrap();
    let action = file.actions[0].clone();
    b.apply(Command::Delete {
        kind: Kind::Action,
        id: action.meta.id.clone(),
    })
    .unwrap();
    let refused = a
        .apply(Command::revise(
            AnyRecord::Action(action.clone()),
            AnyRecord::Action(Action {
                done_on: Some(day("2026-11-23")),
                ..action.clone()
            }),
        ))
        .unwrap_err();
    assert!(matches!(refused, Error::Trashed { .. }), "{refused:?}");
    assert!(
        refused
            .to_string()
            .contains("moved to the trash in another window")
    );
    let kept = a.get::<Action>(&action.meta.id).unwrap().unwrap();
    assert_eq!(kept.done_on, None);
}

#[test]
fn the_data_version_moves_for_another_windows_commit_and_not_for_ones_own() {
    let (_dir, mut a, smith) = caseload();
    let mut b = second_window(&a);
    let start = a.data_version().unwrap();
    a.apply(new_focus(&teacher_named(&a, "Brandt, Felix").meta.id, None))
        .unwrap();
    assert_eq!(a.data_version().unwrap(), start, "its own write");
    common::observe(&mut b, &smith, "2026-11-23T09:00", 3, "Target posted.");
    assert_ne!(a.data_version().unwrap(), start, "the other window's write");
}

#[test]
fn undo_takes_back_a_whole_focus_change_and_undoing_the_undo_does_it_again() {
    let (_dir, mut store, smith) = caseload();
    let before = store.teacher_file(&smith).unwrap().unwrap();
    let old_focus = before.teacher.active_focus_id.clone();
    let applied = store
        .apply(new_focus(&smith, Some(Outcome::Achieved)))
        .unwrap();
    let new_id = applied.added_id().unwrap().to_owned();

    let undone = store.apply(Command::Undo(applied)).unwrap();
    let file = store.teacher_file(&smith).unwrap().unwrap();
    assert_eq!(file.teacher.active_focus_id, old_focus);
    assert_eq!(file.focuses, before.focuses, "the old focus is open again");
    assert!(store.trash().unwrap().iter().any(|t| t.id == new_id));

    store.apply(Command::Undo(undone)).unwrap();
    let file = store.teacher_file(&smith).unwrap().unwrap();
    assert_eq!(file.teacher.active_focus_id, Some(new_id));
    assert_eq!(file.focuses[1].outcome, Some(Outcome::Achieved));
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn an_undo_of_a_row_another_window_changed_since_is_refused_and_changes_nothing() {
    let (_dir, mut a, _) = caseload();
    let mut b = second_window(&a);
    let opened = teacher_named(&a, "Brandt, Felix");
    let applied = a
        .apply(Command::revise(
            AnyRecord::Teacher(opened.clone()),
            with_subject(&opened, "Grade 6 Drama"),
        ))
        .unwrap();
    // B then sets a focus: the teacher row is no longer as A's edit left it.
    b.apply(new_focus(&opened.meta.id, None)).unwrap();
    let after_b = a.get::<Teacher>(&opened.meta.id).unwrap().unwrap();

    let refused = a.apply(Command::Undo(applied)).unwrap_err();
    assert!(
        matches!(&refused, Error::Conflict { field, theirs, yours, .. }
            if field == "Active focus" && theirs == "'Exit tickets drive regrouping'" && yours == "none"),
        "{refused:?}"
    );
    assert_eq!(a.get::<Teacher>(&opened.meta.id).unwrap().unwrap(), after_b);
}

// The app with another window on its file.

use coachlog::app::{App, Popup};
use common::keys::press;

fn screen_text(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal.backend().to_string()
}

fn selected_name(app: &App) -> String {
    app.roster.selected_row().unwrap().teacher.name.clone()
}

/// The error and the field texts of the form on top.
fn open_form(app: &App) -> (Option<String>, Vec<String>) {
    match app.popups.last() {
        Some(Popup::Form(popup)) => (
            popup.form().error.clone(),
            popup.form().fields().iter().map(|f| f.text()).collect(),
        ),
        _ => panic!("a form is open"),
    }
}

#[test]
fn the_roster_shows_another_windows_commits_on_the_next_tick_and_keeps_the_selection() {
    let (_dir, store, smith) = caseload();
    let mut other = second_window(&store);
    let mut app = App::new(store).unwrap();
    press(&mut app, "<Down><Down>");
    assert_eq!(selected_name(&app), "Smith, Dan");
    assert!(screen_text(&app).contains("Smith, Dan     Warm-up connects to the day's lea…    3d"));

    // Another window adds a teacher listed above Smith, and a visit to Smith today.
    common::teacher(&mut other, "Adams, Ann", "Eastside Middle", "Grade 6 Math");
    common::observe(&mut other, &smith, "2026-11-23T09:00", 3, "Target posted.");
    app.tick();

    let shown = screen_text(&app);
    assert!(shown.contains("Adams, Ann"), "{shown}");
    assert!(
        shown.contains("Smith, Dan     Warm-up connects to the day's lea… today"),
        "{shown}"
    );
    assert_eq!(
        selected_name(&app),
        "Smith, Dan",
        "the selection stays on Smith"
    );
}

#[test]
fn a_key_acts_on_what_another_window_committed_since_the_last_look() {
    let (_dir, store, smith) = caseload();
    let mut other = second_window(&store);
    let mut app = App::new(store).unwrap();
    press(&mut app, "<Down><Down><Enter>");
    common::observe(
        &mut other,
        &smith,
        "2026-11-23T09:00",
        4,
        "Every student explained.",
    );
    press(&mut app, "3");
    assert!(screen_text(&app).contains("Every student explained."));
}

#[test]
fn a_form_open_while_another_window_commits_keeps_what_was_typed_and_its_save_is_refused() {
    let (_dir, store, _) = caseload();
    let mut other = second_window(&store);
    let mut app = App::new(store).unwrap();
    press(&mut app, "e<Tab><Tab> and Art");
    let opened = teacher_named(&other, "Brandt, Felix");
    other
        .apply(Command::revise(
            opened.clone(),
            Teacher {
                subject: "Grade 6 Drama".into(),
                ..opened.clone()
            },
        ))
        .unwrap();
    app.tick();
    let (_, typed) = open_form(&app);
    assert_eq!(typed[2], "Grade 6 ELA and Art", "the form is not replaced");

    press(&mut app, "<C-s>");
    let (error, typed) = open_form(&app);
    assert_eq!(
        error.as_deref(),
        Some(
            "Subject was changed in another window to 'Grade 6 Drama' since you opened this \
             form; yours: 'Grade 6 ELA and Art'. Nothing was saved"
        )
    );
    assert_eq!(
        typed[2], "Grade 6 ELA and Art",
        "the form keeps the user's text"
    );
    assert_eq!(
        teacher_named(&other, "Brandt, Felix").subject,
        "Grade 6 Drama"
    );
}

#[test]
fn a_subject_saved_from_a_form_opened_before_another_window_set_a_focus_keeps_the_focus() {
    let (_dir, store, _) = caseload();
    let mut other = second_window(&store);
    let mut app = App::new(store).unwrap();
    press(&mut app, "e<Tab><Tab> and Drama");
    let brandt = teacher_named(&other, "Brandt, Felix").meta.id;
    let focus_id = other
        .apply(new_focus(&brandt, None))
        .unwrap()
        .added_id()
        .unwrap()
        .to_owned();
    press(&mut app, "<C-s>");
    assert!(app.popups.is_empty(), "saved");
    let saved = teacher_named(&other, "Brandt, Felix");
    assert_eq!(saved.subject, "Grade 6 ELA and Drama");
    assert_eq!(saved.active_focus_id, Some(focus_id));
    assert!(screen_text(&app).contains("Exit tickets drive regrouping"));
}
