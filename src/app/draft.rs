//! Drafts of open forms. What is typed in any open form (and, in a check-in, its marks,
//! new actions and measurements) is kept in the file's draft table as the coach types, at
//! most once a second while typing, so that a kill, a closed terminal or a sleeping
//! machine loses nothing. It is offered back at the next start, named ("check-in with
//! Smith, Dan, 3 new actions"), and removed when the form is saved or thrown away.
//!
//! A draft's body is JSON with `"kind": "forms"`; a body without a kind is a visit from
//! capture (`Visit`), as every release before this one wrote them.

use crate::app::capture::Visit;
use crate::app::check_in::{Mark, Review};
use crate::app::keymap::{self, Context, Msg};
use crate::app::records::{
    ActionForm, CheckInForm, EndFocusForm, FeedbackForm, FocusForm, FollowUpForm, FormDraft,
    GoalForm, MarkForm, MeasureForm, NewRoundForm, ObservationForm, Origin, Purpose, ReadinessForm,
    SupportForm, TeacherForm,
};
use crate::app::workspace::Tab;
use crate::app::{App, Confirm, FormPopup, OnYes, Popup, Screen};
use crate::db::{Applied, Command, Draft};
use crate::model::{Action, Measure, TeacherFile};
use crate::text;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The kind tag of a forms draft.
const FORMS: &str = "forms";

/// The draft of the forms on screen: its row, and what was last written there.
#[derive(Debug, Clone, Default)]
pub struct Keeper {
    id: Option<String>,
    written: Option<String>,
    saved_at: Option<NaiveDateTime>,
}

/// What was decided in a check-in's brief: marks by action id, new actions, measurements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewDraft {
    pub marks: Vec<(String, Mark)>,
    pub new_actions: Vec<Action>,
    pub measures: Vec<Measure>,
}

impl ReviewDraft {
    fn of(review: &Review) -> ReviewDraft {
        ReviewDraft {
            marks: review
                .actions
                .iter()
                .filter(|(_, mark)| *mark != Mark::Open)
                .map(|(action, mark)| (action.meta.id.clone(), *mark))
                .collect(),
            new_actions: review.new_actions.clone(),
            measures: review.measures.clone(),
        }
    }

    /// The brief of `file` with these decisions taken again (marks on actions still open).
    fn review(&self, file: &TeacherFile) -> Review {
        let mut review = Review::new(file);
        for (action, mark) in &mut review.actions {
            if let Some((_, kept)) = self.marks.iter().find(|(id, _)| *id == action.meta.id) {
                *mark = *kept;
            }
        }
        review.new_actions.clone_from(&self.new_actions);
        for measure in &self.measures {
            review.take_measure(measure.clone());
        }
        review
    }
}

/// The screen the forms were open over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Place {
    Roster,
    Workspace { teacher_id: String, tab: usize },
    Rounds { walkthrough_id: Option<String> },
}

/// One form of the stack, with its check-in brief if it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptForm {
    pub form: FormDraft,
    pub review: Option<ReviewDraft>,
}

/// The open forms, bottom first (a check-in under the new action being written).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenForms {
    /// What it is, for the question that offers it back.
    pub about: String,
    pub place: Place,
    pub forms: Vec<KeptForm>,
}

/// A draft's body as read back.
#[derive(Debug)]
pub enum Kept {
    Visit(Box<Visit>),
    Forms(Box<OpenForms>),
}

impl Kept {
    pub fn read(body: &str) -> Result<Kept, serde_json::Error> {
        let value: Value = serde_json::from_str(body)?;
        if value.get("kind").and_then(Value::as_str) == Some(FORMS) {
            Ok(Kept::Forms(serde_json::from_value(value)?))
        } else {
            Ok(Kept::Visit(serde_json::from_value(value)?))
        }
    }
}

impl OpenForms {
    /// The body written to the draft table.
    pub fn body(&self) -> String {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Value::Object(fields) = &mut value {
            fields.insert("kind".into(), FORMS.into());
        }
        value.to_string()
    }
}

/// "check-in with Smith, Dan, 3 new actions, 1 measurement".
fn about(kept: &KeptForm, name: &str) -> String {
    let mut about = kept.form.origin.describe(name);
    if let Some(review) = &kept.review {
        for (n, one, many) in [
            (review.new_actions.len(), "new action", "new actions"),
            (review.marks.len(), "action marked", "actions marked"),
            (review.measures.len(), "measurement", "measurements"),
        ] {
            match n {
                0 => {}
                1 => about.push_str(&format!(", 1 {one}")),
                n => about.push_str(&format!(", {n} {many}")),
            }
        }
    }
    about
}

impl App {
    fn form_popups(&self) -> impl Iterator<Item = &FormPopup> {
        self.popups.iter().filter_map(|popup| match popup {
            Popup::Form(form) => Some(&**form),
            _ => None,
        })
    }

    /// The teacher's name as shown, for naming a draft.
    fn teacher_name(&self, id: &str) -> String {
        let name = match &self.screen {
            Screen::Workspace(w) if w.file.teacher.meta.id == id => Some(&w.file.teacher.name),
            _ => self
                .roster
                .all()
                .iter()
                .find(|row| row.teacher.meta.id == id)
                .map(|row| &row.teacher.name),
        };
        name.map_or_else(|| "a teacher".into(), |n| text::line(n).into_owned())
    }

    /// The open forms as a draft, when any of them holds something to lose.
    fn open_forms(&self) -> Option<(String, OpenForms)> {
        let worth_keeping = self
            .form_popups()
            .any(|popup| popup.is_dirty() && popup.purpose.origin().is_some());
        if !worth_keeping {
            return None;
        }
        let forms: Vec<KeptForm> = self
            .form_popups()
            .filter_map(|popup| {
                Some(KeptForm {
                    form: popup.purpose.draft()?,
                    review: popup.review.as_ref().map(ReviewDraft::of),
                })
            })
            .collect();
        let first = forms.first()?;
        let teacher_id = first
            .form
            .origin
            .teacher_id()
            .unwrap_or_default()
            .to_owned();
        let about = about(first, &self.teacher_name(&teacher_id));
        let place = match &self.screen {
            Screen::Workspace(w) => Place::Workspace {
                teacher_id: w.file.teacher.meta.id.clone(),
                tab: w.tab.index(),
            },
            Screen::Rounds(rounds) => Place::Rounds {
                walkthrough_id: rounds.open.as_ref().map(|r| r.walkthrough.meta.id.clone()),
            },
            _ => Place::Roster,
        };
        Some((
            teacher_id,
            OpenForms {
                about,
                place,
                forms,
            },
        ))
    }

    /// Brings the forms' draft in step with the screen: written when a form holds
    /// something (at most once a second when `typing`; the next tick catches up), removed
    /// when none does. A failure is shown and retried on the next change.
    pub(in crate::app) fn keep_form_draft(&mut self, typing: bool) {
        if self.store.is_read_only() {
            return;
        }
        let Some((teacher_id, forms)) = self.open_forms() else {
            if let Some(id) = self.form_draft.id.clone() {
                match self.store.delete_draft(&id) {
                    Ok(()) => self.form_draft = Keeper::default(),
                    Err(error) => {
                        self.warn(format!("the form's draft could not be removed: {error}"))
                    }
                }
            }
            return;
        };
        let body = forms.body();
        if self.form_draft.written.as_ref() == Some(&body) {
            return;
        }
        let now = self.now;
        let recent = |at: NaiveDateTime| (now - at).num_seconds() < 1;
        if typing && self.form_draft.saved_at.is_some_and(recent) {
            return;
        }
        let id = self
            .form_draft
            .id
            .get_or_insert_with(|| ulid::Ulid::new().to_string())
            .clone();
        match self.store.save_draft(&id, &teacher_id, &body) {
            Ok(()) => {
                self.form_draft.written = Some(body);
                self.form_draft.saved_at = Some(now);
            }
            Err(error) => self.warn(format!("the form's draft could not be saved: {error}")),
        }
    }

    /// Writes every draft that is behind what is on screen: before the app is closed by a
    /// signal, or leaves on an error.
    pub fn save_drafts(&mut self) {
        self.save_visit_draft();
        self.keep_form_draft(false);
    }

    /// Applies the command of a form being saved; when it is the last form kept in the
    /// draft, the draft is removed in the same transaction.
    pub(in crate::app) fn apply_form(&mut self, command: Command) -> Result<Applied, String> {
        let last = !self
            .form_popups()
            .any(|popup| popup.purpose.origin().is_some());
        match self.form_draft.id.clone() {
            Some(id) if last => {
                let applied = self.apply_finishing_draft(command, &id)?;
                self.form_draft = Keeper::default();
                Ok(applied)
            }
            _ => self.apply(command),
        }
    }

    /// Offers back, one question each, the drafts left by an earlier run.
    /// Claims a draft reopened here, so another window started meanwhile does not offer it.
    pub(in crate::app) fn hold_draft(&mut self, id: &str) {
        if let Err(error) = self.store.hold_draft(id) {
            self.warn(format!(
                "the draft could not be marked as open here: {error}"
            ));
        }
    }

    pub(in crate::app) fn offer_drafts(&mut self, drafts: Vec<Draft>) {
        let no = keymap::key_for(Context::Confirm, Msg::No);
        let (drafts, elsewhere): (Vec<Draft>, Vec<Draft>) =
            drafts.into_iter().partition(|draft| !draft.held_elsewhere);
        if !elsewhere.is_empty() {
            self.say(match elsewhere.len() {
                1 => "1 unfinished form is open in another coachlog window".to_string(),
                n => format!("{n} unfinished forms are open in other coachlog windows"),
            });
        }
        for draft in drafts {
            let (question, on_yes) = match Kept::read(&draft.body) {
                Ok(Kept::Visit(visit)) => (
                    format!(
                        "Resume the unfinished visit to {} (started {}, {})? {no} keeps it for later",
                        text::line(&visit.teacher_name),
                        visit.started.format("%a %-d %b %H:%M"),
                        visit.captured(),
                    ),
                    OnYes::ResumeVisit(visit),
                ),
                Ok(Kept::Forms(forms)) => (
                    format!(
                        "Reopen the unfinished {}? {no} keeps it for later",
                        text::line(&forms.about)
                    ),
                    OnYes::ResumeForms(draft.id, forms),
                ),
                Err(error) => {
                    self.warn(format!(
                        "a saved draft could not be read ({error}); it is kept in the file"
                    ));
                    continue;
                }
            };
            self.popups
                .push(Popup::Confirm(Confirm { question, on_yes }));
        }
    }

    /// Opens the forms of a draft again, whole, over the screen they were on; the draft
    /// goes on being kept under its id.
    pub(in crate::app) fn resume_forms(&mut self, draft_id: String, forms: &OpenForms) {
        let mut popups = Vec::new();
        for kept in &forms.forms {
            match self.reopen(kept) {
                Ok(popup) => popups.push(Popup::Form(Box::new(popup))),
                Err(error) => {
                    return self.warn(format!(
                        "The {} cannot be opened again ({error}); it is kept in the file",
                        text::line(&forms.about)
                    ));
                }
            }
        }
        match &forms.place {
            Place::Roster => self.show_roster(),
            Place::Workspace { teacher_id, tab } => {
                if let Some(mut workspace) = self.open_teacher(teacher_id) {
                    workspace.tab = Tab::ALL.get(*tab).copied().unwrap_or(Tab::Overview);
                    self.screen = Screen::Workspace(workspace);
                }
            }
            Place::Rounds { walkthrough_id } => match walkthrough_id {
                Some(id) => self.open_round(id, false),
                None => self.show_rounds(),
            },
        }
        if let Some(id) = forms.forms.first().and_then(|k| k.form.origin.teacher_id()) {
            let id = id.to_owned();
            self.roster.select_id(&id);
        }
        self.popups.extend(popups);
        self.form_draft = Keeper {
            id: Some(draft_id),
            ..Keeper::default()
        };
    }

    /// One kept form, opened again from its origin and filled in as it was.
    fn reopen(&self, kept: &KeptForm) -> Result<FormPopup, String> {
        let now = self.now;
        let file = |id: &str| match self.store.teacher_file(id) {
            Ok(Some(file)) => Ok(file),
            Ok(None) => Err("its teacher is no longer in the file".to_string()),
            Err(error) => Err(error.to_string()),
        };
        let round = |id: &str| match self.store.round(id) {
            Ok(Some(round)) => Ok(round),
            Ok(None) => Err("its round is no longer in the file".to_string()),
            Err(error) => Err(error.to_string()),
        };
        let mut review = None;
        let mut purpose = match &kept.form.origin {
            Origin::Teacher { existing } => Purpose::Teacher(TeacherForm::new(existing.as_ref())),
            Origin::Goal {
                teacher_id,
                existing,
            } => Purpose::Goal(GoalForm::new(teacher_id, existing.as_ref())),
            Origin::Measure { goal, existing } => {
                Purpose::Measure(MeasureForm::new(goal, existing.as_ref()))
            }
            Origin::CheckInMeasure { goal } => {
                Purpose::CheckInMeasure(MeasureForm::new(goal, None))
            }
            Origin::Focus {
                teacher_id,
                existing,
            } => Purpose::Focus(FocusForm::new(&file(teacher_id)?, existing.as_ref())),
            Origin::EndFocus { teacher_id, focus } => {
                Purpose::EndFocus(EndFocusForm::new(teacher_id, focus))
            }
            Origin::Observation {
                teacher_id,
                focus,
                existing,
            } => {
                let teacher = file(teacher_id)?.teacher;
                let form = ObservationForm::new(&teacher, focus.as_ref(), existing.as_ref(), now);
                Purpose::Observation(form)
            }
            Origin::CheckIn {
                teacher_id,
                existing,
            } => {
                let file = file(teacher_id)?;
                if existing.is_none() {
                    let kept = kept.review.as_ref();
                    review = Some(kept.map_or_else(|| Review::new(&file), |r| r.review(&file)));
                }
                let form = CheckInForm::new(&file.teacher, existing.as_ref());
                Purpose::CheckIn(form)
            }
            Origin::Action {
                teacher_id,
                existing,
            } => Purpose::Action(ActionForm::new(teacher_id, existing.as_ref())),
            Origin::CheckInAction { teacher_id } => {
                Purpose::CheckInAction(ActionForm::new(teacher_id, None))
            }
            Origin::Support {
                teacher_id,
                focus_id,
                existing,
            } => Purpose::Support(SupportForm::new(
                teacher_id,
                focus_id.as_deref(),
                &self.given_by(),
                existing.as_ref(),
            )),
            Origin::NewRound => {
                let teachers = self.store.teachers(false).map_err(|e| e.to_string())?;
                Purpose::NewRound(NewRoundForm::new(&teachers))
            }
            Origin::Feedback { teacher_id, opened } => {
                let file = file(teacher_id)?;
                let source = match opened.as_ref() {
                    crate::model::AnyRecord::Observation(visit) => {
                        crate::model::feedback::Source::Visit(visit)
                    }
                    crate::model::AnyRecord::CheckIn(check_in) => {
                        crate::model::feedback::Source::CheckIn(check_in)
                    }
                    _ => return Err("it is not about a visit or a check-in".into()),
                };
                Purpose::Feedback(FeedbackForm::new(&file, source))
            }
            Origin::FollowUp { walkthrough_id } => {
                let round = round(walkthrough_id)?;
                Purpose::FollowUp(
                    FollowUpForm::new(&round).ok_or("nobody in its round needs support now")?,
                )
            }
            Origin::Mark {
                walkthrough_id,
                teacher_id,
                stepping,
            } => {
                let round = round(walkthrough_id)?;
                let index = round
                    .classrooms
                    .iter()
                    .position(|(teacher, _)| teacher.meta.id == *teacher_id);
                let form = index.and_then(|index| MarkForm::new(&round, index, *stepping));
                Purpose::Mark(form.ok_or("its classroom is no longer in the round")?)
            }
            Origin::Readiness {
                criteria,
                school_id,
                school,
                ..
            } => {
                let schools = self.store.schools().map_err(|e| e.to_string())?;
                let at = match school_id {
                    Some(id) => schools
                        .iter()
                        .position(|s| s.meta.id == *id)
                        .ok_or("its school is no longer in the file")?,
                    None => *school,
                };
                let board = self.store.readiness_board().map_err(|e| e.to_string())?;
                let in_force = board.in_force();
                Purpose::Readiness(ReadinessForm::new(&schools, at, criteria, &in_force))
            }
        };
        purpose.restore(&kept.form, now);
        Ok(FormPopup { purpose, review })
    }
}
