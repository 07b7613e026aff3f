//! The readiness screen: the schools reviewed for coaching, ranked by achievement and by
//! readiness side by side, where the rankings disagree, the recommended first cohort,
//! the readiness plans and the schools that sat out. `e` opens the form for a new review
//! (reviews also come in by import or the demo). It is written out as HTML or Markdown like the school view.

use super::keymap::Msg;
use super::records::{Purpose, ReadinessForm};
use super::{App, Screen};
use crate::model::readiness::Board;
use chrono::NaiveDate;

/// The readiness screen's state: the board as read when it opened, and the scroll.
#[derive(Debug, Clone, Default)]
pub struct ReadinessView {
    pub board: Board,
    pub today: NaiveDate,
    /// The first line shown (the screen scrolls when it is longer than the terminal).
    pub scroll: usize,
}

impl App {
    pub fn readiness(&self) -> Option<&ReadinessView> {
        match &self.screen {
            Screen::Readiness(view) => Some(view),
            _ => None,
        }
    }

    fn read_readiness(&mut self) -> Option<ReadinessView> {
        match self.store.readiness_board() {
            Ok(board) => Some(ReadinessView {
                board,
                today: self.now.date(),
                scroll: 0,
            }),
            Err(error) => {
                self.warn(format!("cannot read the readiness reviews: {error}"));
                None
            }
        }
    }

    /// Opens the readiness screen from the top.
    pub(super) fn show_readiness(&mut self) {
        if let Some(view) = self.read_readiness() {
            self.screen = Screen::Readiness(Box::new(view));
        }
    }

    /// Reads the reviews again (after a change, or another window's), keeping the scroll
    /// where it still can be.
    pub(super) fn refresh_readiness(&mut self) {
        let Some(mut fresh) = self.read_readiness() else {
            return;
        };
        if let Screen::Readiness(view) = &mut self.screen {
            fresh.scroll = view.scroll;
            **view = fresh;
        }
        self.scroll_readiness(0);
    }

    /// Moves the screen by `lines`, no further than where its last line is at the bottom.
    fn scroll_readiness(&mut self, lines: isize) {
        let (width, height) = self.size;
        let Screen::Readiness(view) = &mut self.screen else {
            return;
        };
        // The body is the terminal less the status line and the footer.
        let last = crate::ui::readiness_last_scroll(view, width, height.saturating_sub(2));
        view.scroll = view.scroll.saturating_add_signed(lines).min(last);
    }

    fn write_readiness(&mut self, html: bool) {
        let Some(view) = self.readiness() else {
            return;
        };
        let (contents, extension) = if html {
            (
                crate::export::readiness::html(&view.board, view.today),
                "html",
            )
        } else {
            (
                crate::export::readiness::markdown(&view.board, view.today),
                "md",
            )
        };
        let stem = format!("readiness {}", self.now.format("%Y-%m-%d"));
        self.write_out(&stem, extension, &contents);
    }

    /// Opens the form for a new review, on the first school (starting from its review in
    /// force, if it has one).
    fn review_school(&mut self) {
        match self.store.schools() {
            Ok(schools) => {
                let criteria = self.config.readiness_criteria.clone();
                let in_force = self.readiness().map(|v| v.board.in_force());
                let in_force = in_force.unwrap_or_default();
                let form = ReadinessForm::new(&schools, 0, &criteria, &in_force);
                self.open_form(Purpose::Readiness(form));
            }
            Err(error) => self.warn(format!("cannot read the schools: {error}")),
        }
    }

    pub(super) fn update_readiness(&mut self, msg: Msg) {
        let page = super::list::PAGE as isize;
        match msg {
            Msg::Up => self.scroll_readiness(-1),
            Msg::Down => self.scroll_readiness(1),
            Msg::PageUp => self.scroll_readiness(-page),
            Msg::PageDown => self.scroll_readiness(page),
            Msg::Top => self.scroll_readiness(isize::MIN),
            Msg::Bottom => self.scroll_readiness(isize::MAX),
            Msg::WriteHtml => self.write_readiness(true),
            Msg::WriteMarkdown => self.write_readiness(false),
            Msg::Edit => self.review_school(),
            Msg::Back => self.show_roster(),
            _ => {}
        }
    }
}
