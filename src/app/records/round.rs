//! The forms of a walkthrough round: a new round (the practice, the day, the classrooms)
//! and one classroom's mark.

use super::words;
use crate::app::form::{Field, Keyed};
use crate::app::rounds::mark_observation;
use crate::db::Command;
use crate::model::{
    Action, AnyRecord, Focus, LocalTime, Outcome, PracticeMark, Round, Support, SupportKind,
    Teacher, Walkthrough,
};
use crate::text;
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoundField {
    Practice,
    Day,
    Group,
    Classrooms,
}

/// The form for a new round: the practice, the day, a group when people are in any, and
/// the classrooms (all ticked, or the group's).
#[derive(Debug, Clone)]
pub struct NewRoundForm {
    pub fields: Keyed<RoundField>,
    /// The teachers in the checklist's order.
    pub teacher_ids: Vec<String>,
    /// The groups the Group field offers after "everyone", in its order, and each
    /// teacher's groups, in the checklist's order.
    groups: Vec<String>,
    tags: Vec<Vec<String>>,
    /// Whether each person teaches a class: a round visits classrooms, so school leaders
    /// and coaches stay listed but are not ticked for one.
    teaches: Vec<bool>,
}

impl NewRoundForm {
    pub fn new(teachers: &[Teacher]) -> NewRoundForm {
        let teaches: Vec<bool> = teachers.iter().map(|t| t.role.is_teacher()).collect();
        let names = teachers
            .iter()
            .map(|t| text::line(&t.name).into_owned())
            .collect();
        let groups = crate::model::people::groups(teachers);
        let group = (!groups.is_empty()).then(|| {
            let options = std::iter::once("everyone".to_string())
                .chain(groups.iter().map(|g| format!("#{}", text::line(g))))
                .collect();
            (RoundField::Group, Field::choice("Group", options, 0))
        });
        let fields = Keyed::new(
            "New walkthrough round",
            [
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
            ]
            .into_iter()
            .chain(group)
            .chain([(
                RoundField::Classrooms,
                Field::checks("Classrooms", names, |_| false),
            )])
            .collect(),
        );
        let mut fields = fields;
        if let Some(field) = fields.field_mut(RoundField::Classrooms) {
            field.tick(&teaches);
        }
        NewRoundForm {
            fields,
            teacher_ids: teachers.iter().map(|t| t.meta.id.clone()).collect(),
            groups,
            tags: teachers.iter().map(|t| t.tags.clone()).collect(),
            teaches,
        }
    }

    /// Ticks the classrooms of the group chosen (every teacher's for "everyone"; people in
    /// other roles have none); called when the Group field changes, so the list can still
    /// be changed by hand after.
    pub fn follow_group(&mut self) {
        let Ok(choice) = self.fields.choice(RoundField::Group) else {
            return;
        };
        let group = choice.checked_sub(1).and_then(|i| self.groups.get(i));
        let ticked: Vec<bool> = self
            .tags
            .iter()
            .zip(&self.teaches)
            .map(|(tags, teaches)| {
                *teaches
                    && group.is_none_or(|group| {
                        tags.iter()
                            .any(|t| crate::model::people::same_tag(t, group))
                    })
            })
            .collect();
        if let Some(field) = self.fields.field_mut(RoundField::Classrooms) {
            field.tick(&ticked);
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
        // Only what was typed: the text made for a mark without a note is made again.
        let note = previous
            .as_ref()
            .map(|o| crate::model::typed_note(&round.walkthrough, o).to_owned())
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
    /// An action, a support or a new focus.
    With,
    What,
    Owner,
    Due,
    /// How a teacher's current focus ends when a new one takes its place.
    Ended,
    Teachers,
}

/// What a round's follow-up gives each teacher ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpWith {
    /// Something to do (what, by whom, by when).
    Action,
    /// Co-planning on the practice, given today.
    Support,
    /// The practice as the teacher's one focus from today.
    Focus,
}

impl FollowUpWith {
    const ALL: [FollowUpWith; 3] = [
        FollowUpWith::Action,
        FollowUpWith::Support,
        FollowUpWith::Focus,
    ];

    fn label(self) -> &'static str {
        match self {
            FollowUpWith::Action => "an action",
            FollowUpWith::Support => "a support (co-planning)",
            FollowUpWith::Focus => "a new focus",
        }
    }

    /// What each teacher was given, for the status line: "an action", "a support".
    fn given(self) -> &'static str {
        match self {
            FollowUpWith::Action => "an action",
            FollowUpWith::Support => "a support",
            FollowUpWith::Focus => "a new focus",
        }
    }
}

/// The follow-up's What: an action's or a support's words (co-planning the practice
/// unless others are typed), or a new focus's statement (the practice itself).
fn what_field(with: FollowUpWith, practice: &str, typed: &str) -> Field {
    let suggested = match with {
        FollowUpWith::Action | FollowUpWith::Support => format!("Co-plan a lesson: {practice}"),
        FollowUpWith::Focus => practice.to_owned(),
    };
    Field::line("What", typed).required().default_to(&suggested)
}

/// Who does the action or gives the support; a new focus is the teacher's own.
fn owner_field(with: FollowUpWith, typed: &str) -> Field {
    match with {
        FollowUpWith::Action | FollowUpWith::Support => {
            Field::line("Who", typed).required().default_to("coach")
        }
        FollowUpWith::Focus => Field::line("Who", typed).hint("not needed for a new focus"),
    }
}

/// An action's due date; a support is given today and a new focus starts today.
fn due_field(with: FollowUpWith, typed: &str) -> Field {
    Field::date("Due", typed).hint(match with {
        FollowUpWith::Action => "fri, +14d, 2026-12-01",
        FollowUpWith::Support => "not needed: a support is given today",
        FollowUpWith::Focus => "not needed: a new focus starts today",
    })
}

/// The current focus's ending is asked only of a new focus.
fn ended_label(with: FollowUpWith) -> &'static str {
    match with {
        FollowUpWith::Focus => "Current focus",
        FollowUpWith::Action | FollowUpWith::Support => "(if new focus)",
    }
}

/// How a current focus ends when a round's follow-up sets a new one, in the order offered.
const ENDED: [Outcome; 3] = [Outcome::Replaced, Outcome::Achieved, Outcome::Dropped];

/// One follow-up for each teacher a round found needing more support (all ticked to
/// start): an action, a support or a new focus, added together: one step, undone as one.
#[derive(Debug, Clone)]
pub struct FollowUpForm {
    pub fields: Keyed<FollowUpField>,
    /// The kind the fields' suggestions and hints were last made for.
    shown_for: FollowUpWith,
    pub walkthrough_id: String,
    /// The round's practice: a new focus's statement unless another is typed.
    pub practice: String,
    /// The teachers in the checklist's order, each with whether a focus is active.
    pub teacher_ids: Vec<String>,
    pub has_focus: Vec<bool>,
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
                    FollowUpField::With,
                    Field::choice(
                        "Follow up with",
                        FollowUpWith::ALL.map(|w| w.label().to_owned()).to_vec(),
                        0,
                    ),
                ),
                (
                    FollowUpField::What,
                    what_field(FollowUpWith::Action, &practice, ""),
                ),
                (FollowUpField::Owner, owner_field(FollowUpWith::Action, "")),
                (FollowUpField::Due, due_field(FollowUpWith::Action, "")),
                (
                    FollowUpField::Ended,
                    Field::choice(ended_label(FollowUpWith::Action), words(&ENDED), 0),
                ),
                (
                    FollowUpField::Teachers,
                    Field::checks("Teachers", names, |_| true),
                ),
            ],
        );
        let mut fields = fields;
        // What to give comes first: the fields below say what they mean for it.
        fields.focus(FollowUpField::With);
        Some(FollowUpForm {
            fields,
            shown_for: FollowUpWith::Action,
            walkthrough_id: round.walkthrough.meta.id.clone(),
            practice,
            teacher_ids: teachers.iter().map(|t| t.meta.id.clone()).collect(),
            has_focus: teachers
                .iter()
                .map(|t| t.active_focus_id.is_some())
                .collect(),
        })
    }

    /// Makes the fields' suggestions and hints fit the kind chosen ("Follow up with"):
    /// an action's what and due date, a support's note, a new focus's statement, and the
    /// current focus's ending only for a new focus. What was typed stays.
    pub fn follow_kind(&mut self) {
        use FollowUpField as F;
        let Ok(with) = self.with() else { return };
        if with == self.shown_for {
            return;
        }
        self.shown_for = with;
        let typed = |fields: &Keyed<FollowUpField>, id| {
            fields.field(id).map(Field::text).unwrap_or_default()
        };
        let what = what_field(with, &self.practice, &typed(&self.fields, F::What));
        let owner = owner_field(with, &typed(&self.fields, F::Owner));
        let due = due_field(with, &typed(&self.fields, F::Due));
        for (id, field) in [(F::What, what), (F::Owner, owner), (F::Due, due)] {
            if let Some(shown) = self.fields.field_mut(id) {
                *shown = field;
            }
        }
        if let Some(ended) = self.fields.field_mut(F::Ended) {
            ended.header.label = ended_label(with);
        }
    }

    /// What the follow-up gives, as the form stands.
    fn with(&self) -> Result<FollowUpWith, String> {
        let choice = self.fields.choice(FollowUpField::With)?;
        Ok(FollowUpWith::ALL[choice.min(FollowUpWith::ALL.len() - 1)])
    }

    /// What saving the form did, for the status line ("Followed up with 2 teachers: an
    /// action each") and for undo ("the follow-up with 2 teachers"): each teacher got
    /// their own record, so naming only the first would undersell it.
    pub fn done(&self) -> (String, String) {
        let with = self.with().unwrap_or(FollowUpWith::Action);
        let ticked = self
            .fields
            .checked(FollowUpField::Teachers)
            .map_or(0, |checked| checked.iter().filter(|on| **on).count());
        let (teachers, each) = match ticked {
            1 => ("1 teacher".to_string(), ""),
            n => (format!("{n} teachers"), " each"),
        };
        (
            format!("Followed up with {teachers}: {}{each}", with.given()),
            format!("the follow-up with {teachers}"),
        )
    }

    /// One follow-up for each ticked teacher, in one command: actions or supports added
    /// together, or each teacher's new focus set (closing the current one as the form
    /// says) together.
    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        use FollowUpField as F;
        let fields = &self.fields;
        let with = self.with()?;
        let (what, owner) = (fields.line(F::What)?, fields.line(F::Owner)?);
        let due_on = fields.date(F::Due, today)?;
        let ended = super::pick(&ENDED, fields.choice(F::Ended)?);
        let typed = fields.field(F::What).map(Field::text).unwrap_or_default();
        let ticked: Vec<(&String, bool)> = self
            .teacher_ids
            .iter()
            .zip(&self.has_focus)
            .zip(fields.checked(F::Teachers)?)
            .filter(|(_, on)| *on)
            .map(|((teacher_id, has_focus), _)| (teacher_id, *has_focus))
            .collect();
        if ticked.is_empty() {
            return Err("Tick at least one teacher to follow up with".into());
        }
        let records = |make: &dyn Fn(&String) -> AnyRecord| {
            ticked.iter().map(|(id, _)| make(id)).collect::<Vec<_>>()
        };
        Ok(match with {
            FollowUpWith::Action => Command::AddAll(records(&|teacher_id| {
                AnyRecord::Action(Action {
                    teacher_id: teacher_id.clone(),
                    what: what.clone(),
                    owner: owner.clone(),
                    due_on,
                    ..Action::default()
                })
            })),
            FollowUpWith::Support => Command::AddAll(records(&|teacher_id| {
                let kind = SupportKind::CoPlanning;
                AnyRecord::Support(Support {
                    teacher_id: teacher_id.clone(),
                    kind,
                    given_on: today,
                    given_by: owner.clone(),
                    note: what.clone(),
                    minutes: Some(kind.default_minutes()),
                    ..Support::default()
                })
            })),
            FollowUpWith::Focus => {
                // The practice itself is the focus, unless another statement was typed.
                let statement = if typed.trim().is_empty() {
                    self.practice.clone()
                } else {
                    what
                };
                Command::All(
                    ticked
                        .iter()
                        .map(|(teacher_id, has_focus)| Command::SetFocus {
                            focus: Focus {
                                teacher_id: (*teacher_id).clone(),
                                statement: statement.clone(),
                                started_on: today,
                                ..Focus::default()
                            },
                            previous_outcome: has_focus.then_some(ended),
                        })
                        .collect(),
                )
            }
        })
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
    fn a_new_round_ticks_teachers_only_for_everyone_and_for_a_group() {
        use crate::model::Role;
        let person = |id: &str, role: Role| Teacher {
            role,
            tags: vec!["pilot".into()],
            ..teacher(id, id)
        };
        let mut form = NewRoundForm::new(&[
            person("ames", Role::Teacher),
            person("bell", Role::Leader),
            person("cole", Role::Coach),
            Teacher {
                tags: Vec::new(),
                ..person("diaz", Role::Teacher)
            },
        ]);
        let ticked = |form: &NewRoundForm| form.fields.checked(RoundField::Classrooms).unwrap();
        assert_eq!(ticked(&form), [true, false, false, true]);
        form.fields.focus(RoundField::Group);
        type_text(form.fields.form_mut(), "2");
        form.follow_group();
        assert_eq!(ticked(&form), [true, false, false, false], "#pilot");
        form.fields.focus(RoundField::Group);
        type_text(form.fields.form_mut(), "1");
        form.follow_group();
        assert_eq!(ticked(&form), [true, false, false, true], "everyone");
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
