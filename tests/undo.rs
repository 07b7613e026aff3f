//! Undo and redo as a coach uses them: `u` takes back the last change of this session,
//! whatever it was (an add, an edit, a delete, an action done, a focus change, a whole
//! check-in), Ctrl-R does it again, and the status line says what. An undo is refused,
//! naming what changed, when another window changed those rows since.

mod common;

use coachlog::app::App;
use coachlog::db::{Command, Store};
use coachlog::model::{Focus, Outcome, Teacher, TeacherFile};
use common::keys::press;
use common::{caseload, clock, day};

/// Another window on the app's file.
fn window(app: &App) -> Store {
    Store::open(app.db_path(), clock()).unwrap()
}

fn teacher(app: &App, name: &str) -> Teacher {
    window(app)
        .roster(false)
        .unwrap()
        .into_iter()
        .map(|row| row.teacher)
        .find(|teacher| teacher.name == name)
        .unwrap()
}

fn file(app: &App, teacher_id: &str) -> TeacherFile {
    window(app).teacher_file(teacher_id).unwrap().unwrap()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|status| status.text.clone())
        .unwrap_or_default()
}

fn caseload_app() -> (tempfile::TempDir, App, String) {
    let (dir, store, smith) = caseload();
    (dir, App::new(store).unwrap(), smith)
}

#[test]
fn u_takes_back_an_observation_just_added_and_ctrl_r_adds_it_again() {
    let (_dir, mut app, _) = caseload_app();
    let brandt = teacher(&app, "Brandt, Felix").meta.id;
    press(&mut app, "o3Exit tickets sorted by need.<Enter>");
    assert_eq!(file(&app, &brandt).observations.len(), 1);

    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Undid adding the observation of 23 Nov 10:42 (Exit tickets sorted by need.)"
    );
    assert!(file(&app, &brandt).observations.is_empty());
    assert!(
        window(&app).trash().unwrap().len() == 1,
        "it went to the trash, as a delete does"
    );

    press(&mut app, "<C-r>");
    assert_eq!(
        status(&app),
        "Redid adding the observation of 23 Nov 10:42 (Exit tickets sorted by need.)"
    );
    let observations = file(&app, &brandt).observations;
    assert_eq!(observations.len(), 1);
    assert_eq!(observations[0].evidence, "Exit tickets sorted by need.");

    press(&mut app, "u");
    assert!(file(&app, &brandt).observations.is_empty(), "undone again");
}

#[test]
fn u_takes_back_an_edit_of_a_teacher() {
    let (_dir, mut app, _) = caseload_app();
    press(&mut app, "e<Tab><Tab> and Drama<C-s>");
    assert_eq!(
        teacher(&app, "Brandt, Felix").subject,
        "Grade 6 ELA and Drama"
    );
    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Undid the change to the teacher Brandt, Felix"
    );
    assert_eq!(teacher(&app, "Brandt, Felix").subject, "Grade 6 ELA");
}

#[test]
fn u_brings_back_a_record_moved_to_the_trash() {
    let (_dir, mut app, smith) = caseload_app();
    press(&mut app, "<Down><Down><Enter>3dy");
    assert_eq!(file(&app, &smith).observations.len(), 2);
    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Undid moving the observation of 20 Nov 10:36 (Students explained the target…) to the trash"
    );
    assert_eq!(file(&app, &smith).observations.len(), 3);
    assert!(window(&app).trash().unwrap().is_empty());
    assert!(app.workspace().is_some(), "the workspace stays on screen");
}

#[test]
fn u_opens_again_an_action_marked_done() {
    let (_dir, mut app, smith) = caseload_app();
    press(&mut app, "<Down><Down><Enter>5<Space>");
    let done = |app: &App| {
        file(app, &smith)
            .actions
            .iter()
            .filter(|a| a.done_on.is_some())
            .count()
    };
    assert_eq!(done(&app), 1);
    press(&mut app, "u");
    assert_eq!(done(&app), 0);
    assert!(
        status(&app).starts_with("Undid the change to the action "),
        "{}",
        status(&app)
    );
}

#[test]
fn u_takes_back_a_whole_focus_change_and_ctrl_r_makes_it_again() {
    let (_dir, mut app, smith) = caseload_app();
    let before = file(&app, &smith);
    press(&mut app, "<Down><Down><Enter>f");
    press(
        &mut app,
        "Students explain the target<Tab>explain to a partner<Tab><Tab><Tab><Tab><Left><Left><C-s>",
    );
    let changed = file(&app, &smith);
    assert_eq!(
        changed.active_focus().unwrap().statement,
        "Students explain the target"
    );

    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Undid adding the focus Students explain the target"
    );
    let undone = file(&app, &smith);
    assert_eq!(
        undone.teacher.active_focus_id,
        before.teacher.active_focus_id
    );
    let statements = |focuses: &[Focus]| {
        focuses
            .iter()
            .map(|f| (f.statement.clone(), f.ended_on, f.outcome))
            .collect::<Vec<_>>()
    };
    assert_eq!(statements(&undone.focuses), statements(&before.focuses));

    press(&mut app, "<C-r>");
    let redone = file(&app, &smith);
    assert_eq!(
        redone.active_focus().unwrap().statement,
        "Students explain the target"
    );
    let old = redone
        .focuses
        .iter()
        .find(|f| f.statement.starts_with("Warm-up"));
    assert_eq!(old.and_then(|f| f.outcome), Some(Outcome::Achieved));
}

#[test]
fn u_takes_back_a_whole_check_in_with_its_reviewed_and_new_actions() {
    let (_dir, mut app, smith) = caseload_app();
    let actions = |file: &TeacherFile| {
        file.actions
            .iter()
            .map(|a| (a.what.clone(), a.due_on, a.done_on))
            .collect::<Vec<_>>()
    };
    let before = file(&app, &smith);
    press(&mut app, "<Down><Down><Enter>cWarm-up is consistent.");
    press(&mut app, "<S-Tab><S-Tab><S-Tab><Space><Down>>");
    press(
        &mut app,
        "<C-n>Partner-explain routine<Tab><Tab>fri<C-s><C-s>",
    );
    let held = file(&app, &smith);
    assert_eq!(held.check_ins.len(), 2);
    assert_ne!(actions(&held), actions(&before));

    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Undid adding the check-in of 23 Nov (Warm-up is consistent.)"
    );
    let undone = file(&app, &smith);
    assert_eq!(undone.check_ins.len(), 1);
    assert_eq!(actions(&undone), actions(&before));

    press(&mut app, "<C-r>");
    assert_eq!(actions(&file(&app, &smith)), actions(&held));
}

#[test]
fn undo_goes_back_many_changes_one_at_a_time_and_a_new_change_ends_redo() {
    let (_dir, mut app, _) = caseload_app();
    press(&mut app, "u");
    assert_eq!(status(&app), "Nothing to undo");
    press(&mut app, "e<Tab><Tab> and Drama<C-s>");
    press(&mut app, "e<Tab><Tab><Tab><BS><BS>7<C-s>");
    assert_eq!(teacher(&app, "Brandt, Felix").cadence_days, 7);
    press(&mut app, "uu");
    let brandt = teacher(&app, "Brandt, Felix");
    assert_eq!(
        (brandt.subject.as_str(), brandt.cadence_days),
        ("Grade 6 ELA", 14)
    );
    press(&mut app, "u");
    assert_eq!(status(&app), "Nothing to undo");

    press(&mut app, "<C-r>");
    assert_eq!(
        teacher(&app, "Brandt, Felix").subject,
        "Grade 6 ELA and Drama"
    );
    press(&mut app, "o3Exit tickets sorted by need.<Enter>");
    press(&mut app, "<C-r>");
    assert_eq!(
        status(&app),
        "Nothing to redo",
        "a new change ends what could be redone"
    );
    assert_eq!(teacher(&app, "Brandt, Felix").cadence_days, 14);
}

#[test]
fn an_undo_of_a_row_another_window_changed_since_is_refused_and_named() {
    let (_dir, mut app, _) = caseload_app();
    press(&mut app, "e<Tab><Tab> and Drama<C-s>");
    let brandt = teacher(&app, "Brandt, Felix");
    let focus = Focus {
        teacher_id: brandt.meta.id.clone(),
        statement: "Exit tickets drive regrouping".into(),
        started_on: day("2026-11-23"),
        ..Focus::default()
    };
    window(&app)
        .apply(Command::SetFocus {
            focus,
            previous_outcome: None,
        })
        .unwrap();
    let theirs = teacher(&app, "Brandt, Felix");

    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Not undone: the teacher Brandt, Felix was changed in another window (Active focus is \
         now 'Exit tickets drive regrouping'; this window left it as none). Nothing was changed"
    );
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(teacher(&app, "Brandt, Felix"), theirs, "both changes stay");
    press(&mut app, "u");
    assert!(
        status(&app).starts_with("Not undone"),
        "still on the list, still refused"
    );
}

#[test]
fn redo_waits_while_a_form_is_open() {
    let (_dir, mut app, _) = caseload_app();
    press(&mut app, "e<Tab><Tab> and Drama<C-s>u");
    press(&mut app, "e<C-r>");
    assert_eq!(status(&app), "Not redone: save or close the form first");
    assert_eq!(teacher(&app, "Brandt, Felix").subject, "Grade 6 ELA");
    press(&mut app, "<Esc><C-r>");
    assert_eq!(
        teacher(&app, "Brandt, Felix").subject,
        "Grade 6 ELA and Drama"
    );
}

#[test]
fn a_purge_is_not_undone_and_a_purged_record_cannot_come_back() {
    let (_dir, mut app, smith) = caseload_app();
    press(&mut app, "<Down><Down><Enter>3dy<Esc>TPy");
    assert!(window(&app).trash().unwrap().is_empty(), "purged");
    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Not undone: the observation of 20 Nov 10:36 (Students explained the target…) was purged from the trash since; it \
         cannot come back"
    );
    assert_eq!(file(&app, &smith).observations.len(), 2);
    press(&mut app, "u");
    assert_eq!(
        status(&app),
        "Nothing to undo",
        "the step that cannot succeed is dropped"
    );
}
