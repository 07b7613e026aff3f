//! The kinds of field, each holding only its own state and reading its own kind of value.

use super::Entry;
use crate::dates;
use crate::model::{Amount, parse_amount};
use crate::text;
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent};

/// One line of text: a name, a class.
#[derive(Debug, Clone)]
pub struct LineField {
    pub entry: Entry,
}

impl LineField {
    pub fn value(&self) -> String {
        self.entry.value_text()
    }
}

/// Several lines: notes, evidence.
#[derive(Debug, Clone)]
pub struct TextField {
    pub entry: Entry,
}

impl TextField {
    pub fn value(&self) -> String {
        self.entry.value_text()
    }
}

/// A friendly date (`today`, `+14d`, `fri`, `2026-12-01`); empty is no date. What is
/// wrong with one is said in a few words ([`dates::DateError::brief`]), to fit under it.
#[derive(Debug, Clone)]
pub struct DateField {
    pub entry: Entry,
    /// For a day something is due: the day (as typed in another field, read against
    /// today; today when it is not a date) from which a day and month typed without a
    /// year is the next such day. None: such a day is in today's year.
    pub due_from: Option<String>,
}

impl DateField {
    pub fn value(&self, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
        let Some(from) = &self.due_from else {
            return self.read(|typed| dates::parse_date(typed, today));
        };
        let from = dates::parse_date(from, today).unwrap_or(today);
        self.due_value(today, from)
    }

    /// The day, a day and month without a year being the next such day on or after
    /// `from` (see [`dates::parse_due_date`]).
    pub fn due_value(
        &self,
        today: NaiveDate,
        from: NaiveDate,
    ) -> Result<Option<NaiveDate>, String> {
        self.read(|typed| dates::parse_due_date(typed, today, from))
    }

    fn read(
        &self,
        parse: impl Fn(&str) -> Result<NaiveDate, dates::DateError>,
    ) -> Result<Option<NaiveDate>, String> {
        let typed = self.entry.value_text();
        if typed.is_empty() {
            return Ok(None);
        }
        parse(&typed).map(Some).map_err(|error| error.brief())
    }
}

/// A date and time (`now`, `today 10:42`); empty is now.
#[derive(Debug, Clone)]
pub struct DateTimeField {
    pub entry: Entry,
}

impl DateTimeField {
    pub fn value(&self, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let typed = self.entry.value_text();
        if typed.is_empty() {
            return Ok(now);
        }
        dates::parse_date_time(&typed, now).map_err(|error| error.to_string())
    }
}

/// A reader of a figure as typed: the figure, none when blank, or why it is refused.
pub type ReadFigure = fn(&str) -> Result<Option<f64>, String>;

/// A number as people type them: `86`, `86%`, `7,5`, `1,200`; a measurement may also be a
/// part of a whole (`24/28`). Read by the domain's one amount parser; empty is none.
#[derive(Debug, Clone)]
pub struct NumberField {
    pub entry: Entry,
    /// A measurement, which may be a part of a whole (`24/28`).
    pub parts: bool,
    /// The domain's own reader for a figure with a rule of its own (a percentage from 0
    /// to 100), in place of any number.
    pub read: Option<ReadFigure>,
}

impl NumberField {
    /// One number: a part of a whole (`9/28`) is refused rather than read as 9.
    pub fn value(&self) -> Result<Option<f64>, String> {
        if let Some(read) = self.read {
            return read(&self.entry.value_text());
        }
        match self.amount()? {
            Some(Amount {
                out_of: Some(_), ..
            }) if !self.parts => Err(format!(
                "\"{}\": give one number here",
                text::line(&self.entry.value_text())
            )),
            amount => Ok(amount.map(|a| a.value)),
        }
    }

    /// A measurement: one number, or a part of a whole.
    pub fn amount(&self) -> Result<Option<Amount>, String> {
        parse_amount(&self.entry.value_text())
    }
}

/// A whole number in a range; empty is none.
#[derive(Debug, Clone)]
pub struct WholeField {
    pub entry: Entry,
    pub min: u32,
    pub max: u32,
}

impl WholeField {
    pub fn value(&self) -> Result<Option<u32>, String> {
        let typed = self.entry.value_text();
        if typed.is_empty() {
            return Ok(None);
        }
        match typed.parse::<u32>() {
            Ok(n) if (self.min..=self.max).contains(&n) => Ok(Some(n)),
            _ => Err(format!(
                "\"{}\" is not a whole number from {} to {}",
                text::line(&typed),
                self.min,
                self.max
            )),
        }
    }
}

/// One of a few words; digits pick by the number they show (or by position), ←/→ cycle.
#[derive(Debug, Clone)]
pub struct ChoiceField {
    pub options: Vec<String>,
    /// The index of the chosen option; none until one is picked, where the form asks
    /// for a choice rather than presetting one.
    pub choice: Option<usize>,
}

impl ChoiceField {
    pub fn value(&self) -> Option<usize> {
        self.choice
    }

    /// "pick 1 seen, 2 partly or 3 not seen"
    pub(super) fn ask(&self) -> String {
        let (last, rest) = match self.options.split_last() {
            Some((last, rest)) if !rest.is_empty() => (last, rest),
            _ => return "pick one".into(),
        };
        format!("pick {} or {last}", rest.join(", "))
    }

    /// Types a key. Returns whether the choice changed.
    pub(super) fn input(&mut self, key: KeyEvent) -> bool {
        let count = self.options.len().max(1);
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let pick = c as usize - '0' as usize;
                // Options are chosen by the number they show ("3 developing"), or by
                // position when they are not numbered.
                let by_label = self.options.iter().position(|o| o.starts_with(c));
                let by_position = (1..=self.options.len()).contains(&pick).then(|| pick - 1);
                match by_label.or(by_position) {
                    Some(index) => {
                        self.choice = Some(index);
                        true
                    }
                    None => false,
                }
            }
            KeyCode::Right | KeyCode::Char(' ') => {
                self.choice = Some(self.choice.map_or(0, |c| (c + 1) % count));
                true
            }
            KeyCode::Left => {
                self.choice = Some(self.choice.map_or(count - 1, |c| (c + count - 1) % count));
                true
            }
            _ => false,
        }
    }
}

/// A checklist (look-fors seen, classrooms in a round); digits toggle by position.
#[derive(Debug, Clone)]
pub struct ChecksField {
    pub items: Vec<String>,
    /// Every item's state, in order.
    pub checked: Vec<bool>,
    /// The item ↑/↓ are on (Space toggles it).
    pub cursor: usize,
}

impl ChecksField {
    /// The ticked items.
    pub fn ticked(&self) -> Vec<String> {
        self.items
            .iter()
            .zip(&self.checked)
            .filter(|(_, on)| **on)
            .map(|(item, _)| item.clone())
            .collect()
    }

    fn toggle(&mut self, index: usize) -> bool {
        match self.checked.get_mut(index) {
            Some(on) => {
                *on = !*on;
                true
            }
            None => false,
        }
    }

    /// Types a key. Returns whether a tick changed.
    pub(super) fn input(&mut self, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Char(c @ '1'..='9') => self.toggle(c as usize - '1' as usize),
            KeyCode::Char(' ') => self.toggle(self.cursor),
            KeyCode::Down | KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(self.items.len().saturating_sub(1));
                false
            }
            KeyCode::Up | KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            _ => false,
        }
    }
}

/// Yes or no; Space toggles, `y` and `n` say which.
#[derive(Debug, Clone)]
pub struct ToggleField {
    pub on: bool,
}

impl ToggleField {
    pub fn value(&self) -> bool {
        self.on
    }

    pub(super) fn input(&mut self, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Char('y') => self.on = true,
            KeyCode::Char('n') => self.on = false,
            KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => self.on = !self.on,
            _ => return false,
        }
        true
    }
}

/// Shown for context, not typed (e.g. the focus an observation is on); Tab skips it.
#[derive(Debug, Clone)]
pub struct InfoField {
    pub text: String,
}
