//! Walkthrough rounds: a practice looked for across classrooms, each mark an observation.

use super::record;
use super::{Result, Store};
use crate::model::{Observation, PracticeMark, Teacher, Walkthrough};

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

impl Store {
    /// Every live round, newest first.
    pub fn walkthroughs(&self) -> Result<Vec<Walkthrough>> {
        Ok(record::list(&self.conn, "1", "held_on DESC, id DESC", [])?)
    }

    /// A round with its classrooms and marks (two queries).
    pub fn round(&self, id: &str) -> Result<Option<Round>> {
        let Some(walkthrough) = self.get::<Walkthrough>(id)? else {
            return Ok(None);
        };
        let marks: Vec<Observation> = record::list(
            &self.conn,
            "walkthrough_id = ?1",
            "observed_at DESC, id DESC",
            [id],
        )?;
        let teachers: Vec<Teacher> = record::list(
            &self.conn,
            "id IN (SELECT value FROM json_each(?1))",
            "name",
            [serde_json::to_string(&walkthrough.teacher_ids).unwrap_or_default()],
        )?;
        let classrooms = walkthrough
            .teacher_ids
            .iter()
            .filter_map(|tid| teachers.iter().find(|t| &t.meta.id == tid))
            .map(|teacher| {
                let latest = marks
                    .iter()
                    .find(|o| o.teacher_id == teacher.meta.id)
                    .cloned();
                (teacher.clone(), latest)
            })
            .collect();
        Ok(Some(Round {
            walkthrough,
            classrooms,
        }))
    }
}
