//! A walkthrough round as it stands: its classrooms, the latest mark of each, and how the
//! round came out.

use super::{Observation, PracticeMark, Teacher, Walkthrough};
use chrono::NaiveDate;

/// A round with its classrooms and the latest mark of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub walkthrough: Walkthrough,
    /// Each classroom of the round, in visiting order, with its latest mark.
    pub classrooms: Vec<(Teacher, Option<Observation>)>,
}

/// How a round came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub seen: usize,
    pub partly: usize,
    pub not_seen: usize,
    pub not_visited: usize,
}

impl Tally {
    /// Classrooms marked so far.
    pub fn visited(&self) -> usize {
        self.seen + self.partly + self.not_seen
    }

    /// Classrooms where the practice is in place, fully or partly.
    pub fn implementing(&self) -> usize {
        self.seen + self.partly
    }

    /// How the round stands, in words that read right for none, one and many: "2 of 3
    /// classrooms implement it (1 fully, 1 partly)", "No classroom visited yet: 4 to
    /// visit". "Partly" counts as implementing, and says so.
    pub fn summary(&self) -> String {
        let visited = self.visited();
        let total = visited + self.not_visited;
        if total == 0 {
            return "No classrooms in this round".into();
        }
        if visited == 0 {
            return format!("No classroom visited yet: {total} to visit");
        }
        let noun = if visited == 1 {
            "classroom"
        } else {
            "classrooms"
        };
        let classrooms = if self.not_visited > 0 {
            format!("{noun} visited")
        } else {
            noun.to_string()
        };
        let mut line = match self.implementing() {
            0 if visited == 1 => format!("The 1 {classrooms} does not implement it yet"),
            0 => format!("None of the {visited} {classrooms} implements it yet"),
            implementing => {
                let verb = if implementing == 1 {
                    "implements"
                } else {
                    "implement"
                };
                let parts: Vec<String> = [(self.seen, "fully"), (self.partly, "partly")]
                    .iter()
                    .filter(|(count, _)| *count > 0)
                    .map(|(count, how)| format!("{count} {how}"))
                    .collect();
                format!(
                    "{implementing} of {visited} {classrooms} {verb} it ({})",
                    parts.join(", ")
                )
            }
        };
        if self.not_visited > 0 {
            line.push_str(&format!("; {} still to visit", self.not_visited));
        }
        line
    }
}

impl Round {
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for (_, mark) in &self.classrooms {
            match mark.as_ref().and_then(|o| o.practice_mark) {
                Some(PracticeMark::Seen) => tally.seen += 1,
                Some(PracticeMark::Partly) => tally.partly += 1,
                Some(PracticeMark::NotSeen) => tally.not_seen += 1,
                None => tally.not_visited += 1,
            }
        }
        tally
    }

    /// Teachers who need more support: the practice partly in place or not seen.
    pub fn need_support(&self) -> Vec<&Teacher> {
        self.classrooms
            .iter()
            .filter(|(_, mark)| {
                matches!(
                    mark.as_ref().and_then(|o| o.practice_mark),
                    Some(PracticeMark::Partly | PracticeMark::NotSeen)
                )
            })
            .map(|(teacher, _)| teacher)
            .collect()
    }

    /// The first classroom not marked yet.
    pub fn next_unmarked(&self) -> Option<usize> {
        self.classrooms.iter().position(|(_, mark)| mark.is_none())
    }
}

/// What a mark keeps as its evidence when no note was typed ("Walkthrough: students
/// explain the learning target (partly)"), so the teacher's record says what the visit was.
pub fn mark_evidence(practice: &str, mark: PracticeMark) -> String {
    format!("Walkthrough: {practice} ({})", mark.label())
}

/// The note the coach typed for a mark in `walkthrough`: its evidence, or nothing when
/// the evidence is only the text made for a mark without a note (for any of the three
/// marks, as a classroom can be marked again later).
pub fn typed_note<'a>(walkthrough: &Walkthrough, observation: &'a Observation) -> &'a str {
    let made = [
        PracticeMark::Seen,
        PracticeMark::Partly,
        PracticeMark::NotSeen,
    ]
    .into_iter()
    .any(|mark| observation.evidence == mark_evidence(&walkthrough.practice, mark));
    if made { "" } else { &observation.evidence }
}

/// Whether two rounds looked for the same practice: the words alike, whatever their case
/// and spacing ("Students explain the target" and "students  explain the Target ").
pub fn same_practice(a: &str, b: &str) -> bool {
    let fold = |text: &str| -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase()
            .to_lowercase()
    };
    fold(a) == fold(b)
}

/// One round in the trend of a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendPoint {
    pub held_on: NaiveDate,
    pub implementing: usize,
    pub visited: usize,
}

impl TrendPoint {
    /// The share of visited classrooms implementing the practice, in whole percent.
    pub fn rate(&self) -> Option<u32> {
        (self.visited > 0).then(|| {
            let rate = (self.implementing * 100 + self.visited / 2) / self.visited;
            u32::try_from(rate).unwrap_or(100)
        })
    }
}

/// How a practice has spread over the rounds that looked for it, oldest first: rounds
/// on the same practice (see [`same_practice`]) with at least one classroom visited.
pub fn trend(rounds: &[Round], practice: &str) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = rounds
        .iter()
        .filter(|round| same_practice(&round.walkthrough.practice, practice))
        .map(|round| {
            let tally = round.tally();
            TrendPoint {
                held_on: round.walkthrough.held_on,
                implementing: tally.implementing(),
                visited: tally.visited(),
            }
        })
        .filter(|point| point.visited > 0)
        .collect();
    points.sort_by_key(|point| point.held_on);
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn classroom(name: &str, mark: Option<PracticeMark>) -> (Teacher, Option<Observation>) {
        let teacher = Teacher {
            meta: Meta {
                id: name.into(),
                ..Meta::default()
            },
            name: name.into(),
            ..Teacher::default()
        };
        let observation = mark.map(|mark| Observation {
            teacher_id: name.into(),
            practice_mark: Some(mark),
            ..Observation::default()
        });
        (teacher, observation)
    }

    #[test]
    fn a_marks_typed_note_is_told_from_the_text_made_for_a_mark_without_one() {
        let walkthrough = Walkthrough {
            practice: "Students explain the learning target".into(),
            ..Walkthrough::default()
        };
        let with = |evidence: &str| Observation {
            evidence: evidence.into(),
            practice_mark: Some(PracticeMark::Seen),
            ..Observation::default()
        };
        let made = mark_evidence(&walkthrough.practice, PracticeMark::Partly);
        assert_eq!(
            made,
            "Walkthrough: Students explain the learning target (partly)"
        );
        // Made for another mark than the one now kept: still not typed.
        assert_eq!(typed_note(&walkthrough, &with(&made)), "");
        assert_eq!(
            typed_note(&walkthrough, &with("target posted, not explained")),
            "target posted, not explained"
        );
        // The same words for another practice were typed.
        let other = mark_evidence("Exit tickets", PracticeMark::Seen);
        assert_eq!(typed_note(&walkthrough, &with(&other)), other);
    }

    fn round() -> Round {
        Round {
            walkthrough: Walkthrough::default(),
            classrooms: vec![
                classroom("Okafor", Some(PracticeMark::Partly)),
                classroom("Lee", Some(PracticeMark::Seen)),
                classroom("Park", Some(PracticeMark::NotSeen)),
                classroom("Diaz", None),
                classroom("Ruiz", Some(PracticeMark::Seen)),
            ],
        }
    }

    #[test]
    fn a_round_counts_each_classroom_by_its_mark_and_the_unvisited_apart() {
        let tally = round().tally();
        assert_eq!(
            tally,
            Tally {
                seen: 2,
                partly: 1,
                not_seen: 1,
                not_visited: 1
            }
        );
        assert_eq!(tally.visited(), 4);
        assert_eq!(
            tally.implementing(),
            3,
            "partly in place counts as implementing"
        );
    }

    fn tally(seen: usize, partly: usize, not_seen: usize, not_visited: usize) -> String {
        Tally {
            seen,
            partly,
            not_seen,
            not_visited,
        }
        .summary()
    }

    #[test]
    fn the_summary_reads_right_for_none_one_and_many() {
        assert_eq!(tally(0, 0, 0, 0), "No classrooms in this round");
        assert_eq!(tally(0, 0, 0, 3), "No classroom visited yet: 3 to visit");
        assert_eq!(
            tally(1, 0, 0, 2),
            "1 of 1 classroom visited implements it (1 fully); 2 still to visit"
        );
        assert_eq!(
            tally(0, 0, 1, 0),
            "The 1 classroom does not implement it yet"
        );
        assert_eq!(
            tally(0, 0, 2, 1),
            "None of the 2 classrooms visited implements it yet; 1 still to visit"
        );
        assert_eq!(
            tally(1, 1, 1, 0),
            "2 of 3 classrooms implement it (1 fully, 1 partly)"
        );
        assert_eq!(
            tally(0, 2, 0, 0),
            "2 of 2 classrooms implement it (2 partly)"
        );
    }

    #[test]
    fn teachers_with_the_practice_partly_in_place_or_not_seen_need_support() {
        let round = round();
        let names: Vec<&str> = round
            .need_support()
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Okafor", "Park"],
            "in visiting order, unvisited left out"
        );
    }

    #[test]
    fn stepping_through_a_round_goes_to_the_first_classroom_not_marked_yet() {
        let mut round = round();
        assert_eq!(round.next_unmarked(), Some(3));
        round.classrooms[3].1 = classroom("Diaz", Some(PracticeMark::Seen)).1;
        assert_eq!(round.next_unmarked(), None);
        assert_eq!(round.tally().not_visited, 0);
    }

    #[test]
    fn a_practice_trends_over_the_rounds_that_looked_for_it_oldest_first() {
        let held = |date: &str, practice: &str, marks: &[Option<PracticeMark>]| Round {
            walkthrough: Walkthrough {
                practice: practice.into(),
                held_on: date.parse().unwrap(),
                ..Walkthrough::default()
            },
            classrooms: marks.iter().map(|mark| classroom("T", *mark)).collect(),
        };
        use PracticeMark::*;
        let rounds = [
            held(
                "2026-11-23",
                "Students explain the target",
                &[Some(Seen), Some(Partly), Some(NotSeen), None],
            ),
            held(
                "2026-10-05",
                "students  explain the Target ",
                &[Some(NotSeen), Some(Partly), Some(NotSeen)],
            ),
            held("2026-10-20", "Exit tickets", &[Some(Seen)]),
            held("2026-11-30", "Students explain the target", &[None, None]),
        ];
        let points = trend(&rounds, "Students explain the target");
        let shown: Vec<(String, usize, usize, Option<u32>)> = points
            .iter()
            .map(|p| (p.held_on.to_string(), p.implementing, p.visited, p.rate()))
            .collect();
        assert_eq!(
            shown,
            [
                ("2026-10-05".to_string(), 1, 3, Some(33)),
                ("2026-11-23".to_string(), 2, 3, Some(67)),
            ],
            "the other practice and the round not visited yet are left out"
        );
        assert!(same_practice("ÉCRIRE  le but", "écrire le BUT"));
        assert!(!same_practice("Exit tickets", "Exit ticket"));
    }
}
