//! The demo's schools as records, and its walkthrough rounds with their marks.

use super::shape::{DemoSchool, Shift};
use super::{DemoError, added};
use crate::db::{Command, Store};
use crate::model::{AnyRecord, Kind, Observation, Walkthrough};

/// Adds the rounds (the schools the demo's people name became records as the people were
/// added); returns how many classrooms the rounds marked (each mark an observation).
pub(super) fn load(
    store: &mut Store,
    demo: &DemoSchool,
    shift: &Shift,
) -> Result<usize, DemoError> {
    let teachers = store.teachers(true)?;
    let mut marks = 0;
    for round in &demo.rounds {
        let mut ids = Vec::new();
        for mark in &round.marks {
            let teacher = teachers
                .iter()
                .find(|t| t.name == mark.teacher)
                .ok_or_else(|| DemoError::Inconsistent {
                    teacher: mark.teacher.clone(),
                    problem: format!(
                        "the round on \"{}\" visits nobody by that name",
                        round.practice
                    ),
                })?;
            ids.push(teacher.meta.id.clone());
        }
        let applied = store.apply(Command::Add(AnyRecord::Walkthrough(Walkthrough {
            practice: round.practice.clone(),
            held_on: shift.date(round.held_on)?,
            teacher_ids: ids.clone(),
            notes: round.notes.clone(),
            ..Walkthrough::default()
        })))?;
        let round_id = added(&applied, Kind::Walkthrough)?;
        for (mark, teacher_id) in round.marks.iter().zip(ids) {
            store.apply(Command::Add(AnyRecord::Observation(Observation {
                teacher_id,
                observed_at: shift.time(mark.observed_at)?,
                evidence: mark.note.clone(),
                walkthrough_id: Some(round_id.clone()),
                practice_mark: Some(mark.mark),
                ..Observation::default()
            })))?;
            marks += 1;
        }
    }
    Ok(marks)
}
