//! The agenda across all teachers: check-ins overdue and due this week, the coverage gap
//! (not observed in N days), and open actions grouped by owner.

use crate::app::list::List;
use crate::model::{OpenAction, RosterRow};
use chrono::NaiveDate;

/// One line of the agenda, pointing to its teacher.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub teacher_id: String,
    pub teacher_name: String,
    /// The check-in due, the last visit, or when the action is due.
    pub date: Option<NaiveDate>,
    /// For actions: which, what, and who owns it.
    pub action: Option<ActionLine>,
}

/// What an agenda line shows of an open action, beside its teacher and due date.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionLine {
    pub id: String,
    pub what: String,
    pub owner: String,
}

impl Item {
    /// What identifies the line: its action, or its teacher.
    pub fn key(&self) -> String {
        match &self.action {
            Some(action) => action.id.clone(),
            None => self.teacher_id.clone(),
        }
    }

    /// An open action's line, from the action (moved, not copied: a district has
    /// thousands).
    fn of_action(action: OpenAction) -> Item {
        Item {
            teacher_id: action.teacher_id,
            teacher_name: action.teacher_name,
            date: action.due_on,
            action: Some(ActionLine {
                id: action.id,
                what: action.what,
                owner: action.owner,
            }),
        }
    }

    /// The open action an action's line shows, given back whole (moved).
    fn into_action(self) -> Option<OpenAction> {
        let line = self.action?;
        Some(OpenAction {
            id: line.id,
            teacher_id: self.teacher_id,
            teacher_name: self.teacher_name,
            what: line.what,
            owner: line.owner,
            due_on: self.date,
        })
    }
}

/// The agenda's three panels, in the order Tab visits them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Agenda {
    pub check_ins: Vec<Item>,
    pub not_observed: Vec<Item>,
    pub actions: Vec<Item>,
    pub panel: usize,
    /// Each panel's selection, by the line's key (`Item::key`).
    pub lists: [List<String>; 3],
    pub gap_days: u32,
    /// The open actions' columns, measured once over every action (thousands in a
    /// district), not on each frame.
    pub action_columns: ActionColumns,
    /// The read of the open actions this agenda waits for, when they are read in the
    /// background (its actions are then those of the last read, or none yet).
    pub awaited: Option<u64>,
}

/// The widest teacher (surname, at most 16 columns) and due date of the open actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActionColumns {
    pub teacher: usize,
    pub due: usize,
}

impl ActionColumns {
    fn new(actions: &[Item], today: NaiveDate) -> ActionColumns {
        let mut columns = ActionColumns::default();
        for item in actions {
            let surname = crate::text::width(&crate::text::line(surname(&item.teacher_name)));
            columns.teacher = columns.teacher.max(surname.min(16));
            if item.action.is_some() {
                columns.due = columns
                    .due
                    .max(crate::text::width(&due_words(item.date, today).0));
            }
        }
        columns
    }
}

/// The surname of "Smith, Dan", or the whole name when it has no comma.
pub fn surname(name: &str) -> &str {
    name.split(',').next().unwrap_or(name).trim()
}

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

/// What an action says, to order actions due the same day.
fn what(item: &Item) -> Option<&str> {
    item.action.as_ref().map(|a| a.what.as_str())
}

/// Which action a line is, the last tie-break.
fn line_id(item: &Item) -> Option<&str> {
    item.action.as_ref().map(|a| a.id.as_str())
}

impl Agenda {
    /// Builds the agenda from the roster rows and the open actions, as of `today`.
    pub fn new(
        rows: &[RosterRow],
        actions: Vec<OpenAction>,
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
        let mut actions: Vec<Item> = actions.into_iter().map(Item::of_action).collect();
        // By due date, then teacher and what they say (so that the order does not depend on
        // record ids), in place: a district has thousands of open actions, and sorting a
        // copy of them, keyed, put megabytes on the peak memory.
        actions.sort_unstable_by(|a, b| {
            (
                a.date.unwrap_or(NaiveDate::MAX),
                &a.teacher_name,
                what(a),
                line_id(a),
            )
                .cmp(&(
                    b.date.unwrap_or(NaiveDate::MAX),
                    &b.teacher_name,
                    what(b),
                    line_id(b),
                ))
        });
        // Then grouped by owner, the owner with the most pressing action first (each
        // owner's first due date, found in one pass), keeping that order within.
        let owner_of = |item: &Item| {
            item.action
                .as_ref()
                .map(|a| a.owner.to_lowercase())
                .unwrap_or_default()
        };
        let mut owners: std::collections::HashMap<String, NaiveDate> =
            std::collections::HashMap::new();
        for item in &actions {
            let first = owners.entry(owner_of(item)).or_insert(NaiveDate::MAX);
            *first = (*first).min(item.date.unwrap_or(NaiveDate::MAX));
        }
        let mut by_first_due: Vec<(NaiveDate, String)> =
            owners.into_iter().map(|(o, d)| (d, o)).collect();
        by_first_due.sort_unstable();
        let place: std::collections::HashMap<String, usize> = by_first_due
            .into_iter()
            .enumerate()
            .map(|(place, (_, owner))| (owner, place))
            .collect();
        // Stable: each owner's actions keep the order above.
        actions.sort_by_cached_key(|item| place.get(&owner_of(item)).copied());
        let keys = |items: &[Item]| List::new(items.iter().map(Item::key).collect());
        let action_columns = ActionColumns::new(&actions, today);
        Agenda {
            lists: [keys(&check_ins), keys(&not_observed), keys(&actions)],
            action_columns,
            awaited: None,
            check_ins,
            not_observed,
            actions,
            panel: 0,
            gap_days,
        }
    }

    pub fn panel_items(&self, panel: usize) -> &[Item] {
        match panel {
            0 => &self.check_ins,
            1 => &self.not_observed,
            _ => &self.actions,
        }
    }

    /// The selection of the panel with the keyboard.
    pub fn list_mut(&mut self) -> &mut List<String> {
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
        let list = &self.lists[self.panel.min(2)];
        self.panel_items(self.panel)
            .get(list.selected()?)
            .map(|i| i.teacher_id.as_str())
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
        actions: crate::db::Result<crate::db::OpenActions>,
    ) {
        if !matches!(&self.screen, Screen::Agenda(a) if a.awaited == Some(generation)) {
            return;
        }
        match actions {
            Ok(actions) => {
                // The lines of the last read go before the new ones are made: thousands of
                // actions in a district, twice over, would double the agenda's memory.
                if let Screen::Agenda(agenda) = &mut self.screen {
                    agenda.actions = Vec::new();
                }
                let fresh = agenda::Agenda::new(
                    self.roster.all(),
                    actions,
                    self.now.date(),
                    self.config.coverage_gap_days,
                );
                self.replace_agenda(fresh);
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
            // Moved out of the agenda on screen, which this one replaces.
            let shown = match &mut self.screen {
                Screen::Agenda(agenda) => std::mem::take(&mut agenda.actions)
                    .into_iter()
                    .filter_map(Item::into_action)
                    .collect(),
                _ => Vec::new(),
            };
            let mut agenda = agenda::Agenda::new(
                self.roster.all(),
                shown,
                self.now.date(),
                self.config.coverage_gap_days,
            );
            agenda.awaited = Some(generation);
            self.agenda_request = Some(generation);
            return Some(agenda);
        }
        let actions = match self.store.open_actions() {
            Ok(actions) => actions,
            Err(error) => {
                self.warn(format!("cannot read the open actions: {error}"));
                return None;
            }
        };
        Some(agenda::Agenda::new(
            self.roster.all(),
            actions,
            self.now.date(),
            self.config.coverage_gap_days,
        ))
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
            Msg::Back => self.show_roster(),
            Msg::Open => {
                if let Some(id) = agenda.selected_teacher().map(str::to_owned)
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.roster.select_id(&id);
                    self.screen = Screen::Workspace(workspace);
                    self.back_to = Some(super::BackTo::Agenda);
                }
            }
            _ => {}
        }
    }
}
