//! The reliability suite, part one: writers killed at any moment, writers at once, and an
//! upgrade or a backup cut short. Counts are small in `cargo test`; set
//! `COACHLOG_RELIABILITY=full` for the heavy run (README, "Tests"). The kills are SIGKILL,
//! told apart from a failure by the signal in the exit status: those tests are Unix only.

mod common;

use coachlog::db::Store;
use common::clock;
use common::process::{coachlog, count, stderr};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Output;
// What only the kills use.
#[cfg(unix)]
use {
    coachlog::db::SCHEMA_VERSION,
    common::process::{Rng, beside, command, copy_as_crashed, stdout},
    std::fs,
    std::os::unix::process::ExitStatusExt,
    std::path::Path,
    std::process::Stdio,
    std::time::{Duration, Instant},
};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.db");
    (dir, path)
}

fn succeeded(output: &Output) -> bool {
    output.status.success()
}

/// Runs coachlog and kills it (SIGKILL) after `after`. `Some(output)` when it finished
/// first, `None` when the kill cut it short; any other failure fails the test.
#[cfg(unix)]
fn killed_after(db: &Path, args: &[&str], after: Duration, seed: u64) -> Option<Output> {
    let mut child = command(db, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    // On a process that already ended (not yet waited for) the kill does nothing.
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    if output.status.signal() == Some(libc::SIGKILL) {
        return None;
    }
    assert!(
        succeeded(&output),
        "coachlog {args:?} failed on its own (seed {seed}): {}",
        stderr(&output)
    );
    Some(output)
}

/// Every observation's evidence in the file, with how often each is there.
fn evidence(store: &Store) -> BTreeMap<String, usize> {
    let mut seen = BTreeMap::new();
    for teacher in store.teachers(true).unwrap() {
        for observation in store.observations(&teacher.meta.id).unwrap() {
            *seen.entry(observation.evidence).or_insert(0) += 1;
        }
    }
    seen
}

#[cfg(unix)]
#[test]
fn a_writer_killed_at_any_moment_keeps_every_write_it_acknowledged() {
    let kills = count(50, 1000);
    let mut rng = Rng::new();
    let seed = rng.seed;
    let (dir, db) = temp_db();
    assert!(succeeded(&coachlog(&db, &["teacher", "add", "Smith, Dan"])));
    // One whole write, timed, so that the kills fall anywhere in one.
    let started = Instant::now();
    let first = coachlog(&db, &["observe", "--teacher", "Smith", "visit 0"]);
    let span = started.elapsed().mul_f32(1.5);
    assert!(succeeded(&first), "{}", stderr(&first));
    let mut acknowledged = vec!["visit 0".to_string()];
    let mut cut_short = 0;

    for n in 1..=kills {
        let text = format!("visit {n}");
        let args = ["observe", "--teacher", "Smith", &text];
        match killed_after(&db, &args, rng.moment(span), seed) {
            Some(output) => {
                assert!(stdout(&output).contains(&text), "{}", stdout(&output));
                acknowledged.push(text);
            }
            None => cut_short += 1,
        }
        // What the kill left, checked on a copy so the next writer meets it as it lies.
        let copy = dir.path().join("after-the-kill.db");
        copy_as_crashed(&db, &copy);
        let store = Store::open(&copy, clock())
            .unwrap_or_else(|e| panic!("after kill {n} (seed {seed}): {e}"));
        let problems = store.check().unwrap();
        assert!(
            problems.is_empty(),
            "after kill {n} (seed {seed}): {problems:?}"
        );
        let seen = evidence(&store);
        for text in &acknowledged {
            assert_eq!(
                seen.get(text),
                Some(&1),
                "after kill {n} (seed {seed}): {text}"
            );
        }
        assert!(
            seen.values().all(|&times| times == 1),
            "after kill {n} (seed {seed}): a visit twice: {seen:?}"
        );
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(beside(&copy, suffix));
        }
    }
    assert!(cut_short > 0, "no writer was cut short (seed {seed})");
    // And the file itself, opened by the next coachlog.
    let check = coachlog(&db, &["check"]);
    assert_eq!(stdout(&check), "ok\n", "{}", stderr(&check));
}

#[test]
fn four_processes_writing_at_once_lose_nothing_and_add_nothing_twice() {
    let each = count(10, 250);
    let (_dir, db) = temp_db();
    assert!(succeeded(&coachlog(&db, &["teacher", "add", "Smith, Dan"])));
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for n in 0..each {
                    let output = if n % 2 == 0 {
                        let name = format!("Writer {writer}, Teacher {n}");
                        coachlog(&db, &["teacher", "add", &name])
                    } else {
                        let text = format!("writer {writer} visit {n}");
                        coachlog(&db, &["observe", "--teacher", "Smith", &text])
                    };
                    if !succeeded(&output) {
                        failures.push(stderr(&output));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = writers
        .into_iter()
        .flat_map(|writer| writer.join().unwrap())
        .collect();
    assert!(failures.is_empty(), "{failures:?}");

    let store = Store::open(&db, clock()).unwrap();
    assert!(store.check().unwrap().is_empty());
    let mut names: Vec<String> = store
        .teachers(true)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    let mut expected_names = vec!["Smith, Dan".to_string()];
    let mut expected_visits = BTreeMap::new();
    for writer in 0..4 {
        for n in 0..each {
            if n % 2 == 0 {
                expected_names.push(format!("Writer {writer}, Teacher {n}"));
            } else {
                expected_visits.insert(format!("writer {writer} visit {n}"), 1);
            }
        }
    }
    names.sort();
    expected_names.sort();
    assert_eq!(names, expected_names);
    assert_eq!(evidence(&store), expected_visits);
}

/// A coachlog file of the schema-4 release, made big enough (ballast the app ignores)
/// that copying it takes a moment.
#[cfg(unix)]
fn old_caseload_with_ballast(dir: &Path) -> (PathBuf, Vec<String>) {
    let path = dir.join("old.db");
    fs::write(&path, include_bytes!("fixtures/schema-4.db")).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE local_ballast (b BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
         INSERT INTO local_ballast SELECT randomblob(1048576) FROM n;",
    )
    .unwrap();
    (path.clone(), names_in(&conn))
}

#[cfg(unix)]
fn names_in(conn: &rusqlite::Connection) -> Vec<String> {
    let mut statement = conn
        .prepare("SELECT name FROM teacher ORDER BY name")
        .unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Opens a copy of `path` as a crash left it (log replayed there, not here): its
/// integrity, schema version and teachers.
#[cfg(unix)]
fn as_found(path: &Path, scratch: &Path) -> (String, i64, Vec<String>) {
    let copy = scratch.join(format!(
        "look-{}",
        path.file_name().unwrap().to_string_lossy()
    ));
    copy_as_crashed(path, &copy);
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let names = names_in(&conn);
    drop(conn);
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(beside(&copy, suffix));
    }
    (verdict, version, names)
}

/// The files in `folder` that are at a final name: not a temporary one.
#[cfg(unix)]
fn at_final_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !(name.starts_with(".coachlog-") || name.ends_with(".partial")))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_first_start_killed_at_any_moment_leaves_no_file_or_a_whole_one() {
    let trials = count(6, 100);
    let mut rng = Rng::new();
    let seed = rng.seed;
    let scratch = tempfile::tempdir().unwrap();
    let (_timed_dir, timed) = temp_db();
    let started = Instant::now();
    assert!(succeeded(&coachlog(&timed, &["teacher", "list"])));
    let span = started.elapsed().mul_f32(1.2);

    for trial in 0..trials {
        let (folder, db) = temp_db();
        let finished = killed_after(&db, &["teacher", "list"], rng.moment(span), seed);
        let at = format!("trial {trial} (seed {seed})");
        let found = at_final_names(folder.path());
        if found.iter().any(|name| name == "caseload.db") {
            let (verdict, version, names) = as_found(&db, scratch.path());
            assert_eq!((verdict.as_str(), version), ("ok", SCHEMA_VERSION), "{at}");
            assert!(names.is_empty(), "{at}");
        } else {
            assert!(finished.is_none(), "{at}: finished without a file");
            assert!(found.is_empty(), "{at}: {found:?}");
        }
        // Whatever the kill left, the next start opens the file (or creates it).
        let again = coachlog(&db, &["teacher", "list"]);
        assert!(succeeded(&again), "{at}: {}", stderr(&again));
    }
}

#[cfg(unix)]
#[test]
fn an_upgrade_killed_midway_leaves_the_old_file_whole_and_no_half_copy() {
    let trials = count(4, 60);
    let mut rng = Rng::new();
    let seed = rng.seed;
    let dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let (old, teachers) = old_caseload_with_ballast(dir.path());
    assert!(!teachers.is_empty());
    let timed = dir.path().join("timed.db");
    fs::copy(&old, &timed).unwrap();
    let started = Instant::now();
    assert!(succeeded(&coachlog(&timed, &["teacher", "list"])));
    let span = started.elapsed().mul_f32(1.2);

    for trial in 0..trials {
        let folder = tempfile::tempdir().unwrap();
        let db = folder.path().join("caseload.db");
        fs::copy(&old, &db).unwrap();
        let finished = killed_after(&db, &["teacher", "list"], rng.moment(span), seed);
        let (verdict, version, names) = as_found(&db, scratch.path());
        let at = format!("trial {trial} (seed {seed})");
        assert_eq!(verdict, "ok", "{at}");
        assert!(version == 4 || version == SCHEMA_VERSION, "{at}: {version}");
        assert_eq!(names, teachers, "{at}");
        if finished.is_some() {
            assert_eq!(version, SCHEMA_VERSION, "{at}");
        }
        // Beside it: at most the whole copy taken before the upgrade.
        for name in at_final_names(folder.path()) {
            let sides =
                ["", "-wal", "-shm", "-journal"].map(|suffix| format!("caseload.db{suffix}"));
            if sides.contains(&name) {
                continue;
            }
            assert!(
                name.starts_with("caseload.db.v4-") && name.ends_with(".bak"),
                "{at}: {name}"
            );
            let (verdict, version, names) = as_found(&folder.path().join(&name), scratch.path());
            assert_eq!((verdict.as_str(), version), ("ok", 4), "{at}: {name}");
            assert_eq!(names, teachers, "{at}: {name}");
        }
        // The next start, a moment later, finishes the upgrade.
        let again = command(&db, &["teacher", "list"])
            .env("COACHLOG_NOW", "2026-11-23T10:43")
            .output()
            .unwrap();
        assert!(succeeded(&again), "{at}: {}", stderr(&again));
        assert_eq!(stdout(&again).lines().count(), teachers.len(), "{at}");
    }
}

#[cfg(unix)]
#[test]
fn a_backup_killed_at_any_moment_is_whole_or_absent_and_the_database_untouched() {
    let trials = count(4, 60);
    let mut rng = Rng::new();
    let seed = rng.seed;
    let dir = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let (old, teachers) = old_caseload_with_ballast(dir.path());
    assert!(succeeded(&coachlog(&old, &["teacher", "list"])), "upgraded");
    let before = fs::read(&old).unwrap();
    let timed = dir.path().join("timed.db");
    let started = Instant::now();
    let output = coachlog(&old, &["backup", timed.to_str().unwrap()]);
    assert!(succeeded(&output), "{}", stderr(&output));
    let span = started.elapsed().mul_f32(1.2);

    for trial in 0..trials {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("copy.db");
        let args = ["backup", target.to_str().unwrap()];
        let finished = killed_after(&old, &args, rng.moment(span), seed);
        let at = format!("trial {trial} (seed {seed})");
        let left = at_final_names(folder.path());
        if finished.is_some() {
            assert_eq!(left, ["copy.db"], "{at}");
        }
        if !left.is_empty() {
            assert_eq!(left, ["copy.db"], "{at}");
            let (verdict, version, names) = as_found(&target, scratch.path());
            assert_eq!((verdict.as_str(), version), ("ok", SCHEMA_VERSION), "{at}");
            assert_eq!(names, teachers, "{at}");
        }
        assert!(
            fs::read(&old).unwrap() == before,
            "{at}: the database changed"
        );
    }
}
