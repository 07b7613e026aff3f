//! Times coachlog end to end in a pseudo-terminal: launch to the first complete roster
//! frame, and key press to redraw, against a trivial program started the same way in the
//! same run (the floor: a shell that prints one word and waits). Every read of the
//! programs' output is time-stamped as it arrives, so a figure is the time to the read
//! that brought the frame, not to the next look at the screen; the terminal emulator is
//! vt100, the one the journey tests use. Also reads coachlog's peak memory.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example first_frame -- l.db j k          # roster: first frame, j/k
//! cargo run --release --example first_frame -- --launches 25 m.db
//! ```
//!
//! Keys are sent in turn, cycling; `Down`, `Up`, `Enter`, `Esc`, `Tab` and `BSpace` name
//! those keys, anything else is typed as it is. Figures are medians with min and max; the
//! last line is the median of coachlog's first frame less the floor's launched just
//! before it, so a change in the machine's load weighs on both alike. Each launch follows
//! the same pause (`--quiet`, 300 ms), as a launch by hand follows a pause.

#[path = "../tests/common/pty.rs"]
mod pty;

use clap::Parser;
use pty::PtyApp;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Time coachlog's first frame and keys in a pseudo-terminal against a trivial program.
#[derive(Parser)]
struct Args {
    /// Launches of each program.
    #[arg(long, short = 'n', default_value_t = 15)]
    launches: usize,
    /// Keys timed in each launch.
    #[arg(long, short = 'r', default_value_t = 10)]
    keys_per_launch: usize,
    /// Terminal size, COLSxROWS.
    #[arg(long, short = 's', default_value = "80x24", value_parser = size)]
    size: (u16, u16),
    /// Another build of coachlog, launched in turn with this one: the last line is then the
    /// median of its first frame less this one's, launched just before it (to tell whether
    /// a change saves time: differences between runs are larger than most changes).
    #[arg(long, value_name = "BIN")]
    against: Option<PathBuf>,
    /// Milliseconds of quiet before every launch, the floor's included: a program started
    /// after a pause starts slower than one started at once (the processor's caches and
    /// clock), and without the pause coachlog came after the floor's long wait and the
    /// floor after coachlog's quick exit.
    #[arg(long, value_name = "MS", default_value_t = 300)]
    quiet: u64,
    /// The database to open (`cargo run --release --example generate` writes one).
    db: PathBuf,
    /// Keys to time after the first frame, sent in turn.
    keys: Vec<String>,
}

fn size(text: &str) -> Result<(u16, u16), String> {
    let (cols, rows) = text.split_once('x').ok_or("COLSxROWS, like 80x24")?;
    let number = |n: &str| n.parse::<u16>().ok().filter(|n| *n > 0);
    match (number(cols), number(rows)) {
        (Some(cols), Some(rows)) => Ok((cols, rows)),
        _ => Err("COLSxROWS, like 80x24".into()),
    }
}

/// What a key's name sends.
fn key_bytes(name: &str) -> &str {
    match name {
        "Down" => pty::DOWN,
        "Up" => pty::UP,
        "Enter" => pty::ENTER,
        "Esc" => pty::ESC,
        "Tab" => pty::TAB,
        "BSpace" => pty::BACKSPACE,
        other => other,
    }
}

/// One program's figures over the launches.
#[derive(Default)]
struct Figures {
    first_frame: Vec<Duration>,
    keys: Vec<Duration>,
    /// Each key's name, whether it was a launch's first, and its time.
    named: Vec<(String, bool, Duration)>,
    peak_kib: Vec<u64>,
}

/// The moment every launch is told it is (the backups are named by its day).
const NOW: &str = "2026-11-23T10:42";

/// The time allowed for a frame or a redraw before the run is called off.
const PATIENCE: Duration = Duration::from_secs(30);

/// Launches a program, times its first frame (the screen showing `marker`) and the keys,
/// reads its peak memory and ends it with a hang-up, as a closed terminal would.
fn launch(args: &Args, program: &Path, argv: &[&str], marker: &str, into: &mut Figures) {
    let env = [("COACHLOG_NOW", NOW)];
    std::thread::sleep(Duration::from_millis(args.quiet));
    let mut app = PtyApp::spawn_timed(program, argv, &env, args.size);
    into.first_frame.push(app.shown_at(marker, PATIENCE));
    std::thread::sleep(Duration::from_millis(200));
    for (n, key) in args
        .keys
        .iter()
        .cycle()
        .take(args.keys_per_launch * usize::from(!args.keys.is_empty()))
        .enumerate()
    {
        let took = app.time_key(key_bytes(key), PATIENCE);
        into.keys.push(took);
        into.named.push((key.clone(), n == 0, took));
        std::thread::sleep(Duration::from_millis(50));
    }
    into.peak_kib.push(peak_kib(app.pid()).unwrap_or(0));
    #[cfg(unix)]
    {
        const SIGHUP: i32 = 1;
        app.signal(SIGHUP);
        app.wait_exit_status_timeout(PATIENCE);
    }
    // Elsewhere a closed console ends the program; here it is ended.
    #[cfg(not(unix))]
    app.kill();
}

/// Takes the day's backup of `db` with `bin`, as the day's first launch does, unless it
/// is there: coachlog starts it after its first frame, and a launch ended by a hang-up
/// gives it up, so without it every launch would copy the whole file beside the keys it
/// times (at district scale a copy takes seconds, on one of the two cores).
fn take_the_days_backup(bin: &Path, db: &Path, size: (u16, u16)) -> Result<(), String> {
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned());
    let day = NOW.get(..10).unwrap_or_default().replace('-', "");
    let folder = db.parent().unwrap_or(Path::new(".")).join("backups");
    let backup = folder.join(format!("{}-daily-{day}.db", stem.unwrap_or_default()));
    if backup.exists() {
        return Ok(());
    }
    println!("taking the day's backup first: {}", backup.display());
    let db = db.to_string_lossy();
    let mut app = PtyApp::spawn_timed(bin, &["--db", &db], &[("COACHLOG_NOW", NOW)], size);
    app.shown_at("? help", PATIENCE);
    let begun = std::time::Instant::now();
    while !backup.exists() && begun.elapsed() < Duration::from_secs(600) {
        std::thread::sleep(Duration::from_millis(100));
    }
    // Quit with q: the app waits for a backup still being checked.
    app.send("q");
    app.wait_exit_status_timeout(Duration::from_secs(600));
    match backup.exists() {
        true => Ok(()),
        false => Err(format!("no backup {} after 10 minutes", backup.display())),
    }
}

/// The process's peak resident memory (VmHWM), in KiB.
fn peak_kib(pid: Option<u32>) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid?)).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Median, min and max of the values, or `None` when there are none.
fn spread<T: Copy + Ord + Into<f64>>(values: &[T]) -> Option<(f64, f64, f64)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let median = match n {
        0 => return None,
        _ if n % 2 == 1 => sorted[n / 2].into(),
        _ => (sorted[n / 2 - 1].into() + sorted[n / 2].into()) / 2.0,
    };
    Some((median, sorted[0].into(), sorted[n - 1].into()))
}

/// Microseconds, as `u32` so that they convert to `f64` without loss.
fn micros(durations: &[Duration]) -> Vec<u32> {
    let micros = |d: &Duration| u32::try_from(d.as_micros()).unwrap_or(u32::MAX);
    durations.iter().map(micros).collect()
}

fn say_ms(label: &str, durations: &[Duration]) {
    if let Some((median, min, max)) = spread(&micros(durations)) {
        let n = durations.len();
        let ms = |us: f64| us / 1000.0;
        println!(
            "{label:<34} median={:.2} min={:.2} max={:.2} n={n}",
            ms(median),
            ms(min),
            ms(max)
        );
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = std::env::var_os("COACHLOG_BIN")
        .map_or_else(|| root.join("target/release/coachlog"), PathBuf::from);
    if !bin.is_file() {
        eprintln!(
            "first_frame: no {}; run cargo build --release",
            bin.display()
        );
        return ExitCode::from(2);
    }
    if !args.db.is_file() {
        eprintln!("first_frame: no database {}", args.db.display());
        return ExitCode::from(2);
    }
    if let Err(why) = take_the_days_backup(&bin, &args.db, args.size) {
        eprintln!("first_frame: {why}");
        return ExitCode::from(2);
    }
    let db = args.db.to_string_lossy().into_owned();
    let bytes = std::fs::metadata(&args.db).map_or(0, |m| m.len());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    println!(
        "size={}x{} launches={} quiet={}ms keys={} db={db} ({} MB) load: {}",
        args.size.0,
        args.size.1,
        args.launches,
        args.quiet,
        args.keys.join(" "),
        bytes / 1_000_000,
        load.join(" ")
    );
    let (mut floor, mut coachlog) = (Figures::default(), Figures::default());
    let mut other = Figures::default();
    let (mut paired, mut against) = (Vec::new(), Vec::new());
    for _ in 0..args.launches {
        launch(
            &args,
            Path::new("/bin/sh"),
            &["-c", "echo READY; exec cat"],
            "READY",
            &mut floor,
        );
        launch(&args, &bin, &["--db", &db], "? help", &mut coachlog);
        if let (Some(f), Some(c)) = (floor.first_frame.last(), coachlog.first_frame.last()) {
            paired.push(c.as_micros() as f64 - f.as_micros() as f64);
        }
        if let Some(bin) = &args.against {
            launch(&args, bin, &["--db", &db], "? help", &mut other);
            if let (Some(c), Some(o)) = (coachlog.first_frame.last(), other.first_frame.last()) {
                against.push(o.as_micros() as f64 - c.as_micros() as f64);
            }
        }
    }
    for (name, figures) in [("floor", &floor), ("coachlog", &coachlog)] {
        say_ms(&format!("{name} first_frame_ms"), &figures.first_frame);
        say_ms(&format!("{name} key_redraw_ms"), &figures.keys);
        if let Some((median, min, max)) = spread(
            &figures
                .peak_kib
                .iter()
                .map(|k| u32::try_from(*k).unwrap_or(u32::MAX))
                .collect::<Vec<_>>(),
        ) {
            println!(
                "{:<34} median={median} min={min} max={max}",
                format!("{name} peak_rss_kib")
            );
        }
    }
    // Each key on its own, and a launch's first press of it apart: the first time a
    // screen is opened in a process, its statements are prepared and its pages read.
    if args.keys.len() > 1 || args.keys_per_launch > 1 {
        for name in &args.keys {
            for (first, label) in [(true, "first"), (false, "later")] {
                let times: Vec<Duration> = coachlog
                    .named
                    .iter()
                    .filter(|(key, was_first, _)| key == name && *was_first == first)
                    .map(|(.., took)| *took)
                    .collect();
                say_ms(&format!("coachlog {name} {label}_ms"), &times);
            }
        }
    }
    for (label, diffs) in [
        ("paired first_frame_over_floor_ms", &mut paired),
        ("paired against_less_this_ms", &mut against),
    ] {
        diffs.sort_by(f64::total_cmp);
        if let Some(median) = diffs.get(diffs.len() / 2) {
            println!("{label:<34} median={:+.2}", median / 1000.0);
        }
    }
    if let (Some((c, ..)), Some((f, ..))) = (
        spread(&micros(&coachlog.keys)),
        spread(&micros(&floor.keys)),
    ) {
        println!(
            "{:<34} median={:+.2}",
            "key_redraw_over_floor_ms",
            (c - f) / 1000.0
        );
    }
    ExitCode::SUCCESS
}
