//! Searching every note, from the roster or a workspace: results as you type, grouped
//! under each teacher, and ⏎ opens that teacher on the tab of the record, selected.

use super::keymap::Msg;
use super::list::{List, PAGE};
use super::workspace::{Tab, Workspace, timeline};
use super::{App, Popup, Screen};
use crate::model::{Hit, Kind};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::atomic::{AtomicU64, Ordering};

/// The most notes one search shows; typing more words narrows it.
pub const LIMIT: usize = 200;

/// A number for a request answered off the screen's thread (a search, the agenda's open
/// actions): newer requests have higher numbers, so an answer can be matched to the
/// request still waited for.
pub(super) fn next_generation() -> u64 {
    static GENERATIONS: AtomicU64 = AtomicU64::new(1);
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

/// A query for the main loop to run in the background (see [`App::take_search_request`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
}

/// The search popup: what is typed, the notes it finds (grouped by teacher), the one selected.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    hits: Vec<Hit>,
    /// The selected note, by record id.
    list: List<String>,
    /// The query whose answer is awaited (searching in the background); the hits shown
    /// meanwhile are the previous query's.
    awaited: Option<u64>,
    /// A query not yet handed to the background.
    request: Option<SearchRequest>,
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

    /// Whether a query typed is still being answered.
    pub fn is_searching(&self) -> bool {
        self.awaited.is_some()
    }

    /// Whether there may be more notes than are shown.
    pub fn is_cut(&self) -> bool {
        self.hits.len() >= LIMIT
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.list.selected()?)
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

    /// New results select the best note.
    fn set_hits(&mut self, hits: Vec<Hit>) {
        self.list = List::new(hits.iter().map(|hit| hit.record_id.clone()).collect());
        self.hits = hits;
    }
}

/// Puts the workspace on the tab that lists the record, with the record selected: a
/// measure shows under its goal, a focus on the timeline.
pub fn show_record(workspace: &mut Workspace, kind: Kind, id: &str) {
    workspace.sync();
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
        Kind::Focus
        | Kind::Support
        | Kind::Teacher
        | Kind::Walkthrough
        | Kind::School
        | Kind::ReadinessReview => (
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
        let background = self.background_search;
        let Some(search) = self.top_search() else {
            return;
        };
        let query = search.query.clone();
        if background && crate::db::searchable(&query) {
            let generation = next_generation();
            search.awaited = Some(generation);
            search.request = Some(SearchRequest { generation, query });
            return;
        }
        // Nothing to wait for: an answer that comes back late is not wanted any more.
        search.awaited = None;
        search.request = None;
        match self.store.search(&query, LIMIT) {
            Ok(hits) => {
                if let Some(search) = self.top_search() {
                    search.set_hits(hits);
                }
            }
            Err(error) => self.warn(format!("cannot search: {error}")),
        }
    }

    /// From now on, each query typed is handed to the main loop
    /// ([`App::take_search_request`]) to run off the screen's thread, and its answer comes
    /// back through [`App::search_found`]. Without it (tests, scripts), a query runs at once.
    pub fn search_in_background(&mut self) {
        self.background_search = true;
    }

    /// The query typed since the last call, for the loop to run in the background.
    pub fn take_search_request(&mut self) -> Option<SearchRequest> {
        self.top_search()?.request.take()
    }

    /// Whether the search on screen waits for an answer (the loop then looks for answers
    /// often rather than sleeping until the next key).
    pub fn awaits_search(&self) -> bool {
        matches!(self.popups.last(), Some(Popup::Search(search)) if search.is_searching())
    }

    /// The answer to the query numbered `generation`: shown if it answers the newest query
    /// of the search on screen, dropped otherwise (an older query, a closed search).
    pub fn search_found(&mut self, generation: u64, hits: crate::db::Result<Vec<Hit>>) {
        let Some(search) = self.top_search() else {
            return;
        };
        if search.awaited != Some(generation) {
            return;
        }
        search.awaited = None;
        match hits {
            Ok(hits) => search.set_hits(hits),
            Err(error) => self.warn(format!("cannot search: {error}")),
        }
    }

    pub(super) fn update_search(&mut self, msg: Msg) {
        let Some(search) = self.top_search() else {
            return;
        };
        match msg {
            Msg::Up => search.list.move_by(-1),
            Msg::Down => search.list.move_by(1),
            Msg::PageUp => search.list.page_up(PAGE),
            Msg::PageDown => search.list.page_down(PAGE),
            Msg::Top => search.list.home(),
            Msg::Bottom => search.list.end(),
            Msg::ClearFilter => {
                search.query.clear();
                search.awaited = None;
                search.request = None;
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
