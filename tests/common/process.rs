//! The real binary as a user or a script runs it, and the counts of the reliability
//! suite: small by default, heavy with `COACHLOG_RELIABILITY=full`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `coachlog --db DB ARGS…` at the frozen test time, in UTC.
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coachlog"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB")
        .env_remove("COLUMNS");
    command
}

pub fn coachlog(db: &Path, args: &[&str]) -> Output {
    command(db, args).output().expect("run coachlog")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The file beside `path` with `suffix` appended to its name (`-wal`, `-shm`).
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// What a crash leaves, copied as it lies: the database and its side files.
pub fn copy_as_crashed(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        if let Ok(bytes) = std::fs::read(beside(from, suffix)) {
            std::fs::write(beside(to, suffix), bytes).expect("copy a side file");
        }
    }
}

/// Whether the heavy counts were asked for (`COACHLOG_RELIABILITY=full`).
pub fn full() -> bool {
    std::env::var("COACHLOG_RELIABILITY").is_ok_and(|value| value == "full")
}

/// `light` in an ordinary `cargo test`, `heavy` with `COACHLOG_RELIABILITY=full`.
pub fn count(light: usize, heavy: usize) -> usize {
    if full() { heavy } else { light }
}

/// A small seeded generator for kill moments and damage, so that a failure can be
/// replayed: its seed is in every failure message, and `COACHLOG_RELIABILITY_SEED`
/// sets it.
pub struct Rng {
    pub seed: u64,
    state: u64,
}

impl Rng {
    pub fn new() -> Rng {
        let seed = std::env::var("COACHLOG_RELIABILITY_SEED")
            .ok()
            .and_then(|seed| seed.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(1, |elapsed| elapsed.as_nanos() as u64)
            });
        Rng {
            seed,
            state: seed | 1,
        }
    }

    /// xorshift64*.
    pub fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    /// A moment in `0..span`.
    pub fn moment(&mut self, span: Duration) -> Duration {
        let micros = span.as_micros().max(1) as u64;
        Duration::from_micros(self.below(micros))
    }
}
