//! The commands around the database file: restore a backup, a backup cut short, errors
//! that name the file once, and where the default file may not go.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
// What only the killed backup uses.
#[cfg(unix)]
use {
    std::process::Stdio,
    std::time::{Duration, Instant},
};

fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coachlog"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB");
    command
}

fn coachlog(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().expect("run coachlog")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn add(db: &Path, name: &str) {
    let added = coachlog(db, &["teacher", "add", name]);
    assert!(added.status.success(), "{}", stderr(&added));
}

fn teachers(db: &Path) -> String {
    stdout(&coachlog(db, &["teacher", "list", "--all"]))
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.db");
    (dir, path)
}

#[test]
fn restore_puts_a_backup_in_place_and_keeps_the_database_it_replaced() {
    let (dir, db) = temp_db();
    add(&db, "Smith, Dan");
    let backup = dir.path().join("friday.db");
    assert!(
        coachlog(&db, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    add(&db, "Lee, Min");

    // While another coachlog has the database open, nothing is touched.
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .query_row("SELECT count(*) FROM teacher", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let refused = coachlog(&db, &["restore", backup.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("is open in another coachlog"), "{message}");
    assert!(message.contains("Quit it and try again"), "{message}");
    drop(other);
    assert!(teachers(&db).contains("Lee, Min"));

    let restored = coachlog(&db, &["restore", backup.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    let aside = dir.path().join("caseload.db.replaced-20261123-104200");
    assert_eq!(
        stdout(&restored),
        format!(
            "restored {} as {}\nthe database it replaced is kept as {}\n",
            backup.display(),
            db.display(),
            aside.display()
        )
    );
    assert!(teachers(&db).starts_with("Smith, Dan") && !teachers(&db).contains("Lee, Min"));
    assert!(
        teachers(&aside).contains("Lee, Min"),
        "the old one opens whole"
    );
    assert_eq!(stdout(&coachlog(&db, &["check"])), "ok\n");
    // Owner-only is a mode on Unix; on Windows the folder's access list decides.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn restore_moves_a_log_left_by_a_crash_aside_with_the_database() {
    let (dir, db) = temp_db();
    add(&db, "Smith, Dan");
    let backup = dir.path().join("friday.db");
    assert!(
        coachlog(&db, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    // A crash: the last change is only in the log beside the database.
    let crashed = dir.path().join("crashed");
    fs::create_dir(&crashed).unwrap();
    let db = crashed.join("caseload.db");
    {
        let source = dir.path().join("caseload.db");
        let conn = rusqlite::Connection::open(&source).unwrap();
        conn.execute("UPDATE teacher SET name = 'Smith, Daniel'", [])
            .unwrap();
        for suffix in ["", "-wal", "-shm"] {
            fs::copy(
                format!("{}{suffix}", source.display()),
                format!("{}{suffix}", db.display()),
            )
            .unwrap();
        }
    }
    let restored = coachlog(&db, &["restore", backup.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(!PathBuf::from(format!("{}-wal", db.display())).exists());
    assert!(teachers(&db).starts_with("Smith, Dan\t"));
    assert_eq!(stdout(&coachlog(&db, &["check"])), "ok\n");
    let aside = crashed.join("caseload.db.replaced-20261123-104200");
    assert!(
        teachers(&aside).starts_with("Smith, Daniel"),
        "with its log"
    );
}

#[test]
fn restore_checks_the_file_first_and_an_argument_that_is_no_file_is_a_trash_id() {
    let (dir, db) = temp_db();
    add(&db, "Smith, Dan");
    let before = fs::read(&db).unwrap();
    let notes = dir.path().join("notes.txt");
    fs::write(&notes, "not a database\n").unwrap();
    let refused = coachlog(&db, &["restore", notes.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains(&notes.display().to_string()), "{message}");
    assert!(
        message.to_lowercase().contains("nothing was changed"),
        "{message}"
    );
    assert_eq!(fs::read(&db).unwrap(), before);

    let damaged = dir.path().join("damaged.db");
    let mut bytes = fs::read(&db).unwrap();
    let half = bytes.len() / 2;
    bytes[half..].fill(0x5A);
    fs::write(&damaged, bytes).unwrap();
    let refused = coachlog(&db, &["restore", damaged.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert_eq!(fs::read(&db).unwrap(), before);
    let leftovers = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains("partial")
                || name.to_string_lossy().contains("replaced")
        })
        .count();
    assert_eq!(leftovers, 0);

    let trash = coachlog(&db, &["restore", "no-such-file.db"]);
    assert_eq!(trash.status.code(), Some(1));
    assert!(
        stderr(&trash).contains("nothing with id no-such-file.db is in the trash"),
        "{}",
        stderr(&trash)
    );
}

#[cfg(unix)]
#[test]
fn a_backup_killed_midway_leaves_nothing_at_its_name() {
    use std::os::unix::process::ExitStatusExt;
    let (dir, db) = temp_db();
    add(&db, "Smith, Dan");
    {
        // Enough pages that the copy takes a moment.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE local_ballast (b BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 48)
             INSERT INTO local_ballast SELECT randomblob(1048576) FROM n;",
        )
        .unwrap();
    }
    let target = dir.path().join("copy.db");
    let mut child = command(&db, &["backup", target.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let partial = || {
        fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(".partial"))
    };
    let started = Instant::now();
    while partial().is_none() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the backup ended first"
        );
        assert!(started.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "killed, not finished");
    let left = partial();
    assert!(left.is_some(), "it was cut short before the rename");
    assert!(!target.exists(), "nothing at the final name");
    // Asked again, the backup is written whole beside the piece left behind.
    let again = coachlog(&db, &["backup", target.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(teachers(&target).starts_with("Smith, Dan"));
}

#[test]
fn an_operating_system_error_is_said_once_with_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = coachlog(dir.path(), &["teacher", "list"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    assert!(message.contains("is a folder"), "{message}");

    // A backup into a folder that is not there: the cause once.
    let (_dir, db) = temp_db();
    add(&db, "Smith, Dan");
    let nowhere = dir.path().join("missing").join("copy.db");
    let output = coachlog(&db, &["backup", nowhere.to_str().unwrap()]);
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(message.matches("os error 2").count(), 1, "{message}");
    assert!(
        message.contains(&nowhere.display().to_string()),
        "{message}"
    );
}

#[test]
fn a_relative_home_does_not_put_the_database_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .args(["teacher", "list"])
        .current_dir(dir.path())
        .env("HOME", "relative-home")
        .env_remove("XDG_DATA_HOME")
        .env_remove("COACHLOG_DB")
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("HOME must be an absolute path"),
        "{message}"
    );
    assert!(message.contains("--db"), "{message}");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing was created"
    );
}

#[test]
fn check_says_how_long_it_took_and_offers_a_quick_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    add(&db, "Smith, Dan");
    let full = coachlog(&db, &["check"]);
    assert_eq!(stdout(&full), "ok\n");
    assert!(
        stderr(&full).starts_with("full check took ") && stderr(&full).contains("--quick"),
        "{}",
        stderr(&full)
    );
    let quick = coachlog(&db, &["check", "--quick"]);
    assert!(quick.status.success());
    assert_eq!(stdout(&quick), "ok\n");
    assert!(
        stderr(&quick).starts_with("quick check took "),
        "{}",
        stderr(&quick)
    );
}
