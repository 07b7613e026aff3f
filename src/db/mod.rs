//! The one place that speaks SQL: opening and migrating the file, reading records,
//! and applying every change a user makes as one command in one transaction.

mod background;
mod caseload;
mod command;
mod copy;
mod draft;
mod files;
mod open;
mod open_actions;
mod query;
mod readiness;
mod record;
mod roster_start;
mod schools;
mod search;
mod tags;
mod time_spent;
mod trash;
mod walkthrough;

pub use background::{ActionsReader, Worker, worker};

/// A new record id: a ULID, each one after the one made before it in this process, even
/// within a millisecond (records added together, such as a goal and the next, then sort
/// by id in the order they were made, whatever the machine's speed).
pub(crate) fn new_id() -> String {
    static IDS: std::sync::Mutex<ulid::Generator> = std::sync::Mutex::new(ulid::Generator::new());
    // Past 2^80 ids in one millisecond (never), or a poisoned lock: a random one.
    match IDS.lock().ok().and_then(|mut ids| ids.generate().ok()) {
        Some(id) => id.to_string(),
        None => ulid::Ulid::new().to_string(),
    }
}
pub use caseload::{Imported, LastImport};
pub use command::{Applied, Change, Command};
pub use copy::{DailyBackup, Restored, folder_of, restore_file};
pub use draft::Draft;
pub use files::held_by_another_process;
pub use open::{APPLICATION_ID, SCHEMA_VERSION, default_path, teacher_names};
pub use query::{NameMatch, OBSERVATION_PAGE};
pub use record::{Record, table};
pub use search::{Found, Searcher, searchable};

use crate::clock::Clock;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// What can go wrong with the store, each said so a person knows what happened and what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a coachlog database (it is not an SQLite file); it was left as it was")]
    NotSqlite { path: PathBuf },
    #[error(
        "{path} is an empty file, not a coachlog database; it was left as it was. Remove it to start a new database there, or choose another file"
    )]
    Empty { path: PathBuf },
    #[error(
        "{side} is in the way: {why}. Nothing was opened or changed; move it out of the folder (keep it until you know it is not needed) and try again"
    )]
    InTheWay { side: PathBuf, why: String },
    #[error(
        "{path} is an SQLite database of another application (application id {app_id:#x}); it was left as it was"
    )]
    ForeignApp { path: PathBuf, app_id: i32 },
    #[error(
        "{path} was written by a newer coachlog (schema {found}, this one knows up to {supported}); update coachlog to open it. The file was left as it was"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("this file is open read-only (you may not write it or its folder): nothing was saved")]
    ReadOnly,
    #[error(
        "{path} needs an upgrade by this coachlog, but you may not write it or its folder; it was left as it was. Copy it somewhere you can write, or ask for write access"
    )]
    ReadOnlyUpgrade { path: PathBuf },
    #[error("the disk is full: nothing was saved. Free some space and try again")]
    DiskFull,
    #[error("the database is busy in another coachlog window; try again in a moment")]
    Busy,
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error(
        "{path} could not be upgraded to schema {version}: {cause}. The file was left as it was; keep using the coachlog that wrote it, and report this"
    )]
    Migration {
        path: PathBuf,
        /// The migration that failed.
        version: i64,
        /// What went wrong, in SQLite's words, without the SQL.
        cause: String,
    },
    /// The change breaks a rule of the record (a duplicate name, a missing field...).
    #[error("{0}")]
    Invalid(String),
    /// A field a change is based on was changed meanwhile in another window (another
    /// connection to the file); nothing was written.
    #[error(
        "{field} was changed in another window to {theirs} since you opened this form; yours: {yours}. Nothing was saved"
    )]
    Conflict {
        kind: crate::model::Kind,
        id: String,
        /// The field as a person names it.
        field: String,
        /// Its value now, written by the other window.
        theirs: String,
        /// The value this change would write (or, for an undo, the one it had left).
        yours: String,
    },
    #[error(
        "this {kind} was moved to the trash in another window since you opened it; nothing was saved (restore it from the trash to change it)"
    )]
    Trashed { kind: crate::model::Kind },
    #[error("no {kind} with id {id}")]
    NotFound {
        kind: crate::model::Kind,
        id: String,
    },
    /// Work given up because coachlog was asked to close; nothing of it was kept.
    #[error("stopped as coachlog was closing; nothing of it was kept")]
    Stopped,
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::ReadOnly) => Error::ReadOnly,
            Some(ErrorCode::NotADatabase) => Error::Sqlite(error),
            _ => Error::Sqlite(error),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The page cache of the searcher's connection, in KiB: half of the screen's. Each search
/// reads the notes it lists and their teachers, pages scattered through the file, and the
/// next key reads most of them again; kept at the usual 4 MiB, they put 3 MB on the peak
/// memory of a session that searches at district scale.
pub const SEARCH_PAGES_KIB: i64 = 1024;

/// The page cache, in KiB, of a connection on a thread of its own that reads each page
/// once (a teacher read ahead, the agenda's open actions): kept, pages would only weigh
/// on memory (the open actions at district scale, 0.7 MB).
pub const READ_ONCE_PAGES_KIB: i64 = 256;

/// An open coachlog database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    replica_id: String,
    author: String,
    clock: Clock,
    /// Inside `batch`: commands run in savepoints of one open transaction.
    in_batch: bool,
    /// The user may not write the file: every reading works, every write is refused.
    read_only: bool,
    /// The search index's triggers are made on this connection (before its first write).
    index_triggers: bool,
}

impl Store {
    /// Open (creating if needed) the database at `path`, refusing files that are not ours.
    pub fn open(path: &Path, clock: Clock) -> Result<Store> {
        open::open(path, clock, open::Access::Write)
    }

    /// Opens an existing file read-only, as `open` does for a file the user may not write
    /// (tests running as root, who may write anything, see the same app that way).
    #[doc(hidden)]
    pub fn open_read_only(path: &Path, clock: Clock) -> Result<Store> {
        open::open(path, clock, open::Access::Read)
    }

    /// Opens another read-only connection to a file a store of this process has open, for
    /// a thread of its own (searches, the agenda's actions). The file is not identified
    /// again: from inside the process that store's locks look like nobody's, so its log
    /// would be copied and replayed to be checked, the whole file with it.
    pub fn open_beside(path: &Path, clock: Clock) -> Result<Store> {
        open::open(path, clock, open::Access::Beside)
    }

    /// Keeps at most `kib` KiB of the file's pages in memory, for a connection that reads
    /// most pages once: a teacher's records lie one to a page, scattered through the file,
    /// and a search reads the notes it shows and their teachers.
    pub fn keep_few_pages(&self, kib: i64) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -kib)?;
        Ok(())
    }

    /// Opens a file to check it: one at the latest schema is read as it is and nothing is
    /// written to it, however damaged it is (an older one is upgraded first, as by `open`).
    pub fn open_to_check(path: &Path, clock: Clock) -> Result<Store> {
        open::open(path, clock, open::Access::Check)
    }

    /// Whether the file was opened read-only because the user may not write it.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// This file's replica id, stamped on every row it changes.
    pub fn replica_id(&self) -> &str {
        &self.replica_id
    }

    /// Stamps what this copy writes from now on with `author` (the config's name).
    pub fn set_author(&mut self, author: &str) {
        author.clone_into(&mut self.author);
    }

    /// The name stamped as author on rows this copy writes.
    pub fn author(&self) -> &str {
        &self.author
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Freeze or move the clock (tests, demos).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Caps the file at `pages` pages, so that tests can see what a full disk does.
    #[doc(hidden)]
    pub fn cap_size_for_tests(&self, pages: u32) -> Result<()> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// Writes a consistent copy of the whole database to a new owner-only file, whole or
    /// not at all (see `copy`).
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        copy::write_copy(&self.conn, target)
    }

    /// A number that moves whenever another connection (another window, the command line)
    /// commits to the file, and never for this store's own writes: reading it tells, in
    /// microseconds, whether what is on screen may be stale.
    pub fn data_version(&self) -> Result<i64> {
        let mut statement = self.conn.prepare_cached("PRAGMA data_version")?;
        Ok(statement.query_row([], |row| row.get(0))?)
    }

    /// Runs SQLite's own checks; returns the problems found (empty when all is well).
    pub fn check(&self) -> Result<Vec<String>> {
        self.run_checks(false)
    }

    /// [`Store::check`] with `quick_check`, which reads every page and record but does not
    /// match each index entry to its row: much faster on a large file; it misses only an
    /// index that disagrees with its table.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        self.run_checks(true)
    }

    fn run_checks(&self, quick: bool) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let pragma = if quick {
            "PRAGMA quick_check"
        } else {
            "PRAGMA integrity_check"
        };
        let mut integrity = self.conn.prepare(pragma)?;
        for line in integrity.query_map([], |row| row.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(line);
            }
        }
        let mut foreign = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = foreign.query_map([], |row| {
            Ok(format!(
                "{} row {} points to a missing {}",
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                row.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }
}

#[cfg(test)]
mod id_tests {
    #[test]
    fn ids_made_one_after_another_sort_in_that_order() {
        let ids: Vec<String> = (0..2000).map(|_| super::new_id()).collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "in order");
        assert!(ids.iter().all(|id| ulid::Ulid::from_string(id).is_ok()));
    }
}
