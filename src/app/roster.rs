//! The roster: every teacher with what needs attention, filtered as you type.

use crate::app::list::{List, PAGE};
use crate::model::RosterRow;
use crate::text;
use std::rc::Rc;

#[derive(Debug, Clone, Default)]
pub struct Roster {
    rows: Vec<RosterRow>,
    /// Each row's name and school as wide as they show: measuring them (by grapheme) for
    /// every teacher on every frame, to size the columns, was most of a key's time.
    widths: Vec<(usize, usize)>,
    /// The schools named, once each, in order.
    schools: Vec<String>,
    /// Indexes into `rows` that match the filter.
    visible: Vec<usize>,
    pub filter: String,
    pub filtering: bool,
    pub show_archived: bool,
    /// The teachers shown, by id: the selection follows the teacher, not the row.
    list: List<Rc<str>>,
    /// Each row's teacher id, shared with the list: the filter lists the ids it lets
    /// through on every letter typed, and copying thousands of them was a third of it.
    ids: Vec<Rc<str>>,
    /// What the screen measured over every row shown to size its columns, and the day it
    /// was measured for: kept until the rows or the filter change, so a key that only
    /// moves the selection measures nothing (thousands of rows in a district).
    measured: std::cell::Cell<Option<(chrono::NaiveDate, Widest)>>,
    /// Each row's last visit and next check-in as wide as the screen words them, and
    /// its ratings, for the day: worded once a day for every row, since the filter
    /// measures the rows it shows on every letter typed (thousands in a district).
    facts_measured: std::cell::RefCell<Option<(chrono::NaiveDate, Vec<FactWidths>)>>,
    /// Each row's text the filter looks in ([`crate::model::people::haystack`]), made
    /// when a filter is first typed and kept until the rows or their figures change.
    haystacks: Vec<String>,
    /// Each row's name folded the same way, made and kept with `haystacks`.
    names: Vec<String>,
    /// While only the first rows are read (the first frame of a large caseload): what
    /// the header needs of everyone.
    summary: Option<crate::model::RosterSummary>,
    /// Everyone's role, whatever the filter (from `summary` while only the first rows are
    /// read), and whether every row names the one school in `schools`: kept apart from
    /// the rows, since the header says them on every frame, and going through a
    /// district's rows for them took most of a key's time.
    roles: Vec<crate::model::Role>,
    one_school: bool,
    /// Counts the times the rows were replaced: what was made from them (the agenda
    /// made ahead) is of these rows while the count is the same.
    version: u64,
}

/// How wide a row's last visit, next check-in and ratings are on screen, for one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FactWidths {
    pub seen: usize,
    pub due: usize,
    pub ratings: usize,
}

/// The widest value of each roster column over the rows shown, in screen columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Widest {
    pub name: usize,
    pub school: usize,
    pub seen: usize,
    pub due: usize,
    pub ratings: usize,
}

impl Roster {
    /// Replaces the rows, figures read, keeping the same teacher selected when still there.
    pub fn set_rows(&mut self, rows: Vec<RosterRow>) {
        self.summary = None;
        self.replace(rows);
    }

    /// Replaces the rows with the first rows only, and what the header needs of everyone
    /// ([`crate::db::Store::roster_start`]): the rest is read by
    /// [`super::App::complete_roster`].
    pub fn set_start(&mut self, rows: Vec<RosterRow>, summary: crate::model::RosterSummary) {
        self.replace(rows);
        self.schools = summary.schools.clone();
        self.roles = summary.roles.clone();
        self.summary = Some(summary);
    }

    /// How many rows are read: all of them, unless only the first are.
    pub fn rows_read(&self) -> usize {
        self.rows.len()
    }

    fn replace(&mut self, rows: Vec<RosterRow>) {
        let shown = |text: &str| text::width(&text::line(text));
        self.widths = rows
            .iter()
            .map(|row| (shown(&row.teacher.name), shown(&row.teacher.school)))
            .collect();
        let mut schools: Vec<&str> = rows
            .iter()
            .map(|row| row.teacher.school.trim())
            .filter(|school| !school.is_empty())
            .collect();
        schools.sort_unstable();
        schools.dedup();
        self.schools = schools.into_iter().map(String::from).collect();
        self.roles = rows.iter().map(|row| row.teacher.role).collect();
        self.one_school = match self.schools.as_slice() {
            [only] => rows.iter().all(|row| row.teacher.school.trim() == only),
            _ => false,
        };
        self.ids = rows
            .iter()
            .map(|row| Rc::from(row.teacher.meta.id.as_str()))
            .collect();
        self.rows = rows;
        self.facts_measured.replace(None);
        self.version += 1;
        self.haystacks.clear();
        self.names.clear();
        self.refilter();
    }

    /// The schools of every row (whatever the filter), once each, in order.
    pub fn schools(&self) -> &[String] {
        &self.schools
    }

    /// Whether every row was read, not only the first (the filter, the agenda and the
    /// column widths need them all).
    pub fn facts_complete(&self) -> bool {
        self.summary.is_none()
    }

    /// The rows that pass the filter, as the roster shows them.
    pub fn visible_facts(&self) -> impl Iterator<Item = &RosterRow> {
        self.visible.iter().filter_map(|&i| self.rows.get(i))
    }

    /// The widest values over the rows shown for `today`, starting from `titles`: each
    /// row's facts measured by `measure` once a day, the widest over the rows shown kept
    /// until the rows, their figures or the filter change.
    pub fn widest(
        &self,
        today: chrono::NaiveDate,
        titles: Widest,
        measure: impl Fn(&RosterRow) -> FactWidths,
    ) -> Widest {
        if let Some((day, widest)) = self.measured.get()
            && day == today
        {
            return widest;
        }
        let mut facts = self.facts_measured.borrow_mut();
        let facts = match &mut *facts {
            Some((day, facts)) if *day == today && facts.len() == self.rows.len() => facts,
            other => {
                &mut other
                    .insert((today, self.rows.iter().map(measure).collect()))
                    .1
            }
        };
        let mut widest = titles;
        for &i in &self.visible {
            let ((name, school), row) = (self.widths[i], facts[i]);
            widest.name = widest.name.max(name);
            widest.school = widest.school.max(school);
            widest.seen = widest.seen.max(row.seen);
            widest.due = widest.due.max(row.due);
            widest.ratings = widest.ratings.max(row.ratings);
        }
        self.measured.set(Some((today, widest)));
        widest
    }

    /// The school everyone on the roster belongs to, if there is one: none when some
    /// have no school or schools differ.
    pub fn one_school(&self) -> Option<&str> {
        if let Some(summary) = &self.summary {
            return summary.one_school();
        }
        match self.schools.as_slice() {
            [only] if self.one_school => Some(only),
            _ => None,
        }
    }

    /// Which reading of the rows is held: it changes whenever the rows are replaced.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Every row, whatever the filter.
    pub fn all(&self) -> &[RosterRow] {
        &self.rows
    }

    /// The role of everyone on the roster, whatever the filter.
    pub fn roles(&self) -> impl Iterator<Item = crate::model::Role> + '_ {
        self.roles.iter().copied()
    }

    pub fn total(&self) -> usize {
        self.summary
            .as_ref()
            .map_or(self.rows.len(), crate::model::RosterSummary::total)
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// How many rows the list holds, as its count says: everyone while only the first
    /// rows are read (no filter applies then).
    pub fn shown_len(&self) -> usize {
        match &self.summary {
            Some(summary) => summary.total(),
            None => self.visible.len(),
        }
    }

    /// The selection and scroll of the visible rows.
    pub fn list(&self) -> &List<Rc<str>> {
        &self.list
    }

    pub fn selected(&self) -> usize {
        self.list.index()
    }

    pub fn selected_row(&self) -> Option<&RosterRow> {
        self.list
            .selected()
            .and_then(|n| self.visible.get(n))
            .and_then(|&i| self.rows.get(i))
    }

    pub fn select_id(&mut self, id: &str) {
        self.list.select_id(&Rc::from(id));
    }

    pub fn type_text(&mut self, text: &str) {
        self.filter.push_str(text);
        self.refilter_typed();
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.refilter_typed();
    }

    /// Empties the filter being typed (Ctrl-U), as in a form's field: typing goes on.
    pub fn clear_typed(&mut self) {
        self.filter.clear();
        self.refilter_typed();
    }

    pub fn clear_filter(&mut self) {
        self.filter.clear();
        self.filtering = false;
        self.refilter_typed();
    }

    /// After the filter changed as typed: a person the text names from the start of
    /// their name or of one of its words ("abbott, li" names Abbott, Liam) is selected, as
    /// the command line picks them, before one who only holds the letters elsewhere
    /// (Abbott, Elif); else the selected person stays selected while they match, else the
    /// first match is, so that ⏎ opens the first person shown rather than whoever now sits
    /// where the selection was. (A reload keeps the neighbour of a person who went.)
    fn refilter_typed(&mut self) {
        let before = self.list.selected_id().cloned();
        self.refilter();
        let typed = crate::text::fold(self.filter.trim());
        let named = |i: usize| {
            !typed.is_empty()
                && self
                    .names
                    .get(i)
                    .is_some_and(|name| crate::model::people::name_starts_with(name, &typed))
        };
        let selected = self.list.selected().and_then(|at| self.visible.get(at));
        if !selected.is_some_and(|&i| named(i))
            && let Some(at) = self.visible.iter().position(|&i| named(i))
        {
            self.list.select_index(at);
        } else if self.list.selected_id() != before.as_ref() {
            self.list.home();
        }
    }

    /// Makes what the filter looks in, if the rows changed since it was made: on the
    /// first letter typed, or ahead (a district's rows take a millisecond).
    pub fn prepare_filter(&mut self) {
        if self.haystacks.len() != self.rows.len() {
            self.haystacks = self
                .rows
                .iter()
                .map(crate::model::people::haystack)
                .collect();
            let name = |row: &RosterRow| crate::text::fold(&row.teacher.name);
            self.names = self.rows.iter().map(name).collect();
        }
    }

    /// The rows the filter lets through (see [`crate::model::people::Filter`]).
    fn refilter(&mut self) {
        use crate::model::people::Filter;
        self.measured.set(None);
        let filter = Filter::parse(&self.filter);
        if !filter.is_empty() {
            self.prepare_filter();
        }
        let haystacks = &self.haystacks;
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, row)| {
                filter.is_empty() || haystacks.get(*i).is_some_and(|h| filter.matches_in(row, h))
            })
            .map(|(i, _)| i)
            .collect();
        let ids = self
            .visible
            .iter()
            .filter_map(|&i| self.ids.get(i))
            .map(Rc::clone)
            .collect();
        self.list.set_items(ids);
    }
}

use crate::app::keymap::{self, Context, Msg};
use crate::app::records::{ObservationForm, Purpose, TeacherForm};
use crate::app::{Confirm, OnYes, Popup, Screen};
use crate::db::Command;
use crossterm::event::Event;

impl super::App {
    /// Why there is no school to show, and how to name one: on an empty roster, add a
    /// person with their school; else give the people shown a school.
    pub(in crate::app) fn no_school_yet(&self) -> String {
        if self.roster.total() == 0 {
            let add = keymap::key_for(Context::Roster, Msg::AddTeacher);
            format!("No one here yet: add a person with their school ({add})")
        } else {
            let edit = keymap::key_for(Context::Roster, Msg::EditTeacher);
            format!("No one here names a school yet: give people a school ({edit})")
        }
    }

    pub(in crate::app) fn update_roster(&mut self, msg: Msg) {
        let needs_teacher = matches!(
            msg,
            Msg::Open | Msg::EditTeacher | Msg::ArchiveTeacher | Msg::Observe | Msg::Capture
        );
        if needs_teacher && self.selected_teacher_id().is_none() {
            // A key that acts on the selected teacher says why it does nothing.
            let add = keymap::key_for(Context::Roster, Msg::AddTeacher);
            self.say(if self.roster.filter.is_empty() {
                format!("No teacher yet: press {add} to add one")
            } else {
                "No teacher matches the filter: Esc clears it".to_string()
            });
            return;
        }
        match msg {
            Msg::Up => self.roster.list.move_by(-1),
            Msg::Down => self.roster.list.move_by(1),
            Msg::PageUp => self.roster.list.page_up(PAGE),
            Msg::PageDown => self.roster.list.page_down(PAGE),
            Msg::Top => self.roster.list.home(),
            Msg::Bottom => self.roster.list.end(),
            Msg::Filter => self.roster.filtering = true,
            Msg::ClearFilter => self.roster.clear_filter(),
            Msg::ClearField => self.roster.clear_typed(),
            Msg::Open => {
                self.roster.filtering = false;
                if let Some(id) = self.selected_teacher_id()
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.screen = Screen::Workspace(workspace);
                }
            }
            Msg::AddTeacher => {
                let people: Vec<_> = self
                    .roster
                    .all()
                    .iter()
                    .map(|r| r.teacher.clone())
                    .collect();
                let form = TeacherForm::with_rhythm(None, self.config.check_in_days)
                    .known_groups(&crate::model::people::groups(&people));
                self.open_form(Purpose::Teacher(form));
            }
            Msg::EditTeacher => self.edit_teacher(),
            Msg::ToggleArchived => {
                self.roster.show_archived = !self.roster.show_archived;
                self.reload();
                self.say(if self.roster.show_archived {
                    "Showing archived teachers too"
                } else {
                    "Showing active teachers"
                });
            }
            Msg::ArchiveTeacher => self.ask_archive(),
            Msg::Observe => self.start_observation(),
            Msg::Capture => self.start_capture(),
            Msg::Rounds => self.show_rounds(),
            Msg::School => self.show_school(),
            Msg::Agenda => self.show_agenda(),
            Msg::Trash => self.show_trash(),
            Msg::TimeSpent => self.show_time_spent(),
            Msg::Readiness => self.show_readiness(),
            _ => {}
        }
    }

    /// Reads the rows the screen shows, and what the header needs of everyone: what the
    /// first frame needs (see [`App::complete_roster`] for the rest). Fewer people than
    /// the screen shows are the whole roster.
    pub(in crate::app) fn read_roster_start(&mut self) -> Result<(), crate::db::Error> {
        let shown = crate::ui::roster_rows_shown(self.size.1);
        let (rows, summary) = self.store.roster_start(self.roster.show_archived, shown)?;
        if rows.len() < shown {
            self.roster.set_rows(rows);
        } else {
            self.roster.set_start(rows, summary);
        }
        Ok(())
    }

    /// Before an event is handled: a resize to a screen taller than the rows read, and
    /// anything else (a key, a paste), reads every row first, so that the roster, its
    /// columns and the agenda are what they always were.
    pub(in crate::app) fn roster_before(&mut self, event: &Event) {
        match event {
            Event::Resize(_, rows)
                if crate::ui::roster_rows_shown(*rows) <= self.roster.rows_read() => {}
            _ => {
                self.complete_roster();
            }
        }
    }

    /// Reads every row's figures if some are still to read: the main loop calls it right
    /// after the first frame. Whether they were read now (the screen is then drawn again;
    /// a failure is on the status line, and the next key tries again).
    pub fn complete_roster(&mut self) -> bool {
        if self.roster.facts_complete() {
            return false;
        }
        self.keep_roster_start();
        self.reload_roster();
        self.roster.facts_complete()
    }

    /// Prepares what opening a teacher reads with, so that the first ⏎ of a session is as
    /// quick as the next: the main loop calls it once the first frame is on screen. Only
    /// a head start: a failure shows when a teacher is opened.
    pub fn prepare_to_open_teachers(&self) {
        let _ = self.store.prepare_teacher_file();
    }

    /// Keeps what the next start's first frame reads of the roster, if something was
    /// written since it was kept: after the first frame, and on the way out (so that the
    /// start after a day's writes is as quick as any). Only a cache, so a file busy or
    /// full just goes without.
    pub fn keep_roster_start(&mut self) {
        let shown = crate::ui::roster_rows_shown(self.size.1);
        let _ = self.store.keep_roster_start(shown);
    }

    pub(in crate::app) fn edit_teacher(&mut self) {
        let teacher = match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.clone()),
            Screen::Roster => self.roster.selected_row().map(|r| r.teacher.clone()),
            Screen::Capture(_)
            | Screen::Rounds(_)
            | Screen::Agenda(_)
            | Screen::Trash(_)
            | Screen::Time(_)
            | Screen::School(_)
            | Screen::Readiness(_) => None,
        };
        if let Some(teacher) = teacher {
            self.open_form(Purpose::Teacher(TeacherForm::new(Some(&teacher))));
        }
    }

    pub(in crate::app) fn ask_archive(&mut self) {
        let Some(row) = self.roster.selected_row() else {
            return;
        };
        let opened = row.teacher.clone();
        let mut teacher = opened.clone();
        let name = text::line(&teacher.name).into_owned();
        let (question, done) = if teacher.archived {
            (
                format!("Bring {name} back to the roster?"),
                format!("{name} is back on the roster"),
            )
        } else {
            (
                format!(
                    "Archive {name}? Their record is kept; {} shows archived teachers.",
                    keymap::key_for(Context::Roster, Msg::ToggleArchived)
                ),
                format!("Archived {name}"),
            )
        };
        teacher.archived = !teacher.archived;
        self.popups.push(Popup::Confirm(Confirm {
            question,
            on_yes: OnYes::Apply(Box::new(Command::revise(opened, teacher)), done),
        }));
    }

    /// Opens the observation form for the selected teacher, prefilled with the active focus.
    pub(in crate::app) fn start_observation(&mut self) {
        let Some(id) = self.selected_teacher_id() else {
            return;
        };
        let file = match &self.screen {
            Screen::Workspace(w) => Some(w.file.clone()),
            _ => self.store.teacher_file(&id).ok().flatten(),
        };
        let Some(file) = file else { return };
        let form = ObservationForm::new(&file.teacher, file.active_focus(), None, self.now);
        self.open_form(Purpose::Observation(form));
    }
}
