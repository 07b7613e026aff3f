//! How an open form is kept in a draft: what it was for (the record it edits, the teacher,
//! goal or round it belongs to, by id or as it was loaded) and each field's content, so
//! that it can be built again as it was opened and filled in again.

use super::Purpose;
use crate::app::form::FieldState;
use crate::model::{
    Action, AnyRecord, CheckIn, Focus, Goal, Measure, Observation, Support, Teacher,
};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a form was for, enough to open the same form again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Origin {
    Teacher {
        existing: Option<Teacher>,
    },
    Goal {
        teacher_id: String,
        existing: Option<Goal>,
    },
    Measure {
        goal: Goal,
        existing: Option<Measure>,
    },
    CheckInMeasure {
        goal: Goal,
    },
    Focus {
        teacher_id: String,
        existing: Option<Focus>,
    },
    EndFocus {
        teacher_id: String,
        focus: Focus,
    },
    Observation {
        teacher_id: String,
        focus: Option<Focus>,
        existing: Option<Observation>,
    },
    CheckIn {
        teacher_id: String,
        existing: Option<CheckIn>,
    },
    Action {
        teacher_id: String,
        existing: Option<Action>,
    },
    CheckInAction {
        teacher_id: String,
    },
    Support {
        teacher_id: String,
        focus_id: Option<String>,
        existing: Option<Support>,
    },
    NewRound,
    FollowUp {
        walkthrough_id: String,
    },
    /// Feedback for the teacher, from the observation or check-in as the form opened it.
    Feedback {
        teacher_id: String,
        opened: Box<AnyRecord>,
    },
    Mark {
        walkthrough_id: String,
        teacher_id: String,
        stepping: bool,
    },
    /// A new readiness review of the school `school_id` (its fields made for it), named
    /// `school_name` (the school chosen in the form, as the question offering it back
    /// says), on the settings' criteria unless the school's review in force has its own.
    /// Kept by id: a school added meanwhile cannot shift it. Drafts written before the id
    /// was kept have the school's place among the schools by name, `school`.
    Readiness {
        criteria: Vec<String>,
        #[serde(default)]
        school_id: Option<String>,
        #[serde(default)]
        school_name: String,
        #[serde(default, skip_serializing)]
        school: usize,
    },
}

impl Origin {
    /// The teacher the form is about, if it is about one.
    pub fn teacher_id(&self) -> Option<&str> {
        match self {
            Origin::Teacher { existing } => existing.as_ref().map(|t| t.meta.id.as_str()),
            Origin::Measure { goal, .. } | Origin::CheckInMeasure { goal } => {
                Some(&goal.teacher_id)
            }
            Origin::Goal { teacher_id, .. }
            | Origin::Focus { teacher_id, .. }
            | Origin::EndFocus { teacher_id, .. }
            | Origin::Observation { teacher_id, .. }
            | Origin::CheckIn { teacher_id, .. }
            | Origin::Action { teacher_id, .. }
            | Origin::CheckInAction { teacher_id }
            | Origin::Support { teacher_id, .. }
            | Origin::Mark { teacher_id, .. }
            | Origin::Feedback { teacher_id, .. } => Some(teacher_id),
            Origin::NewRound | Origin::FollowUp { .. } | Origin::Readiness { .. } => None,
        }
    }

    /// What the form is, said about `name` (the teacher's): "check-in with Smith, Dan".
    pub fn describe(&self, name: &str) -> String {
        let (new, editing) = match self {
            Origin::Teacher { existing } => {
                return match existing {
                    Some(_) => format!("edit of the teacher {name}"),
                    None => "new teacher".into(),
                };
            }
            Origin::Goal { existing, .. } => ("goal", existing.is_some()),
            Origin::Measure { existing, .. } => ("measurement", existing.is_some()),
            Origin::CheckInMeasure { .. } => ("measurement", false),
            Origin::Focus { existing, .. } => ("focus", existing.is_some()),
            Origin::EndFocus { .. } => return format!("end of {name}'s focus"),
            Origin::Observation { existing, .. } => ("observation", existing.is_some()),
            Origin::CheckIn { existing, .. } => ("check-in", existing.is_some()),
            Origin::Action { existing, .. } => ("action", existing.is_some()),
            Origin::CheckInAction { .. } => ("action", false),
            Origin::Support { existing, .. } => ("support", existing.is_some()),
            Origin::NewRound => return "new walkthrough round".into(),
            Origin::FollowUp { .. } => return "follow-up of a walkthrough round".into(),
            Origin::Feedback { .. } => return format!("feedback for {name}"),
            Origin::Mark { .. } => return format!("walkthrough mark of {name}'s classroom"),
            Origin::Readiness { school_name, .. } if !school_name.trim().is_empty() => {
                return format!("readiness review of {}", school_name.trim());
            }
            Origin::Readiness { .. } => return "readiness review of a school".into(),
        };
        match (editing, self) {
            (true, _) => format!("edit of a {new} of {name}"),
            (false, Origin::CheckIn { .. }) => format!("check-in with {name}"),
            (false, Origin::Observation { .. }) => format!("observation of {name}"),
            (false, _) => format!("new {new} for {name}"),
        }
    }
}

/// One open form as kept: what it was for, its fields' content, and where the cursor was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    pub origin: Origin,
    /// Each field's content under the form's own id for it.
    pub fields: Vec<(Value, FieldState)>,
    pub active: usize,
}

impl Purpose {
    /// What the form is for, as a draft keeps it; none for the forms that are not kept
    /// (a visit's rating, whose visit has its own draft, the timeline's dates, which
    /// are a view setting, and feedback's two lines).
    pub fn origin(&self) -> Option<Origin> {
        Some(match self {
            Purpose::Teacher(form) => Origin::Teacher {
                existing: form.existing.clone(),
            },
            Purpose::Goal(form) => Origin::Goal {
                teacher_id: form.teacher_id.clone(),
                existing: form.existing.clone(),
            },
            Purpose::Measure(form) => Origin::Measure {
                goal: form.goal.clone(),
                existing: form.existing.clone(),
            },
            Purpose::CheckInMeasure(form) => Origin::CheckInMeasure {
                goal: form.goal.clone(),
            },
            Purpose::Focus(form) => Origin::Focus {
                teacher_id: form.teacher_id.clone(),
                existing: form.existing.clone(),
            },
            Purpose::EndFocus(form) => Origin::EndFocus {
                teacher_id: form.teacher_id.clone(),
                focus: form.focus.clone(),
            },
            Purpose::Observation(form) => Origin::Observation {
                teacher_id: form.teacher_id.clone(),
                focus: form.focus.clone(),
                existing: form.existing.clone(),
            },
            Purpose::CheckIn(form) => Origin::CheckIn {
                teacher_id: form.teacher_id.clone(),
                existing: form.existing.clone(),
            },
            Purpose::Action(form) => Origin::Action {
                teacher_id: form.teacher_id.clone(),
                existing: form.existing.clone(),
            },
            Purpose::CheckInAction(form) => Origin::CheckInAction {
                teacher_id: form.teacher_id.clone(),
            },
            Purpose::Support(form) => Origin::Support {
                teacher_id: form.teacher_id.clone(),
                focus_id: form.focus_id.clone(),
                existing: form.existing.clone(),
            },
            Purpose::NewRound(_) => Origin::NewRound,
            Purpose::FollowUp(form) => Origin::FollowUp {
                walkthrough_id: form.walkthrough_id.clone(),
            },
            Purpose::Mark(form) => Origin::Mark {
                walkthrough_id: form.walkthrough.meta.id.clone(),
                teacher_id: form.teacher_id.clone(),
                stepping: form.stepping,
            },
            // Two short lines, made again from the record in a moment.
            Purpose::Feedback(form) => Origin::Feedback {
                teacher_id: form.teacher_id.clone(),
                opened: Box::new(form.opened.clone()),
            },
            Purpose::Readiness(form) => Origin::Readiness {
                criteria: form.settings_criteria.clone(),
                school_id: form.schools.get(form.school).map(|s| s.meta.id.clone()),
                school_name: form.chosen_name().unwrap_or_default(),
                school: form.school,
            },
            Purpose::FinishVisit(_) | Purpose::TimelineDates(_) => {
                return None;
            }
        })
    }

    /// The form as a draft keeps it, if it is one that is kept.
    pub fn draft(&self) -> Option<FormDraft> {
        Some(FormDraft {
            origin: self.origin()?,
            fields: each_form!(self, form => form.fields.states()),
            active: self.form().active,
        })
    }

    /// Fills the form (opened again from its origin) with what the draft kept.
    pub fn restore(&mut self, draft: &FormDraft, now: NaiveDateTime) {
        each_form!(self, form => form.fields.restore(&draft.fields, now));
        self.follow_kind();
        let form = self.form_mut();
        if draft.active < form.fields().len() {
            form.active = draft.active;
        }
    }
}
