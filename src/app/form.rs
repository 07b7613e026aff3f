//! One field type serves every form: text, dates, numbers, choices and checklists, each
//! parsed by one function that either returns the value or says what is wrong.

use crate::dates;
use crate::text;
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// What a field holds and how it is typed.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Several lines (notes, evidence).
    Text,
    /// A friendly date (`today`, `+14d`, `fri`, `2026-12-01`).
    Date,
    /// A date and time (`now`, `today 10:42`).
    DateTime,
    /// A number, e.g. a measurement.
    Number,
    /// A whole number in a range.
    Whole { min: u32, max: u32 },
    /// One of a few words; digits pick by position, ←/→ cycle.
    Choice(Vec<String>),
    /// A checklist (look-fors seen); digits toggle by position.
    Checks(Vec<String>),
    /// Yes or no; Space toggles.
    Toggle,
    /// Shown for context, not typed (e.g. the focus an observation is on); Tab skips it.
    Info,
}

/// A parsed field value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Date(Option<NaiveDate>),
    DateTime(NaiveDateTime),
    Number(Option<f64>),
    Whole(Option<u32>),
    Choice(usize),
    /// The ticked items, and every item's state in order.
    Checks(Vec<String>, Vec<bool>),
    Toggle(bool),
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    /// A short reminder of what to type, shown when the field is empty.
    pub hint: &'static str,
    pub editor: TextArea<'static>,
    pub choice: usize,
    pub checked: Vec<bool>,
    /// The checklist item ↑/↓ are on (Space toggles it).
    pub cursor: usize,
    pub on: bool,
    /// What is wrong with what was typed, if anything.
    pub error: Option<String>,
}

impl Field {
    pub fn new(label: &'static str, kind: FieldKind) -> Field {
        let checked = match &kind {
            FieldKind::Checks(items) => vec![false; items.len()],
            _ => Vec::new(),
        };
        let mut editor = TextArea::default();
        editor.set_cursor_line_style(ratatui::style::Style::default());
        if kind == FieldKind::Text {
            editor.set_wrap_mode(WrapMode::Word);
        }
        Field {
            label,
            kind,
            required: false,
            hint: "",
            editor,
            choice: 0,
            checked,
            cursor: 0,
            on: false,
            error: None,
        }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = hint;
        self.editor.set_placeholder_text(hint);
        self
    }

    /// Starts the field with `value` (text from the database is made safe to show).
    pub fn with_text(mut self, value: &str) -> Field {
        self.set_text(value);
        self
    }

    pub fn with_choice(mut self, choice: usize) -> Field {
        self.choice = choice;
        self
    }

    pub fn with_on(mut self, on: bool) -> Field {
        self.on = on;
        self
    }

    /// Every item of a checklist ticked.
    pub fn all_checked(mut self) -> Field {
        self.checked.iter_mut().for_each(|on| *on = true);
        self
    }

    pub fn with_checked(mut self, seen: &[String]) -> Field {
        if let FieldKind::Checks(items) = &self.kind {
            self.checked = items.iter().map(|item| seen.contains(item)).collect();
        }
        self
    }

    pub fn set_text(&mut self, value: &str) {
        let safe = text::block(value);
        let lines: Vec<String> = match self.kind {
            FieldKind::Text => safe.split('\n').map(str::to_owned).collect(),
            _ => vec![text::line(&safe).into_owned()],
        };
        let mut editor = TextArea::new(lines);
        editor.set_cursor_line_style(self.editor.cursor_line_style());
        editor.set_placeholder_text(self.hint);
        editor.set_wrap_mode(self.editor.wrap_mode());
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = editor;
    }

    /// Whether the field takes typed text.
    pub fn is_text(&self) -> bool {
        !matches!(
            self.kind,
            FieldKind::Choice(_) | FieldKind::Checks(_) | FieldKind::Toggle | FieldKind::Info
        )
    }

    /// The typed text, lines joined; single-line fields trimmed.
    pub fn text(&self) -> String {
        let joined = self.editor.lines().join("\n");
        match self.kind {
            FieldKind::Text => joined.trim_end().to_owned(),
            _ => joined.trim().to_owned(),
        }
    }

    /// Parses the field: the value, or a sentence naming the problem.
    pub fn parse(&self, now: NaiveDateTime) -> Result<Value, String> {
        let typed = self.text();
        if self.required && self.is_text() && typed.is_empty() {
            return Err("required".into());
        }
        match &self.kind {
            FieldKind::Line | FieldKind::Text => Ok(Value::Text(typed)),
            FieldKind::Date if typed.is_empty() => Ok(Value::Date(None)),
            FieldKind::Date => dates::parse_date(&typed, now.date())
                .map(|date| Value::Date(Some(date)))
                .map_err(|error| error.to_string()),
            FieldKind::DateTime if typed.is_empty() => Ok(Value::DateTime(now)),
            FieldKind::DateTime => dates::parse_date_time(&typed, now)
                .map(Value::DateTime)
                .map_err(|error| error.to_string()),
            FieldKind::Number if typed.is_empty() => Ok(Value::Number(None)),
            FieldKind::Number => parse_number(&typed).map(|n| Value::Number(Some(n))),
            FieldKind::Whole { .. } if typed.is_empty() => Ok(Value::Whole(None)),
            FieldKind::Whole { min, max } => match typed.parse::<u32>() {
                Ok(n) if (*min..=*max).contains(&n) => Ok(Value::Whole(Some(n))),
                _ => Err(format!(
                    "\"{}\" is not a whole number from {min} to {max}",
                    text::line(&typed)
                )),
            },
            FieldKind::Choice(_) => Ok(Value::Choice(self.choice)),
            FieldKind::Checks(items) => Ok(Value::Checks(
                items
                    .iter()
                    .zip(&self.checked)
                    .filter(|(_, on)| **on)
                    .map(|(item, _)| item.clone())
                    .collect(),
                self.checked.clone(),
            )),
            FieldKind::Toggle => Ok(Value::Toggle(self.on)),
            FieldKind::Info => Ok(Value::Text(typed)),
        }
    }

    /// Re-validates after a change, so the error under the field is always current.
    pub fn revalidate(&mut self, now: NaiveDateTime) {
        self.error = self.parse(now).err();
    }

    /// Types a key into the field. Returns whether the field changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        match &self.kind {
            FieldKind::Choice(options) => {
                let count = options.len();
                match key.code {
                    KeyCode::Char(c) if c.is_ascii_digit() => {
                        let pick = c as usize - '0' as usize;
                        // Options are chosen by the number they show ("3 developing"),
                        // or by position when they are not numbered.
                        let by_label = options.iter().position(|o| o.starts_with(c));
                        match by_label.or((1..=count).contains(&pick).then(|| pick - 1)) {
                            Some(index) => {
                                self.choice = index;
                                true
                            }
                            None => false,
                        }
                    }
                    KeyCode::Right | KeyCode::Char(' ') => {
                        self.choice = (self.choice + 1) % count.max(1);
                        true
                    }
                    KeyCode::Left => {
                        self.choice = (self.choice + count.max(1) - 1) % count.max(1);
                        true
                    }
                    _ => false,
                }
            }
            FieldKind::Checks(items) => {
                let count = items.len();
                let toggle = |field: &mut Field, index: usize| match field.checked.get_mut(index) {
                    Some(on) => {
                        *on = !*on;
                        true
                    }
                    None => false,
                };
                match key.code {
                    KeyCode::Char(c @ '1'..='9') => toggle(self, c as usize - '1' as usize),
                    KeyCode::Char(' ') => toggle(self, self.cursor),
                    KeyCode::Down | KeyCode::Right => {
                        self.cursor = (self.cursor + 1).min(count.saturating_sub(1));
                        false
                    }
                    KeyCode::Up | KeyCode::Left => {
                        self.cursor = self.cursor.saturating_sub(1);
                        false
                    }
                    _ => false,
                }
            }
            FieldKind::Toggle => match key.code {
                KeyCode::Char(' ' | 'y' | 'n') | KeyCode::Left | KeyCode::Right => {
                    self.on = match key.code {
                        KeyCode::Char('y') => true,
                        KeyCode::Char('n') => false,
                        _ => !self.on,
                    };
                    true
                }
                _ => false,
            },
            FieldKind::Text => self.editor.input(key),
            FieldKind::Info => false,
            _ => {
                // One-line fields: no line breaks.
                if key.code == KeyCode::Enter
                    || (key.code == KeyCode::Char('m') && key.modifiers == KeyModifiers::CONTROL)
                {
                    return false;
                }
                self.editor.input(key)
            }
        }
    }

    /// Pastes text: control characters are dropped, line breaks kept only in notes.
    pub fn paste(&mut self, pasted: &str) -> bool {
        if !self.is_text() {
            return false;
        }
        let cleaned = pasted.replace("\r\n", "\n").replace('\r', "\n");
        let safe = match self.kind {
            FieldKind::Text => text::block(&cleaned).into_owned(),
            _ => text::line(&cleaned).into_owned(),
        };
        self.editor.insert_str(safe)
    }
}

/// Reads numbers as people type them: `86`, `86%`, `9/28` (as 9), `1,200`.
fn parse_number(typed: &str) -> Result<f64, String> {
    let cleaned: String = typed
        .trim()
        .trim_end_matches('%')
        .split('/')
        .next()
        .unwrap_or_default()
        .replace(',', "");
    match cleaned.trim().parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(format!("\"{}\" is not a number", text::line(typed))),
    }
}

/// A form: fields, which one has the cursor, and the error of a failed save.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub active: usize,
    /// Why the last save failed; the form stays open with everything typed.
    pub error: Option<String>,
    /// ⏎ saves the form from any field, instead of starting a new line in notes.
    pub enter_saves: bool,
    /// What the fields held when the form opened, to know if anything was typed.
    pristine: Vec<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        let mut form = Form {
            title: title.into(),
            fields,
            active: 0,
            error: None,
            enter_saves: false,
            pristine: Vec::new(),
        };
        form.pristine = form.snapshot();
        form.active = form.fields.iter().position(Field::is_text).unwrap_or(0);
        form
    }

    fn snapshot(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| format!("{}|{}|{:?}|{}", f.text(), f.choice, f.checked, f.on))
            .collect()
    }

    /// Whether anything differs from when the form opened.
    pub fn is_dirty(&self) -> bool {
        self.snapshot() != self.pristine
    }

    pub fn field(&self, label: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.label == label)
    }

    pub fn field_mut(&mut self, label: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.label == label)
    }

    pub fn active_field(&self) -> Option<&Field> {
        self.fields.get(self.active)
    }

    pub fn focus(&mut self, label: &str) {
        if let Some(index) = self.fields.iter().position(|f| f.label == label) {
            self.active = index;
        }
    }

    /// The next field that takes input (read-only ones are skipped).
    pub fn next_field(&mut self) {
        self.step(1);
    }

    pub fn prev_field(&mut self) {
        self.step(self.fields.len().saturating_sub(1));
    }

    fn step(&mut self, by: usize) {
        let count = self.fields.len();
        for _ in 0..count {
            self.active = (self.active + by) % count.max(1);
            if self
                .fields
                .get(self.active)
                .is_some_and(|f| f.kind != FieldKind::Info)
            {
                break;
            }
        }
    }

    /// Types a key into the active field, re-validating it.
    pub fn input(&mut self, key: KeyEvent, now: NaiveDateTime) -> bool {
        let Some(field) = self.fields.get_mut(self.active) else {
            return false;
        };
        let picked_by_digit = matches!(field.kind, FieldKind::Choice(_))
            && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit());
        let changed = field.input(key);
        if changed {
            field.revalidate(now);
            self.error = None;
            // A choice picked by its number moves on, so `3` then typing fills the next field.
            if picked_by_digit {
                self.next_field();
            }
        }
        changed
    }

    pub fn paste(&mut self, text: &str, now: NaiveDateTime) {
        if let Some(field) = self.fields.get_mut(self.active)
            && field.paste(text)
        {
            field.revalidate(now);
        }
    }

    /// Parses every field; on any problem marks the fields, moves to the first bad one
    /// and returns `None`.
    pub fn values(&mut self, now: NaiveDateTime) -> Option<Values> {
        let mut values = Vec::new();
        let mut first_bad = None;
        for (index, field) in self.fields.iter_mut().enumerate() {
            match field.parse(now) {
                Ok(value) => {
                    field.error = None;
                    values.push((field.label, value));
                }
                Err(error) => {
                    field.error = Some(error);
                    first_bad.get_or_insert(index);
                }
            }
        }
        match first_bad {
            Some(index) => {
                self.active = index;
                let field = &self.fields[index];
                self.error = Some(format!(
                    "{}: {}",
                    field.label,
                    field.error.as_deref().unwrap_or("not valid")
                ));
                None
            }
            None => Some(Values(values)),
        }
    }
}

/// The parsed values of a form, by field label.
#[derive(Debug, Clone, PartialEq)]
pub struct Values(Vec<(&'static str, Value)>);

impl Values {
    fn get(&self, label: &str) -> Option<&Value> {
        self.0.iter().find(|(l, _)| *l == label).map(|(_, v)| v)
    }

    pub fn text(&self, label: &str) -> String {
        match self.get(label) {
            Some(Value::Text(text)) => text.clone(),
            _ => String::new(),
        }
    }

    pub fn date(&self, label: &str) -> Option<NaiveDate> {
        match self.get(label) {
            Some(Value::Date(date)) => *date,
            _ => None,
        }
    }

    pub fn date_time(&self, label: &str) -> Option<NaiveDateTime> {
        match self.get(label) {
            Some(Value::DateTime(at)) => Some(*at),
            _ => None,
        }
    }

    pub fn number(&self, label: &str) -> Option<f64> {
        match self.get(label) {
            Some(Value::Number(n)) => *n,
            _ => None,
        }
    }

    pub fn whole(&self, label: &str) -> Option<u32> {
        match self.get(label) {
            Some(Value::Whole(n)) => *n,
            _ => None,
        }
    }

    pub fn choice(&self, label: &str) -> usize {
        match self.get(label) {
            Some(Value::Choice(n)) => *n,
            _ => 0,
        }
    }

    pub fn checks(&self, label: &str) -> Vec<String> {
        match self.get(label) {
            Some(Value::Checks(items, _)) => items.clone(),
            _ => Vec::new(),
        }
    }

    /// Every checklist item's state, in order.
    pub fn checked(&self, label: &str) -> Vec<bool> {
        match self.get(label) {
            Some(Value::Checks(_, states)) => states.clone(),
            _ => Vec::new(),
        }
    }

    pub fn toggle(&self, label: &str) -> bool {
        matches!(self.get(label), Some(Value::Toggle(true)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 42, 0))
            .unwrap()
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn type_text(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.input(key(c), now());
        }
    }

    #[test]
    fn a_bad_date_names_the_field_and_keeps_the_text() {
        let mut form = Form::new(
            "Action",
            vec![
                Field::new("What", FieldKind::Line).required(),
                Field::new("Due", FieldKind::Date),
            ],
        );
        type_text(&mut form, "Post warm-up");
        form.next_field();
        type_text(&mut form, "someday");
        assert!(
            form.fields[1]
                .error
                .as_deref()
                .unwrap()
                .contains("\"someday\"")
        );
        assert!(form.values(now()).is_none());
        assert!(form.error.as_deref().unwrap().starts_with("Due: "));
        assert_eq!(form.fields[0].text(), "Post warm-up");
        assert_eq!(form.active, 1, "the cursor goes to the bad field");
    }

    #[test]
    fn an_empty_required_field_is_refused_and_values_come_back_parsed() {
        let mut form = Form::new(
            "Goal",
            vec![
                Field::new("Statement", FieldKind::Line).required(),
                Field::new("Baseline", FieldKind::Number),
                Field::new("By", FieldKind::Date),
            ],
        );
        assert!(form.values(now()).is_none());
        assert_eq!(form.error.as_deref(), Some("Statement: required"));
        type_text(&mut form, "On task");
        form.next_field();
        type_text(&mut form, "32%");
        form.next_field();
        type_text(&mut form, "+2w");
        let values = form.values(now()).unwrap();
        assert_eq!(values.number("Baseline"), Some(32.0));
        assert_eq!(values.date("By"), NaiveDate::from_ymd_opt(2026, 12, 7));
    }

    #[test]
    fn choices_pick_by_their_number_and_checks_toggle_by_position() {
        let ratings = [
            "not rated",
            "1 not yet",
            "2 beginning",
            "3 developing",
            "4 consistent",
        ];
        let mut form = Form::new(
            "Observe",
            vec![
                Field::new(
                    "Rating",
                    FieldKind::Choice(ratings.map(String::from).to_vec()),
                ),
                Field::new(
                    "Look-fors",
                    FieldKind::Checks(vec!["posted".into(), "names target".into()]),
                ),
            ],
        );
        form.input(key('3'), now());
        assert_eq!(form.fields[0].choice, 3);
        assert_eq!(form.active, 1, "picking by number moves to the next field");
        form.input(key('2'), now());
        let values = form.values(now()).unwrap();
        assert_eq!(values.checks("Look-fors"), vec!["names target".to_string()]);
        assert!(form.is_dirty());
    }

    #[test]
    fn pasted_escape_sequences_are_made_visible() {
        let mut form = Form::new("Note", vec![Field::new("Notes", FieldKind::Text)]);
        form.paste("line one\r\n\x1b[31mred\x07", now());
        assert_eq!(form.fields[0].text(), "line one\n\u{fffd}[31mred\u{fffd}");
    }
}
