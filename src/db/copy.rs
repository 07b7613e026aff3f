//! Copies of the database that are whole or absent: backups, the copy taken before an
//! upgrade, the daily backup, and a backup put back in place of the database. Each is
//! written to a temporary name in its destination folder, synced, checked, then renamed,
//! so an interrupted one leaves nothing at the final name.

use super::files::{Found, beside, held_by_another_process, identify};
use super::{Error, Result, SCHEMA_VERSION, Store};
use crate::clock::Clock;
use rusqlite::{Connection, OpenFlags};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use tempfile::NamedTempFile;

/// The folder a file is in (`.` for a bare name), where its copies and temporary files go.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
    let what = what.into();
    move |source| Error::Io { what, source }
}

/// A new owner-only file with a temporary name in `folder`, removed unless persisted.
pub(super) fn partial_in(folder: &Path, what: &str) -> Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".coachlog-").suffix(".partial");
    crate::platform::owner_only(&mut builder, false);
    builder.tempfile_in(folder).map_err(io(what))
}

/// Runs SQLite's integrity check on a finished copy.
fn check_copy(path: &Path, what: &str, give_up: Option<&GiveUp>) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    if let Some(give_up) = give_up {
        give_up.running(&conn);
    }
    let verdict: String = conn.query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))?;
    if verdict != "ok" {
        return Err(Error::Invalid(format!(
            "{what}: the copy failed its check ({verdict}); nothing was written"
        )));
    }
    Ok(())
}

/// Syncs the partial file, renames it to `target` (never over an existing file) and
/// syncs the folder so the new name itself survives a power cut.
pub(super) fn put_in_place(partial: NamedTempFile, target: &Path, what: &str) -> Result<()> {
    partial.as_file().sync_all().map_err(io(what))?;
    match partial.persist_noclobber(target) {
        Ok(_) => {}
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(exists(what));
        }
        Err(error) => return Err(io(what)(error.error)),
    }
    if let Ok(folder) = File::open(folder_of(target)) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn exists(what: &str) -> Error {
    Error::Invalid(format!(
        "{what}: a file of that name is already there, and a copy never replaces one; nothing was written. Choose another name"
    ))
}

/// A consistent copy of the database into a new owner-only file at `target`, whole or not
/// at all. An existing file at `target` is never replaced.
pub(super) fn write_copy(conn: &Connection, target: &Path) -> Result<()> {
    write_copy_unless(conn, target, None)
}

/// How a copy being taken is given up once `stop` is set: the connection running now (the
/// copy's, then its check's) is interrupted, and nothing is put in place.
struct GiveUp<'a> {
    stop: &'a AtomicBool,
    running: Mutex<Option<rusqlite::InterruptHandle>>,
}

impl GiveUp<'_> {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn running(&self, conn: &Connection) {
        if let Ok(mut running) = self.running.lock() {
            *running = Some(conn.get_interrupt_handle());
        }
    }

    fn interrupt(&self) {
        if let Ok(running) = self.running.lock()
            && let Some(handle) = running.as_ref()
        {
            handle.interrupt();
        }
    }
}

fn write_copy_unless(conn: &Connection, target: &Path, give_up: Option<&GiveUp>) -> Result<()> {
    let what = format!("cannot create the backup {}", target.display());
    if fs::symlink_metadata(target).is_ok() {
        return Err(exists(&what));
    }
    let folder = folder_of(target);
    // SQLite takes the name of the file to write as text; check before creating anything.
    if folder.to_str().is_none() {
        return Err(Error::Invalid(format!(
            "{what}: coachlog can only write copies into a folder whose name is valid UTF-8; nothing was written. Choose another folder"
        )));
    }
    let partial = partial_in(folder, &what)?;
    let name = partial.path().to_str().unwrap_or_default().to_owned();
    conn.execute("VACUUM INTO ?1", [name])?;
    check_copy(partial.path(), &what, give_up)?;
    if give_up.is_some_and(GiveUp::stopped) {
        return Err(Error::Stopped);
    }
    put_in_place(partial, target, &what)
}

impl Store {
    /// The day's automatic backup, `backups/NAME-daily-YYYYMMDD.db` beside the database,
    /// taken if none was taken today; the oldest beyond the newest `keep` are removed (only
    /// daily ones: a backup the user made is never removed). Returns the new backup, if one
    /// was taken.
    pub fn daily_backup(&self, keep: u32) -> Result<Option<PathBuf>> {
        match self.daily_backup_job(keep) {
            Some(job) => job.take_with(&self.conn, None),
            None => Ok(None),
        }
    }

    /// The day's backup as a job to run on a thread of its own (see [`DailyBackup::take`]),
    /// so that a large file is copied while the app is already on screen; `None` when no
    /// backup is kept or the file is read-only.
    pub fn daily_backup_job(&self, keep: u32) -> Option<DailyBackup> {
        if keep == 0 || self.read_only {
            return None;
        }
        let folder = folder_of(&self.path).join("backups");
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "coachlog".into(), |s| s.to_string_lossy().into_owned());
        let prefix = format!("{stem}-daily-");
        let today = self.clock.today().format("%Y%m%d").to_string();
        Some(DailyBackup {
            db: self.path.clone(),
            target: folder.join(format!("{prefix}{today}.db")),
            folder,
            prefix,
            keep,
        })
    }
}

/// The day's backup, worked out and waiting to be taken.
#[derive(Debug, Clone)]
pub struct DailyBackup {
    db: PathBuf,
    folder: PathBuf,
    prefix: String,
    target: PathBuf,
    keep: u32,
}

impl DailyBackup {
    /// Takes the backup on a read-only connection of its own (SQLite lets the app write
    /// meanwhile; the copy is of the moment it began) and removes the surplus dailies.
    /// Given up as soon as `stop` is set (coachlog asked to close by a signal): the copy
    /// begun is thrown away and the connection closed, so the app's own log beside the
    /// file goes with the last connection, as on a quit. A backup left running would hold
    /// it there, and the next start would copy the whole file to check that log.
    pub fn take(self, stop: &AtomicBool) -> Result<Option<PathBuf>> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.db, flags)?;
        conn.busy_timeout(std::time::Duration::from_secs(15))?;
        // The copy streams page by page: a small cache keeps the app's memory low.
        conn.pragma_update(None, "cache_size", -256)?;
        let give_up = GiveUp {
            stop,
            running: Mutex::new(None),
        };
        if give_up.stopped() {
            return Err(Error::Stopped);
        }
        give_up.running(&conn);
        let done = AtomicBool::new(false);
        let taken = std::thread::scope(|scope| {
            // Watches for `stop` while the copy runs, and interrupts what is running.
            scope.spawn(|| {
                while !done.load(Ordering::Relaxed) {
                    if give_up.stopped() {
                        give_up.interrupt();
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
            });
            let taken = self.take_with(&conn, Some(&give_up));
            done.store(true, Ordering::Relaxed);
            taken
        });
        match taken {
            Err(_) if give_up.stopped() => Err(Error::Stopped),
            taken => taken,
        }
    }

    fn take_with(self, conn: &Connection, give_up: Option<&GiveUp>) -> Result<Option<PathBuf>> {
        let DailyBackup {
            folder,
            prefix,
            target,
            keep,
            ..
        } = self;
        let taken = if target.exists() {
            None
        } else {
            crate::platform::create_private_dir_all(&folder)
                .map_err(io(format!("cannot create the folder {}", folder.display())))?;
            write_copy_unless(conn, &target, give_up)?;
            Some(target)
        };
        let entries: Vec<PathBuf> = fs::read_dir(&folder)
            .map_err(io(format!("cannot read {}", folder.display())))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .collect();
        // A backup cut short (coachlog closed by a signal while it was being taken) leaves
        // its partial file; one a minute untouched is no longer being written.
        for partial in entries.iter().filter(|path| is_stale_partial(path)) {
            let _ = fs::remove_file(partial);
        }
        let mut dailies: Vec<PathBuf> = entries
            .into_iter()
            .filter(|path| is_daily(path, &prefix))
            .collect();
        dailies.sort();
        let surplus = dailies.len().saturating_sub(keep as usize);
        for old in &dailies[..surplus] {
            fs::remove_file(old).map_err(io(format!("cannot remove {}", old.display())))?;
        }
        Ok(taken)
    }
}

/// `NAME-daily-YYYYMMDD.db`, exactly.
/// A copy's temporary file (see `partial_in`), or its journal, last written over a
/// minute ago.
fn is_stale_partial(path: &Path) -> bool {
    let named = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| {
            name.starts_with(".coachlog-")
                && (name.ends_with(".partial") || name.ends_with(".partial-journal"))
        });
    let old = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(60));
    named && old
}

fn is_daily(path: &Path, prefix: &str) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_prefix(prefix))
        .and_then(|rest| rest.strip_suffix(".db"))
        .is_some_and(|date| date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()))
}

/// What `restore_file` did.
#[derive(Debug)]
pub struct Restored {
    /// Where the database that was replaced now is (`None` when there was none).
    pub previous: Option<PathBuf>,
}

/// Puts a copy of `from` in place of the database at `db`: `from` is checked first (a
/// coachlog file, not newer than this coachlog, nothing in a log beside it, integrity
/// ok), refused while another coachlog has `db` open, and the current database with its
/// `-wal` and `-shm` is moved aside as `DB.replaced-YYYYMMDD-HHMMSS` (each side file
/// keeping its suffix, so the old one still opens whole).
pub fn restore_file(db: &Path, from: &Path, clock: Clock) -> Result<Restored> {
    let what = format!("cannot restore {}", from.display());
    let found = identify(from).map_err(|error| {
        Error::Invalid(format!(
            "{what}: {error}. Nothing was changed; name a backup coachlog wrote"
        ))
    })?;
    match found {
        Found::Ours { version } if version <= SCHEMA_VERSION => {}
        Found::Ours { .. } | Found::Blank | Found::Nothing => {
            return Err(Error::Invalid(format!(
                "{what}: it is not a coachlog database; nothing was changed. Name a backup coachlog wrote"
            )));
        }
    }
    if fs::metadata(beside(from, "-wal")).is_ok_and(|m| m.len() > 0) {
        return Err(Error::Invalid(format!(
            "{what}: its log ({}-wal) holds changes not yet in it; nothing was changed. Open it once with coachlog --db, quit, and restore it again",
            from.display()
        )));
    }
    if held_by_another_process(db).map_err(io(format!("cannot read {}", db.display())))? {
        return Err(Error::Invalid(format!(
            "{what}: {} is open in another coachlog; nothing was changed. Quit it and try again",
            db.display()
        )));
    }
    let folder = folder_of(db);
    let mut partial = partial_in(folder, &what)?;
    let mut source = File::open(from).map_err(io(&what))?;
    std::io::copy(&mut source, partial.as_file_mut()).map_err(io(&what))?;
    partial.as_file().sync_all().map_err(io(&what))?;
    check_copy(partial.path(), &what, None)?;
    // Nor is a copy put in place that `coachlog check` would report: a record in it points
    // to one it does not hold (a damaged id).
    // Read-write, as in `check_copy`: closing it removes the log it opens beside the copy.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let copy = Connection::open_with_flags(partial.path(), flags)?;
    let broken: i64 =
        copy.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    drop(copy);
    if broken > 0 {
        return Err(Error::Invalid(format!(
            "{what}: {broken} of its records point to records it does not hold; nothing was changed. Name another backup"
        )));
    }

    let previous = if db.exists() {
        let stamp = clock.now().format("%Y%m%d-%H%M%S");
        let mut name = db.as_os_str().to_owned();
        name.push(format!(".replaced-{stamp}"));
        let aside = PathBuf::from(name);
        if fs::symlink_metadata(&aside).is_ok() {
            return Err(exists(&what));
        }
        // The log first: were this interrupted, a database left without its log opens an
        // older state, where a log left without its database would be lost.
        for suffix in ["-wal", "-shm", ""] {
            let current = beside(db, suffix);
            if fs::symlink_metadata(&current).is_ok() {
                fs::rename(&current, beside(&aside, suffix))
                    .map_err(io(format!("cannot move {} aside", current.display())))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    put_in_place(partial, db, &what)?;
    Ok(Restored { previous })
}
