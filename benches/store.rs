//! What the store costs on a realistic file: the roster, one teacher's whole file, the
//! agenda's open actions, saving an observation (a synced write), and opening the file.
//!
//! Each run generates its files afresh in temporary folders (see `common`); generation
//! and opening are outside the timed loops unless they are what is measured. The district
//! file (2,000 teachers x 3 years, ~650 MB, minutes to generate) is measured too when
//! `COACHLOG_BENCH_L` names one written by the generator (see benches/README.md).

mod common;

use chrono::NaiveDate;
use coachlog::db::{Command, Store};
use coachlog::model::{AnyRecord, LocalTime, Observation, Rating};
use common::{Caseload, Cohort};
use criterion::{BatchSize, Criterion};
use std::cell::OnceCell;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

/// The files, each generated the first time a bench asks for it.
#[derive(Default)]
struct Files {
    small_school: OnceCell<Caseload>,
    school: OnceCell<Caseload>,
    veteran: OnceCell<Caseload>,
}

/// The district file named by `COACHLOG_BENCH_L`, if any, opened as it is (never written).
fn district() -> Option<Store> {
    let path = PathBuf::from(std::env::var_os("COACHLOG_BENCH_L")?);
    Some(Store::open(&path, common::clock()).expect("the file COACHLOG_BENCH_L names"))
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
    let district = district();
    roster(&mut criterion, &files);
    teacher_file(&mut criterion, &files);
    open_actions(&mut criterion, &files);
    at_district_scale(&mut criterion, district.as_ref());
    search(&mut criterion, &files);
    export(&mut criterion, &files);
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
    // What a start reads before its first frame, on a connection just opened (its page
    // cache empty, as at a start): the whole roster as before, and now the rows of one
    // screen with the header's counts.
    group.bench_function("500 teachers x 1y, whole, fresh connection", |b| {
        b.iter_batched(
            || files.school().open(),
            |store| black_box(store.roster(false).expect("the roster")),
            BatchSize::PerIteration,
        );
    });
    group.bench_function(
        "500 teachers x 1y, a screen's rows + counts, fresh connection",
        |b| {
            b.iter_batched(
                || files.school().open(),
                |store| black_box(first_frame_rows(&store)),
                BatchSize::PerIteration,
            );
        },
    );
    group.finish();
}

/// What the first frame reads of the roster at 80×24: the 18 rows it lists, and the
/// header's counts of everyone.
fn first_frame_rows(
    store: &Store,
) -> (
    Vec<coachlog::model::RosterRow>,
    coachlog::model::RosterSummary,
) {
    let rows = coachlog::ui::roster_rows_shown(24);
    store.roster_start(false, rows).expect("the first rows")
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

/// Search as typed: one letter, two, a common pair, a start past the index's prefixes
/// and two words; at most a page (200) of notes.
const TYPED: [&str; 5] = ["s", "st", "hi", "stud", "exit tickets"];

fn search(criterion: &mut Criterion, files: &Files) {
    let store = OnceCell::new();
    for typed in TYPED {
        criterion.bench_function(&format!("search/\"{typed}\" (500 teachers x 1y)"), |b| {
            let store: &Store = store.get_or_init(|| files.school().open());
            b.iter(|| black_box(store.search(typed, 200).expect("the hits")));
        });
    }
}

/// `coachlog export` of a ten-year teacher: the whole file read, then written out.
fn export(criterion: &mut Criterion, files: &Files) {
    let store = OnceCell::new();
    for format in ["md", "html", "json"] {
        criterion.bench_function(&format!("export/{format} (10y)"), |b| {
            let caseload = files.veteran();
            let store: &Store = store.get_or_init(|| caseload.open());
            let options = coachlog::export::Options::new(common::now().date());
            b.iter(|| {
                let mut file = store
                    .teacher_file(&caseload.teacher_ids[0])
                    .expect("read")
                    .expect("the teacher");
                store.load_all_observations(&mut file).expect("read");
                black_box(match format {
                    "md" => coachlog::export::markdown(&file, &options),
                    "html" => coachlog::export::html(&file, &options),
                    _ => coachlog::export::json(&file, &options),
                })
            });
        });
    }
}

/// The reads that must not grow with the file, on the district file when one is named.
fn at_district_scale(criterion: &mut Criterion, district: Option<&Store>) {
    let Some(store) = district else {
        return;
    };
    let mut group = criterion.benchmark_group("L (2000 teachers x 3y)");
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("roster()", |b| {
        b.iter(|| black_box(store.roster(false).expect("the roster")));
    });
    group.bench_function("a screen's rows + counts (the first frame's read)", |b| {
        b.iter(|| black_box(first_frame_rows(store)));
    });
    group.bench_function("open_actions()", |b| {
        b.iter(|| black_box(store.open_actions().expect("the open actions")));
    });
    group.bench_function("teachers() (teacher list)", |b| {
        b.iter(|| black_box(store.teachers(false).expect("the teachers")));
    });
    for typed in TYPED {
        group.bench_function(format!("search \"{typed}\""), |b| {
            b.iter(|| black_box(store.search(typed, 200).expect("the hits")));
        });
    }
    group.finish();
}
