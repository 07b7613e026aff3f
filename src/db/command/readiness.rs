//! The rules on a readiness review: a school it reviews, criteria with names, ratings
//! from 1 to 4, an achievement figure that is a number, and plan steps that say what.

use super::super::{Error, Result};
use super::{Writer, required};
use crate::model::readiness::RATING_RANGE;
use crate::model::{ReadinessReview, School};

impl Writer<'_> {
    pub(super) fn check_readiness_review(&self, review: &ReadinessReview) -> Result<()> {
        self.load::<School>(&review.school_id)?;
        for rated in &review.ratings {
            required(&rated.criterion, "each criterion's name")?;
            if rated.rating.is_some_and(|r| !RATING_RANGE.contains(&r)) {
                return Err(Error::Invalid(format!(
                    "a rating is from {} to {}",
                    RATING_RANGE.start(),
                    RATING_RANGE.end()
                )));
            }
        }
        if review.achievement.is_some_and(|a| !a.is_finite()) {
            return Err(Error::Invalid(
                "the achievement figure must be a number".into(),
            ));
        }
        for step in &review.plan {
            required(&step.what, "what each step of the plan is")?;
        }
        Ok(())
    }
}
