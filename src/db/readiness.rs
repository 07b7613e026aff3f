//! Readiness reviews: every review of a school, and the board of the reviews in force.

use super::record;
use super::{Result, Store};
use crate::model::readiness::latest_per_school;
use crate::model::{Board, ReadinessReview, Reviewed};

impl Store {
    /// Every live readiness review, oldest first.
    pub fn readiness_reviews(&self) -> Result<Vec<ReadinessReview>> {
        Ok(record::list(
            &self.conn,
            "1",
            "reviewed_on, updated_at, id",
            [],
        )?)
    }

    /// The review in force for a school (its latest), if it has one.
    pub fn readiness_review_of(&self, school_id: &str) -> Result<Option<ReadinessReview>> {
        let reviews: Vec<ReadinessReview> = record::list(
            &self.conn,
            "school_id = ?1",
            "reviewed_on, updated_at, id",
            [school_id],
        )?;
        Ok(latest_per_school(&reviews).first().map(|r| (*r).clone()))
    }

    /// The board of the reviews in force, one per live school reviewed.
    pub fn readiness_board(&self) -> Result<Board> {
        let schools = self.schools()?;
        let reviews = self.readiness_reviews()?;
        let reviewed = latest_per_school(&reviews)
            .into_iter()
            .filter_map(|review| {
                let school = schools.iter().find(|s| s.meta.id == review.school_id)?;
                Some(Reviewed {
                    school: school.name.clone(),
                    review: review.clone(),
                })
            })
            .collect();
        Ok(Board::new(reviewed))
    }
}
