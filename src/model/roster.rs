//! The roster, line by line: what the coach sees of each teacher at a glance.

use super::Teacher;
use chrono::NaiveDate;

/// One line of the roster: a teacher and what the coach needs to see at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub teacher: Teacher,
    pub focus: Option<String>,
    pub last_observed: Option<NaiveDate>,
    pub next_check_in: Option<NaiveDate>,
    /// Latest ratings, oldest first.
    pub recent_ratings: Vec<u8>,
}
