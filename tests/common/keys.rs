//! Keys for the app, written as text, for tests that drive it without a terminal.

use coachlog::app::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// Sends keys written as text, with `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Up>`,
/// `<Down>`, `<Left>`, `<Right>`, `<Space>`, `<BS>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`,
/// `<C-x>` and `<A-x>`
/// for special keys.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, used) = if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let event = match name {
                "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
                "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                "Left" => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
                "Right" => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
                "Space" => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
                "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "Home" => KeyEvent::new(KeyCode::Home, KeyModifiers::NONE),
                "End" => KeyEvent::new(KeyCode::End, KeyModifiers::NONE),
                "PgUp" => KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE),
                "PgDn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
                other if other.starts_with("C-") => KeyEvent::new(
                    KeyCode::Char(other.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other if other.starts_with("A-") => KeyEvent::new(
                    KeyCode::Char(other.chars().nth(2).unwrap()),
                    KeyModifiers::ALT,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (event, end + 1)
        } else {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyEvent::new(KeyCode::Char(c), modifiers), c.len_utf8())
        };
        app.handle_event(Event::Key(event));
        rest = &rest[used..];
    }
}
