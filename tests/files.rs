//! The file and the files beside it: what opening refuses (and leaves byte for byte as it
//! was, side files included), copies that are whole or absent, and upgrades that fail
//! without leaving anything behind.

mod common;

use coachlog::db::{Error, SCHEMA_VERSION, Store};
use coachlog::model::{AnyRecord, Teacher};
use common::clock;
use std::fs;
use std::path::{Path, PathBuf};

const SIDES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

fn beside(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.db");
    (dir, path)
}

fn add_teacher(store: &mut Store, name: &str) {
    let teacher = Teacher {
        name: name.into(),
        cadence_days: 14,
        ..Teacher::default()
    };
    store
        .apply(coachlog::db::Command::Add(AnyRecord::Teacher(teacher)))
        .unwrap();
}

fn names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .teachers(true)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    names.sort();
    names
}

/// The database and every file beside it, as bytes (`None`: absent).
fn snapshot(path: &Path) -> Vec<Option<Vec<u8>>> {
    SIDES
        .iter()
        .map(|suffix| fs::read(beside(path, suffix)).ok())
        .collect()
}

/// What a crash leaves: the database and its side files copied while a connection has
/// them open, changes still in the log.
fn copy_as_crashed(from: &Path, to: &Path) {
    for suffix in SIDES {
        if let Ok(bytes) = fs::read(beside(from, suffix)) {
            fs::write(beside(to, suffix), bytes).unwrap();
        }
    }
}

/// Opens `path` expecting a refusal; the file and every file beside it are as they were.
fn refused_untouched(path: &Path) -> Error {
    let before = snapshot(path);
    let error = match Store::open(path, clock()) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(error) => error,
    };
    assert!(snapshot(path) == before, "a file changed: {error}");
    error
}

#[test]
fn an_empty_file_is_refused_like_any_other_file_that_is_not_coachlogs() {
    let (_dir, path) = temp_db();
    fs::write(&path, b"").unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::Empty { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("empty file"), "{message}");
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn a_crash_before_the_first_checkpoint_keeps_every_write() {
    // A new file keeps everything, even who it belongs to, in its log until the log is
    // folded in: the file itself still looks blank.
    let (dir, path) = temp_db();
    let copy = dir.path().join("crashed.db");
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    copy_as_crashed(&path, &copy);
    assert!(fs::metadata(beside(&copy, "-wal")).unwrap().len() > 0);
    let reopened = Store::open(&copy, clock()).unwrap();
    assert_eq!(names(&reopened), ["Smith, Dan"]);

    // And later, with the log begun again after a checkpoint.
    drop((store, reopened));
    let mut store = Store::open(&path, clock()).unwrap();
    for name in ["Lee, Min", "Okafor, Ngozi"] {
        add_teacher(&mut store, name);
    }
    let later = dir.path().join("later.db");
    copy_as_crashed(&path, &later);
    assert!(fs::metadata(beside(&later, "-wal")).unwrap().len() > 0);
    let reopened = Store::open(&later, clock()).unwrap();
    assert_eq!(
        names(&reopened),
        ["Lee, Min", "Okafor, Ngozi", "Smith, Dan"]
    );
    assert!(reopened.check().unwrap().is_empty());
}

/// Another program's database in write-ahead mode, copied as a crash leaves it.
fn foreign_with_log(dir: &Path, name: &str) -> PathBuf {
    let source = dir.join(format!("{name}-source.db"));
    let conn = rusqlite::Connection::open(&source).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .unwrap();
    let path = dir.join(format!("{name}.db"));
    copy_as_crashed(&source, &path);
    drop(conn);
    path
}

#[test]
fn another_programs_file_with_a_log_or_a_journal_is_refused_and_nothing_is_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = foreign_with_log(dir.path(), "contacts");
    assert!(beside(&path, "-wal").exists() && beside(&path, "-shm").exists());
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::ForeignApp { .. }), "{error}");

    // A rollback journal SQLite would play back into the file.
    let path = dir.path().join("roster.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE roster (name TEXT); INSERT INTO roster VALUES ('x');")
        .unwrap();
    let mut journal = vec![0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7];
    journal.resize(4096, 0x5A);
    fs::write(beside(&path, "-journal"), &journal).unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::ForeignApp { .. }), "{error}");

    // Not SQLite at all, with a log beside it.
    let notes = dir.path().join("notes.db");
    fs::write(&notes, "Name,School\nSmith,Eastside\n".repeat(20)).unwrap();
    let other = foreign_with_log(dir.path(), "other");
    fs::copy(beside(&other, "-wal"), beside(&notes, "-wal")).unwrap();
    let error = refused_untouched(&notes);
    assert!(matches!(error, Error::NotSqlite { .. }), "{error}");
}

#[test]
fn a_hot_journal_beside_a_coachlog_file_is_named_and_not_played_back() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path, clock()).unwrap());
    let mut journal = vec![0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7];
    journal.resize(4096, 0x5A);
    fs::write(beside(&path, "-journal"), &journal).unwrap();
    let error = refused_untouched(&path);
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}-journal is in the way", path.display())),
        "{message}"
    );
    assert!(message.contains("move it out of the folder"), "{message}");
}

/// A caseload left by a crash: its log holds the last teachers added.
fn crashed_caseload(dir: &Path) -> PathBuf {
    let source = dir.join("source.db");
    let mut store = Store::open(&source, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    drop(store);
    let mut store = Store::open(&source, clock()).unwrap();
    for n in 0..3 {
        add_teacher(&mut store, &format!("Added after the backup {n}"));
    }
    let path = dir.join("coachlog.db");
    copy_as_crashed(&source, &path);
    path
}

#[test]
fn a_backup_put_over_a_crashed_database_is_not_mixed_with_the_old_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = crashed_caseload(dir.path());
    // The backup, taken the way coachlog takes them, copied over the database by hand.
    let backup = dir.path().join("backup.db");
    {
        let mut other = Store::open(&dir.path().join("other.db"), clock()).unwrap();
        add_teacher(&mut other, "Brandt, Felix");
        other.backup_to(&backup).unwrap();
    }
    fs::copy(&backup, &path).unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::InTheWay { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}-wal is in the way", path.display())),
        "{message}"
    );

    // A database of the same kind copied as a file, with a longer history of its own.
    let copied = dir.path().join("copied.db");
    {
        let mut other = Store::open(&copied, clock()).unwrap();
        for n in 0..40 {
            add_teacher(&mut other, &format!("Teacher {n}"));
        }
    }
    fs::copy(&copied, &path).unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::InTheWay { .. }), "{error}");

    // With the log moved away as the message says, the backup opens whole.
    fs::remove_file(beside(&path, "-wal")).unwrap();
    fs::copy(&backup, &path).unwrap();
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(names(&store), ["Brandt, Felix"]);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_newer_coachlogs_file_is_refused_from_its_log_untouched() {
    let (dir, path) = temp_db();
    let source = dir.path().join("source.db");
    drop(Store::open(&source, clock()).unwrap());
    let conn = rusqlite::Connection::open(&source).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    copy_as_crashed(&source, &path);
    assert!(fs::metadata(beside(&path, "-wal")).unwrap().len() > 0);
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::TooNew { .. }), "{error}");
}

#[test]
fn a_log_left_without_its_database_is_not_deleted_by_starting_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let crashed = crashed_caseload(dir.path());
    let path = dir.path().join("moved.db");
    fs::copy(beside(&crashed, "-wal"), beside(&path, "-wal")).unwrap();
    let error = refused_untouched(&path);
    assert!(matches!(error, Error::InTheWay { .. }), "{error}");
    assert!(!path.exists(), "no database was created");
}

#[test]
fn a_backup_is_written_whole_under_a_temporary_name_then_renamed() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    let target = dir.path().join("copy.db");
    store.backup_to(&target).unwrap();
    common::assert_owner_only(&target);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(
        names(&Store::open(&target, clock()).unwrap()),
        ["Smith, Dan"]
    );

    // A name that is taken is never replaced, and nothing else is left behind.
    fs::write(dir.path().join("taken.db"), "keep me").unwrap();
    let error = store.backup_to(&dir.path().join("taken.db")).unwrap_err();
    assert!(error.to_string().contains("already there"), "{error}");
    assert_eq!(fs::read(dir.path().join("taken.db")).unwrap(), b"keep me");
}

#[cfg(unix)]
#[test]
fn a_backup_into_a_folder_named_in_bytes_that_are_not_utf8_leaves_nothing() {
    use std::os::unix::ffi::OsStrExt;
    let (dir, path) = temp_db();
    let store = Store::open(&path, clock()).unwrap();
    let folder = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    fs::create_dir(&folder).unwrap();
    let error = store.backup_to(&folder.join("copy.db")).unwrap_err();
    assert!(error.to_string().contains("UTF-8"), "{error}");
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        0,
        "nothing was written"
    );

    // Only the folder matters: a file name in other bytes is written whole.
    let odd = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"copie-\xe9t\xe9.db"));
    store.backup_to(&odd).unwrap();
    assert!(fs::metadata(&odd).unwrap().len() > 0);
}

/// A file at schema 3 whose upgrade to 4 fails: the index migration 4 creates is there
/// already.
fn file_whose_upgrade_fails(path: &Path) {
    let mut store = Store::open(path, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
}

#[test]
fn a_failed_upgrade_says_which_and_why_in_one_line_and_leaves_no_copy_behind() {
    let (dir, path) = temp_db();
    file_whose_upgrade_fails(&path);
    for _attempt in 0..2 {
        let error = Store::open(&path, clock())
            .err()
            .expect("the upgrade fails");
        let message = error.to_string();
        assert!(message.contains("upgraded to schema 4"), "{message}");
        assert!(message.contains("already exists"), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(!message.contains("CREATE"), "no SQL: {message}");
        assert!(!message.contains('\n'), "one line: {message}");
        assert!(message.len() < 300, "{message}");
        let bak: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".bak") || name.ends_with(".partial"))
            .collect();
        assert!(bak.is_empty(), "no copy left for a failed upgrade: {bak:?}");
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 3, "the file is as it was");
    let kept: String = conn
        .query_row("SELECT name FROM teacher", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "Smith, Dan");
}

/// A day's backup still being taken when a signal asks coachlog to close gives up: no copy
/// is left, whole or partial, and once the app's connection closes too, no log is left
/// beside the file (a backup left running held it there, and the next start copied the
/// whole file to check it).
#[test]
fn a_backup_asked_to_stop_gives_up_and_leaves_nothing_behind() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    drop(store);
    // Enough pages that the copy is still running when it is asked to stop.
    let filler = rusqlite::Connection::open(&path).unwrap();
    filler
        .execute_batch(
            "CREATE TABLE filler (x BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
             INSERT INTO filler SELECT randomblob(8000) FROM n;",
        )
        .unwrap();
    drop(filler);
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Okafor, Ngozi");
    let job = store.daily_backup_job(3).expect("a backup is due");
    let stop = std::sync::atomic::AtomicBool::new(false);
    let taken = std::thread::scope(|scope| {
        let backup = scope.spawn(|| job.take(&stop));
        std::thread::sleep(std::time::Duration::from_millis(5));
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        backup.join().unwrap()
    });
    assert!(matches!(taken, Err(Error::Stopped)), "{taken:?}");
    let folder = dir.path().join("backups");
    let left: Vec<_> = fs::read_dir(&folder)
        .map(|entries| entries.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
    drop(store);
    assert!(
        !beside(&path, "-wal").exists(),
        "the log went with the last connection"
    );
}

#[test]
fn the_daily_backup_is_taken_once_a_day_and_the_newest_are_kept() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path, clock()).unwrap();
    add_teacher(&mut store, "Smith, Dan");
    let folder = dir.path().join("backups");
    let taken = store
        .daily_backup(3)
        .unwrap()
        .expect("the first start today");
    assert_eq!(taken, folder.join("coachlog-daily-20261123.db"));
    common::assert_owner_only(&folder);
    common::assert_owner_only(&taken);
    assert_eq!(store.daily_backup(3).unwrap(), None, "once a day");
    // Older days, and a backup the user made, which is never removed.
    for day in ["20261101", "20261119", "20261120", "20261122"] {
        fs::write(folder.join(format!("coachlog-daily-{day}.db")), day).unwrap();
    }
    fs::write(folder.join("coachlog-20261001-090000.db"), "mine").unwrap();
    store.daily_backup(3).unwrap();
    let mut left: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "coachlog-20261001-090000.db",
            "coachlog-daily-20261120.db",
            "coachlog-daily-20261122.db",
            "coachlog-daily-20261123.db"
        ]
    );
    assert_eq!(store.daily_backup(0).unwrap(), None, "0 turns them off");
}
