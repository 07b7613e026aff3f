//! The Time screen (t on the roster): where the coach's time went over the last 30 days,
//! this school year or all time, by kind, role, person or school; drawn at the three
//! sizes a coach meets, each snapshot read by eye before it was accepted.

mod common;

use common::screen::{draw, screen_text as screen};

use coachlog::app::App;
use coachlog::model::*;
use common::keys::press;
use common::{add, day, empty_store, moment};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (60, 16)];

fn demo() -> (tempfile::TempDir, App) {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    (dir, App::new(store).expect("the app opens"))
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
    // A kind of check-in and the people's roles read as two things.
    assert!(shown.contains("│leader check-in "), "{shown}");
    assert!(
        shown.contains("By person's role: teacher 96% · school leader 4%"),
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
    let all_time = screen(&mut app, 80, 24);
    assert!(
        all_time.contains(" Time · all time  "),
        "said once: {all_time}"
    );
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
        shown.contains("By person's role: school leader 75% · teacher 25%"),
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
        shown.contains("Nothing recorded in the last 30 days."),
        "{shown}"
    );
    press(&mut app, "pp");
    let all_time = screen(&mut app, 80, 24);
    assert!(all_time.contains("Nothing recorded yet."), "{all_time}");
}

/// The rows of the report's box, between its heading and its rule, as shown.
fn report_rows(shown: &str) -> Vec<&str> {
    let lines: Vec<&str> = shown.lines().collect();
    let heading = lines.iter().position(|l| l.starts_with("│person")).unwrap();
    let rule = lines.iter().position(|l| l.starts_with("│──")).unwrap();
    lines[heading + 1..rule].to_vec()
}

#[test]
fn the_report_scrolls_with_j_k_pages_and_ends_and_never_past_its_last_line() {
    let (_dir, mut app) = demo();
    press(&mut app, "tbb");
    // 14 people, 6 lines of them at 60x16.
    let top = screen(&mut app, 60, 16);
    assert!(report_rows(&top)[0].contains("Hollis, Grace"), "{top}");
    assert!(top.contains("↓ 8 more · j"), "{top}");
    press(&mut app, "j");
    let down = screen(&mut app, 60, 16);
    assert!(report_rows(&down)[0].contains("Smith, Dan"), "{down}");
    assert!(down.contains("↑ 1 ↓ 7 · k/j"), "{down}");
    press(&mut app, "k");
    assert!(report_rows(&screen(&mut app, 60, 16))[0].contains("Hollis, Grace"));
    // Pages down stop where the last person is on the last line: no empty rows.
    press(&mut app, "<PgDn><PgDn><PgDn>");
    let end = screen(&mut app, 60, 16);
    let rows = report_rows(&end);
    assert_eq!(rows.len(), 6, "{end}");
    assert!(rows[5].contains("Ibarra, Sofia"), "{end}");
    assert!(end.contains("↑ 8 more · k"), "{end}");
    press(&mut app, "k");
    assert!(screen(&mut app, 60, 16).contains("↑ 7 ↓ 1 · k/j"));
    press(&mut app, "G");
    assert!(screen(&mut app, 60, 16).contains("↑ 8 more · k"));
    press(&mut app, "g");
    assert!(screen(&mut app, 60, 16).contains("↓ 8 more · j"));
    press(&mut app, "<End><PgUp>");
    assert!(screen(&mut app, 60, 16).contains("↑ 2 ↓ 6 · k/j"));
    press(&mut app, "<Home>");
    assert!(screen(&mut app, 60, 16).contains("↓ 8 more · j"));
    // A taller terminal shows more: the end moves up, and the next key moves from there.
    press(&mut app, "G");
    let taller = screen(&mut app, 60, 20);
    let rows = report_rows(&taller);
    assert_eq!(rows.len(), 10, "{taller}");
    assert!(rows[9].contains("Ibarra, Sofia"), "{taller}");
    assert!(taller.contains("↑ 4 more · k"), "{taller}");
    press(&mut app, "k");
    assert!(screen(&mut app, 60, 20).contains("↑ 3 ↓ 1 · k/j"));
    // Everyone fits at 80x40: all of them, from the first.
    let all = screen(&mut app, 80, 40);
    let rows = report_rows(&all);
    assert_eq!(rows.len(), 14, "{all}");
    assert!(
        rows[0].contains("Hollis, Grace") && !all.contains("more ·"),
        "{all}"
    );
}

#[test]
fn help_lists_the_keys_that_scroll_the_report() {
    let (_dir, mut app) = demo();
    press(&mut app, "t?");
    let help = screen(&mut app, 80, 24);
    let section = &help[help.find("Where the time went").expect("its section")..];
    for keys in [
        "k/↑             scroll up",
        "j/↓             scroll down",
        "PgUp            page up",
        "PgDn            page down",
        "g/Home          first line",
        "G/End           last line",
    ] {
        assert!(section.contains(keys), "{keys}:\n{help}");
    }
}
