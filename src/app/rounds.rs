//! Walkthrough rounds (implementation walkthroughs after professional learning): pick one
//! practice and a set of classrooms, step through them marking seen / partly / not seen,
//! and end with who implements it and who needs more support.

use super::list::{List, PAGE};
use super::records::{FollowUpForm, MarkForm, NewRoundForm, Purpose};
use super::{App, Popup, Screen};
use crate::model::Round;
use crate::model::{Observation, PracticeMark, Walkthrough};
use crate::text;

/// The rounds screen: the list of rounds, or one round open.
#[derive(Debug, Clone, Default)]
pub struct Rounds {
    pub list: Vec<Walkthrough>,
    /// The selected round, by id.
    pub selected: List<String>,
    /// The round being looked at, with its selected classroom (by teacher id).
    pub open: Option<Round>,
    pub classroom: List<String>,
}

impl Rounds {
    fn new(list: Vec<Walkthrough>, open: Option<Round>) -> Rounds {
        let mut rounds = Rounds::default();
        rounds.set(list, open);
        rounds
    }

    /// New contents, each selection kept on its round and classroom.
    fn set(&mut self, list: Vec<Walkthrough>, open: Option<Round>) {
        self.selected
            .set_items(list.iter().map(|w| w.meta.id.clone()).collect());
        self.list = list;
        let classrooms = open.as_ref().map_or(Vec::new(), |round| {
            round
                .classrooms
                .iter()
                .map(|(t, _)| t.meta.id.clone())
                .collect()
        });
        self.classroom.set_items(classrooms);
        self.open = open;
    }

    /// Selects the line at `index` of the list on screen (a click).
    pub fn select_line(&mut self, index: usize) {
        self.list_mut().select_index(index);
    }

    /// The list the keys move in: the classrooms of the open round, or the rounds.
    fn list_mut(&mut self) -> &mut List<String> {
        if self.open.is_some() {
            &mut self.classroom
        } else {
            &mut self.selected
        }
    }
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
        crate::model::mark_evidence(&round.practice, mark)
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
            Ok(list) => self.screen = Screen::Rounds(Box::new(Rounds::new(list, None))),
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
            rounds.set(list, open);
        }
    }

    pub(super) fn new_round(&mut self) {
        match self.store.teachers(false) {
            Ok(teachers) if teachers.is_empty() => {
                self.warn("Add teachers first: a round visits their classrooms")
            }
            Ok(teachers) => self.open_form(Purpose::NewRound(NewRoundForm::new(&teachers))),
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
        let mut rounds = Rounds::new(list, Some(round));
        rounds.selected.select_id(&id.to_owned());
        rounds.classroom.select_index(next.unwrap_or(0));
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
        let Some(form) = MarkForm::new(&round, index, stepping) else {
            return;
        };
        self.popups.push(Popup::Form(Box::new(super::FormPopup {
            purpose: Purpose::Mark(form),
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
            (Msg::Up, _) => rounds.list_mut().move_by(-1),
            (Msg::Down, _) => rounds.list_mut().move_by(1),
            (Msg::PageUp, _) => rounds.list_mut().page_up(PAGE),
            (Msg::PageDown, _) => rounds.list_mut().page_down(PAGE),
            (Msg::Top, _) => rounds.list_mut().home(),
            (Msg::Bottom, _) => rounds.list_mut().end(),
            (Msg::Add, _) => self.new_round(),
            (Msg::Open, false) => {
                if let Some(id) = rounds.selected.selected_id().cloned() {
                    self.open_round(&id, false);
                }
            }
            (Msg::Open, true) => {
                if let Some(index) = rounds.classroom.selected() {
                    self.mark_classroom(index, false);
                }
            }
            (Msg::NextUnmarked, true) => {
                let next = rounds.open.as_ref().and_then(Round::next_unmarked);
                match next {
                    Some(index) => self.mark_classroom(index, true),
                    None => self.say("Every classroom of this round is marked"),
                }
            }
            (Msg::Back, true) => {
                let list = std::mem::take(&mut rounds.list);
                rounds.set(list, None);
            }
            (Msg::Back, false) => self.show_roster(),
            (Msg::Report, true) => self.write_round_report(),
            (Msg::FollowUp, true) => {
                let form = rounds.open.as_ref().map(FollowUpForm::new);
                match form {
                    Some(Some(form)) => self.open_form(Purpose::FollowUp(form)),
                    _ => self.say("Nobody in this round needs more support"),
                }
            }
            _ => {}
        }
    }

    /// Writes the open round's report (Markdown, as `coachlog round report`) beside the
    /// briefs, with the practice's trend over every round that looked for it.
    fn write_round_report(&mut self) {
        let Some(round) = self.rounds().and_then(|rounds| rounds.open.clone()) else {
            return;
        };
        let practice = &round.walkthrough.practice;
        let trend = match self.store.rounds_on(practice) {
            Ok(same) => crate::model::trend(&same, practice),
            Err(error) => return self.warn(format!("cannot read the rounds: {error}")),
        };
        let report = crate::export::round::markdown(&round, &trend);
        let stem = format!(
            "round {} {}",
            round.walkthrough.held_on,
            crate::text::truncate(practice.trim(), 40)
        );
        self.write_out(&stem, "md", &report);
    }
}

/// The names of the teachers who need more support, "; " between them: names are written
/// "Last, First", so commas between them would read as twice as many people.
pub fn need_support(round: &Round) -> String {
    round
        .need_support()
        .iter()
        .map(|t| text::line(&t.name).into_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Round done: 5 of 8 classrooms implement it (3 fully, 2 partly) · need support: Okafor,
/// Ngozi; Park, Eve"
pub fn summary(round: &Round) -> String {
    let mut line = format!("Round done: {}", round.tally().summary());
    let support = need_support(round);
    if !support.is_empty() {
        line.push_str(&format!(" · need support: {support}"));
    }
    line
}
