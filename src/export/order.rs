//! The order records appear in an export: by date, then by their text, and only then by
//! id, so that the same records give the same bytes whatever ids they were given (ids
//! are random; records saved on one day tie on the date alone).

use crate::db::TeacherFile;
use crate::model::{CheckIn, Focus, Goal, GoalStatus, Measure, Observation};

/// A teacher's records, each list oldest first (goals: active first, then by target date).
pub struct Ordered<'a> {
    pub goals: Vec<&'a Goal>,
    pub measures: Vec<&'a Measure>,
    pub focuses: Vec<&'a Focus>,
    pub observations: Vec<&'a Observation>,
    pub check_ins: Vec<&'a CheckIn>,
}

fn sorted<'a, T, K: Ord>(records: &'a [T], key: impl Fn(&'a T) -> K) -> Vec<&'a T> {
    let mut refs: Vec<&'a T> = records.iter().collect();
    refs.sort_by_key(|record| key(record));
    refs
}

impl<'a> Ordered<'a> {
    pub fn new(file: &'a TeacherFile) -> Ordered<'a> {
        Ordered {
            goals: sorted(&file.goals, |g| {
                (
                    g.status != GoalStatus::Active,
                    g.target_on,
                    g.statement.as_str(),
                    g.meta.id.as_str(),
                )
            }),
            measures: sorted(&file.measures, |m| {
                (m.measured_on, m.note.as_str(), m.meta.id.as_str())
            }),
            focuses: sorted(&file.focuses, |f| {
                (f.started_on, f.statement.as_str(), f.meta.id.as_str())
            }),
            observations: sorted(&file.observations, |o| {
                (o.observed_at, o.evidence.as_str(), o.meta.id.as_str())
            }),
            check_ins: sorted(&file.check_ins, |c| {
                (c.held_on, c.notes.as_str(), c.meta.id.as_str())
            }),
        }
    }
}
