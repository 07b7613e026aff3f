//! The brief a check-in opens with: what was agreed last time (each open action marked
//! done or carried over right there) and what was seen since.

use crate::app::list::List;
use crate::db::Command;
use crate::model::{Action, CheckIn, Goal, GoalStatus, Measure, Observation, TeacherFile};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the coach decided about an open action in this check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Not discussed: stays open as it is.
    Open,
    Done,
    /// Still to do: due again by the next check-in.
    Carry,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The date of the last check-in, if there was one.
    pub since: Option<NaiveDate>,
    pub actions: Vec<(Action, Mark)>,
    /// The selected action, by id.
    pub list: List<String>,
    /// Observations since the last check-in, newest first.
    pub observations: Vec<Observation>,
    /// Actions this check-in ends with.
    pub new_actions: Vec<Action>,
    /// Goal measurements taken during the check-in, saved with it.
    pub measures: Vec<Measure>,
    /// Whether the keyboard is on the review list rather than the form.
    pub focused: bool,
    /// The active goal and its latest measurement (the data conversation).
    pub goal: Option<(Goal, Option<f64>)>,
}

impl Review {
    pub fn new(file: &TeacherFile) -> Review {
        let since = file.check_ins.first().map(|c| c.held_on);
        let observations = file
            .observations
            .iter()
            .filter(|o| since.is_none_or(|since| o.observed_at.date() >= since))
            .cloned()
            .collect();
        let actions: Vec<(Action, Mark)> = file
            .open_actions()
            .map(|a| (a.clone(), Mark::Open))
            .collect();
        Review {
            since,
            list: List::new(actions.iter().map(|(a, _)| a.meta.id.clone()).collect()),
            actions,
            observations,
            new_actions: Vec::new(),
            measures: Vec::new(),
            focused: false,
            goal: file
                .goals
                .iter()
                .find(|g| g.status == GoalStatus::Active)
                .map(|g| {
                    (
                        g.clone(),
                        file.measures_of(&g.meta.id)
                            .last()
                            .map(|m| m.score(&g.unit)),
                    )
                }),
        }
    }

    /// Sets the selected action's mark, or back to open if it already had it.
    pub fn toggle(&mut self, mark: Mark) {
        let Some(index) = self.list.selected() else {
            return;
        };
        if let Some((_, current)) = self.actions.get_mut(index) {
            *current = if *current == mark { Mark::Open } else { mark };
        }
    }

    /// Whether anything was decided here that closing the check-in would lose: a mark,
    /// a new action or a measurement.
    pub fn is_dirty(&self) -> bool {
        !self.new_actions.is_empty()
            || !self.measures.is_empty()
            || self.actions.iter().any(|(_, mark)| *mark != Mark::Open)
    }

    /// A measurement taken during the check-in: saved with it, shown in the brief at once
    /// when it is of the active goal.
    pub fn take_measure(&mut self, measure: Measure) {
        if let Some((goal, latest)) = self.goal.as_mut()
            && goal.meta.id == measure.goal_id
        {
            *latest = Some(measure.score(&goal.unit));
        }
        self.measures.push(measure);
    }

    /// The row of the selected action.
    pub fn selected(&self) -> usize {
        self.list.index()
    }

    /// Ratings seen since the last check-in, oldest first.
    pub fn ratings(&self) -> Vec<u8> {
        let mut ratings: Vec<u8> = self
            .observations
            .iter()
            .filter_map(|o| o.rating.map(|r| r.value()))
            .collect();
        ratings.reverse();
        ratings
    }

    /// The one command that holds the check-in: saves it, settles the reviewed actions
    /// (carried ones fall due at the next check-in), adds the new ones and the
    /// measurements taken.
    pub fn command(&self, check_in: CheckIn) -> Command {
        let done = self
            .actions
            .iter()
            .filter(|(_, mark)| *mark == Mark::Done)
            .map(|(a, _)| a.meta.id.clone())
            .collect();
        let carried = self
            .actions
            .iter()
            .filter(|(_, mark)| *mark == Mark::Carry)
            .map(|(a, _)| (a.meta.id.clone(), check_in.next_on.or(a.due_on)))
            .collect();
        Command::HoldCheckIn {
            check_in,
            done,
            carried,
            new_actions: self.new_actions.clone(),
            measures: self.measures.clone(),
        }
    }
}

use crate::app::records::{ActionForm, CheckInForm, MeasureForm, Purpose};
use crate::app::{FormPopup, Popup};

impl super::App {
    pub(in crate::app) fn start_check_in(&mut self) {
        let Some(file) = self.file() else { return };
        let review = Review::new(file);
        let form = CheckInForm::new(&file.teacher, None);
        self.popups.push(Popup::Form(Box::new(FormPopup {
            purpose: Purpose::CheckIn(form),
            review: Some(review),
        })));
    }

    pub(in crate::app) fn open_new_action_for_check_in(&mut self) {
        let Some(popup) = self.top_form() else { return };
        let Purpose::CheckIn(check_in) = &popup.purpose else {
            return;
        };
        if popup.review.is_none() {
            return;
        }
        let form = ActionForm::new(&check_in.teacher_id, None);
        self.open_form(Purpose::CheckInAction(form));
    }

    /// During a check-in: a measurement of the active goal, saved with the check-in (so
    /// cancelling the check-in drops it too).
    pub(in crate::app) fn open_measure_for_check_in(&mut self) {
        let goal = match self.top_form().and_then(|p| p.review.as_ref()) {
            Some(review) => review.goal.as_ref().map(|(goal, _)| goal.clone()),
            None => return,
        };
        match goal {
            Some(goal) => self.open_form(Purpose::CheckInMeasure(MeasureForm::new(&goal, None))),
            None => self.warn("This teacher has no active goal to measure"),
        }
    }

    /// The form for a new measurement of `goal`, or `missing` said when there is none.
    pub(in crate::app) fn open_measure_form(
        &mut self,
        goal: Option<crate::model::Goal>,
        missing: &str,
    ) {
        match goal {
            Some(goal) => {
                self.open_form(Purpose::Measure(MeasureForm::new(&goal, None)));
            }
            None => self.warn(missing),
        }
    }
}
