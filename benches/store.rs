//! What the store costs on a realistic file: the roster, one teacher's whole file, the
//! agenda's open actions, saving an observation (a synced write), and opening the file.
//!
//! Each run generates its files afresh in temporary folders (see `common`); generation
//! and opening are outside the timed loops unless they are what is measured.

mod common;

use chrono::NaiveDate;
use coachlog::db::{Command, Store};
use coachlog::model::{AnyRecord, LocalTime, Observation, Rating};
use common::{Caseload, Cohort};
use criterion::{BatchSize, Criterion};
use std::cell::OnceCell;
use std::hint::black_box;
use std::time::Duration;

/// The files, each generated the first time a bench asks for it.
#[derive(Default)]
struct Files {
    small_school: OnceCell<Caseload>,
    school: OnceCell<Caseload>,
    veteran: OnceCell<Caseload>,
}

impl Files {
    /// 50 teachers, one year of history each.
    fn small_school(&self) -> &Caseload {
        self.small_school.get_or_init(|| {
            Caseload::generate(&[Cohort {
                teachers: 50,
                years: 1,
            }])
        })
    }

    /// 500 teachers, one year of history each.
    fn school(&self) -> &Caseload {
        self.school.get_or_init(|| {
            Caseload::generate(&[Cohort {
                teachers: 500,
                years: 1,
            }])
        })
    }

    /// One teacher with ten years of history.
    fn veteran(&self) -> &Caseload {
        self.veteran.get_or_init(|| {
            Caseload::generate(&[Cohort {
                teachers: 1,
                years: 10,
            }])
        })
    }
}

fn main() {
    let mut criterion = common::criterion();
    let files = Files::default();
    roster(&mut criterion, &files);
    teacher_file(&mut criterion, &files);
    open_actions(&mut criterion, &files);
    add_observation(&mut criterion, &files);
    open(&mut criterion, &files);
    criterion.final_summary();
}

fn roster(criterion: &mut Criterion, files: &Files) {
    let mut group = criterion.benchmark_group("roster");
    // Long enough for 20 samples of the 500-teacher roster's ~20 ms.
    group.measurement_time(Duration::from_secs(6));
    for (name, file) in [
        (
            "50 teachers x 1y",
            Files::small_school as fn(&Files) -> &Caseload,
        ),
        ("500 teachers x 1y", Files::school),
    ] {
        let store = OnceCell::new();
        group.bench_function(name, |b| {
            let store: &Store = store.get_or_init(|| file(files).open());
            b.iter(|| black_box(store.roster(false).expect("the roster")));
        });
    }
    group.finish();
}

fn teacher_file(criterion: &mut Criterion, files: &Files) {
    for (name, file) in [
        (
            "teacher_file/1y (of 500 teachers)",
            Files::school as fn(&Files) -> &Caseload,
        ),
        ("teacher_file/10y", Files::veteran),
    ] {
        let store = OnceCell::new();
        criterion.bench_function(name, |b| {
            let caseload = file(files);
            let store: &Store = store.get_or_init(|| caseload.open());
            let id = &caseload.teacher_ids[0];
            b.iter(|| black_box(store.teacher_file(id).expect("the teacher's file")));
        });
    }
}

fn open_actions(criterion: &mut Criterion, files: &Files) {
    let store = OnceCell::new();
    criterion.bench_function("open_actions/500 teachers x 1y", |b| {
        let store: &Store = store.get_or_init(|| files.school().open());
        b.iter(|| black_box(store.open_actions().expect("the open actions")));
    });
}

/// One quick observation saved: a `BEGIN IMMEDIATE` transaction committed with
/// `synchronous=FULL`, so each iteration waits for the disk to sync the log.
fn add_observation(criterion: &mut Criterion, files: &Files) {
    let mut copy = None;
    criterion.bench_function("apply/add observation (500 teachers x 1y)", |b| {
        let (_dir, store, teacher_id) = copy.get_or_insert_with(|| {
            let caseload = files.school();
            let (dir, path) = caseload.copy();
            let store = Store::open(&path, common::clock()).expect("the copy");
            (dir, store, caseload.teacher_ids[0].clone())
        });
        let observation = Observation {
            teacher_id: teacher_id.clone(),
            observed_at: LocalTime::utc_wall(
                NaiveDate::from_ymd_opt(2026, 11, 23)
                    .and_then(|day| day.and_hms_opt(10, 15, 0))
                    .expect("a valid time"),
            ),
            minutes: Some(12),
            class_period: "Period 2".into(),
            evidence: "Teacher waited three seconds before naming a student. \
                       Two students at the back table had not started."
                .into(),
            rating: Rating::new(3),
            ..Observation::default()
        };
        b.iter_batched(
            || Command::Add(AnyRecord::Observation(observation.clone())),
            |command| black_box(store.apply(command).expect("saved")),
            BatchSize::SmallInput,
        );
    });
}

/// Startup: open an existing file (checks, pragmas, migrations up to date).
fn open(criterion: &mut Criterion, files: &Files) {
    criterion.bench_function("open/500 teachers x 1y", |b| {
        let path = &files.school().path;
        b.iter_with_large_drop(|| Store::open(path, common::clock()).expect("opened"));
    });
}
