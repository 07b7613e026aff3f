//! Reads: what the screens, exports and commands ask of the store.

use super::record::{self, Record};
use super::{Result, Store};
use crate::model::{Action, CheckIn, Focus, Goal, Measure, Observation, Teacher};
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

impl Store {
    /// A record by id, trashed or not.
    pub fn get<R: Record>(&self, id: &str) -> Result<Option<R>> {
        Ok(record::get::<R>(&self.conn, id)?)
    }

    /// Teachers, by name; archived ones only when asked.
    pub fn teachers(&self, include_archived: bool) -> Result<Vec<Teacher>> {
        let filter = if include_archived {
            "1"
        } else {
            "archived = 0"
        };
        Ok(record::list(
            &self.conn,
            filter,
            "name COLLATE NOCASE, id",
            [],
        )?)
    }

    pub fn goals(&self, teacher_id: &str) -> Result<Vec<Goal>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "status = 'active' DESC, target_on, id",
            [teacher_id],
        )?)
    }

    pub fn measures(&self, goal_id: &str) -> Result<Vec<Measure>> {
        Ok(record::list(
            &self.conn,
            "goal_id = ?1",
            "measured_on, id",
            [goal_id],
        )?)
    }

    /// Every focus the teacher has had, newest first.
    pub fn focuses(&self, teacher_id: &str) -> Result<Vec<Focus>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "started_on DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// Observations, newest first.
    pub fn observations(&self, teacher_id: &str) -> Result<Vec<Observation>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "observed_at DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// Check-ins, newest first.
    pub fn check_ins(&self, teacher_id: &str) -> Result<Vec<CheckIn>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "held_on DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// Actions: open ones first by due date, then done ones newest first.
    pub fn actions(&self, teacher_id: &str) -> Result<Vec<Action>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "done_on IS NOT NULL, CASE WHEN done_on IS NULL THEN coalesce(due_on, '9999') END, done_on DESC, id",
            [teacher_id],
        )?)
    }

    /// The roster in one query: live teachers with their focus, last visit, next check-in
    /// and latest ratings.
    pub fn roster(&self, include_archived: bool) -> Result<Vec<RosterRow>> {
        let sql = format!(
            "SELECT {columns},
                f.statement AS focus_statement,
                (SELECT max(substr(o.observed_at, 1, 10)) FROM observation o
                   WHERE o.teacher_id = teacher.id AND o.deleted_at IS NULL) AS last_observed,
                (SELECT c.next_on FROM check_in c
                   WHERE c.teacher_id = teacher.id AND c.deleted_at IS NULL
                   ORDER BY c.held_on DESC, c.id DESC LIMIT 1) AS next_check_in,
                (SELECT group_concat(rating, '') FROM (
                   SELECT o.rating FROM observation o
                   WHERE o.teacher_id = teacher.id AND o.deleted_at IS NULL AND o.rating IS NOT NULL
                   ORDER BY o.observed_at DESC, o.id DESC LIMIT 8)) AS ratings
             FROM teacher LEFT JOIN focus f ON f.id = teacher.active_focus_id AND f.deleted_at IS NULL
             WHERE teacher.deleted_at IS NULL AND (?1 OR teacher.archived = 0)
             ORDER BY teacher.name COLLATE NOCASE, teacher.id",
            columns = record::columns::<Teacher>(),
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([include_archived], |row| {
            let ratings: Option<String> = row.get("ratings")?;
            let mut recent_ratings: Vec<u8> = ratings
                .unwrap_or_default()
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|digit| digit - b'0')
                .collect();
            recent_ratings.reverse();
            Ok(RosterRow {
                teacher: Teacher::from_row(row)?,
                focus: row.get("focus_statement")?,
                last_observed: parse_day(row.get("last_observed")?),
                next_check_in: parse_day(row.get("next_check_in")?),
                recent_ratings,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn parse_day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
}
