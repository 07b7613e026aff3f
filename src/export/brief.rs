//! The conference brief's content, computed once from a teacher's file so that the
//! Markdown and HTML writers only lay it out.

use super::Options;
use super::order::Ordered;
use crate::db::TeacherFile;
use crate::model::{Action, CheckIn, Focus, Goal, Measure, Observation, Rating, Teacher};
use chrono::NaiveDate;

/// What a conference brief shows about one teacher.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief<'a> {
    pub teacher: &'a Teacher,
    /// The day the brief is for.
    pub today: NaiveDate,
    /// Observations, check-ins, measures and actions are limited to this date on.
    pub since: Option<NaiveDate>,
    pub include_private: bool,
    /// Older observations were not read into the file: the brief holds only the newest.
    pub partial: bool,
    /// The earliest date on any record shown (whatever `since` says).
    pub coached_since: Option<NaiveDate>,
    /// Active goals first, then by target date.
    pub goals: Vec<GoalSummary<'a>>,
    /// Every focus, oldest first: a focus's number is its place here, from 1.
    pub focuses: Vec<FocusSummary<'a>>,
    /// Rated observations, oldest first.
    pub ratings: Vec<RatingPoint<'a>>,
    /// Observations, latest first.
    pub evidence: Vec<&'a Observation>,
    /// Check-ins, latest first.
    pub check_ins: Vec<&'a CheckIn>,
    pub actions: Ledger<'a>,
    /// The next check-in agreed at the latest check-in shown (whatever `since` says).
    pub next_check_in: Option<NaiveDate>,
}

/// A goal with where its measure stands.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSummary<'a> {
    pub goal: &'a Goal,
    /// The latest measurement of all (not limited by `since`).
    pub latest: Option<&'a Measure>,
    /// The measurements shown, oldest first.
    pub measures: Vec<&'a Measure>,
    /// The latest measurement reaches the target (below it, for goals where lower is better).
    pub reached: bool,
    /// The target date has passed and the goal is neither met, reached nor dropped.
    pub past_target_date: bool,
}

/// A focus with the ratings seen on it.
#[derive(Debug, Clone, PartialEq)]
pub struct FocusSummary<'a> {
    /// 1 for the first focus the teacher had.
    pub number: usize,
    pub focus: &'a Focus,
    /// Whether it is the teacher's active focus.
    pub active: bool,
    /// Ratings on this focus among the observations shown, oldest first.
    pub ratings: Vec<Rating>,
}

/// One rated observation.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingPoint<'a> {
    pub observation: &'a Observation,
    pub rating: Rating,
    /// The number of the focus it was rated on, if any.
    pub focus: Option<usize>,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    /// Not done; `overdue_days` when its due date has passed.
    Open { overdue_days: Option<i64> },
    /// Done on or before its due date, or it had none.
    Kept,
    /// Done after its due date.
    Late { days: i64 },
}

/// Actions kept, late and open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ledger<'a> {
    /// Open actions by due date, then done ones latest first.
    pub actions: Vec<(&'a Action, ActionState)>,
}

impl Ledger<'_> {
    fn count(&self, wanted: impl Fn(ActionState) -> bool) -> usize {
        self.actions
            .iter()
            .filter(|(_, state)| wanted(*state))
            .count()
    }

    pub fn kept(&self) -> usize {
        self.count(|s| s == ActionState::Kept)
    }

    pub fn late(&self) -> usize {
        self.count(|s| matches!(s, ActionState::Late { .. }))
    }

    pub fn open(&self) -> usize {
        self.count(|s| matches!(s, ActionState::Open { .. }))
    }

    pub fn overdue(&self) -> usize {
        self.count(|s| {
            matches!(
                s,
                ActionState::Open {
                    overdue_days: Some(_)
                }
            )
        })
    }

    /// "7 kept on time · 2 late · 1 open (1 overdue)"
    pub fn summary(&self) -> String {
        let overdue = match self.overdue() {
            0 => String::new(),
            n => format!(" ({n} overdue)"),
        };
        format!(
            "{} kept on time · {} late · {} open{overdue}",
            self.kept(),
            self.late(),
            self.open()
        )
    }
}

impl<'a> Brief<'a> {
    /// Computes the brief. Private observations and check-ins are left out, with
    /// everything derived from them (ratings, dates), unless `options.include_private`.
    pub fn new(file: &'a TeacherFile, options: &Options) -> Brief<'a> {
        let today = options.today;
        let since = options.since;
        let in_range = |day: NaiveDate| since.is_none_or(|since| day >= since);
        let ordered = Ordered::new(file);
        // Newest first, as the brief lists them.
        let shown_observations: Vec<&Observation> = ordered
            .observations
            .iter()
            .rev()
            .copied()
            .filter(|o| options.include_private || !o.private)
            .collect();
        let shown_check_ins: Vec<&CheckIn> = ordered
            .check_ins
            .iter()
            .rev()
            .copied()
            .filter(|c| options.include_private || !c.private)
            .collect();

        let coached_since = file
            .measures
            .iter()
            .map(|m| m.measured_on)
            .chain(file.focuses.iter().map(|f| f.started_on))
            .chain(shown_observations.iter().map(|o| o.observed_at.date()))
            .chain(shown_check_ins.iter().map(|c| c.held_on))
            .min();
        let next_check_in = shown_check_ins.first().and_then(|c| c.next_on);

        let evidence: Vec<&Observation> = shown_observations
            .into_iter()
            .filter(|o| in_range(o.observed_at.date()))
            .collect();
        let check_ins = shown_check_ins
            .into_iter()
            .filter(|c| in_range(c.held_on))
            .collect();

        let goals = ordered
            .goals
            .iter()
            .map(|goal| goal_summary(&ordered.measures, goal, today, &in_range))
            .collect();

        let number_of = |focus_id: &str| {
            ordered
                .focuses
                .iter()
                .position(|f| f.meta.id == focus_id)
                .map(|place| place + 1)
        };
        let ratings: Vec<RatingPoint> = evidence
            .iter()
            .rev()
            .filter_map(|observation| {
                Some(RatingPoint {
                    observation,
                    rating: observation.rating?,
                    focus: observation.focus_id.as_deref().and_then(number_of),
                })
            })
            .collect();
        let focuses = ordered
            .focuses
            .iter()
            .enumerate()
            .map(|(place, focus)| FocusSummary {
                number: place + 1,
                focus,
                active: file.teacher.active_focus_id.as_deref() == Some(focus.meta.id.as_str()),
                ratings: ratings
                    .iter()
                    .filter(|point| point.focus == Some(place + 1))
                    .map(|point| point.rating)
                    .collect(),
            })
            .collect();

        Brief {
            teacher: &file.teacher,
            today,
            since,
            include_private: options.include_private,
            partial: !file.all_observations,
            coached_since,
            goals,
            focuses,
            ratings,
            evidence,
            check_ins,
            actions: ledger(file, today, since),
            next_check_in,
        }
    }

    /// The focus with this number.
    pub fn focus(&self, number: usize) -> Option<&FocusSummary<'a>> {
        number
            .checked_sub(1)
            .and_then(|place| self.focuses.get(place))
    }
}

fn goal_summary<'a>(
    measures: &[&'a Measure],
    goal: &'a Goal,
    today: NaiveDate,
    in_range: &impl Fn(NaiveDate) -> bool,
) -> GoalSummary<'a> {
    let all: Vec<&Measure> = measures
        .iter()
        .copied()
        .filter(|m| m.goal_id == goal.meta.id)
        .collect();
    let latest = all.last().copied();
    let reached = match (latest, goal.target) {
        (Some(latest), Some(_)) => goal.reached_by(latest.value),
        _ => false,
    };
    let past_target_date = goal.target_on.is_some_and(|on| on < today)
        && goal.status == crate::model::GoalStatus::Active
        && !reached;
    GoalSummary {
        goal,
        latest,
        measures: all
            .into_iter()
            .filter(|m| in_range(m.measured_on))
            .collect(),
        reached,
        past_target_date,
    }
}

/// Open actions always count (they are still owed); done ones count when done within
/// `since`.
fn ledger<'a>(file: &'a TeacherFile, today: NaiveDate, since: Option<NaiveDate>) -> Ledger<'a> {
    let mut actions: Vec<(&Action, ActionState)> = file
        .actions
        .iter()
        .filter(|a| match (a.done_on, since) {
            (Some(done), Some(since)) => done >= since,
            _ => true,
        })
        .map(|action| (action, state(action, today)))
        .collect();
    actions.sort_by(|(a, _), (b, _)| {
        let open_first = |x: &Action| {
            (
                x.done_on.is_some(),
                x.done_on
                    .is_none()
                    .then_some(x.due_on.unwrap_or(NaiveDate::MAX)),
            )
        };
        open_first(a)
            .cmp(&open_first(b))
            .then_with(|| b.done_on.cmp(&a.done_on))
            .then_with(|| a.what.cmp(&b.what))
            .then_with(|| a.meta.id.cmp(&b.meta.id))
    });
    Ledger { actions }
}

fn state(action: &Action, today: NaiveDate) -> ActionState {
    let days = |from: NaiveDate, to: NaiveDate| crate::dates::days_between(from, to);
    match (action.done_on, action.due_on) {
        (Some(done), Some(due)) if done > due => ActionState::Late {
            days: days(due, done),
        },
        (Some(_), _) => ActionState::Kept,
        (None, Some(due)) if due < today => ActionState::Open {
            overdue_days: Some(days(due, today)),
        },
        (None, _) => ActionState::Open { overdue_days: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn lower_is_better_when_the_baseline_is_above_the_target() {
        let goal = Goal {
            baseline: Some(12.0),
            target: Some(4.0),
            ..Goal::default()
        };
        assert!(goal.reached_by(4.0));
        assert!(!goal.reached_by(5.0));
        let rising = Goal {
            baseline: Some(32.0),
            target: Some(85.0),
            ..goal
        };
        assert!(rising.reached_by(86.0));
        assert!(!rising.reached_by(84.0));
    }

    #[test]
    fn actions_are_kept_late_or_open() {
        let today = date("2026-11-23");
        let action = |due: Option<&str>, done: Option<&str>| Action {
            due_on: due.map(date),
            done_on: done.map(date),
            ..Action::default()
        };
        assert_eq!(
            state(&action(Some("2026-11-20"), Some("2026-11-20")), today),
            ActionState::Kept
        );
        assert_eq!(
            state(&action(None, Some("2026-11-20")), today),
            ActionState::Kept
        );
        assert_eq!(
            state(&action(Some("2026-11-20"), Some("2026-11-22")), today),
            ActionState::Late { days: 2 }
        );
        assert_eq!(
            state(&action(Some("2026-11-21"), None), today),
            ActionState::Open {
                overdue_days: Some(2)
            }
        );
        assert_eq!(
            state(&action(Some("2026-11-23"), None), today),
            ActionState::Open { overdue_days: None }
        );
    }
}
