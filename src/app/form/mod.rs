//! Forms: fields of typed kinds (`field.rs`), the cursor moving between them, every field
//! checked by its kind's own parser, and values read back by each form's own field ids
//! (`Keyed`), never by the labels on screen.

mod draft;
mod entry;
mod field;
mod kinds;

pub use draft::FieldState;

pub use entry::Entry;
pub use field::{
    ChecksField, ChoiceField, DateField, DateTimeField, Field, Header, InfoField, Kind, LineField,
    NumberField, TextField, ToggleField, WholeField,
};

use crate::text;
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent};
use std::fmt::Debug;

/// A form: fields, which one has the cursor, and the error of a failed save.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    fields: Vec<Field>,
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

    /// The fields, in the order they are shown.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    fn snapshot(&self) -> Vec<String> {
        self.fields.iter().map(Field::snapshot).collect()
    }

    /// Whether anything differs from when the form opened.
    pub fn is_dirty(&self) -> bool {
        self.snapshot() != self.pristine
    }

    pub fn active_field(&self) -> Option<&Field> {
        self.fields.get(self.active)
    }

    pub fn active_field_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.active)
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
            if self.fields.get(self.active).is_some_and(Field::takes_input) {
                break;
            }
        }
    }

    /// Types a key into the active field, re-validating it.
    pub fn input(&mut self, key: KeyEvent, now: NaiveDateTime) -> bool {
        let Some(field) = self.fields.get_mut(self.active) else {
            return false;
        };
        let picked_by_digit = matches!(field.kind, Kind::Choice(_))
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

    /// Empties the active field (Ctrl-U), re-validating it; other kinds are left as they are.
    pub fn clear_active(&mut self, now: NaiveDateTime) {
        if let Some(field) = self.fields.get_mut(self.active)
            && let Some(entry) = field.entry_mut()
        {
            entry.set_text("");
            field.revalidate(now);
            self.error = None;
        }
    }

    pub fn paste(&mut self, text: &str, now: NaiveDateTime) {
        if let Some(field) = self.fields.get_mut(self.active)
            && field.paste(text)
        {
            field.revalidate(now);
        }
    }

    /// Checks every field; on any problem marks the fields, moves to the first bad one,
    /// says what is wrong in the form's error line and returns false.
    pub fn validate(&mut self, now: NaiveDateTime) -> bool {
        let mut first_bad = None;
        for (index, field) in self.fields.iter_mut().enumerate() {
            field.revalidate(now);
            if field.header.error.is_some() {
                first_bad.get_or_insert(index);
            }
        }
        let Some(index) = first_bad else {
            return true;
        };
        self.active = index;
        let header = &self.fields[index].header;
        self.error = Some(format!(
            "{}: {}",
            header.label,
            header.error.as_deref().unwrap_or("not valid")
        ));
        false
    }
}

/// A form whose fields are addressed by `Id`, an enum of that form's own fields: a value is
/// read by id and as its kind's type, so a field of another form cannot be asked for, and
/// the label is only what is shown.
#[derive(Debug, Clone)]
pub struct Keyed<Id> {
    form: Form,
    /// The id of each field, in the order of the form's fields.
    ids: Vec<Id>,
}

impl<Id: Copy + PartialEq + Debug> Keyed<Id> {
    pub fn new(title: impl Into<String>, fields: Vec<(Id, Field)>) -> Keyed<Id> {
        let (ids, fields) = fields.into_iter().unzip();
        Keyed {
            form: Form::new(title, fields),
            ids,
        }
    }

    /// The form, for what every form shares (drawing, typing, moving).
    pub fn form(&self) -> &Form {
        &self.form
    }

    pub fn form_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn index(&self, id: Id) -> Option<usize> {
        self.ids.iter().position(|i| *i == id)
    }

    /// Whether the form has this field (some are shown only when they apply).
    pub fn has(&self, id: Id) -> bool {
        self.index(id).is_some()
    }

    /// The id of the field the cursor is in.
    pub fn active_id(&self) -> Option<Id> {
        self.ids.get(self.form.active).copied()
    }

    pub fn field(&self, id: Id) -> Option<&Field> {
        self.index(id).and_then(|index| self.form.fields.get(index))
    }

    pub fn field_mut(&mut self, id: Id) -> Option<&mut Field> {
        self.index(id)
            .and_then(|index| self.form.fields.get_mut(index))
    }

    /// Puts the cursor on the field.
    pub fn focus(&mut self, id: Id) {
        if let Some(index) = self.index(id) {
            self.form.active = index;
        }
    }

    /// Reads the field `id` as `kind`: the value, or what is wrong (a required field left
    /// empty, a value that does not parse, or a field of another kind, which is a mistake
    /// in the form and shows in a test).
    fn read<T>(
        &self,
        id: Id,
        kind: &str,
        value: impl FnOnce(&Kind) -> Option<Result<T, String>>,
    ) -> Result<T, String> {
        let field = self
            .field(id)
            .ok_or_else(|| format!("the form has no {id:?} field"))?;
        let label = field.label();
        if field.missing() {
            return Err(format!("{label}: required"));
        }
        match value(&field.kind) {
            Some(value) => value.map_err(|error| format!("{label}: {error}")),
            None => Err(format!("{label}: not {kind}")),
        }
    }

    /// A value that must be there: a required field's, which `read` has checked.
    pub fn needed<T>(&self, id: Id, value: Option<T>) -> Result<T, String> {
        value.ok_or_else(|| {
            let label = self.field(id).map_or("a field", Field::label);
            format!("{label}: required")
        })
    }

    /// One line of text, cleaned as all text coming in is (`text::clean_line`).
    pub fn line(&self, id: Id) -> Result<String, String> {
        self.read(id, "a line of text", |kind| match kind {
            Kind::Line(line) => Some(text::clean_line(&line.value()).map_err(|e| e.to_string())),
            _ => None,
        })
    }

    /// Notes (several lines), cleaned as all text coming in is (`text::clean`).
    pub fn notes(&self, id: Id) -> Result<String, String> {
        self.read(id, "notes", |kind| match kind {
            Kind::Text(notes) => Some(text::clean(&notes.value()).map_err(|e| e.to_string())),
            _ => None,
        })
    }

    pub fn date(&self, id: Id, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
        self.read(id, "a date", |kind| match kind {
            Kind::Date(date) => Some(date.value(today)),
            _ => None,
        })
    }

    /// A day something is due, a day and month without a year being the next such day
    /// on or after `from`.
    pub fn due_date(
        &self,
        id: Id,
        today: NaiveDate,
        from: NaiveDate,
    ) -> Result<Option<NaiveDate>, String> {
        self.read(id, "a date", |kind| match kind {
            Kind::Date(date) => Some(date.due_value(today, from)),
            _ => None,
        })
    }

    pub fn date_time(&self, id: Id, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
        self.read(id, "a date and time", |kind| match kind {
            Kind::DateTime(at) => Some(at.value(now)),
            _ => None,
        })
    }

    pub fn number(&self, id: Id) -> Result<Option<f64>, String> {
        self.read(id, "a number", |kind| match kind {
            Kind::Number(number) => Some(number.value()),
            _ => None,
        })
    }

    /// A measurement: one number or a part of a whole.
    pub fn amount(&self, id: Id) -> Result<Option<crate::model::Amount>, String> {
        self.read(id, "a measurement", |kind| match kind {
            Kind::Number(number) => Some(number.amount()),
            _ => None,
        })
    }

    pub fn whole(&self, id: Id) -> Result<Option<u32>, String> {
        self.read(id, "a whole number", |kind| match kind {
            Kind::Whole(whole) => Some(whole.value()),
            _ => None,
        })
    }

    /// The index of the chosen option.
    pub fn choice(&self, id: Id) -> Result<usize, String> {
        self.read(id, "a choice", |kind| match kind {
            Kind::Choice(choice) => Some(choice.value().ok_or_else(|| "pick one".to_string())),
            _ => None,
        })
    }

    /// The ticked items of a checklist.
    pub fn ticked(&self, id: Id) -> Result<Vec<String>, String> {
        self.read(id, "a checklist", |kind| match kind {
            Kind::Checks(checks) => Some(Ok(checks.ticked())),
            _ => None,
        })
    }

    /// Every checklist item's state, in order.
    pub fn checked(&self, id: Id) -> Result<Vec<bool>, String> {
        self.read(id, "a checklist", |kind| match kind {
            Kind::Checks(checks) => Some(Ok(checks.checked.clone())),
            _ => None,
        })
    }

    pub fn toggle(&self, id: Id) -> Result<bool, String> {
        self.read(id, "yes or no", |kind| match kind {
            Kind::Toggle(toggle) => Some(Ok(toggle.value())),
            _ => None,
        })
    }

    /// Flips a yes-or-no field (Ctrl-P on a form's privacy); false when there is none.
    pub fn flip(&mut self, id: Id, now: NaiveDateTime) -> bool {
        let Some(field) = self.field_mut(id) else {
            return false;
        };
        let Kind::Toggle(toggle) = &mut field.kind else {
            return false;
        };
        toggle.on = !toggle.on;
        field.revalidate(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

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

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum GoalField {
        Statement,
        Baseline,
        By,
        Status,
    }

    fn goal() -> Keyed<GoalField> {
        Keyed::new(
            "Goal",
            vec![
                (
                    GoalField::Statement,
                    Field::line("Statement", "").required(),
                ),
                (GoalField::Baseline, Field::number("Baseline", "")),
                (GoalField::By, Field::date("By", "")),
                (
                    GoalField::Status,
                    Field::choice("Status", vec!["active".into(), "met".into()], 0),
                ),
            ],
        )
    }

    #[test]
    fn a_bad_date_names_the_field_and_keeps_the_text() {
        let mut form = Form::new(
            "Action",
            vec![Field::line("What", "").required(), Field::date("Due", "")],
        );
        type_text(&mut form, "Post warm-up");
        form.next_field();
        type_text(&mut form, "someday");
        let error = form.fields()[1].header.error.as_deref().unwrap();
        assert!(error.contains("\"someday\""));
        assert!(!form.validate(now()));
        assert!(form.error.as_deref().unwrap().starts_with("Due: "));
        assert_eq!(form.fields()[0].text(), "Post warm-up");
        assert_eq!(form.active, 1, "the cursor goes to the bad field");
    }

    #[test]
    fn an_empty_required_field_is_refused_and_values_come_back_parsed() {
        let mut goal = goal();
        let form = goal.form_mut();
        assert!(!form.validate(now()));
        assert_eq!(form.error.as_deref(), Some("Statement: required"));
        type_text(form, "On task");
        form.next_field();
        type_text(form, "32%");
        form.next_field();
        type_text(form, "+2w");
        assert!(form.validate(now()));
        assert_eq!(goal.line(GoalField::Statement).unwrap(), "On task");
        assert_eq!(goal.number(GoalField::Baseline).unwrap(), Some(32.0));
        assert_eq!(
            goal.date(GoalField::By, now().date()).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 7)
        );
    }

    #[test]
    fn typed_text_is_cleaned_when_the_form_is_saved() {
        let mut goal = goal();
        // Typed keys, not a paste: a terminal without bracketed paste types pasted text.
        type_text(goal.form_mut(), "On\u{202e}task\u{200b}");
        assert_eq!(goal.line(GoalField::Statement).unwrap(), "Ontask");
        let mut why = Keyed::new(
            "Goal",
            vec![(GoalField::Statement, Field::notes("Why", ""))],
        );
        if let Some(entry) = why
            .field_mut(GoalField::Statement)
            .and_then(Field::entry_mut)
        {
            entry.set_text(&"a".repeat(text::MAX_CHARS + 5));
        }
        assert_eq!(
            why.notes(GoalField::Statement),
            Err(
                "Why: it is 100,005 characters long, and a note may hold at most 100,000; \
                 shorten it and try again"
                    .to_string()
            )
        );
    }

    #[test]
    fn a_value_is_read_by_its_id_whatever_its_label_says() {
        let mut goal = goal();
        goal.form_mut().next_field();
        type_text(goal.form_mut(), "12");
        if let Some(field) = goal.field_mut(GoalField::Baseline) {
            field.header.label = "Where it starts";
        }
        assert_eq!(goal.number(GoalField::Baseline).unwrap(), Some(12.0));
        assert_eq!(goal.form().fields()[1].label(), "Where it starts");
    }

    #[test]
    fn reading_a_field_as_another_kind_is_an_error_not_a_default() {
        let goal = goal();
        assert_eq!(
            goal.whole(GoalField::Baseline),
            Err("Baseline: not a whole number".to_string())
        );
        assert_eq!(
            goal.line(GoalField::Statement),
            Err("Statement: required".to_string())
        );
        let partial = Keyed::new("Goal", vec![(GoalField::By, Field::date("By", ""))]);
        assert!(!partial.has(GoalField::Status));
        assert_eq!(
            partial.choice(GoalField::Status),
            Err("the form has no Status field".to_string())
        );
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
                Field::choice("Rating", ratings.map(String::from).to_vec(), 0),
                Field::checks(
                    "Look-fors",
                    vec!["posted".into(), "names target".into()],
                    |_| false,
                ),
            ],
        );
        form.input(key('3'), now());
        assert!(matches!(&form.fields()[0].kind, Kind::Choice(c) if c.choice == Some(3)));
        assert_eq!(form.active, 1, "picking by number moves to the next field");
        form.input(key('2'), now());
        let Kind::Checks(checks) = &form.fields()[1].kind else {
            panic!("a checklist")
        };
        assert_eq!(checks.ticked(), vec!["names target".to_string()]);
        assert!(form.is_dirty());
    }

    #[test]
    fn pasted_escape_sequences_are_made_visible() {
        let mut form = Form::new("Note", vec![Field::notes("Notes", "")]);
        form.paste("line one\r\n\x1b[31mred\x07", now());
        assert_eq!(form.fields()[0].text(), "line one\n\u{fffd}[31mred\u{fffd}");
    }
}
