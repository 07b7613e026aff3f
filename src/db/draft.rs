//! Drafts: a visit being captured or the forms being filled in, saved as the coach types so
//! nothing is lost if the app is closed or crashes. They belong to this file alone
//! (`local_draft`); the body is the app's JSON, opaque here.

use super::{Applied, Command, Result, Store};
use rusqlite::TransactionBehavior;

/// A saved draft: the teacher it is about (empty when none), and its body as the app wrote it
/// (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub teacher_id: String,
    pub body: String,
    pub updated_at: String,
}

impl Store {
    /// Saves (or replaces) a draft in its own transaction. Like every `Transaction` here,
    /// it rolls back when dropped unfinished: after an error, a failed commit or a panic.
    pub fn save_draft(&mut self, id: &str, teacher_id: &str, body: &str) -> Result<()> {
        let stamp = self.clock.stamp();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO local_draft (id, teacher_id, body, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            (id, teacher_id, body, &stamp),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every unfinished draft, oldest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, teacher_id, body, updated_at FROM local_draft ORDER BY updated_at, id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(Draft {
                id: row.get(0)?,
                teacher_id: row.get(1)?,
                body: row.get(2)?,
                updated_at: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_draft(&mut self, id: &str) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM local_draft WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Applies the command that saves a draft's record and removes the draft, together:
    /// either the record is saved and the draft gone, or neither.
    pub fn apply_from_draft(&mut self, command: Command, draft_id: &str) -> Result<Applied> {
        self.batch(|store| {
            let applied = store.apply(command)?;
            store
                .conn
                .execute("DELETE FROM local_draft WHERE id = ?1", [draft_id])?;
            Ok(applied)
        })
    }
}
