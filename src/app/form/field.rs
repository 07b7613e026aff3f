//! The kinds of field a form is made of. Each kind is its own type holding only its own
//! state (a choice has no text editor, a toggle no checklist) and parsing to its own typed
//! value: a date field gives a date, a whole-number field a `u32`.

use super::Entry;
use crate::text;
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;

/// What every field has, whatever its kind: what it is called, whether it must be filled,
/// a reminder of what to type, and what is wrong with it now.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// What the field is called on screen (and only there: values are read by id).
    pub label: &'static str,
    pub required: bool,
    /// A short reminder of what to type, shown when the field is empty.
    pub hint: std::borrow::Cow<'static, str>,
    /// What is wrong with what was typed, if anything.
    pub error: Option<String>,
}

pub use super::kinds::{
    ChecksField, ChoiceField, DateField, DateTimeField, InfoField, LineField, NumberField,
    TextField, ToggleField, WholeField,
};

/// A field's kind and its state.
#[derive(Debug, Clone)]
pub enum Kind {
    Line(LineField),
    Text(TextField),
    Date(DateField),
    DateTime(DateTimeField),
    Number(NumberField),
    Whole(WholeField),
    Choice(ChoiceField),
    Checks(ChecksField),
    Toggle(ToggleField),
    Info(InfoField),
}

/// One field of a form: its header and its kind.
#[derive(Debug, Clone)]
pub struct Field {
    pub header: Header,
    pub kind: Kind,
}

impl Field {
    fn of(label: &'static str, kind: Kind) -> Field {
        Field {
            header: Header {
                label,
                ..Header::default()
            },
            kind,
        }
    }

    /// One line of text.
    pub fn line(label: &'static str, value: &str) -> Field {
        let entry = Entry::line().with_text(value);
        Field::of(label, Kind::Line(LineField { entry }))
    }

    /// Several lines: notes, evidence.
    pub fn notes(label: &'static str, value: &str) -> Field {
        let entry = Entry::notes().with_text(value);
        Field::of(label, Kind::Text(TextField { entry }))
    }

    pub fn date(label: &'static str, value: &str) -> Field {
        let entry = Entry::line().with_text(value);
        let due_from = None;
        Field::of(label, Kind::Date(DateField { entry, due_from }))
    }

    pub fn date_time(label: &'static str, value: &str) -> Field {
        let entry = Entry::line().with_text(value);
        Field::of(label, Kind::DateTime(DateTimeField { entry }))
    }

    pub fn number(label: &'static str, value: &str) -> Field {
        let entry = Entry::line().with_text(value);
        Field::of(
            label,
            Kind::Number(NumberField {
                entry,
                parts: false,
                read: None,
            }),
        )
    }

    /// A measurement: one number, or a part of a whole (`24/28`).
    pub fn amount(label: &'static str, value: &str) -> Field {
        let entry = Entry::line().with_text(value);
        Field::of(
            label,
            Kind::Number(NumberField {
                entry,
                parts: true,
                read: None,
            }),
        )
    }

    /// A whole number from `min` to `max`.
    pub fn whole(label: &'static str, min: u32, max: u32, value: &str) -> Field {
        let entry = Entry::line().with_text(value);
        Field::of(label, Kind::Whole(WholeField { entry, min, max }))
    }

    /// One of `options`, starting at the one at `choice`.
    pub fn choice(label: &'static str, options: Vec<String>, choice: usize) -> Field {
        let choice = Some(choice);
        Field::of(label, Kind::Choice(ChoiceField { options, choice }))
    }

    /// One of `options`, none picked until the user picks one (no answer is given for
    /// them by ⏎ alone).
    pub fn pick(label: &'static str, options: Vec<String>) -> Field {
        let choice = None;
        Field::of(label, Kind::Choice(ChoiceField { options, choice }))
    }

    /// A checklist of `items`, each ticked when `ticked` says so.
    pub fn checks(label: &'static str, items: Vec<String>, ticked: impl Fn(&str) -> bool) -> Field {
        let checked = items.iter().map(|item| ticked(item)).collect();
        Field::of(
            label,
            Kind::Checks(ChecksField {
                items,
                checked,
                cursor: 0,
            }),
        )
    }

    pub fn toggle(label: &'static str, on: bool) -> Field {
        Field::of(label, Kind::Toggle(ToggleField { on }))
    }

    /// Text shown for context (made safe to show on one line).
    pub fn info(label: &'static str, value: &str) -> Field {
        let text = text::line(&text::block(value)).trim().to_owned();
        Field::of(label, Kind::Info(InfoField { text }))
    }

    /// What the field means while nothing is typed (`today`, `14`): shown in its place,
    /// and replaced by what is typed rather than added to.
    pub fn default_to(mut self, default: &str) -> Field {
        if let Some(entry) = self.entry_mut()
            && !default.is_empty()
        {
            *entry = entry.clone().with_default(default);
        }
        self
    }

    /// A number read by the domain's own reader (`parse_achievement`): what it refuses
    /// is said under the field as it is typed.
    pub fn read_by(mut self, read: super::kinds::ReadFigure) -> Field {
        if let Kind::Number(number) = &mut self.kind {
            number.read = Some(read);
        }
        self
    }

    /// A date field for a day something is due: a day and month typed without a year is
    /// the next such day on or after the day `from` (typed as a date field takes it),
    /// not the one in today's year.
    pub fn due_from(mut self, from: &str) -> Field {
        self.set_due_from(from);
        self
    }

    /// Moves the day a due date's day and month without a year come after (see
    /// [`Field::due_from`]); other kinds are left as they are.
    pub fn set_due_from(&mut self, from: &str) {
        if let Kind::Date(date) = &mut self.kind {
            date.due_from = Some(from.to_owned());
        }
    }

    /// The field must be filled to save.
    pub fn required(mut self) -> Field {
        self.header.required = true;
        self
    }

    /// A reminder of what to type, shown while the field is empty.
    /// The reminder of what to type (words made at run time too, such as the groups in
    /// use).
    pub fn hint(mut self, hint: impl Into<std::borrow::Cow<'static, str>>) -> Field {
        let hint = hint.into();
        if let Some(entry) = self.entry_mut() {
            entry.editor.set_placeholder_text(hint.clone());
        }
        self.header.hint = hint;
        self
    }

    pub fn label(&self) -> &'static str {
        self.header.label
    }

    /// The editor, for the kinds that take typed text.
    pub fn entry(&self) -> Option<&Entry> {
        match &self.kind {
            Kind::Line(LineField { entry })
            | Kind::Text(TextField { entry })
            | Kind::Date(DateField { entry, .. })
            | Kind::DateTime(DateTimeField { entry })
            | Kind::Number(NumberField { entry, .. })
            | Kind::Whole(WholeField { entry, .. }) => Some(entry),
            Kind::Choice(_) | Kind::Checks(_) | Kind::Toggle(_) | Kind::Info(_) => None,
        }
    }

    /// Ticks a checklist's items as `ticked` says, in order (other kinds are left alone).
    pub fn tick(&mut self, ticked: &[bool]) {
        if let Kind::Checks(checks) = &mut self.kind {
            for (on, wanted) in checks.checked.iter_mut().zip(ticked) {
                *on = *wanted;
            }
        }
    }

    pub fn entry_mut(&mut self) -> Option<&mut Entry> {
        match &mut self.kind {
            Kind::Line(LineField { entry })
            | Kind::Text(TextField { entry })
            | Kind::Date(DateField { entry, .. })
            | Kind::DateTime(DateTimeField { entry })
            | Kind::Number(NumberField { entry, .. })
            | Kind::Whole(WholeField { entry, .. }) => Some(entry),
            Kind::Choice(_) | Kind::Checks(_) | Kind::Toggle(_) | Kind::Info(_) => None,
        }
    }

    /// Whether the field takes typed text.
    pub fn is_text(&self) -> bool {
        self.entry().is_some()
    }

    /// Whether ⏎ starts a new line here (notes) rather than moving on.
    pub fn is_multi_line(&self) -> bool {
        self.entry().is_some_and(Entry::is_multi_line)
    }

    /// Whether Tab stops here (context shown in a form is skipped).
    pub fn takes_input(&self) -> bool {
        !matches!(self.kind, Kind::Info(_))
    }

    /// The typed text (empty for kinds that take none).
    pub fn text(&self) -> String {
        self.entry().map(Entry::text).unwrap_or_default()
    }

    /// A required field left empty (with no default standing in).
    pub fn missing(&self) -> bool {
        self.header.required
            && self
                .entry()
                .is_some_and(|entry| entry.value_text().is_empty())
    }

    /// Checks the field with the kind's own parser: why it cannot be saved, if it cannot.
    pub fn check(&self, now: NaiveDateTime) -> Result<(), String> {
        if self.missing() {
            return Err("required".into());
        }
        match &self.kind {
            Kind::Date(date) => date.value(now.date()).map(drop),
            Kind::DateTime(at) => at.value(now).map(drop),
            Kind::Number(number) => number.value().map(drop),
            Kind::Whole(whole) => whole.value().map(drop),
            Kind::Choice(choice) if choice.choice.is_none() => Err(choice.ask()),
            Kind::Line(_)
            | Kind::Text(_)
            | Kind::Choice(_)
            | Kind::Checks(_)
            | Kind::Toggle(_)
            | Kind::Info(_) => Ok(()),
        }
    }

    /// Re-validates after a change, so the error under the field is always current.
    pub fn revalidate(&mut self, now: NaiveDateTime) {
        self.header.error = self.check(now).err();
    }

    /// Types a key into the field. Returns whether the field changed.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        match &mut self.kind {
            Kind::Choice(choice) => choice.input(key),
            Kind::Checks(checks) => checks.input(key),
            Kind::Toggle(toggle) => toggle.input(key),
            Kind::Info(_) => false,
            Kind::Line(LineField { entry })
            | Kind::Text(TextField { entry })
            | Kind::Date(DateField { entry, .. })
            | Kind::DateTime(DateTimeField { entry })
            | Kind::Number(NumberField { entry, .. })
            | Kind::Whole(WholeField { entry, .. }) => entry.input(key),
        }
    }

    /// Pastes text into a field that takes text.
    pub fn paste(&mut self, pasted: &str) -> bool {
        self.entry_mut().is_some_and(|entry| entry.paste(pasted))
    }

    /// The field's state as text, to tell whether anything changed since the form opened.
    pub(super) fn snapshot(&self) -> String {
        match &self.kind {
            Kind::Choice(choice) => format!("choice {:?}", choice.choice),
            Kind::Checks(checks) => format!("checks {:?}", checks.checked),
            Kind::Toggle(toggle) => format!("toggle {}", toggle.on),
            Kind::Info(_) => String::new(),
            _ => format!("text {}", self.text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 42, 0))
            .unwrap()
    }

    fn number(typed: &str) -> Result<Option<f64>, String> {
        let entry = Entry::line().with_text(typed);
        NumberField {
            entry,
            parts: false,
            read: None,
        }
        .value()
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        assert_eq!(number("86%"), Ok(Some(86.0)));
        // A part of a whole is not silently its first number (9/28 used to be read as 9).
        assert_eq!(number("9/28"), Err("\"9/28\": give one number here".into()));
        assert_eq!(number("1,200"), Ok(Some(1200.0)));
        assert_eq!(number("7,5"), Ok(Some(7.5)), "a decimal comma, not 75");
        assert_eq!(number(""), Ok(None));
        assert_eq!(number("lots"), Err("\"lots\" is not a number".into()));
    }

    #[test]
    fn a_whole_number_out_of_range_says_the_range() {
        let field = Field::whole("Minutes", 0, 600, "601");
        assert_eq!(
            field.check(now()),
            Err("\"601\" is not a whole number from 0 to 600".into())
        );
        let Kind::Whole(minutes) = &Field::whole("Minutes", 0, 600, "45").kind else {
            panic!("a whole number field")
        };
        assert_eq!(minutes.value(), Ok(Some(45)));
    }

    #[test]
    fn an_empty_time_is_now_and_a_toggle_takes_y_and_n() {
        let Kind::DateTime(when) = &Field::date_time("When", "").kind else {
            panic!("a date and time field")
        };
        assert_eq!(when.value(now()), Ok(now()));
        let mut private = Field::toggle("Private", false);
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert!(private.input(key('y')));
        assert!(private.input(key('y')));
        assert!(matches!(
            private.kind,
            Kind::Toggle(ToggleField { on: true })
        ));
        assert!(private.input(key('n')));
        assert!(!private.input(key('x')), "other letters do nothing");
        assert!(matches!(
            private.kind,
            Kind::Toggle(ToggleField { on: false })
        ));
    }

    #[test]
    fn a_default_stands_in_until_typing_replaces_it() {
        let mut due = Field::date("Held", "").required().default_to("today");
        assert_eq!(
            due.check(now()),
            Ok(()),
            "the default fills a required field"
        );
        let Kind::Date(date) = &due.kind else {
            panic!("a date field")
        };
        assert_eq!(date.value(now().date()), Ok(Some(now().date())));
        for c in "-20d".chars() {
            due.input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert_eq!(
            due.text(),
            "-20d",
            "typing replaces the default, not \"today-20d\""
        );
        let Kind::Date(date) = &due.kind else {
            panic!("a date field")
        };
        assert_eq!(
            date.value(now().date()),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 3))
        );
    }

    #[test]
    fn only_fields_that_take_text_are_required_to_be_filled() {
        assert_eq!(
            Field::line("Name", "  ").required().check(now()),
            Err("required".into())
        );
        assert_eq!(
            Field::toggle("Private", false).required().check(now()),
            Ok(())
        );
    }
}
