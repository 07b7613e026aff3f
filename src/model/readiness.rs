//! Readiness reviews: whether a school is ready for coaching. A review rates the school on
//! a list of criteria (1 to 4, each with the evidence heard in the interviews), keeps its
//! achievement figure, whether it chose to sit out, and a recommendation: a cohort year
//! of the phase-in, or a readiness plan (actions with owners, and a date to review it).
//!
//! The schools are ranked twice, by achievement and by readiness, and the rankings are
//! compared: where they disagree is what a district needs to talk about.

use super::{Meta, School};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

mod plan;
pub use plan::{PlanStep, parse_plan, plan_day, plan_text, steps_by_due};

/// The criteria a new review is rated on, unless the settings name others.
pub const DEFAULT_CRITERIA: [&str; 6] = [
    "staff collaboration",
    "commitment to student success",
    "sense of efficacy and agency",
    "current student results",
    "principal readiness and understanding of the coach's role",
    "leadership team dynamics",
];

/// The lowest and highest rating on a criterion.
pub const RATING_RANGE: std::ops::RangeInclusive<u8> = 1..=4;

/// The lowest and highest achievement figure: a percentage (of students proficient).
pub const ACHIEVEMENT_RANGE: std::ops::RangeInclusive<f64> = 0.0..=100.0;

/// What an achievement figure must be, as a user is told it.
fn achievement_rule() -> String {
    format!(
        "a percentage from {} to {}",
        ACHIEVEMENT_RANGE.start(),
        ACHIEVEMENT_RANGE.end()
    )
}

/// Refuses an achievement figure that is not a percentage from 0 to 100, saying so; the
/// rankings compare these figures, so one out of range would put its school anywhere.
pub fn check_achievement(figure: f64) -> Result<f64, String> {
    if figure.is_finite() && ACHIEVEMENT_RANGE.contains(&figure) {
        Ok(figure)
    } else {
        Err(format!(
            "{}% is not {}",
            crate::text::number(figure),
            achievement_rule()
        ))
    }
}

/// An achievement figure as typed (`48`, `48%`, `72,5`): a percentage from 0 to 100;
/// blank is no figure.
pub fn parse_achievement(typed: &str) -> Result<Option<f64>, String> {
    let not_one = || {
        format!(
            "\"{}\" is not {}",
            crate::text::line(typed.trim()),
            achievement_rule()
        )
    };
    match super::parse_amount(typed) {
        Ok(None) => Ok(None),
        Ok(Some(amount)) if amount.out_of.is_none() => check_achievement(amount.value).map(Some),
        Ok(Some(_)) | Err(_) => Err(not_one()),
    }
}

/// What a review recommends for its school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Recommendation {
    /// Coaching starts in the first year of the phase-in.
    #[serde(rename = "cohort_1")]
    Cohort1,
    #[serde(rename = "cohort_2")]
    Cohort2,
    #[serde(rename = "cohort_3")]
    Cohort3,
    /// Not yet: the school works on a readiness plan, reviewed on a date.
    #[serde(rename = "readiness_plan")]
    ReadinessPlan,
}

impl Recommendation {
    /// Every recommendation, in the order forms offer them.
    pub const ALL: [Recommendation; 4] = [
        Recommendation::Cohort1,
        Recommendation::Cohort2,
        Recommendation::Cohort3,
        Recommendation::ReadinessPlan,
    ];

    /// The word stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::Cohort1 => "cohort_1",
            Recommendation::Cohort2 => "cohort_2",
            Recommendation::Cohort3 => "cohort_3",
            Recommendation::ReadinessPlan => "readiness_plan",
        }
    }

    /// How a person says it: "cohort year 1", "readiness plan".
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::Cohort1 => "cohort year 1",
            Recommendation::Cohort2 => "cohort year 2",
            Recommendation::Cohort3 => "cohort year 3",
            Recommendation::ReadinessPlan => "readiness plan",
        }
    }
}

impl std::str::FromStr for Recommendation {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let word = text.trim().to_lowercase();
        Recommendation::ALL
            .into_iter()
            .find(|r| r.as_str() == word || r.label() == word)
            .ok_or_else(|| {
                let labels: Vec<&str> = Recommendation::ALL.iter().map(|r| r.label()).collect();
                format!(
                    "\"{}\" is not a recommendation; one of: {}",
                    crate::text::line(text.trim()),
                    labels.join(", ")
                )
            })
    }
}

/// One criterion of a review: its name as rated, the rating (none yet) and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CriterionRating {
    pub criterion: String,
    /// 1 to 4; none while the criterion is not rated yet.
    #[serde(default)]
    pub rating: Option<u8>,
    /// What the interviews showed.
    #[serde(default)]
    pub evidence: String,
}

/// A school's readiness review. The latest review of a school (by day reviewed) is the
/// one in force. It keeps the criteria it was rated on, so a change of the settings
/// later leaves past reviews as they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ReadinessReview {
    #[serde(flatten)]
    pub meta: Meta,
    pub school_id: String,
    pub reviewed_on: NaiveDate,
    #[serde(default)]
    pub ratings: Vec<CriterionRating>,
    /// The school's achievement figure (e.g. % of students proficient), if known.
    #[serde(default)]
    pub achievement: Option<f64>,
    /// The school chose not to take part: listed apart, never ranked.
    #[serde(default)]
    pub self_selected_out: bool,
    /// None until decided.
    #[serde(default)]
    pub recommendation: Option<Recommendation>,
    #[serde(default)]
    pub rationale: String,
    /// The reviewer's own notes: never in any export.
    #[serde(default)]
    pub notes: String,
    /// The readiness plan's steps (a school asked for one).
    #[serde(default)]
    pub plan: Vec<PlanStep>,
    /// When the readiness plan is reviewed.
    #[serde(default)]
    pub review_on: Option<NaiveDate>,
}

impl ReadinessReview {
    /// A new review of `school_id` on `criteria`, none of them rated yet.
    pub fn on_criteria(school_id: &str, reviewed_on: NaiveDate, criteria: &[String]) -> Self {
        ReadinessReview {
            school_id: school_id.to_string(),
            reviewed_on,
            ratings: criteria
                .iter()
                .map(|criterion| CriterionRating {
                    criterion: criterion.clone(),
                    ..CriterionRating::default()
                })
                .collect(),
            ..ReadinessReview::default()
        }
    }

    /// The readiness score: the mean of the ratings. A review with a criterion not rated
    /// yet (or with no criteria) is unscored: a mean over some criteria would rank a
    /// school against others rated on all of them.
    pub fn score(&self) -> Option<f64> {
        if self.ratings.is_empty() {
            return None;
        }
        let ratings: Option<Vec<u8>> = self.ratings.iter().map(|r| r.rating).collect();
        let ratings = ratings?;
        Some(ratings.iter().map(|&r| f64::from(r)).sum::<f64>() / ratings.len() as f64)
    }

    /// The rules on the figures a review is ranked by: each rating from 1 to 4, the
    /// achievement a percentage from 0 to 100. Kept on every write and every import.
    pub fn check_figures(&self) -> Result<(), String> {
        let mut rated = self.ratings.iter().filter_map(|r| r.rating);
        if rated.any(|r| !RATING_RANGE.contains(&r)) {
            return Err(format!(
                "a rating is from {} to {}",
                RATING_RANGE.start(),
                RATING_RANGE.end()
            ));
        }
        if let Some(figure) = self.achievement {
            check_achievement(figure).map_err(|why| format!("the achievement figure: {why}"))?;
        }
        Ok(())
    }

    /// How many criteria are still to rate.
    pub fn unrated(&self) -> usize {
        self.ratings.iter().filter(|r| r.rating.is_none()).count()
    }

    /// Whether the review recommends the first cohort.
    pub fn first_cohort(&self) -> bool {
        !self.self_selected_out && self.recommendation == Some(Recommendation::Cohort1)
    }

    /// Whether the school is asked for a readiness plan.
    pub fn asks_for_plan(&self) -> bool {
        !self.self_selected_out && self.recommendation == Some(Recommendation::ReadinessPlan)
    }
}

/// The latest review of each school (by day reviewed, then by when it was last written),
/// in no particular order: the one in force.
pub fn latest_per_school(reviews: &[ReadinessReview]) -> Vec<&ReadinessReview> {
    let mut latest: Vec<&ReadinessReview> = Vec::new();
    for review in reviews {
        match latest.iter_mut().find(|r| r.school_id == review.school_id) {
            Some(kept) => {
                let newer = (review.reviewed_on, &review.meta.updated_at)
                    > (kept.reviewed_on, &kept.meta.updated_at);
                if newer {
                    *kept = review;
                }
            }
            None => latest.push(review),
        }
    }
    latest
}

/// A school with the review in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    pub school: String,
    pub review: ReadinessReview,
}

/// The schools reviewed, ranked two ways and compared (see [`Board::new`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Board {
    /// By achievement, highest first; those without a figure last.
    pub by_achievement: Vec<Reviewed>,
    /// By readiness score, highest first; unscored reviews last.
    pub by_readiness: Vec<Reviewed>,
    /// Schools that chose to sit out, by name: listed apart, not ranked.
    pub out: Vec<Reviewed>,
}

/// By name, case folded, for ties and lists.
fn by_name(a: &Reviewed, b: &Reviewed) -> Ordering {
    super::school_key(&a.school).cmp(&super::school_key(&b.school))
}

/// Highest first, none last.
fn highest_first(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl Board {
    /// The board of `reviewed` (one review in force per school): the schools taking part
    /// ranked by achievement and by readiness (ties by name), those sitting out apart.
    pub fn new(reviewed: Vec<Reviewed>) -> Board {
        let (mut out, ranked): (Vec<Reviewed>, Vec<Reviewed>) = reviewed
            .into_iter()
            .partition(|r| r.review.self_selected_out);
        out.sort_by(by_name);
        let mut by_achievement = ranked.clone();
        by_achievement.sort_by(|a, b| {
            highest_first(a.review.achievement, b.review.achievement).then_with(|| by_name(a, b))
        });
        let mut by_readiness = ranked;
        by_readiness.sort_by(|a, b| {
            highest_first(a.review.score(), b.review.score()).then_with(|| by_name(a, b))
        });
        Board {
            by_achievement,
            by_readiness,
            out,
        }
    }

    /// How many places the top third of a ranking holds: a third of the schools ranked,
    /// rounded up (7 of 21, 3 of 8).
    pub fn top_third(&self) -> usize {
        self.by_readiness.len().div_ceil(3)
    }

    /// Whether the two rankings disagree on the school: it is in the top third of one
    /// ranking (see [`Board::top_third`]) and not in the top third of the other. A school
    /// high on its results but not ready, or ready with low results, is one to talk about.
    pub fn disagree(&self, school_id: &str) -> bool {
        let top = self.top_third();
        let in_top = |ranking: &[Reviewed]| {
            ranking
                .iter()
                .take(top)
                .any(|r| r.review.school_id == school_id)
        };
        in_top(&self.by_achievement) != in_top(&self.by_readiness)
    }

    /// The schools where the rankings disagree, in the order of the readiness ranking.
    pub fn disagreements(&self) -> Vec<&Reviewed> {
        self.by_readiness
            .iter()
            .filter(|r| self.disagree(&r.review.school_id))
            .collect()
    }

    /// The schools recommended for the first cohort, in the order of the readiness
    /// ranking.
    pub fn first_cohort(&self) -> Vec<&Reviewed> {
        self.by_readiness
            .iter()
            .filter(|r| r.review.first_cohort())
            .collect()
    }

    /// The schools recommended for a later cohort year (2 or 3), in the order of the
    /// readiness ranking.
    pub fn later_cohorts(&self) -> Vec<&Reviewed> {
        self.by_readiness
            .iter()
            .filter(|r| {
                !r.review.self_selected_out
                    && matches!(
                        r.review.recommendation,
                        Some(Recommendation::Cohort2 | Recommendation::Cohort3)
                    )
            })
            .collect()
    }

    /// The schools taking part with no recommendation yet, in the order of the readiness
    /// ranking.
    pub fn undecided(&self) -> Vec<&Reviewed> {
        self.by_readiness
            .iter()
            .filter(|r| r.review.recommendation.is_none())
            .collect()
    }

    /// The schools asked for a readiness plan, in the order of the readiness ranking.
    pub fn readiness_plans(&self) -> Vec<&Reviewed> {
        self.by_readiness
            .iter()
            .filter(|r| r.review.asks_for_plan())
            .collect()
    }

    /// The review in force of every school reviewed, taking part or not.
    pub fn in_force(&self) -> Vec<ReadinessReview> {
        self.by_readiness
            .iter()
            .chain(&self.out)
            .map(|r| r.review.clone())
            .collect()
    }

    /// How many criteria the schools ranked were rated on, when they were all rated on as
    /// many (a review keeps the criteria of its day, so they may differ).
    pub fn criteria_count(&self) -> Option<usize> {
        let mut counts = self.by_readiness.iter().map(|r| r.review.ratings.len());
        let first = counts.next()?;
        counts.all(|n| n == first).then_some(first)
    }

    /// Every school reviewed, taking part or not.
    pub fn reviewed(&self) -> usize {
        self.by_readiness.len() + self.out.len()
    }

    /// "7 of 21 schools reviewed".
    pub fn first_cohort_words(&self) -> String {
        let all = counted(self.reviewed(), "school", "schools");
        format!("{} of {all} reviewed", self.first_cohort().len())
    }

    /// The schools of `schools` with no review on the board, by name: the ones still to
    /// review.
    pub fn not_reviewed(&self, schools: &[School]) -> Vec<School> {
        let reviewed: Vec<&str> = self
            .by_readiness
            .iter()
            .chain(&self.out)
            .map(|r| r.review.school_id.as_str())
            .collect();
        let mut left: Vec<School> = schools
            .iter()
            .filter(|s| !reviewed.contains(&s.meta.id.as_str()))
            .cloned()
            .collect();
        left.sort_by(|a, b| {
            super::school_key(&a.name)
                .cmp(&super::school_key(&b.name))
                .then_with(|| a.meta.id.cmp(&b.meta.id))
        });
        left
    }

    /// The ids of the schools in the order a reader goes down the readiness screen: the
    /// readiness ranking, then the schools that sat out, then `not_reviewed` (see
    /// [`Board::not_reviewed`]).
    pub fn school_order(&self, not_reviewed: &[School]) -> Vec<String> {
        self.by_readiness
            .iter()
            .chain(&self.out)
            .map(|r| r.review.school_id.clone())
            .chain(not_reviewed.iter().map(|s| s.meta.id.clone()))
            .collect()
    }

    /// The place (from 1) of a school in a ranking.
    pub fn place(ranking: &[Reviewed], school_id: &str) -> Option<usize> {
        ranking
            .iter()
            .position(|r| r.review.school_id == school_id)
            .map(|at| at + 1)
    }
}

/// A count with its noun, one or many: "1 place", "3 places".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A score or an achievement figure as it reads: "3.2", "61%" (none: "–").
pub fn score_words(score: Option<f64>) -> String {
    score.map_or("–".into(), |s| format!("{s:.1}"))
}

/// An achievement figure as it reads: "61%", "72.5%" (none: "no figure").
pub fn achievement_words(achievement: Option<f64>) -> String {
    achievement.map_or("no figure".into(), |a| {
        if a.fract() == 0.0 {
            format!("{a:.0}%")
        } else {
            format!("{a:.1}%")
        }
    })
}

#[cfg(test)]
mod tests;
