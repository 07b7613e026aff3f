//! The reliability suite, part three: every file and folder coachlog creates is readable
//! by its owner only, even under `umask 000` (which would otherwise leave new files
//! world-readable and writable). This whole test binary runs under that umask; the
//! coachlog processes it starts inherit it. Unix only: owner-only is a file's mode there;
//! on Windows it is the access list of the folder under the user's profile, inherited.
#![cfg(unix)]

mod common;

use coachlog::app::App;
use coachlog::db::Store;
use common::keys::press;
use common::process::{beside, coachlog, stderr};
use common::pty::PtyApp;
use common::{caseload, clock};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Sets the umask of this process (and so of every coachlog it starts) to 000, once,
/// before any test creates a file.
fn umask_000() {
    static SET: std::sync::Once = std::sync::Once::new();
    // SAFETY: umask only swaps the process's file-creation mask.
    SET.call_once(|| unsafe {
        libc::umask(0);
    });
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn assert_owner_only(path: &Path) {
    let expected = if path.is_dir() { 0o700 } else { 0o600 };
    assert_eq!(
        mode(path),
        expected,
        "{} is {:o}",
        path.display(),
        mode(path)
    );
}

#[test]
fn the_test_runs_under_umask_000() {
    umask_000();
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    fs::write(&plain, "x").unwrap();
    assert_eq!(
        mode(&plain),
        0o666,
        "a file made without care is open to all"
    );
}

#[test]
fn the_database_its_folder_log_and_shared_memory_are_owner_only() {
    umask_000();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("deeper").join("coachlog.db");
    let mut store = Store::open(&path, clock()).unwrap();
    common::teacher(&mut store, "Smith, Dan", "", "");
    for folder in [
        path.parent().unwrap(),
        path.parent().unwrap().parent().unwrap(),
    ] {
        assert_owner_only(folder);
    }
    for suffix in ["", "-wal", "-shm"] {
        assert_owner_only(&beside(&path, suffix));
    }
}

#[test]
fn backups_daily_backups_upgrade_copies_and_restores_are_owner_only() {
    umask_000();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );

    let output = coachlog(&db, &["backup"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let folder = dir.path().join("backups");
    assert_owner_only(&folder);
    let taken: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(taken.len(), 1);
    assert_owner_only(&taken[0]);
    let named = dir.path().join("friday.db");
    assert!(
        coachlog(&db, &["backup", named.to_str().unwrap()])
            .status
            .success()
    );
    assert_owner_only(&named);

    let store = Store::open(&db, clock()).unwrap();
    let daily = store.daily_backup(14).unwrap().expect("the first today");
    assert_owner_only(&daily);
    drop(store);

    // A backup put back: the database in place, and the one it replaced, moved aside.
    let output = coachlog(&db, &["restore", named.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_owner_only(&db);
    assert_owner_only(&dir.path().join("coachlog.db.replaced-20261123-104200"));

    // The copy an upgrade takes first, of a file of the schema-4 release.
    let old = dir.path().join("old.db");
    fs::write(&old, include_bytes!("fixtures/schema-4.db")).unwrap();
    assert!(coachlog(&old, &["teacher", "list"]).status.success());
    let copies: Vec<PathBuf> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_owner_only(&copies[0]);
}

#[test]
fn exports_and_briefs_are_owner_only() {
    umask_000();
    let (dir, store, _) = caseload();
    let db = store.path().to_path_buf();
    drop(store);
    let out = tempfile::tempdir().unwrap();
    for (args, name) in [
        (&["export", "-t", "smith", "-f", "md"][..], "smith.md"),
        (&["export", "-t", "smith", "-f", "html"][..], "smith.html"),
        (&["export", "-t", "smith", "-f", "json"][..], "smith.json"),
        (&["export", "--all"][..], "all.json"),
    ] {
        let target = out.path().join(name);
        let mut args = args.to_vec();
        args.extend(["-o", target.to_str().unwrap()]);
        let output = coachlog(&db, &args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert_owner_only(&target);
    }

    // Briefs written from the workspace, as HTML and as Markdown.
    let briefs = tempfile::tempdir().unwrap();
    let config = coachlog::config::Config {
        briefs_folder: Some(briefs.path().to_path_buf()),
        ..Default::default()
    };
    let store = Store::open(&db, clock()).unwrap();
    let mut app = App::with_config(store, config).unwrap();
    press(&mut app, "<Enter>bhm");
    let written: Vec<PathBuf> = fs::read_dir(briefs.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 2, "{written:?}");
    for brief in &written {
        assert_owner_only(brief);
    }
    drop(dir);
}

#[test]
fn the_note_handed_to_the_editor_is_owner_only() {
    umask_000();
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("path");
    let gate = dir.path().join("gate");
    let name = std::ffi::CString::new(gate.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    // A stand-in editor (shell built-ins only): it writes down the note's path, then
    // waits at the gate while the test looks at the note.
    let editor = format!(
        "f() {{ echo \"$1\" > '{}'; read _ < '{}'; }}; f",
        record.display(),
        gate.display()
    );
    let editing = std::thread::spawn(move || coachlog::editor::edit(&editor, "typed\n"));
    let started = Instant::now();
    let note = loop {
        if let Ok(path) = fs::read_to_string(&record)
            && path.ends_with('\n')
        {
            break PathBuf::from(path.trim_end());
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the editor never ran"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    let seen = mode(&note);
    fs::write(&gate, "go\n").unwrap();
    assert_eq!(editing.join().unwrap().unwrap(), "typed\n");
    assert_eq!(seen, 0o600, "{} was {seen:o}", note.display());
    assert!(!note.exists(), "the note is removed after editing");
}

#[test]
fn the_demo_folder_and_its_files_are_owner_only() {
    umask_000();
    let temp = tempfile::tempdir().unwrap();
    let own = temp.path().join("mine.db");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let mut app = PtyApp::spawn(
        &binary,
        &["--demo"],
        &[
            ("COACHLOG_DB", own.to_str().unwrap()),
            ("COACHLOG_NOW", "2026-11-23T10:42"),
            ("TMPDIR", temp.path().to_str().unwrap()),
            ("TZ", "UTC"),
        ],
        80,
        24,
    );
    app.wait_for("coachlog · 13 teachers, 2 leaders");
    let folders: Vec<PathBuf> = fs::read_dir(temp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    assert_owner_only(&folders[0]);
    let files: Vec<PathBuf> = fs::read_dir(&folders[0])
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        files.iter().any(|f| f.to_string_lossy().ends_with("-wal")),
        "{files:?}"
    );
    for file in &files {
        assert_owner_only(file);
    }
    app.send("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.screen());
    assert!(!own.exists());
}
