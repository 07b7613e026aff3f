//! The forms of a walkthrough round: a new round (the practice, the day, the classrooms)
//! and one classroom's mark.

use crate::app::form::{Field, Keyed};
use crate::app::rounds::mark_observation;
use crate::db::Command;
use crate::model::{AnyRecord, LocalTime, PracticeMark, Round, Teacher, Walkthrough};
use crate::text;
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoundField {
    Practice,
    Day,
    Classrooms,
}

/// The form for a new round: the practice, the day, and the classrooms (all ticked).
#[derive(Debug, Clone)]
pub struct NewRoundForm {
    pub fields: Keyed<RoundField>,
    /// The teachers in the checklist's order.
    pub teacher_ids: Vec<String>,
}

impl NewRoundForm {
    pub fn new(teachers: &[Teacher]) -> NewRoundForm {
        let names = teachers
            .iter()
            .map(|t| text::line(&t.name).into_owned())
            .collect();
        let fields = Keyed::new(
            "New walkthrough round",
            vec![
                (
                    RoundField::Practice,
                    Field::line("Practice", "")
                        .required()
                        .hint("what to look for, e.g. students explain the learning target"),
                ),
                (
                    RoundField::Day,
                    Field::date("Day", "").required().default_to("today"),
                ),
                (
                    RoundField::Classrooms,
                    Field::checks("Classrooms", names, |_| true),
                ),
            ],
        );
        NewRoundForm {
            fields,
            teacher_ids: teachers.iter().map(|t| t.meta.id.clone()).collect(),
        }
    }

    /// The round the form describes: its practice, day and the ticked classrooms.
    pub fn round(&self, today: NaiveDate) -> Result<Walkthrough, String> {
        use RoundField as F;
        let fields = &self.fields;
        let teacher_ids = self
            .teacher_ids
            .iter()
            .zip(fields.checked(F::Classrooms)?)
            .filter(|(_, on)| *on)
            .map(|(id, _)| id.clone())
            .collect();
        Ok(Walkthrough {
            practice: fields.line(F::Practice)?,
            held_on: fields.needed(F::Day, fields.date(F::Day, today)?)?,
            teacher_ids,
            ..Walkthrough::default()
        })
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        Ok(Command::Add(AnyRecord::Walkthrough(self.round(today)?)))
    }
}

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MarkField {
    Practice,
    Note,
}

const MARKS: [&str; 3] = ["1 seen", "2 partly", "3 not seen"];

fn marks() -> Vec<String> {
    MARKS.map(String::from).to_vec()
}

/// The mark of one classroom: seen / partly / not seen, and a note; ⏎ saves.
#[derive(Debug, Clone)]
pub struct MarkForm {
    pub fields: Keyed<MarkField>,
    pub walkthrough: Box<Walkthrough>,
    pub teacher_id: String,
    /// Go on to the next unmarked classroom after saving.
    pub stepping: bool,
}

impl MarkForm {
    /// The form of the classroom at `index`, if the round has one there.
    pub fn new(round: &Round, index: usize, stepping: bool) -> Option<MarkForm> {
        let (teacher, previous) = round.classrooms.get(index)?;
        // A classroom marked before opens with its mark; a new one with none, so that ⏎
        // alone records nothing the coach did not pick.
        let choice = match previous.as_ref().and_then(|o| o.practice_mark) {
            Some(PracticeMark::Seen) => Some(0),
            Some(PracticeMark::Partly) => Some(1),
            Some(PracticeMark::NotSeen) => Some(2),
            None => None,
        };
        let note = previous
            .as_ref()
            .map(|o| o.evidence.clone())
            .unwrap_or_default();
        let mut fields = Keyed::new(
            format!(
                "{} · {} of {} · {}",
                text::line(&teacher.name),
                index + 1,
                round.classrooms.len(),
                text::line(&round.walkthrough.practice)
            ),
            vec![
                (
                    MarkField::Practice,
                    match choice {
                        Some(choice) => Field::choice("Mark", marks(), choice),
                        None => Field::pick("Mark", marks()),
                    },
                ),
                (
                    MarkField::Note,
                    Field::line("Note", &note).hint("optional: what you saw"),
                ),
            ],
        );
        fields.focus(MarkField::Practice);
        fields.form_mut().enter_saves = true;
        Some(MarkForm {
            fields,
            walkthrough: Box::new(round.walkthrough.clone()),
            teacher_id: teacher.meta.id.clone(),
            stepping,
        })
    }

    pub fn command(&self, now: LocalTime) -> Result<Command, String> {
        let fields = &self.fields;
        Ok(Command::Add(AnyRecord::Observation(mark_observation(
            &self.walkthrough,
            &self.teacher_id,
            fields.choice(MarkField::Practice)?,
            fields.line(MarkField::Note)?,
            now,
        ))))
    }
}

/// A field of the follow-up form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FollowUpField {
    What,
    Owner,
    Due,
    Teachers,
}

/// One action for each teacher a round found needing more support (all ticked to
/// start), added together: one step, undone as one.
#[derive(Debug, Clone)]
pub struct FollowUpForm {
    pub fields: Keyed<FollowUpField>,
    pub walkthrough_id: String,
    /// The teachers in the checklist's order.
    pub teacher_ids: Vec<String>,
}

impl FollowUpForm {
    /// The form for `round`; `None` when nobody in it needs more support.
    pub fn new(round: &Round) -> Option<FollowUpForm> {
        let teachers = round.need_support();
        if teachers.is_empty() {
            return None;
        }
        let names = teachers
            .iter()
            .map(|t| text::line(&t.name).into_owned())
            .collect();
        let practice = text::line(round.walkthrough.practice.trim()).into_owned();
        let fields = Keyed::new(
            "Follow up with the classrooms that need more support",
            vec![
                (
                    FollowUpField::What,
                    Field::line("Action", "")
                        .required()
                        .default_to(&format!("Co-plan a lesson: {practice}")),
                ),
                (
                    FollowUpField::Owner,
                    Field::line("Who", "").required().default_to("coach"),
                ),
                (
                    FollowUpField::Due,
                    Field::date("Due", "").hint(super::DATE_HINT),
                ),
                (
                    FollowUpField::Teachers,
                    Field::checks("Teachers", names, |_| true),
                ),
            ],
        );
        Some(FollowUpForm {
            fields,
            walkthrough_id: round.walkthrough.meta.id.clone(),
            teacher_ids: teachers.iter().map(|t| t.meta.id.clone()).collect(),
        })
    }

    /// One action for each ticked teacher, added in one command.
    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        use FollowUpField as F;
        let fields = &self.fields;
        let (what, owner) = (fields.line(F::What)?, fields.line(F::Owner)?);
        let due_on = fields.date(F::Due, today)?;
        let actions: Vec<AnyRecord> = self
            .teacher_ids
            .iter()
            .zip(fields.checked(F::Teachers)?)
            .filter(|(_, on)| *on)
            .map(|(teacher_id, _)| {
                AnyRecord::Action(crate::model::Action {
                    teacher_id: teacher_id.clone(),
                    what: what.clone(),
                    owner: owner.clone(),
                    due_on,
                    ..crate::model::Action::default()
                })
            })
            .collect();
        if actions.is_empty() {
            return Err("Tick at least one teacher to follow up with".into());
        }
        Ok(Command::AddAll(actions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{now, type_text};
    use crate::model::{Meta, Observation};

    fn teacher(id: &str, name: &str) -> Teacher {
        Teacher {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            name: name.into(),
            ..Teacher::default()
        }
    }

    #[test]
    fn a_new_round_visits_the_ticked_classrooms() {
        let mut form = NewRoundForm::new(&[teacher("a", "Ames"), teacher("b", "Bell")]);
        assert_eq!(form.round(now().date()), Err("Practice: required".into()));
        type_text(form.fields.form_mut(), "Students explain the target");
        form.fields.focus(RoundField::Classrooms);
        type_text(form.fields.form_mut(), "1");
        let round = form.round(now().date()).unwrap();
        assert_eq!(round.practice, "Students explain the target");
        assert_eq!(round.held_on, now().date());
        assert_eq!(round.teacher_ids, vec!["b".to_string()]);
    }

    #[test]
    fn a_classroom_marked_before_opens_with_its_mark_and_note() {
        let previous = Observation {
            practice_mark: Some(PracticeMark::NotSeen),
            evidence: "no target posted".into(),
            ..Observation::default()
        };
        let round = Round {
            walkthrough: Walkthrough::default(),
            classrooms: vec![(teacher("a", "Ames"), Some(previous))],
        };
        let form = MarkForm::new(&round, 0, true).unwrap();
        let Ok(Command::Add(AnyRecord::Observation(mark))) =
            form.command(crate::app::records::test_support::local_now())
        else {
            panic!("a mark is saved as an observation")
        };
        assert_eq!(mark.practice_mark, Some(PracticeMark::NotSeen));
        assert_eq!(
            (mark.evidence.as_str(), mark.teacher_id.as_str()),
            ("no target posted", "a")
        );
        assert!(MarkForm::new(&round, 1, true).is_none());
    }

    #[test]
    fn a_classroom_not_marked_yet_has_no_mark_until_one_is_picked() {
        let round = Round {
            walkthrough: Walkthrough::default(),
            classrooms: vec![(teacher("a", "Ames"), None)],
        };
        let mut form = MarkForm::new(&round, 0, true).unwrap();
        let now = crate::app::records::test_support::local_now();
        assert!(
            !form
                .fields
                .form_mut()
                .validate(crate::app::records::test_support::now())
        );
        assert_eq!(
            form.fields.form().error.as_deref(),
            Some("Mark: pick 1 seen, 2 partly or 3 not seen")
        );
        assert!(
            form.command(now).is_err(),
            "nothing is saved without a mark"
        );
        type_text(form.fields.form_mut(), "2");
        let Ok(Command::Add(AnyRecord::Observation(mark))) = form.command(now) else {
            panic!("a mark is saved as an observation")
        };
        assert_eq!(mark.practice_mark, Some(PracticeMark::Partly));
    }
}
