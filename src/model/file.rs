//! One teacher's file: every live record of the teacher, each list in the order screens
//! show it, and what is read off it (the active focus, open actions, the action ledger).

use super::action::{Ledger, action_order};
use super::{
    Action, AnyRecord, CheckIn, Focus, Goal, GoalStatus, Kind, Measure, Meta, Observation, Support,
    Teacher, Zone,
};
use chrono::NaiveDate;

/// Everything live about one teacher.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeacherFile {
    pub teacher: Teacher,
    /// Active goals first, then by target date.
    pub goals: Vec<Goal>,
    /// Oldest first.
    pub measures: Vec<Measure>,
    /// Newest first.
    pub focuses: Vec<Focus>,
    /// Newest first, by the instant. A long history may be read a page at a time: then this holds the
    /// newest observations only, and older ones are added as the lists showing them
    /// scroll down.
    pub observations: Vec<Observation>,
    /// Whether `observations` holds every observation of the teacher.
    pub all_observations: bool,
    /// Newest first.
    pub check_ins: Vec<CheckIn>,
    /// Open first by due date, then done ones, newest first (see [`action_order`]).
    pub actions: Vec<Action>,
    /// Supports given, newest first.
    pub supports: Vec<Support>,
    /// The zone the file is read in: record stamps show as its days.
    pub zone: Zone,
}

impl TeacherFile {
    /// The active focus, if any.
    pub fn active_focus(&self) -> Option<&Focus> {
        let id = self.teacher.active_focus_id.as_deref()?;
        self.focuses.iter().find(|focus| focus.meta.id == id)
    }

    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(|action| action.done_on.is_none())
    }

    /// A live record of this teacher by kind and id.
    pub fn record(&self, kind: Kind, id: &str) -> Option<AnyRecord> {
        fn find<R: Clone + Into<AnyRecord>>(
            records: &[R],
            id: &str,
            meta: impl Fn(&R) -> &Meta,
        ) -> Option<AnyRecord> {
            records
                .iter()
                .find(|r| meta(r).id == id)
                .cloned()
                .map(Into::into)
        }
        match kind {
            Kind::Teacher => {
                (self.teacher.meta.id == id).then(|| AnyRecord::Teacher(self.teacher.clone()))
            }
            Kind::Goal => find(&self.goals, id, |r| &r.meta),
            Kind::Measure => find(&self.measures, id, |r| &r.meta),
            Kind::Focus => find(&self.focuses, id, |r| &r.meta),
            Kind::Observation => find(&self.observations, id, |r| &r.meta),
            Kind::CheckIn => find(&self.check_ins, id, |r| &r.meta),
            Kind::Action => find(&self.actions, id, |r| &r.meta),
            Kind::Support => find(&self.supports, id, |r| &r.meta),
            Kind::Walkthrough | Kind::School | Kind::ReadinessReview => None,
        }
    }

    /// The action ledger as of `today`.
    pub fn ledger(&self, today: NaiveDate) -> Ledger {
        Ledger::of(&self.actions, today)
    }

    /// Measurements of one goal, oldest first.
    pub fn measures_of<'a>(&'a self, goal_id: &'a str) -> impl Iterator<Item = &'a Measure> + 'a {
        self.measures.iter().filter(move |m| m.goal_id == goal_id)
    }

    /// Puts every list in the order its doc comment gives, records alike in it by id.
    pub fn sort(&mut self) {
        self.goals.sort_by(|a, b| {
            (a.status != GoalStatus::Active, a.target_on, &a.meta.id).cmp(&(
                b.status != GoalStatus::Active,
                b.target_on,
                &b.meta.id,
            ))
        });
        self.measures
            .sort_by(|a, b| (a.measured_on, &a.meta.id).cmp(&(b.measured_on, &b.meta.id)));
        self.focuses
            .sort_by(|a, b| (b.started_on, &b.meta.id).cmp(&(a.started_on, &a.meta.id)));
        // By the instant, as the store pages them: the hour lived twice keeps its order.
        self.observations.sort_by(|a, b| {
            (b.observed_at.utc(), &b.meta.id).cmp(&(a.observed_at.utc(), &a.meta.id))
        });
        self.check_ins
            .sort_by(|a, b| (b.held_on, &b.meta.id).cmp(&(a.held_on, &a.meta.id)));
        self.actions
            .sort_by(|a, b| action_order(a, b).then_with(|| a.meta.id.cmp(&b.meta.id)));
        self.supports
            .sort_by(|a, b| (b.given_on, &b.meta.id).cmp(&(a.given_on, &a.meta.id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn meta(id: &str) -> Meta {
        Meta {
            id: id.into(),
            ..Meta::default()
        }
    }

    fn action(id: &str, due: Option<&str>, done: Option<&str>) -> Action {
        Action {
            meta: meta(id),
            due_on: due.map(day),
            done_on: done.map(day),
            ..Action::default()
        }
    }

    fn focus(id: &str, started: &str) -> Focus {
        Focus {
            meta: meta(id),
            started_on: day(started),
            ..Focus::default()
        }
    }

    #[test]
    fn the_workspace_ledger_counts_the_teachers_actions_as_of_today() {
        let file = TeacherFile {
            actions: vec![
                action("A1", Some("2026-11-20"), None),
                action("A2", Some("2026-11-30"), None),
                action("A3", Some("2026-10-10"), Some("2026-10-14")),
                action("A4", None, Some("2026-11-02")),
            ],
            ..TeacherFile::default()
        };
        assert_eq!(
            file.ledger(day("2026-11-23")),
            Ledger {
                on_time: 1,
                late: 1,
                open: 2,
                overdue: 1
            }
        );
        assert_eq!(
            file.ledger(day("2026-11-20")).overdue,
            0,
            "not overdue on its due date"
        );
    }

    #[test]
    fn a_file_lists_newest_focus_first_and_open_actions_before_done_ones() {
        let mut file = TeacherFile {
            focuses: vec![focus("F1", "2026-09-01"), focus("F2", "2026-10-15")],
            actions: vec![
                action("A3", Some("2026-09-20"), Some("2026-09-18")),
                action("A9", Some("2026-11-20"), None),
                action("A1", Some("2026-11-20"), None),
                action("A5", None, Some("2026-11-02")),
            ],
            ..TeacherFile::default()
        };
        file.sort();
        let ids = |records: Vec<&Meta>| -> Vec<String> {
            records.into_iter().map(|m| m.id.clone()).collect()
        };
        assert_eq!(
            ids(file.focuses.iter().map(|f| &f.meta).collect()),
            ["F2", "F1"]
        );
        assert_eq!(
            ids(file.actions.iter().map(|a| &a.meta).collect()),
            ["A1", "A9", "A5", "A3"],
            "due the same day: by id"
        );
        let open: Vec<&str> = file.open_actions().map(|a| a.meta.id.as_str()).collect();
        assert_eq!(open, ["A1", "A9"]);
    }

    #[test]
    fn the_active_focus_is_the_one_the_teacher_points_to() {
        let mut file = TeacherFile {
            focuses: vec![focus("F2", "2026-10-15"), focus("F1", "2026-09-01")],
            ..TeacherFile::default()
        };
        assert_eq!(file.active_focus(), None, "no focus set yet");
        file.teacher.active_focus_id = Some("F1".into());
        assert_eq!(file.active_focus().map(|f| f.meta.id.as_str()), Some("F1"));
    }

    #[test]
    fn a_record_is_found_in_the_file_by_its_kind_and_id() {
        let file = TeacherFile {
            teacher: Teacher {
                meta: meta("T"),
                ..Teacher::default()
            },
            focuses: vec![focus("F1", "2026-09-01")],
            actions: vec![action("A1", None, None)],
            ..TeacherFile::default()
        };
        assert_eq!(
            file.record(Kind::Focus, "F1").map(|r| r.kind()),
            Some(Kind::Focus)
        );
        assert_eq!(
            file.record(Kind::Teacher, "T").map(|r| r.id().to_owned()),
            Some("T".into())
        );
        assert_eq!(
            file.record(Kind::Action, "F1"),
            None,
            "an id of another kind"
        );
        assert_eq!(file.record(Kind::Walkthrough, "A1"), None);
    }
}
