//! The Time screen: where the coach's time went, over the last 30 days, this school year
//! or all time, by kind, role, person or school, with the split by role at a glance.
//! What it sums is read once when it opens (days, kinds and minutes; no record's words);
//! switching the grouping or the period sums again without the store.

use super::keymap::Msg;
use super::{App, Screen};
use crate::model::Teacher;
use crate::model::time_spent::{Activity, Grouping, Period, TimeReport, time_report};
use chrono::NaiveDate;

/// The periods the screen steps through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Span {
    #[default]
    Days30,
    SchoolYear,
    All,
}

impl Span {
    pub fn label(self) -> &'static str {
        match self {
            Span::Days30 => "last 30 days",
            Span::SchoolYear => "this school year",
            Span::All => "all time",
        }
    }

    /// How a sentence says when: "Nothing recorded in the last 30 days".
    pub fn during(self) -> &'static str {
        match self {
            Span::Days30 => "in the last 30 days",
            Span::SchoolYear => "this school year",
            Span::All => "yet",
        }
    }

    fn next(self) -> Span {
        match self {
            Span::Days30 => Span::SchoolYear,
            Span::SchoolYear => Span::All,
            Span::All => Span::Days30,
        }
    }

    fn period(self, today: NaiveDate) -> Period {
        match self {
            Span::Days30 => Period::last_days(today, 30),
            Span::SchoolYear => Period::school_year(today),
            Span::All => Period::ALL,
        }
    }
}

/// The screen's state: what was read, how it is summed, and the sums.
#[derive(Debug, Clone, Default)]
pub struct TimeSpent {
    people: Vec<Teacher>,
    activities: Vec<Activity>,
    pub grouping: Grouping,
    pub span: Span,
    pub today: NaiveDate,
    /// The lines as grouped now.
    pub report: TimeReport,
    /// The same period by role, shown under any other grouping.
    pub by_role: TimeReport,
    /// The first line of the report shown (a long list of people scrolls).
    pub scroll: usize,
}

impl TimeSpent {
    pub fn new(people: Vec<Teacher>, activities: Vec<Activity>, today: NaiveDate) -> TimeSpent {
        let mut screen = TimeSpent {
            people,
            activities,
            today,
            ..TimeSpent::default()
        };
        screen.sum();
        screen
    }

    fn sum(&mut self) {
        let period = self.span.period(self.today);
        self.report = time_report(&self.people, &self.activities, period, self.grouping);
        self.by_role = time_report(&self.people, &self.activities, period, Grouping::Role);
        self.scroll = 0;
    }

    pub fn next_grouping(&mut self) {
        self.grouping = self.grouping.next();
        self.sum();
    }

    pub fn next_span(&mut self) {
        self.span = self.span.next();
        self.sum();
    }

    /// Moves the lines shown by `lines`, no further than where the last line is at the
    /// bottom of the `shown` lines the screen has room for.
    fn scroll_by(&mut self, lines: isize, shown: usize) {
        let last = self.report.rows.len().saturating_sub(shown);
        self.scroll = self.scroll.saturating_add_signed(lines).min(last);
    }
}

/// How far a key scrolls the report: lines, or pages of as many lines as the screen shows.
#[derive(Debug, Clone, Copy)]
enum Step {
    Lines(isize),
    Pages(isize),
}

impl App {
    pub fn time_spent(&self) -> Option<&TimeSpent> {
        match &self.screen {
            Screen::Time(screen) => Some(screen),
            _ => None,
        }
    }

    fn read_time_spent(&mut self) -> Option<TimeSpent> {
        match self.store.time_spent() {
            Ok((people, activities)) => Some(TimeSpent::new(people, activities, self.now.date())),
            Err(error) => {
                self.warn(format!("cannot read where the time went: {error}"));
                None
            }
        }
    }

    /// Opens the Time screen on the last 30 days by kind (one query).
    pub(super) fn show_time_spent(&mut self) {
        if let Some(screen) = self.read_time_spent() {
            self.screen = Screen::Time(Box::new(screen));
        }
    }

    /// Keeps the report's scroll within its last page after the terminal changed size.
    pub(super) fn fit_time_spent(&mut self) {
        self.scroll_time_spent(Step::Lines(0));
    }

    /// Reads the time again after a change, keeping the grouping and the period.
    pub(super) fn refresh_time_spent(&mut self) {
        let Some(mut fresh) = self.read_time_spent() else {
            return;
        };
        if let Screen::Time(screen) = &mut self.screen {
            (fresh.grouping, fresh.span) = (screen.grouping, screen.span);
            fresh.sum();
            **screen = fresh;
        }
    }

    /// Scrolls the report by `step`, never past the page that ends with its last line on
    /// a terminal the size it is now (also after a resize: `Step::Lines(0)`).
    fn scroll_time_spent(&mut self, step: Step) {
        let (width, height) = self.size;
        let Screen::Time(screen) = &mut self.screen else {
            return;
        };
        // The body is the terminal less the status line and the footer.
        let shown = crate::ui::time_report_lines(screen, width, height.saturating_sub(2));
        let lines = match step {
            Step::Lines(lines) => lines,
            Step::Pages(pages) => {
                pages.saturating_mul(isize::try_from(shown.max(1)).unwrap_or(isize::MAX))
            }
        };
        screen.scroll_by(lines, shown);
    }

    pub(super) fn update_time_spent(&mut self, msg: Msg) {
        let Screen::Time(screen) = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Grouping => screen.next_grouping(),
            Msg::Period => screen.next_span(),
            Msg::Up => self.scroll_time_spent(Step::Lines(-1)),
            Msg::Down => self.scroll_time_spent(Step::Lines(1)),
            Msg::PageUp => self.scroll_time_spent(Step::Pages(-1)),
            Msg::PageDown => self.scroll_time_spent(Step::Pages(1)),
            Msg::Top => self.scroll_time_spent(Step::Lines(isize::MIN)),
            Msg::Bottom => self.scroll_time_spent(Step::Lines(isize::MAX)),
            Msg::Back => self.show_roster(),
            _ => {}
        }
    }
}
