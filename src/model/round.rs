//! A walkthrough round as it stands: its classrooms, the latest mark of each, and how the
//! round came out.

use super::{Observation, PracticeMark, Teacher, Walkthrough};

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
}
