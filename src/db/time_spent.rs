//! What a time report sums, read in one query: the day, kind and minutes of every live
//! observation, check-in and support, and nothing of their words.

use super::{Result, Store};
use crate::model::Teacher;
use crate::model::time_spent::{Activity, ActivityKind};
use chrono::NaiveDate;
use rusqlite::types::Type;

/// A visit's day is its wall-clock date, as the coach's clock read it then
/// (`2026-11-23T10:42-05:00`), as [`Activity::of_observation`] takes it.
const ACTIVITIES: &str = "
SELECT teacher_id, substr(observed_at, 1, 10),
       CASE WHEN walkthrough_id IS NULL THEN 'observation' ELSE 'mark' END, minutes
  FROM observation WHERE deleted_at IS NULL
UNION ALL
SELECT teacher_id, held_on, 'check_in:' || kind, minutes FROM check_in WHERE deleted_at IS NULL
UNION ALL
SELECT teacher_id, given_on, 'support:' || kind, minutes FROM support WHERE deleted_at IS NULL";

fn conversion(
    column: usize,
    error: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(error))
}

#[derive(Debug, thiserror::Error)]
#[error("\"{0}\" is not a kind of activity")]
struct UnknownKind(String);

fn kind(word: &str) -> std::result::Result<ActivityKind, UnknownKind> {
    let unknown = || UnknownKind(word.to_owned());
    match word.split_once(':') {
        None if word == "observation" => Ok(ActivityKind::Observation),
        None if word == "mark" => Ok(ActivityKind::WalkthroughMark),
        Some(("check_in", kind)) => kind
            .parse()
            .map(ActivityKind::CheckIn)
            .map_err(|_| unknown()),
        Some(("support", kind)) => kind
            .parse()
            .map(ActivityKind::Support)
            .map_err(|_| unknown()),
        _ => Err(unknown()),
    }
}

impl Store {
    /// Everyone coached (archived too: their time was spent) and every live activity
    /// with them, for [`crate::model::time_spent::time_report`]. The same activities as
    /// [`crate::model::time_spent::activities`] finds in the whole caseload, without
    /// reading any record's text.
    pub fn time_spent(&self) -> Result<(Vec<Teacher>, Vec<Activity>)> {
        let people = self.teachers(true)?;
        let mut statement = self.conn.prepare_cached(ACTIVITIES)?;
        let rows = statement.query_map([], |row| {
            let on: String = row.get(1)?;
            let word: String = row.get(2)?;
            Ok(Activity {
                person_id: row.get(0)?,
                on: NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|e| conversion(1, e))?,
                kind: kind(&word).map_err(|e| conversion(2, e))?,
                minutes: row.get(3)?,
            })
        })?;
        let activities = rows.collect::<rusqlite::Result<Vec<Activity>>>()?;
        Ok((people, activities))
    }
}
