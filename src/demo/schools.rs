//! The demo's schools as records, its walkthrough rounds with their marks, and the
//! readiness reviews of district schools.

use super::shape::{DemoSchool, Shift};
use super::{DemoError, added};
use crate::db::{Command, Store};
use crate::model::readiness::{DEFAULT_CRITERIA, PlanStep};
use crate::model::{AnyRecord, Kind, Observation, ReadinessReview, School, Walkthrough};

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
    load_reviews(store, demo, shift)?;
    Ok(marks)
}

/// Adds the readiness reviews, and a record for each school reviewed that no one here
/// names (district schools the coach does not work in yet).
fn load_reviews(store: &mut Store, demo: &DemoSchool, shift: &Shift) -> Result<(), DemoError> {
    for review in &demo.readiness {
        let school_id = match store.school_named(&review.school)? {
            Some(school) => school.meta.id,
            None => {
                let applied = store.apply(Command::Add(AnyRecord::School(School {
                    name: review.school.clone(),
                    ..School::default()
                })))?;
                added(&applied, Kind::School)?
            }
        };
        let mut ratings = ReadinessReview::on_criteria(
            &school_id,
            shift.date(review.reviewed_on)?,
            &DEFAULT_CRITERIA.map(String::from),
        );
        for (rated, (rating, evidence)) in ratings.ratings.iter_mut().zip(&review.ratings) {
            rated.rating = Some(*rating);
            rated.evidence.clone_from(evidence);
        }
        let mut plan = Vec::new();
        for step in &review.plan {
            plan.push(PlanStep {
                due_on: shift.maybe(step.due_on)?,
                ..step.clone()
            });
        }
        store.apply(Command::Add(AnyRecord::ReadinessReview(ReadinessReview {
            achievement: review.achievement,
            self_selected_out: review.self_selected_out,
            recommendation: review.recommendation,
            rationale: review.rationale.clone(),
            notes: review.notes.clone(),
            plan,
            review_on: shift.maybe(review.review_on)?,
            ..ratings
        })))?;
    }
    Ok(())
}
