//! `coachlog time`: where the coach's time went.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TimeArgs {
    /// The first day counted, e.g. "2026-08-01", "-30d", "1 aug" (default: the first
    /// record).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// The last day counted (default: the last record).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// What the minutes are summed by: each person, school, role (teacher, school leader,
    /// coach) or kind of activity (observation, walkthrough mark, check-in or support by
    /// its kind).
    #[arg(long, value_enum, default_value = "kind")]
    pub by: TimeBy,
    /// text: an aligned table; md: Markdown; csv: for a spreadsheet.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: TimeFormat,
    /// Write to this file (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// For a program coordinator: no name and no note. People become "Teacher 1",
    /// "Leader 1"…, numbered by role in the report's order, and --by person shows no
    /// school. --by school still names the schools (a school is not a person).
    #[arg(long)]
    pub anonymous: bool,
}

/// What `coachlog time` sums by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimeBy {
    Person,
    School,
    Role,
    Kind,
}

/// What `coachlog time` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimeFormat {
    #[value(alias = "txt")]
    Text,
    #[value(alias = "markdown")]
    Md,
    Csv,
}
