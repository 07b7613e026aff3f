//! The school view: one level up from the roster. A school's people (⏎ opens one), who
//! has not been observed lately, the focuses in play, the latest round on each practice
//! and one goal measure compared across the people who track it (Tab cycles through
//! them); it is written out as HTML or Markdown like the brief.

use super::list::{List, PAGE};
use super::{App, Screen};
use crate::model::SchoolSummary;
use crate::text;

/// The school view's state.
#[derive(Debug, Clone, Default)]
pub struct SchoolView {
    pub summary: SchoolSummary,
    /// Every school, by name, and which of them this is.
    pub schools: Vec<String>,
    pub at: usize,
    /// The selected person, by id.
    pub people: List<String>,
    /// Which comparison of `summary.measures` is shown.
    pub measure: usize,
    /// The first line of the "At a glance" pane in view.
    pub glance: u16,
}

impl SchoolView {
    fn new(summary: SchoolSummary, schools: Vec<String>, at: usize) -> SchoolView {
        let people = List::new(
            summary
                .people
                .iter()
                .map(|r| r.teacher.meta.id.clone())
                .collect(),
        );
        SchoolView {
            summary,
            schools,
            at,
            people,
            measure: 0,
            glance: 0,
        }
    }

    /// Selects the line at `index` of the people on screen (a click).
    pub fn select_line(&mut self, index: usize) {
        self.people.select_index(index);
    }
}

impl App {
    pub fn school(&self) -> Option<&SchoolView> {
        match &self.screen {
            Screen::School(view) => Some(view),
            _ => None,
        }
    }

    fn school_mut(&mut self) -> Option<&mut SchoolView> {
        match &mut self.screen {
            Screen::School(view) => Some(view),
            _ => None,
        }
    }

    /// Opens the school of the person selected on the roster, or the first school when
    /// they have none.
    pub(super) fn show_school(&mut self) {
        let names = match self.store.school_names() {
            Ok(names) => names,
            Err(error) => return self.warn(format!("cannot read the schools: {error}")),
        };
        if names.is_empty() {
            return self.warn(self.no_school_yet());
        }
        let selected = self.roster.selected_row().map(|row| {
            let person = &row.teacher;
            (
                crate::model::school_key(&person.school),
                person.meta.id.clone(),
            )
        });
        let at = selected
            .as_ref()
            .and_then(|(key, _)| {
                names
                    .iter()
                    .position(|name| crate::model::school_key(name) == *key)
            })
            .unwrap_or(0);
        self.open_school(names, at);
        // On the person selected on the roster, when they are in this school.
        if let Some((_, id)) = selected
            && let Some(view) = self.school_mut()
        {
            view.people.select_id(&id);
        }
    }

    /// The school view again, read anew, on the person who was opened from it.
    pub(super) fn back_to_school(&mut self, names: Vec<String>, at: usize, person: &str) {
        self.open_school(names, at);
        if let Some(view) = self.school_mut() {
            view.people.select_id(&person.to_owned());
        }
    }

    fn open_school(&mut self, names: Vec<String>, at: usize) {
        let Some(name) = names.get(at) else {
            return;
        };
        let today = self.now.date();
        match self
            .store
            .school_summary(name, today, self.config.coverage_gap_days)
        {
            Ok(Some(summary)) => {
                self.screen = Screen::School(Box::new(SchoolView::new(summary, names, at)));
            }
            Ok(None) => self.warn("That school is no longer there"),
            Err(error) => self.warn(format!("cannot read the school: {error}")),
        }
    }

    /// Reads the school on screen again (after a change, or another window's), keeping
    /// the selected person and the measure shown.
    pub(super) fn refresh_school(&mut self) {
        let Some(view) = self.school() else {
            return;
        };
        // The schools are read again too: another window or the shell may have added
        // one (the school on screen is found again by name).
        let key = crate::model::school_key(&view.summary.name);
        let (mut names, mut at) = (view.schools.clone(), view.at);
        let (selected, measure) = (view.people.selected_id().cloned(), view.measure);
        let glance = view.glance;
        if let Ok(fresh) = self.store.school_names()
            && let Some(found) = fresh
                .iter()
                .position(|name| crate::model::school_key(name) == key)
        {
            (names, at) = (fresh, found);
        }
        self.open_school(names, at);
        if let Some(view) = self.school_mut() {
            if let Some(id) = selected {
                view.people.select_id(&id);
            }
            view.measure = measure.min(view.summary.measures.len().saturating_sub(1));
        }
        self.scroll_glance(glance, 0);
    }

    /// Sets the "At a glance" pane's first line to `from` moved by `delta`, no further
    /// than where its last line is at the bottom.
    fn scroll_glance(&mut self, from: u16, delta: i32) {
        let Some((end, _)) = self.glance_ends() else {
            return;
        };
        let to = i64::from(from) + i64::from(delta);
        if let Some(view) = self.school_mut() {
            view.glance = u16::try_from(to.clamp(0, i64::from(end))).unwrap_or(0);
        }
    }

    /// Scrolls the "At a glance" pane to the goal measure compared (after Tab chose
    /// another), so the change is in view.
    fn glance_to_measure(&mut self) {
        if let Some((_, measure)) = self.glance_ends()
            && let Some(view) = self.school_mut()
        {
            view.glance = measure;
        }
    }

    /// How far the "At a glance" pane scrolls as the screen is laid out now (the
    /// terminal less the status line and the footer): at most, and to its measure.
    fn glance_ends(&self) -> Option<(u16, u16)> {
        let (width, height) = (self.size.0, self.size.1.saturating_sub(2));
        let view = self.school()?;
        Some(crate::ui::school_glance_ends(self, view, width, height))
    }

    fn write_school(&mut self, html: bool) {
        let Some(view) = self.school() else {
            return;
        };
        let today = self.now.date();
        let (contents, extension) = if html {
            (crate::export::school::html(&view.summary, today), "html")
        } else {
            (crate::export::school::markdown(&view.summary, today), "md")
        };
        let stem = format!(
            "{} school {}",
            text::line(&view.summary.name),
            self.now.format("%Y-%m-%d")
        );
        self.write_out(&stem, extension, &contents);
    }

    pub(super) fn update_school(&mut self, msg: super::Msg) {
        use super::Msg;
        let Some(view) = self.school_mut() else {
            return;
        };
        let measures = view.summary.measures.len();
        match msg {
            Msg::Up => view.people.move_by(-1),
            Msg::Down => view.people.move_by(1),
            Msg::PageUp => view.people.page_up(PAGE),
            Msg::PageDown => view.people.page_down(PAGE),
            Msg::Top => view.people.home(),
            Msg::Bottom => view.people.end(),
            Msg::DetailDown | Msg::DetailUp => {
                let from = view.glance;
                self.scroll_glance(from, if msg == Msg::DetailDown { 1 } else { -1 });
            }
            Msg::NextTab if measures > 1 => {
                view.measure = (view.measure + 1) % measures;
                self.glance_to_measure();
            }
            Msg::PrevTab if measures > 1 => {
                view.measure = (view.measure + measures - 1) % measures;
                self.glance_to_measure();
            }
            Msg::NextSchool if view.schools.len() > 1 => {
                let (names, at) = (view.schools.clone(), (view.at + 1) % view.schools.len());
                self.open_school(names, at);
            }
            Msg::WriteHtml => self.write_school(true),
            Msg::WriteMarkdown => self.write_school(false),
            Msg::Back => self.show_roster(),
            Msg::Open => {
                let (names, at) = (view.schools.clone(), view.at);
                if let Some(id) = view.people.selected_id().cloned()
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.roster.select_id(&id);
                    self.screen = Screen::Workspace(workspace);
                    self.back_to = Some(super::BackTo::School {
                        names,
                        at,
                        person: id,
                    });
                }
            }
            _ => {}
        }
    }
}
