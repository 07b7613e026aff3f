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

    fn scroll_by(&mut self, lines: isize) {
        let last = self.report.rows.len().saturating_sub(1);
        self.scroll = self.scroll.saturating_add_signed(lines).min(last);
    }
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

    pub(super) fn update_time_spent(&mut self, msg: Msg) {
        let Screen::Time(screen) = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Grouping => screen.next_grouping(),
            Msg::Period => screen.next_span(),
            Msg::Up => screen.scroll_by(-1),
            Msg::Down => screen.scroll_by(1),
            Msg::PageUp => screen.scroll_by(-(super::list::PAGE as isize)),
            Msg::PageDown => screen.scroll_by(super::list::PAGE as isize),
            Msg::Top => screen.scroll = 0,
            Msg::Bottom => screen.scroll_by(isize::MAX),
            Msg::Back => self.show_roster(),
            _ => {}
        }
    }
}
