//! Writes `assets/hot-functions.txt`: the functions of the release build that a session
//! runs, those of the start first, for the linker to place side by side (see `build.rs`).
//!
//! It drives the release build under valgrind's callgrind in a pseudo-terminal at 80×24,
//! on a copy of the file given, through a day's session: the roster, its filter, search,
//! the agenda, a teacher's tabs, the brief, an observation and a check-in saved, the help,
//! and Ctrl-Q. Then it lists every function of the app's own code that ran. Valgrind slows
//! the app some fifty times: a run takes a few minutes.
//!
//! ```sh
//! cargo run --release --example generate -- --teachers 500 --years 1 --ten-year-teacher --db m.db
//! cargo build --release
//! cargo run --release --example hot_functions -- m.db
//! cargo build --release     # links with the new list
//! ```
//!
//! The list names the functions as this build's compiler and settings name them; after a
//! change of compiler or profile most names are new, and the list is written again.
//!
//! Linux only (valgrind, and the list is only given to the linker there).

#[path = "../tests/common/pty.rs"]
mod pty;

use clap::Parser;
use pty::PtyApp;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// List the functions a session of the release build runs, for the linker.
#[derive(Parser)]
struct Args {
    /// A database to copy and use (`cargo run --release --example generate` writes one,
    /// with `--ten-year-teacher`).
    db: PathBuf,
    /// Where the list goes.
    #[arg(long, default_value = "assets/hot-functions.txt")]
    out: PathBuf,
}

/// How long the screen must stay the same before the next key: under valgrind a frame can
/// take a second, and the readers in the background longer.
const SETTLED: Duration = Duration::from_millis(1500);

/// The most a step may take before the run is called off.
const PATIENCE: Duration = Duration::from_secs(120);

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("hot_functions: {why}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = std::env::var_os("COACHLOG_BIN")
        .map_or_else(|| root.join("target/release/coachlog"), PathBuf::from);
    let bin = bin
        .canonicalize()
        .map_err(|_| format!("no {}; run cargo build --release", bin.display()))?;
    if !args.db.is_file() {
        return Err(format!("no database {}", args.db.display()));
    }
    let valgrind = Command::new("valgrind").arg("--version").output();
    if !valgrind.is_ok_and(|out| out.status.success()) {
        return Err("valgrind is needed (e.g. apt-get install valgrind)".into());
    }
    let start = session(&bin, &args.db, false)?;
    let day = session(&bin, &args.db, true)?;
    let mut text = String::from(
        "# The functions a session of coachlog's release build runs, those of the start first.\n\
         # Written by examples/hot_functions.rs, read by the linker (build.rs).\n",
    );
    for name in start.iter().chain(day.difference(&start)) {
        text.push_str(name);
        text.push('\n');
    }
    std::fs::write(&args.out, text).map_err(|e| format!("{}: {e}", args.out.display()))?;
    println!(
        "{}: {} functions, {} of them at the start",
        args.out.display(),
        start.len() + day.difference(&start).count(),
        start.len()
    );
    Ok(())
}

/// Runs one session under callgrind (the start alone, or the day's whole session) and
/// returns the names of the app's functions that ran.
fn session(bin: &Path, db: &Path, whole: bool) -> Result<BTreeSet<String>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let copy = dir.path().join("coachlog.db");
    std::fs::copy(db, &copy).map_err(|e| format!("cannot copy {}: {e}", db.display()))?;
    let out = dir.path().join("callgrind.out");
    let home = dir.path().to_string_lossy().into_owned();
    let data = dir.path().join("data").to_string_lossy().into_owned();
    let config = dir.path().join("config").to_string_lossy().into_owned();
    let argv = [
        "--tool=callgrind".to_string(),
        "--demangle=no".to_string(),
        format!("--callgrind-out-file={}", out.display()),
        bin.to_string_lossy().into_owned(),
        "--db".to_string(),
        copy.to_string_lossy().into_owned(),
    ];
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let env = [
        ("COACHLOG_NOW", "2026-11-23T10:42"),
        ("HOME", home.as_str()),
        ("XDG_DATA_HOME", data.as_str()),
        ("XDG_CONFIG_HOME", config.as_str()),
        ("EDITOR", "true"),
    ];
    let mut app = PtyApp::spawn(Path::new("valgrind"), &argv, &env, 80, 24);
    app.wait_for_timeout("coachlog ·", PATIENCE);
    settle(&app);
    if whole {
        day(&mut app);
    }
    app.send(&pty::ctrl('q'));
    settle(&app);
    if app.is_running() {
        // A form still open asks before throwing away what was typed.
        app.send("y");
    }
    app.wait_exit_status_timeout(PATIENCE);
    let profile =
        std::fs::read_to_string(&out).map_err(|e| format!("no profile from callgrind: {e}"))?;
    Ok(functions_of(&profile, bin))
}

/// A day's session, key by key, each key's screen left to settle.
fn day(app: &mut PtyApp) {
    let steps: &[&[&str]] = &[
        // The roster and its filter.
        &["j", "j", "j", "k", pty::PAGE_DOWN, pty::PAGE_UP],
        &["/", "a", "b", pty::DOWN, pty::ESC, pty::ESC],
        // Search, a word typed letter by letter, a result opened.
        &["s", "s", "t", "u", "d", "e", "n", "t", "s", pty::DOWN],
        &[pty::ENTER, pty::ESC, pty::ESC],
        // The agenda, down its open actions, a line opened.
        &[
            "g",
            pty::TAB,
            "j",
            "j",
            pty::PAGE_DOWN,
            pty::ENTER,
            pty::ESC,
            pty::ESC,
        ],
        // A teacher's workspace, every tab, and the brief.
        &[
            pty::ENTER,
            "1",
            "j",
            "2",
            "j",
            "3",
            "j",
            "4",
            "j",
            "5",
            "j",
            "6",
            "j",
        ],
        &[pty::PAGE_DOWN, pty::PAGE_UP, "b", pty::ESC],
        // An observation saved.
        &[
            "o",
            "3",
            "Students explained the target to a partner",
            pty::ENTER,
        ],
        &[pty::ENTER],
        // A check-in with a new action saved.
        &["c", "Warm-up is consistent now."],
        &[
            &pty::ctrl('n'),
            "Post the warm-up before the bell",
            &pty::ctrl('s'),
        ],
        &[&pty::ctrl('s')],
        // The help, and back to the roster.
        &["?", pty::PAGE_DOWN, pty::ESC, pty::ESC, pty::ESC],
    ];
    for step in steps {
        for key in *step {
            app.send(key);
            settle(app);
        }
    }
}

/// Waits until the screen has stayed the same for `SETTLED`.
fn settle(app: &PtyApp) {
    let began = Instant::now();
    let mut last = app.screen();
    let mut since = Instant::now();
    while since.elapsed() < SETTLED && began.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(100));
        let now = app.screen();
        if now != last {
            last = now;
            since = Instant::now();
        }
    }
}

/// The names of the functions of `bin` that have a cost in a callgrind profile (written
/// with `--demangle=no`, names compressed as `(id) name` on first use).
fn functions_of(profile: &str, bin: &Path) -> BTreeSet<String> {
    let bin = bin.to_string_lossy();
    let mut objects = std::collections::HashMap::new();
    let mut functions = std::collections::HashMap::new();
    let mut in_bin = false;
    let mut found = BTreeSet::new();
    for line in profile.lines() {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let named = |table: &mut std::collections::HashMap<String, String>| {
            let (id, name) = match value.split_once(") ") {
                Some((id, name)) if id.starts_with('(') => (id, Some(name)),
                _ => (value.trim_end_matches(')'), None),
            };
            match name {
                Some(name) => {
                    table.insert(id.to_string(), name.to_string());
                    name.to_string()
                }
                None => table.get(id).cloned().unwrap_or_else(|| value.to_string()),
            }
        };
        match key {
            "ob" => in_bin = named(&mut objects) == bin,
            "cob" => {
                named(&mut objects);
            }
            "fn" => {
                let name = named(&mut functions);
                // `name'2` is a deeper call of `name`; `0x…` and `(below main)` are no
                // symbol's.
                let name = name.split('\'').next().unwrap_or_default();
                let symbol = !name.is_empty() && !name.starts_with("0x") && !name.contains(' ');
                if in_bin && symbol {
                    found.insert(name.to_string());
                }
            }
            "cfn" => {
                named(&mut functions);
            }
            _ => {}
        }
    }
    found
}
