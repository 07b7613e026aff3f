//! The readiness screen: the schools reviewed for coaching, ranked by achievement and by
//! readiness side by side, where the rankings disagree, the recommended first cohort,
//! the readiness plans, the schools that sat out and those not reviewed yet. A cursor
//! goes down the schools in the order the screen names them (the readiness ranking, then
//! those that sat out, then those not reviewed) and `e` opens the form for a new review of
//! the selected one. The selected school's review is shown in full: beside the rankings
//! on a wide screen, on its own (⏎) on any. It is written out as HTML or Markdown like the
//! school view.

use super::keymap::Msg;
use super::list::List;
use super::records::{Purpose, ReadinessForm};
use super::{App, Screen};
use crate::model::School;
use crate::model::readiness::{Board, Reviewed};
use chrono::NaiveDate;

/// The readiness screen's state: the board as last read, the selected school and the
/// scroll.
#[derive(Debug, Clone, Default)]
pub struct ReadinessView {
    pub board: Board,
    /// The schools with no review yet, by name: listed so that one can be chosen.
    pub not_reviewed: Vec<School>,
    pub today: NaiveDate,
    /// The schools by id, in the order the cursor goes (see [`Board::school_order`]).
    pub schools: List<String>,
    /// The first line shown (the screen scrolls when it is longer than the terminal).
    pub scroll: usize,
    /// Whether the selected school's review is shown on its own, over the whole body (⏎),
    /// rather than the rankings.
    pub reading: bool,
    /// How far the review shown is scrolled (J/K).
    pub review: ReviewScroll,
}

/// How far a school's review is scrolled, kept with the school it was scrolled on: the
/// review of another school shows from its top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewScroll {
    pub school_id: Option<String>,
    /// The first line shown.
    pub offset: u16,
}

/// The school whose review the screen shows: reviewed (the review in force), or not yet.
#[derive(Debug, Clone, Copy)]
pub enum Selected<'a> {
    Reviewed(&'a Reviewed),
    NotReviewed(&'a School),
}

impl ReadinessView {
    /// The id of the selected school, if there is any school.
    pub fn selected(&self) -> Option<&str> {
        self.schools.selected_id().map(String::as_str)
    }

    /// The selected school, with its review in force when it has one.
    pub fn selected_school(&self) -> Option<Selected<'_>> {
        let id = self.selected()?;
        let board = &self.board;
        let reviewed = board.by_readiness.iter().chain(&board.out);
        match reviewed.into_iter().find(|r| r.review.school_id == id) {
            Some(school) => Some(Selected::Reviewed(school)),
            None => self
                .not_reviewed
                .iter()
                .find(|s| s.meta.id == id)
                .map(Selected::NotReviewed),
        }
    }

    /// The first line shown of the selected school's review.
    pub fn review_offset(&self) -> u16 {
        if self.review.school_id.as_deref() == self.selected() {
            self.review.offset
        } else {
            0
        }
    }
}

/// The scroll that shows the lines `rows` (the first one above all: the others when they
/// fit with it) in a view `height` lines high, moving `scroll` as little as it can.
fn in_view(scroll: usize, rows: &[usize], height: usize) -> usize {
    let Some(&first) = rows.first() else {
        return scroll;
    };
    let (low, high) = rows.iter().fold((first, first), |(low, high), &row| {
        (low.min(row), high.max(row))
    });
    let (low, high) = if high - low < height {
        (low, high)
    } else {
        (first, first)
    };
    if low < scroll {
        low
    } else if high >= scroll + height {
        (high + 1).saturating_sub(height)
    } else {
        scroll
    }
}

impl App {
    pub fn readiness(&self) -> Option<&ReadinessView> {
        match &self.screen {
            Screen::Readiness(view) => Some(view),
            _ => None,
        }
    }

    fn readiness_mut(&mut self) -> Option<&mut ReadinessView> {
        match &mut self.screen {
            Screen::Readiness(view) => Some(view),
            _ => None,
        }
    }

    fn read_readiness(&mut self) -> Option<ReadinessView> {
        let read = self
            .store
            .readiness_board()
            .and_then(|board| Ok((self.store.schools()?, board)));
        match read {
            Ok((schools, board)) => {
                let not_reviewed = board.not_reviewed(&schools);
                let schools = List::new(board.school_order(&not_reviewed));
                Some(ReadinessView {
                    board,
                    not_reviewed,
                    today: self.now.date(),
                    schools,
                    scroll: 0,
                    reading: false,
                    review: ReviewScroll::default(),
                })
            }
            Err(error) => {
                self.warn(format!("cannot read the readiness reviews: {error}"));
                None
            }
        }
    }

    /// Opens the readiness screen from the top, on the first school.
    pub(super) fn show_readiness(&mut self) {
        if let Some(view) = self.read_readiness() {
            self.screen = Screen::Readiness(Box::new(view));
        }
    }

    /// Reads the reviews again (after a change, or another window's), keeping the same
    /// school selected (wherever it is now) and the scroll where it still can be.
    pub(super) fn refresh_readiness(&mut self) {
        let Some(mut fresh) = self.read_readiness() else {
            return;
        };
        if let Some(view) = self.readiness_mut() {
            let order = fresh.schools.ids().to_vec();
            fresh.schools = std::mem::take(&mut view.schools);
            fresh.schools.set_items(order);
            fresh.scroll = view.scroll;
            fresh.reading = view.reading;
            fresh.review = std::mem::take(&mut view.review);
            *view = fresh;
        }
        self.keep_school_in_view();
    }

    /// Selects the school `school_id` on the readiness screen, if it is listed there.
    pub(super) fn select_readiness_school(&mut self, school_id: &str) {
        if let Some(view) = self.readiness_mut() {
            view.schools.select_id(&school_id.to_owned());
        }
        self.keep_school_in_view();
    }

    /// How the screen lies on the terminal now.
    fn readiness_rows(&self) -> Option<crate::ui::ReadinessRows> {
        let (width, height) = self.size;
        // The body is the terminal less the status line and the footer.
        let view = self.readiness()?;
        Some(crate::ui::readiness_rows(
            view,
            width,
            height.saturating_sub(2),
        ))
    }

    /// Scrolls just enough to show the selected school (in both rankings when they fit),
    /// no further than where the last line is at the bottom.
    fn keep_school_in_view(&mut self) {
        let Some(rows) = self.readiness_rows() else {
            return;
        };
        if let Some(view) = self.readiness_mut() {
            let scroll = view.scroll.min(rows.last);
            view.scroll = in_view(scroll, &rows.selected, rows.height).min(rows.last);
        }
    }

    /// Moves the cursor by `by` schools. Past the last school the screen scrolls on (by as
    /// many lines), so that what is written below stays in reach; scrolled down past the
    /// selected school, the screen scrolls back up before the cursor moves.
    fn step_readiness(&mut self, by: isize) {
        let Some(rows) = self.readiness_rows() else {
            return;
        };
        let Some(view) = self.readiness_mut() else {
            return;
        };
        let on_last = view
            .schools
            .selected()
            .is_none_or(|at| at + 1 >= view.schools.len());
        let hidden_above = rows.selected.first().filter(|&&row| row < view.scroll);
        if by > 0 && on_last {
            view.scroll = view.scroll.saturating_add_signed(by).min(rows.last);
            return;
        }
        if let (true, Some(&row)) = (by < 0, hidden_above) {
            let lowest = (row + 1).saturating_sub(rows.height);
            view.scroll = view.scroll.saturating_sub(by.unsigned_abs()).max(lowest);
            return;
        }
        view.schools.move_by(by);
        self.keep_school_in_view();
    }

    /// The first school, at the top of the screen; or the last, with the screen at its end.
    fn readiness_end(&mut self, last: bool) {
        let Some(rows) = self.readiness_rows() else {
            return;
        };
        if let Some(view) = self.readiness_mut() {
            if last {
                view.schools.end();
                view.scroll = rows.last;
            } else {
                view.schools.home();
                view.scroll = 0;
            }
        }
        self.keep_school_in_view();
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

    /// Opens the form for a new review of the selected school, starting from its review
    /// in force, if it has one.
    fn review_school(&mut self) {
        let Some(view) = self.readiness() else {
            return;
        };
        let Some(school_id) = view.selected().map(str::to_owned) else {
            self.warn(
                "There is no school to review: schools come with the people who work in them",
            );
            return;
        };
        let in_force = view.board.in_force();
        match self.store.schools() {
            Ok(schools) => match schools.iter().position(|s| s.meta.id == school_id) {
                Some(at) => {
                    let criteria = self.config.readiness_criteria.clone();
                    let form = ReadinessForm::new(&schools, at, &criteria, &in_force);
                    self.open_form(Purpose::Readiness(form));
                }
                None => {
                    self.refresh_readiness();
                    self.warn("That school is no longer recorded; the list is read again");
                }
            },
            Err(error) => self.warn(format!("cannot read the schools: {error}")),
        }
    }

    /// Where the selected school's review is on screen now (on its own, or beside the
    /// rankings): how far it scrolls and how many lines show at once; none when it is not
    /// on screen (the rankings of a screen too narrow to have it beside them).
    fn review_pane(&self) -> Option<crate::ui::ReadinessReviewPane> {
        let (width, height) = self.size;
        let view = self.readiness()?;
        crate::ui::readiness_review_pane(view, width, height.saturating_sub(2))
    }

    /// Scrolls the selected school's review by `by` lines, no further than where its last
    /// line is at the bottom. Where it is not on screen, it is shown on its own first.
    fn scroll_review(&mut self, by: i32) {
        let Some(pane) = self.review_pane() else {
            self.read_review();
            return;
        };
        if let Some(view) = self.readiness_mut() {
            let from = i64::from(view.review_offset().min(pane.last));
            let to = (from + i64::from(by)).clamp(0, i64::from(pane.last));
            view.review = ReviewScroll {
                school_id: view.selected().map(str::to_owned),
                offset: u16::try_from(to).unwrap_or(0),
            };
        }
    }

    /// Shows the selected school's review on its own, over the whole body.
    fn read_review(&mut self) {
        let Some(view) = self.readiness_mut() else {
            return;
        };
        if view.selected().is_none() {
            self.warn(
                "There is no school to read a review of: schools come with the people who work \
                 in them",
            );
            return;
        }
        view.reading = true;
    }

    /// The readiness screen's keys while a school's review is shown on its own: `j`/`k`
    /// the next or previous school's review (the cursor moves on the rankings too),
    /// `J`/`K` and a page at a time scroll it, `e` reviews the school, `Esc` goes back to
    /// the rankings.
    fn update_reading(&mut self, msg: Msg) {
        let page = self
            .review_pane()
            .map_or(1, |pane| i32::from(pane.height.max(1)));
        match msg {
            Msg::Up | Msg::Down | Msg::Top | Msg::Bottom => {
                if let Some(view) = self.readiness_mut() {
                    match msg {
                        Msg::Up => view.schools.move_by(-1),
                        Msg::Down => view.schools.move_by(1),
                        Msg::Top => view.schools.home(),
                        _ => view.schools.end(),
                    }
                }
                self.keep_school_in_view();
            }
            Msg::DetailUp => self.scroll_review(-1),
            Msg::DetailDown => self.scroll_review(1),
            Msg::PageUp => self.scroll_review(-page),
            Msg::PageDown => self.scroll_review(page),
            Msg::Edit => self.review_school(),
            Msg::Back => {
                if let Some(view) = self.readiness_mut() {
                    view.reading = false;
                }
                self.keep_school_in_view();
            }
            _ => {}
        }
    }

    pub(super) fn update_readiness(&mut self, msg: Msg) {
        if self.readiness().is_some_and(|view| view.reading) {
            return self.update_reading(msg);
        }
        let page = super::list::PAGE as isize;
        match msg {
            Msg::Up => self.step_readiness(-1),
            Msg::Down => self.step_readiness(1),
            Msg::PageUp => self.step_readiness(-page),
            Msg::PageDown => self.step_readiness(page),
            Msg::Top => self.readiness_end(false),
            Msg::Bottom => self.readiness_end(true),
            Msg::DetailUp => self.scroll_review(-1),
            Msg::DetailDown => self.scroll_review(1),
            Msg::Open => self.read_review(),
            Msg::WriteHtml => self.write_readiness(true),
            Msg::WriteMarkdown => self.write_readiness(false),
            Msg::Edit => self.review_school(),
            Msg::Back => self.show_roster(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::in_view;

    #[test]
    fn a_selection_in_view_does_not_move_the_screen() {
        assert_eq!(in_view(3, &[5, 8], 10), 3);
    }

    #[test]
    fn a_selection_below_comes_up_to_the_foot_and_one_above_down_to_the_top() {
        assert_eq!(in_view(0, &[12], 10), 3);
        assert_eq!(in_view(6, &[2], 10), 2);
    }

    #[test]
    fn both_places_of_a_school_are_shown_when_they_fit_and_its_first_when_not() {
        assert_eq!(
            in_view(0, &[4, 11], 10),
            2,
            "both, moved as little as can be"
        );
        assert_eq!(in_view(0, &[4, 20], 10), 0, "the first is in view: enough");
        assert_eq!(in_view(0, &[20, 4], 10), 11, "the first one counts");
    }

    #[test]
    fn no_selection_leaves_the_screen_where_it_is() {
        assert_eq!(in_view(7, &[], 10), 7);
    }
}
