//! The teacher's whole record as JSON, for archives and for importing elsewhere.

use super::Options;
use crate::model::{
    Action, CheckIn, Focus, Goal, Measure, Observation, Ordered, Support, Teacher, TeacherFile,
};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;

/// What a coachlog teacher export says it is.
pub const FORMAT: &str = "coachlog-teacher";
/// Bumped when a field changes meaning or goes away.
pub const VERSION: u32 = 1;

/// The file, field by field in a fixed order.
#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    exported_at: NaiveDate,
    /// Set when observations, check-ins, measures and actions were limited to this date on.
    since: Option<NaiveDate>,
    include_private: bool,
    teacher: &'a Teacher,
    goals: Vec<&'a Goal>,
    measures: Vec<&'a Measure>,
    focuses: Vec<&'a Focus>,
    observations: Vec<&'a Observation>,
    check_ins: Vec<&'a CheckIn>,
    actions: Vec<Action>,
    /// Left out when there are none, as in files written before supports were kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    supports: Vec<&'a Support>,
}

/// Records in a stable order (see [`Ordered`]): goals active first then by target date,
/// the rest oldest first, actions by due date. Every link in the file resolves within it:
/// an action made in a check-in that is left out (private, or before `since`) keeps no
/// `check_in_id`.
pub(super) fn write(file: &TeacherFile, options: &Options) -> String {
    let in_range = |day: NaiveDate| options.since.is_none_or(|since| day >= since);
    let shown = |private: bool| options.include_private || !private;
    let ordered = Ordered::new(file);
    let check_ins: Vec<&CheckIn> = ordered
        .check_ins
        .into_iter()
        .filter(|c| shown(c.private) && in_range(c.held_on))
        .collect();
    let check_in_ids: HashSet<&str> = check_ins.iter().map(|c| c.meta.id.as_str()).collect();
    let actions: Vec<Action> = ordered
        .actions_by_due
        .into_iter()
        .filter(|action| options.shows_action(action))
        .cloned()
        .map(|mut action| {
            if action
                .check_in_id
                .as_deref()
                .is_some_and(|id| !check_in_ids.contains(id))
            {
                action.check_in_id = None;
            }
            action
        })
        .collect();
    let export = Export {
        format: FORMAT,
        version: VERSION,
        exported_at: options.today,
        since: options.since,
        include_private: options.include_private,
        teacher: &file.teacher,
        goals: ordered.goals,
        measures: ordered
            .measures
            .into_iter()
            .filter(|m| in_range(m.measured_on))
            .collect(),
        focuses: ordered.focuses,
        observations: ordered
            .observations
            .into_iter()
            .filter(|o| shown(o.private) && in_range(o.observed_at.date()))
            .collect(),
        check_ins,
        actions,
        supports: ordered
            .supports
            .into_iter()
            .filter(|s| shown(s.private) && in_range(s.given_on))
            .collect(),
    };
    super::safe_json::to_string(&export)
}
