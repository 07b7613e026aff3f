//! The main journeys, run on the real binary in a pseudo-terminal: keys go in as a user
//! types them, the screen is read back, and every journey ends with `q` and checks the
//! terminal was given back (main screen, cursor shown).

mod common;

use common::pty::{BACKTAB, DOWN, ENTER, PtyApp, TAB, ctrl};
use std::path::{Path, PathBuf};

fn start(db: &Path) -> PtyApp {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let db = db.to_str().expect("a UTF-8 temp path");
    let app = PtyApp::spawn(
        &binary,
        &[],
        &[
            ("COACHLOG_DB", db),
            ("COACHLOG_NOW", "2026-11-23T10:42"),
            ("TZ", "UTC"),
            ("EDITOR", "true"),
        ],
        80,
        24,
    );
    app.wait_for("coachlog ·");
    app
}

fn quit(mut app: PtyApp) {
    app.send("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.screen());
    assert_terminal_given_back(&app);
}

fn assert_terminal_given_back(app: &PtyApp) {
    assert!(!app.alternate_screen(), "left the alternate screen");
    assert!(!app.cursor_hidden(), "the cursor is shown again");
    // Cooked or raw is read from the pty's termios, which a Windows console does not have.
    #[cfg(unix)]
    assert!(app.cooked(), "the terminal is cooked again");
}

fn cli(db: &Path, args: &[&str]) {
    cli_with(db, &[], args);
}

fn cli_with(db: &Path, env: &[(&str, &str)], args: &[&str]) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .envs(env.iter().copied())
        .status()
        .expect("run coachlog");
    assert!(status.success());
}

#[test]
fn add_a_teacher_a_goal_and_a_focus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let mut app = start(&db);
    app.wait_for("No teachers yet");
    app.send("a");
    app.wait_for("New teacher");
    app.send("Smith, Dan");
    app.send(TAB);
    app.send("Eastside Middle");
    app.send(&ctrl('s'));
    app.wait_for("▶Smith, Dan");
    app.send(ENTER);
    app.wait_for("none yet: f sets");
    app.send("2");
    app.wait_for("No goals yet");
    app.send("a");
    app.wait_for("New goal");
    app.send("Students on task in the first 10 minutes");
    app.send(&ctrl('s'));
    app.wait_for("● Students on task");
    app.send("f");
    app.wait_for("New focus");
    app.send("Warm-up connects to the day's learning target");
    app.send(&ctrl('s'));
    app.wait_for("since today");
    quit(app);
    // What was typed is in the file.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .args(["--db", db.to_str().unwrap(), "teacher", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("Smith, Dan\tEastside Middle"));
    // What the next start's first frame reads was kept on the way out, after the writes:
    // a teacher renamed by hand, which nothing counts, is still its first row as it was.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE teacher SET name = 'Renamed by hand'", [])
        .unwrap();
    let store = coachlog::db::Store::open(&db, common::clock()).unwrap();
    let (rows, _) = store.roster_start(false, 18).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].teacher.name, "Smith, Dan", "kept on the way out");
    let focus = "Warm-up connects to the day's learning target";
    assert_eq!(rows[0].focus.as_deref(), Some(focus));
}

#[test]
fn record_an_observation_from_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Smith, Dan"]);
    cli(&db, &["teacher", "add", "Okafor, Ngozi"]);
    let mut app = start(&db);
    app.send(DOWN);
    app.wait_for("▶Smith, Dan");
    app.send("o");
    app.wait_for("Observe Smith, Dan");
    app.send("3");
    app.send("Students explained the target to a partner");
    app.send(ENTER);
    app.wait_for("Saved the observation");
    app.send(ENTER);
    app.send("3");
    app.wait_for("▶ 23 Nov 10:42 3 Students explained the t…");
    app.wait_for("Rating    3 developing");
    quit(app);
}

#[test]
fn an_observation_added_on_the_command_line_shows_in_the_open_roster() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Smith, Dan"]);
    cli(&db, &["teacher", "add", "Okafor, Ngozi"]);
    let mut app = start(&db);
    app.send(DOWN);
    app.wait_for("▶Smith, Dan     no focus yet                           never");
    // While the roster is open, the command line adds a teacher listed above Smith and
    // observes Smith; no key is pressed in the app.
    let now = [("COACHLOG_NOW", "2026-11-23T10:42")];
    cli_with(&db, &now, &["teacher", "add", "Adams, Ann"]);
    cli_with(
        &db,
        &now,
        &[
            "observe",
            "--teacher",
            "smith",
            "--rating",
            "3",
            "Target posted",
        ],
    );
    let shown = app.wait_for_timeout(
        "▶Smith, Dan     no focus yet                           today",
        std::time::Duration::from_secs(1),
    );
    assert!(shown.contains(" Adams, Ann"), "{shown}");
    quit(app);
}

#[test]
fn hold_a_check_in_that_closes_one_action_and_adds_another() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Smith, Dan", "--cadence", "7"]);
    let mut app = start(&db);
    app.send(ENTER);
    app.wait_for("check-in every 7d");
    app.send("5");
    app.wait_for("No actions yet");
    app.send("a");
    app.wait_for("New action");
    app.send("Post warm-up before bell");
    app.send(&ctrl('s'));
    app.wait_for("☐ Post warm-up before bell");
    app.send("c");
    app.wait_for("First check-in");
    app.send("Warm-up is consistent now.");
    app.send(BACKTAB);
    app.send(BACKTAB);
    app.send(BACKTAB);
    app.send(" ");
    app.wait_for("✔ Post warm-up before bell");
    app.send(&ctrl('n'));
    app.wait_for("New action");
    app.send("Partner-explain routine");
    app.send(&ctrl('s'));
    app.wait_for("+ Partner-explain routine");
    app.send(&ctrl('s'));
    app.wait_for("Saved the check-in and 1 new action");
    app.wait_for("☐ Partner-explain routine");
    app.wait_for("✔ Post warm-up before bell");
    app.send("4");
    app.wait_for("Next      30 Nov");
    quit(app);
}

#[test]
fn a_foreign_file_is_refused_before_the_screen_opens() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database").unwrap();
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let mut app = PtyApp::spawn(&binary, &["--db", notes.to_str().unwrap()], &[], 80, 24);
    assert_eq!(app.wait_exit(), 1);
    assert!(
        app.screen().contains("is not a coachlog database"),
        "{}",
        app.screen()
    );
    assert!(!app.alternate_screen());
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "not a database");
}

#[test]
fn a_roster_that_cannot_be_read_gives_the_terminal_back_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Rivera", "--school", "Lincoln"]);
    // The file opens (it is at the latest schema), but the first frame's reading fails;
    // the terminal is made ready meanwhile, and must be given back.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("DROP TABLE local_draft")
        .unwrap();
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let mut app = PtyApp::spawn(
        &binary,
        &["--db", db.to_str().unwrap()],
        &[("COACHLOG_NOW", "2026-11-23T10:42")],
        80,
        24,
    );
    assert_eq!(app.wait_exit(), 1, "{}", app.screen());
    assert!(app.screen().contains("local_draft"), "{}", app.screen());
    assert_terminal_given_back(&app);
}

#[test]
fn without_colour_the_selected_row_is_reversed_from_edge_to_edge() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    // Two schools: the School column is dim, and "never" seen is a warning.
    cli(
        &db,
        &["teacher", "add", "Abbott, Ada", "--school", "Eastside"],
    );
    cli(
        &db,
        &["teacher", "add", "Baker, Ben", "--school", "Westfield"],
    );
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let app = PtyApp::spawn(
        &binary,
        &["--db", db.to_str().unwrap()],
        &[("COACHLOG_NOW", "2026-11-23T10:42"), ("NO_COLOR", "1")],
        80,
        24,
    );
    app.wait_for("▶Abbott, Ada");
    let (row, plain) = app.with_screen(|screen| {
        let row = (0..24)
            .find(|&row| screen.contents_between(row, 0, row, 80).contains('▶'))
            .unwrap();
        let plain: Vec<u16> = (1..79)
            .filter(|&col| !screen.cell(row, col).is_some_and(|cell| cell.inverse()))
            .collect();
        (row, plain)
    });
    assert!(
        plain.is_empty(),
        "row {row}, columns not reversed: {plain:?}"
    );
    let coloured = app.with_screen(|screen| {
        (0..24).any(|row| {
            (0..80).any(|col| {
                screen
                    .cell(row, col)
                    .is_some_and(|cell| cell.fgcolor() != vt100::Color::Default)
            })
        })
    });
    assert!(!coloured, "no colour is drawn");
    quit(app);
}

#[test]
fn the_demo_school_opens_without_touching_the_users_database() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("mine.db");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let app = PtyApp::spawn(
        &binary,
        &["--demo"],
        &[
            ("COACHLOG_DB", own.to_str().unwrap()),
            ("COACHLOG_NOW", "2026-11-23T10:42"),
            ("TZ", "UTC"),
        ],
        80,
        24,
    );
    app.wait_for("coachlog · 13 teachers, 2 leaders");
    app.wait_for("Smith, Dan");
    app.wait_for("Brandt, Felix");
    quit(app);
    assert!(
        !own.exists(),
        "the user's database was not created or opened"
    );
}

#[test]
fn a_visit_survives_a_killed_process_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Smith, Dan"]);
    let mut app = start(&db);
    app.send("c");
    app.wait_for("IN ROOM");
    app.send("Warm-up on board before the bell");
    app.send(ENTER);
    app.wait_for("Warm-up on board before the bell");
    app.wait_for("draft saved");
    app.send(&common::pty::alt('a'));
    app.wait_for("students answering 1");
    app.wait_for("draft saved");
    app.kill();

    let mut app = start(&db);
    app.wait_for("Resume the unfinished visit to Smith, Dan");
    app.send("y");
    app.wait_for("Warm-up on board before the bell");
    app.wait_for("students answering 1");
    app.send("Kelly answers");
    app.send(ENTER);
    app.wait_for("Kelly answers");
    app.send(common::pty::ESC);
    app.wait_for("Rate the visit");
    app.send("4");
    app.send(ENTER);
    app.wait_for("Saved the visit to Smith, Dan");
    quit(app);

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (evidence, rating): (String, i64) = conn
        .query_row("SELECT evidence, rating FROM observation", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(
        evidence.contains("Warm-up on board before the bell") && evidence.contains("Kelly answers")
    );
    assert_eq!(rating, 4);
    let drafts: i64 = conn
        .query_row("SELECT count(*) FROM local_draft", [], |r| r.get(0))
        .unwrap();
    assert_eq!(drafts, 0);
}

/// The bodies of the drafts kept in the file.
fn drafts(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut statement = conn.prepare("SELECT body FROM local_draft").unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Waits (bounded) until a kept draft holds `text`: what survives a kill is what was written.
fn wait_for_draft(db: &Path, text: &str) {
    let deadline = std::time::Instant::now() + common::pty::default_timeout();
    while !drafts(db).iter().any(|body| body.contains(text)) {
        assert!(
            std::time::Instant::now() < deadline,
            "no draft holds {text:?}: {:?}",
            drafts(db)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_check_in_survives_a_killed_process_and_is_offered_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Smith, Dan", "--cadence", "7"]);
    let mut app = start(&db);
    app.send(ENTER);
    app.wait_for("check-in every 7d");
    app.send("c");
    app.wait_for("First check-in");
    app.send("Warm-up is consistent now.");
    for action in ["Partner-explain routine", "Exit ticket daily"] {
        app.send(&ctrl('n'));
        app.wait_for("New action");
        app.send(action);
        app.send(&ctrl('s'));
        app.wait_for(&format!("+ {action}"));
    }
    wait_for_draft(&db, "Exit ticket daily");
    wait_for_draft(&db, "Warm-up is consistent now.");
    #[cfg(unix)]
    assert!(!app.cooked(), "the app has the terminal raw");
    app.kill();

    let mut app = start(&db);
    app.wait_for("Reopen the unfinished check-in with Smith, Dan, 2 new actions?");
    app.send("y");
    app.wait_for("+ Partner-explain routine");
    app.wait_for("+ Exit ticket daily");
    app.wait_for("Warm-up is consistent now.");
    app.send(&ctrl('s'));
    app.wait_for("Saved the check-in and 2 new actions");
    quit(app);

    let conn = rusqlite::Connection::open(&db).unwrap();
    let notes: String = conn
        .query_row("SELECT notes FROM check_in", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, "Warm-up is consistent now.");
    let actions: i64 = conn
        .query_row(
            "SELECT count(*) FROM action WHERE check_in_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actions, 2);
    assert!(drafts(&db).is_empty(), "saved, the draft is gone");
}

/// SIGHUP (the terminal closed) and SIGTERM (a shutdown) mid form: the form is kept as a
/// draft, the terminal given back cooked, and the exit is a success.
#[cfg(unix)]
fn a_signal_mid_form_keeps_the_draft_and_gives_the_terminal_back(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let mut app = start(&db);
    app.wait_for("No teachers yet");
    app.send("a");
    app.wait_for("New teacher");
    app.send("Okafor, Ngozi");
    app.wait_for("Okafor, Ngozi");
    app.signal(signal);
    assert_eq!(app.wait_exit(), 0, "{}", app.screen());
    assert_terminal_given_back(&app);
    let kept = drafts(&db);
    assert!(
        kept.len() == 1 && kept[0].contains("Okafor, Ngozi"),
        "the whole name is kept, not only the first second of typing: {kept:?}"
    );

    let mut app = start(&db);
    app.wait_for("Reopen the unfinished new teacher?");
    app.send("y");
    app.wait_for("Okafor, Ngozi");
    app.send(&ctrl('s'));
    app.wait_for("▶Okafor, Ngozi");
    quit(app);
    assert!(drafts(&db).is_empty());
}

#[cfg(unix)]
#[test]
fn a_sighup_mid_form_keeps_the_draft_and_gives_the_terminal_back() {
    a_signal_mid_form_keeps_the_draft_and_gives_the_terminal_back(libc::SIGHUP);
}

#[cfg(unix)]
#[test]
fn a_sigterm_mid_form_keeps_the_draft_and_gives_the_terminal_back() {
    a_signal_mid_form_keeps_the_draft_and_gives_the_terminal_back(libc::SIGTERM);
}

/// The panic switch (`COACHLOG_DEBUG_PANIC`) is compiled into debug builds only, like this
/// test: against a release binary it would wait for a panic that never comes.
#[cfg(debug_assertions)]
#[test]
fn a_panic_still_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let mut app = PtyApp::spawn(
        &binary,
        &[],
        &[
            ("COACHLOG_DB", db.to_str().unwrap()),
            ("COACHLOG_DEBUG_PANIC", "1"),
        ],
        80,
        24,
    );
    assert_eq!(app.wait_exit(), 101, "{}", app.screen());
    assert!(!app.alternate_screen(), "left the alternate screen");
    assert!(!app.cursor_hidden(), "the cursor is shown again");
    assert!(
        app.screen().contains("COACHLOG_DEBUG_PANIC"),
        "the panic message is readable: {}",
        app.screen()
    );
}

/// The window closed or the connection dropped: the terminal hangs up under the app. It
/// must keep what was typed and end, not spin on a terminal that is gone.
#[cfg(unix)]
#[test]
fn a_terminal_that_hangs_up_mid_form_keeps_the_draft_and_the_app_ends() {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors we own from here on.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty");
    // The app must not inherit the window's side of the terminal, or closing it would not
    // hang up (openpty's descriptors are inherited by default).
    for fd in [master, slave] {
        // SAFETY: setting FD_CLOEXEC on a descriptor we own.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: both descriptors were just opened and are owned by these values alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ with a valid winsize on our pty.
    unsafe { libc::ioctl(slave.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    let mut command = Command::new(env!("CARGO_BIN_EXE_coachlog"));
    command
        .arg("--db")
        .arg(&db)
        .env("TERM", "xterm-256color")
        .env("TZ", "UTC")
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a new session whose
    // controlling terminal is the pty, as a terminal window gives its shell.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    // The command keeps its copies of the terminal's other side: only the app's remain.
    drop(command);
    // Drain what the app draws on a thread, so its writes never block, and answer its
    // cursor-position question as a terminal would; the thread lets go of the terminal when
    // told, so that closing the window closes every descriptor of it.
    let reader = std::fs::File::from(master.try_clone().unwrap());
    let answer = std::fs::File::from(master.try_clone().unwrap());
    let drawn = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let closing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let drainer = {
        let (drawn, closing) = (
            std::sync::Arc::clone(&drawn),
            std::sync::Arc::clone(&closing),
        );
        std::thread::spawn(move || {
            use std::io::{Read, Write};
            let (mut reader, mut answer) = (reader, answer);
            let mut buffer = [0u8; 4096];
            while !closing.load(std::sync::atomic::Ordering::Relaxed) {
                let mut fd = libc::pollfd {
                    fd: reader.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd for the call.
                if unsafe { libc::poll(&mut fd, 1, 50) } <= 0 {
                    continue;
                }
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if buffer[..n].windows(4).any(|w| w == b"\x1b[6n") {
                            let _ = answer.write_all(b"\x1b[1;1R");
                        }
                        drawn.lock().unwrap().extend_from_slice(&buffer[..n]);
                    }
                }
            }
        })
    };
    let screen = || {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut parser = vt100::Parser::new(size(24), size(80), 0);
        parser.process(&drawn.lock().unwrap());
        parser.screen().contents()
    };
    let shows = |text: &str| screen().contains(text);
    let until = |what: &dyn Fn() -> bool| {
        let start = Instant::now();
        while !what() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out: {}",
                screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    until(&|| shows("No teachers yet"));
    let mut writer = std::fs::File::from(master.try_clone().unwrap());
    {
        use std::io::Write;
        writer.write_all(b"a").unwrap();
        until(&|| shows("New teacher"));
        writer.write_all("Okafor, Ngozi".as_bytes()).unwrap();
        until(&|| shows("Ngozi"));
    }
    // The window closes: every descriptor of the terminal's master side goes.
    closing.store(true, std::sync::atomic::Ordering::Relaxed);
    drainer.join().unwrap();
    drop(writer);
    drop(master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the app kept running on a terminal that was gone");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
    let kept = drafts(&db);
    assert!(
        kept.len() == 1 && kept[0].contains("Okafor, Ngozi"),
        "the typed name is kept: {kept:?}"
    );
}

#[test]
fn a_dumb_terminal_gets_one_line_pointing_to_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_coachlog"));
    let mut app = PtyApp::spawn(
        &binary,
        &[],
        &[
            ("COACHLOG_DB", db.to_str().expect("a UTF-8 temp path")),
            ("TERM", "dumb"),
        ],
        80,
        24,
    );
    let shown = app.wait_for("coachlog --help");
    assert!(shown.contains("TERM=dumb"), "{shown}");
    assert_eq!(shown.trim().lines().count(), 1, "one line: {shown}");
    assert_ne!(app.wait_exit(), 0);
    assert!(!app.alternate_screen(), "no full-screen view was opened");
    let raw = app.raw_output();
    assert!(
        !raw.windows(2).any(|w| w == b"\x1b["),
        "no escape codes were written: {:?}",
        String::from_utf8_lossy(&raw)
    );
    assert!(
        !db.exists(),
        "nothing was created for a view that cannot be drawn"
    );
}

#[test]
fn the_days_backup_is_taken_once_the_roster_is_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(&db, &["teacher", "add", "Smith, Dan"]);
    let backups = dir.path().join("backups");
    // A partial copy left by a backup cut short long ago is cleared away.
    std::fs::create_dir_all(&backups).unwrap();
    let stale = backups.join(".coachlog-cut-short.partial");
    let journal = backups.join(".coachlog-cut-short.partial-journal");
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    for left in [&stale, &journal] {
        let file = std::fs::File::create(left).unwrap();
        file.set_modified(long_ago).unwrap();
    }
    let app = start(&db);
    app.wait_for("Smith, Dan");
    let daily = backups.join("coachlog-daily-20261123.db");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    // The stale copies are cleared just after the day's copy is in place.
    let done = || daily.exists() && !stale.exists() && !journal.exists();
    while !done() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        daily.exists(),
        "the day's backup, taken while the app is open"
    );
    assert!(
        !stale.exists() && !journal.exists(),
        "the stale partial copy is gone"
    );
    quit(app);
    let copy = rusqlite::Connection::open(&daily).unwrap();
    let names: i64 = copy
        .query_row("SELECT count(*) FROM teacher", [], |r| r.get(0))
        .unwrap();
    assert_eq!(names, 1);
}

#[test]
fn from_the_roster_to_a_school_into_a_person_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("coachlog.db");
    cli(
        &db,
        &[
            "teacher",
            "add",
            "Smith, Dan",
            "--school",
            "Eastside Middle",
        ],
    );
    cli(
        &db,
        &[
            "teacher",
            "add",
            "Reyes, Ana",
            "--school",
            "Eastside Middle",
            "--role",
            "leader",
            "--tag",
            "pilot",
        ],
    );
    cli(
        &db,
        &["teacher", "add", "Park, Eve", "--school", "Northgate"],
    );
    let mut app = start(&db);
    app.wait_for("▶Park, Eve");
    app.send(DOWN);
    app.wait_for("▶Reyes, Ana");
    app.send("S");
    app.wait_for(" Eastside Middle · ");
    app.wait_for("People · seen · next check-in");
    assert!(!app.screen().contains("Park, Eve"), "{}", app.screen());
    // Into a person of the school and back to it, then back to the roster.
    app.send(DOWN);
    app.send(ENTER);
    app.wait_for("Overview");
    app.send("\x1b");
    app.wait_for("People · seen · next check-in");
    app.send("n");
    app.wait_for(" Northgate · ");
    app.send("\x1b");
    // The roster, on the person last opened.
    app.wait_for("▶Smith, Dan");
    quit(app);
}
