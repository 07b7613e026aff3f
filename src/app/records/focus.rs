//! The focus form (a new focus asks how the current one ended), and ending a focus.

use super::{DATE_HINT, day, pick, words};
use crate::app::form::{Field, Keyed};
use crate::db::Command;
use crate::model::{Focus, Goal, GoalStatus, Outcome, TallyDef, TeacherFile, parse_tallies};
use crate::text;
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FocusField {
    Statement,
    LookFors,
    /// What a visit on the focus counts, one a line ("students on task / 28").
    Tallies,
    Goal,
    Started,
    /// How the focus being replaced ended; only on a new focus while one is active.
    PreviousOutcome,
}

/// The form that sets a new focus (replacing the active one) or edits `existing`.
#[derive(Debug, Clone)]
pub struct FocusForm {
    pub fields: Keyed<FocusField>,
    pub teacher_id: String,
    /// The goals the "Serves goal" choice offers after "none", in its order.
    pub goal_ids: Vec<String>,
    pub existing: Option<Focus>,
    /// The active focus this one replaces (its outcome is asked).
    pub replacing: Option<Focus>,
}

/// What a filled focus form says.
#[derive(Debug, Clone, PartialEq)]
pub struct FocusValues {
    pub statement: String,
    pub look_fors: Vec<String>,
    pub tallies: Vec<TallyDef>,
    pub goal_id: Option<String>,
    pub started_on: NaiveDate,
    /// How the replaced focus ended, when there is one.
    pub previous_outcome: Option<Outcome>,
}

impl FocusForm {
    pub fn new(file: &TeacherFile, existing: Option<&Focus>) -> FocusForm {
        let f = existing.cloned().unwrap_or_default();
        let goals: Vec<&Goal> = file
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Active)
            .collect();
        let mut goal_names = vec!["none".to_string()];
        goal_names.extend(
            goals
                .iter()
                .map(|g| text::truncate(&text::line(&g.statement), 40).into_owned()),
        );
        let goal_ids: Vec<String> = goals.iter().map(|g| g.meta.id.clone()).collect();
        let goal_choice = f
            .goal_id
            .as_ref()
            .and_then(|id| goal_ids.iter().position(|g| g == id))
            .map_or(if goal_ids.len() == 1 { 1 } else { 0 }, |i| i + 1);
        let started = if existing.is_some() {
            day(Some(f.started_on))
        } else {
            String::new()
        };
        let mut fields = vec![
            (
                FocusField::Statement,
                Field::line("Focus", &f.statement)
                    .required()
                    .hint("Warm-up connects to the day's learning target"),
            ),
            (
                FocusField::LookFors,
                Field::notes("Look-fors", &f.look_fors.join("\n"))
                    .hint("one a line: what an observer sees when it is in place"),
            ),
            (
                FocusField::Tallies,
                Field::notes("Tallies", &tallies_written(&f.tallies))
                    .hint("one a line: \"students on task / 28\" or \"redirects\""),
            ),
            (
                FocusField::Goal,
                Field::choice("Serves goal", goal_names, goal_choice),
            ),
            (
                FocusField::Started,
                Field::date("Started", &started)
                    .required()
                    .hint(DATE_HINT)
                    .default_to(if existing.is_some() { "" } else { "today" }),
            ),
        ];
        let replacing = match existing {
            Some(_) => None,
            None => file.active_focus().cloned(),
        };
        let title = match (existing, &replacing) {
            (Some(_), _) => "Edit focus".to_string(),
            (None, Some(active)) => {
                fields.push((
                    FocusField::PreviousOutcome,
                    Field::choice("Current focus", words(Outcome::ALL), 2),
                ));
                format!(
                    "New focus (replaces \"{}\")",
                    text::truncate(&text::line(&active.statement), 30)
                )
            }
            (None, None) => "New focus".to_string(),
        };
        FocusForm {
            fields: Keyed::new(title, fields),
            teacher_id: file.teacher.meta.id.clone(),
            goal_ids,
            existing: existing.cloned(),
            replacing,
        }
    }

    pub fn values(&self, today: NaiveDate) -> Result<FocusValues, String> {
        use FocusField as F;
        let fields = &self.fields;
        let previous_outcome = match &self.replacing {
            Some(_) => Some(pick(Outcome::ALL, fields.choice(F::PreviousOutcome)?)),
            None => None,
        };
        Ok(FocusValues {
            statement: fields.line(F::Statement)?,
            look_fors: fields
                .notes(F::LookFors)?
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect(),
            tallies: parse_tallies(&fields.notes(F::Tallies)?)
                .map_err(|error| format!("Tallies: {error}"))?,
            goal_id: fields
                .choice(F::Goal)?
                .checked_sub(1)
                .and_then(|i| self.goal_ids.get(i).cloned()),
            started_on: fields.needed(F::Started, fields.date(F::Started, today)?)?,
            previous_outcome,
        })
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let values = self.values(today)?;
        let mut focus = self.existing.clone().unwrap_or_default();
        focus.teacher_id.clone_from(&self.teacher_id);
        focus.statement = values.statement;
        focus.look_fors = values.look_fors;
        focus.tallies = values.tallies;
        focus.goal_id = values.goal_id;
        focus.started_on = values.started_on;
        Ok(if let Some(opened) = &self.existing {
            Command::revise(opened.clone(), focus)
        } else {
            Command::SetFocus {
                focus,
                previous_outcome: values.previous_outcome,
            }
        })
    }
}

/// A focus's tallies as the form shows them, one a line.
fn tallies_written(tallies: &[TallyDef]) -> String {
    let lines: Vec<String> = tallies.iter().map(TallyDef::written).collect();
    lines.join("\n")
}

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EndFocusField {
    Outcome,
    Ended,
}

/// The form that ends the teacher's active focus with an outcome.
#[derive(Debug, Clone)]
pub struct EndFocusForm {
    pub fields: Keyed<EndFocusField>,
    pub teacher_id: String,
    /// The focus it ends.
    pub focus: Focus,
}

impl EndFocusForm {
    pub fn new(teacher_id: &str, focus: &Focus) -> EndFocusForm {
        let fields = Keyed::new(
            format!(
                "End focus \"{}\"",
                text::truncate(&text::line(&focus.statement), 40)
            ),
            vec![
                (
                    EndFocusField::Outcome,
                    Field::choice("Outcome", words(Outcome::ALL), 0),
                ),
                (
                    EndFocusField::Ended,
                    Field::date("Ended", "")
                        .required()
                        .hint(DATE_HINT)
                        .default_to("today"),
                ),
            ],
        );
        EndFocusForm {
            fields,
            teacher_id: teacher_id.to_owned(),
            focus: focus.clone(),
        }
    }

    /// How the focus ended, and on which day.
    pub fn values(&self, today: NaiveDate) -> Result<(Outcome, NaiveDate), String> {
        use EndFocusField as F;
        let fields = &self.fields;
        Ok((
            pick(Outcome::ALL, fields.choice(F::Outcome)?),
            fields.needed(F::Ended, fields.date(F::Ended, today)?)?,
        ))
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let (outcome, on) = self.values(today)?;
        Ok(Command::EndFocus {
            teacher_id: self.teacher_id.clone(),
            outcome,
            on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, now};
    use crate::model::{Meta, Teacher};

    fn file_with_active_focus() -> TeacherFile {
        let goal = Goal {
            meta: Meta {
                id: "goal-1".into(),
                ..Meta::default()
            },
            statement: "On task".into(),
            status: GoalStatus::Active,
            ..Goal::default()
        };
        let focus = Focus {
            meta: Meta {
                id: "focus-1".into(),
                ..Meta::default()
            },
            statement: "Warm-up".into(),
            ..Focus::default()
        };
        let mut file = TeacherFile {
            teacher: Teacher::default(),
            goals: vec![goal],
            focuses: vec![focus.clone()],
            ..TeacherFile::default()
        };
        file.teacher.active_focus_id = Some(focus.meta.id.clone());
        file
    }

    #[test]
    fn an_edited_focus_reads_back_as_it_was() {
        let file = file_with_active_focus();
        let focus = Focus {
            statement: "Exit tickets".into(),
            look_fors: vec!["ticket posted".into(), "students answer".into()],
            tallies: vec![
                TallyDef {
                    name: "students on task".into(),
                    out_of: Some(28),
                },
                TallyDef::named("redirects"),
            ],
            goal_id: Some(file.goals[0].meta.id.clone()),
            started_on: date(2026, 10, 5),
            ..Focus::default()
        };
        let form = FocusForm::new(&file, Some(&focus));
        assert!(!form.fields.has(FocusField::PreviousOutcome));
        assert_eq!(
            form.values(now().date()),
            Ok(FocusValues {
                statement: focus.statement.clone(),
                look_fors: focus.look_fors.clone(),
                tallies: focus.tallies.clone(),
                goal_id: focus.goal_id.clone(),
                started_on: date(2026, 10, 5),
                previous_outcome: None,
            })
        );
    }

    #[test]
    fn a_new_focus_asks_how_the_active_one_ended() {
        let file = file_with_active_focus();
        let form = FocusForm::new(&file, None);
        let values = form.values(now().date());
        let values = values.as_ref().map(|v| (v.started_on, v.previous_outcome));
        assert_eq!(values, Err(&"Focus: required".to_string()));
        let mut form = form;
        crate::app::records::test_support::type_text(form.fields.form_mut(), "Exit tickets");
        let values = form.values(now().date()).unwrap();
        assert_eq!(values.previous_outcome, Some(Outcome::ALL[2]));
        assert_eq!(values.started_on, now().date());
        assert_eq!(values.goal_id.as_ref(), Some(&file.goals[0].meta.id));
    }

    #[test]
    fn a_bad_class_size_in_a_tally_is_refused_and_what_was_typed_stays() {
        let file = file_with_active_focus();
        let focus = file.focuses[0].clone();
        let mut form = FocusForm::new(&file, Some(&focus));
        let typed = "redirects\nstudents on task / twenty";
        if let Some(entry) = form
            .fields
            .field_mut(FocusField::Tallies)
            .and_then(|field| field.entry_mut())
        {
            entry.set_text(typed);
        }
        let error = form.command(now().date()).unwrap_err();
        assert_eq!(
            error,
            "Tallies: line 2: \"students on task / twenty\": \"twenty\" is not a whole number; \
             after \"/\" give the class size, e.g. \"students on task / 28\""
        );
        let kept = form.fields.field(FocusField::Tallies).map(|f| f.text());
        assert_eq!(kept.as_deref(), Some(typed));
    }

    #[test]
    fn ending_a_focus_reads_its_outcome_and_day() {
        let form = EndFocusForm::new("t1", &Focus::default());
        assert_eq!(
            form.values(now().date()),
            Ok((Outcome::ALL[0], now().date()))
        );
    }
}
