//! The agenda across all teachers: check-ins overdue and due this week, the coverage gap
//! (not observed in N days), and open actions grouped by owner.

use crate::app::list::List;
use crate::model::{ActionOrder, OpenAction, RosterRow};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One line of the agenda, pointing to its teacher.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub teacher_id: String,
    pub teacher_name: String,
    /// The check-in due, the last visit, or when the action is due.
    pub date: Option<NaiveDate>,
    /// For actions: what, and who owns it.
    pub action: Option<ActionLine>,
}

/// What an agenda line shows of an open action, beside its teacher and due date.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionLine {
    pub what: String,
    pub owner: String,
}

impl Item {
    /// An open action's line.
    fn of_action(action: OpenAction) -> Item {
        Item {
            teacher_id: action.teacher_id,
            teacher_name: action.teacher_name,
            date: action.due_on,
            action: Some(ActionLine {
                what: action.what,
                owner: action.owner,
            }),
        }
    }
}

/// What identifies a line of the agenda, to keep it selected when the agenda is read
/// again: its teacher, or its action (by rowid: a district has thousands open).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Teacher(String),
    Action(i64),
}

/// How far from the selection the open actions' lines are kept read, either way: more
/// than a panel holds on any screen, so every line in view is read.
const LINES_AROUND: usize = 120;

/// The agenda's three panels, in the order Tab visits them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Agenda {
    pub check_ins: Vec<Item>,
    pub not_observed: Vec<Item>,
    /// The open actions' lines read, by rowid: those near the selection (the order is
    /// the third list's keys; see [`ActionOrder`]).
    pub lines: HashMap<i64, Item>,
    pub panel: usize,
    /// Each panel's selection, by the line's key; the third holds the open actions' order.
    pub lists: [List<Key>; 3],
    pub gap_days: u32,
    /// The open actions' columns, measured once over every action (thousands in a
    /// district), not on each frame.
    pub action_columns: ActionColumns,
    /// The read of the open actions this agenda waits for, when they are read in the
    /// background (its actions are then those of the last read, or none yet).
    pub awaited: Option<u64>,
    /// What its teacher panels were made of.
    pub made_of: MadeOf,
}

/// What the agenda's teacher panels are made of: the roster's rows as read, the day and
/// the coverage gap. While these are the same, so are the panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MadeOf {
    roster: u64,
    today: Option<NaiveDate>,
    gap_days: u32,
}

/// The widest teacher (surname, at most 16 columns) and due date of the open actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActionColumns {
    pub teacher: usize,
    pub due: usize,
}

impl ActionColumns {
    fn new(order: &ActionOrder, today: NaiveDate) -> ActionColumns {
        let due = order
            .due_dates
            .iter()
            .map(|due| crate::text::width(&due_words(*due, today).0))
            .max()
            .unwrap_or(0);
        ActionColumns {
            teacher: order.widest_surname.min(16),
            due,
        }
    }
}

pub use crate::model::people::surname;

/// When an action `due` is due, in words, and whether it is overdue: "overdue 2d !",
/// "Fri 27", "no date".
pub fn due_words(due: Option<NaiveDate>, today: NaiveDate) -> (String, Option<bool>) {
    match due {
        Some(due) if due < today => (
            format!("{} !", crate::dates::relative_due(due, today)),
            Some(true),
        ),
        Some(due) => (crate::dates::short_day(due, today), Some(false)),
        None => ("no date".into(), None),
    }
}

impl Agenda {
    /// Builds the agenda from the roster rows and the open actions' order, as of `today`.
    pub fn new(
        rows: &[RosterRow],
        actions: ActionOrder,
        today: NaiveDate,
        gap_days: u32,
    ) -> Agenda {
        let week_end = today + chrono::Days::new(6);
        let item = |row: &RosterRow, date| Item {
            teacher_id: row.teacher.meta.id.clone(),
            teacher_name: row.teacher.name.clone(),
            date,
            action: None,
        };
        let mut check_ins: Vec<Item> = rows
            .iter()
            .filter(|r| !r.teacher.archived && r.next_check_in.is_some_and(|d| d <= week_end))
            .map(|r| item(r, r.next_check_in))
            .collect();
        check_ins.sort_by_key(|i| i.date);
        let gap = chrono::Days::new(u64::from(gap_days));
        let mut not_observed: Vec<Item> = rows
            .iter()
            .filter(|r| !r.teacher.archived)
            .filter(|r| r.last_observed.is_none_or(|d| d + gap < today))
            .map(|r| item(r, r.last_observed))
            .collect();
        // Never observed first, then the longest gap.
        not_observed.sort_by_key(|i| (i.date.is_some(), i.date));
        let teachers = |items: &[Item]| {
            List::new(
                items
                    .iter()
                    .map(|i| Key::Teacher(i.teacher_id.clone()))
                    .collect(),
            )
        };
        let action_columns = ActionColumns::new(&actions, today);
        let order = actions.rowids.into_iter().map(Key::Action).collect();
        Agenda {
            lists: [
                teachers(&check_ins),
                teachers(&not_observed),
                List::new(order),
            ],
            action_columns,
            awaited: None,
            made_of: MadeOf::default(),
            check_ins,
            not_observed,
            lines: HashMap::new(),
            panel: 0,
            gap_days,
        }
    }

    /// The agenda as `g` opens it: the first panel, every selection at the top, and no
    /// open actions until they are read (its teacher panels are kept as they are).
    fn reopened(mut self) -> Agenda {
        self.panel = 0;
        for list in &mut self.lists[..2] {
            list.home();
        }
        self.lists[2] = List::default();
        self.lines.clear();
        self.action_columns = ActionColumns::default();
        self.awaited = None;
        self
    }

    /// Puts the open actions read in place of those shown, keeping the one selected
    /// (the lines near it are read again).
    fn set_actions(&mut self, actions: ActionOrder, today: NaiveDate) {
        self.action_columns = ActionColumns::new(&actions, today);
        self.lists[2].set_items(actions.rowids.into_iter().map(Key::Action).collect());
        self.lines.clear();
        self.awaited = None;
    }

    /// The line of panel `panel` at `index`: an open action's only when read.
    pub fn line(&self, panel: usize, index: usize) -> Option<&Item> {
        match panel {
            0 => self.check_ins.get(index),
            1 => self.not_observed.get(index),
            _ => match self.lists[2].ids().get(index)? {
                Key::Action(rowid) => self.lines.get(rowid),
                Key::Teacher(_) => None,
            },
        }
    }

    /// The selection of the panel with the keyboard.
    pub fn list_mut(&mut self) -> &mut List<Key> {
        &mut self.lists[self.panel.min(2)]
    }

    pub fn next_panel(&mut self) {
        self.panel = (self.panel + 1) % 3;
    }

    pub fn prev_panel(&mut self) {
        self.panel = (self.panel + 2) % 3;
    }

    /// The teacher of the selected line.
    pub fn selected_teacher(&self) -> Option<&str> {
        let panel = self.panel.min(2);
        let line = self.line(panel, self.lists[panel].selected()?)?;
        Some(&line.teacher_id)
    }

    /// The open actions whose lines are to be read: when a line near the selection is
    /// not, every one within [`LINES_AROUND`] of it that is not (the lines further away
    /// are let go).
    fn lines_wanted(&mut self) -> Vec<i64> {
        let list = &self.lists[2];
        let order = list.ids();
        let at = list.index();
        let near = at.saturating_sub(LINES_AROUND / 2)..(at + LINES_AROUND / 2).min(order.len());
        let rowid = |key: &Key| match key {
            Key::Action(rowid) => Some(*rowid),
            Key::Teacher(_) => None,
        };
        if order[near]
            .iter()
            .filter_map(rowid)
            .all(|r| self.lines.contains_key(&r))
        {
            return Vec::new();
        }
        let around = &order[at.saturating_sub(LINES_AROUND)..(at + LINES_AROUND).min(order.len())];
        let kept: std::collections::HashSet<i64> = around.iter().filter_map(rowid).collect();
        self.lines.retain(|rowid, _| kept.contains(rowid));
        around
            .iter()
            .filter_map(rowid)
            .filter(|rowid| !self.lines.contains_key(rowid))
            .collect()
    }
}

use crate::app::keymap::Msg;
use crate::app::list::PAGE;
use crate::app::{Screen, agenda};

impl super::App {
    /// The agenda across all teachers (one query: the open actions, and the roster if it
    /// changed since it was read).
    pub(in crate::app) fn show_agenda(&mut self) {
        if let Some(agenda) = self.build_agenda() {
            self.screen = Screen::Agenda(Box::new(agenda));
            self.read_agenda_lines();
        }
    }

    /// Reads the open actions' lines near the selection that are not read yet.
    pub(in crate::app) fn read_agenda_lines(&mut self) {
        let Screen::Agenda(agenda) = &mut self.screen else {
            return;
        };
        let wanted = agenda.lines_wanted();
        if wanted.is_empty() {
            return;
        }
        match self.store.open_actions_at(&wanted) {
            Ok(found) => {
                if let Screen::Agenda(agenda) = &mut self.screen {
                    let lines = found
                        .into_iter()
                        .map(|(rowid, action)| (rowid, agenda::Item::of_action(action)));
                    agenda.lines.extend(lines);
                }
            }
            Err(error) => self.warn(format!("cannot read the open actions: {error}")),
        }
    }

    /// Reads the agenda again after a change, keeping the panel and the lines selected.
    pub(in crate::app) fn refresh_agenda(&mut self) {
        if let Some(fresh) = self.build_agenda() {
            self.replace_agenda(fresh);
        }
    }

    /// Puts `fresh` in place of the agenda on screen, keeping its panel and the lines
    /// selected.
    fn replace_agenda(&mut self, mut fresh: agenda::Agenda) {
        if let Screen::Agenda(agenda) = &mut self.screen {
            fresh.panel = agenda.panel;
            for (old, new) in agenda.lists.iter_mut().zip(&fresh.lists) {
                old.set_items(new.ids().to_vec());
            }
            fresh.lists = std::mem::take(&mut agenda.lists);
            **agenda = fresh;
        }
        self.read_agenda_lines();
    }

    /// From now on the agenda's open actions are read off the screen's thread: asked for
    /// through [`App::take_agenda_request`], answered through [`App::open_actions_found`].
    /// Without it (tests, scripts) they are read at once.
    pub fn agenda_in_background(&mut self) {
        self.background_agenda = true;
    }

    /// The read of the open actions the agenda waits for, for the loop to ask for.
    pub fn take_agenda_request(&mut self) -> Option<u64> {
        self.agenda_request.take()
    }

    /// Whether the agenda on screen waits for its open actions.
    pub fn awaits_open_actions(&self) -> bool {
        matches!(&self.screen, Screen::Agenda(agenda) if agenda.awaited.is_some())
    }

    /// The open actions read for request `generation`: put in the agenda on screen if it
    /// still waits for that read, dropped otherwise.
    pub fn open_actions_found(
        &mut self,
        generation: u64,
        actions: crate::db::Result<crate::model::ActionOrder>,
    ) {
        if !matches!(&self.screen, Screen::Agenda(a) if a.awaited == Some(generation)) {
            return;
        }
        match actions {
            Ok(actions) => {
                let made_of = self.agenda_made_of();
                match &mut self.screen {
                    Screen::Agenda(agenda) if agenda.made_of == made_of => {
                        agenda.set_actions(actions, self.now.date());
                        self.read_agenda_lines();
                    }
                    _ => {
                        let fresh = self.fresh_agenda(actions);
                        self.replace_agenda(fresh);
                    }
                }
            }
            Err(error) => {
                if let Screen::Agenda(agenda) = &mut self.screen {
                    agenda.awaited = None;
                }
                self.warn(format!("cannot read the open actions: {error}"));
            }
        }
    }

    /// Writes the calendar (`.ics`: check-ins due, open actions with a date) beside the
    /// briefs, to import into the coach's calendar, and says where.
    pub(in crate::app) fn write_calendar(&mut self) {
        let read = self
            .store
            .roster(false)
            .and_then(|rows| Ok((rows, self.store.open_actions()?)));
        let (rows, actions) = match read {
            Ok(read) => read,
            Err(error) => return self.warn(format!("cannot read the agenda: {error}")),
        };
        let now_utc = self.store.clock().local_now().utc();
        let ics = crate::export::calendar::write(&rows, &actions, self.now.date(), now_utc);
        let stem = format!("coachlog calendar {}", self.now.format("%Y-%m-%d"));
        self.write_out(&stem, "ics", &ics);
    }

    fn build_agenda(&mut self) -> Option<agenda::Agenda> {
        if self.roster_stale {
            self.reload_roster();
        }
        if self.background_agenda {
            // The rest of the agenda at once; the open actions when the read answers (the
            // ones shown until then, if the agenda is on screen already).
            let generation = super::search::next_generation();
            // The order a copy, so that the agenda replaced keeps its selection in it.
            let shown = match &mut self.screen {
                Screen::Agenda(agenda) => Some((
                    List::new(agenda.lists[2].ids().to_vec()),
                    std::mem::take(&mut agenda.lines),
                    agenda.action_columns,
                )),
                _ => None,
            };
            // The panels made ahead, when still of these rows and this day.
            let made_of = self.agenda_made_of();
            let mut agenda = match self.agenda_ahead.take() {
                Some(ahead) if shown.is_none() && ahead.made_of == made_of => ahead.reopened(),
                _ => self.fresh_agenda(crate::model::ActionOrder::default()),
            };
            if let Some((order, lines, columns)) = shown {
                agenda.lists[2] = order;
                agenda.lines = lines;
                agenda.action_columns = columns;
            }
            agenda.awaited = Some(generation);
            self.agenda_request = Some(generation);
            return Some(agenda);
        }
        let actions = match self.store.open_action_order() {
            Ok(actions) => actions,
            Err(error) => {
                self.warn(format!("cannot read the open actions: {error}"));
                return None;
            }
        };
        Some(self.fresh_agenda(actions))
    }

    /// What an agenda made now would be made of.
    fn agenda_made_of(&self) -> agenda::MadeOf {
        agenda::MadeOf {
            roster: self.roster.version(),
            today: Some(self.now.date()),
            gap_days: self.config.coverage_gap_days,
        }
    }

    /// The agenda of the roster as read, with these open actions.
    fn fresh_agenda(&self, actions: crate::model::ActionOrder) -> agenda::Agenda {
        let mut agenda = agenda::Agenda::new(
            self.roster.all(),
            actions,
            self.now.date(),
            self.config.coverage_gap_days,
        );
        agenda.made_of = self.agenda_made_of();
        agenda
    }

    /// Work done ahead, while the coach reads, so that a key finds it done: what the
    /// roster's filter looks in (a district's rows took a millisecond on the first letter
    /// typed), and the agenda's teacher panels, so that `g` opens it at once (sorting two
    /// thousand teachers into them took half of a key's millisecond). The main loop calls
    /// it once the roster is read whole and when idle; it does nothing while what it made
    /// is of the rows and day shown. The agenda is made ahead only where its open actions
    /// are read in the background (as in the app: `g` then reads nothing in the frame).
    pub fn work_ahead(&mut self) {
        if !self.roster.facts_complete() {
            return;
        }
        self.roster.prepare_filter();
        let agenda_kept = matches!(self.screen, Screen::Agenda(_))
            || matches!(self.back_to, Some(super::BackTo::Agenda(_)));
        if agenda_kept || !self.background_agenda || self.roster_stale {
            return;
        }
        let made_of = self.agenda_made_of();
        if self
            .agenda_ahead
            .as_ref()
            .is_none_or(|a| a.made_of != made_of)
        {
            let ahead = self.fresh_agenda(crate::model::ActionOrder::default());
            self.agenda_ahead = Some(Box::new(ahead));
        }
    }

    /// Keeps the agenda left for the next `g`, while it is of the rows and day shown.
    fn keep_agenda_ahead(&mut self, agenda: Box<agenda::Agenda>) {
        if self.background_agenda && agenda.made_of == self.agenda_made_of() {
            self.agenda_ahead = Some(agenda);
        }
    }

    pub(in crate::app) fn update_agenda(&mut self, msg: Msg) {
        let Screen::Agenda(agenda) = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Up => agenda.list_mut().move_by(-1),
            Msg::Down => agenda.list_mut().move_by(1),
            Msg::PageUp => agenda.list_mut().page_up(PAGE),
            Msg::PageDown => agenda.list_mut().page_down(PAGE),
            Msg::Top => agenda.list_mut().home(),
            Msg::Bottom => agenda.list_mut().end(),
            Msg::NextTab => agenda.next_panel(),
            Msg::PrevTab => agenda.prev_panel(),
            Msg::Back => {
                let left = std::mem::replace(&mut self.screen, Screen::Roster);
                self.show_roster();
                if let Screen::Agenda(agenda) = left {
                    self.keep_agenda_ahead(agenda);
                }
            }
            Msg::Open => {
                if let Some(id) = agenda.selected_teacher().map(str::to_owned)
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.roster.select_id(&id);
                    // Kept, to come back to the same panel and line.
                    let left = std::mem::replace(&mut self.screen, Screen::Workspace(workspace));
                    if let Screen::Agenda(agenda) = left {
                        self.back_to = Some(super::BackTo::Agenda(agenda));
                    }
                }
            }
            _ => {}
        }
        self.read_agenda_lines();
    }
}
