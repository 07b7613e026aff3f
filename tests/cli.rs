//! The command line as scripts and principals use it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn coachlog(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env_remove("COACHLOG_DB")
        .output()
        .expect("run coachlog")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.db");
    (dir, path)
}

#[test]
fn teachers_added_from_the_shell_are_listed() {
    let (_dir, db) = temp_db();
    let added = coachlog(
        &db,
        &[
            "teacher",
            "add",
            "Smith, Dan",
            "--school",
            "Eastside Middle",
            "--subject",
            "Grade 7 Science",
            "--cadence",
            "7",
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(stdout(&added), "added Smith, Dan\n");
    assert!(
        coachlog(&db, &["teacher", "add", "Lee, Min"])
            .status
            .success()
    );
    let list = coachlog(&db, &["teacher", "list"]);
    assert_eq!(
        stdout(&list),
        "Lee, Min\t\t\tevery 14d\nSmith, Dan\tEastside Middle\tGrade 7 Science\tevery 7d\n"
    );
}

#[test]
fn a_duplicate_name_is_refused_with_one_line_and_nothing_saved() {
    let (_dir, db) = temp_db();
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );
    let again = coachlog(&db, &["teacher", "add", "SMITH, dan"]);
    assert_eq!(again.status.code(), Some(1));
    let message = stderr(&again);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("coachlog: there is already a teacher named"),
        "{message}"
    );
    assert!(!message.contains("panicked") && !message.contains("RUST_BACKTRACE"));
    assert_eq!(
        stdout(&coachlog(&db, &["teacher", "list"])).lines().count(),
        1
    );
}

#[test]
fn bad_input_gets_a_clear_message_not_a_panic() {
    let (_dir, db) = temp_db();
    let empty = coachlog(&db, &["teacher", "add", "  "]);
    assert_eq!(empty.status.code(), Some(1));
    assert_eq!(stderr(&empty), "coachlog: a name is required\n");
    let cadence = coachlog(&db, &["teacher", "add", "Park, Eve", "--cadence", "0"]);
    assert_eq!(cadence.status.code(), Some(2));
    assert!(stderr(&cadence).contains("--cadence"));
}

#[test]
fn check_says_ok_on_a_healthy_file_and_refuses_a_foreign_one() {
    let (dir, db) = temp_db();
    let ok = coachlog(&db, &["check"]);
    assert!(ok.status.success());
    assert_eq!(stdout(&ok), "ok\n");

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "private notes, not a database\n").unwrap();
    let refused = coachlog(&notes, &["check"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is not a coachlog database"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "private notes, not a database\n"
    );
}

#[test]
fn check_reports_a_broken_reference_and_exits_1() {
    let (_dir, db) = temp_db();
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO action (id, teacher_id, what, owner, created_at, updated_at, author, replica_id)
             VALUES ('A1', 'gone', 'x', 'coach', 't', 't', 'a', 'r');",
        )
        .unwrap();
    }
    let check = coachlog(&db, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("action row"), "{}", stdout(&check));
}

#[test]
fn the_database_can_be_chosen_by_environment_variable() {
    let (_dir, db) = temp_db();
    let output = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .args(["teacher", "add", "Lee, Min"])
        .env("COACHLOG_DB", &db)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(db.exists());
}

#[test]
fn version_and_help_describe_the_tool() {
    let (_dir, db) = temp_db();
    let version = coachlog(&db, &["--version"]);
    assert_eq!(
        stdout(&version),
        format!("coachlog {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = stdout(&coachlog(&db, &["--help"]));
    for word in ["check", "teacher", "--db"] {
        assert!(help.contains(word), "help lacks {word}");
    }
}

#[test]
fn backup_writes_a_private_copy_that_opens() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = temp_db();
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );
    let backup = coachlog(&db, &["backup"]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    let copy = dir
        .path()
        .join("backups")
        .join("coachlog-20261123-104200.db");
    assert_eq!(
        stdout(&backup),
        format!("backed up to {}\n", copy.display())
    );
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(stdout(&coachlog(&copy, &["teacher", "list"])).starts_with("Smith, Dan"));
    // A second backup to the same name is refused rather than overwriting the first.
    let again = coachlog(&db, &["backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("cannot create the backup"),
        "{}",
        stderr(&again)
    );
}
