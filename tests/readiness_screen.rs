//! The readiness screen: from the roster, the demo's eight reviewed schools ranked two
//! ways side by side, at the three sizes a coach meets (snapshotted, each read by eye
//! before it was accepted); its keys; its export.

mod common;

use coachlog::app::App;
use coachlog::config::Config;
use common::{day, empty_store};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(60, 16), (80, 24), (120, 40)];

fn demo(config: Config) -> (tempfile::TempDir, App) {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    (dir, App::with_config(store, config).expect("the app opens"))
}

fn key(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app.handle_event(Event::Key(KeyEvent::new(code, modifiers)));
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.handle_event(Event::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_readiness_screen_at_every_size() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    for (width, height) in SIZES {
        let terminal = draw(&mut app, width, height);
        insta::assert_snapshot!(format!("readiness_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn it_opens_from_the_roster_scrolls_writes_the_recommendation_and_goes_back() {
    let folder = tempfile::tempdir().unwrap();
    let config = Config {
        briefs_folder: Some(folder.path().to_path_buf()),
        ..Config::default()
    };
    let (_dir, mut app) = demo(config);
    app.handle_event(Event::Resize(60, 16));
    key(&mut app, KeyCode::Char('R'));
    let top = screen_text(&mut app, 60, 16);
    assert!(top.contains("By achievement") && top.contains("By readiness"));
    assert!(
        !top.contains("Sat out"),
        "the end is below the screen:\n{top}"
    );
    // Down to the end: the schools that sat out come into view.
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('j'));
    }
    let end = screen_text(&mut app, 60, 16);
    assert!(end.contains("Sat out") && end.contains("Cedar Grove Elementary"));
    // The last line sits at the foot of the box (row 12, above its border), not past it.
    let rows: Vec<&str> = end.lines().collect();
    assert!(rows[12].contains("Cedar Grove Elementary"), "{end}");
    // No further than the end: one line up already moves the screen.
    key(&mut app, KeyCode::Char('k'));
    assert_ne!(screen_text(&mut app, 60, 16), end);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(screen_text(&mut app, 60, 16), top);

    key(&mut app, KeyCode::Char('h'));
    let status = app.status.clone().expect("a message says where");
    assert!(!status.error, "{}", status.text);
    assert!(
        status.text.contains("readiness 2026-11-23.html"),
        "{}",
        status.text
    );
    key(&mut app, KeyCode::Char('m'));
    let mut written: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["readiness 2026-11-23.html", "readiness 2026-11-23.md"]
    );
    let markdown = std::fs::read_to_string(folder.path().join("readiness 2026-11-23.md")).unwrap();
    assert!(markdown.starts_with("# Readiness for coaching"));
    assert!(markdown.contains("| 1 | Westview High (74%) ≠ | Eastside Middle (3.5) ≠ ★ |"));

    key(&mut app, KeyCode::Esc);
    assert!(app.readiness().is_none());
    let roster = screen_text(&mut app, 60, 16);
    assert!(
        roster.contains("┌ Roster ") && !roster.contains("By readiness"),
        "{roster}"
    );
}

fn ctrl(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The row of the readiness ranking (the right-hand column at 120x40) naming `school`.
fn readiness_place(screen: &str, school: &str) -> Option<usize> {
    let rows: Vec<Vec<char>> = screen.lines().map(|row| row.chars().collect()).collect();
    let header: String = screen
        .lines()
        .find(|row| row.contains("By readiness"))?
        .into();
    let column = header.split("By readiness").next()?.chars().count();
    rows.iter().find_map(|row| {
        let right: String = row.iter().skip(column).collect();
        let (place, rest) = right.trim().split_once(' ')?;
        if rest.starts_with(school) {
            place.parse().ok()
        } else {
            None
        }
    })
}

#[test]
fn a_new_review_rated_all_fours_puts_its_school_first_in_readiness() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    let before = screen_text(&mut app, 120, 40);
    assert_eq!(
        readiness_place(&before, "Westview High"),
        Some(7),
        "{before}"
    );
    key(&mut app, KeyCode::Char('e'));
    // The School field: ← from the first school goes round to the last by name.
    key(&mut app, KeyCode::Left);
    let form = screen_text(&mut app, 120, 40);
    assert!(
        form.contains("Readiness review") && form.contains("Westview High"),
        "{form}"
    );
    key(&mut app, KeyCode::Tab); // Reviewed: today
    key(&mut app, KeyCode::Tab);
    // A rating picked moves on to the next criterion, and after the last to Evidence.
    for _ in coachlog::model::readiness::DEFAULT_CRITERIA {
        typed(&mut app, "4");
    }
    typed(&mut app, "staff collaboration: PLCs meet weekly");
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab); // Achievement, Sat out, Recommendation
    }
    typed(&mut app, "2"); // cohort year 1
    ctrl(&mut app, 's');
    assert!(app.readiness().is_some(), "the screen is back");
    let after = screen_text(&mut app, 120, 40);
    assert_eq!(readiness_place(&after, "Westview High"), Some(1), "{after}");
    assert!(
        after.contains("4 of 8 schools reviewed") && after.contains("Westview High"),
        "{after}"
    );
}

#[test]
fn a_bad_plan_line_is_named_and_what_was_typed_stays() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('e'));
    let fields_to_plan = 2 + coachlog::model::readiness::DEFAULT_CRITERIA.len() + 5;
    for _ in 0..fields_to_plan {
        key(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "Set norms / principal / someday");
    ctrl(&mut app, 's');
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("Plan: line 1"), "{form}");
    assert!(
        form.contains("Set norms /") && form.contains("someday"),
        "{form}"
    );
}

#[test]
fn the_readiness_form_at_80x24() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('e'));
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("readiness_form_80x24", terminal.backend());
}
