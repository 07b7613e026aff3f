//! The check-in form (a new one is saved with its brief's marks and new actions), and the
//! action form.

use super::{DATE_HINT, day, edit_or_add, pick, words};
use crate::app::check_in::Review;
use crate::app::form::{Field, Keyed};
use crate::db::Command;
use crate::model::{Action, CheckIn, CheckInKind, Teacher, when};
use crate::text;
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CheckInField {
    Kind,
    Held,
    Notes,
    Reflection,
    Next,
    Minutes,
    Private,
}

/// The form that holds a check-in with a teacher, or edits `existing`.
#[derive(Debug, Clone)]
pub struct CheckInForm {
    pub fields: Keyed<CheckInField>,
    pub teacher_id: String,
    pub existing: Option<CheckIn>,
}

/// What a filled check-in form says.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInValues {
    pub kind: CheckInKind,
    pub held_on: NaiveDate,
    pub notes: String,
    pub reflection: String,
    pub next_on: Option<NaiveDate>,
    /// As typed; a new check-in left blank takes its kind's usual time.
    pub minutes: Option<u32>,
    pub private: bool,
}

impl CheckInForm {
    /// A new check-in's next date starts at `today` plus the teacher's cadence.
    pub fn new(teacher: &Teacher, existing: Option<&CheckIn>) -> CheckInForm {
        use CheckInField as F;
        let c = existing.cloned().unwrap_or_default();
        let kind = CheckInKind::ALL
            .iter()
            .position(|k| *k == c.kind)
            .unwrap_or(0);
        let held = if existing.is_some() {
            day(Some(c.held_on))
        } else {
            String::new()
        };
        // A new check-in's dates are defaults (today, the teacher's rhythm from today):
        // shown, and replaced by whatever is typed.
        let next = match existing {
            Some(c) => day(c.next_on),
            None => String::new(),
        };
        let next_default = if existing.is_some() {
            String::new()
        } else {
            format!("+{}d", teacher.cadence_days)
        };
        let minutes = c.minutes.map(|m| m.to_string()).unwrap_or_default();
        // A check-in held before minutes were kept stays unknown unless some are typed.
        let minutes_hint = if existing.is_some() {
            "blank: not known"
        } else {
            "blank: kind's usual time"
        };
        let mut fields = Keyed::new(
            format!("Check-in · {}", text::line(&teacher.name)),
            vec![
                (
                    F::Kind,
                    Field::choice("Kind", words(CheckInKind::ALL), kind),
                ),
                (
                    F::Held,
                    Field::date("Held", &held)
                        .required()
                        .hint(DATE_HINT)
                        .default_to(if existing.is_some() { "" } else { "today" }),
                ),
                (F::Notes, Field::notes("Notes", &c.notes)),
                (
                    F::Reflection,
                    Field::notes("Reflection", &c.reflection).hint("the teacher's own words"),
                ),
                (
                    F::Next,
                    Field::date("Next check-in", &next)
                        .hint(DATE_HINT)
                        .default_to(&next_default),
                ),
                (
                    F::Minutes,
                    Field::whole("Minutes", 0, 1440, &minutes).hint(minutes_hint),
                ),
                (F::Private, Field::toggle("Private", c.private)),
            ],
        );
        fields.focus(F::Notes);
        CheckInForm {
            fields,
            teacher_id: teacher.meta.id.clone(),
            existing: existing.cloned(),
        }
    }

    pub fn values(&self, today: NaiveDate) -> Result<CheckInValues, String> {
        use CheckInField as F;
        let fields = &self.fields;
        Ok(CheckInValues {
            kind: pick(CheckInKind::ALL, fields.choice(F::Kind)?),
            held_on: when::not_after_today(
                fields.needed(F::Held, fields.date(F::Held, today)?)?,
                today,
            )
            .map_err(|e| format!("Held: {e}"))?,
            notes: fields.notes(F::Notes)?,
            reflection: fields.notes(F::Reflection)?,
            next_on: fields.date(F::Next, today)?,
            minutes: fields.whole(F::Minutes)?,
            private: fields.toggle(F::Private)?,
        })
    }

    /// The check-in the form describes; a new one with no minutes typed took its kind's
    /// usual time.
    pub fn check_in(&self, today: NaiveDate) -> Result<CheckIn, String> {
        let values = self.values(today)?;
        let mut check_in = self.existing.clone().unwrap_or_default();
        check_in.teacher_id.clone_from(&self.teacher_id);
        check_in.kind = values.kind;
        check_in.held_on = values.held_on;
        check_in.notes = values.notes;
        check_in.reflection = values.reflection;
        check_in.next_on = values.next_on;
        check_in.minutes = match (&self.existing, values.minutes) {
            (None, None) => Some(values.kind.default_minutes()),
            (_, typed) => typed,
        };
        check_in.private = values.private;
        Ok(check_in)
    }

    /// A new check-in held with its brief (`review`) saves the brief's marks and new
    /// actions with it.
    pub fn command(&self, review: Option<&Review>, today: NaiveDate) -> Result<Command, String> {
        let check_in = self.check_in(today)?;
        Ok(match (&self.existing, review) {
            (None, Some(review)) => review.command(check_in),
            _ => edit_or_add(self.existing.as_ref(), check_in),
        })
    }
}

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ActionField {
    What,
    Who,
    Due,
    /// Only when editing an action.
    Done,
}

/// The form that adds an action for a teacher, or edits `existing`.
#[derive(Debug, Clone)]
pub struct ActionForm {
    pub fields: Keyed<ActionField>,
    pub teacher_id: String,
    pub existing: Option<Action>,
}

impl ActionForm {
    pub fn new(teacher_id: &str, existing: Option<&Action>) -> ActionForm {
        use ActionField as F;
        let a = existing.cloned().unwrap_or(Action {
            owner: "teacher".into(),
            ..Action::default()
        });
        let mut fields = vec![
            (
                F::What,
                Field::line("What", &a.what)
                    .required()
                    .hint("Post warm-up before bell"),
            ),
            (
                F::Who,
                Field::line("Who", &a.owner)
                    .required()
                    .hint("teacher, coach, principal or a name"),
            ),
            (F::Due, Field::date("Due", &day(a.due_on)).hint(DATE_HINT)),
        ];
        if existing.is_some() {
            fields.push((
                F::Done,
                Field::date("Done", &day(a.done_on)).hint(DATE_HINT),
            ));
        }
        let title = if existing.is_some() {
            "Edit action"
        } else {
            "New action"
        };
        ActionForm {
            fields: Keyed::new(title, fields),
            teacher_id: teacher_id.to_owned(),
            existing: existing.cloned(),
        }
    }

    /// The action the form describes.
    pub fn action(&self, today: NaiveDate) -> Result<Action, String> {
        use ActionField as F;
        let fields = &self.fields;
        let mut action = self.existing.clone().unwrap_or_default();
        action.teacher_id.clone_from(&self.teacher_id);
        action.what = fields.line(F::What)?;
        action.owner = fields.line(F::Who)?;
        action.due_on = fields.date(F::Due, today)?;
        if fields.has(F::Done) {
            action.done_on = fields.date(F::Done, today)?;
        }
        Ok(action)
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let action = self.action(today)?;
        Ok(edit_or_add(self.existing.as_ref(), action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, now, type_text};

    #[test]
    fn an_edited_check_in_reads_back_as_it_was() {
        let check_in = CheckIn {
            kind: CheckInKind::ALL[2],
            held_on: date(2026, 11, 16),
            notes: "Talked about\nwarm-ups".into(),
            reflection: "It went well".into(),
            next_on: Some(date(2026, 11, 30)),
            private: true,
            minutes: Some(25),
            ..CheckIn::default()
        };
        let form = CheckInForm::new(&Teacher::default(), Some(&check_in));
        assert_eq!(
            form.values(now().date()),
            Ok(CheckInValues {
                kind: CheckInKind::ALL[2],
                held_on: date(2026, 11, 16),
                notes: check_in.notes.clone(),
                reflection: check_in.reflection.clone(),
                next_on: Some(date(2026, 11, 30)),
                minutes: Some(25),
                private: true,
            })
        );
    }

    #[test]
    fn a_new_check_in_left_without_minutes_took_its_kinds_usual_time() {
        let mut form = CheckInForm::new(&Teacher::default(), None);
        form.fields.focus(CheckInField::Kind);
        // Conference is the third kind.
        type_text(form.fields.form_mut(), "3");
        let check_in = form.check_in(now().date()).unwrap();
        assert_eq!(check_in.kind, CheckInKind::Conference);
        assert_eq!(check_in.minutes, Some(45));
        form.fields.focus(CheckInField::Minutes);
        type_text(form.fields.form_mut(), "50");
        assert_eq!(form.check_in(now().date()).unwrap().minutes, Some(50));
    }

    #[test]
    fn an_old_check_in_edited_without_minutes_stays_unknown() {
        let old = CheckIn {
            kind: CheckInKind::Feedback,
            held_on: date(2026, 10, 5),
            ..CheckIn::default()
        };
        let form = CheckInForm::new(&Teacher::default(), Some(&old));
        assert_eq!(form.check_in(now().date()).unwrap().minutes, None);
    }

    #[test]
    fn a_new_check_in_is_held_today_and_next_falls_after_the_cadence() {
        let teacher = Teacher {
            cadence_days: 7,
            ..Teacher::default()
        };
        let form = CheckInForm::new(&teacher, None);
        let values = form.values(now().date()).unwrap();
        assert_eq!(values.held_on, now().date());
        assert_eq!(values.next_on, Some(date(2026, 11, 30)));
    }

    #[test]
    fn an_edited_action_keeps_its_done_date_and_a_new_one_has_none_to_give() {
        let action = Action {
            what: "Post warm-up".into(),
            owner: "coach".into(),
            due_on: Some(date(2026, 11, 27)),
            done_on: Some(date(2026, 11, 25)),
            ..Action::default()
        };
        let edited = ActionForm::new("t1", Some(&action)).action(now().date());
        assert_eq!(
            edited.map(|a| (a.what, a.owner, a.due_on, a.done_on, a.teacher_id)),
            Ok((
                "Post warm-up".into(),
                "coach".into(),
                Some(date(2026, 11, 27)),
                Some(date(2026, 11, 25)),
                "t1".into()
            ))
        );
        let new = ActionForm::new("t1", None);
        assert!(!new.fields.has(ActionField::Done));
        assert_eq!(
            new.action(now().date()).map(|a| a.owner),
            Err("What: required".into())
        );
    }

    #[test]
    fn a_check_in_held_tomorrow_is_refused() {
        let mut form = CheckInForm::new(&Teacher::default(), None);
        if let Some(held) = form.fields.field_mut(CheckInField::Held) {
            held.entry_mut().unwrap().set_text("tomorrow");
        }
        let refused = form.values(now().date()).unwrap_err();
        assert!(
            refused.starts_with("Held: Tue 24 Nov 2026 is in the future"),
            "{refused}"
        );
    }
}
