//! The few styles the app uses. Colour only adds to marks like `!` and `✔`, never replaces them.

use ratatui::style::{Color, Modifier, Style};

pub const ACCENT: Style = Style::new().fg(Color::Cyan);
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const ERROR: Style = Style::new().fg(Color::Red);
pub const WARN: Style = Style::new().fg(Color::Yellow);
pub const OK: Style = Style::new().fg(Color::Green);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const MARKER: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);
/// What an empty field shows in place of typed text; the text is also bracketed, so that
/// it reads as a placeholder where colour and italics are not shown.
pub const PLACEHOLDER: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC);
