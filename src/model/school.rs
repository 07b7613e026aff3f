//! Schools: a record of their own (people keep the school's name, and the link is that
//! name with case folded), and a school at a glance: its people, who has not been
//! observed lately, the focuses in play, the latest round on each practice and one goal
//! measure compared across the people who track it.

use super::{Goal, GoalStatus, Measure, Meta, Role, RosterRow, Round, Tally, Teacher};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A school the people coached belong to. People name it in their `school` field; the
/// record keeps what belongs to the school itself (its notes now; readiness reviews
/// will point at it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct School {
    #[serde(flatten)]
    pub meta: Meta,
    pub name: String,
    pub notes: String,
}

/// What a school name is known by: trimmed, inner spaces as one, case folded for every
/// script ("EASTSIDE  middle " is "eastside middle"). Empty for no school.
pub fn school_key(name: &str) -> String {
    // Upper then lower folds what lowercasing alone keeps apart, such as ß and SS.
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
        .to_lowercase()
}

/// Whether `person` belongs to the school known by `key` (see [`school_key`]).
pub fn belongs_to(person: &Teacher, key: &str) -> bool {
    !key.is_empty() && school_key(&person.school) == key
}

/// The schools named in `names`, each once (spelled as first met, trimmed), sorted by
/// name; empty names are no school.
pub fn distinct_schools<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut schools: Vec<(String, String)> = Vec::new();
    for name in names {
        let key = school_key(name);
        if !key.is_empty() && !schools.iter().any(|(k, _)| *k == key) {
            schools.push((key, name.trim().to_string()));
        }
    }
    schools.sort();
    schools.into_iter().map(|(_, name)| name).collect()
}

/// People who have not been observed in `gap_days` (or never): classroom teachers only,
/// since a leader's or a coach's work is not seen on a walkthrough. Never observed
/// first, then the longest gap.
pub fn not_observed(rows: &[RosterRow], today: NaiveDate, gap_days: u32) -> Vec<&RosterRow> {
    let gap = chrono::Days::new(u64::from(gap_days));
    let mut rows: Vec<&RosterRow> = rows
        .iter()
        .filter(|r| r.teacher.role == Role::Teacher && !r.teacher.archived)
        .filter(|r| r.last_observed.is_none_or(|d| d + gap < today))
        .collect();
    rows.sort_by_key(|r| (r.last_observed.is_some(), r.last_observed));
    rows
}

/// A focus in play and the people working on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusGroup {
    /// As the first of them wrote it.
    pub statement: String,
    pub people: Vec<String>,
}

impl FocusGroup {
    /// "3 teachers: warm-up connects to the target".
    pub fn line(&self) -> String {
        let count = self.people.len();
        let noun = if count == 1 { "person" } else { "people" };
        format!("{count} {noun}: {}", self.statement)
    }
}

/// The active focuses of `rows`, the same statement (whatever its case and spacing)
/// once with everyone working on it: the most people first, then by statement.
pub fn focus_groups(rows: &[RosterRow]) -> Vec<FocusGroup> {
    let mut groups: Vec<(String, FocusGroup)> = Vec::new();
    for row in rows {
        let Some(statement) = row.focus.as_deref().filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        let key = school_key(statement);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.people.push(row.teacher.name.clone()),
            None => groups.push((
                key,
                FocusGroup {
                    statement: statement.trim().to_string(),
                    people: vec![row.teacher.name.clone()],
                },
            )),
        }
    }
    groups.sort_by(|(a_key, a), (b_key, b)| {
        b.people.len().cmp(&a.people.len()).then(a_key.cmp(b_key))
    });
    groups.into_iter().map(|(_, group)| group).collect()
}

/// The latest round on a practice, counted over the school's classrooms only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeResult {
    pub practice: String,
    pub held_on: NaiveDate,
    pub tally: Tally,
}

impl PracticeResult {
    /// The share of the visited classrooms implementing the practice, in whole percent.
    pub fn rate(&self) -> Option<u32> {
        let visited = self.tally.visited();
        (visited > 0).then(|| {
            let rate = (self.tally.implementing() * 100 + visited / 2) / visited;
            u32::try_from(rate).unwrap_or(100)
        })
    }

    /// "67% (2 of 3 visited)", or "not visited yet".
    pub fn rate_words(&self) -> String {
        match self.rate() {
            Some(rate) => format!(
                "{} of {} classrooms visited implement it ({rate}%)",
                self.tally.implementing(),
                self.tally.visited()
            ),
            None => "not visited yet".into(),
        }
    }
}

/// For each practice looked for in the school's classrooms (the same practice in other
/// words or case once), its latest round, counted over the school's classrooms only
/// (a round across two schools counts each school's own): the latest round first.
pub fn latest_rounds(rounds: &[Round], key: &str) -> Vec<PracticeResult> {
    let mut results: Vec<(&str, PracticeResult)> = Vec::new();
    for round in rounds {
        let classrooms: Vec<_> = round
            .classrooms
            .iter()
            .filter(|(person, _)| belongs_to(person, key))
            .cloned()
            .collect();
        if classrooms.is_empty() {
            continue;
        }
        let ours = Round {
            walkthrough: round.walkthrough.clone(),
            classrooms,
        };
        let result = PracticeResult {
            practice: round.walkthrough.practice.trim().to_string(),
            held_on: round.walkthrough.held_on,
            tally: ours.tally(),
        };
        let id = round.walkthrough.meta.id.as_str();
        match results
            .iter_mut()
            .find(|(_, kept)| super::same_practice(&kept.practice, &result.practice))
        {
            Some((kept_id, kept)) if (result.held_on, id) > (kept.held_on, *kept_id) => {
                (*kept_id, *kept) = (id, result);
            }
            Some(_) => {}
            None => results.push((id, result)),
        }
    }
    results.sort_by(|(a_id, a), (b_id, b)| (b.held_on, b_id).cmp(&(a.held_on, a_id)));
    results.into_iter().map(|(_, result)| result).collect()
}

/// One person's place on a measure: their latest value against their target.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureLine {
    pub teacher_id: String,
    pub person: String,
    /// The latest measurement, as it counts against the goal (see [`Measure::score`]),
    /// and as it reads (`24/28 (86%)`).
    pub latest: Option<(NaiveDate, f64, String)>,
    pub target: Option<f64>,
    pub unit: String,
    /// Whether the latest value reaches the target (see [`Goal::reached_by`]).
    pub reached: bool,
    /// Whether the goal counts down (its baseline above its target): its bar then
    /// reaches the target from above.
    pub lower_is_better: bool,
}

/// One goal measure (the same name, whatever its case and spacing) across the people
/// who track it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureComparison {
    /// As the first of them named it.
    pub measure: String,
    /// One line per person, by name.
    pub lines: Vec<MeasureLine>,
}

impl MeasureComparison {
    /// The largest value or target on the comparison: the full length of its bars.
    pub fn scale(&self) -> f64 {
        self.lines
            .iter()
            .flat_map(|line| [line.latest.as_ref().map(|l| l.1), line.target])
            .flatten()
            .filter(|value| value.is_finite())
            .fold(0.0, f64::max)
    }

    /// How many of its people reach their target.
    pub fn reached(&self) -> usize {
        self.lines.iter().filter(|line| line.reached).count()
    }
}

/// A person, a goal of theirs and its measurements: what a comparison is made from.
pub type TrackedGoal<'a> = (&'a Teacher, &'a Goal, &'a [Measure]);

/// The goal measures tracked by the given people's goals (dropped goals aside), each
/// with one line per person: the goal still active before a met one, and among those the
/// one measured last. The measures tracked by the most people come first, then by name.
pub fn compare_measures(goals: &[TrackedGoal<'_>]) -> Vec<MeasureComparison> {
    let latest = |measures: &[Measure]| -> Option<Measure> {
        measures
            .iter()
            .max_by(|a, b| (a.measured_on, &a.meta.id).cmp(&(b.measured_on, &b.meta.id)))
            .cloned()
    };
    /// A person, the goal chosen for them and its latest measurement.
    type Chosen<'a> = (&'a Teacher, &'a Goal, Option<Measure>);
    // Per measure key: its name as first written, and the goal chosen per person.
    let mut found: Vec<(String, String, Vec<Chosen<'_>>)> = Vec::new();
    for (person, goal, measures) in goals {
        let key = school_key(&goal.measure);
        if key.is_empty() || goal.status == GoalStatus::Dropped {
            continue;
        }
        let candidate = (*person, *goal, latest(measures));
        let rank = |(_, goal, latest): &Chosen<'_>| {
            (
                goal.status == GoalStatus::Active,
                latest.as_ref().map(|m| m.measured_on),
            )
        };
        let entry = match found.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry,
            None => {
                found.push((key, goal.measure.trim().to_string(), Vec::new()));
                let last = found.len() - 1;
                &mut found[last]
            }
        };
        match entry
            .2
            .iter_mut()
            .find(|(p, _, _)| p.meta.id == person.meta.id)
        {
            Some(kept) if rank(&candidate) > rank(kept) => *kept = candidate,
            Some(_) => {}
            None => entry.2.push(candidate),
        }
    }
    let mut comparisons: Vec<MeasureComparison> = found
        .into_iter()
        .map(|(_, measure, chosen)| {
            let mut lines: Vec<MeasureLine> = chosen
                .into_iter()
                .map(|(person, goal, latest)| {
                    let latest = latest.map(|m| {
                        let score = m.score(&goal.unit);
                        (m.measured_on, score, m.shown(&goal.unit))
                    });
                    MeasureLine {
                        teacher_id: person.meta.id.clone(),
                        person: person.name.clone(),
                        reached: latest.as_ref().is_some_and(|l| goal.reached_by(l.1)),
                        lower_is_better: goal.lower_is_better(),
                        latest,
                        target: goal.target,
                        unit: goal.unit.clone(),
                    }
                })
                .collect();
            lines.sort_by(|a, b| {
                a.person
                    .to_lowercase()
                    .cmp(&b.person.to_lowercase())
                    .then(a.teacher_id.cmp(&b.teacher_id))
            });
            MeasureComparison { measure, lines }
        })
        .collect();
    comparisons.sort_by(|a, b| {
        b.lines
            .len()
            .cmp(&a.lines.len())
            .then_with(|| school_key(&a.measure).cmp(&school_key(&b.measure)))
    });
    comparisons
}

/// A bar `width` cells long for `value` on a scale to `scale`, the target marked with
/// `│` where it falls: `██████··│···`. Nothing to draw on an empty scale.
pub fn text_bar(value: Option<f64>, target: Option<f64>, scale: f64, width: usize) -> String {
    if width == 0 || scale.is_nan() || scale <= 0.0 {
        return String::new();
    }
    let cells = |v: f64| -> usize {
        let share = (v / scale).clamp(0.0, 1.0);
        // Rounded to the nearest cell; a value above nothing shows at least one.
        let n = (share * width as f64).round() as usize;
        if v > 0.0 { n.max(1) } else { n }
    };
    let filled = value.map_or(0, cells);
    let mark = target.map(|t| cells(t).clamp(1, width) - 1);
    (0..width)
        .map(|i| match (Some(i) == mark, i < filled) {
            (true, true) => '┃',
            (true, false) => '│',
            (false, true) => '█',
            (false, false) => '·',
        })
        .collect()
}

/// A school at a glance, as the school view and its export show it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchoolSummary {
    /// The school's name as its record spells it (else as its first person does).
    pub name: String,
    /// Its people, archived ones aside, by name.
    pub people: Vec<RosterRow>,
    /// The ids of the teachers not observed in the gap, never observed first.
    pub not_observed: Vec<String>,
    pub gap_days: u32,
    pub focus_groups: Vec<FocusGroup>,
    pub rounds: Vec<PracticeResult>,
    pub measures: Vec<MeasureComparison>,
}

impl SchoolSummary {
    /// Sums up the school known by `key` from the roster's rows (every school's: its own
    /// are picked here), the rounds held and its people's goals with their measures.
    pub fn new(
        name: &str,
        rows: &[RosterRow],
        rounds: &[Round],
        goals: &[TrackedGoal<'_>],
        today: NaiveDate,
        gap_days: u32,
    ) -> SchoolSummary {
        let key = school_key(name);
        let mut people: Vec<RosterRow> = rows
            .iter()
            .filter(|r| belongs_to(&r.teacher, &key) && !r.teacher.archived)
            .cloned()
            .collect();
        people.sort_by(|a, b| {
            (a.teacher.name.to_lowercase(), &a.teacher.meta.id)
                .cmp(&(b.teacher.name.to_lowercase(), &b.teacher.meta.id))
        });
        let ours: Vec<TrackedGoal<'_>> = goals
            .iter()
            .filter(|(person, _, _)| belongs_to(person, &key) && !person.archived)
            .copied()
            .collect();
        SchoolSummary {
            name: name.trim().to_string(),
            not_observed: not_observed(&people, today, gap_days)
                .into_iter()
                .map(|r| r.teacher.meta.id.clone())
                .collect(),
            gap_days,
            focus_groups: focus_groups(&people),
            rounds: latest_rounds(rounds, &key),
            measures: compare_measures(&ours),
            people,
        }
    }

    /// The rows of the people not observed in the gap, in the summary's order.
    pub fn not_observed_rows(&self) -> Vec<&RosterRow> {
        self.not_observed
            .iter()
            .filter_map(|id| self.people.iter().find(|r| r.teacher.meta.id == *id))
            .collect()
    }
}

#[cfg(test)]
mod tests;
