//! The whole caseload in and out: every row of every record table read as it is, and an
//! import that merges records by id, writing each as the file has it (its own id and
//! stamps), in one transaction that returns every row before and after.

use super::record::{self, Record};
use super::{Applied, Change, Error, Result, Store};
use crate::model::{
    Action, AnyRecord, Caseload, CheckIn, Focus, Goal, Kind, Measure, Observation, ReadinessReview,
    School, Support, Teacher, Walkthrough, is_newer, with_any,
};
use rusqlite::{Connection, OptionalExtension};

/// What an import did (or, on a dry run, would do).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// Every row added or replaced, before and after, in the order written: what undo
    /// inverts. A record added has no `before`.
    pub applied: Applied,
    /// Records left as they are here: this file has the same version or a newer one.
    pub skipped: Vec<(Kind, String)>,
}

impl Imported {
    /// How many records of each kind were added (`true`) or updated (`false`).
    pub fn changed(&self, added: bool) -> Vec<(Kind, usize)> {
        count(
            self.applied
                .changes
                .iter()
                .filter(|c| c.before.is_none() == added)
                .map(|c| c.kind),
        )
    }

    /// How many records of each kind were skipped.
    pub fn skipped_by_kind(&self) -> Vec<(Kind, usize)> {
        count(self.skipped.iter().map(|(kind, _)| *kind))
    }
}

fn count(kinds: impl Iterator<Item = Kind>) -> Vec<(Kind, usize)> {
    let mut counts: Vec<(Kind, usize)> = Vec::new();
    for kind in kinds {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts.sort();
    counts
}

fn every<R: Record>(conn: &Connection) -> Result<Vec<R>> {
    let sql = format!("{} ORDER BY id", record::select::<R>());
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([], R::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Every record, trash included, each kind in id order.
    pub fn caseload(&self) -> Result<Caseload> {
        Ok(Caseload {
            teachers: every::<Teacher>(&self.conn)?,
            goals: every::<Goal>(&self.conn)?,
            measures: every::<Measure>(&self.conn)?,
            focuses: every::<Focus>(&self.conn)?,
            walkthroughs: every::<Walkthrough>(&self.conn)?,
            observations: every::<Observation>(&self.conn)?,
            check_ins: every::<CheckIn>(&self.conn)?,
            actions: every::<Action>(&self.conn)?,
            supports: every::<Support>(&self.conn)?,
            schools: every::<School>(&self.conn)?,
            readiness_reviews: every::<ReadinessReview>(&self.conn)?,
        })
    }

    /// Merges records from another file by id, all in one transaction: a record not here
    /// is added as it is, one here is replaced when the incoming copy is newer
    /// ([`is_newer`]), else skipped; so importing the same file twice changes nothing
    /// the second time. Every record must resolve its links (to a teacher, goal, focus,
    /// check-in or round) in this file or the import, else nothing is imported. A
    /// teacher left pointing at a focus that ended or went to the trash (each side
    /// changed by another copy) no longer has it as active focus.
    ///
    /// With `dry_run` everything is checked and counted, and then rolled back.
    pub fn import(&mut self, records: Vec<AnyRecord>, dry_run: bool) -> Result<Imported> {
        if self.read_only {
            return Err(Error::ReadOnly);
        }
        let repair = Repair {
            stamp: self.clock.stamp(),
            author: self.author.clone(),
            replica_id: self.replica_id.clone(),
        };
        let merge = |conn: &Connection| -> Result<Imported> {
            let mut imported = Imported::default();
            for any in records {
                if let AnyRecord::ReadinessReview(review) = &any {
                    review.check_figures().map_err(|why| {
                        Error::Invalid(format!(
                            "a readiness review in the file is refused ({why}); nothing was imported"
                        ))
                    })?;
                }
                with_any!(any, record => merge_one(conn, record, &mut imported))?;
            }
            repair.active_focuses(conn, &mut imported)?;
            check_links(conn)?;
            Ok(imported)
        };
        if self.in_batch {
            let savepoint = self.conn.savepoint()?;
            let imported = merge(&savepoint)?;
            if !dry_run {
                savepoint.commit()?;
            }
            Ok(imported)
        } else {
            let tx = self.begin_write()?;
            let imported = merge(&tx)?;
            if !dry_run {
                tx.commit()?;
            }
            Ok(imported)
        }
    }
}

fn merge_one<R: Record>(conn: &Connection, record: R, imported: &mut Imported) -> Result<()> {
    let meta = record.meta();
    if meta.id.trim().is_empty() {
        return Err(Error::Invalid(format!(
            "a {} in the file has no id; nothing was imported",
            R::KIND
        )));
    }
    let before = record::get::<R>(conn, &meta.id)?;
    match &before {
        Some(kept) if !is_newer(meta, kept.meta()) => {
            imported.skipped.push((R::KIND, meta.id.clone()));
            return Ok(());
        }
        Some(_) => {
            // The newer copy replaces the row whole: every field and the trash column.
            let every: Vec<&str> = R::COLUMNS.iter().copied().chain([record::TRASH]).collect();
            record::update_fields(conn, &record, &every)?;
        }
        None => record::insert(conn, &record)?,
    }
    imported.applied.changes.push(Change {
        kind: R::KIND,
        id: meta.id.clone(),
        before: before.map(Record::into_any),
        after: Some(record.into_any()),
    });
    Ok(())
}

/// The stamp this file puts on a row it has to change to keep a rule.
struct Repair {
    stamp: String,
    author: String,
    replica_id: String,
}

impl Repair {
    /// One active focus per teacher holds by the teacher's pointer; a merge can leave it
    /// pointing at a focus another copy ended or trashed (or of another teacher).
    fn active_focuses(&self, conn: &Connection, imported: &mut Imported) -> Result<()> {
        let mut broken = conn.prepare(
            "SELECT t.id FROM teacher t JOIN focus f ON f.id = t.active_focus_id
             WHERE f.ended_on IS NOT NULL OR f.deleted_at IS NOT NULL OR f.teacher_id <> t.id
             ORDER BY t.id",
        )?;
        let ids: Vec<String> = broken
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            let Some(before) = record::get::<Teacher>(conn, &id)? else {
                continue;
            };
            let mut after = before.clone();
            after.active_focus_id = None;
            after.meta.updated_at.clone_from(&self.stamp);
            after.meta.author.clone_from(&self.author);
            after.meta.replica_id.clone_from(&self.replica_id);
            record::update_fields(conn, &after, &["active_focus_id"])?;
            imported.applied.changes.push(Change {
                kind: Kind::Teacher,
                id,
                before: Some(AnyRecord::Teacher(before)),
                after: Some(AnyRecord::Teacher(after)),
            });
        }
        Ok(())
    }
}

/// Refuses an import whose records point at records neither side holds, before the
/// commit would (with SQLite's bare "FOREIGN KEY constraint failed").
fn check_links(conn: &Connection) -> Result<()> {
    let mut missing = conn.prepare("PRAGMA foreign_key_check")?;
    let first = missing
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(2)?))
        })?
        .next()
        .transpose()?;
    match first {
        None => Ok(()),
        Some((table, parent)) => Err(Error::Invalid(format!(
            "{} in the file points to {} that neither the file nor this caseload holds; \
             nothing was imported. Export the whole caseload again and import that file",
            label(&table),
            label(&parent)
        ))),
    }
}

/// A table's name as a person says one of its kind: "a teacher", "an observation".
fn label<'a>(table: &'a str) -> String {
    let kind: &'a str = Kind::ALL
        .into_iter()
        .find(|kind| record::table(*kind) == table)
        .map_or(table, |kind| kind.label());
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// Where the last import is kept, to be taken back as one step.
const LAST_IMPORT: &str = "last import";

/// The last import, as kept: what it was read from, when, and every row it changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LastImport {
    pub source: String,
    /// When it was made (UTC stamp).
    pub at: String,
    pub applied: Applied,
}

impl Store {
    /// Keeps what an import changed, so that `undo_last_import` can take it back. Called
    /// inside the import's own transaction: kept if, and only if, the import is. An import
    /// that changed nothing leaves the last one that did to be taken back.
    pub fn remember_import(&mut self, source: &str, applied: &Applied) -> Result<()> {
        if applied.changes.is_empty() {
            return Ok(());
        }
        let kept = LastImport {
            source: source.to_owned(),
            at: self.clock.stamp(),
            applied: applied.clone(),
        };
        let json = serde_json::to_string(&kept)
            .map_err(|error| Error::Invalid(format!("the import could not be kept: {error}")))?;
        self.batch(|store| {
            store.conn.execute(
                "INSERT OR REPLACE INTO local_meta (key, value) VALUES (?1, ?2)",
                (LAST_IMPORT, json),
            )?;
            Ok(())
        })
    }

    /// Takes back the last import as one step: every row it updated goes back to what it
    /// was, every record it added goes to the trash. Refused, changing nothing, when there
    /// is none or a row was changed since (`Error::Conflict`); taken back once only.
    pub fn undo_last_import(&mut self) -> Result<LastImport> {
        self.batch(|store| {
            let kept: Option<String> = store
                .conn
                .query_row(
                    "SELECT value FROM local_meta WHERE key = ?1",
                    [LAST_IMPORT],
                    |row| row.get(0),
                )
                .optional()?;
            let kept = kept.ok_or_else(|| {
                Error::Invalid("there is no import to take back in this file".into())
            })?;
            let kept: LastImport = serde_json::from_str(&kept).map_err(|error| {
                Error::Invalid(format!("the last import cannot be read back ({error})"))
            })?;
            store.apply(super::Command::Undo(kept.applied.clone()))?;
            store
                .conn
                .execute("DELETE FROM local_meta WHERE key = ?1", [LAST_IMPORT])?;
            Ok(kept)
        })
    }
}
