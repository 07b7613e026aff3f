//! The trash: records moved there by a delete, listed and brought back.

use super::{Applied, Command, Error, Result, Store};
use crate::model::{Kind, Trashed};

/// Each kind's table, the teacher it belongs to, and the words that name a record.
const ARMS: [(Kind, &str, &str); 11] = [
    (Kind::Teacher, "r.id", "r.name"),
    (Kind::Goal, "r.teacher_id", "r.statement"),
    (
        Kind::Measure,
        "(SELECT g.teacher_id FROM goal g WHERE g.id = r.goal_id)",
        "r.value || ' ' || r.note",
    ),
    (Kind::Focus, "r.teacher_id", "r.statement"),
    (Kind::Observation, "r.teacher_id", "r.evidence"),
    (Kind::CheckIn, "r.teacher_id", "r.held_on || ' ' || r.notes"),
    (Kind::Action, "r.teacher_id", "r.what"),
    (
        Kind::Support,
        "r.teacher_id",
        "r.given_on || ' ' || replace(r.kind, '_', '-') || ' ' || r.note",
    ),
    (Kind::Walkthrough, "NULL", "r.practice"),
    (Kind::School, "NULL", "r.name"),
    (
        Kind::ReadinessReview,
        "NULL",
        "'readiness of ' || coalesce((SELECT s.name FROM school s WHERE s.id = r.school_id), '') || ' ' || r.reviewed_on",
    ),
];

impl Store {
    /// Everything in the trash, most recently deleted first (one query).
    pub fn trash(&self) -> Result<Vec<Trashed>> {
        let arms: Vec<String> = ARMS
            .iter()
            .map(|(kind, teacher, summary)| {
                format!(
                    "SELECT '{table}' AS kind, r.id AS id,
                        coalesce((SELECT t.name FROM teacher t WHERE t.id = {teacher}), '') AS teacher,
                        r.deleted_at AS deleted_at, substr({summary}, 1, 80) AS summary
                     FROM {table} r WHERE r.deleted_at IS NOT NULL",
                    table = super::record::table(*kind)
                )
            })
            .collect();
        let sql = format!("{} ORDER BY deleted_at DESC, id", arms.join(" UNION ALL "));
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], |row| {
            let table: String = row.get(0)?;
            Ok(Trashed {
                kind: Kind::ALL
                    .into_iter()
                    .find(|k| super::record::table(*k) == table)
                    .unwrap_or(Kind::Teacher),
                id: row.get(1)?,
                teacher: row.get(2)?,
                deleted_at: row.get(3)?,
                summary: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Brings a record back from the trash by its id, or any unique start of it (case does
    /// not matter: ids are shown in capitals), whatever its kind.
    pub fn restore(&mut self, id: &str) -> Result<Applied> {
        let typed = id.trim().to_uppercase();
        let trash = self.trash()?;
        let exact = trash.iter().find(|t| t.id.to_uppercase() == typed);
        let matching: Vec<&Trashed> = match exact {
            Some(exact) => vec![exact],
            None => trash
                .iter()
                .filter(|t| crate::model::id_starts_with(&t.id, &typed))
                .collect(),
        };
        let trashed = match matching.as_slice() {
            [one] => (*one).clone(),
            [] => {
                return Err(Error::Invalid(format!(
                    "nothing with id {} is in the trash; coachlog trash lists what is there",
                    crate::text::line(id.trim())
                )));
            }
            several => {
                return Err(Error::Invalid(format!(
                    "{} records in the trash start with {}; type more of the id",
                    several.len(),
                    crate::text::line(id.trim())
                )));
            }
        };
        self.apply(Command::Restore {
            kind: trashed.kind,
            id: trashed.id,
        })
    }
}
