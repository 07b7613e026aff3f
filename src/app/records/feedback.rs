//! The small form filled in before feedback is made for the teacher: one strength, one
//! next step (suggested from the focus's look-fors not seen) and whether the ratings go in.

use crate::app::form::{Field, Keyed};
use crate::model::feedback::{Choices, Source, suggest};
use crate::model::{AnyRecord, TeacherFile};
use crate::text;

/// A field of the form, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FeedbackField {
    /// What the note is made from, shown for context.
    From,
    Strength,
    NextStep,
    Ratings,
}

/// The feedback form for one observation or check-in.
#[derive(Debug, Clone)]
pub struct FeedbackForm {
    pub fields: Keyed<FeedbackField>,
    pub teacher_id: String,
    /// The observation or check-in as the form was opened on it: the feedback is kept on
    /// it, written only if no other window changed those fields meanwhile.
    pub opened: AnyRecord,
}

/// What the filled form asks for: a note made from `opened`, with these choices.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackRequest {
    pub teacher_id: String,
    pub opened: AnyRecord,
    pub choices: Choices,
}

impl FeedbackForm {
    /// The form for `source` of `file` (a source that may be shared). A strength and next
    /// step shared before are offered again; else the next step is the suggested one.
    pub fn new(file: &TeacherFile, source: Source<'_>) -> FeedbackForm {
        use FeedbackField as F;
        let (about, opened, strength, next_step) = match source {
            Source::Visit(visit) => (
                format!(
                    "the visit of {}",
                    visit.observed_at.format("%a %-d %b %H:%M")
                ),
                AnyRecord::Observation(visit.clone()),
                visit.feedback_strength.clone(),
                visit.feedback_next_step.clone(),
            ),
            Source::CheckIn(check_in) => (
                format!("the check-in of {}", check_in.held_on.format("%a %-d %b")),
                AnyRecord::CheckIn(check_in.clone()),
                check_in.feedback_strength.clone(),
                check_in.feedback_next_step.clone(),
            ),
        };
        let next_step = if next_step.is_empty() {
            suggest(file, source).unwrap_or_default()
        } else {
            next_step
        };
        let mut fields = Keyed::new(
            format!("Feedback for {}", text::line(&file.teacher.name)),
            vec![
                (F::From, Field::info("From", &about)),
                (
                    F::Strength,
                    Field::line("Strength", &strength)
                        .hint("one thing that worked, in a sentence")
                        .required(),
                ),
                (
                    F::NextStep,
                    Field::line("Next step", &next_step)
                        .hint("one thing to try next")
                        .required(),
                ),
                (F::Ratings, Field::toggle("Put ratings in", false)),
            ],
        );
        fields.focus(F::Strength);
        FeedbackForm {
            fields,
            teacher_id: file.teacher.meta.id.clone(),
            opened,
        }
    }

    /// The note asked for, or what is missing.
    pub fn request(&self) -> Result<FeedbackRequest, String> {
        use FeedbackField as F;
        let choices = Choices {
            strength: self.fields.line(F::Strength)?,
            next_step: self.fields.line(F::NextStep)?,
            ratings: self.fields.toggle(F::Ratings)?,
        };
        Ok(FeedbackRequest {
            teacher_id: self.teacher_id.clone(),
            opened: self.opened.clone(),
            choices,
        })
    }
}
