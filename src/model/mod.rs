//! The coaching domain: teachers, their goals and measures, the one active focus,
//! observations from walkthroughs, check-ins and the actions they end in.
//!
//! Plain data with serde, so exports and the change log can carry whole records, and
//! every rule on it as a plain function: no database is needed to test any of them.

mod action;
pub mod calendar;
mod caseload;
pub mod feedback;
mod file;
mod look_fors;
mod measure;
mod order;
pub mod people;
pub mod readiness;
mod record;
mod roster;
mod round;
pub mod school;
mod search;
mod supports;
mod tallies;
#[cfg(test)]
mod tests;
mod time;
pub mod time_spent;
pub mod when;

/// Whether a record id begins with what was typed of it (ids are shown upper-case; the
/// typed start may be either case, with spaces around it). Nothing typed matches nothing.
pub fn id_starts_with(id: &str, typed: &str) -> bool {
    let typed = typed.trim();
    !typed.is_empty()
        && id
            .get(..typed.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(typed))
}

/// The check-in rhythm a new teacher starts with, in days, unless the config says another.
pub const DEFAULT_CHECK_IN_DAYS: u32 = 14;

pub use action::{ActionState, AgendaPlace, Ledger, action_order, agenda_order};
pub use caseload::{Caseload, is_newer};
pub use file::TeacherFile;
pub use look_fors::{LookForRate, look_for_rates};
pub use measure::{Amount, check_amount, parse_amount, shown_value};
pub use order::Ordered;
pub use people::Role;
pub use readiness::{Board, ReadinessReview, Recommendation, Reviewed};
pub(crate) use record::with_any;
pub use record::{AnyRecord, Trashed};
pub use roster::{RosterRow, RosterSummary};
pub use round::{Round, Tally, TrendPoint, mark_evidence, same_practice, trend, typed_note};
pub use school::{School, SchoolSummary, school_key};
pub use search::{Hit, MATCH_END, MATCH_START};
pub use supports::{EFFECT_WEEKS, Effect, Support, SupportKind, Trend, Window};
pub use tallies::{
    DEFAULT_TALLIES, MAX_TALLIES, TallyDef, TallyPoint, TallySeries, parse_tallies, parse_tally,
    percent, tallies_of, tally_series,
};
pub use time::{LocalTime, Zone, local_day, parse_iso_day};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Bookkeeping every record row carries, set by the application (never a trigger),
/// so that logs from several laptops can later be merged row by row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meta {
    /// Globally unique key (a ULID as text).
    pub id: String,
    /// UTC, fixed width with milliseconds: `2026-11-23T14:05:09.123Z`.
    pub created_at: String,
    pub updated_at: String,
    /// Who last wrote the row (the person using this copy of coachlog).
    pub author: String,
    /// The database file that last changed the row.
    pub replica_id: String,
    /// Set when the record is moved to the trash; `None` while it is live.
    pub deleted_at: Option<String>,
}

/// A teacher whose growth record is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Teacher {
    #[serde(flatten)]
    pub meta: Meta,
    pub name: String,
    pub school: String,
    /// Subject and grade, e.g. "Grade 7 Science".
    pub subject: String,
    /// How often check-ins should happen, in days.
    pub cadence_days: u32,
    pub archived: bool,
    /// Teacher, school leader or coach (files from before roles: a teacher).
    #[serde(default, skip_serializing_if = "Role::is_teacher")]
    pub role: Role,
    /// The groups they belong to: a pilot, a fellowship, a PLC, a grade team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The one active focus, if any: this pointer is what makes "one focus at a time" hold.
    pub active_focus_id: Option<String>,
}

/// Status of a growth goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    #[default]
    Active,
    Met,
    Dropped,
}

/// A teacher's growth goal, with how success is measured (baseline → target).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Goal {
    #[serde(flatten)]
    pub meta: Meta,
    pub teacher_id: String,
    pub statement: String,
    /// Why it matters.
    pub why: String,
    /// What is measured, e.g. "students on task in the first 10 minutes".
    pub measure: String,
    /// Unit shown after values, e.g. "%" or "/28".
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
}

impl Goal {
    /// Whether `value` reaches the target, whichever way the goal points: when the
    /// baseline is above the target, lower is better. No target, no verdict.
    pub fn reached_by(&self, value: f64) -> bool {
        match self.target {
            None => false,
            Some(target) if self.lower_is_better() => value <= target,
            Some(target) => value >= target,
        }
    }

    /// Whether the goal counts down: its baseline is above its target (fewer removals,
    /// fewer redirects).
    pub fn lower_is_better(&self) -> bool {
        matches!((self.baseline, self.target), (Some(baseline), Some(target)) if baseline > target)
    }

    /// Whether the goal is past its target date: still active, the date gone by, and the
    /// latest measurement (if any) short of the target.
    pub fn past_target_date(&self, latest: Option<f64>, today: NaiveDate) -> bool {
        self.status == GoalStatus::Active
            && self.target_on.is_some_and(|on| on < today)
            && !latest.is_some_and(|value| self.reached_by(value))
    }
}

/// One data point on a goal's measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Measure {
    #[serde(flatten)]
    pub meta: Meta,
    pub goal_id: String,
    pub measured_on: NaiveDate,
    pub value: f64,
    /// The whole the value is a part of, when it was taken as one (24 of 28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of: Option<f64>,
    pub note: String,
}

/// How a focus ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Achieved,
    Dropped,
    Replaced,
}

/// The learning target a teacher works on: "just that".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Focus {
    #[serde(flatten)]
    pub meta: Meta,
    pub teacher_id: String,
    pub goal_id: Option<String>,
    pub statement: String,
    /// What an observer should see when the focus is in place.
    pub look_fors: Vec<String>,
    /// What a visit on it counts ("students on task" out of 28, "redirects"); none: the
    /// two every visit counted before a focus could name its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tallies: Vec<TallyDef>,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
}

/// Progress on the focus, as rated on a walkthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 4;

    /// A rating from 1 (not yet) to 4 (consistent); anything else is `None`.
    pub fn new(value: u8) -> Option<Self> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Self(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// The words coaches use for each step: the school's own (`rating_labels` in the
    /// settings), else "not yet", "beginning", "developing", "consistent".
    pub fn label(self) -> String {
        RATING_LABELS.with(|labels| {
            labels.borrow()[usize::from(self.0.clamp(Self::MIN, Self::MAX) - 1)].clone()
        })
    }
}

/// The four steps' words when the settings give none.
pub const DEFAULT_RATING_LABELS: [&str; 4] = ["not yet", "beginning", "developing", "consistent"];

thread_local! {
    static RATING_LABELS: std::cell::RefCell<[String; 4]> =
        std::cell::RefCell::new(DEFAULT_RATING_LABELS.map(String::from));
}

/// Names the four steps of the rating scale with a school's own words, from now on (on
/// this thread: the app and the command line set it once at start).
pub fn set_rating_labels(labels: &[String; 4]) {
    RATING_LABELS.with(|current| *current.borrow_mut() = labels.clone());
}

/// The choices a form offers for a rating: none, then each step with its number.
pub fn rating_choices() -> Vec<String> {
    std::iter::once("—".to_string())
        .chain(
            (Rating::MIN..=Rating::MAX)
                .filter_map(Rating::new)
                .map(|r| format!("{} {}", r.value(), r.label())),
        )
        .collect()
}

/// A walkthrough or visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Observation {
    #[serde(flatten)]
    pub meta: Meta,
    pub teacher_id: String,
    /// The focus active when the observation was saved.
    pub focus_id: Option<String>,
    /// When the visit was, as the coach's clock read then: ordered by the instant.
    pub observed_at: LocalTime,
    pub minutes: Option<u32>,
    pub class_period: String,
    /// Low-inference evidence: what was seen and heard.
    pub evidence: String,
    /// Look-fors of the focus that were seen (their text).
    pub look_fors_seen: Vec<String>,
    /// Counts of repeated events, e.g. "students answering" → 7.
    pub tallies: BTreeMap<String, u32>,
    pub rating: Option<Rating>,
    pub private: bool,
    /// The walkthrough round this observation was a mark of, if any.
    pub walkthrough_id: Option<String>,
    /// How far the round's practice was in place in this classroom.
    pub practice_mark: Option<PracticeMark>,
    /// Feedback shared with the teacher from this visit: one strength, one next step
    /// (empty until shared) and when it was shared, as the coach's clock read then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback_strength: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback_next_step: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_shared_at: Option<LocalTime>,
}

/// How far a walkthrough's practice was in place in one classroom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeMark {
    Seen,
    Partly,
    NotSeen,
}

impl PracticeMark {
    /// How a person says it.
    pub fn label(self) -> &'static str {
        match self {
            PracticeMark::Seen => "seen",
            PracticeMark::Partly => "partly",
            PracticeMark::NotSeen => "not seen",
        }
    }
}

/// An implementation walkthrough: one practice looked for in a set of classrooms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Walkthrough {
    #[serde(flatten)]
    pub meta: Meta,
    /// The practice looked for, e.g. "students explain the learning target".
    pub practice: String,
    pub held_on: NaiveDate,
    /// The classrooms in the round, in the order they are visited.
    pub teacher_ids: Vec<String>,
    pub notes: String,
}

/// The kind of conversation a check-in was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CheckInKind {
    #[default]
    Coaching,
    Feedback,
    Conference,
    Leader,
}

/// A coaching conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CheckIn {
    #[serde(flatten)]
    pub meta: Meta,
    pub teacher_id: String,
    pub held_on: NaiveDate,
    pub kind: CheckInKind,
    pub notes: String,
    /// The teacher's own words.
    pub reflection: String,
    pub next_on: Option<NaiveDate>,
    pub private: bool,
    /// Feedback shared with the teacher from this conversation: one strength, one next step
    /// (empty until shared) and when it was shared, as the coach's clock read then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback_strength: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback_next_step: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_shared_at: Option<LocalTime>,
    /// The coach's minutes it took; none for check-ins held before minutes were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// Something to do, by someone, by a date: what check-ins end in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Action {
    #[serde(flatten)]
    pub meta: Meta,
    pub teacher_id: String,
    pub check_in_id: Option<String>,
    pub what: String,
    /// "teacher", "coach", "principal" or a name.
    pub owner: String,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// An open action as the agenda and the calendar list it, with its teacher's name: what
/// is to be done, by whom, by when. Read without the rest of the record: a district
/// has thousands open at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenAction {
    pub id: String,
    pub teacher_id: String,
    pub teacher_name: String,
    pub what: String,
    /// "teacher", "coach", "principal" or a name.
    pub owner: String,
    pub due_on: Option<NaiveDate>,
}

/// The open actions the agenda lists, in its order ([`agenda_order`]), by rowid: a
/// district has thousands, so the agenda keeps their order and reads the lines it shows.
/// With what its columns need of all of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionOrder {
    pub rowids: Vec<i64>,
    /// The widest teacher's surname among them, in columns.
    pub widest_surname: usize,
    /// Their due dates, each once.
    pub due_dates: Vec<Option<NaiveDate>>,
}

/// The kinds of record, as named in tables, the change log and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Teacher,
    Goal,
    Measure,
    Focus,
    Observation,
    CheckIn,
    Action,
    Support,
    Walkthrough,
    School,
    ReadinessReview,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Teacher,
        Kind::Goal,
        Kind::Measure,
        Kind::Focus,
        Kind::Observation,
        Kind::CheckIn,
        Kind::Action,
        Kind::Support,
        Kind::Walkthrough,
        Kind::School,
        Kind::ReadinessReview,
    ];

    /// How a person names it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Teacher => "teacher",
            Kind::Goal => "goal",
            Kind::Measure => "measure",
            Kind::Focus => "focus",
            Kind::Observation => "observation",
            Kind::CheckIn => "check-in",
            Kind::Action => "action",
            Kind::Support => "support",
            Kind::Walkthrough => "walkthrough",
            Kind::School => "school",
            Kind::ReadinessReview => "readiness review",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

macro_rules! str_enum {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The word stored in the database and typed on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
            /// Every value, in display order.
            pub const ALL: &'static [$ty] = &[$(Self::$variant),+];
        }
        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                let lower = text.trim().to_lowercase();
                match lower.as_str() {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(format!(
                        "\"{}\" is not one of: {}",
                        text.trim(),
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

str_enum!(GoalStatus { Active => "active", Met => "met", Dropped => "dropped" });
str_enum!(Outcome { Achieved => "achieved", Dropped => "dropped", Replaced => "replaced" });
str_enum!(PracticeMark { Seen => "seen", Partly => "partly", NotSeen => "not_seen" });
str_enum!(Role { Teacher => "teacher", Leader => "leader", Coach => "coach" });
str_enum!(CheckInKind {
    Coaching => "coaching",
    Feedback => "feedback",
    Conference => "conference",
    Leader => "leader",
});
str_enum!(SupportKind {
    Training => "training",
    CoPlanning => "co_planning",
    Modelling => "modelling",
    PeerVisit => "peer_visit",
    Resource => "resource",
    FeedbackConference => "feedback_conference",
    Other => "other",
});
