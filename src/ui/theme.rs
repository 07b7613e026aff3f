//! The few styles the app uses. Colour only adds to marks like `!` and `✔`, never replaces
//! them. Every theme uses only the 16 colours every terminal has, so each works on a
//! 16-colour terminal, and `NO_COLOR` leaves the marks, brackets and bold that carry the
//! meaning (the terminal layer drops the colours).
//!
//! The theme is chosen once, by the thread that draws (the settings' `theme`); tests draw
//! on threads of their own, each with its theme.

use ratatui::style::{Color, Modifier, Style};
use std::cell::Cell;

/// A set of colours for the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The terminal's own palette, as its colour scheme sets it (the default).
    #[default]
    Terminal,
    /// Bright colours, for a dark background.
    Dark,
    /// Deep colours, for a light background.
    Light,
}

impl Theme {
    /// The names the settings take.
    pub const NAMES: [&str; 3] = ["terminal", "dark", "light"];

    pub fn from_name(name: &str) -> Option<Theme> {
        match name.trim().to_ascii_lowercase().as_str() {
            "terminal" => Some(Theme::Terminal),
            "dark" => Some(Theme::Dark),
            "light" => Some(Theme::Light),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::Terminal => "terminal",
            Theme::Dark => "dark",
            Theme::Light => "light",
        }
    }
}

thread_local! {
    static THEME: Cell<Theme> = const { Cell::new(Theme::Terminal) };
}

/// Draws with `theme` from now on (on this thread).
pub fn set(theme: Theme) {
    THEME.with(|current| current.set(theme));
}

fn current() -> Theme {
    THEME.with(Cell::get)
}

/// One colour per theme: terminal, dark, light.
fn fg(terminal: Color, dark: Color, light: Color) -> Style {
    Style::new().fg(match current() {
        Theme::Terminal => terminal,
        Theme::Dark => dark,
        Theme::Light => light,
    })
}

pub fn accent() -> Style {
    fg(Color::Cyan, Color::LightCyan, Color::Blue)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    fg(Color::DarkGray, Color::Gray, Color::DarkGray)
}

pub fn key() -> Style {
    accent().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    fg(Color::Red, Color::LightRed, Color::Red)
}

pub fn warn() -> Style {
    fg(Color::Yellow, Color::LightYellow, Color::Magenta)
}

pub fn ok() -> Style {
    fg(Color::Green, Color::LightGreen, Color::Green)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn marker() -> Style {
    fg(Color::Magenta, Color::LightMagenta, Color::Magenta).add_modifier(Modifier::BOLD)
}

/// What an empty field shows in place of typed text; the text is also bracketed, so that
/// it reads as a placeholder where colour and italics are not shown.
pub fn placeholder() -> Style {
    dim().add_modifier(Modifier::ITALIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_theme_keeps_to_the_sixteen_colours_and_the_light_one_avoids_pale_ones() {
        for theme in Theme::NAMES.map(|name| Theme::from_name(name).unwrap()) {
            set(theme);
            for style in [accent(), dim(), key(), error(), warn(), ok(), marker()] {
                let colour = style.fg.unwrap();
                let index = match colour {
                    Color::Black => 0,
                    Color::Red => 1,
                    Color::Green => 2,
                    Color::Yellow => 3,
                    Color::Blue => 4,
                    Color::Magenta => 5,
                    Color::Cyan => 6,
                    Color::Gray => 7,
                    Color::DarkGray => 8,
                    Color::LightRed => 9,
                    Color::LightGreen => 10,
                    Color::LightYellow => 11,
                    Color::LightBlue => 12,
                    Color::LightMagenta => 13,
                    Color::LightCyan => 14,
                    Color::White => 15,
                    other => panic!("{other:?} is not one of the 16"),
                };
                if theme == Theme::Light {
                    assert!(
                        !matches!(index, 3 | 6 | 7 | 11 | 14 | 15),
                        "{colour:?} is hard to read on white"
                    );
                }
            }
        }
        set(Theme::Terminal);
        assert_eq!(Theme::from_name(" Light "), Some(Theme::Light));
        assert_eq!(Theme::from_name("solarized"), None);
    }
}
