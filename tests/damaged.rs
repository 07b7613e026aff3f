//! The reliability suite, part two: damaged copies. A file cut short, with bytes flipped,
//! with a page zeroed, or with a log beside it that is not its own (another database's,
//! or its own from before) is refused or reported by `coachlog check`, which never
//! writes to it; and a copy that is refused or reported is never put in place by
//! `restore`.

mod common;

use coachlog::db::Store;
use common::process::{Rng, beside, coachlog, copy_as_crashed, count, stderr, stdout};
use common::{caseload, clock, observe};
use std::fs;
use std::path::{Path, PathBuf};

const SIDES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// The database and every file beside it, as bytes (`None`: absent).
fn snapshot(path: &Path) -> Vec<Option<Vec<u8>>> {
    SIDES
        .iter()
        .map(|suffix| fs::read(beside(path, suffix)).ok())
        .collect()
}

/// A caseload on several pages, every page in use (no free page a change could hide in).
fn pristine(dir: &Path) -> (PathBuf, Vec<u8>) {
    let (_store_dir, mut store, smith) = caseload();
    for n in 0..120 {
        let evidence = format!("Visit {n}: students explained the target to a partner.");
        observe(&mut store, &smith, "2026-11-20T10:36", 3, &evidence);
    }
    let path = dir.join("pristine.db");
    store.backup_to(&path).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("VACUUM").unwrap();
    let free: i64 = conn
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .unwrap();
    assert_eq!(free, 0);
    drop(conn);
    let bytes = fs::read(&path).unwrap();
    (path, bytes)
}

fn page_size(bytes: &[u8]) -> usize {
    match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        size => usize::from(size),
    }
}

/// What `coachlog check` says of a file.
#[derive(Debug, PartialEq)]
enum Verdict {
    Ok,
    /// Exit 1 with the problems on standard output.
    Reported,
    /// Exit 1 with one line on standard error naming the file.
    Refused,
}

/// Runs `coachlog check` on `path`, which must leave it and every file beside it byte
/// for byte as they were, whatever it finds.
fn check(path: &Path, what: &str) -> Verdict {
    let before = snapshot(path);
    let output = coachlog(path, &["check"]);
    let after = snapshot(path);
    for (index, suffix) in SIDES.iter().enumerate() {
        assert!(
            after[index] == before[index],
            "{what}: check changed {}{suffix}: {}",
            path.display(),
            stderr(&output)
        );
    }
    let (out, err) = (stdout(&output), stderr(&output));
    assert!(!err.contains("panicked"), "{what}: {err}");
    match output.status.code() {
        Some(0) => {
            assert_eq!(out, "ok\n", "{what}");
            Verdict::Ok
        }
        Some(1) if err.is_empty() => {
            assert!(!out.is_empty() && out != "ok\n", "{what}: {out}");
            Verdict::Reported
        }
        Some(1) => {
            assert_eq!(err.lines().count(), 1, "{what}: one line: {err}");
            assert!(err.contains(&path.display().to_string()), "{what}: {err}");
            Verdict::Refused
        }
        code => panic!("{what}: exit {code:?}: {err}"),
    }
}

/// A damaged copy is not put in place of a database: the database is left as it was.
fn restore_refused(damaged: &Path, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    assert!(
        coachlog(&db, &["teacher", "add", "Lee, Min"])
            .status
            .success()
    );
    let before = snapshot(&db);
    let output = coachlog(&db, &["restore", damaged.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{what}: {}", stdout(&output));
    assert!(snapshot(&db) == before, "{what}: the database changed");
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "coachlog.db")
        .collect();
    assert!(left.is_empty(), "{what}: {left:?}");
}

#[test]
fn a_file_cut_short_is_refused_or_reported_and_never_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = pristine(dir.path());
    let page = page_size(&bytes);
    let damaged = dir.path().join("cut.db");
    for length in [
        50,
        100,
        page,
        page + 1,
        bytes.len() / 2,
        bytes.len() - page,
        bytes.len() - 1,
    ] {
        fs::write(&damaged, &bytes[..length]).unwrap();
        let what = format!("cut to {length} of {} bytes", bytes.len());
        assert_ne!(check(&damaged, &what), Verdict::Ok, "{what}");
        restore_refused(&damaged, &what);
    }
}

#[test]
fn a_zeroed_page_is_refused_or_reported_and_never_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = pristine(dir.path());
    let page = page_size(&bytes);
    let pages = bytes.len() / page;
    let mut rng = Rng::new();
    let damaged = dir.path().join("zeroed.db");
    // The first page, the last, and others at random (every one in the heavy run).
    let mut chosen = vec![0, pages - 1];
    if common::process::full() {
        chosen = (0..pages).collect();
    } else {
        chosen.extend((0..6).map(|_| rng.below(pages as u64) as usize));
    }
    for index in chosen {
        let mut zeroed = bytes.clone();
        zeroed[index * page..(index + 1) * page].fill(0);
        fs::write(&damaged, &zeroed).unwrap();
        let what = format!("page {} of {pages} zeroed (seed {})", index + 1, rng.seed);
        assert_ne!(check(&damaged, &what), Verdict::Ok, "{what}");
        restore_refused(&damaged, &what);
    }
}

#[test]
fn flipped_bytes_are_never_written_over_and_a_reported_copy_is_never_restored() {
    let trials = count(12, 300);
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = pristine(dir.path());
    let mut rng = Rng::new();
    let damaged = dir.path().join("flipped.db");
    for trial in 0..trials {
        let mut flipped = bytes.clone();
        let flips = 1 + rng.below(8);
        for _ in 0..flips {
            let at = rng.below(bytes.len() as u64) as usize;
            flipped[at] ^= 1 << rng.below(8);
        }
        fs::write(&damaged, &flipped).unwrap();
        let what = format!("trial {trial}, {flips} bytes flipped (seed {})", rng.seed);
        // A flip inside a note's text or in unused space is invisible to any check; one
        // in the structure is caught.
        if check(&damaged, &what) != Verdict::Ok {
            restore_refused(&damaged, &what);
        }
    }
}

#[test]
fn a_stale_log_from_before_the_file_grew_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let smith = common::teacher(&mut store, "Smith, Dan", "Eastside Middle", "Science");
    drop(store);
    // The log as a crash leaves it, holding the visits then written…
    let mut store = Store::open(&db, clock()).unwrap();
    for n in 0..3 {
        observe(
            &mut store,
            &smith,
            "2026-11-20T10:36",
            3,
            &format!("early {n}"),
        );
    }
    let then = dir.path().join("then.db");
    copy_as_crashed(&db, &then);
    // …then a month of later work, folded into the file when coachlog closes.
    for n in 0..60 {
        let evidence = format!("later {n}: students explained the target to a partner.");
        observe(&mut store, &smith, "2026-11-21T10:36", 2, &evidence);
    }
    drop(store);
    assert!(!beside(&db, "-wal").exists());
    fs::copy(beside(&then, "-wal"), beside(&db, "-wal")).unwrap();
    assert_eq!(check(&db, "a stale log"), Verdict::Refused);
    let output = coachlog(&db, &["check"]);
    assert!(
        stderr(&output).contains(&format!("{}-wal is in the way", db.display())),
        "{}",
        stderr(&output)
    );
}

/// The page numbers of the committed frames in a log (its header is 32 bytes, each frame
/// 24 bytes of header and a page).
fn logged_pages(log: &[u8]) -> Vec<u32> {
    let be32 = |at: usize| u32::from_be_bytes([log[at], log[at + 1], log[at + 2], log[at + 3]]);
    let frame = 24 + be32(8) as usize;
    (32..log.len())
        .step_by(frame)
        .filter(|at| at + frame <= log.len())
        .map(be32)
        .collect()
}

#[test]
fn an_older_log_that_leaves_the_first_page_alone_is_refused_and_later_work_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let smith = common::teacher(&mut store, "Smith, Dan", "Eastside Middle", "Science");
    let note = |text: &str| format!("{text:<400}");
    store.save_draft("visit", &smith, &note("first")).unwrap();
    drop(store);
    // A draft typed on, in place: nothing grows, so the first page is never logged.
    let mut store = Store::open(&db, clock()).unwrap();
    store.save_draft("visit", &smith, &note("early")).unwrap();
    let then = dir.path().join("then.db");
    copy_as_crashed(&db, &then);
    let stale = fs::read(beside(&then, "-wal")).unwrap();
    assert!(!logged_pages(&stale).is_empty());
    assert!(
        !logged_pages(&stale).contains(&1),
        "{:?}",
        logged_pages(&stale)
    );
    store
        .save_draft("visit", &smith, &note("later: the whole lesson"))
        .unwrap();
    drop(store);
    assert!(!beside(&db, "-wal").exists());
    fs::write(beside(&db, "-wal"), &stale).unwrap();

    assert_eq!(check(&db, "an older log"), Verdict::Refused);
    let output = coachlog(&db, &["check"]);
    assert!(
        stderr(&output).contains(&format!("{}-wal is in the way", db.display()))
            && stderr(&output).contains("older log of this database"),
        "{}",
        stderr(&output)
    );
    // Moved aside as the message says, the file still holds the later text.
    fs::remove_file(beside(&db, "-wal")).unwrap();
    let store = Store::open(&db, clock()).unwrap();
    let drafts = store.drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(drafts[0].body.starts_with("later"), "{}", drafts[0].body);
}
