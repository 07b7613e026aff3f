//! The brief's rules on a small hand-made file: two focuses, a goal where lower is
//! better, actions kept, late and open, and hostile text in every field a user types.

use super::*;
use crate::model::*;
use chrono::{NaiveDate, NaiveDateTime};

const HOSTILE: &str = "<script>alert(1)</script> \"quotes\" & ampersands 'single' | pipe \x1b[2J";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> LocalTime {
    LocalTime::utc_wall(NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap())
}

fn meta(id: &str) -> Meta {
    Meta {
        id: id.into(),
        ..Meta::default()
    }
}

fn options() -> Options {
    Options::new(day("2026-11-23"))
}

fn observation(id: &str, when: &str, focus: &str, rating: u8, evidence: &str) -> Observation {
    let practice_mark = (id == "O2").then_some(PracticeMark::Partly);
    Observation {
        meta: meta(id),
        teacher_id: "T".into(),
        focus_id: Some(focus.into()),
        observed_at: at(when),
        evidence: evidence.into(),
        rating: Rating::new(rating),
        practice_mark,
        ..Observation::default()
    }
}

fn action(id: &str, what: &str, due: Option<&str>, done: Option<&str>) -> Action {
    Action {
        meta: meta(id),
        teacher_id: "T".into(),
        what: what.into(),
        owner: "coach".into(),
        due_on: due.map(day),
        done_on: done.map(day),
        ..Action::default()
    }
}

/// Lists in the store's order: focuses, observations and check-ins newest first.
fn file() -> TeacherFile {
    TeacherFile {
        teacher: Teacher {
            meta: meta("T"),
            name: "Lee, Min".into(),
            school: "Eastside Middle".into(),
            subject: "Grade 6 Math".into(),
            cadence_days: 7,
            active_focus_id: Some("F2".into()),
            ..Teacher::default()
        },
        goals: vec![
            Goal {
                meta: meta("G1"),
                teacher_id: "T".into(),
                statement: "Fewer redirects in the first 10 minutes".into(),
                unit: " redirects".into(),
                baseline: Some(12.0),
                target: Some(4.0),
                target_on: Some(day("2026-11-01")),
                ..Goal::default()
            },
            Goal {
                meta: meta("G2"),
                teacher_id: "T".into(),
                statement: "Exit tickets at 80%".into(),
                unit: "%".into(),
                baseline: Some(50.0),
                target: Some(80.0),
                target_on: Some(day("2026-10-01")),
                status: GoalStatus::Met,
                ..Goal::default()
            },
        ],
        measures: vec![
            Measure {
                meta: meta("M1"),
                goal_id: "G1".into(),
                measured_on: day("2026-09-03"),
                value: 12.0,
                ..Measure::default()
            },
            Measure {
                meta: meta("M2"),
                goal_id: "G1".into(),
                measured_on: day("2026-11-10"),
                value: 6.5,
                ..Measure::default()
            },
        ],
        focuses: vec![
            Focus {
                meta: meta("F2"),
                teacher_id: "T".into(),
                statement: "Exit tickets drive regrouping".into(),
                started_on: day("2026-10-15"),
                ..Focus::default()
            },
            Focus {
                meta: meta("F1"),
                teacher_id: "T".into(),
                statement: "Routines for the first five minutes".into(),
                started_on: day("2026-09-01"),
                ended_on: Some(day("2026-10-15")),
                outcome: Some(Outcome::Replaced),
                ..Focus::default()
            },
        ],
        observations: vec![
            observation("O4", "2026-11-18T09:00", "F2", 3, "Regrouped by ticket."),
            observation(
                "O3",
                "2026-10-20T09:00",
                "F2",
                2,
                "Tickets sorted, not used.",
            ),
            observation("O2", "2026-10-01T09:00", "F1", 3, "Routine posted."),
            observation("O1", "2026-09-10T09:00", "F1", 1, "No routine yet."),
        ],
        all_observations: true,
        supports: Vec::new(),
        zone: crate::model::Zone::Utc,
        check_ins: vec![CheckIn {
            meta: meta("C1"),
            teacher_id: "T".into(),
            held_on: day("2026-11-12"),
            notes: "Agreed to regroup on Fridays.".into(),
            next_on: Some(day("2026-11-19")),
            ..CheckIn::default()
        }],
        actions: vec![
            action("A1", "Sort tickets", Some("2026-11-20"), None),
            action("A2", "Plan Friday groups", Some("2026-11-30"), None),
            action("A3", "Post routine", Some("2026-09-20"), Some("2026-09-18")),
            action("A4", "Share data", Some("2026-10-10"), Some("2026-10-14")),
            action("A5", "Read chapter", None, Some("2026-11-02")),
        ],
    }
}

/// The same file with `HOSTILE` in every field a person types.
fn hostile_file() -> TeacherFile {
    let mut file = file();
    let h = || HOSTILE.to_string();
    file.teacher.name = h();
    file.teacher.school = h();
    file.teacher.subject = h();
    for goal in &mut file.goals {
        (goal.statement, goal.why, goal.measure, goal.unit) = (h(), h(), h(), h());
    }
    for measure in &mut file.measures {
        measure.note = h();
    }
    for focus in &mut file.focuses {
        focus.statement = h();
        focus.look_fors = vec![h(), h()];
    }
    for observation in &mut file.observations {
        (observation.evidence, observation.class_period) = (h(), h());
    }
    for check_in in &mut file.check_ins {
        (check_in.notes, check_in.reflection) = (h(), h());
    }
    for action in &mut file.actions {
        (action.what, action.owner) = (h(), h());
    }
    file
}

#[test]
fn the_ledger_counts_actions_kept_late_and_open() {
    let markdown = markdown(&file(), &options());
    assert!(
        markdown.contains("## Actions: 2 kept on time · 1 late · 2 open (1 overdue)\n"),
        "{markdown}"
    );
    assert!(markdown.contains("- [ ] Sort tickets · coach · due 20 Nov 2026, overdue 3d !"));
    assert!(
        markdown.contains("- [x] Share data · coach · done 14 Oct 2026, 4d late (due 10 Oct 2026)")
    );
    assert!(markdown.contains("- [x] Read chapter · coach · done 2 Nov 2026 on time"));
}

#[test]
fn goals_flag_a_passed_target_date_whichever_way_they_point() {
    let markdown = markdown(&file(), &options());
    assert!(
        markdown.contains(
            "| Fewer redirects in the first 10 minutes | 12 redirects | 6.5 redirects (10 Nov 2026) \
             | 4 redirects | 1 Nov 2026 | active, target date passed ! |"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("| Exit tickets at 80% | 50% | — | 80% | 1 Oct 2026 | met |"));

    let mut reached = file();
    reached.measures[1].value = 3.0;
    let markdown = super::markdown(&reached, &options());
    assert!(
        markdown.contains("| active, target reached ✔ |"),
        "{markdown}"
    );
}

#[test]
fn focus_history_is_numbered_oldest_first_with_ratings_on_each() {
    let markdown = markdown(&file(), &options());
    assert!(
        markdown.contains(
            "1. Routines for the first five minutes: 1 Sep 2026 to 15 Oct 2026, replaced; ratings 1 → 3\n\
             2. Exit tickets drive regrouping: 15 Oct 2026 to now; ratings 2 → 3 (active)\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 10 Sep 2026 | 1 not yet | 1. Routines for the first five minutes |")
    );
    assert!(markdown.contains("coached since 1 Sep 2026 · check-ins every 7 days"));
    assert!(
        markdown.contains(
            "- **1 Oct 2026 09:00** · 3 developing · walkthrough: partly · Routine posted."
        )
    );
    assert!(markdown.contains("## Next check-in: Thu 19 Nov 2026 (overdue 4d !)"));
}

#[test]
fn since_keeps_open_actions_and_whole_goals_but_drops_older_visits() {
    let options = Options {
        since: Some(day("2026-10-15")),
        ..options()
    };
    let brief = Brief::new(&file(), &options).actions.summary();
    assert_eq!(brief, "1 kept on time · 0 late · 2 open (1 overdue)");
    let markdown = markdown(&file(), &options);
    assert!(!markdown.contains("No routine yet."));
    assert!(markdown.contains("1. Routines for the first five minutes: 1 Sep 2026 to 15 Oct 2026, replaced; no ratings yet"));
    assert!(markdown.contains("| Fewer redirects in the first 10 minutes | 12 redirects |"));
}

#[test]
fn the_chart_draws_one_series_per_focus_and_marks_where_each_began() {
    let html = html(&file(), &options());
    assert_eq!(
        html.matches("<polyline").count(),
        2,
        "two focuses, two lines"
    );
    for colour in ["stroke=\"#0072b2\"", "stroke=\"#d55e00\""] {
        assert!(html.contains(colour), "{colour}");
    }
    assert!(html.contains(">focus 1 · 1 Sep</text>"));
    assert!(html.contains(">focus 2 · 15 Oct</text>"));
    for label in ["1 not yet", "2 beginning", "3 developing", "4 consistent"] {
        assert!(html.contains(&format!(">{label}</text>")), "{label}");
    }
}

#[test]
fn html_escapes_every_piece_of_user_text_and_loads_nothing() {
    let html = html(&hostile_file(), &options());
    assert!(!html.contains("<script"), "a note became a script");
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("'single'") && !html.contains("\"quotes\""));
    assert!(!html.contains('\x1b'));
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; ampersands &#39;single&#39; | pipe \u{fffd}[2J"
    ));
    assert!(html.contains("<title>&lt;script&gt;"));
    // The one place text meets an attribute value: none of it may close the quote.
    assert!(!html.contains("=\"<") && !html.contains("=\"&lt;"));
}

#[test]
fn markdown_escapes_html_links_and_images_in_every_field() {
    const LINKS: &str =
        "<script>alert(1)</script> [x](javascript:alert(1)) ![x](http://tracker.example/p.png) a\\";
    let mut file = hostile_file();
    file.teacher.name = LINKS.into();
    file.teacher.school = LINKS.into();
    for observation in &mut file.observations {
        observation.evidence = LINKS.into();
    }
    for action in &mut file.actions {
        action.what = LINKS.into();
    }
    file.goals[0].statement = LINKS.into();
    let markdown = markdown(&file, &options());
    assert!(
        markdown.contains(
            "\\<script>alert(1)\\</script> \\[x\\](javascript:alert(1)) \
             !\\[x\\](http://tracker.example/p.png) a\\\\"
        ),
        "{markdown}"
    );
    // Nothing is left that a renderer reads as a tag, a link or an image: every `<`, `[`
    // and `]` is escaped but the brief's own action checkboxes.
    let rest = markdown
        .replace("\\\\", "")
        .replace("\\<", "")
        .replace("\\[", "")
        .replace("\\]", "")
        .replace("- [ ] ", "")
        .replace("- [x] ", "");
    assert!(!rest.contains(['<', '[', ']']), "{rest}");
}

#[test]
fn markdown_keeps_table_rows_whole_and_control_characters_out() {
    let mut file = hostile_file();
    file.goals[0].statement = "# Not a heading | nor a column".into();
    let markdown = markdown(&file, &options());
    assert!(!markdown.contains('\x1b'));
    assert!(
        markdown.contains("| \\# Not a heading \\| nor a column |"),
        "{markdown}"
    );
    let unescaped_pipes = |row: &str| {
        let bytes = row.as_bytes();
        (0..bytes.len())
            .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
            .count()
    };
    let mut section = "";
    let mut rows = 0;
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading;
        } else if line.starts_with('|') {
            let columns = if section == "Goals" { 6 } else { 3 };
            assert_eq!(unescaped_pipes(line), columns + 1, "{line}");
            rows += 1;
        }
    }
    assert_eq!(
        rows,
        4 + 6,
        "goals: header, rule, 2 rows; ratings: header, rule, 4 rows"
    );
    let headings = markdown.lines().filter(|l| l.starts_with('#'));
    assert_eq!(headings.count(), 8, "only the brief's own headings");
}

#[test]
fn a_brief_of_a_partly_read_file_says_so() {
    let mut partial = file();
    partial.all_observations = false;
    assert!(
        markdown(&partial, &options()).contains("**Only the latest 4 observations** were read")
    );
    assert!(html(&partial, &options()).contains("Only the latest 4 observations were read"));
    assert!(!markdown(&file(), &options()).contains("Only the latest"));
}

#[test]
fn records_on_the_same_day_keep_their_order_whatever_their_ids() {
    let mut tied = file();
    tied.goals[1].status = GoalStatus::Active;
    tied.goals[1].target_on = tied.goals[0].target_on;
    tied.observations[3].observed_at = tied.observations[2].observed_at;
    let mut renamed = tied.clone();
    renamed.goals.reverse();
    renamed.observations.reverse();
    // The goals swap ids, and the measures follow their goal.
    let swap = |id: &mut String| *id = if id == "G1" { "G2" } else { "G1" }.to_string();
    renamed.goals.iter_mut().for_each(|g| swap(&mut g.meta.id));
    renamed
        .measures
        .iter_mut()
        .for_each(|m| swap(&mut m.goal_id));
    for (place, observation) in renamed.observations.iter_mut().enumerate() {
        observation.meta.id = format!("{}", 9 - place);
    }
    assert_eq!(markdown(&tied, &options()), markdown(&renamed, &options()));
    assert_eq!(html(&tied, &options()), html(&renamed, &options()));
}

#[test]
fn json_is_reproducible_and_carries_whole_records() {
    let first = json(&file(), &options());
    assert_eq!(first, json(&file(), &options()));
    let record: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(record["format"], JSON_FORMAT);
    assert_eq!(record["version"], JSON_VERSION);
    assert_eq!(record["exported_at"], "2026-11-23");
    assert_eq!(record["teacher"]["name"], "Lee, Min");
    assert_eq!(record["observations"][0]["id"], "O1", "oldest first");
    assert_eq!(record["focuses"][0]["outcome"], "replaced");
    assert_eq!(record["actions"].as_array().unwrap().len(), 5);
}
