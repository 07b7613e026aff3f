//! Walkthrough rounds (implementation walkthroughs after professional learning): pick one
//! practice and a set of classrooms, step through them marking seen / partly / not seen,
//! and end with who implements it and who needs more support.

use super::form::{Field, FieldKind, Form};
use super::records::Purpose;
use super::{App, Popup, Screen};
use crate::model::Round;
use crate::model::{Observation, PracticeMark, Teacher, Walkthrough};
use crate::text;

/// The rounds screen: the list of rounds, or one round open.
#[derive(Debug, Clone, Default)]
pub struct Rounds {
    pub list: Vec<Walkthrough>,
    pub selected: usize,
    /// The round being looked at, with its selected classroom.
    pub open: Option<Round>,
    pub classroom: usize,
}

const MARKS: [&str; 3] = ["1 seen", "2 partly", "3 not seen"];

/// The form for a new round: the practice, the day, and the classrooms (all ticked).
pub fn new_round_form(teachers: &[Teacher]) -> Form {
    let names = teachers
        .iter()
        .map(|t| text::line(&t.name).into_owned())
        .collect();
    Form::new(
        "New walkthrough round",
        vec![
            Field::new("Practice", FieldKind::Line)
                .required()
                .hint("what to look for, e.g. students explain the learning target"),
            Field::new("Day", FieldKind::Date)
                .required()
                .with_text("today"),
            Field::new("Classrooms", FieldKind::Checks(names)).all_checked(),
        ],
    )
}

/// The mark of one classroom: seen / partly / not seen, and a note; ⏎ saves.
pub fn mark_form(round: &Round, index: usize) -> Option<Form> {
    let (teacher, previous) = round.classrooms.get(index)?;
    let choice = match previous.as_ref().and_then(|o| o.practice_mark) {
        Some(PracticeMark::Partly) => 1,
        Some(PracticeMark::NotSeen) => 2,
        _ => 0,
    };
    let note = previous
        .as_ref()
        .map(|o| o.evidence.clone())
        .unwrap_or_default();
    let mut form = Form::new(
        format!(
            "{} · {} of {} · {}",
            text::line(&teacher.name),
            index + 1,
            round.classrooms.len(),
            text::truncate(&text::line(&round.walkthrough.practice), 30)
        ),
        vec![
            Field::new(
                "Practice",
                FieldKind::Choice(MARKS.map(String::from).to_vec()),
            )
            .with_choice(choice),
            Field::new("Note", FieldKind::Line)
                .hint("optional: what you saw")
                .with_text(&note),
        ],
    );
    form.active = 0;
    form.enter_saves = true;
    Some(form)
}

/// The observation one mark is saved as.
pub fn mark_observation(
    round: &Walkthrough,
    teacher_id: &str,
    choice: usize,
    note: String,
    now: crate::model::LocalTime,
) -> Observation {
    let mark = [
        PracticeMark::Seen,
        PracticeMark::Partly,
        PracticeMark::NotSeen,
    ][choice.min(2)];
    let evidence = if note.is_empty() {
        format!("Walkthrough: {} ({})", round.practice, mark.label())
    } else {
        note
    };
    Observation {
        teacher_id: teacher_id.to_owned(),
        observed_at: now,
        evidence,
        walkthrough_id: Some(round.meta.id.clone()),
        practice_mark: Some(mark),
        ..Observation::default()
    }
}

impl App {
    pub fn rounds(&self) -> Option<&Rounds> {
        match &self.screen {
            Screen::Rounds(rounds) => Some(rounds),
            _ => None,
        }
    }

    fn rounds_mut(&mut self) -> Option<&mut Rounds> {
        match &mut self.screen {
            Screen::Rounds(rounds) => Some(rounds),
            _ => None,
        }
    }

    /// Opens the list of rounds.
    pub(super) fn show_rounds(&mut self) {
        match self.store.walkthroughs() {
            Ok(list) => {
                self.screen = Screen::Rounds(Box::new(Rounds {
                    list,
                    ..Rounds::default()
                }))
            }
            Err(error) => self.warn(format!("cannot read the rounds: {error}")),
        }
    }

    /// Reads the rounds again after a change, keeping the open round and the selection.
    pub(super) fn refresh_rounds(&mut self) {
        let list = match self.store.walkthroughs() {
            Ok(list) => list,
            Err(error) => return self.warn(format!("cannot read the rounds: {error}")),
        };
        let open_id = self
            .rounds()
            .and_then(|r| r.open.as_ref())
            .map(|round| round.walkthrough.meta.id.clone());
        let open = match open_id.map(|id| self.store.round(&id)) {
            Some(Ok(round)) => round,
            Some(Err(error)) => return self.warn(format!("cannot read the round: {error}")),
            None => None,
        };
        if let Some(rounds) = self.rounds_mut() {
            rounds.selected = rounds.selected.min(list.len().saturating_sub(1));
            rounds.list = list;
            if let Some(round) = &open {
                rounds.classroom = rounds
                    .classroom
                    .min(round.classrooms.len().saturating_sub(1));
            }
            rounds.open = open;
        }
    }

    pub(super) fn new_round(&mut self) {
        match self.store.teachers(false) {
            Ok(teachers) if teachers.is_empty() => {
                self.warn("Add teachers first: a round visits their classrooms")
            }
            Ok(teachers) => {
                let ids = teachers.iter().map(|t| t.meta.id.clone()).collect();
                self.open_form(
                    new_round_form(&teachers),
                    Purpose::NewRound { teacher_ids: ids },
                );
            }
            Err(error) => self.warn(format!("cannot read the teachers: {error}")),
        }
    }

    /// Opens a round by id and, when `step`, the mark form of its next unmarked classroom.
    pub(super) fn open_round(&mut self, id: &str, step: bool) {
        let round = match self.store.round(id) {
            Ok(Some(round)) => round,
            Ok(None) => return self.warn("That round is no longer there"),
            Err(error) => return self.warn(format!("cannot read the round: {error}")),
        };
        let list = match self.store.walkthroughs() {
            Ok(list) => list,
            Err(error) => return self.warn(format!("cannot read the rounds: {error}")),
        };
        let next = round.next_unmarked();
        let rounds = Rounds {
            selected: list.iter().position(|w| w.meta.id == id).unwrap_or(0),
            list,
            classroom: next.unwrap_or(0),
            open: Some(round),
        };
        self.screen = Screen::Rounds(Box::new(rounds));
        match next {
            Some(index) if step => self.mark_classroom(index, true),
            None if step => {
                let summary = self.rounds().and_then(|r| r.open.as_ref()).map(summary);
                if let Some(summary) = summary {
                    self.say(summary);
                }
            }
            _ => {}
        }
    }

    pub(super) fn mark_classroom(&mut self, index: usize, stepping: bool) {
        let Some(round) = self.rounds().and_then(|r| r.open.clone()) else {
            return;
        };
        let Some(form) = mark_form(&round, index) else {
            return;
        };
        let Some((teacher, _)) = round.classrooms.get(index) else {
            return;
        };
        let purpose = Purpose::Mark {
            walkthrough: Box::new(round.walkthrough.clone()),
            teacher_id: teacher.meta.id.clone(),
            stepping,
        };
        self.popups.push(Popup::Form(Box::new(super::FormPopup {
            form,
            purpose,
            review: None,
        })));
    }

    pub(super) fn update_rounds(&mut self, msg: super::Msg) {
        use super::Msg;
        let Some(rounds) = self.rounds_mut() else {
            return;
        };
        let is_open = rounds.open.is_some();
        match (msg, is_open) {
            (Msg::Up, false) => rounds.selected = rounds.selected.saturating_sub(1),
            (Msg::Down, false) => {
                rounds.selected = (rounds.selected + 1).min(rounds.list.len().saturating_sub(1))
            }
            (Msg::Up, true) => rounds.classroom = rounds.classroom.saturating_sub(1),
            (Msg::Down, true) => {
                let last = rounds
                    .open
                    .as_ref()
                    .map_or(0, |r| r.classrooms.len().saturating_sub(1));
                rounds.classroom = (rounds.classroom + 1).min(last);
            }
            (Msg::Add, _) => self.new_round(),
            (Msg::Open, false) => {
                if let Some(id) = rounds.list.get(rounds.selected).map(|w| w.meta.id.clone()) {
                    self.open_round(&id, false);
                }
            }
            (Msg::Open, true) => {
                let index = rounds.classroom;
                self.mark_classroom(index, false);
            }
            (Msg::NextUnmarked, true) => {
                let next = rounds.open.as_ref().and_then(Round::next_unmarked);
                match next {
                    Some(index) => self.mark_classroom(index, true),
                    None => self.say("Every classroom of this round is marked"),
                }
            }
            (Msg::Back, true) => rounds.open = None,
            (Msg::Back, false) => self.show_roster(),
            _ => {}
        }
    }
}

/// "5 of 8 classrooms implement it (3 fully, 2 partly) · need support: Okafor, Park"
pub fn summary(round: &Round) -> String {
    let tally = round.tally();
    let support: Vec<String> = round
        .need_support()
        .iter()
        .map(|t| text::line(&t.name).into_owned())
        .collect();
    let mut line = format!(
        "Round done: {} of {} classrooms implement it ({} fully, {} partly)",
        tally.implementing(),
        tally.visited(),
        tally.seen,
        tally.partly
    );
    if !support.is_empty() {
        line.push_str(&format!(" · need support: {}", support.join("; ")));
    }
    line
}
