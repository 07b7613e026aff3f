//! Walkthrough rounds: a practice looked for across classrooms, each mark an observation.

use super::record;
use super::{Result, Store};
use crate::model::{Observation, Round, Teacher, Walkthrough, same_practice};

impl Store {
    /// Every live round, newest first.
    pub fn walkthroughs(&self) -> Result<Vec<Walkthrough>> {
        Ok(record::list(&self.conn, "1", "held_on DESC, id DESC", [])?)
    }

    /// Every live round that looked for `practice` (in other words or case too: see
    /// [`same_practice`]), with its classrooms and marks.
    pub fn rounds_on(&self, practice: &str) -> Result<Vec<Round>> {
        let mut rounds = Vec::new();
        for walkthrough in self.walkthroughs()? {
            if same_practice(&walkthrough.practice, practice)
                && let Some(round) = self.round(&walkthrough.meta.id)?
            {
                rounds.push(round);
            }
        }
        Ok(rounds)
    }

    /// A round with its classrooms and marks (two queries).
    pub fn round(&self, id: &str) -> Result<Option<Round>> {
        let Some(walkthrough) = self.get::<Walkthrough>(id)? else {
            return Ok(None);
        };
        let marks: Vec<Observation> = record::list(
            &self.conn,
            "walkthrough_id = ?1",
            "datetime(observed_at) DESC, id DESC",
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
