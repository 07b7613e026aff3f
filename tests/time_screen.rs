//! The Time screen (t on the roster): where the coach's time went over the last 30 days,
//! this school year or all time, by kind, role, person or school; drawn at the three
//! sizes a coach meets, each snapshot read by eye before it was accepted.

mod common;

use coachlog::app::App;
use coachlog::model::*;
use common::keys::press;
use common::{add, day, empty_store, moment};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (60, 16)];

fn demo() -> (tempfile::TempDir, App) {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    (dir, App::new(store).expect("the app opens"))
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.handle_event(crossterm::event::Event::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn snapshot_all(app: &mut App, name: &str) {
    for (width, height) in SIZES {
        let terminal = draw(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn the_time_screen_shows_the_last_30_days_by_kind_and_by_role() {
    let (_dir, mut app) = demo();
    press(&mut app, "t");
    snapshot_all(&mut app, "time_by_kind");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains(" Time · last 30 days · 25 Oct 2026 – 23 Nov 2026"),
        "{shown}"
    );
    assert!(
        shown.contains("By role: teacher 96% · school leader 4%"),
        "{shown}"
    );
}

#[test]
fn b_switches_the_grouping_and_p_the_period_and_esc_goes_back() {
    let (_dir, mut app) = demo();
    press(&mut app, "t");
    let by_kind = screen(&mut app, 80, 24);
    assert!(by_kind.contains("┌ By kind") && by_kind.contains("observation"));
    press(&mut app, "b");
    let by_role = screen(&mut app, 80, 24);
    assert!(
        by_role.contains("┌ By role") && by_role.contains("teacher"),
        "{by_role}"
    );
    assert!(!by_role.contains("observation"), "{by_role}");
    press(&mut app, "b");
    let by_person = screen(&mut app, 80, 24);
    assert!(by_person.contains("┌ By person") && by_person.contains("Smith, Dan"));
    press(&mut app, "b");
    let by_school = screen(&mut app, 80, 24);
    assert!(by_school.contains("┌ By school") && by_school.contains("Eastside Middle"));
    press(&mut app, "b");
    assert!(
        screen(&mut app, 80, 24).contains("┌ By kind"),
        "and round again"
    );
    press(&mut app, "p");
    let year = screen(&mut app, 80, 24);
    assert!(
        year.contains("this school year · 1 Aug 2026 – 23 Nov 2026"),
        "{year}"
    );
    press(&mut app, "p");
    assert!(screen(&mut app, 80, 24).contains("· all time · all time"));
    press(&mut app, "<Esc>");
    assert!(app.time_spent().is_none(), "back on the roster");
}

#[test]
fn a_wide_name_is_cut_to_its_column_and_the_figures_stay_in_line() {
    let (_dir, mut store) = empty_store();
    let wide = add(
        &mut store,
        AnyRecord::Teacher(Teacher {
            name: "Nakamura-Oyelaran, 美智子 Wilhelmina Josephine".into(),
            school: "Eastside Middle".into(),
            cadence_days: 14,
            ..Teacher::default()
        }),
    );
    let leader = add(
        &mut store,
        AnyRecord::Teacher(Teacher {
            name: "Reyes, Ana".into(),
            role: Role::Leader,
            cadence_days: 14,
            ..Teacher::default()
        }),
    );
    for (teacher, at, minutes) in [
        (&wide, "2026-11-20T09:00", Some(25)),
        (&wide, "2026-11-19T09:00", None),
        (&leader, "2026-11-18T09:00", Some(75)),
    ] {
        add(
            &mut store,
            AnyRecord::Observation(Observation {
                teacher_id: teacher.clone(),
                observed_at: moment(at),
                minutes,
                evidence: "Seen".into(),
                ..Observation::default()
            }),
        );
    }
    let mut app = App::new(store).unwrap();
    press(&mut app, "tbb");
    snapshot_all(&mut app, "time_by_person_wide_name");
    let shown = screen(&mut app, 60, 16);
    assert!(shown.contains("Nakamura-Oyelaran, 美"), "{shown}");
    assert!(
        shown.contains("By role: school leader 75% · teacher 25%"),
        "{shown}"
    );
    assert!(
        shown.contains("1 activity has no minutes recorded"),
        "{shown}"
    );
    // The share reads without colour: a bar of characters at 120 columns.
    assert!(screen(&mut app, 120, 40).contains("██"));
}

#[test]
fn an_empty_period_says_what_counts_here() {
    let (_dir, store) = empty_store();
    let mut app = App::new(store).unwrap();
    press(&mut app, "t");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Nothing recorded in the last 30 days"),
        "{shown}"
    );
}
