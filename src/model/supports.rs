//! Supports tried: training, co-planning, modelling, peer visits and the like, given to a
//! teacher on a day; and what the ratings and look-fors did in the weeks after one,
//! against the weeks before, so a conference can see which supports preceded improvement.

use super::{Focus, Meta, Observation};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The kinds of support a coach or a school gives a teacher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SupportKind {
    Training,
    #[default]
    CoPlanning,
    Modelling,
    PeerVisit,
    Resource,
    FeedbackConference,
    Other,
}

impl SupportKind {
    /// How a person says it: "co-planning", "peer visit".
    pub fn label(self) -> &'static str {
        match self {
            SupportKind::Training => "training",
            SupportKind::CoPlanning => "co-planning",
            SupportKind::Modelling => "modelling",
            SupportKind::PeerVisit => "peer visit",
            SupportKind::Resource => "resource",
            SupportKind::FeedbackConference => "feedback conference",
            SupportKind::Other => "other",
        }
    }

    /// The minutes a support of this kind usually takes of the coach's time, offered
    /// when none is typed: a lesson planned or taught together, a visit to a colleague's
    /// room, a conference, a resource found and sent.
    pub fn default_minutes(self) -> u32 {
        match self {
            SupportKind::Training => 90,
            SupportKind::CoPlanning | SupportKind::Modelling => 45,
            SupportKind::PeerVisit => 50,
            SupportKind::Resource => 15,
            SupportKind::FeedbackConference => 30,
            SupportKind::Other => 30,
        }
    }

    /// A kind as typed by a person: the stored word or the label, with a hyphen, a space
    /// or an underscore between words ("co-planning", "peer visit", "feedback_conference").
    pub fn from_words(typed: &str) -> Result<SupportKind, String> {
        let word = typed.trim().to_lowercase().replace(['-', ' '], "_");
        word.parse().map_err(|_| {
            let labels: Vec<&str> = SupportKind::ALL.iter().map(|k| k.label()).collect();
            format!(
                "\"{}\" is not a kind of support; one of: {}",
                crate::text::line(typed.trim()),
                labels.join(", ")
            )
        })
    }
}

/// Support given to a teacher: what kind, on which day, by whom, for how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Support {
    #[serde(flatten)]
    pub meta: Meta,
    pub teacher_id: String,
    /// The focus active when the support was added.
    pub focus_id: Option<String>,
    pub kind: SupportKind,
    pub given_on: NaiveDate,
    /// "coach", "principal" or a name.
    pub given_by: String,
    pub note: String,
    /// The coach's time it took.
    pub minutes: Option<u32>,
    pub private: bool,
}

/// How far before and after a support the ratings are compared: six weeks, about as
/// long as a support takes to show in a classroom, and short enough that the next
/// support does not always fall inside.
pub const EFFECT_WEEKS: u64 = 6;

/// The rated visits and look-fors seen on one side of a support.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Window {
    /// Ratings, oldest first.
    pub ratings: Vec<u8>,
    /// Look-fors seen, and looked for, on the visits made on a focus with look-fors.
    pub look_fors_seen: usize,
    pub look_fors_looked_for: usize,
}

impl Window {
    /// The mean rating to one decimal, as shown; `None` without ratings.
    pub fn mean(&self) -> Option<f64> {
        if self.ratings.is_empty() {
            return None;
        }
        let sum: u32 = self.ratings.iter().map(|r| u32::from(*r)).sum();
        let mean = f64::from(sum) / self.ratings.len() as f64;
        Some((mean * 10.0).round() / 10.0)
    }

    /// The share of look-fors seen, in whole percent; `None` when none were looked for.
    pub fn look_for_percent(&self) -> Option<u32> {
        (self.look_fors_looked_for > 0).then(|| {
            (self.look_fors_seen as f64 * 100.0 / self.look_fors_looked_for as f64).round() as u32
        })
    }

    /// "2, 2, 1 (mean 1.7)"
    fn ratings_words(&self) -> String {
        let ratings: Vec<String> = self.ratings.iter().map(u8::to_string).collect();
        format!(
            "{} (mean {:.1})",
            ratings.join(", "),
            self.mean().unwrap_or_default()
        )
    }
}

/// How far the mean rating must move, either way, to be read as up or down.
pub const CLEAR_CHANGE: f64 = 0.5;

/// Which way the ratings went after a support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    /// Means within half a rating point of each other: on a four-level scale, less is
    /// one visit rated differently, not a change a conference should read into.
    Level,
    /// Rated visits after it, none in the weeks before.
    NothingBefore,
    /// Rated visits before it, none in the weeks after.
    NothingAfter,
    /// No rated visit either side.
    Nothing,
}

/// What the ratings (and look-fors) did in the weeks after a support against the weeks
/// before it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Effect {
    pub before: Window,
    pub after: Window,
    /// Whether any rated visit came after the support, however long after.
    pub rated_since: bool,
}

impl Effect {
    /// The effect of a support given on `given_on`, from `observations` (any order)
    /// and the focuses they were made on (for their look-fors).
    ///
    /// Before: visits in the [`EFFECT_WEEKS`] up to and including the support's day (a
    /// visit that day is most often the one that prompted the support, and a support has
    /// no time of day to tell otherwise). After: visits from the next day for as many
    /// weeks.
    pub fn of(given_on: NaiveDate, observations: &[&Observation], focuses: &[Focus]) -> Effect {
        let window = Days::new(EFFECT_WEEKS * 7);
        let from = given_on.checked_sub_days(window).unwrap_or(NaiveDate::MIN);
        let until = given_on.checked_add_days(window).unwrap_or(NaiveDate::MAX);
        let mut visits: Vec<&Observation> = observations.to_vec();
        visits.sort_by_key(|o| (o.observed_at, o.meta.id.clone()));
        let mut effect = Effect::default();
        for visit in visits {
            let day = visit.observed_at.date();
            let side = if day > from && day <= given_on {
                &mut effect.before
            } else if day > given_on && day <= until {
                &mut effect.after
            } else {
                if day > given_on && visit.rating.is_some() {
                    effect.rated_since = true;
                }
                continue;
            };
            if let Some(rating) = visit.rating {
                side.ratings.push(rating.value());
            }
            let look_fors = visit
                .focus_id
                .as_deref()
                .and_then(|id| focuses.iter().find(|f| f.meta.id == id))
                .map(|focus| focus.look_fors.as_slice())
                .unwrap_or_default();
            let looked_for: Vec<&String> =
                look_fors.iter().filter(|l| !l.trim().is_empty()).collect();
            side.look_fors_looked_for += looked_for.len();
            side.look_fors_seen += looked_for
                .iter()
                .filter(|l| visit.look_fors_seen.contains(l))
                .count();
        }
        effect.rated_since |= !effect.after.ratings.is_empty();
        effect
    }

    pub fn trend(&self) -> Trend {
        match (self.before.mean(), self.after.mean()) {
            (Some(before), Some(after)) if after - before >= CLEAR_CHANGE => Trend::Up,
            (Some(before), Some(after)) if before - after >= CLEAR_CHANGE => Trend::Down,
            (Some(_), Some(_)) => Trend::Level,
            (None, Some(_)) => Trend::NothingBefore,
            (Some(_), None) => Trend::NothingAfter,
            (None, None) => Trend::Nothing,
        }
    }

    /// In words: "ratings before: 2, 2, 1 (mean 1.7); after: 3, 3 (mean 3.0): up", then
    /// the look-fors when any were looked for: "look-fors seen before: 33%; after: 83%".
    pub fn words(&self) -> String {
        let weeks = EFFECT_WEEKS;
        let since = if self.rated_since {
            format!("no rated visit in the {weeks} weeks after")
        } else {
            "no rated visit since".to_owned()
        };
        let ratings = match self.trend() {
            trend @ (Trend::Up | Trend::Down | Trend::Level) => format!(
                "ratings before: {}; after: {}: {}",
                self.before.ratings_words(),
                self.after.ratings_words(),
                match trend {
                    Trend::Up => "up",
                    Trend::Down => "down",
                    _ => "little change",
                }
            ),
            Trend::NothingBefore => format!(
                "no rated visit in the {weeks} weeks before; after: {}",
                self.after.ratings_words()
            ),
            Trend::NothingAfter => {
                format!("ratings before: {}; {since}", self.before.ratings_words())
            }
            Trend::Nothing => format!("no rated visit in the {weeks} weeks before; {since}"),
        };
        let percent = |p: Option<u32>| p.map_or("—".to_owned(), |p| format!("{p}%"));
        let (before, after) = (
            self.before.look_for_percent(),
            self.after.look_for_percent(),
        );
        if before.is_none() && after.is_none() {
            return ratings;
        }
        format!(
            "{ratings}; look-fors seen before: {}; after: {}",
            percent(before),
            percent(after)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LocalTime, Rating};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn visit(id: &str, on: &str, rating: Option<u8>) -> Observation {
        Observation {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            observed_at: LocalTime::utc_wall(day(on).and_hms_opt(9, 0, 0).unwrap()),
            rating: rating.and_then(Rating::new),
            ..Observation::default()
        }
    }

    fn effect(given_on: &str, visits: &[Observation]) -> Effect {
        let refs: Vec<&Observation> = visits.iter().collect();
        Effect::of(day(given_on), &refs, &[])
    }

    #[test]
    fn ratings_that_rose_after_co_planning_read_up() {
        let visits = [
            visit("a", "2026-10-01", Some(2)),
            visit("b", "2026-10-08", Some(2)),
            visit("c", "2026-10-15", Some(1)),
            visit("d", "2026-10-22", Some(3)),
            visit("e", "2026-10-29", Some(3)),
        ];
        let effect = effect("2026-10-16", &visits);
        assert_eq!(effect.trend(), Trend::Up);
        assert_eq!(
            effect.words(),
            "ratings before: 2, 2, 1 (mean 1.7); after: 3, 3 (mean 3.0): up"
        );
    }

    #[test]
    fn only_the_six_weeks_either_side_count() {
        let visits = [
            visit("old", "2026-08-01", Some(4)),
            visit("in", "2026-09-10", Some(1)),
            visit("soon", "2026-10-20", Some(2)),
            visit("late", "2026-12-20", Some(4)),
        ];
        let effect = effect("2026-10-01", &visits);
        assert_eq!(
            effect.before.ratings,
            [1],
            "2026-08-01 is over six weeks before"
        );
        assert_eq!(
            effect.after.ratings,
            [2],
            "2026-12-20 is over six weeks after"
        );
        assert_eq!(effect.trend(), Trend::Up);
    }

    #[test]
    fn a_visit_on_the_day_of_the_support_counts_before_it() {
        let visits = [
            visit("same", "2026-10-16", Some(1)),
            visit("next", "2026-10-17", Some(2)),
        ];
        let effect = effect("2026-10-16", &visits);
        assert_eq!(
            (effect.before.ratings.clone(), effect.after.ratings.clone()),
            (vec![1], vec![2])
        );
    }

    #[test]
    fn a_mean_within_half_a_point_is_little_change_and_half_a_point_lower_is_down() {
        let level = effect(
            "2026-10-16",
            &[
                visit("a", "2026-10-10", Some(2)),
                visit("b", "2026-10-12", Some(3)),
                visit("c", "2026-10-20", Some(3)),
                visit("d", "2026-10-21", Some(2)),
            ],
        );
        assert_eq!(level.trend(), Trend::Level);
        assert!(
            level.words().ends_with(": little change"),
            "{}",
            level.words()
        );
        // 1.3 to 1.4 is one visit rated differently, not an improvement.
        let slight = effect(
            "2026-10-16",
            &[
                visit("a", "2026-10-08", Some(1)),
                visit("b", "2026-10-10", Some(1)),
                visit("c", "2026-10-12", Some(2)),
                visit("d", "2026-10-20", Some(1)),
                visit("e", "2026-10-21", Some(2)),
                visit("f", "2026-10-22", Some(1)),
                visit("g", "2026-10-23", Some(1)),
                visit("h", "2026-10-24", Some(2)),
            ],
        );
        assert_eq!(slight.trend(), Trend::Level, "{}", slight.words());
        let half_up = effect(
            "2026-10-16",
            &[
                visit("a", "2026-10-10", Some(2)),
                visit("b", "2026-10-20", Some(2)),
                visit("c", "2026-10-21", Some(3)),
            ],
        );
        assert_eq!(half_up.trend(), Trend::Up, "{}", half_up.words());
        let down = effect(
            "2026-10-16",
            &[
                visit("a", "2026-10-10", Some(3)),
                visit("b", "2026-10-20", Some(2)),
            ],
        );
        assert_eq!(down.trend(), Trend::Down);
    }

    #[test]
    fn no_rated_visit_since_is_said_and_a_later_one_is_told_apart() {
        let before_only = effect("2026-10-16", &[visit("a", "2026-10-10", Some(2))]);
        assert_eq!(before_only.trend(), Trend::NothingAfter);
        assert_eq!(
            before_only.words(),
            "ratings before: 2 (mean 2.0); no rated visit since"
        );
        let much_later = effect(
            "2026-10-16",
            &[
                visit("a", "2026-10-10", Some(2)),
                visit("b", "2027-01-10", Some(4)),
            ],
        );
        assert_eq!(
            much_later.words(),
            "ratings before: 2 (mean 2.0); no rated visit in the 6 weeks after"
        );
        let unrated = effect("2026-10-16", &[visit("a", "2026-10-20", None)]);
        assert_eq!(unrated.trend(), Trend::Nothing);
        assert_eq!(
            unrated.words(),
            "no rated visit in the 6 weeks before; no rated visit since"
        );
        let after_only = effect("2026-10-16", &[visit("a", "2026-10-20", Some(3))]);
        assert_eq!(after_only.trend(), Trend::NothingBefore);
        assert_eq!(
            after_only.words(),
            "no rated visit in the 6 weeks before; after: 3 (mean 3.0)"
        );
    }

    #[test]
    fn look_fors_seen_are_compared_as_a_share_of_those_looked_for() {
        let focus = Focus {
            meta: Meta {
                id: "F".into(),
                ..Meta::default()
            },
            look_fors: vec!["target posted".into(), "warm-up linked".into(), " ".into()],
            ..Focus::default()
        };
        let on_focus = |id: &str, on: &str, seen: &[&str]| Observation {
            focus_id: Some("F".into()),
            look_fors_seen: seen.iter().map(|s| s.to_string()).collect(),
            ..visit(id, on, None)
        };
        let visits = [
            on_focus("a", "2026-10-10", &[]),
            on_focus("b", "2026-10-12", &["target posted"]),
            on_focus("c", "2026-10-20", &["target posted", "warm-up linked"]),
        ];
        let refs: Vec<&Observation> = visits.iter().collect();
        let effect = Effect::of(day("2026-10-16"), &refs, &[focus]);
        assert_eq!(effect.before.look_for_percent(), Some(25));
        assert_eq!(effect.after.look_for_percent(), Some(100));
        assert_eq!(
            effect.words(),
            "no rated visit in the 6 weeks before; no rated visit since; \
             look-fors seen before: 25%; after: 100%"
        );
    }

    #[test]
    fn a_kind_is_read_as_typed_with_hyphens_or_spaces() {
        assert_eq!(
            SupportKind::from_words("co-planning"),
            Ok(SupportKind::CoPlanning)
        );
        assert_eq!(
            SupportKind::from_words(" Peer Visit "),
            Ok(SupportKind::PeerVisit)
        );
        assert_eq!(
            SupportKind::from_words("feedback_conference"),
            Ok(SupportKind::FeedbackConference)
        );
        let refused = SupportKind::from_words("pep talk").unwrap_err();
        assert!(refused.contains("co-planning, modelling"), "{refused}");
    }
}
