//! The goal form, and the form of one measurement on a goal.

use super::{DATE_HINT, day, edit_or_add, number, pick, words};
use crate::app::form::{Field, Keyed};
use crate::db::Command;
use crate::model::{Amount, Goal, GoalStatus, Measure, check_amount};
use crate::text;
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GoalField {
    Statement,
    Why,
    Measure,
    Unit,
    Baseline,
    Target,
    By,
    Status,
}

/// The form that adds a goal to a teacher, or edits `existing`.
#[derive(Debug, Clone)]
pub struct GoalForm {
    pub fields: Keyed<GoalField>,
    pub teacher_id: String,
    pub existing: Option<Goal>,
}

/// What a filled goal form says.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalValues {
    pub statement: String,
    pub why: String,
    pub measure: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
}

impl GoalForm {
    pub fn new(teacher_id: &str, existing: Option<&Goal>) -> GoalForm {
        let g = existing.cloned().unwrap_or_default();
        let status = GoalStatus::ALL
            .iter()
            .position(|s| *s == g.status)
            .unwrap_or(0);
        let title = if existing.is_some() {
            "Edit goal"
        } else {
            "New goal"
        };
        let fields = Keyed::new(
            title,
            vec![
                (
                    GoalField::Statement,
                    Field::line("Goal", &g.statement)
                        .required()
                        .hint("Students on task in the first 10 minutes"),
                ),
                (GoalField::Why, Field::notes("Why", &g.why)),
                (
                    GoalField::Measure,
                    Field::line("Measure", &g.measure)
                        .hint("what is counted, e.g. students on task"),
                ),
                (
                    GoalField::Unit,
                    Field::line("Unit", &g.unit).hint("% or /28"),
                ),
                (
                    GoalField::Baseline,
                    Field::number("Baseline", &number(g.baseline)),
                ),
                (
                    GoalField::Target,
                    Field::number("Target", &number(g.target)),
                ),
                (
                    GoalField::By,
                    Field::date("By", &day(g.target_on)).hint(DATE_HINT),
                ),
                (
                    GoalField::Status,
                    Field::choice("Status", words(GoalStatus::ALL), status),
                ),
            ],
        );
        GoalForm {
            fields,
            teacher_id: teacher_id.to_owned(),
            existing: existing.cloned(),
        }
    }

    pub fn values(&self, today: NaiveDate) -> Result<GoalValues, String> {
        use GoalField as F;
        let fields = &self.fields;
        Ok(GoalValues {
            statement: fields.line(F::Statement)?,
            why: fields.notes(F::Why)?,
            measure: fields.line(F::Measure)?,
            unit: fields.line(F::Unit)?,
            baseline: fields.number(F::Baseline)?,
            target: fields.number(F::Target)?,
            target_on: fields.date(F::By, today)?,
            status: pick(GoalStatus::ALL, fields.choice(F::Status)?),
        })
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let values = self.values(today)?;
        let mut goal = self.existing.clone().unwrap_or_default();
        goal.teacher_id.clone_from(&self.teacher_id);
        goal.statement = values.statement;
        goal.why = values.why;
        goal.measure = values.measure;
        goal.unit = values.unit;
        goal.baseline = values.baseline;
        goal.target = values.target;
        goal.target_on = values.target_on;
        goal.status = values.status;
        Ok(edit_or_add(self.existing.as_ref(), goal))
    }
}

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MeasureField {
    Value,
    On,
    Note,
}

/// The form that adds a measurement to `goal`, or edits `existing`.
#[derive(Debug, Clone)]
pub struct MeasureForm {
    pub fields: Keyed<MeasureField>,
    pub goal: Goal,
    pub existing: Option<Measure>,
}

/// What a filled measurement form says.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureValues {
    pub amount: Amount,
    pub measured_on: NaiveDate,
    pub note: String,
}

impl MeasureForm {
    pub fn new(goal: &Goal, existing: Option<&Measure>) -> MeasureForm {
        let m = existing.cloned().unwrap_or_default();
        let (value, on) = match existing {
            Some(_) => {
                let value = match m.out_of {
                    Some(whole) => format!("{}/{}", number(Some(m.value)), number(Some(whole))),
                    None => number(Some(m.value)),
                };
                (value, day(Some(m.measured_on)))
            }
            None => (String::new(), String::new()),
        };
        let fields = Keyed::new(
            format!("Measure · {}", text::line(&goal.statement)),
            vec![
                (
                    MeasureField::Value,
                    Field::amount("Value", &value)
                        .required()
                        .hint("e.g. 24, 86%, 24/28"),
                ),
                (
                    MeasureField::On,
                    Field::date("On", &on)
                        .required()
                        .hint(DATE_HINT)
                        .default_to(if existing.is_some() { "" } else { "today" }),
                ),
                (
                    MeasureField::Note,
                    Field::line("Note", &m.note).hint("24/28 on task"),
                ),
            ],
        );
        MeasureForm {
            fields,
            goal: goal.clone(),
            existing: existing.cloned(),
        }
    }

    pub fn values(&self, today: NaiveDate) -> Result<MeasureValues, String> {
        use MeasureField as F;
        let fields = &self.fields;
        Ok(MeasureValues {
            amount: check_amount(
                fields.needed(F::Value, fields.amount(F::Value)?)?,
                &self.goal.unit,
            )
            .map_err(|e| format!("Value: {e}"))?,
            measured_on: fields.needed(F::On, fields.date(F::On, today)?)?,
            note: fields.line(F::Note)?,
        })
    }

    /// The measurement the form describes.
    pub fn measure(&self, today: NaiveDate) -> Result<Measure, String> {
        let values = self.values(today)?;
        let mut measure = self.existing.clone().unwrap_or_default();
        measure.goal_id.clone_from(&self.goal.meta.id);
        measure.value = values.amount.value;
        measure.out_of = values.amount.out_of;
        measure.measured_on = values.measured_on;
        measure.note = values.note;
        Ok(measure)
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let measure = self.measure(today)?;
        Ok(edit_or_add(self.existing.as_ref(), measure))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, now, type_text};

    #[test]
    fn an_edited_goal_reads_back_as_it_was() {
        let goal = Goal {
            statement: "Students on task".into(),
            why: "Lost minutes\nevery lesson".into(),
            measure: "students on task".into(),
            unit: "/28".into(),
            baseline: Some(15.0),
            target: Some(24.5),
            target_on: Some(date(2027, 3, 1)),
            status: GoalStatus::Met,
            ..Goal::default()
        };
        let form = GoalForm::new("t1", Some(&goal));
        assert_eq!(
            form.values(now().date()),
            Ok(GoalValues {
                statement: goal.statement.clone(),
                why: goal.why.clone(),
                measure: goal.measure.clone(),
                unit: goal.unit.clone(),
                baseline: Some(15.0),
                target: Some(24.5),
                target_on: Some(date(2027, 3, 1)),
                status: GoalStatus::Met,
            })
        );
    }

    #[test]
    fn a_new_measurement_is_taken_today_and_keeps_a_part_with_its_whole() {
        let goal = Goal::default();
        let mut form = MeasureForm::new(&goal, None);
        assert_eq!(form.values(now().date()), Err("Value: required".into()));
        type_text(form.fields.form_mut(), "9/28");
        assert_eq!(
            form.values(now().date()),
            Ok(MeasureValues {
                amount: Amount {
                    value: 9.0,
                    out_of: Some(28.0),
                },
                measured_on: now().date(),
                note: String::new(),
            })
        );
    }

    #[test]
    fn a_measurement_its_goal_cannot_hold_is_refused_with_the_reason() {
        let goal = Goal {
            unit: "%".into(),
            ..Goal::default()
        };
        let mut form = MeasureForm::new(&goal, None);
        type_text(form.fields.form_mut(), "150");
        assert_eq!(
            form.values(now().date()),
            Err("Value: 150% is not a percent from 0 to 100".into())
        );
        let mut form = MeasureForm::new(&goal, None);
        type_text(form.fields.form_mut(), "7,5");
        assert_eq!(form.values(now().date()).map(|v| v.amount.value), Ok(7.5));
    }
}
