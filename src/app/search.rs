//! Searching every note, from the roster or a workspace: results as you type, grouped
//! under each teacher, and ⏎ opens that teacher on the tab of the record, selected.

use super::keymap::Msg;
use super::workspace::{Tab, Workspace, timeline};
use super::{App, Popup, Screen};
use crate::model::{Hit, Kind};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The most notes one search shows; typing more words narrows it.
pub const LIMIT: usize = 200;

/// The search popup: what is typed, the notes it finds (grouped by teacher), the one selected.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    hits: Vec<Hit>,
    selected: usize,
}

/// A line of the results: a teacher's name over their notes, or one note.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row<'a> {
    Teacher(&'a Hit),
    Note(&'a Hit),
}

impl Search {
    /// The notes found, grouped by teacher, best teacher first.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Whether the query holds a word to search for (rather than nothing, or only marks).
    pub fn has_words(&self) -> bool {
        crate::db::searchable(&self.query)
    }

    /// Whether there may be more notes than are shown.
    pub fn is_cut(&self) -> bool {
        self.hits.len() >= LIMIT
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// The results as drawn: each teacher's name, then their notes.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(self.hits.len() + 8);
        for (i, hit) in self.hits.iter().enumerate() {
            if i == 0 || self.hits[i - 1].teacher_id != hit.teacher_id {
                rows.push(Row::Teacher(hit));
            }
            rows.push(Row::Note(hit));
        }
        rows
    }

    /// The position in `rows()` of the selected note.
    pub fn selected_row(&self) -> Option<usize> {
        let selected = self.selected_hit()?;
        self.rows()
            .iter()
            .position(|row| matches!(row, Row::Note(hit) if std::ptr::eq(*hit, selected)))
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
    }

    /// New results select the best note.
    fn set_hits(&mut self, hits: Vec<Hit>) {
        self.hits = hits;
        self.selected = 0;
    }
}

/// Puts the workspace on the tab that lists the record, with the record selected: a
/// measure shows under its goal, a focus on the timeline.
pub fn show_record(workspace: &mut Workspace, kind: Kind, id: &str) {
    let file = &workspace.file;
    let (tab, index) = match kind {
        Kind::Observation => (
            Tab::Observations,
            file.observations.iter().position(|r| r.meta.id == id),
        ),
        Kind::CheckIn => (
            Tab::CheckIns,
            file.check_ins.iter().position(|r| r.meta.id == id),
        ),
        Kind::Action => (
            Tab::Actions,
            file.actions.iter().position(|r| r.meta.id == id),
        ),
        Kind::Goal => (Tab::Goals, file.goals.iter().position(|r| r.meta.id == id)),
        Kind::Measure => {
            let goal = file.measures.iter().find(|m| m.meta.id == id);
            let index = goal.and_then(|m| file.goals.iter().position(|g| g.meta.id == m.goal_id));
            (Tab::Goals, index)
        }
        Kind::Focus | Kind::Teacher | Kind::Walkthrough => (
            Tab::Timeline,
            timeline(file)
                .iter()
                .position(|e| e.kind == kind && e.id == id),
        ),
    };
    workspace.tab = tab;
    workspace.select(index.unwrap_or(0));
}

impl App {
    fn top_search(&mut self) -> Option<&mut Search> {
        match self.popups.last_mut() {
            Some(Popup::Search(search)) => Some(search),
            _ => None,
        }
    }

    pub(super) fn open_search(&mut self) {
        self.popups.push(Popup::Search(Box::default()));
    }

    /// A key the search box did not bind: a character types, ⌫ erases; each change
    /// searches again.
    pub(super) fn type_in_search(&mut self, event: KeyEvent) {
        let Some(search) = self.top_search() else {
            return;
        };
        let typing = !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match event.code {
            KeyCode::Char(c) if typing => search.query.push(c),
            KeyCode::Backspace => {
                search.query.pop();
            }
            _ => return,
        }
        self.run_search();
    }

    pub(super) fn paste_in_search(&mut self, pasted: &str) {
        if let Some(search) = self.top_search() {
            search.query.push_str(&crate::text::line(pasted));
            self.run_search();
        }
    }

    fn run_search(&mut self) {
        let Some(query) = self.top_search().map(|s| s.query.clone()) else {
            return;
        };
        match self.store.search(&query, LIMIT) {
            Ok(hits) => {
                if let Some(search) = self.top_search() {
                    search.set_hits(hits);
                }
            }
            Err(error) => self.warn(format!("cannot search: {error}")),
        }
    }

    pub(super) fn update_search(&mut self, msg: Msg) {
        let Some(search) = self.top_search() else {
            return;
        };
        match msg {
            Msg::Up => search.move_by(-1),
            Msg::Down => search.move_by(1),
            Msg::PageUp => search.move_by(-10),
            Msg::PageDown => search.move_by(10),
            Msg::ClearFilter => {
                search.query.clear();
                search.set_hits(Vec::new());
            }
            Msg::Open => self.open_hit(),
            _ => {}
        }
    }

    /// Opens the selected note's teacher on the record; the search closes.
    fn open_hit(&mut self) {
        let Some(hit) = self.top_search().and_then(|s| s.selected_hit().cloned()) else {
            return;
        };
        let Some(mut workspace) = self.open_teacher(&hit.teacher_id) else {
            return;
        };
        // An old observation may be past the first page: read the rest to show it.
        if hit.kind == Kind::Observation
            && !workspace
                .file
                .observations
                .iter()
                .any(|o| o.meta.id == hit.record_id)
            && let Err(error) = self.store.load_all_observations(&mut workspace.file)
        {
            self.warn(format!("cannot read older observations: {error}"));
        }
        show_record(&mut workspace, hit.kind, &hit.record_id);
        self.popups.pop();
        self.roster.select_id(&hit.teacher_id);
        self.screen = Screen::Workspace(workspace);
    }
}
