//! The order records appear in an export: by date, then by their text, and only then by
//! id, so that the same records give the same bytes whatever ids they were given (ids
//! are random; records saved on one day tie on the date alone).

use super::{
    Action, CheckIn, Focus, Goal, GoalStatus, Measure, Observation, Support, TeacherFile,
    action_order,
};

/// A teacher's records, each list oldest first (goals: active first, then by target date).
pub struct Ordered<'a> {
    pub goals: Vec<&'a Goal>,
    pub measures: Vec<&'a Measure>,
    pub focuses: Vec<&'a Focus>,
    pub observations: Vec<&'a Observation>,
    pub check_ins: Vec<&'a CheckIn>,
    /// In [`action_order`], as a ledger lists them.
    pub actions: Vec<&'a Action>,
    /// By due date, undated last, done or not: as a record of what was agreed for when.
    pub actions_by_due: Vec<&'a Action>,
    pub supports: Vec<&'a Support>,
}

fn sorted<'a, T, K: Ord>(records: &'a [T], key: impl Fn(&'a T) -> K) -> Vec<&'a T> {
    let mut refs: Vec<&'a T> = records.iter().collect();
    refs.sort_by_key(|record| key(record));
    refs
}

impl<'a> Ordered<'a> {
    /// The file's records in the stable order.
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
            actions: {
                let mut actions: Vec<&Action> = file.actions.iter().collect();
                actions.sort_by(|a, b| {
                    action_order(a, b)
                        .then_with(|| a.what.cmp(&b.what))
                        .then_with(|| a.meta.id.cmp(&b.meta.id))
                });
                actions
            },
            actions_by_due: sorted(&file.actions, |a| {
                (
                    a.due_on.is_none(),
                    a.due_on,
                    a.what.as_str(),
                    a.meta.id.as_str(),
                )
            }),
            supports: sorted(&file.supports, |s| {
                (s.given_on, s.note.as_str(), s.meta.id.as_str())
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn action(id: &str, what: &str, due: Option<&str>, done: Option<&str>) -> Action {
        Action {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            what: what.into(),
            due_on: due.map(day),
            done_on: done.map(day),
            ..Action::default()
        }
    }

    fn whats(actions: &[&Action]) -> Vec<String> {
        actions.iter().map(|a| a.what.clone()).collect()
    }

    #[test]
    fn check_ins_held_the_same_day_are_exported_by_their_notes_whatever_their_ids() {
        let check_in = |id: &str, notes: &str| CheckIn {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            held_on: day("2026-11-12"),
            notes: notes.into(),
            ..CheckIn::default()
        };
        let file = TeacherFile {
            check_ins: vec![check_in("1", "Regroup"), check_in("2", "Agreed")],
            ..TeacherFile::default()
        };
        let notes: Vec<&str> = Ordered::new(&file)
            .check_ins
            .iter()
            .map(|c| c.notes.as_str())
            .collect();
        assert_eq!(notes, ["Agreed", "Regroup"]);
    }

    #[test]
    fn an_exported_ledger_lists_open_actions_first_and_ties_by_their_text() {
        let file = TeacherFile {
            actions: vec![
                action("1", "Share data", Some("2026-10-10"), Some("2026-10-14")),
                action("2", "Sort tickets", Some("2026-11-20"), None),
                action("3", "Plan groups", Some("2026-11-20"), None),
                action("4", "Read chapter", None, Some("2026-11-02")),
            ],
            ..TeacherFile::default()
        };
        let ordered = Ordered::new(&file);
        assert_eq!(
            whats(&ordered.actions),
            ["Plan groups", "Sort tickets", "Read chapter", "Share data"]
        );
        assert_eq!(
            whats(&ordered.actions_by_due),
            ["Share data", "Plan groups", "Sort tickets", "Read chapter"],
            "by due date, done or not, undated last"
        );
    }
}
