//! Typed text: the editor inside every field kind that takes text, and the capture
//! screen's line. Text from the database and pasted text are made safe to show.

use crate::text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Typed text: the editor of every kind that takes text.
#[derive(Debug, Clone)]
pub struct Entry {
    pub editor: TextArea<'static>,
    /// Notes keep their line breaks; every other entry is one line.
    multi_line: bool,
    /// What an empty entry stands for (`today`, `14`): shown in place of the text, not
    /// typed, so that typing replaces it rather than adding to it.
    default: Option<String>,
}

impl Entry {
    /// One line of text (a name, a date, a number).
    pub fn line() -> Entry {
        Entry::new(false)
    }

    /// Several lines, wrapped at word boundaries: notes, evidence.
    pub fn notes() -> Entry {
        Entry::new(true)
    }

    fn new(multi_line: bool) -> Entry {
        let mut editor = TextArea::default();
        editor.set_cursor_line_style(ratatui::style::Style::default());
        if multi_line {
            editor.set_wrap_mode(WrapMode::Word);
        }
        Entry {
            editor,
            multi_line,
            default: None,
        }
    }

    /// The reminder shown while the entry is empty.
    pub fn hint(mut self, hint: &str) -> Entry {
        self.editor.set_placeholder_text(hint);
        self
    }

    /// Starts the entry with `value` (text from the database is made safe to show).
    pub fn with_text(mut self, value: &str) -> Entry {
        self.set_text(value);
        self
    }

    /// What an empty entry stands for, shown in its place until something is typed.
    pub fn with_default(mut self, default: &str) -> Entry {
        self.default = Some(text::line(default).into_owned());
        self
    }

    pub fn default_text(&self) -> Option<&str> {
        self.default.as_deref()
    }

    /// What the entry means: the typed text, or its default when nothing is typed.
    pub fn value_text(&self) -> String {
        let typed = self.text();
        match &self.default {
            Some(default) if typed.is_empty() => default.clone(),
            _ => typed,
        }
    }

    pub fn is_multi_line(&self) -> bool {
        self.multi_line
    }

    /// Replaces what is typed, the cursor at the end.
    pub fn set_text(&mut self, value: &str) {
        let safe = text::block(value);
        let lines: Vec<String> = if self.multi_line {
            safe.split('\n').map(str::to_owned).collect()
        } else {
            vec![text::line(&safe).into_owned()]
        };
        let mut editor = TextArea::new(lines);
        editor.set_cursor_line_style(self.editor.cursor_line_style());
        editor.set_placeholder_text(self.editor.placeholder_text().to_owned());
        editor.set_wrap_mode(self.editor.wrap_mode());
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = editor;
    }

    /// The typed text, lines joined; one-line entries trimmed.
    pub fn text(&self) -> String {
        let joined = self.editor.lines().join("\n");
        if self.multi_line {
            joined.trim_end().to_owned()
        } else {
            joined.trim().to_owned()
        }
    }

    /// Types a key. Returns whether the text changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        // One-line entries take no line breaks.
        let line_break = key.code == KeyCode::Enter
            || (key.code == KeyCode::Char('m') && key.modifiers == KeyModifiers::CONTROL);
        if line_break && !self.multi_line {
            return false;
        }
        self.editor.input(key)
    }

    /// Pastes text: control characters are dropped, line breaks kept only in notes.
    pub fn paste(&mut self, pasted: &str) -> bool {
        let cleaned = pasted.replace("\r\n", "\n").replace('\r', "\n");
        let safe = if self.multi_line {
            text::block(&cleaned).into_owned()
        } else {
            text::line(&cleaned).into_owned()
        };
        self.editor.insert_str(safe)
    }
}
