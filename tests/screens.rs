//! The demo school's roster, workspace tabs, agenda and brief at the three sizes a coach
//! meets: 80×24, 120×40 and the smallest drawn, 60×16, each snapshotted (and read by eye
//! before it was accepted). Beside them, what a reader of the screen relies on: the
//! selection marked without colour, detail panes and the brief scrolling to their real
//! end, and the Overview's last visit and chart.

mod common;

use coachlog::app::App;
use common::{caseload, day, empty_store, observe};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (60, 16)];

fn demo() -> (tempfile::TempDir, App) {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    (dir, App::new(store).expect("the app opens"))
}

fn key(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app.handle_event(Event::Key(KeyEvent::new(code, modifiers)));
}

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    terminal
}

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buffer.area.width {
                let cell = &buffer[(x, y)];
                row.push_str(cell.symbol());
                x += 1;
            }
            row
        })
        .collect()
}

/// Tells the app the terminal's size, as the terminal does when it opens and resizes.
fn resize(app: &mut App, width: u16, height: u16) {
    app.handle_event(Event::Resize(width, height));
}

/// Snapshots `app` at every size as `name_WIDTHxHEIGHT`.
fn snapshot_all(app: &mut App, name: &str) {
    for (width, height) in SIZES {
        resize(app, width, height);
        let terminal = draw(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

/// Opens the demo teacher whose name starts with `name` in the workspace.
fn open(app: &mut App, name: &str) {
    key(app, KeyCode::Char('/'));
    keys(app, name);
    key(app, KeyCode::Enter);
}

#[test]
fn the_roster_at_every_size() {
    let (_dir, mut app) = demo();
    snapshot_all(&mut app, "demo_roster");
}

/// The workspace of Lee, Min: records enough for every tab and none that tie in their
/// list's order (ties fall to record ids, which differ from one load of the demo to the
/// next, and so would the snapshots).
#[test]
fn the_workspace_tabs_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    for (tab, name) in [
        ('1', "overview"),
        ('2', "goals"),
        ('3', "observations"),
        ('4', "check_ins"),
        ('5', "actions"),
    ] {
        key(&mut app, KeyCode::Char(tab));
        snapshot_all(&mut app, &format!("demo_workspace_{name}"));
    }
    // Records of a day alone share its noon on the timeline; its visits never tie.
    key(&mut app, KeyCode::Char('t'));
    snapshot_all(&mut app, "demo_workspace_timeline");
}

#[test]
fn the_agenda_at_every_size() {
    let (_dir, mut app) = demo();
    key(&mut app, KeyCode::Char('g'));
    snapshot_all(&mut app, "demo_agenda");
}

#[test]
fn the_brief_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    key(&mut app, KeyCode::Char('b'));
    snapshot_all(&mut app, "demo_brief");
}

/// The screen's rows as text, with the rows drawn reversed (the selection) marked.
fn reversed(terminal: &Terminal<TestBackend>) -> Vec<String> {
    use ratatui::style::Modifier;
    let buffer = terminal.backend().buffer();
    let rows = rows(terminal);
    (0..buffer.area.height)
        .filter(|y| {
            (0..buffer.area.width).any(|x| buffer[(x, *y)].modifier.contains(Modifier::REVERSED))
        })
        .map(|y| rows[usize::from(y)].clone())
        .collect()
}

#[test]
fn the_selected_row_is_marked_on_every_workspace_list_and_in_the_agenda() {
    let (_dir, mut app) = demo();
    open(&mut app, "Smith");
    for tab in ['2', '3', '4', '5', '6'] {
        key(&mut app, KeyCode::Char(tab));
        key(&mut app, KeyCode::Down);
        let terminal = draw(&app, 80, 24);
        let selected = reversed(&terminal);
        // The tab bar draws its current tab reversed too; the list row is the other one.
        let marked: Vec<&String> = selected.iter().filter(|row| row.contains("▶")).collect();
        assert_eq!(marked.len(), 1, "tab {tab}: {selected:#?}");
        let rows = rows(&terminal);
        assert_eq!(
            rows.iter().filter(|row| row.contains("▶")).count(),
            1,
            "tab {tab}: a mark that needs no colour, on the selected row only"
        );
        let second = rows.iter().position(|row| row.contains("▶")).unwrap();
        assert_eq!(second, 5, "tab {tab}: the second row, after ↓");
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('g'));
    let heavy = |app: &App| {
        rows(&draw(app, 80, 24))
            .iter()
            .filter(|row| row.contains('┏'))
            .map(|row| row.chars().position(|c| c == '┏').unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(heavy(&app), [0], "the check-ins panel has the keys");
    let shown = rows(&draw(&app, 80, 24)).join("\n");
    assert!(shown.contains("┃▶ overdue 4d !  Okafor, Ngozi"), "{shown}");
    key(&mut app, KeyCode::Tab);
    assert_eq!(heavy(&app), [40], "Tab moves the keys to the next panel");
    let shown = rows(&draw(&app, 80, 24)).join("\n");
    assert!(shown.contains("┃▶ Brandt, Felix"), "{shown}");
}

#[test]
fn a_long_evidence_note_scrolls_in_the_detail_pane_and_stops_at_its_end() {
    let (_dir, mut app) = demo();
    open(&mut app, "Smith");
    key(&mut app, KeyCode::Char('3'));
    let detail = |app: &App| -> Vec<String> {
        rows(&draw(app, 80, 24))
            .iter()
            .map(|row| row.chars().skip(43).collect())
            .collect()
    };
    let first = detail(&app);
    // Rows 4 to 20 hold the pane's text, row 21 its bottom border.
    assert!(first[4].contains("Fri 20 Nov 2026 09:44"), "{first:#?}");
    assert!(first[21].contains("↓ 7 more · J"), "{first:#?}");
    keys(&mut app, "JJ");
    let scrolled = detail(&app);
    assert_eq!(scrolled[4], first[6], "two lines up");
    assert!(scrolled[21].contains("↑ 2 ↓ 5 · K/J"), "{scrolled:#?}");
    keys(&mut app, &"J".repeat(40));
    let end = detail(&app);
    assert!(
        end[20].contains("25)."),
        "the last line of the note: {end:#?}"
    );
    assert!(end[21].contains("↑ 7 more · K"), "{end:#?}");
    key(&mut app, KeyCode::Char('K'));
    assert!(
        detail(&app)[21].contains("↓ 1"),
        "K moves back from the end at once: {:#?}",
        detail(&app)
    );
    // Another visit starts at the top of its own note.
    key(&mut app, KeyCode::Down);
    assert!(detail(&app)[4].contains("Tue 17 Nov 2026 09:43"));
}

#[test]
fn the_overview_shows_the_last_visit_and_every_rating_with_or_without_a_focus() {
    let (_dir, mut store, _) = caseload();
    let brandt = store
        .teachers(false)
        .unwrap()
        .into_iter()
        .find(|t| t.name.starts_with("Brandt"))
        .unwrap()
        .meta
        .id;
    // Three visits on one morning, before any focus: points on one day, not a bar.
    observe(
        &mut store,
        &brandt,
        "2026-11-23T09:00",
        1,
        "Bell work on the board.",
    );
    observe(
        &mut store,
        &brandt,
        "2026-11-23T09:30",
        4,
        "09:30  Every pair explained.",
    );
    let mut app = App::new(store).unwrap();
    open(&mut app, "Brandt");
    let shown = rows(&draw(&app, 80, 24));
    let chart: Vec<String> = shown[3..14]
        .iter()
        .map(|row| row.chars().take(40).collect())
        .collect();
    let marks: Vec<(usize, usize)> = chart
        .iter()
        .enumerate()
        .flat_map(|(y, row)| {
            row.chars()
                .enumerate()
                .filter(|(_, c)| *c == '○')
                .map(move |(x, _)| (y, x))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        marks.len(),
        2,
        "one hollow point a visit without a focus: {chart:#?}"
    );
    assert_eq!(marks[0].1, marks[1].1, "both on today's column: {chart:#?}");
    let row_of = |label: &str| chart.iter().find(|row| row.contains(label)).unwrap();
    assert!(row_of("4┤").contains('○'), "{chart:#?}");
    assert!(row_of("1┤").contains('○'), "{chart:#?}");
    assert!(
        !chart
            .iter()
            .any(|row| row.contains('⡇') || row.contains('│') && row.contains("┤│")),
        "no bar: {chart:#?}"
    );
    let last_seen = shown[3..6].join("\n");
    assert!(
        last_seen.contains("Last seen · today · 4 consistent"),
        "{last_seen}"
    );
    assert!(
        last_seen.contains("│Every pair explained."),
        "the first line, its time stamp not repeated: {last_seen}"
    );
}

#[test]
fn the_chart_marks_and_names_each_focus_span() {
    let (_dir, mut app) = demo();
    open(&mut app, "Smith");
    let shown = rows(&draw(&app, 120, 40));
    let spans = shown
        .iter()
        .find(|row| row.contains('├'))
        .expect("a row of focus spans");
    assert!(spans.contains("├Run the grade 7 classroom…"), "{spans}");
    assert!(spans.contains("├Connect the warm-up to the…┤"), "{spans}");
}

#[test]
fn the_brief_is_laid_out_for_the_terminal_and_end_reaches_its_last_line() {
    let (_dir, mut app) = demo();
    open(&mut app, "Smith");
    key(&mut app, KeyCode::Char('b'));
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        key(&mut app, KeyCode::Home);
        let top = rows(&draw(&app, width, height)).join("\n");
        assert!(
            !top.contains("| ") && !top.contains("## "),
            "not raw Markdown: {top}"
        );
        assert!(top.contains("goal"), "{top}");
        key(&mut app, KeyCode::End);
        let end = rows(&draw(&app, width, height));
        let last = end[usize::from(height) - 4].clone();
        assert!(
            end.iter()
                .any(|row| row.contains("Confidential personnel notes")),
            "{width}x{height}: {end:#?}"
        );
        assert!(
            !last.contains("Confidential") || end.iter().any(|r| r.contains("of ")),
            "{end:#?}"
        );
        let cue = end
            .iter()
            .find_map(|row| row.split("lines ").nth(1))
            .expect("a position cue");
        let (range, total) = cue.split_once(" of ").unwrap();
        let total: usize = total
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .unwrap();
        assert!(
            range.ends_with(&format!("–{total}")),
            "{width}x{height}: {cue}"
        );
        key(&mut app, KeyCode::Up);
        let up = rows(&draw(&app, width, height)).join("\n");
        assert!(
            up.contains(&format!("of {total}")) && !up.contains(&format!("–{total} of")),
            "↑ from the end moves at once: {up}"
        );
    }
}

// Every form, popup and remaining screen at the three sizes, over the same demo school.

use common::keys::press;

#[test]
fn the_teacher_form_at_every_size() {
    let (_dir, mut app) = demo();
    press(&mut app, "a");
    snapshot_all(&mut app, "demo_form_teacher_new");
    press(&mut app, "<Esc>");
    open(&mut app, "Lee");
    press(&mut app, "E");
    snapshot_all(&mut app, "demo_form_teacher_edit");
}

#[test]
fn the_goal_form_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "2a");
    snapshot_all(&mut app, "demo_form_goal");
}

#[test]
fn the_focus_form_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "f");
    snapshot_all(&mut app, "demo_form_focus");
}

#[test]
fn the_observation_form_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "o");
    snapshot_all(&mut app, "demo_form_observation_quick");
    press(&mut app, "<Esc>3a");
    snapshot_all(&mut app, "demo_form_observation");
}

#[test]
fn the_action_form_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "5a");
    snapshot_all(&mut app, "demo_form_action");
}

#[test]
fn the_check_in_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "c");
    snapshot_all(&mut app, "demo_check_in");
    // Back past Held and Kind onto the list of what was agreed last time.
    press(&mut app, "<S-Tab><S-Tab><S-Tab>");
    snapshot_all(&mut app, "demo_check_in_agreed");
    press(&mut app, "<Tab><C-n>");
    snapshot_all(&mut app, "demo_check_in_new_action");
    press(&mut app, "Regroup from Friday's exit tickets<C-s>");
    snapshot_all(&mut app, "demo_check_in_with_an_action");
}

#[test]
fn capture_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "i");
    press(
        &mut app,
        "Exit tickets sorted into three piles before the bell<Enter>",
    );
    press(
        &mut app,
        "<A-1><A-a><A-a>Small group at the back works the missed item",
    );
    snapshot_all(&mut app, "demo_capture");
    press(&mut app, "<Esc>");
    snapshot_all(&mut app, "demo_capture_rate");
}

#[test]
fn a_walkthrough_round_at_every_size() {
    let (_dir, mut app) = demo();
    press(&mut app, "wa");
    snapshot_all(&mut app, "demo_round_new");
    press(&mut app, "Students explain the learning target<C-s>");
    snapshot_all(&mut app, "demo_round_mark");
    press(&mut app, "2target posted, not explained<Enter>");
    let mut marks = 1;
    while !rows(&draw(&app, 80, 24)).join("\n").contains("Round done") {
        press(&mut app, ["1<Enter>", "3<Enter>"][marks % 2]);
        marks += 1;
        assert!(marks < 20, "the round ends");
    }
    snapshot_all(&mut app, "demo_round_summary");
}

#[test]
fn help_at_every_size() {
    let (_dir, mut app) = demo();
    press(&mut app, "?");
    snapshot_all(&mut app, "demo_help");
}

#[test]
fn questions_at_every_size() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "3d");
    snapshot_all(&mut app, "demo_confirm_delete");
    press(&mut app, "n2aA statement worth keeping<Esc>");
    snapshot_all(&mut app, "demo_confirm_discard");
}

#[test]
fn the_trash_at_every_size() {
    let (_dir, mut app) = demo();
    press(&mut app, "T");
    snapshot_all(&mut app, "demo_trash_empty");
    press(&mut app, "<Esc>");
    open(&mut app, "Lee");
    press(&mut app, "3dy5dy<Esc>T");
    snapshot_all(&mut app, "demo_trash");
}

#[test]
fn search_at_every_size() {
    let (_dir, mut app) = demo();
    press(&mut app, "s");
    snapshot_all(&mut app, "demo_search_empty");
    press(&mut app, "exit ticket");
    snapshot_all(&mut app, "demo_search");
}

/// Crossterm leaves colours out under NO_COLOR and keeps the rest, and some terminals
/// show neither italics nor dim: what the coach must tell apart is marked in the text.
#[test]
fn the_current_tab_placeholders_and_the_agreed_list_show_without_colour() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    for (width, height) in SIZES {
        press(&mut app, "3");
        let shown = rows(&draw(&app, width, height));
        assert!(shown[2].contains("[Observations]"), "{width}: {}", shown[2]);
        assert_eq!(shown[2].matches('[').count(), 1, "{}", shown[2]);
    }
    press(&mut app, "o");
    let form = rows(&draw(&app, 80, 24)).join("\n");
    assert!(
        form.contains("Evidence      (what was seen and heard)"),
        "{form}"
    );
    press(&mut app, "2Groups at work");
    let form = rows(&draw(&app, 80, 24)).join("\n");
    assert!(
        form.contains("Evidence      Groups at work "),
        "typed: {form}"
    );
    press(&mut app, "<Esc>yc");
    let check_in = rows(&draw(&app, 80, 24)).join("\n");
    assert!(!check_in.contains('▶'), "nothing selected while typing");
    press(&mut app, "<S-Tab><S-Tab><S-Tab>");
    let check_in = rows(&draw(&app, 80, 24)).join("\n");
    assert!(
        check_in.contains("│▶☐ Pull the P4 ticket data"),
        "{check_in}"
    );
}

#[test]
fn a_form_scrolls_to_keep_the_field_being_typed_in_view() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "o");
    resize(&mut app, 60, 16);
    let top = rows(&draw(&app, 60, 16)).join("\n");
    assert!(top.contains("▸Rating") && !top.contains("Private"), "{top}");
    assert!(top.contains("↓ 3 more fields"), "{top}");
    // Tab to the last field: Evidence, Look-fors, When, Minutes, Class, Private.
    press(&mut app, "<Tab><Tab><Tab><Tab><Tab><Tab>");
    let end = rows(&draw(&app, 60, 16)).join("\n");
    assert!(end.contains("▸Private       [ ] no"), "{end}");
    assert!(end.contains("↑ 2 more fields"), "Focus and Rating: {end}");
    press(&mut app, "<S-Tab><S-Tab><S-Tab><S-Tab><S-Tab><S-Tab>");
    let back = rows(&draw(&app, 60, 16)).join("\n");
    assert!(back.contains("▸Rating"), "and back up: {back}");
}

#[test]
fn a_popup_clears_a_margin_around_itself_and_fits_the_smallest_screen() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    for (keys, title) in [
        ("3d", "┌ Are you sure?"),
        ("n5a", "┌ New action"),
        ("<Esc>?", "┌ Keys"),
    ] {
        press(&mut app, keys);
        for (width, height) in SIZES {
            resize(&mut app, width, height);
            let shown = rows(&draw(&app, width, height));
            let top = shown
                .iter()
                .position(|row| row.contains(title))
                .unwrap_or_else(|| panic!("{title} at {width}: {shown:#?}"));
            let left = shown[top].chars().position(|c| c == '┌').unwrap();
            let bottom = (top..shown.len())
                .find(|&y| shown[y].chars().nth(left) == Some('└'))
                .expect("the popup's bottom border");
            let right = left
                + shown[top]
                    .chars()
                    .skip(left + 1)
                    .position(|c| c == '┐')
                    .unwrap()
                + 1;
            assert!(right < usize::from(width), "inside the screen");
            for row in &shown[top..=bottom] {
                let chars: Vec<char> = row.chars().collect();
                for x in [left.checked_sub(1), Some(right + 1)].into_iter().flatten() {
                    if let Some(c) = chars.get(x) {
                        assert_eq!(*c, ' ', "{title} at {width}×{height}: {shown:#?}");
                    }
                }
            }
        }
    }
}

/// The status line's words, read across the rows it takes at the foot of the screen.
fn status_words(shown: &[String], rows: usize) -> Vec<String> {
    shown[shown.len() - rows..]
        .iter()
        .flat_map(|row| {
            row.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_long_message_takes_the_footer_row_too_and_is_cut_only_with_an_ellipsis() {
    let (_dir, mut app) = demo();
    press(&mut app, "wa");
    press(&mut app, "Students explain the learning target<C-s>");
    let mut marks = 0;
    while app
        .status
        .as_ref()
        .is_none_or(|s| !s.text.contains("Round done"))
    {
        press(&mut app, ["2<Enter>", "3<Enter>"][marks % 2]);
        marks += 1;
    }
    let message = app.status.clone().unwrap().text;
    let words: Vec<&str> = message.split(' ').collect();
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        let shown = rows(&draw(&app, width, height));
        let said = status_words(&shown, 2);
        // 13 classrooms (the demo's two school leaders are not ticked), 7 partly.
        assert_eq!(said[..3], ["Round", "done:", "7"], "{width}: {shown:#?}");
        let (last, whole) = said.split_last().unwrap();
        assert_eq!(whole, &words[..whole.len()], "{width}: {shown:#?}");
        assert!(
            last.ends_with('…') || whole.len() + 1 == words.len() && *last == words[whole.len()],
            "{width}: cut mid-word without …: {shown:#?}"
        );
        assert!(
            !shown[usize::from(height) - 1].contains("? help"),
            "the footer makes way while the message is up"
        );
    }
    press(&mut app, "<Down>");
    let shown = rows(&draw(&app, 60, 16));
    assert!(shown[15].contains("? help"), "and comes back: {shown:#?}");
}

/// The rows that hold `name`, and whether it is drawn reversed (under the cursor) there.
fn shown_at(terminal: &Terminal<TestBackend>, name: &str) -> Option<bool> {
    use ratatui::style::Modifier;
    let buffer = terminal.backend().buffer();
    let shown = rows(terminal);
    let y = shown.iter().position(|row| row.contains(name))?;
    let x = shown[y]
        .split(name)
        .next()
        .map(|before| before.chars().count())?;
    let cell = &buffer[(u16::try_from(x).unwrap(), u16::try_from(y).unwrap())];
    Some(cell.modifier.contains(Modifier::REVERSED))
}

#[test]
fn every_classroom_of_a_large_school_can_be_reached_and_seen_in_a_new_round() {
    let (_dir, mut store) = empty_store();
    let names: Vec<String> = (1..=30).map(|i| format!("Teacher {i:02}")).collect();
    for name in &names {
        common::teacher(&mut store, name, "Northgate High", "");
    }
    let mut app = App::new(store).unwrap();
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        press(&mut app, "wa<Tab><Tab>");
        for (i, name) in names.iter().enumerate() {
            let terminal = draw(&app, width, height);
            let shown = rows(&terminal).join("\n");
            assert_eq!(
                shown_at(&terminal, name),
                Some(true),
                "{width}×{height}: {name} under the cursor: {shown}"
            );
            assert!(shown.contains("(↑↓ Space: any)"), "{width}: {shown}");
            let mark = |arrow: &str| {
                shown
                    .split(arrow)
                    .skip(1)
                    .any(|after| after.starts_with(|c: char| c.is_ascii_digit()))
            };
            let (above, below) = (mark("↑ "), mark("↓ "));
            assert!(
                above == (i > 0 && !shown.contains("Teacher 01"))
                    && below == (i < 29 && !shown.contains("Teacher 30")),
                "{width}×{height}: marks say what is out of view: {shown}"
            );
            press(&mut app, "<Down>");
        }
        press(&mut app, "<Esc>y<Esc>");
    }
}

// A teacher with a wide name and a long note, through every screen that shows them.

const WIDE_NAME: &str = "Zoë Ødegård-Nakamura 中村";

/// About 2,000 characters of evidence, as a coach types them in a room: long words, a
/// link longer than any row, a line of Japanese with no spaces, several paragraphs.
fn long_note() -> String {
    let link = "https://district.example.org/coaching/walkthroughs/2026-11-20/\
                northgate-international-baccalaureate-academy/room-214?teacher=\
                zoe-odegard-nakamura&focus=partner-talk#evidence";
    let paragraphs = [
        "09:15  Warm-up on the board: \"Predict which bond is more polar and justify \
         with electronegativity-differences-between-bonded-atoms.\" Students counterintuitively \
         chose C–H over O–H until pairs talked.",
        "中村先生は「なぜそう思うの？」と三回たずね、生徒はペアで理由を説明してから全体に共有した。",
        "09:22  Think-pair-share: every pair explained their reasoning before hands went up; \
         Ødegård-Nakamura waited eight seconds after the question (timed). Interdisciplinary \
         vocabulary (electronegativity, dipole, intermolecular) used by students unprompted.",
        &format!("Slides and exit ticket: {link}"),
        "09:31  Exit ticket: 24 of 28 justified the polarity with a number; four wrote \
         \"because it is\". Conversation afterwards: regroup those four tomorrow with the \
         Pauling-scale-table-from-the-textbook-appendix.",
    ];
    let mut note = paragraphs.join("\n");
    let mut more = 1;
    while note.chars().count() < 2000 {
        note.push_str(&format!(
            "\n09:{:02}  Pair {more}: explained the dipole to a partner before sharing with the \
             class; the partner paraphrased it back in their own words.",
            35 + more
        ));
        more += 1;
    }
    note.chars().take(2000).collect()
}

/// The demo school with Zoë: a long school and subject, a focus, the long note, a
/// check-in overdue and an action open, so that she is on every screen.
fn demo_with_a_wide_name() -> (tempfile::TempDir, App) {
    use coachlog::db::Command;
    use coachlog::model::{Action, AnyRecord, CheckIn, Focus};
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    let zoe = common::teacher(
        &mut store,
        WIDE_NAME,
        "Northgate International Baccalaureate Academy",
        "Grade 11 Advanced Placement Chemistry",
    );
    store
        .apply(Command::SetFocus {
            focus: Focus {
                teacher_id: zoe.clone(),
                statement: "Students explain their reasoning to a partner before sharing".into(),
                look_fors: vec![
                    "wait time of five seconds or more".into(),
                    "every pair explains before hands go up".into(),
                ],
                started_on: day("2026-11-02"),
                ..Focus::default()
            },
            previous_outcome: None,
        })
        .expect("a focus");
    observe(&mut store, &zoe, "2026-11-20T09:15", 3, &long_note());
    common::add(
        &mut store,
        AnyRecord::CheckIn(CheckIn {
            teacher_id: zoe.clone(),
            held_on: day("2026-11-06"),
            notes: "Agreed on partner talk before any whole-class sharing.".into(),
            next_on: Some(day("2026-11-20")),
            ..CheckIn::default()
        }),
    );
    common::add(
        &mut store,
        AnyRecord::Action(Action {
            teacher_id: zoe,
            what: "Ødegård-Nakamura to try the Pauling-scale-table-from-the-textbook-appendix \
                   warm-up with period 3"
                .into(),
            owner: WIDE_NAME.into(),
            due_on: Some(day("2026-11-25")),
            ..Action::default()
        }),
    );
    (dir, App::new(store).expect("the app opens"))
}

/// The screen's rows as a person reads them: a wide character once, without the cell it
/// covers.
fn read(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut covered = 0;
            for x in 0..buffer.area.width {
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                covered = coachlog::text::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

/// Snapshots `app` at every size, and checks that wherever Zoë's name is shown it is
/// whole or visibly cut.
fn snapshot_wide(app: &mut App, name: &str) {
    for (width, height) in SIZES {
        resize(app, width, height);
        let terminal = draw(app, width, height);
        let whole: Vec<char> = WIDE_NAME.chars().collect();
        for row in read(&terminal) {
            for (at, _) in row.match_indices("Zoë") {
                let shown: Vec<char> = row[at..].chars().collect();
                let same = whole.iter().zip(&shown).take_while(|(a, b)| a == b).count();
                // The screen beneath a popup is covered, not cut: it stops at the popup's
                // cleared margin and border.
                let covered = shown.get(same) == Some(&' ')
                    && shown.get(same + 1).is_some_and(|c| "┌│└".contains(*c));
                assert!(
                    same == whole.len() || shown.get(same) == Some(&'…') || covered,
                    "{name} at {width}×{height}: the name cut without …: {row}"
                );
            }
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn a_wide_name_and_a_long_note_read_well_on_every_screen() {
    let (_dir, mut app) = demo_with_a_wide_name();
    press(&mut app, "<End>");
    snapshot_wide(&mut app, "wide_roster");
    press(&mut app, "<Enter>");
    snapshot_wide(&mut app, "wide_workspace_overview");
    press(&mut app, "3");
    snapshot_wide(&mut app, "wide_workspace_observations");
    press(&mut app, "6");
    snapshot_wide(&mut app, "wide_workspace_timeline");
    press(&mut app, "b");
    snapshot_wide(&mut app, "wide_brief");
    press(&mut app, "<End>");
    snapshot_wide(&mut app, "wide_brief_end");
    press(&mut app, "<Esc>3e");
    snapshot_wide(&mut app, "wide_form_observation");
    press(&mut app, "<Esc>");
    assert!(app.popups.is_empty(), "nothing was changed, nothing to ask");
    press(&mut app, "<Esc>g");
    snapshot_wide(&mut app, "wide_agenda");
}

/// A note longer than its field's rows says how much of it is out of view, above the
/// cursor at the end and below it at the start.
#[test]
fn a_long_note_in_a_form_says_how_much_is_out_of_view() {
    let (_dir, mut app) = demo_with_a_wide_name();
    press(&mut app, "<End><Enter>3e<Tab>");
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        let shown = rows(&draw(&app, width, height));
        let evidence = shown
            .iter()
            .position(|row| row.contains("Evidence"))
            .unwrap_or_else(|| panic!("{shown:#?}"));
        assert!(
            shown[evidence + 1].contains(" ↑ ") && shown[evidence + 1].contains(" more "),
            "{width}×{height}: {shown:#?}"
        );
        assert!(
            !shown
                .iter()
                .any(|row| row.contains(" ↓ ") && row.contains("more  ")),
            "the cursor is at the end: nothing below it: {shown:#?}"
        );
    }
    // To the very start of the note: the rest is below.
    press(&mut app, &"<Up>".repeat(80));
    press(&mut app, "<Home>");
    let shown = rows(&draw(&app, 80, 24)).join("\n");
    assert!(
        shown.contains("Evidence      09:15  Warm-up on the board"),
        "{shown}"
    );
    assert!(shown.contains(" ↓ "), "{shown}");
}

#[test]
fn a_check_ins_new_actions_line_up_who_and_when() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(
        &mut app,
        "c<C-n>Share two strong examples<Tab><C-u>teacher<Tab>fri<C-s>",
    );
    press(
        &mut app,
        "<C-n>Observe P2 again with the checklist<Tab><C-u>coach<Tab>+14d<C-s>",
    );
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        let shown = rows(&draw(&app, width, height));
        let actions: Vec<&String> = shown.iter().filter(|row| row.contains("│+ ")).collect();
        assert_eq!(actions.len(), 2, "{shown:#?}");
        let column = |row: &str, word: &str| row.find(word).map(|at| row[..at].chars().count());
        assert_eq!(
            column(actions[0], "teacher"),
            column(actions[1], "coach"),
            "{width}: {actions:#?}"
        );
        let ends: Vec<usize> = actions
            .iter()
            .map(|row| row.trim_end_matches(['│', ' ']).chars().count())
            .collect();
        assert_eq!(ends[0], ends[1], "the days end in one column: {actions:#?}");
    }
}

#[test]
fn help_says_where_its_window_is_in_the_list_of_keys() {
    let (_dir, mut app) = demo();
    press(&mut app, "?");
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        press(&mut app, "<Home>");
        let top = rows(&draw(&app, width, height)).join("\n");
        assert!(top.contains(" lines 1–"), "{top}");
        let total = top
            .split(" of ")
            .last()
            .and_then(|rest| rest.split(' ').next())
            .unwrap()
            .to_owned();
        press(&mut app, "<End>");
        let end = rows(&draw(&app, width, height)).join("\n");
        assert!(end.contains(&format!("–{total} of {total} ")), "{end}");
    }
}

/// Without colour or italics, what capture's empty line shows must not pass for typed
/// evidence: it is bracketed, as a form's placeholders are.
#[test]
fn captures_empty_line_reads_as_a_placeholder() {
    let (_dir, mut app) = demo();
    open(&mut app, "Lee");
    press(&mut app, "i");
    let shown = rows(&draw(&app, 80, 24)).join("\n");
    assert!(
        shown.contains("(what you see and hear; ⏎ stamps the line)"),
        "{shown}"
    );
}

/// Smith's Goals tab scrolled to the focuses on his goal: each look-for's rate, then each
/// tally with its bars (a visit that did not count it a `·`; fewer visits on a narrow
/// pane), one with a long name.
#[test]
fn tallies_speak_with_their_bars_on_the_goals_tab() {
    use coachlog::db::Command;
    use coachlog::model::TallyDef;
    let (_dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    let smith = store
        .teachers(false)
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Smith, Dan")
        .unwrap();
    let focus = store
        .teacher_file(&smith.meta.id)
        .unwrap()
        .unwrap()
        .active_focus()
        .unwrap()
        .clone();
    let mut edited = focus.clone();
    edited.tallies.push(TallyDef::named(
        "students who explain the target to a partner in their own words",
    ));
    store.apply(Command::revise(focus, edited)).unwrap();
    let mut app = App::new(store).expect("the app opens");
    open(&mut app, "Smith");
    key(&mut app, KeyCode::Char('2'));
    for (width, height) in SIZES {
        resize(&mut app, width, height);
        // From the top of the detail down until the active focus's tallies are in view.
        let in_view = |app: &App| rows(&draw(app, width, height)).join("\n");
        for _ in 0..120 {
            key(&mut app, KeyCode::Char('K'));
        }
        let (target, then) = match height {
            16 => ("▅·▆▆··▇", 4),
            _ => ("········█▅ redirects", 0),
        };
        for _ in 0..120 {
            if in_view(&app).contains(target) {
                break;
            }
            key(&mut app, KeyCode::Char('J'));
        }
        for _ in 0..then {
            key(&mut app, KeyCode::Char('J'));
        }
        let shown = in_view(&app);
        assert!(shown.contains("▅·▆▆··▇ students"), "{shown}");
        if height > 16 {
            assert!(shown.contains("········█▅ redirects"), "{shown}");
        }
        insta::assert_snapshot!(
            format!("demo_goals_tallies_{width}x{height}"),
            draw(&app, width, height).backend()
        );
    }
}

#[test]
fn a_new_persons_groups_field_names_the_groups_in_use() {
    let (_dir, mut app) = demo();
    key(&mut app, KeyCode::Char('a'));
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    let shown = rows(&draw(&app, 100, 30)).join("\n");
    assert!(shown.contains("in use: blended-pilot"), "{shown}");
    // What is typed replaces it, and is kept as typed.
    keys(&mut app, "blended-pilot");
    let shown = rows(&draw(&app, 100, 30)).join("\n");
    assert!(!shown.contains("in use:"), "{shown}");
}
