//! What a coach feels per key press: the key through `App::handle_event`, then the whole
//! frame drawn into an 80x24 `TestBackend`, as the main loop does. The file has 500
//! teachers; the first has ten years of history, the others one.
//!
//! Each timed press starts from a screen that was just drawn by an untimed press (Esc
//! before Enter, `1` before `6`...), so the timed frame really changes the screen.
//!
//! When `COACHLOG_BENCH_L` names a district file written by the generator (2,000
//! teachers x 3 years, see benches/README.md), the group `L (2000 teachers x 3y)` times
//! the same keys and the start on it. It is opened as it is; no timed key writes.

mod common;

use coachlog::app::App;
use common::{Caseload, Cohort};
use criterion::{BatchSize, Criterion};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::cell::OnceCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The school, generated the first time a bench asks for it.
#[derive(Default)]
struct School(OnceCell<Caseload>);

impl School {
    fn get(&self) -> &Caseload {
        self.0.get_or_init(|| {
            Caseload::generate(&[
                Cohort {
                    teachers: 1,
                    years: 10,
                },
                Cohort {
                    teachers: 499,
                    years: 1,
                },
            ])
        })
    }

    fn veteran(&self) -> &str {
        &self.get().teacher_ids[0]
    }
}

/// The app on a screen of 80x24, as a coach has it open.
struct Session {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Session {
    fn new(school: &School) -> Session {
        let app = App::new(school.get().open()).expect("the app");
        let mut session = Session {
            app,
            terminal: Terminal::new(TestBackend::new(80, 24)).expect("a test terminal"),
        };
        session.draw();
        session
    }

    /// The roster with the ten-year teacher selected.
    fn on_veteran(school: &School) -> Session {
        let mut session = Session::new(school);
        session.app.roster.select_id(school.veteran());
        session.draw();
        session
    }

    fn draw(&mut self) {
        let app = &self.app;
        self.terminal
            .draw(|frame| coachlog::ui::render(app, frame))
            .expect("drawn");
    }

    fn press(&mut self, code: KeyCode) {
        self.app
            .handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self.draw();
    }

    /// Times `iters` presses of `key`, each after an untimed press of `reset`.
    fn time(&mut self, iters: u64, reset: KeyCode, key: KeyCode) -> Duration {
        self.time_walk(iters, key, reset, 1)
    }

    /// Times `key` pressed `iters` times in a row, with `reset` (not timed) after every
    /// `run` of them: a walk down a long list, back to its top now and then.
    fn time_walk(&mut self, iters: u64, key: KeyCode, reset: KeyCode, run: u64) -> Duration {
        let mut total = Duration::ZERO;
        for done in 0..iters {
            if done % run == 0 {
                self.press(reset);
            }
            let started = Instant::now();
            self.press(key);
            total += started.elapsed();
        }
        black_box(self.terminal.backend().buffer().area);
        total
    }
}

fn main() {
    let mut criterion = common::criterion();
    let school = School::default();
    start(&mut criterion, &school);
    roster(&mut criterion, &school);
    search(&mut criterion, &school);
    workspace(&mut criterion, &school);
    at_district_scale(&mut criterion);
    criterion.final_summary();
}

/// Startup after the file is open: the roster query and the app's state.
fn start(criterion: &mut Criterion, school: &School) {
    let mut group = criterion.benchmark_group("App::new");
    // Long enough for 20 samples of ~20 ms.
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("500 teachers", |b| {
        let caseload = school.get();
        b.iter_batched(
            || caseload.open(),
            |store| App::new(store).expect("the app"),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn roster(criterion: &mut Criterion, school: &School) {
    let mut session = None;
    criterion.bench_function("key/roster filter: type a letter (500 teachers)", |b| {
        let session = session.get_or_insert_with(|| {
            let mut session = Session::new(school);
            session.press(KeyCode::Char('/'));
            session
        });
        // "e" matches most of the school: the longest list to filter and draw.
        b.iter_custom(|iters| session.time(iters, KeyCode::Backspace, KeyCode::Char('e')));
    });
    let mut session = None;
    criterion.bench_function("key/roster: down one row (500 teachers)", |b| {
        let session = session.get_or_insert_with(|| Session::new(school));
        b.iter_custom(|iters| session.time(iters, KeyCode::Up, KeyCode::Down));
    });
}

/// Search as you type: what the screen does on a key while the query runs in the
/// background (as in the app), and the query answered in the frame (as without the loop).
fn search(criterion: &mut Criterion, school: &School) {
    for (name, background) in [
        (
            "key/search: type a letter, answered in the background",
            true,
        ),
        ("key/search: type a letter, answered in the frame", false),
    ] {
        let mut session = None;
        criterion.bench_function(name, |b| {
            let session = session.get_or_insert_with(|| {
                let mut session = Session::new(school);
                if background {
                    session.app.search_in_background();
                }
                session.press(KeyCode::Char('s'));
                session.press(KeyCode::Char('s'));
                session
            });
            b.iter_custom(|iters| {
                let took = session.time(iters, KeyCode::Backspace, KeyCode::Char('t'));
                // The loop would hand it to the search thread; here nobody answers.
                black_box(session.app.take_search_request());
                took
            });
        });
    }
}

fn workspace(criterion: &mut Criterion, school: &School) {
    let mut session = None;
    criterion.bench_function("key/open teacher, Overview (10y)", |b| {
        let session = session.get_or_insert_with(|| Session::on_veteran(school));
        b.iter_custom(|iters| session.time(iters, KeyCode::Esc, KeyCode::Enter));
    });

    let mut session = None;
    criterion.bench_function("key/Timeline tab (10y)", |b| {
        let session = session.get_or_insert_with(|| {
            let mut session = Session::on_veteran(school);
            session.press(KeyCode::Enter);
            session
        });
        b.iter_custom(|iters| session.time(iters, KeyCode::Char('1'), KeyCode::Char('6')));
    });

    for (name, tab) in [
        ("key/Observations: down one row (10y)", '3'),
        ("key/Timeline: down one row (10y)", '6'),
    ] {
        let mut session = None;
        criterion.bench_function(name, |b| {
            let session = session.get_or_insert_with(|| {
                let mut session = Session::on_veteran(school);
                session.press(KeyCode::Enter);
                session.press(KeyCode::Char(tab));
                session
            });
            b.iter_custom(|iters| session.time(iters, KeyCode::Up, KeyCode::Down));
        });
    }

    // A key that writes: the action is saved (a synced transaction), then the roster and
    // the teacher's file are read again and drawn. The untimed press opens it again.
    let mut session = None;
    criterion.bench_function("key/Actions: Space marks done, saved (10y)", |b| {
        let session = session.get_or_insert_with(|| {
            let mut session = Session::on_veteran(school);
            session.press(KeyCode::Enter);
            session.press(KeyCode::Char('5'));
            session
        });
        let space = KeyCode::Char(' ');
        b.iter_custom(|iters| session.time(iters, space, space));
    });
}

/// The district file named by `COACHLOG_BENCH_L`: its path and its ten-year teacher (the
/// one observed first).
fn district() -> Option<(std::path::PathBuf, String)> {
    let path = std::path::PathBuf::from(std::env::var_os("COACHLOG_BENCH_L")?);
    let conn =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("the file COACHLOG_BENCH_L names");
    let veteran = conn
        .query_row(
            "SELECT teacher_id FROM observation ORDER BY observed_at LIMIT 1",
            [],
            |row| row.get(0),
        )
        .expect("a teacher observed");
    Some((path, veteran))
}

/// What the targets of speed name, on the district file: the start to the first frame
/// (the file opened afresh, as a launch does), then keys on the roster, the filter, a
/// ten-year teacher, the agenda and search.
fn at_district_scale(criterion: &mut Criterion) {
    let Some((path, veteran)) = district() else {
        return;
    };
    let open = || coachlog::db::Store::open(&path, common::clock()).expect("the district file");
    let session = || {
        let mut session = Session {
            app: App::new(open()).expect("the app"),
            terminal: Terminal::new(TestBackend::new(80, 24)).expect("a test terminal"),
        };
        session.draw();
        // As the main loop does after the first frame: the rest of the roster.
        session.app.complete_roster();
        session.draw();
        session
    };
    let mut group = criterion.benchmark_group("L (2000 teachers x 3y)");
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("open + App::new + first frame", |b| {
        b.iter(|| {
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
            let app = App::new(open()).expect("the app");
            terminal
                .draw(|frame| coachlog::ui::render(&app, frame))
                .expect("drawn");
            app
        });
    });
    let mut roster = session();
    group.bench_function("key/roster: down one row", |b| {
        b.iter_custom(|iters| roster.time(iters, KeyCode::Up, KeyCode::Down));
    });
    roster.press(KeyCode::Char('/'));
    group.bench_function("key/roster filter: type a letter", |b| {
        b.iter_custom(|iters| roster.time(iters, KeyCode::Backspace, KeyCode::Char('e')));
    });
    drop(roster);
    let mut on_veteran = session();
    on_veteran.app.roster.select_id(&veteran);
    on_veteran.draw();
    group.bench_function("key/open the ten-year teacher, Overview", |b| {
        b.iter_custom(|iters| on_veteran.time(iters, KeyCode::Esc, KeyCode::Enter));
    });
    on_veteran.press(KeyCode::Enter);
    on_veteran.press(KeyCode::Char('6'));
    group.bench_function("key/Timeline: down one row (10y)", |b| {
        b.iter_custom(|iters| on_veteran.time(iters, KeyCode::Up, KeyCode::Down));
    });
    drop(on_veteran);
    // In the app the open actions are read on a thread of their own and the key answers
    // with the rest of the agenda (nobody answers the read here); without it, in the frame.
    for (name, background) in [
        ("key/agenda: open it, open actions read in the frame", false),
        (
            "key/agenda: open it, open actions read in the background",
            true,
        ),
    ] {
        let mut agenda = session();
        if background {
            agenda.app.agenda_in_background();
        }
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let took = agenda.time(iters, KeyCode::Esc, KeyCode::Char('g'));
                black_box(agenda.app.take_agenda_request());
                took
            });
        });
    }
    let mut agenda = session();
    agenda.press(KeyCode::Char('g'));
    group.bench_function("key/agenda: down one row", |b| {
        b.iter_custom(|iters| agenda.time(iters, KeyCode::Up, KeyCode::Down));
    });
    // Down the open actions, whose lines are read as they come near the selection.
    agenda.press(KeyCode::Tab);
    agenda.press(KeyCode::Tab);
    group.bench_function(
        "key/agenda: down the open actions, lines read on the way",
        |b| {
            b.iter_custom(|iters| {
                agenda.time_walk(iters, KeyCode::Down, KeyCode::Char('g'), 1_000)
            });
        },
    );
    drop(agenda);
    let mut search = session();
    search.app.search_in_background();
    search.press(KeyCode::Char('s'));
    search.press(KeyCode::Char('s'));
    group.bench_function(
        "key/search: type a letter, answered in the background",
        |b| {
            b.iter_custom(|iters| {
                let took = search.time(iters, KeyCode::Backspace, KeyCode::Char('t'));
                black_box(search.app.take_search_request());
                took
            });
        },
    );
    group.finish();
}
