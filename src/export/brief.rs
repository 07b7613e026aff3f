//! The conference brief's content, computed once from a teacher's file so that the
//! Markdown and HTML writers only lay it out.

use super::Options;
use crate::model::{
    Action, ActionState, CheckIn, Effect, Focus, Goal, Ledger, LookForRate, Measure, Observation,
    Ordered, Rating, Support, TallySeries, Teacher, TeacherFile, look_for_rates, tally_series,
};
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
    pub actions: ActionList<'a>,
    /// Supports given, oldest first, each with what the ratings did after it.
    pub supports: Vec<SupportSummary<'a>>,
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
    /// How often each look-for was seen on the visits shown.
    pub look_fors: Vec<LookForRate>,
    /// Each tally counted on the visits shown, visit by visit.
    pub tallies: Vec<TallySeries>,
}

/// One rated observation.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingPoint<'a> {
    pub observation: &'a Observation,
    pub rating: Rating,
    /// The number of the focus it was rated on, if any.
    pub focus: Option<usize>,
}

/// A support given, and what the ratings and look-fors did in the weeks after it
/// against the weeks before (over the observations the brief may show, whatever `since`
/// says).
#[derive(Debug, Clone, PartialEq)]
pub struct SupportSummary<'a> {
    pub support: &'a Support,
    pub effect: Effect,
}

/// The actions shown, each with where it stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionList<'a> {
    /// Open actions by due date, then done ones latest first.
    pub actions: Vec<(&'a Action, ActionState)>,
}

impl ActionList<'_> {
    /// How many were kept, late, open and overdue.
    pub fn ledger(&self) -> Ledger {
        self.actions.iter().map(|(_, state)| *state).collect()
    }

    /// "7 kept on time · 2 late · 1 open (1 overdue)"
    pub fn summary(&self) -> String {
        let ledger = self.ledger();
        let overdue = match ledger.overdue {
            0 => String::new(),
            n => format!(" ({n} overdue)"),
        };
        format!(
            "{} kept on time · {} late · {} open{overdue}",
            ledger.on_time, ledger.late, ledger.open
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
        let supports = ordered
            .supports
            .iter()
            .copied()
            .filter(|s| (options.include_private || !s.private) && in_range(s.given_on))
            .map(|support| SupportSummary {
                support,
                effect: Effect::of(support.given_on, &shown_observations, &file.focuses),
            })
            .collect();

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
            .map(|(place, focus)| {
                let visits: Vec<&Observation> = evidence
                    .iter()
                    .rev()
                    .copied()
                    .filter(|o| o.focus_id.as_deref() == Some(focus.meta.id.as_str()))
                    .collect();
                FocusSummary {
                    number: place + 1,
                    focus,
                    active: file.teacher.active_focus_id.as_deref() == Some(focus.meta.id.as_str()),
                    ratings: ratings
                        .iter()
                        .filter(|point| point.focus == Some(place + 1))
                        .map(|point| point.rating)
                        .collect(),
                    look_fors: look_for_rates(focus, &visits),
                    tallies: tally_series(focus, &visits),
                }
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
            actions: ActionList {
                actions: ordered
                    .actions
                    .iter()
                    .filter(|action| options.shows_action(action))
                    .map(|action| (*action, action.state(today)))
                    .collect(),
            },
            supports,
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
    let latest_value = latest.map(|m| m.score(&goal.unit));
    let reached = latest_value.is_some_and(|value| goal.reached_by(value));
    let past_target_date = goal.past_target_date(latest_value, today);
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
