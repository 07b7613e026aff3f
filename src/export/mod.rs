//! Exports of one teacher's record: the conference brief as Markdown or as a printable
//! HTML page, and the whole record as JSON.
//!
//! Records are confidential personnel notes: private observations and check-ins are left
//! out unless asked for, and every piece of text a user typed is made safe for the format
//! it lands in (control characters shown, not obeyed; Markdown and HTML escaped).

mod brief;
pub mod calendar;
pub mod caseload;
mod chart;
pub mod feedback;
mod html;
mod json;
mod markdown;
pub mod readiness;
pub mod round;
mod safe_json;
pub mod school;
mod tally_chart;
#[cfg(test)]
mod tests;
pub mod time_spent;
mod words;

pub use brief::{ActionList, Brief, FocusSummary, GoalSummary, RatingPoint, SupportSummary};
pub use json::{FORMAT as JSON_FORMAT, VERSION as JSON_VERSION};

use crate::model::{Action, TeacherFile};
use chrono::NaiveDate;

/// What to put in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Only observations, check-ins, measures and actions done from this date on (open
    /// actions always count); goals and focus history stay whole.
    pub since: Option<NaiveDate>,
    /// Include private observations and check-ins, each marked "(private)".
    pub include_private: bool,
    /// The day the export is for: its title date, and what "overdue" is measured from.
    pub today: NaiveDate,
}

impl Options {
    /// Everything but private notes, as of `today`.
    pub fn new(today: NaiveDate) -> Options {
        Options {
            since: None,
            include_private: false,
            today,
        }
    }

    /// Whether an action belongs in the export: an open one always does (it is still
    /// owed), a done one when done within `since`.
    fn shows_action(&self, action: &Action) -> bool {
        match (action.done_on, self.since) {
            (Some(done), Some(since)) => done >= since,
            _ => true,
        }
    }
}

// Each export is of the file as given: load every observation into it first
// (`Store::load_all_observations`). A brief of a partial file says so in its header.

/// The conference brief as Markdown.
pub fn markdown(file: &TeacherFile, options: &Options) -> String {
    markdown::write(&Brief::new(file, options))
}

/// The conference brief as one self-contained printable HTML page (inline CSS and an
/// SVG chart; nothing fetched from anywhere).
pub fn html(file: &TeacherFile, options: &Options) -> String {
    html::write(&Brief::new(file, options))
}

/// The teacher's whole record as pretty JSON (`"format": "coachlog-teacher"`).
pub fn json(file: &TeacherFile, options: &Options) -> String {
    json::write(file, options)
}
