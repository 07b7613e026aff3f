//! The teacher selected on the roster is read ahead on a connection of its own, so that ⏎
//! opens a workspace already built; anything written since it was read, and ⏎ reads the
//! teacher afresh.

mod common;

use coachlog::app::App;
use coachlog::app::prefetch::TeacherReader;
use coachlog::db::Store;
use common::keys::press;
use common::{observe, teacher};
use std::time::Duration;

fn text(app: &mut App) -> String {
    common::screen::screen_text(app, 80, 24)
}

/// Two teachers, the first with a visit; the app on them, reading ahead as the main loop
/// does once the first frame is on screen.
fn school() -> (tempfile::TempDir, App, TeacherReader, String) {
    let (dir, mut store) = common::empty_store();
    let adams = teacher(&mut store, "Adams, Kofi", "North", "Math");
    observe(
        &mut store,
        &adams,
        "2026-11-20T09:00",
        3,
        "Exit tickets sorted.",
    );
    teacher(&mut store, "Baker, Lin", "North", "Art");
    let reader =
        TeacherReader::start(Store::open_beside(store.path(), common::clock()).unwrap()).unwrap();
    let mut app = App::new(store).unwrap();
    app.read_ahead_in_background(std::time::Duration::ZERO);
    (dir, app, reader, adams)
}

/// As the main loop does: asks for the teacher selected, and hands the answer over.
fn read_ahead(app: &mut App, reader: &TeacherReader) {
    let id = app.take_read_ahead_request().expect("the selected teacher");
    assert_eq!(app.take_read_ahead_request(), None, "asked once");
    app.read_ahead_found(common::answer_of(reader, id));
}

#[test]
fn enter_opens_the_teacher_read_ahead_and_the_roster_asks_again_on_the_way_back() {
    let (_dir, mut app, reader, _) = school();
    read_ahead(&mut app, &reader);
    press(&mut app, "<Enter>");
    let shown = text(&mut app);
    assert!(shown.contains("Adams, Kofi"), "{shown}");
    assert!(shown.contains("Exit tickets sorted"), "{shown}");
    assert_eq!(app.take_read_ahead_request(), None, "not from a workspace");
    press(&mut app, "<Esc>");
    assert!(app.take_read_ahead_request().is_some());
}

#[test]
fn anything_written_since_and_enter_reads_the_teacher_afresh() {
    let (dir, mut app, reader, adams) = school();
    read_ahead(&mut app, &reader);
    let path = dir.path().join("coachlog.db");
    // Another window writes (the command line would do the same): the count moves.
    let mut other = Store::open(&path, common::clock()).unwrap();
    observe(
        &mut other,
        &adams,
        "2026-11-23T09:00",
        4,
        "Cold calls by name.",
    );
    press(&mut app, "<Enter>");
    let shown = text(&mut app);
    assert!(shown.contains("Cold calls by name"), "{shown}");
}

#[test]
fn another_teacher_selected_is_read_when_opened() {
    let (_dir, mut app, reader, _) = school();
    read_ahead(&mut app, &reader);
    press(&mut app, "j<Enter>");
    let shown = text(&mut app);
    assert!(shown.contains("Baker, Lin"), "{shown}");
    assert!(!shown.contains("Exit tickets sorted"), "{shown}");
}

#[test]
fn a_teacher_is_read_ahead_only_once_the_selection_rests() {
    let (_dir, mut app, _reader, _) = school();
    app.read_ahead_in_background(Duration::from_millis(60));
    assert_eq!(app.take_read_ahead_request(), None, "just selected");
    assert!(
        app.read_ahead_due()
            .is_some_and(|due| due <= Duration::from_millis(60))
    );
    std::thread::sleep(Duration::from_millis(30));
    press(&mut app, "j");
    assert_eq!(
        app.take_read_ahead_request(),
        None,
        "moved on before it rested"
    );
    std::thread::sleep(Duration::from_millis(70));
    let baker = app.roster.selected_row().unwrap().teacher.meta.id.clone();
    assert_eq!(app.take_read_ahead_request(), Some(baker));
    assert_eq!(app.read_ahead_due(), None, "asked");
}
