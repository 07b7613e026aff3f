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
