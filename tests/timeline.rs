//! The timeline of a long history: built once per change of the file, not per key.

mod common;

use coachlog::app::App;
use coachlog::db::{Command, Store};
use coachlog::model::{AnyRecord, LocalTime, Observation};
use common::keys::press;
use common::{at, caseload};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal.backend().to_string()
}

/// Smith (the third teacher) with sixty more visits, one a day from 1 September 2026.
fn long_history() -> (tempfile::TempDir, Store) {
    let (dir, mut store, smith) = caseload();
    store
        .batch(|store| {
            for n in 0..60 {
                let observed_at = at("2026-09-01T09:00") + chrono::Duration::days(n);
                store.apply(Command::Add(AnyRecord::Observation(Observation {
                    teacher_id: smith.clone(),
                    observed_at: LocalTime::utc_wall(observed_at),
                    evidence: format!("visit number {n}"),
                    ..Default::default()
                })))?;
            }
            Ok::<_, coachlog::db::Error>(())
        })
        .unwrap();
    (dir, store)
}

#[test]
fn an_observation_saved_from_the_timeline_shows_on_it_at_once() {
    let (_dir, store, _) = caseload();
    let mut app = App::new(store).unwrap();
    press(&mut app, "<Down><Down><Enter>6");
    assert!(text(&app).contains("Timeline · 8 "), "{}", text(&app));
    press(&mut app, "o3Pairs retold the target<Enter>");
    let shown = text(&app);
    assert!(shown.contains("Timeline · 9 "), "{shown}");
    assert!(
        shown.contains("rated 3 · Pairs retold the target"),
        "{shown}"
    );
}

#[test]
fn the_end_of_a_long_timeline_shows_its_oldest_lines_selected() {
    let (_dir, store) = long_history();
    let mut app = App::new(store).unwrap();
    press(&mut app, "<Down><Down><Enter>6");
    let shown = text(&app);
    assert!(!shown.contains("visit number 0"), "{shown}");
    press(&mut app, "G");
    let shown = text(&app);
    let oldest = shown
        .lines()
        .find(|line| line.contains("visit number 0"))
        .unwrap_or_else(|| panic!("the oldest visit in {shown}"));
    assert!(oldest.contains("▶"), "selected: {oldest}");
    assert!(shown.contains("visit number 1"), "{shown}");
    // And back up a line: the selection moves within the lines on screen.
    press(&mut app, "k");
    let shown = text(&app);
    let line = shown
        .lines()
        .find(|line| line.contains("▶"))
        .unwrap_or_default();
    assert!(line.contains("visit number 1"), "{shown}");
}
