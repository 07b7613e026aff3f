//! A start at district scale: the first frame reads the rows on screen only, and the
//! roster is the same as ever once a key is pressed.

mod common;

use coachlog::app::App;
use coachlog::db::Store;
use common::keys::press;
use common::{caseload, observe, teacher};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn text(app: &App, rows: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, rows)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal.backend().to_string()
}

/// The line of the roster that names `name`.
fn line_of(shown: &str, name: &str) -> String {
    shown
        .lines()
        .find(|line| line.contains(name))
        .unwrap_or_else(|| panic!("{name} in {shown}"))
        .to_owned()
}

/// Sixty teachers, listed by name, all seen today with a rating of 4 but the last one,
/// Zhou, who was never observed.
fn big_school() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = common::empty_store();
    for n in 0..59 {
        let id = teacher(&mut store, &format!("Adams {n:02}"), "North", "Math");
        observe(
            &mut store,
            &id,
            "2026-11-23T09:00",
            4,
            "Exit tickets sorted.",
        );
    }
    teacher(&mut store, "Zhou, Li", "North", "Math");
    (dir, store)
}

#[test]
fn the_roster_figures_read_one_teacher_at_a_time_are_the_rosters() {
    let (_dir, store, _) = caseload();
    let whole = store.roster(false).unwrap();
    let mut names = store.roster_names(false).unwrap();
    assert_eq!(names.len(), whole.len());
    for row in &mut names {
        assert_eq!(
            (
                &row.focus,
                row.last_observed,
                row.next_check_in,
                row.recent_ratings.len()
            ),
            (&None, None, None, 0),
            "names only"
        );
        store.roster_facts(row).unwrap();
    }
    assert_eq!(names, whole);
}

#[test]
fn a_start_reads_the_rows_on_screen_and_a_key_reads_the_rest() {
    let (_dir, store) = big_school();
    let mut app = App::for_screen(store, coachlog::config::Config::default(), (80, 24)).unwrap();
    assert_eq!(
        app.roster.rows_read(),
        18,
        "as many rows as the roster lists"
    );
    // The first frame: every row on screen has its figures, to the last one.
    let shown = text(&app, 24);
    for name in ["Adams 00", "Adams 15", "Adams 17"] {
        let line = line_of(&shown, name);
        assert!(line.contains("today") && line.contains('▇'), "{line}");
    }
    assert!(!shown.contains("Adams 18") && !shown.contains("Zhou"));
    assert!(
        !app.roster.facts_complete(),
        "the rows off screen are left for after the first frame"
    );
    // A taller window reads the rows it brings on screen.
    app.handle_event(Event::Resize(80, 60));
    let shown = text(&app, 60);
    assert!(line_of(&shown, "Adams 50").contains("today"), "{shown}");
    // Any key reads the rest first: the last teacher shows they were never seen.
    press(&mut app, "<End>");
    assert!(app.roster.facts_complete());
    let shown = text(&app, 24);
    assert!(line_of(&shown, "Zhou, Li").contains("never"), "{shown}");
}

#[test]
fn the_agenda_opened_first_thing_knows_every_teachers_last_visit() {
    let (_dir, store) = big_school();
    let mut app = App::new(store).unwrap();
    press(&mut app, "g");
    let shown = text(&app, 24);
    // Only Zhou is not seen lately, though the first frame read the first rows only.
    assert!(shown.contains("Zhou, Li"), "{shown}");
    assert!(!shown.contains("Adams"), "{shown}");
}

#[test]
fn a_district_start_reads_the_first_rows_and_counts_everyone() {
    let (_dir, mut store) = common::empty_store();
    // More people than the first frame reads, in two schools, three of them leaders.
    for n in 0..240 {
        let school = if n % 2 == 0 { "North" } else { "South" };
        teacher(&mut store, &format!("Baker {n:03}"), school, "Math");
    }
    for n in 0..3 {
        let id = teacher(&mut store, &format!("Zimmer {n}"), "South", "Lead");
        let mut leader = store.get::<coachlog::model::Teacher>(&id).unwrap().unwrap();
        let opened = leader.clone();
        leader.role = coachlog::model::Role::Leader;
        store
            .apply(coachlog::db::Command::revise(opened, leader))
            .unwrap();
    }
    let whole = store.roster(false).unwrap();
    let (first, summary) = store.roster_start(false, 200).unwrap();
    assert_eq!(first.len(), 200, "the first rows only");
    assert_eq!(
        first.iter().map(|r| &r.teacher).collect::<Vec<_>>(),
        whole
            .iter()
            .take(200)
            .map(|r| &r.teacher)
            .collect::<Vec<_>>(),
        "in the roster's order"
    );
    assert_eq!(summary.total(), 243);
    assert_eq!(summary.schools, ["North", "South"]);
    let mut app = App::new(store).unwrap();
    assert!(!app.roster.facts_complete());
    // The first frame counts everyone, though it read the first rows only.
    let shown = text(&app, 24);
    assert!(shown.contains("240 teachers, 3 leaders"), "{shown}");
    assert!(shown.contains("1/243"), "{shown}");
    assert!(shown.contains("School"), "two schools: a school column");
    // A key reads everyone: the last person is there to go to.
    press(&mut app, "<End>");
    assert!(app.roster.facts_complete());
    let shown = text(&app, 24);
    assert!(
        shown.contains("Zimmer 2") && shown.contains("243/243"),
        "{shown}"
    );
}

#[test]
fn fewer_people_than_the_screen_lists_are_the_whole_roster_at_once() {
    let (_dir, mut store) = common::empty_store();
    for n in 0..5 {
        teacher(&mut store, &format!("Baker {n}"), "North", "Math");
    }
    let app = App::for_screen(store, coachlog::config::Config::default(), (80, 24)).unwrap();
    assert!(
        app.roster.facts_complete(),
        "nothing is left to read after the first frame"
    );
    assert!(text(&app, 24).contains("5 teachers"));
}

/// The next start's first frame reads the header's counts and the first rows kept after
/// this one's, for as long as nothing is written; any write the app or the command line
/// makes reads them anew.
#[test]
fn what_the_first_frame_reads_is_kept_for_the_next_start_until_something_is_written() {
    let (dir, mut store) = common::empty_store();
    for n in 0..30 {
        let school = if n % 3 == 0 { "North" } else { "South" };
        teacher(&mut store, &format!("Baker {n:02}"), school, "Math");
    }
    let path = store.path().to_owned();
    let mut app = App::for_screen(store, coachlog::config::Config::default(), (80, 24)).unwrap();
    assert!(
        !app.roster.facts_complete(),
        "30 people: more than a screen"
    );
    assert!(
        app.complete_roster(),
        "after the first frame: the rest, and the first frame's reads kept"
    );
    drop(app);
    let first_rows = |rows: &[coachlog::model::RosterRow]| {
        rows.iter()
            .map(|row| row.teacher.name.clone())
            .take(2)
            .collect::<Vec<_>>()
    };
    // Taken out by hand, as no coachlog write would (nothing counts it): the kept
    // counts, made at the file's count of writes, are what the next start reads.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("DELETE FROM teacher WHERE name = 'Baker 00'", [])
        .unwrap();
    let store = Store::open(&path, common::clock()).unwrap();
    let (rows, kept) = store.roster_start(false, 18).unwrap();
    assert_eq!(kept.total(), 30, "kept");
    assert_eq!(kept.schools, ["North", "South"]);
    assert_eq!(rows.len(), 18);
    assert_eq!(first_rows(&rows), ["Baker 00", "Baker 01"], "kept");
    let (rows, everyone) = store.roster_start(true, 18).unwrap();
    assert_eq!(everyone.total(), 29, "with the archived, counted afresh");
    assert_eq!(first_rows(&rows), ["Baker 01", "Baker 02"], "read afresh");
    // A write through coachlog moves the count of writes: the counts are read afresh.
    let mut store = store;
    teacher(&mut store, "Zhou", "West", "Art");
    let (rows, counted) = store.roster_start(false, 18).unwrap();
    assert_eq!(counted.total(), 30);
    assert_eq!(first_rows(&rows), ["Baker 01", "Baker 02"], "read afresh");
    assert_eq!(counted.schools, ["North", "South", "West"]);
    let app = App::for_screen(store, coachlog::config::Config::default(), (80, 24)).unwrap();
    assert!(text(&app, 24).contains("30 teachers"), "{}", text(&app, 24));
    drop(dir);
}
