//! The roster, line by line: what the coach sees of each teacher at a glance.

use super::Teacher;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One line of the roster: a teacher and what the coach needs to see at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterRow {
    pub teacher: Teacher,
    pub focus: Option<String>,
    pub last_observed: Option<NaiveDate>,
    pub next_check_in: Option<NaiveDate>,
    /// Latest ratings, oldest first.
    pub recent_ratings: Vec<u8>,
}

/// What the roster's header and columns need of every person when only the first rows
/// are read (the first frame of a large caseload): how many there are of each role, and
/// the schools named.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RosterSummary {
    /// Everyone's role, one per person.
    pub roles: Vec<super::Role>,
    /// The schools named, once each, in order.
    pub schools: Vec<String>,
    /// Whether someone names no school.
    pub someone_without_school: bool,
}

impl RosterSummary {
    /// How many people there are.
    pub fn total(&self) -> usize {
        self.roles.len()
    }

    /// The school everyone belongs to, if there is one.
    pub fn one_school(&self) -> Option<&str> {
        match self.schools.as_slice() {
            [only] if !self.someone_without_school => Some(only),
            _ => None,
        }
    }
}
