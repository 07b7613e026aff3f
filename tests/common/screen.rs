//! The app drawn into a test terminal, as tests of whole screens read it.
#![allow(dead_code)]

use coachlog::app::App;
use coachlog::config::Config;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The demo school as of Monday 23 November 2026, opened with `config`.
pub fn demo(config: Config) -> (tempfile::TempDir, App) {
    let (dir, mut store) = super::empty_store();
    coachlog::demo::load(&mut store, super::day("2026-11-23")).expect("the demo loads");
    (dir, App::with_config(store, config).expect("the app opens"))
}

/// `app` told the terminal is `width` × `height`, then drawn into one that size.
pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.handle_event(Event::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal
}

/// The text of `app` drawn at `width` × `height`, a line a row.
pub fn screen_text(app: &mut App, width: u16, height: u16) -> String {
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
