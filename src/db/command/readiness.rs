//! The rules on a readiness review: a school it reviews, criteria with names, its figures
//! as the domain has them (ratings from 1 to 4, an achievement from 0 to 100%), and plan
//! steps that say what.

use super::super::{Error, Result};
use super::{Writer, required};
use crate::model::{ReadinessReview, School};

impl Writer<'_> {
    pub(super) fn check_readiness_review(&self, review: &ReadinessReview) -> Result<()> {
        self.load::<School>(&review.school_id)?;
        for rated in &review.ratings {
            required(&rated.criterion, "each criterion's name")?;
        }
        review.check_figures().map_err(Error::Invalid)?;
        for step in &review.plan {
            required(&step.what, "what each step of the plan is")?;
        }
        Ok(())
    }
}
