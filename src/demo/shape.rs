//! The demo file's shape (dates absolute, around `anchor`), and moving its dates to today.

use super::DemoError;
use crate::model::readiness::PlanStep;
use crate::model::{
    CheckInKind, GoalStatus, LocalTime, Outcome, PracticeMark, Recommendation, Role, SupportKind,
    TallyDef, Zone,
};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

// --- the file's shape (dates absolute, around `anchor`) --------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoSchool {
    pub(super) anchor: NaiveDate,
    pub(super) coach: String,
    pub(super) teachers: Vec<DemoTeacher>,
    /// Walkthrough rounds, after every teacher is in.
    #[serde(default)]
    pub(super) rounds: Vec<DemoRound>,
    /// Readiness reviews of district schools (those no one here names are added).
    #[serde(default)]
    pub(super) readiness: Vec<DemoReview>,
}

/// A readiness review, rated on the default criteria in their order: a rating and its
/// evidence each (fewer leave the rest unrated).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoReview {
    pub(super) school: String,
    pub(super) reviewed_on: NaiveDate,
    pub(super) ratings: Vec<(u8, String)>,
    pub(super) achievement: Option<f64>,
    #[serde(default)]
    pub(super) self_selected_out: bool,
    #[serde(default)]
    pub(super) recommendation: Option<Recommendation>,
    pub(super) rationale: String,
    #[serde(default)]
    pub(super) notes: String,
    #[serde(default)]
    pub(super) plan: Vec<PlanStep>,
    #[serde(default)]
    pub(super) review_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoRound {
    pub(super) practice: String,
    pub(super) held_on: NaiveDate,
    pub(super) notes: String,
    /// Each classroom, in visiting order, by the teacher's name.
    pub(super) marks: Vec<DemoMark>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoMark {
    pub(super) teacher: String,
    #[serde(deserialize_with = "minute")]
    pub(super) observed_at: NaiveDateTime,
    pub(super) mark: PracticeMark,
    pub(super) note: String,
}

impl DemoSchool {
    /// Every date in the file (visits by their day).
    pub(super) fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.teachers
            .iter()
            .flat_map(|teacher| {
                let goals = teacher.goals.iter().flat_map(|goal| {
                    let measured = goal.measures.iter().map(|measure| measure.measured_on);
                    goal.target_on.into_iter().chain(measured)
                });
                let focuses = teacher
                    .focuses
                    .iter()
                    .flat_map(|focus| std::iter::once(focus.started_on).chain(focus.ended_on));
                let visits = teacher
                    .observations
                    .iter()
                    .map(|visit| visit.observed_at.date());
                let check_ins = teacher.check_ins.iter().flat_map(|check_in| {
                    let actions = check_in
                        .actions
                        .iter()
                        .flat_map(|action| action.due_on.into_iter().chain(action.done_on));
                    std::iter::once(check_in.held_on)
                        .chain(check_in.next_on)
                        .chain(actions)
                });
                let supports = teacher.supports.iter().map(|support| support.given_on);
                goals
                    .chain(focuses)
                    .chain(visits)
                    .chain(check_ins)
                    .chain(supports)
            })
            .chain(self.rounds.iter().flat_map(|round| {
                std::iter::once(round.held_on)
                    .chain(round.marks.iter().map(|mark| mark.observed_at.date()))
            }))
            .chain(self.readiness.iter().flat_map(|review| {
                std::iter::once(review.reviewed_on)
                    .chain(review.review_on)
                    .chain(review.plan.iter().filter_map(|step| step.due_on))
            }))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoTeacher {
    pub(super) name: String,
    pub(super) school: String,
    pub(super) subject: String,
    pub(super) cadence_days: u32,
    pub(super) archived: bool,
    /// A teacher unless the file says otherwise.
    #[serde(default)]
    pub(super) role: Role,
    #[serde(default)]
    pub(super) tags: Vec<String>,
    pub(super) goals: Vec<DemoGoal>,
    pub(super) focuses: Vec<DemoFocus>,
    pub(super) observations: Vec<DemoObservation>,
    pub(super) check_ins: Vec<DemoCheckIn>,
    /// Support given (a training, co-planning, a peer visit ...), under the focus of its day.
    #[serde(default)]
    pub(super) supports: Vec<DemoSupport>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoSupport {
    pub(super) kind: SupportKind,
    pub(super) given_on: NaiveDate,
    pub(super) given_by: String,
    pub(super) minutes: Option<u32>,
    pub(super) note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoGoal {
    /// How focuses in the same teacher refer to this goal.
    pub(super) key: String,
    pub(super) statement: String,
    pub(super) why: String,
    pub(super) measure: String,
    pub(super) unit: String,
    pub(super) baseline: Option<f64>,
    pub(super) target: Option<f64>,
    pub(super) target_on: Option<NaiveDate>,
    pub(super) status: GoalStatus,
    pub(super) measures: Vec<DemoMeasure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoMeasure {
    pub(super) measured_on: NaiveDate,
    pub(super) value: f64,
    pub(super) note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoFocus {
    pub(super) statement: String,
    pub(super) look_fors: Vec<String>,
    /// What a visit on the focus counts; none: the two every visit counted.
    #[serde(default)]
    pub(super) tallies: Vec<TallyDef>,
    pub(super) goal: Option<String>,
    pub(super) started_on: NaiveDate,
    pub(super) ended_on: Option<NaiveDate>,
    pub(super) outcome: Option<Outcome>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoObservation {
    #[serde(deserialize_with = "minute")]
    pub(super) observed_at: NaiveDateTime,
    pub(super) minutes: Option<u32>,
    pub(super) class_period: String,
    pub(super) evidence: String,
    pub(super) look_fors_seen: Vec<String>,
    pub(super) tallies: BTreeMap<String, u32>,
    pub(super) rating: Option<u8>,
    pub(super) private: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoCheckIn {
    pub(super) held_on: NaiveDate,
    pub(super) kind: CheckInKind,
    pub(super) notes: String,
    pub(super) reflection: String,
    pub(super) next_on: Option<NaiveDate>,
    pub(super) private: bool,
    pub(super) actions: Vec<DemoAction>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DemoAction {
    pub(super) what: String,
    pub(super) owner: String,
    pub(super) due_on: Option<NaiveDate>,
    pub(super) done_on: Option<NaiveDate>,
}

/// Visit times are written to the minute, as the store keeps them: `2026-10-14T10:36`.
pub(super) fn minute<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDateTime, D::Error> {
    let text = String::deserialize(deserializer)?;
    NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M").map_err(|_| {
        serde::de::Error::custom(format!("\"{text}\" is not a time like 2026-10-14T10:36"))
    })
}

// --- moving dates -------------------------------------------------------------------------

pub(super) struct Shift {
    pub(super) days: TimeDelta,
    /// The zone the school's wall-clock times are read in.
    pub(super) zone: Zone,
    pub(super) anchor: NaiveDate,
    pub(super) today: NaiveDate,
}

impl Shift {
    pub(super) fn out_of_range(&self) -> DemoError {
        DemoError::OutOfRange {
            anchor: self.anchor,
            today: self.today,
        }
    }

    pub(super) fn date(&self, date: NaiveDate) -> Result<NaiveDate, DemoError> {
        date.checked_add_signed(self.days)
            .ok_or_else(|| self.out_of_range())
    }

    pub(super) fn maybe(&self, date: Option<NaiveDate>) -> Result<Option<NaiveDate>, DemoError> {
        date.map(|date| self.date(date)).transpose()
    }

    pub(super) fn time(&self, at: NaiveDateTime) -> Result<LocalTime, DemoError> {
        at.checked_add_signed(self.days)
            .map(|wall| self.zone.at_wall(wall))
            .ok_or_else(|| self.out_of_range())
    }
}
