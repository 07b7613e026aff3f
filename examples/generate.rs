//! Writes a generated caseload to a new database file: the same realistic histories the
//! benches measure (a fixed seed, so every run writes the same records), for timing the
//! app by hand or with `benches/first-frame.sh`.
//!
//! ```sh
//! cargo run --release --example generate -- --teachers 500 --years 1 --db m.db
//! cargo run --release --example generate -- --teachers 2000 --years 3 --ten-year-teacher --db l.db
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use clap::Parser;
use common::Cohort;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate a coachlog database of teachers with years of coaching history.
#[derive(Parser)]
struct Args {
    /// How many teachers.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    teachers: u32,
    /// School years of history for each teacher, ending on 23 Nov 2026.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=40))]
    years: u32,
    /// Make the first teacher's history ten years long (the long file a principal reads).
    #[arg(long)]
    ten_year_teacher: bool,
    /// The new database file; an existing file is refused, never overwritten.
    #[arg(long)]
    db: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.db.exists() {
        eprintln!(
            "generate: {} already exists; name a new file",
            args.db.display()
        );
        return ExitCode::from(2);
    }
    let teachers = args.teachers as usize;
    let cohorts = if args.ten_year_teacher {
        vec![
            Cohort {
                teachers: 1,
                years: 10,
            },
            Cohort {
                teachers: teachers - 1,
                years: args.years,
            },
        ]
    } else {
        vec![Cohort {
            teachers,
            years: args.years,
        }]
    };
    let started = std::time::Instant::now();
    let result = coachlog::db::Store::open(&args.db, common::clock())
        .and_then(|mut store| common::fill(&mut store, &cohorts).map(|_| ()));
    match result {
        Ok(()) => {
            let bytes = std::fs::metadata(&args.db).map(|m| m.len()).unwrap_or(0);
            println!(
                "{}: {} in {:.1?}, {:.1} MB",
                args.db.display(),
                common::describe(&cohorts),
                started.elapsed(),
                bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("generate: {}: {error}", args.db.display());
            ExitCode::FAILURE
        }
    }
}
