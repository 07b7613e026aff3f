//! Drafts: a visit being captured or the forms being filled in, saved as the coach types so
//! nothing is lost if the app is closed or crashes. They belong to this file alone
//! (`local_draft`); the body is the app's JSON, opaque here.

use super::{Applied, Command, Result, Store};

/// A saved draft: the teacher it is about (empty when none), and its body as the app wrote it
/// (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub teacher_id: String,
    pub body: String,
    pub updated_at: String,
    /// Another coachlog still running has it open: it is not offered here, or the same
    /// check-in would be saved twice.
    pub held_elsewhere: bool,
}

/// The `local_meta` key under which a draft's holder is kept.
const HOLDER: &str = "draft holder ";

/// This process, told apart from a later one given the same pid: the pid and, where the
/// system says, when the process started.
fn this_process() -> String {
    process_mark(std::process::id()).unwrap_or_else(|| std::process::id().to_string())
}

/// `pid:start` of a running process (Linux), or `pid` where start times cannot be read.
fn process_mark(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) in parentheses; the start
    // time is the 22nd field, the 20th after the name.
    let after_name = stat.rsplit_once(')')?.1;
    let start = after_name.split_whitespace().nth(19)?;
    Some(format!("{pid}:{start}"))
}

/// Whether the process a holder mark names is still running.
fn alive(mark: &str) -> bool {
    let Some(pid) = mark.split(':').next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    if mark.contains(':') {
        return process_mark(pid).as_deref() == Some(mark);
    }
    crate::platform::process_alive(pid)
}

impl Store {
    /// Saves (or replaces) a draft in its own transaction. Like every `Transaction` here,
    /// it rolls back when dropped unfinished: after an error, a failed commit or a panic.
    pub fn save_draft(&mut self, id: &str, teacher_id: &str, body: &str) -> Result<()> {
        let stamp = self.clock.stamp();
        let tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO local_draft (id, teacher_id, body, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            (id, teacher_id, body, &stamp),
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO local_meta (key, value) VALUES (?1 || ?2, ?3)",
            (HOLDER, id, this_process()),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Marks a draft as open in this window, so another window does not offer it too.
    pub fn hold_draft(&mut self, id: &str) -> Result<()> {
        let tx = self.begin_write()?;
        tx.execute(
            "INSERT OR REPLACE INTO local_meta (key, value) VALUES (?1 || ?2, ?3)",
            (HOLDER, id, this_process()),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every unfinished draft, oldest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT d.id, d.teacher_id, d.body, d.updated_at, m.value
               FROM local_draft d LEFT JOIN local_meta m ON m.key = ?1 || d.id
              ORDER BY d.updated_at, d.id",
        )?;
        let me = this_process();
        let rows = statement.query_map([HOLDER], |row| {
            let holder: Option<String> = row.get(4)?;
            Ok(Draft {
                id: row.get(0)?,
                teacher_id: row.get(1)?,
                body: row.get(2)?,
                updated_at: row.get(3)?,
                held_elsewhere: holder.is_some_and(|h| h != me && alive(&h)),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_draft(&mut self, id: &str) -> Result<()> {
        let tx = self.begin_write()?;
        tx.execute("DELETE FROM local_draft WHERE id = ?1", [id])?;
        tx.execute("DELETE FROM local_meta WHERE key = ?1 || ?2", (HOLDER, id))?;
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
            store.conn.execute(
                "DELETE FROM local_meta WHERE key = ?1 || ?2",
                (HOLDER, draft_id),
            )?;
            Ok(applied)
        })
    }
}
