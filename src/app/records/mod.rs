//! The form of each record, and how a filled form becomes one store command. Each form
//! has its own field ids and reads its values into a typed struct; what a form is for and
//! its fields travel together in one `Purpose`, so a form cannot be read as another.

mod check_in;
mod feedback;
mod focus;
mod goal;
mod observation;
mod readiness;
mod round;
mod support;
mod teacher;
mod timeline;

pub use check_in::{ActionField, ActionForm, CheckInField, CheckInForm};
pub use feedback::{FeedbackField, FeedbackForm, FeedbackRequest};
pub use focus::{EndFocusField, EndFocusForm, FocusField, FocusForm};
pub use goal::{GoalField, GoalForm, MeasureField, MeasureForm};
pub use observation::{FinishVisitForm, ObservationField, ObservationForm, VisitField};
pub use readiness::{ReadinessField, ReadinessForm};
pub use round::{FollowUpField, FollowUpForm, MarkField, MarkForm, NewRoundForm, RoundField};
pub use support::{SupportField, SupportForm};
pub use teacher::{TeacherField, TeacherForm, TeacherValues};
pub use timeline::{DatesField, TimelineDatesForm};

use super::form::Form;
use crate::db::Command;
use crate::model::{Action, AnyRecord, LocalTime, Measure, Zone};
use chrono::{NaiveDate, NaiveDateTime};

/// A form on screen and what it is for: the record it adds or edits, what it needs to
/// know, and its fields, addressed by that form's own ids.
#[derive(Debug, Clone)]
pub enum Purpose {
    Teacher(TeacherForm),
    Goal(GoalForm),
    Measure(MeasureForm),
    /// A new focus (asking how the one it replaces ended) or an edited one.
    Focus(FocusForm),
    EndFocus(EndFocusForm),
    Observation(ObservationForm),
    CheckIn(CheckInForm),
    Action(ActionForm),
    /// Support given to a teacher, new or edited.
    Support(SupportForm),
    /// A new action agreed in the check-in being written: collected into it, and saved
    /// with it.
    CheckInAction(ActionForm),
    /// A measurement of the active goal taken in the check-in being written: collected
    /// into it, and saved with it.
    CheckInMeasure(MeasureForm),
    /// Rating a captured visit; saving it turns the draft into an observation.
    FinishVisit(FinishVisitForm),
    /// The timeline's date range.
    TimelineDates(TimelineDatesForm),
    /// A new walkthrough round over some classrooms.
    NewRound(NewRoundForm),
    /// One classroom's mark in a round.
    Mark(MarkForm),
    /// An action for each teacher a round found needing more support.
    FollowUp(FollowUpForm),
    /// Feedback for the teacher from an observation or a check-in.
    Feedback(FeedbackForm),
    /// A new readiness review of a school.
    Readiness(ReadinessForm),
}

/// Runs `$body` with `$form` bound to whichever form `$purpose` holds.
macro_rules! each_form {
    ($purpose:expr, $form:ident => $body:expr) => {
        match $purpose {
            Purpose::Teacher($form) => $body,
            Purpose::Goal($form) => $body,
            Purpose::Measure($form) | Purpose::CheckInMeasure($form) => $body,
            Purpose::Focus($form) => $body,
            Purpose::EndFocus($form) => $body,
            Purpose::Observation($form) => $body,
            Purpose::CheckIn($form) => $body,
            Purpose::Action($form) | Purpose::CheckInAction($form) => $body,
            Purpose::Support($form) => $body,
            Purpose::FinishVisit($form) => $body,
            Purpose::TimelineDates($form) => $body,
            Purpose::NewRound($form) => $body,
            Purpose::Mark($form) => $body,
            Purpose::FollowUp($form) => $body,
            Purpose::Feedback($form) => $body,
            Purpose::Readiness($form) => $body,
        }
    };
}

mod draft;
pub use draft::{FormDraft, Origin};

impl Purpose {
    /// The form, for what every form shares: drawing, typing, moving between fields.
    pub fn form(&self) -> &Form {
        each_form!(self, purpose => purpose.fields.form())
    }

    pub fn form_mut(&mut self) -> &mut Form {
        each_form!(self, purpose => purpose.fields.form_mut())
    }

    /// Brings the suggestions and hints that depend on a kind chosen in the form up to
    /// date (a round follow-up's, a support's usual minutes, a readiness review's school);
    /// cheap when nothing changed. Returns what the user should be told, if anything.
    pub fn follow_kind(&mut self) -> Option<String> {
        match self {
            Purpose::FollowUp(form) => form.follow_kind(),
            Purpose::Support(form) => form.follow_kind(),
            Purpose::Readiness(form) => return form.follow_school(),
            _ => {}
        }
        None
    }

    /// Flips the "private" toggle of the forms that have one; false on the others.
    pub fn flip_private(&mut self, now: NaiveDateTime) -> bool {
        match self {
            Purpose::Observation(observation) => {
                observation.fields.flip(ObservationField::Private, now)
            }
            Purpose::CheckIn(check_in) => check_in.fields.flip(CheckInField::Private, now),
            Purpose::Support(support) => support.fields.flip(SupportField::Private, now),
            Purpose::FinishVisit(visit) => visit.fields.flip(VisitField::Private, now),
            _ => false,
        }
    }

    /// What the filled form asks for, or what is wrong with it. `review` is the brief of a
    /// new check-in: the marks made there and the actions agreed are saved with the
    /// check-in.
    pub fn submit(
        &self,
        review: Option<&super::check_in::Review>,
        now: LocalTime,
        zone: Zone,
    ) -> Result<Submit, String> {
        let today = now.date();
        let command = match self {
            Purpose::Teacher(teacher) => teacher.command()?,
            Purpose::Goal(goal) => goal.command(today)?,
            Purpose::Measure(measure) => measure.command(today)?,
            Purpose::Focus(focus) => focus.command(today)?,
            Purpose::EndFocus(end) => end.command(today)?,
            Purpose::Observation(observation) => observation.command(now, zone)?,
            Purpose::CheckIn(check_in) => check_in.command(review, today)?,
            Purpose::Action(action) => action.command(today)?,
            Purpose::Support(support) => support.command(today)?,
            Purpose::CheckInAction(action) => {
                return Ok(Submit::CollectAction(action.action(today)?));
            }
            Purpose::CheckInMeasure(measure) => {
                return Ok(Submit::CollectMeasure(measure.measure(today)?));
            }
            Purpose::FinishVisit(visit) => visit.command(now)?,
            Purpose::TimelineDates(dates) => {
                let (from, to) = dates.range(today)?;
                return Ok(Submit::ShowDates { from, to });
            }
            Purpose::NewRound(round) => round.command(today)?,
            Purpose::Mark(mark) => mark.command(now)?,
            Purpose::FollowUp(follow_up) => follow_up.command(today)?,
            Purpose::Feedback(feedback) => return Ok(Submit::ShareFeedback(feedback.request()?)),
            Purpose::Readiness(review) => review.command(today)?,
        };
        Ok(Submit::Write(command))
    }
}

/// What a filled form asks for.
#[derive(Debug, Clone)]
pub enum Submit {
    /// One change, through the write path.
    Write(Command),
    /// An action collected into the check-in being written.
    CollectAction(Action),
    /// A measurement collected into the check-in being written.
    CollectMeasure(Measure),
    /// Feedback to make for the teacher, keep on its record and hand over.
    ShareFeedback(FeedbackRequest),
    /// The timeline's date range (a view setting, not a record).
    ShowDates {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

const DATE_HINT: &str = "today, fri, +14d, 2026-12-01";

fn words<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
    all.iter().map(ToString::to_string).collect()
}

fn day(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn number(value: Option<f64>) -> String {
    value.map(crate::text::number).unwrap_or_default()
}

/// The item of `all` at `index`, the last one past the end.
fn pick<T: Copy>(all: &[T], index: usize) -> T {
    all[index.min(all.len() - 1)]
}

/// A new record is added; an edited one is revised from the record the form was opened
/// on, so that only the fields the user changed are written.
fn edit_or_add<R: Clone + Into<AnyRecord>>(opened: Option<&R>, record: R) -> Command {
    match opened {
        Some(opened) => Command::revise(opened.clone(), record),
        None => Command::Add(record.into()),
    }
}

#[cfg(test)]
mod test_support {
    use chrono::{NaiveDate, NaiveDateTime};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    /// Monday 23 November 2026, 10:42.
    pub fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 42, 0))
            .unwrap()
    }

    /// The same moment, in UTC.
    pub fn local_now() -> crate::model::LocalTime {
        crate::model::LocalTime::utc_wall(now())
    }

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Types `text` into the form's active field, key by key.
    pub fn type_text(form: &mut super::Form, text: &str) {
        for c in text.chars() {
            form.input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::now;
    use super::*;
    use crate::model::{CheckIn, Observation, Teacher};

    #[test]
    fn ctrl_p_makes_private_the_forms_that_have_privacy_and_only_those() {
        let teacher = Teacher::default();
        let mut observation =
            Purpose::Observation(ObservationForm::new(&teacher, None, None, now()));
        let mut check_in = Purpose::CheckIn(CheckInForm::new(&teacher, None));
        let mut other = Purpose::Teacher(TeacherForm::new(None));
        for purpose in [&mut observation, &mut check_in, &mut other] {
            purpose.flip_private(now());
        }
        let Purpose::Observation(observation) = observation else {
            unreachable!()
        };
        let Purpose::CheckIn(check_in) = check_in else {
            unreachable!()
        };
        assert_eq!(
            observation.fields.toggle(ObservationField::Private),
            Ok(true)
        );
        assert_eq!(check_in.fields.toggle(CheckInField::Private), Ok(true));
        assert!(
            !other.flip_private(now()),
            "a teacher has no privacy toggle"
        );
        assert!(!other.form().is_dirty());
    }

    #[test]
    fn an_edited_record_submits_what_it_was() {
        let existing = CheckIn {
            notes: "Warm-ups".into(),
            held_on: test_support::date(2026, 11, 16),
            ..CheckIn::default()
        };
        let form = CheckInForm::new(&Teacher::default(), Some(&existing));
        let Ok(Submit::Write(Command::Revise { opened, edited })) =
            Purpose::CheckIn(form).submit(None, test_support::local_now(), Zone::Utc)
        else {
            panic!("an edited check-in is saved as an edit")
        };
        assert_eq!(*opened, AnyRecord::CheckIn(existing.clone()));
        let AnyRecord::CheckIn(saved) = *edited else {
            panic!("a check-in")
        };
        assert_eq!(saved, existing);
        let observation = Observation {
            evidence: "Target posted".into(),
            observed_at: test_support::local_now(),
            ..Observation::default()
        };
        let form = ObservationForm::new(&Teacher::default(), None, Some(&observation), now());
        let Ok(Submit::Write(Command::Revise { opened, edited })) =
            Purpose::Observation(form).submit(None, test_support::local_now(), Zone::Utc)
        else {
            panic!("an edited observation is saved as an edit")
        };
        assert_eq!(*opened, AnyRecord::Observation(observation.clone()));
        let AnyRecord::Observation(saved) = *edited else {
            panic!("an observation")
        };
        assert_eq!(saved, observation);
    }
}
