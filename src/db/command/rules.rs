//! The rules a record must keep before it is written, whichever screen or command saves
//! it: what is required, the ranges, no two active people by the same name.

use super::super::{Error, Result};
use super::Writer;
use crate::model::{AnyRecord, Teacher};

/// A name as compared for duplicates: trimmed, with case folded for every script
/// ("ÉMILE" is "émile", "STRASSE" is "Straße"); accents stay ("Émile" is not "Emile").
pub(super) fn folded(name: &str) -> String {
    // Upper then lower folds what lowercasing alone keeps apart, such as ß and SS.
    name.trim().to_uppercase().to_lowercase()
}

pub(super) fn required(value: &str, what: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::Invalid(format!("{what} is required")));
    }
    Ok(())
}

impl Writer<'_> {
    /// The rules a record must keep, whichever screen or command saves it.
    pub(super) fn validate(&self, record: &AnyRecord, before: Option<&AnyRecord>) -> Result<()> {
        match record {
            AnyRecord::Teacher(teacher) => {
                required(&teacher.name, "a name")?;
                if !(1..=365).contains(&teacher.cadence_days) {
                    return Err(Error::Invalid(
                        "the check-in cadence must be between 1 and 365 days".into(),
                    ));
                }
                let name = folded(&teacher.name);
                let renamed_or_new = before.is_none_or(|before| {
                    matches!(before, AnyRecord::Teacher(old) if folded(&old.name) != name || old.archived)
                });
                if !teacher.archived
                    && renamed_or_new
                    && let Some(name) = self.active_teacher_named(&name, &teacher.meta.id)?
                {
                    return Err(Error::Invalid(format!(
                        "there is already a teacher named \"{name}\"; use another name (e.g. add an initial)"
                    )));
                }
                Ok(())
            }
            AnyRecord::Goal(goal) => {
                self.load::<Teacher>(&goal.teacher_id)?;
                required(&goal.statement, "the goal's statement")
            }
            AnyRecord::Measure(measure) => {
                self.load::<crate::model::Goal>(&measure.goal_id)?;
                let whole_ok = measure
                    .out_of
                    .is_none_or(|whole| whole.is_finite() && whole > 0.0);
                if measure.value.is_finite() && whole_ok {
                    Ok(())
                } else {
                    Err(Error::Invalid(
                        "a measurement must be a number, and a part of a whole larger than 0"
                            .into(),
                    ))
                }
            }
            AnyRecord::Focus(focus) => {
                self.load::<Teacher>(&focus.teacher_id)?;
                required(&focus.statement, "the focus statement")
            }
            AnyRecord::Observation(observation) => {
                self.load::<Teacher>(&observation.teacher_id).map(drop)
            }
            AnyRecord::CheckIn(check_in) => self.load::<Teacher>(&check_in.teacher_id).map(drop),
            AnyRecord::Action(action) => {
                self.load::<Teacher>(&action.teacher_id)?;
                required(&action.what, "what is to be done")?;
                required(&action.owner, "who will do it")
            }
            AnyRecord::Support(support) => {
                self.load::<Teacher>(&support.teacher_id)?;
                required(&support.given_by, "who gave the support")
            }
            AnyRecord::School(school) => self.check_school(school),
            AnyRecord::ReadinessReview(review) => self.check_readiness_review(review),
            AnyRecord::Walkthrough(walkthrough) => {
                required(&walkthrough.practice, "the practice to look for")?;
                if walkthrough.teacher_ids.is_empty() {
                    return Err(Error::Invalid(
                        "choose at least one classroom for the round".into(),
                    ));
                }
                Ok(())
            }
        }
    }

    /// The name of another active teacher whose name folds to `folded_name`, if any.
    fn active_teacher_named(&self, folded_name: &str, except_id: &str) -> Result<Option<String>> {
        // Compared here, not in SQL: SQLite's lower() and NOCASE fold ASCII letters only.
        let mut others = self.conn.prepare_cached(
            "SELECT name FROM teacher WHERE deleted_at IS NULL AND archived = 0 AND id <> ?1",
        )?;
        for other in others.query_map([except_id], |row| row.get::<_, String>(0))? {
            let other = other?;
            if folded(&other) == folded_name {
                return Ok(Some(other));
            }
        }
        Ok(None)
    }
}
