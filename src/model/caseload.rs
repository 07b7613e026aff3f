//! A whole caseload as one value: every record of every kind, trash included, each list
//! in id order (ids are ULIDs, so that is the order they were made in). What a
//! whole-caseload export holds and an import reads.

use super::{
    Action, AnyRecord, CheckIn, Focus, Goal, Kind, Measure, Observation, ReadinessReview, School,
    Support, Teacher, Walkthrough,
};
use serde::{Deserialize, Serialize};

/// Every record, kind by kind.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Caseload {
    pub teachers: Vec<Teacher>,
    pub goals: Vec<Goal>,
    pub measures: Vec<Measure>,
    pub focuses: Vec<Focus>,
    pub walkthroughs: Vec<Walkthrough>,
    pub observations: Vec<Observation>,
    pub check_ins: Vec<CheckIn>,
    pub actions: Vec<Action>,
    /// Absent from files written before supports were kept.
    pub supports: Vec<Support>,
    /// Absent from files written before schools were records.
    pub schools: Vec<School>,
    /// Absent from files written before readiness reviews were kept.
    pub readiness_reviews: Vec<ReadinessReview>,
}

impl Caseload {
    /// Every record, teachers first, then what belongs to them.
    pub fn into_records(self) -> Vec<AnyRecord> {
        let mut records = Vec::new();
        records.extend(self.teachers.into_iter().map(AnyRecord::from));
        records.extend(self.goals.into_iter().map(AnyRecord::from));
        records.extend(self.measures.into_iter().map(AnyRecord::from));
        records.extend(self.focuses.into_iter().map(AnyRecord::from));
        records.extend(self.walkthroughs.into_iter().map(AnyRecord::from));
        records.extend(self.observations.into_iter().map(AnyRecord::from));
        records.extend(self.check_ins.into_iter().map(AnyRecord::from));
        records.extend(self.actions.into_iter().map(AnyRecord::from));
        records.extend(self.supports.into_iter().map(AnyRecord::from));
        records.extend(self.schools.into_iter().map(AnyRecord::from));
        records.extend(self.readiness_reviews.into_iter().map(AnyRecord::from));
        records
    }

    /// How many records of a kind it holds.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Teacher => self.teachers.len(),
            Kind::Goal => self.goals.len(),
            Kind::Measure => self.measures.len(),
            Kind::Focus => self.focuses.len(),
            Kind::Walkthrough => self.walkthroughs.len(),
            Kind::Observation => self.observations.len(),
            Kind::CheckIn => self.check_ins.len(),
            Kind::Action => self.actions.len(),
            Kind::Support => self.supports.len(),
            Kind::School => self.schools.len(),
            Kind::ReadinessReview => self.readiness_reviews.len(),
        }
    }
}

/// Which copy of a record is kept when two files hold the same record: the one changed
/// last (`updated_at`, UTC text of fixed width, so it orders as text), and on a tie the
/// one from the larger replica id, so that every file merging the two picks the same.
/// `true` when `incoming` should replace `kept`; the same version is never newer.
pub fn is_newer(incoming: &super::Meta, kept: &super::Meta) -> bool {
    (&incoming.updated_at, &incoming.replica_id) > (&kept.updated_at, &kept.replica_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn stamped(updated_at: &str, replica_id: &str) -> Meta {
        Meta {
            id: "T1".into(),
            updated_at: updated_at.into(),
            replica_id: replica_id.into(),
            ..Meta::default()
        }
    }

    #[test]
    fn the_copy_changed_last_wins_and_a_tie_goes_to_the_larger_replica() {
        let old = stamped("2026-11-20T10:00:00.000Z", "B");
        let new = stamped("2026-11-21T09:00:00.000Z", "A");
        assert!(is_newer(&new, &old));
        assert!(!is_newer(&old, &new));
        let tie = stamped("2026-11-20T10:00:00.000Z", "C");
        assert!(is_newer(&tie, &old), "same time: replica C beats B");
        assert!(!is_newer(&old, &tie));
        assert!(
            !is_newer(&old, &old.clone()),
            "the same version changes nothing"
        );
    }
}
