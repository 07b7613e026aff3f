//! Opening a file: refuse what is not ours without touching it, lock down permissions,
//! set the pragmas, back up before a migration and migrate forward.

use super::copy::{partial_in, put_in_place};
use super::files::{Found, identify};
use super::{Error, Result, Store};
use crate::clock::Clock;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};
use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Written into the SQLite header so that coachlog files can be told from others ("CLOG").
pub const APPLICATION_ID: i32 = 0x434C_4F47;

pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_capture_and_rounds.sql"),
    include_str!("migrations/003_search.sql"),
    include_str!("migrations/004_roster_index.sql"),
    include_str!("migrations/005_measure_out_of.sql"),
    include_str!("migrations/006_seek_indexes.sql"),
    include_str!("migrations/007_search_prefix_one.sql"),
    include_str!("migrations/008_feedback.sql"),
    include_str!("migrations/009_supports.sql"),
    include_str!("migrations/010_focus_tallies.sql"),
    include_str!("migrations/011_people.sql"),
    include_str!("migrations/012_check_in_minutes.sql"),
    SCHOOLS,
    include_str!("migrations/014_readiness.sql"),
    ONE_WORD_TAGS,
    include_str!("migrations/016_open_actions_index.sql"),
    include_str!("migrations/017_roster_groups_index.sql"),
    include_str!("migrations/018_index_triggers_per_connection.sql"),
];

/// The migration that makes schools records: a step in Rust adds one for each school
/// name already on people, in the migration's transaction.
const SCHOOLS: &str = include_str!("migrations/013_schools.sql");

/// The migration that makes every tag one word: a step in Rust rewrites them by the
/// rule new tags follow, in the migration's transaction.
const ONE_WORD_TAGS: &str = include_str!("migrations/015_one_word_tags.sql");

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// SQLite's page cache, in KiB (a negative `cache_size`): SQLite's default 2 MB. Every
/// page kept counts towards the app's memory, and reading the whole roster touches about
/// one index page per teacher: 2,000 teachers fill any cache of a few megabytes, so one of
/// 4 MB only put 2 MB on the peak memory of a district's session (16.6 MB at L with 2 MB,
/// 18.8 with 4), with keys and the first frame the same. The file is not memory-mapped
/// (`mmap_size`) for the same reason (memory-mapped, 43 MB at 500 teachers against 12.5 MB).
const CACHE_KIB: i64 = 2 * 1024;

/// Prepared statements a connection keeps for reuse. Opening a teacher alone reads with
/// more than rusqlite's 16, so with those only, each was parsed and planned again on every
/// open, the oldest pushed out by the newest.
const STATEMENTS_KEPT: usize = 128;

/// How long a write waits for another coachlog on the same file before giving up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// The platform's data directory for coachlog, e.g. `~/.local/share/coachlog/coachlog.db`.
/// `None` when the folder would not be absolute (a relative `HOME`): the file would land
/// wherever coachlog happens to be started.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "coachlog")
        .map(|dirs| dirs.data_dir().join("coachlog.db"))
        .filter(|path| path.is_absolute())
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
    let what = what.into();
    move |source| Error::Io { what, source }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    crate::platform::create_private_dir_all(dir)
        .map_err(io(format!("cannot create the folder {}", dir.display())))
}

/// Whether this user may write the file and create its log beside it. Opening a file
/// for writing, without truncating it, changes nothing in it.
fn writable(path: &Path) -> bool {
    let folder = super::copy::folder_of(path);
    let folder_writable = fs::metadata(folder).is_ok_and(|m| !m.permissions().readonly());
    folder_writable && OpenOptions::new().write(true).open(path).is_ok()
}

/// Opens the file read-only. A file in WAL mode whose folder cannot take the shared-memory
/// file is opened as immutable: nobody may write there, so nobody is writing it.
fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(())) {
        // The log cannot be read without the shared-memory file it may not create.
        Err(error)
            if matches!(
                error.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) =>
        {
            drop(conn);
            let name = path.to_str().ok_or_else(|| {
                Error::Invalid(format!("{} is not a usable file name", path.display()))
            })?;
            let uri = format!(
                "file:{}?immutable=1",
                name.replace('%', "%25")
                    .replace('?', "%3f")
                    .replace('#', "%23")
            );
            Ok(Connection::open_with_flags(
                uri,
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?)
        }
        _ => Ok(conn),
    }
}

/// How a file is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Access {
    /// To read and write: brought to the latest schema, in write-ahead mode.
    Write,
    /// To read only, as for a file the user may not write.
    Read,
    /// To read only, beside a connection this process opened with `Write` or `Read`,
    /// which identified the file: it is not identified again. From inside the process
    /// this one's locks look like nobody's, so its own log would be copied and replayed
    /// to be checked, the whole file with it.
    Beside,
    /// To check: a file at the latest schema is read as it is, with nothing written to
    /// it (not even its mode or a missing setting), however damaged it may be.
    Check,
}

pub(super) fn open(path: &Path, clock: Clock, access: Access) -> Result<Store> {
    if access != Access::Beside
        && let Found::Nothing = identify(path)?
    {
        create(path, clock)?;
        identify(path)?;
    }
    let read_only = matches!(access, Access::Read | Access::Beside) || !writable(path);
    let mut conn = if read_only {
        open_read_only(path)?
    } else {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(path, flags)?
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(STATEMENTS_KEPT);

    // Only reads until the file is known to be ours.
    let not_sqlite = |error: rusqlite::Error| match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotSqlite { path: path.into() },
        _ => Error::from(error),
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(not_sqlite)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let objects: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let blank = app_id == 0 && version == 0 && objects == 0;
    if !blank && app_id != APPLICATION_ID {
        return Err(Error::ForeignApp {
            path: path.into(),
            app_id,
        });
    }
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.into(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    let as_it_is = access == Access::Check && !blank && version == SCHEMA_VERSION;
    let (replica_id, author) = if read_only || as_it_is {
        if blank || version < SCHEMA_VERSION {
            return Err(Error::ReadOnlyUpgrade { path: path.into() });
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        (
            read_local(&conn, "replica_id")?.unwrap_or_default(),
            read_local(&conn, "author")?.unwrap_or_else(default_author),
        )
    } else {
        let backup = if !blank && version < SCHEMA_VERSION {
            Some(backup_before_migration(&conn, path, version, clock)?)
        } else {
            None
        };
        prepare(&mut conn, path, version, backup, clock)?
    };
    Ok(Store {
        conn,
        path: path.into(),
        replica_id,
        author,
        clock,
        in_batch: false,
        read_only,
        index_triggers: false,
    })
}

/// Sets a writable connection's pragmas and brings its file to the latest schema (taking
/// away the copy made before, should that fail); returns the file's replica id and author.
fn prepare(
    conn: &mut Connection,
    path: &Path,
    version: i64,
    backup: Option<PathBuf>,
    clock: Clock,
) -> Result<(String, String)> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let migrations = Migrations::new(
        MIGRATIONS
            .iter()
            .map(|sql| match *sql {
                SCHOOLS => M::up_with_hook(sql, move |tx: &Transaction| {
                    Ok(super::schools::schools_from_names(tx, clock)?)
                }),
                ONE_WORD_TAGS => {
                    M::up_with_hook(sql, |tx: &Transaction| Ok(super::tags::one_word_tags(tx)?))
                }
                _ => M::up(sql),
            })
            .collect(),
    );
    // Migration 1 also stamps the application id, in the same transaction.
    if let Err(error) = migrations.to_latest(conn) {
        // Every migration ran in one transaction, now rolled back: the file is as it
        // was, so the copy taken before is not needed, and a retry makes no other.
        if let Some(backup) = backup {
            let _ = fs::remove_file(backup);
        }
        return Err(migration_failed(path, version, error));
    }
    Ok((
        local_value(conn, "replica_id", || ulid::Ulid::new().to_string())?,
        local_value(conn, "author", default_author)?,
    ))
}

/// Writes a new, empty database for `path` under a temporary name beside it, then gives
/// it the name: a coachlog stopped while creating its file leaves nothing at the name
/// (an empty file there would be refused on every later start). A file another coachlog
/// put there meanwhile is kept, and opened instead.
fn create(path: &Path, clock: Clock) -> Result<()> {
    let folder = super::copy::folder_of(path);
    create_private_dir(folder)?;
    let what = format!("cannot create {}", path.display());
    let partial = partial_in(folder, &what)?;
    let mut conn = Connection::open_with_flags(
        partial.path(),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    prepare(&mut conn, path, 0, None, clock)?;
    // Closing folds the log into the file and removes it.
    conn.close().map_err(|(_, error)| Error::from(error))?;
    match put_in_place(partial, path, &what) {
        // Another coachlog created the file meanwhile: that one is opened.
        Err(_) if fs::symlink_metadata(path).is_ok() => Ok(()),
        done => done,
    }
}

/// The person's login name, as the author of what this copy writes.
pub(super) fn default_author() -> String {
    ["COACHLOG_AUTHOR", "USER", "USERNAME"]
        .iter()
        .find_map(|name| {
            std::env::var(name)
                .ok()
                .filter(|value| !value.trim().is_empty())
        })
        .unwrap_or_else(|| "coach".to_string())
}

/// A `local_meta` value, if it was ever written.
fn read_local(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM local_meta WHERE key = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()?)
}

/// Reads a `local_meta` value, creating it on first use.
fn local_value(conn: &Connection, key: &str, make: impl FnOnce() -> String) -> Result<String> {
    if let Some(value) = read_local(conn, key)? {
        return Ok(value);
    }
    let value = make();
    // Dropped unfinished (an error, a failed COMMIT, a panic), the transaction rolls back.
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    super::files::count_write(&tx)?;
    tx.execute(
        "INSERT INTO local_meta (key, value) VALUES (?1, ?2)",
        (key, &value),
    )?;
    tx.commit()?;
    Ok(value)
}

impl Store {
    /// A pragma's value on the store's own connection, as text (`wal`, `2`, `1`), so that
    /// tests see the settings the app writes with rather than those of another connection.
    #[doc(hidden)]
    pub fn pragma(&self, name: &str) -> Result<String> {
        use rusqlite::types::ValueRef;
        Ok(self.conn.pragma_query_value(None, name, |row| {
            Ok(match row.get_ref(0)? {
                ValueRef::Null => String::new(),
                ValueRef::Integer(number) => number.to_string(),
                ValueRef::Real(number) => number.to_string(),
                ValueRef::Text(text) | ValueRef::Blob(text) => {
                    String::from_utf8_lossy(text).into_owned()
                }
            })
        })?)
    }

    /// Runs SQL on the store's own connection past every rule of `apply`, so that tests can
    /// see what the database itself enforces, or make a commit fail.
    #[doc(hidden)]
    pub fn execute_for_tests(&self, sql: &str) -> Result<()> {
        self.conn.execute_batch(sql)?;
        Ok(())
    }
}

/// A failed upgrade in plain words: which migration failed and why, without its SQL.
fn migration_failed(path: &Path, from: i64, error: rusqlite_migration::Error) -> Error {
    let (version, cause) = match error {
        rusqlite_migration::Error::RusqliteError { query, err } => {
            let failed = MIGRATIONS.iter().position(|sql| *sql == query);
            let version = failed.map_or(SCHEMA_VERSION, |index| index as i64 + 1);
            let cause = match Error::from(err) {
                Error::Sqlite(rusqlite::Error::SqliteFailure(_, Some(message))) => message,
                other => other.to_string(),
            };
            (version, cause)
        }
        other => (from + 1, other.to_string()),
    };
    Error::Migration {
        path: path.into(),
        version,
        cause,
    }
}

/// Copies the whole database beside itself before a migration changes it.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
    clock: Clock,
) -> Result<PathBuf> {
    let stamp = clock.now().format("%Y%m%d-%H%M%S");
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".v{version}-{stamp}.bak"));
    let backup = PathBuf::from(name);
    super::copy::write_copy(conn, &backup)?;
    Ok(backup)
}

/// The names of the active teachers in the file at `path`, for a shell completing
/// `--teacher`: read-only, nothing created, upgraded or backed up; nothing at all for a
/// missing file, a file that is not ours or one that cannot be read now.
pub fn teacher_names(path: &Path) -> Vec<String> {
    let read = || -> rusqlite::Result<Vec<String>> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
        if id != i64::from(APPLICATION_ID) {
            return Ok(Vec::new());
        }
        let mut statement = conn.prepare(
            "SELECT name FROM teacher WHERE deleted_at IS NULL AND archived = 0
             ORDER BY name COLLATE NOCASE",
        )?;
        statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()
    };
    if !path.is_file() {
        return Vec::new();
    }
    read().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_beside_the_store_does_not_copy_the_file_to_check_its_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("coachlog.db");
        let clock = Clock::System;
        let store = open(&path, clock, Access::Write).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO local_meta (key, value) VALUES ('seen', 'yes')",
                [],
            )
            .unwrap();
        let log = std::fs::metadata(super::super::files::beside(&path, "-wal")).unwrap();
        assert!(log.len() > 0, "the write is still in the log");
        let replays = || super::super::files::REPLAYS.with(|n| n.replace(0));
        replays();
        // Opened as a file from outside, the log is replayed onto a copy to be checked.
        drop(open(&path, clock, Access::Read).unwrap());
        assert_eq!(replays(), 1);
        let beside = open(&path, clock, Access::Beside).unwrap();
        assert_eq!(replays(), 0, "the store beside copies nothing");
        assert!(beside.read_only);
        let seen: String = beside
            .conn
            .query_row(
                "SELECT value FROM local_meta WHERE key = 'seen'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(seen, "yes", "and reads the log's latest write");
    }

    #[test]
    fn a_local_value_whose_commit_fails_is_rolled_back() {
        let conn = Connection::open_in_memory().unwrap();
        // A deferred foreign key broken by a trigger makes the COMMIT itself fail.
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             CREATE TABLE local_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
             CREATE TABLE parent (id TEXT PRIMARY KEY);
             CREATE TABLE child (parent_id TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
             CREATE TRIGGER breaks_a_key AFTER INSERT ON local_meta
                 BEGIN INSERT INTO child VALUES ('nowhere'); END;",
        )
        .unwrap();
        let refused = local_value(&conn, "author", || "coach".into()).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("FOREIGN KEY constraint failed"),
            "{refused}"
        );
        assert!(conn.is_autocommit(), "no transaction is left open");
        let stored: i64 = conn
            .query_row("SELECT count(*) FROM local_meta", [], |row| row.get(0))
            .unwrap();
        assert_eq!(stored, 0);

        conn.execute_batch("DROP TRIGGER breaks_a_key").unwrap();
        assert_eq!(
            local_value(&conn, "author", || "coach".into()).unwrap(),
            "coach"
        );
        assert_eq!(
            local_value(&conn, "author", || "other".into()).unwrap(),
            "coach"
        );
    }
}
