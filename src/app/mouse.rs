//! The mouse: what the last frame drew where (each drawing notes its rows and tabs), so
//! that a click selects what is under it and a second click on it opens it.

use super::App;
use crate::app::keymap::Msg;
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::time::{Duration, Instant};

/// What a click can land on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A teacher's row on the roster.
    RosterRow(String),
    /// A workspace tab, by its place.
    Tab(u8),
    /// A line of the workspace's list (goals, visits, check-ins, actions, timeline).
    ListRow(usize),
    /// A line of one of the agenda's panels: the panel, the line.
    AgendaLine(usize, usize),
    /// The workspace's detail pane: the wheel scrolls it.
    Detail,
    /// A line of the screen's one list (the rounds, a round's classrooms, the trash).
    ScreenLine(usize),
}

/// The areas the last frame drew, and the last click, to tell a double click.
#[derive(Debug, Default)]
pub struct Hits {
    areas: RefCell<Vec<(Rect, Target)>>,
    last_click: Option<(Target, Instant)>,
}

/// Two clicks on one thing within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

impl Hits {
    /// Forgets the areas of the frame before (called as a frame starts).
    pub fn clear(&self) {
        self.areas.borrow_mut().clear();
    }

    /// Notes that `target` was drawn in `area`.
    pub fn add(&self, area: Rect, target: Target) {
        self.areas.borrow_mut().push((area, target));
    }

    /// Notes the lines of a bordered list of one-line items drawn in `area` from item
    /// `start`, `count` items in all, as [`Target::ScreenLine`]s.
    pub fn add_lines(&self, area: Rect, start: usize, count: usize) {
        let height = usize::from(area.height.saturating_sub(2));
        for (line, item) in (start..count).enumerate().take(height) {
            let y = area.y + 1 + line as u16;
            let row = Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1);
            self.add(row, Target::ScreenLine(item));
        }
    }

    pub(in crate::app) fn at(&self, column: u16, row: u16) -> Option<Target> {
        let position = ratatui::layout::Position::new(column, row);
        self.areas
            .borrow()
            .iter()
            .find(|(area, _)| area.contains(position))
            .map(|(_, target)| target.clone())
    }
}

impl App {
    /// A left click at a cell of the screen: selects the row or tab under it; a second
    /// click on the same row soon after opens it (a teacher as ⏎ does, a record as `e`).
    pub(in crate::app) fn click(&mut self, column: u16, row: u16) {
        let Some(target) = self.hits.at(column, row) else {
            self.hits.last_click = None;
            return;
        };
        let now = Instant::now();
        let double =
            self.hits.last_click.as_ref().is_some_and(|(last, at)| {
                *last == target && now.duration_since(*at) < DOUBLE_CLICK
            });
        self.hits.last_click = (!double).then(|| (target.clone(), now));
        match target {
            Target::RosterRow(id) => {
                self.roster.select_id(&id);
                if double {
                    self.update(Msg::Open);
                }
            }
            Target::Tab(index) => self.update(Msg::Tab(index)),
            Target::Detail => {}
            // A round or a classroom opens as ⏎ opens it; the trash only selects (its ⏎
            // brings a record back, which a stray double click should not do).
            Target::ScreenLine(index) => match &mut self.screen {
                super::Screen::Rounds(rounds) => {
                    rounds.select_line(index);
                    if double {
                        self.update(Msg::Open);
                    }
                }
                super::Screen::Trash(trash) => trash.list.select_index(index),
                _ => {}
            },
            Target::AgendaLine(panel, line) => {
                if let crate::app::Screen::Agenda(agenda) = &mut self.screen {
                    agenda.panel = panel;
                    agenda.lists[panel].select_index(line);
                }
                self.read_agenda_lines();
                if double {
                    self.update(Msg::Open);
                }
            }
            // A workspace line opens as `e` opens it: in its form.
            Target::ListRow(index) => {
                if let Some(workspace) = self.workspace_mut() {
                    workspace.select(index);
                }
                if double {
                    self.update(Msg::Edit);
                }
            }
        }
    }
}
