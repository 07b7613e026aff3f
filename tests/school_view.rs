//! The school view: from the roster, one school at a glance, at the three sizes a coach
//! meets (snapshotted, each read by eye before it was accepted); its keys; its export.

mod common;

use common::screen::{demo, draw, screen_text};

use coachlog::app::App;
use coachlog::config::Config;
use common::{day, empty_store};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (60, 16)];

fn key(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        KeyCode::BackTab => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app.handle_event(Event::Key(KeyEvent::new(code, modifiers)));
}

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Opens the school of the demo person whose name starts with `name`.
fn school_of(app: &mut App, name: &str) {
    key(app, KeyCode::Char('/'));
    keys(app, name);
    key(app, KeyCode::Enter);
    key(app, KeyCode::Esc);
    key(app, KeyCode::Char('S'));
}

/// Snapshots `app` at every size as `name_WIDTHxHEIGHT`.
fn snapshot_all(app: &mut App, name: &str) {
    for (width, height) in SIZES {
        let terminal = draw(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn the_school_view_at_every_size() {
    let (_dir, mut app) = demo(Config::default());
    school_of(&mut app, "Park");
    assert!(screen_text(&mut app, 80, 24).contains("Northgate Middle"));
    snapshot_all(&mut app, "school_northgate");
    // The demo's district schools (no people of its own) are schools too: on from
    // Northgate, Eastside comes round after them.
    for _ in 0..5 {
        key(&mut app, KeyCode::Char('n'));
    }
    snapshot_all(&mut app, "school_eastside");
}

#[test]
fn the_selected_person_is_marked_without_colour_and_enter_opens_them() {
    let (_dir, mut app) = demo(Config::default());
    school_of(&mut app, "Park");
    // Acheampong, Ibarra, Mbeki, then Park.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    let shown = screen_text(&mut app, 80, 24);
    assert!(shown.contains("▸ Park, Eve"), "{shown}");
    key(&mut app, KeyCode::Enter);
    let workspace = app.workspace().expect("the person's workspace");
    assert_eq!(workspace.file.teacher.name, "Park, Eve");
    // Esc goes back to the school, on the person opened; Esc again to the roster.
    key(&mut app, KeyCode::Esc);
    assert!(app.workspace().is_none());
    let shown = screen_text(&mut app, 80, 24);
    assert!(shown.contains("▸ Park, Eve"), "back on the school: {shown}");
    key(&mut app, KeyCode::Esc);
    assert!(
        app.workspace().is_none() && app.school().is_none(),
        "back on the roster"
    );
}

#[test]
fn the_school_opens_on_the_person_selected_on_the_roster() {
    let (_dir, mut app) = demo(Config::default());
    // Park, Eve is the fourth of Northgate's people, not the first.
    school_of(&mut app, "Park");
    let shown = screen_text(&mut app, 80, 24);
    assert!(shown.contains("▸ Park, Eve"), "{shown}");
    // The measure compared has its heading, and its bars are explained.
    let shown = screen_text(&mut app, 120, 40);
    assert!(shown.contains("Goal measure compared"), "{shown}");
    assert!(shown.contains("scaled to the largest here"), "{shown}");
}

#[test]
fn tab_cycles_through_the_measures_compared() {
    let (_dir, mut app) = demo(Config::default());
    school_of(&mut app, "Park");
    let first = screen_text(&mut app, 120, 40);
    assert!(first.contains("students who attempt every part"), "{first}");
    key(&mut app, KeyCode::Tab);
    let second = screen_text(&mut app, 120, 40);
    assert!(
        !second.contains("students who attempt every part"),
        "{second}"
    );
    key(&mut app, KeyCode::BackTab);
    assert_eq!(screen_text(&mut app, 120, 40), first);
}

#[test]
fn at_60x16_the_glance_pane_scrolls_to_the_measure_compared() {
    let (_dir, mut app) = demo(Config::default());
    school_of(&mut app, "Park");
    let top = screen_text(&mut app, 60, 16);
    // The pane is cut below the focuses and says how much more there is, and the key.
    assert!(!top.contains("students who attempt every part"), "{top}");
    assert!(top.contains("more · J"), "a cue to scroll: {top}");
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('J'));
    }
    let bottom = screen_text(&mut app, 60, 16);
    assert!(bottom.contains("Park, Eve █"), "the bars: {bottom}");
    assert!(bottom.contains("target 75%"), "{bottom}");
    assert!(bottom.contains("more · K"), "a cue back up: {bottom}");
    // Never past the last line: one K moves it back at once.
    key(&mut app, KeyCode::Char('K'));
    assert_ne!(screen_text(&mut app, 60, 16), bottom);
    // The people keep their own selection while the pane scrolls.
    assert!(bottom.contains("▸ "), "{bottom}");
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('K'));
    }
    assert_eq!(screen_text(&mut app, 60, 16), top);
}

#[test]
fn a_school_with_no_teachers_says_so_instead_of_counting_them_observed() {
    let (_dir, mut app) = demo(Config::default());
    school_of(&mut app, "Park");
    // On from Northgate: the district schools the readiness reviews name have no one.
    key(&mut app, KeyCode::Char('n'));
    let shown = screen_text(&mut app, 80, 24);
    assert!(shown.contains("No teachers here yet"), "{shown}");
    assert!(
        shown.contains("No one here yet"),
        "the people's box says why it is empty: {shown}"
    );
    assert!(!shown.contains("observed in the last"), "{shown}");
}

#[test]
fn a_school_another_window_adds_is_there_to_go_to_without_leaving() {
    let (dir, mut app) = demo(Config::default());
    school_of(&mut app, "Park");
    // "school 3 of 8": how many schools there are to go through.
    let schools = |shown: &str| -> usize {
        let after = shown.split(" of ").nth(1).expect("the school's place");
        after.split(' ').next().unwrap().parse().unwrap()
    };
    let before = schools(&screen_text(&mut app, 80, 24));
    // The command line, beside the open window, adds a person in a new school.
    let mut shell =
        coachlog::db::Store::open(&dir.path().join("coachlog.db"), common::clock()).unwrap();
    common::teacher(&mut shell, "Ødegård, Zoë", "Aardvark Academy", "Grade 5");
    app.tick();
    let after = screen_text(&mut app, 80, 24);
    assert!(
        after.contains("Northgate Middle"),
        "still on Northgate: {after}"
    );
    assert_eq!(schools(&after), before + 1, "{after}");
}

#[test]
fn a_wide_name_is_cut_with_an_ellipsis_at_every_size() {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    let wide = "Zoë Wolfeschlegelsteinhausenbergerdorff-Ngata, 黄 丽";
    common::teacher(&mut store, wide, "Northgate Middle", "Grade 8");
    let mut app = App::new(store).unwrap();
    school_of(&mut app, "Park");
    for (width, height) in SIZES {
        let shown = screen_text(&mut app, width, height);
        // In the people's list; the coverage sentence wraps the name whole.
        for row in shown
            .lines()
            .filter(|row| row.contains("Zoë") && !row.contains("Not observed"))
        {
            let at = row.find("Zoë").unwrap();
            let rest = &row[at..];
            assert!(
                rest.starts_with(wide) || rest.contains('…'),
                "{width}×{height}: cut without …: {row}"
            );
        }
    }
    snapshot_all(&mut app, "school_wide_name");
    drop(dir);
}

#[test]
fn the_school_view_is_written_out_as_html_and_markdown() {
    let folder = tempfile::tempdir().unwrap();
    let config = Config {
        briefs_folder: Some(folder.path().to_path_buf()),
        ..Config::default()
    };
    let (_dir, mut app) = demo(config);
    school_of(&mut app, "Park");
    keys(&mut app, "hm");
    let mut written: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "Northgate Middle school 2026-11-23.html",
            "Northgate Middle school 2026-11-23.md"
        ]
    );
    let markdown =
        std::fs::read_to_string(folder.path().join("Northgate Middle school 2026-11-23.md"))
            .unwrap();
    assert!(markdown.starts_with("# School: Northgate Middle"));
    assert!(markdown.contains("| Park, Eve | teacher |"));
}

#[test]
fn the_school_export_matches_its_golden_files() {
    let (_dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    let today = day("2026-11-23");
    let summary = store
        .school_summary("northgate middle", today, 14)
        .unwrap()
        .expect("the demo's second school");
    let markdown = coachlog::export::school::markdown(&summary, today);
    let html = coachlog::export::school::html(&summary, today);
    assert!(!html.contains("http"), "a page that fetches nothing");
    common::golden("school-northgate.md", &markdown);
    common::golden("school-northgate.html", &html);
}

#[test]
fn an_empty_schools_markdown_keeps_its_last_sentence_apart_from_the_footer() {
    let summary = coachlog::model::SchoolSummary {
        name: "Oak Park".into(),
        gap_days: 14,
        ..Default::default()
    };
    let md = coachlog::export::school::markdown(&summary, day("2026-11-23"));
    assert!(md.contains("No teachers here yet"), "{md}");
    assert!(
        md.contains("No goal here names a measure.\n\n_Confidential"),
        "{md}"
    );
}
