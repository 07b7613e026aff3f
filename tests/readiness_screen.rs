//! The readiness screen: from the roster, the demo's eight reviewed schools ranked two
//! ways side by side, at the three sizes a coach meets (snapshotted, each read by eye
//! before it was accepted); its keys; its export.

mod common;

use common::screen::{demo, draw, screen_text};

use coachlog::app::App;
use coachlog::config::Config;
use common::{day, empty_store};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const SIZES: [(u16, u16); 3] = [(60, 16), (80, 24), (120, 40)];

fn key(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app.handle_event(Event::Key(KeyEvent::new(code, modifiers)));
}

#[test]
fn the_readiness_screen_at_every_size() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    for (width, height) in SIZES {
        let terminal = draw(&mut app, width, height);
        insta::assert_snapshot!(format!("readiness_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn a_schools_review_on_its_own_at_60x16_and_80x24() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    // Eastside Middle, first by readiness: ⏎ shows its review, from the top.
    key(&mut app, KeyCode::Enter);
    let terminal = draw(&mut app, 60, 16);
    insta::assert_snapshot!("readiness_review_60x16", terminal.backend());
    // Scrolled to its end (J as far as it goes): the notes, marked private.
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('J'));
    }
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("readiness_review_end_80x24", terminal.backend());
}

/// The review pane beside the rankings on a wide screen.
fn review_beside(screen: &str) -> String {
    beside(screen).1
}

#[test]
fn the_cursor_chooses_the_review_shown_and_its_private_notes_stay_off_the_pages() {
    let folder = tempfile::tempdir().unwrap();
    let config = Config {
        briefs_folder: Some(folder.path().to_path_buf()),
        ..Config::default()
    };
    let (_dir, mut app) = demo(config);
    key(&mut app, KeyCode::Char('R'));
    // Wide: Eastside Middle's review beside the rankings, its notes marked private.
    let eastside = review_beside(&screen_text(&mut app, 120, 40));
    assert!(eastside.contains("┌ Eastside Middle "), "{eastside}");
    assert!(
        eastside.contains("Grade teams plan together every week"),
        "the evidence of a criterion:\n{eastside}"
    );
    let note = "Principal wants the coach to start with the new teachers.";
    let private = "Private notes · yours: left out of the pages";
    assert!(
        words(&eastside).contains(&format!("{private} {note}")),
        "the note, under its private mark:\n{eastside}"
    );
    // j: the next school by readiness, Riverside Elementary, and its own review.
    key(&mut app, KeyCode::Char('j'));
    let riverside = review_beside(&screen_text(&mut app, 120, 40));
    assert!(riverside.contains("┌ Riverside Elementary "), "{riverside}");
    assert!(
        riverside.contains("Lesson study already runs in two grades")
            && !riverside.contains("Grade teams plan together"),
        "{riverside}"
    );
    assert!(
        words(&riverside).contains(&format!(
            "{private} Union rep on the team was enthusiastic."
        )),
        "{riverside}"
    );
    // Narrow: ⏎ shows the review on its own; j and k go from school to school there.
    key(&mut app, KeyCode::Enter);
    let alone = screen_text(&mut app, 80, 24);
    assert!(alone.contains("┌ Riverside Elementary "), "{alone}");
    key(&mut app, KeyCode::Char('k'));
    let alone = screen_text(&mut app, 80, 24);
    assert!(
        alone.contains("┌ Eastside Middle ")
            && alone.contains("Grade teams plan together every week"),
        "{alone}"
    );
    // The pages leave every reviewer's notes out.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('m'));
    for page in ["readiness 2026-11-23.html", "readiness 2026-11-23.md"] {
        let written = std::fs::read_to_string(folder.path().join(page)).expect(page);
        assert!(written.contains("Eastside Middle"), "{page}");
        for private in [note, "Union rep on the team was enthusiastic."] {
            assert!(!written.contains(private), "{page} holds \"{private}\"");
        }
    }
}

#[test]
fn it_opens_from_the_roster_scrolls_writes_the_recommendation_and_goes_back() {
    let folder = tempfile::tempdir().unwrap();
    let config = Config {
        briefs_folder: Some(folder.path().to_path_buf()),
        ..Config::default()
    };
    let (_dir, mut app) = demo(config);
    app.handle_event(Event::Resize(60, 16));
    key(&mut app, KeyCode::Char('R'));
    let top = screen_text(&mut app, 60, 16);
    assert!(top.contains("By achievement") && top.contains("By readiness"));
    assert!(
        !top.contains("Sat out"),
        "the end is below the screen:\n{top}"
    );
    // Down to the end: the schools that sat out come into view.
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('j'));
    }
    let end = screen_text(&mut app, 60, 16);
    assert!(end.contains("Sat out") && end.contains("Cedar Grove Elementary"));
    // The last line sits at the foot of the box (row 12, above its border), not past it.
    let rows: Vec<&str> = end.lines().collect();
    assert!(rows[12].contains("Cedar Grove Elementary"), "{end}");
    // No further than the end: one line up already moves the screen.
    key(&mut app, KeyCode::Char('k'));
    assert_ne!(screen_text(&mut app, 60, 16), end);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(screen_text(&mut app, 60, 16), top);

    key(&mut app, KeyCode::Char('h'));
    let status = app.status.clone().expect("a message says where");
    assert!(!status.error, "{}", status.text);
    assert!(
        status.text.contains("readiness 2026-11-23.html"),
        "{}",
        status.text
    );
    key(&mut app, KeyCode::Char('m'));
    let mut written: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["readiness 2026-11-23.html", "readiness 2026-11-23.md"]
    );
    let markdown = std::fs::read_to_string(folder.path().join("readiness 2026-11-23.md")).unwrap();
    assert!(markdown.starts_with("# Readiness for coaching"));
    assert!(markdown.contains("| 1 | Westview High (74%) ≠ | Eastside Middle (3.5) ≠ ★ |"));

    key(&mut app, KeyCode::Esc);
    assert!(app.readiness().is_none());
    let roster = screen_text(&mut app, 60, 16);
    assert!(
        roster.contains("┌ Roster ") && !roster.contains("By readiness"),
        "{roster}"
    );
}

fn ctrl(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The row of the readiness ranking (the right-hand column at 120x40) naming `school`.
fn readiness_place(screen: &str, school: &str) -> Option<usize> {
    let rows: Vec<Vec<char>> = screen.lines().map(|row| row.chars().collect()).collect();
    let header: String = screen
        .lines()
        .find(|row| row.contains("By readiness"))?
        .into();
    let column = header.split("By readiness").next()?.chars().count();
    rows.iter().find_map(|row| {
        let right: String = row.iter().skip(column).collect();
        // The selected school has the marker before its place.
        let (place, rest) = right
            .trim()
            .trim_start_matches('▸')
            .trim()
            .split_once(' ')?;
        if rest.starts_with(school) {
            place.parse().ok()
        } else {
            None
        }
    })
}

#[test]
fn a_new_review_rated_all_fours_puts_its_school_first_in_readiness() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    let before = screen_text(&mut app, 120, 40);
    assert_eq!(
        readiness_place(&before, "Westview High"),
        Some(7),
        "{before}"
    );
    // The last school on the screen (the one that sat out) is the first by name: `e`
    // opens the form on it.
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('e'));
    // The School field: ← from the first school goes round to the last by name.
    key(&mut app, KeyCode::Left);
    let form = screen_text(&mut app, 120, 40);
    assert!(
        form.contains("Readiness review") && form.contains("Westview High"),
        "{form}"
    );
    key(&mut app, KeyCode::Tab); // Reviewed: today
    key(&mut app, KeyCode::Tab);
    // A rating picked moves on to the next criterion, and after the last to Evidence.
    for _ in coachlog::model::readiness::DEFAULT_CRITERIA {
        typed(&mut app, "4");
    }
    typed(&mut app, "staff collaboration: PLCs meet weekly");
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab); // Achievement, Sat out, Recommendation
    }
    typed(&mut app, "2"); // cohort year 1
    ctrl(&mut app, 's');
    assert!(app.readiness().is_some(), "the screen is back");
    let after = screen_text(&mut app, 120, 40);
    assert_eq!(readiness_place(&after, "Westview High"), Some(1), "{after}");
    assert!(
        after.contains("4 of 8 schools reviewed") && after.contains("Westview High"),
        "{after}"
    );
    assert_eq!(
        marked(&after),
        ["▸ 1 Westview High", "▸ 1 Westview High"],
        "the cursor is on the school saved, not where `e` was pressed:\n{after}"
    );
}

#[test]
fn a_bad_plan_line_is_named_and_what_was_typed_stays() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('e'));
    let fields_to_plan = 2 + coachlog::model::readiness::DEFAULT_CRITERIA.len() + 5;
    for _ in 0..fields_to_plan {
        key(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "Set norms / principal / someday");
    ctrl(&mut app, 's');
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("Plan: line 1"), "{form}");
    assert!(
        form.contains("Set norms /") && form.contains("someday"),
        "{form}"
    );
}

#[test]
fn the_readiness_form_at_80x24() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    // The school that sat out, last on the screen: a review with every kind of field filled.
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('e'));
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("readiness_form_80x24", terminal.backend());
}

/// What follows each `▸` on the screen up to the figure, top down and left to right: the
/// selected school wherever it is named ("▸ 2 Riverside Elementary" in a ranking, "▸ Cedar
/// Grove Elementary" in a list).
fn marked(screen: &str) -> Vec<String> {
    let figure = |word: &str| {
        word.ends_with('%')
            || (word.contains('.') && word.parse::<f64>().is_ok())
            || ["–", "≠", "★", "│", "no"].contains(&word)
            // The border of the review beside the rankings, on a wide screen.
            || word.starts_with('│')
    };
    screen
        .lines()
        .flat_map(|row| row.split('▸').skip(1))
        .map(|after| {
            let name: Vec<&str> = after
                .split_whitespace()
                .take_while(|word| !figure(word))
                .collect();
            format!("▸ {}", name.join(" "))
        })
        .collect()
}

/// Whether the cell where `▸` is drawn shows as selected (reversed), so that it stands out.
fn markers_stand_out(app: &mut App, width: u16, height: u16) -> usize {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|cell| cell.symbol() == "▸")
        .filter(|cell| cell.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count()
}

#[test]
fn the_cursor_goes_down_the_readiness_ranking_and_marks_the_school_in_both() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&screen),
        ["▸ 1 Eastside Middle", "▸ 5 Eastside Middle"],
        "the first by readiness, fifth by achievement:\n{screen}"
    );
    assert_eq!(markers_stand_out(&mut app, 120, 40), 2);
    key(&mut app, KeyCode::Char('j'));
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&screen),
        ["▸ 2 Riverside Elementary", "▸ 7 Riverside Elementary"],
        "{screen}"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Up);
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&screen),
        ["▸ 1 Eastside Middle", "▸ 5 Eastside Middle"],
        "back up, and no further than the first:\n{screen}"
    );
    // After the seven ranked comes the school that sat out, marked in its list.
    for _ in 0..7 {
        key(&mut app, KeyCode::Char('j'));
    }
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(marked(&screen), ["▸ Cedar Grove Elementary"], "{screen}");
    assert_eq!(markers_stand_out(&mut app, 120, 40), 1);
}

/// Whether the rankings' headings are on the first line inside their box.
fn headings_on_top(screen: &str) -> bool {
    screen
        .lines()
        .nth(2)
        .is_some_and(|row| row.contains("By achievement") && row.contains("By readiness"))
}

#[test]
fn the_headings_stay_at_the_top_while_the_rankings_scroll() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    // Down to Cedar Grove Elementary, under Sat out: the lines scroll, the headings stay.
    for _ in 0..7 {
        key(&mut app, KeyCode::Char('j'));
    }
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(marked(&screen), ["▸ Cedar Grove Elementary"], "{screen}");
    assert!(headings_on_top(&screen), "{screen}");
    for _ in 0..7 {
        key(&mut app, KeyCode::Char('k'));
    }
    let screen = screen_text(&mut app, 120, 40);
    assert!(
        headings_on_top(&screen),
        "back on the first school:\n{screen}"
    );
    // Smaller: after a resize, and at 60x16 on the last ranked, Westview High.
    for (width, height) in [(80, 24), (60, 16)] {
        for _ in 0..7 {
            key(&mut app, KeyCode::Char('j'));
        }
        let screen = screen_text(&mut app, width, height);
        assert!(headings_on_top(&screen), "{width}x{height}:\n{screen}");
        for _ in 0..7 {
            key(&mut app, KeyCode::Char('k'));
        }
        let screen = screen_text(&mut app, width, height);
        assert!(headings_on_top(&screen), "{width}x{height}:\n{screen}");
    }
    for _ in 0..6 {
        key(&mut app, KeyCode::Char('j'));
    }
    let screen = screen_text(&mut app, 60, 16);
    assert!(
        marked(&screen).contains(&"▸ 7 Westview High".to_owned()),
        "{screen}"
    );
    assert!(headings_on_top(&screen), "{screen}");
}

#[test]
fn the_rankings_box_says_what_is_below_and_above_it() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    for (width, height) in [(80, 24), (60, 16)] {
        key(&mut app, KeyCode::Char('g'));
        let screen = screen_text(&mut app, width, height);
        let foot = screen
            .lines()
            .nth(usize::from(height) - 3)
            .unwrap_or_default();
        assert!(
            foot.starts_with('└') && foot.contains(" more · j ┘") && foot.contains('↓'),
            "{width}x{height}:\n{screen}"
        );
        key(&mut app, KeyCode::Char('G'));
        let screen = screen_text(&mut app, width, height);
        let foot = screen
            .lines()
            .nth(usize::from(height) - 3)
            .unwrap_or_default();
        assert!(
            foot.contains(" more · k ┘") && foot.contains('↑') && !foot.contains('↓'),
            "at the end:\n{screen}"
        );
    }
}

#[test]
fn the_selection_stays_in_view_and_past_the_last_school_the_screen_scrolls_on() {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    // A school with people and no review yet.
    common::teacher(&mut store, "Young, Ada", "Pinecrest Academy", "Grade 6");
    let mut app = App::with_config(store, Config::default()).expect("the app opens");
    app.handle_event(Event::Resize(60, 16));
    key(&mut app, KeyCode::Char('R'));
    let top = screen_text(&mut app, 60, 16);
    assert!(
        !top.contains("Not reviewed yet"),
        "below the screen:\n{top}"
    );
    // Down the seven ranked, the one that sat out, the one not reviewed: each in view.
    for school in 0..9 {
        let screen = screen_text(&mut app, 60, 16);
        assert_eq!(
            marked(&screen).len(),
            if school < 7 { 2 } else { 1 },
            "{screen}"
        );
        key(&mut app, KeyCode::Char('j'));
    }
    let end = screen_text(&mut app, 60, 16);
    assert!(end.contains("Not reviewed yet"), "{end}");
    assert_eq!(
        marked(&end),
        ["▸ Pinecrest Academy"],
        "the last school:\n{end}"
    );
    // `k` takes the cursor back up, the screen following it.
    key(&mut app, KeyCode::Char('k'));
    let screen = screen_text(&mut app, 60, 16);
    assert_eq!(marked(&screen), ["▸ Cedar Grove Elementary"], "{screen}");
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(
        screen_text(&mut app, 60, 16),
        top,
        "g: the first school, the top"
    );
    drop(dir);
}

#[test]
fn the_third_school_is_reviewed_from_its_review_and_stays_selected_where_it_moves() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&screen),
        ["▸ 3 Northgate Middle", "▸ 3 Northgate Middle"],
        "{screen}"
    );
    // ⏎ shows its review on its own; `e` there opens the form on it.
    key(&mut app, KeyCode::Enter);
    let review = screen_text(&mut app, 120, 40);
    assert!(
        review.contains("┌ Northgate Middle ") && !review.contains("By readiness"),
        "{review}"
    );
    key(&mut app, KeyCode::Char('e'));
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("[Northgate Middle]"), "{form}");
    // The form's own field, not the review it is drawn over ("61% · #3 of 7").
    assert!(
        form.lines()
            .flat_map(|row| row.split('│'))
            .any(|cell| cell.trim_start().starts_with("Achievement") && cell.contains(" 61 ")),
        "from Northgate's review in force:\n{form}"
    );
    key(&mut app, KeyCode::Tab); // Reviewed: today
    key(&mut app, KeyCode::Tab);
    for _ in coachlog::model::readiness::DEFAULT_CRITERIA {
        typed(&mut app, "4");
    }
    ctrl(&mut app, 's');
    let review = screen_text(&mut app, 120, 40);
    assert!(
        review.contains("Readiness   4.0 · #1 of 7 · mean of 6 ratings"),
        "the review saved, still on its own:\n{review}"
    );
    key(&mut app, KeyCode::Esc);
    let after = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&after),
        ["▸ 1 Northgate Middle", "▸ 3 Northgate Middle"],
        "first by readiness now, and still selected:\n{after}"
    );
    // The form opens on it again, from the review just saved.
    key(&mut app, KeyCode::Char('e'));
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("[Northgate Middle]"), "{form}");
}

#[test]
fn another_school_chosen_after_typing_keeps_the_rating_typed() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('e')); // Eastside Middle
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typed(&mut app, "1"); // staff collaboration: 1
    for _ in 0..3 {
        key(&mut app, KeyCode::BackTab); // back to the School field
    }
    key(&mut app, KeyCode::Right); // Hillcrest Middle
    let status = app.status.clone().expect("the user is told");
    assert_eq!(
        status.text,
        "Kept what you typed; the review of Hillcrest Middle in force was not loaded"
    );
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("[Hillcrest Middle]"), "{form}");
    let collaboration = form
        .lines()
        .find(|row| row.contains("staff collaboration"))
        .unwrap_or_default();
    assert!(
        collaboration.contains("[1]"),
        "the rating typed stays:\n{form}"
    );
    ctrl(&mut app, 's');
    let after = screen_text(&mut app, 120, 40);
    let mut marks = marked(&after);
    marks.sort();
    assert!(
        marks.iter().all(|m| m.contains("Hillcrest Middle")) && marks.len() == 2,
        "the cursor is on the school the review was saved for:\n{after}"
    );
}

#[test]
fn with_no_review_yet_the_schools_are_listed_to_review() {
    let (_dir, mut store) = empty_store();
    common::teacher(&mut store, "Young, Ada", "Pinecrest Academy", "Grade 6");
    common::teacher(&mut store, "Brandt, Eva", "Alder Elementary", "Grade 2");
    let mut app = App::with_config(store, Config::default()).expect("the app opens");
    key(&mut app, KeyCode::Char('R'));
    let screen = screen_text(&mut app, 80, 24);
    assert!(
        screen.contains("No school has been reviewed for readiness yet: e reviews the"),
        "{screen}"
    );
    assert!(screen.contains("Not reviewed yet"), "{screen}");
    assert_eq!(marked(&screen), ["▸ Alder Elementary"], "{screen}");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('e'));
    let form = screen_text(&mut app, 80, 24);
    assert!(form.contains("[Pinecrest Academy]"), "{form}");
}

#[test]
fn at_100_columns_shift_j_and_k_scroll_the_review_beside_and_the_cursor_stays() {
    let (_dir, mut app) = demo(Config::default());
    app.handle_event(Event::Resize(100, 24));
    key(&mut app, KeyCode::Char('R'));
    let top = screen_text(&mut app, 100, 24);
    let (ranked, pane) = beside(&top);
    assert_eq!(
        marked(&ranked),
        ["▸ 1 Eastside Middle", "▸ 5 Eastside Middle"],
        "{top}"
    );
    assert!(pane.contains("Reviewed    6 Oct 2026"), "{pane}");
    let cue = |pane: &str| {
        pane.lines()
            .find(|row| row.starts_with('└'))
            .unwrap_or_default()
            .trim_matches(|c| "└┘─ ".contains(c))
            .to_string()
    };
    let below = cue(&pane);
    assert!(
        below.starts_with("↓ ") && below.ends_with(" more · J"),
        "{below}"
    );
    key(&mut app, KeyCode::Char('J'));
    let scrolled = screen_text(&mut app, 100, 24);
    let (ranked_after, pane) = beside(&scrolled);
    assert_eq!(ranked_after, ranked, "the rankings stay as they were");
    assert!(!pane.contains("Reviewed    6 Oct 2026"), "{pane}");
    assert!(cue(&pane).starts_with("↑ 1 ↓ "), "{pane}");
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(screen_text(&mut app, 100, 24), top);
}

#[test]
fn a_school_not_reviewed_yet_says_so_and_e_reviews_it_from_its_review() {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    common::teacher(&mut store, "Young, Ada", "Pinecrest Academy", "Grade 6");
    let mut app = App::with_config(store, Config::default()).expect("the app opens");
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('G')); // the last school: Pinecrest Academy, not reviewed
    let pane = review_beside(&screen_text(&mut app, 120, 40));
    assert!(
        pane.contains("┌ Pinecrest Academy ") && pane.contains("Not reviewed yet: e reviews it."),
        "{pane}"
    );
    key(&mut app, KeyCode::Enter);
    let alone = screen_text(&mut app, 60, 16);
    assert!(
        alone.contains("┌ Pinecrest Academy ") && alone.contains("Not reviewed yet: e reviews it."),
        "{alone}"
    );
    key(&mut app, KeyCode::Char('e'));
    let form = screen_text(&mut app, 60, 16);
    assert!(form.contains("[Pinecrest Academy]"), "{form}");
    drop(dir);
}

#[test]
fn past_the_last_school_j_scrolls_to_the_plans_and_k_scrolls_back_to_it_first() {
    use coachlog::model::readiness::{CriterionRating, PlanStep};
    use coachlog::model::{AnyRecord, ReadinessReview, Recommendation, School};
    let (_dir, mut store) = empty_store();
    // Three schools taking part, each asked for a plan: the last school is in the ranking,
    // and the plans run below the screen.
    for (n, name) in ["Ash", "Birch", "Cedar"].iter().enumerate() {
        let school = common::add(
            &mut store,
            AnyRecord::School(School {
                name: (*name).into(),
                ..School::default()
            }),
        );
        let review = ReadinessReview {
            school_id: school,
            reviewed_on: day("2026-11-10"),
            ratings: vec![CriterionRating {
                criterion: "staff collaboration".into(),
                rating: Some(3 - n as u8),
                evidence: String::new(),
            }],
            recommendation: Some(Recommendation::ReadinessPlan),
            plan: [
                "Set meeting norms",
                "Visit a cohort school",
                "Survey the staff",
            ]
            .iter()
            .map(|what| PlanStep {
                what: (*what).into(),
                ..PlanStep::default()
            })
            .collect(),
            ..ReadinessReview::default()
        };
        common::add(&mut store, AnyRecord::ReadinessReview(review));
    }
    let mut app = App::with_config(store, Config::default()).expect("the app opens");
    app.handle_event(Event::Resize(60, 16));
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let last = screen_text(&mut app, 60, 16);
    assert_eq!(marked(&last).first().map(String::as_str), Some("▸ 3 Cedar"));
    assert!(!last.contains("no school chose to sit out"), "{last}");
    for _ in 0..30 {
        key(&mut app, KeyCode::Char('j'));
    }
    let end = screen_text(&mut app, 60, 16);
    assert!(
        end.contains("no school chose to sit out"),
        "the end in reach:\n{end}"
    );
    assert!(marked(&end).is_empty(), "the ranking is above:\n{end}");
    // k brings the screen back a line at a time until the selection shows, then moves it.
    key(&mut app, KeyCode::Char('k'));
    let back = screen_text(&mut app, 60, 16);
    assert_ne!(back, end, "one line back");
    let mut presses = 1;
    while marked(&screen_text(&mut app, 60, 16)).is_empty() && presses < 30 {
        key(&mut app, KeyCode::Char('k'));
        presses += 1;
    }
    let shown = screen_text(&mut app, 60, 16);
    assert_eq!(
        marked(&shown).first().map(String::as_str),
        Some("▸ 3 Cedar"),
        "still the last school:\n{shown}"
    );
    let rows: Vec<&str> = shown.lines().collect();
    assert!(
        rows[2].contains("By achievement") && rows[3].contains("▸ 3 Cedar"),
        "at the top of the screen, under the headings:\n{shown}"
    );
    key(&mut app, KeyCode::Char('k'));
    let moved = screen_text(&mut app, 60, 16);
    assert_eq!(
        marked(&moved).first().map(String::as_str),
        Some("▸ 2 Birch"),
        "{moved}"
    );
}

#[test]
fn a_review_from_another_window_moves_the_school_and_the_cursor_stays_on_it() {
    use coachlog::model::{AnyRecord, ReadinessReview};
    let (_dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    let mut other = coachlog::db::Store::open(store.path(), common::clock()).unwrap();
    let mut app = App::with_config(store, Config::default()).expect("the app opens");
    key(&mut app, KeyCode::Char('R'));
    for _ in 0..6 {
        key(&mut app, KeyCode::Char('j'));
    }
    let before = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&before),
        ["▸ 1 Westview High", "▸ 7 Westview High"],
        "{before}"
    );
    // The other window rates Westview High 4 on every criterion (its figure unchanged).
    let westview = other
        .schools()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Westview High")
        .unwrap();
    let criteria: Vec<String> = coachlog::model::readiness::DEFAULT_CRITERIA
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut review = ReadinessReview::on_criteria(&westview.meta.id, day("2026-11-23"), &criteria);
    for rated in &mut review.ratings {
        rated.rating = Some(4);
    }
    review.achievement = Some(74.0);
    common::add(&mut other, AnyRecord::ReadinessReview(review));
    app.tick();
    let after = screen_text(&mut app, 120, 40);
    assert_eq!(
        marked(&after),
        ["▸ 1 Westview High", "▸ 1 Westview High"],
        "first by readiness now, still selected:\n{after}"
    );
}

/// Tabs from the School field (where the form opens) to the field `after` fields on.
fn tab_to(app: &mut App, after: usize) {
    for _ in 0..after {
        key(app, KeyCode::Tab);
    }
}

/// From the School field: Reviewed, the six criteria, Evidence, then Achievement.
const TO_ACHIEVEMENT: usize = 2 + coachlog::model::readiness::DEFAULT_CRITERIA.len() + 1;

#[test]
fn an_achievement_out_of_0_to_100_is_refused_with_the_range_and_the_rankings_stay() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    let before = screen_text(&mut app, 120, 40);
    for typed_figure in ["7444", "-5", "74.5abc"] {
        key(&mut app, KeyCode::Char('e')); // Eastside Middle, 48%
        tab_to(&mut app, TO_ACHIEVEMENT);
        ctrl(&mut app, 'u');
        typed(&mut app, typed_figure);
        let form = screen_text(&mut app, 80, 24);
        assert!(
            form.contains("is not a percentage from 0 to 100"),
            "{typed_figure}: the range is named as it is typed:\n{form}"
        );
        ctrl(&mut app, 's');
        assert!(
            app.readiness().is_some() && screen_text(&mut app, 120, 40) != before,
            "{typed_figure}: the form stays open"
        );
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('y')); // and what was typed is thrown away
        assert_eq!(screen_text(&mut app, 120, 40), before, "nothing was saved");
    }
    key(&mut app, KeyCode::Char('e'));
    tab_to(&mut app, TO_ACHIEVEMENT);
    ctrl(&mut app, 'u');
    typed(&mut app, "100");
    ctrl(&mut app, 's');
    let after = screen_text(&mut app, 120, 40);
    assert!(
        after.contains("1 Eastside Middle") && after.contains("100%"),
        "{after}"
    );
}

/// A wide screen cut after the right border of the rankings' box, row by row: the
/// rankings, and the review beside them.
fn beside(screen: &str) -> (String, String) {
    let edge = screen
        .lines()
        .find_map(|row| row.chars().position(|c| c == '┐'))
        .map_or(usize::MAX, |at| at + 1);
    let (left, right): (Vec<String>, Vec<String>) = screen
        .lines()
        .map(|row| {
            let left = row.chars().take(edge).collect();
            (left, row.chars().skip(edge).collect())
        })
        .unzip();
    (left.join("\n"), right.join("\n"))
}

/// The rankings' box of a screen: on a wide screen, without the review beside it.
fn rankings(screen: &str) -> String {
    beside(screen).0
}

/// The words on the screen in reading order, borders left out: a message wrapped over
/// rows reads as one.
fn words(screen: &str) -> String {
    screen
        .replace(['│', '┌', '┐', '└', '┘', '─'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The form's label column (the 26 columns after its left border), row by row.
fn labels(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|row| {
            let (_, inside) = row.split_once('│')?;
            Some(inside.chars().take(26).collect::<String>())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn form_messages_and_criteria_are_whole_at_80x24_and_60x16() {
    for (width, height) in [(80, 24), (60, 16)] {
        let (_dir, mut app) = demo(Config::default());
        app.handle_event(Event::Resize(width, height));
        key(&mut app, KeyCode::Char('R'));
        key(&mut app, KeyCode::Char('e'));
        key(&mut app, KeyCode::Tab);
        typed(&mut app, "32/13");
        let form = screen_text(&mut app, width, height);
        assert!(
            words(&form)
                .contains("! \"32/13\" is not a date: there is no month 32; dates are month/day"),
            "{width}x{height}:\n{form}"
        );
        ctrl(&mut app, 'u');
        // The criteria, each read whole in the label column as it comes into view.
        let mut seen = String::new();
        for _ in coachlog::model::readiness::DEFAULT_CRITERIA {
            key(&mut app, KeyCode::Tab);
            seen.push_str(&words(&labels(&screen_text(&mut app, width, height))));
        }
        for criterion in coachlog::model::readiness::DEFAULT_CRITERIA {
            assert!(seen.contains(criterion), "{width}x{height}: {criterion}");
        }
        assert!(!seen.contains('…'), "{width}x{height}: nothing cut: {seen}");
        // A plan whose second step is due on a day there is in no year.
        tab_to(&mut app, 6);
        typed(&mut app, "Set norms");
        key(&mut app, KeyCode::Enter);
        typed(&mut app, "Visit a cohort school / principal / 31 feb");
        ctrl(&mut app, 's');
        let form = screen_text(&mut app, width, height);
        assert!(
            words(&form)
                .contains("! Plan: line 2: \"31 feb\" is not a date: there is no 31 February"),
            "{width}x{height}:\n{form}"
        );
    }
}

/// Opens the review form of Hillcrest Middle (asked for a plan in the demo) on its plan
/// field, emptied.
fn hillcrest_plan_emptied(app: &mut App) {
    key(app, KeyCode::Char('R'));
    for _ in 0..4 {
        key(app, KeyCode::Char('j'));
    }
    key(app, KeyCode::Char('e'));
    tab_to(
        app,
        2 + coachlog::model::readiness::DEFAULT_CRITERIA.len() + 5,
    );
    ctrl(app, 'u');
}

#[test]
fn a_plan_step_due_on_a_day_without_a_year_is_due_next_time_it_comes() {
    let (_dir, mut app) = demo(Config::default());
    hillcrest_plan_emptied(&mut app);
    typed(&mut app, "Set meeting norms / principal / 1 mar");
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    typed(&mut app, "15 oct");
    ctrl(&mut app, 's');
    let after = screen_text(&mut app, 120, 40);
    assert!(
        after.contains("Hillcrest Middle · review on 15 Oct 2027"),
        "{after}"
    );
    assert!(
        after.contains("- Set meeting norms · principal · due 1 Mar 2027"),
        "not last March:\n{after}"
    );
    // The review pane names the day ahead as the rankings do.
    let pane = words(&review_beside(&after));
    assert!(
        pane.contains("Readiness plan review on 15 Oct 2027"),
        "{pane}"
    );
}

#[test]
fn plan_steps_are_shown_by_due_date_on_screen_and_on_the_pages() {
    let folder = tempfile::tempdir().unwrap();
    let config = Config {
        briefs_folder: Some(folder.path().to_path_buf()),
        ..Config::default()
    };
    let (_dir, mut app) = demo(config);
    hillcrest_plan_emptied(&mut app);
    typed(&mut app, "Survey the staff / coach / 22 may");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "Agree on goals / team");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "Set meeting norms / principal / 1 mar");
    ctrl(&mut app, 's');
    let order = ["Set meeting norms", "Survey the staff", "Agree on goals"];
    let in_order = |text: &str| {
        let at: Vec<Option<usize>> = order.iter().map(|what| text.find(what)).collect();
        at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1])
    };
    let screen = screen_text(&mut app, 120, 40);
    assert!(in_order(&rankings(&screen)), "the rankings:\n{screen}");
    assert!(in_order(&review_beside(&screen)), "the review:\n{screen}");
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('m'));
    for page in ["readiness 2026-11-23.html", "readiness 2026-11-23.md"] {
        let written = std::fs::read_to_string(folder.path().join(page)).expect(page);
        assert!(in_order(&written), "{page}:\n{written}");
    }
}

#[test]
fn a_review_left_by_a_kill_is_offered_back_by_its_school_even_with_a_school_added() {
    use coachlog::model::{AnyRecord, School};
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    for _ in 0..6 {
        key(&mut app, KeyCode::Char('j')); // Westview High, last by readiness
    }
    key(&mut app, KeyCode::Char('e'));
    tab_to(&mut app, TO_ACHIEVEMENT + 3); // Rationale
    ctrl(&mut app, 'u');
    typed(&mut app, "Half-written when the laptop died");
    app.tick();
    // Meanwhile a school is added that comes first by name, before Westview High.
    let mut other = coachlog::db::Store::open(app.db_path(), common::clock()).unwrap();
    common::add(
        &mut other,
        AnyRecord::School(School {
            name: "Aspen Academy".into(),
            ..School::default()
        }),
    );
    // And Riverside Elementary, which Westview High's place now falls to, is reviewed
    // again on one criterion only.
    let riverside = other
        .schools()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Riverside Elementary")
        .unwrap();
    let one = ["staff collaboration".to_string()];
    let review =
        coachlog::model::ReadinessReview::on_criteria(&riverside.meta.id, day("2026-11-23"), &one);
    common::add(&mut other, AnyRecord::ReadinessReview(review));
    // The process dies; a new one on the same file offers the review back, named.
    let restarted = coachlog::db::Store::open(app.db_path(), common::clock()).unwrap();
    drop(app);
    let mut app = App::with_config(restarted, Config::default()).expect("the app opens");
    let question = screen_text(&mut app, 120, 40);
    assert!(
        question.contains("Reopen the unfinished readiness review of Westview High?"),
        "{question}"
    );
    key(&mut app, KeyCode::Char('y'));
    let form = screen_text(&mut app, 120, 40);
    assert!(form.contains("[Westview High]"), "{form}");
    let rated = |criterion: &str| {
        form.lines()
            .any(|row| row.contains(criterion) && row.contains("not rated"))
    };
    assert!(
        rated("leadership team dynamics"),
        "on Westview High's own six criteria, every rating kept:\n{form}"
    );
    assert!(form.contains("Half-written when the laptop died"), "{form}");
    assert!(
        form.lines()
            .any(|row| row.contains("Achievement") && row.contains("74")),
        "from Westview High's review, not another school's:\n{form}"
    );
}

/// A file with one school, reviewed and recommended for the first cohort.
fn one_school_reviewed() -> (tempfile::TempDir, App) {
    use coachlog::model::{AnyRecord, ReadinessReview, Recommendation, School};
    let (dir, mut store) = empty_store();
    let ash = common::add(
        &mut store,
        AnyRecord::School(School {
            name: "Ash Elementary".into(),
            ..School::default()
        }),
    );
    let criteria = ["staff collaboration".to_string()];
    let mut review = ReadinessReview::on_criteria(&ash, day("2026-11-10"), &criteria);
    review.ratings[0].rating = Some(3);
    review.achievement = Some(61.0);
    review.recommendation = Some(Recommendation::Cohort1);
    common::add(&mut store, AnyRecord::ReadinessReview(review));
    (
        dir,
        App::with_config(store, Config::default()).expect("the app opens"),
    )
}

#[test]
fn one_school_reads_as_one() {
    let (_dir, mut app) = one_school_reviewed();
    key(&mut app, KeyCode::Char('R'));
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("┌ 1 school reviewed "), "{screen}");
    assert!(screen.contains("top third (1 place)"), "{screen}");
    assert!(screen.contains("1 of 1 school reviewed"), "{screen}");
    assert!(
        words(&rankings(&screen)).contains(
            "Readiness: the mean of the 1–4 ratings on 1 criterion; achievement: the \
             school's figure as entered, in %."
        ),
        "the figures are explained: {screen}"
    );
    assert!(
        !screen.contains("1 schools") && !screen.contains("1 places"),
        "{screen}"
    );
}

#[test]
fn every_cohort_year_is_on_the_screen_as_on_the_pages() {
    let (_dir, mut app) = demo(Config::default());
    key(&mut app, KeyCode::Char('R'));
    let screen = screen_text(&mut app, 120, 40);
    assert!(
        screen.contains("★ First cohort: 3 of 8 schools reviewed"),
        "{screen}"
    );
    assert!(screen.contains("│Later cohorts "), "{screen}");
    assert!(
        screen.contains("│  Lincoln Elementary · cohort year 2 "),
        "{screen}"
    );
    assert!(
        screen.contains("│  Oak Park Elementary · cohort year 3 "),
        "{screen}"
    );
}
