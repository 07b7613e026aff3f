//! Exports as a principal takes them into a conference: the brief in Markdown and HTML,
//! the whole record in JSON, compared byte for byte with reviewed golden files.
//!
//! After a deliberate change, regenerate with `UPDATE_GOLDEN=1 cargo test --test export`
//! and review the diff.

mod common;

use coachlog::db::{Command, Store};
use coachlog::export::{self, Options};
use coachlog::model::*;
use common::{caseload, day, golden, moment};
use std::collections::HashMap;

/// Record ids are random and the author is the login name: give them fixed stand-ins,
/// numbered in an order that depends on the records' content alone, so golden files do
/// too.
fn stable(mut file: TeacherFile) -> TeacherFile {
    fn in_order<T, K: Ord>(records: &[T], key: impl Fn(&T) -> K) -> Vec<&T> {
        let mut sorted: Vec<&T> = records.iter().collect();
        sorted.sort_by_key(|record| key(record));
        sorted
    }
    let mut names: HashMap<String, String> = HashMap::new();
    let mut name = |kind: &str, meta: &Meta| {
        let next = format!("{kind}-{}", names.len() + 1);
        names.entry(meta.id.clone()).or_insert(next);
    };
    name("teacher", &file.teacher.meta);
    for goal in in_order(&file.goals, |g| (g.target_on, g.statement.clone())) {
        name("goal", &goal.meta);
    }
    for measure in in_order(&file.measures, |m| (m.measured_on, m.note.clone())) {
        name("measure", &measure.meta);
    }
    for focus in in_order(&file.focuses, |f| (f.started_on, f.statement.clone())) {
        name("focus", &focus.meta);
    }
    for observation in in_order(&file.observations, |o| (o.observed_at, o.evidence.clone())) {
        name("observation", &observation.meta);
    }
    for check_in in in_order(&file.check_ins, |c| (c.held_on, c.notes.clone())) {
        name("check-in", &check_in.meta);
    }
    for action in in_order(&file.actions, |a| (a.due_on, a.done_on, a.what.clone())) {
        name("action", &action.meta);
    }
    for support in in_order(&file.supports, |s| (s.given_on, s.note.clone())) {
        name("support", &support.meta);
    }
    let id = |old: &str| names.get(old).cloned().unwrap_or_else(|| "missing".into());
    let link = |old: &Option<String>| old.as_deref().map(id);
    let meta = |meta: &mut Meta| {
        meta.id = id(&meta.id);
        meta.author = "coach".into();
        meta.replica_id = "replica".into();
    };
    meta(&mut file.teacher.meta);
    file.teacher.active_focus_id = link(&file.teacher.active_focus_id);
    for goal in &mut file.goals {
        meta(&mut goal.meta);
        goal.teacher_id = id(&goal.teacher_id);
    }
    for measure in &mut file.measures {
        meta(&mut measure.meta);
        measure.goal_id = id(&measure.goal_id);
    }
    for focus in &mut file.focuses {
        meta(&mut focus.meta);
        focus.teacher_id = id(&focus.teacher_id);
        focus.goal_id = link(&focus.goal_id);
    }
    for observation in &mut file.observations {
        meta(&mut observation.meta);
        observation.teacher_id = id(&observation.teacher_id);
        observation.focus_id = link(&observation.focus_id);
    }
    for check_in in &mut file.check_ins {
        meta(&mut check_in.meta);
        check_in.teacher_id = id(&check_in.teacher_id);
    }
    for action in &mut file.actions {
        meta(&mut action.meta);
        action.teacher_id = id(&action.teacher_id);
        action.check_in_id = link(&action.check_in_id);
    }
    for support in &mut file.supports {
        meta(&mut support.meta);
        support.teacher_id = id(&support.teacher_id);
        support.focus_id = link(&support.focus_id);
    }
    file
}

fn today() -> chrono::NaiveDate {
    day("2026-11-23")
}

fn smith(store: &Store, id: &str) -> TeacherFile {
    stable(store.teacher_file(id).unwrap().unwrap())
}

#[test]
fn smiths_brief_and_record_match_the_golden_files() {
    let (_dir, store, smith_id) = caseload();
    let file = smith(&store, &smith_id);
    let options = Options::new(today());
    golden("smith.md", &export::markdown(&file, &options));
    golden("smith.html", &export::html(&file, &options));
    golden("smith.json", &export::json(&file, &options));
}

/// The demo school's Smith, loaded with the clock every test lives in.
#[test]
fn the_demo_schools_smith_matches_the_golden_files() {
    let (_dir, mut store) = common::empty_store();
    coachlog::demo::load(&mut store, today()).unwrap();
    let coachlog::db::NameMatch::One(teacher) = store.match_teacher("Smith, Dan", false).unwrap()
    else {
        panic!("the demo has one Smith, Dan");
    };
    let mut file = store.teacher_file(&teacher.meta.id).unwrap().unwrap();
    store.load_all_observations(&mut file).unwrap();
    let file = stable(file);
    let options = Options::new(today());
    golden("demo-smith.md", &export::markdown(&file, &options));
    golden("demo-smith.html", &export::html(&file, &options));
    golden("demo-smith.json", &export::json(&file, &options));

    // The supports tried are marked on the ratings chart, each named on its day, and read
    // in the brief with what the ratings did after.
    let html = export::html(&file, &options);
    let chart = &html[html.find("<svg class=\"chart\"").unwrap()..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    for title in [
        "18 Sep 2026: co-planning",
        "28 Sep 2026: feedback conference",
        "5 Oct 2026: peer visit",
        "20 Oct 2026: co-planning",
        "5 Nov 2026: modelling",
    ] {
        assert!(
            chart.contains(&format!("<title>{title}</title>")),
            "{title}"
        );
    }
    let markdown = export::markdown(&file, &options);
    assert!(
        markdown.contains(
            "- **20 Oct 2026** · co-planning · by coach · 40 min · Narrowed to one target"
        )
    );
    assert!(markdown.contains("after: 2, 2, 2, 2, 3, 2, 3, 3 (mean 2.4): up"));

    // The demo's private conference stays out unless asked for.
    let private = "improvement-plan paperwork was drafted";
    assert!(!export::html(&file, &options).contains(private));
    let options = Options {
        include_private: true,
        ..options
    };
    assert!(export::markdown(&file, &options).contains(private));
}

/// A private observation and a private check-in added to Smith's file, with words found
/// nowhere else.
fn with_private_notes() -> (tempfile::TempDir, TeacherFile) {
    let (dir, mut store, smith_id) = caseload();
    common::add(
        &mut store,
        AnyRecord::Observation(Observation {
            teacher_id: smith_id.clone(),
            observed_at: moment("2026-11-21T09:15"),
            rating: Rating::new(2),
            evidence: "Seemed exhausted; mentioned a family illness.".into(),
            private: true,
            ..Observation::default()
        }),
    );
    store
        .apply(Command::HoldCheckIn {
            check_in: CheckIn {
                teacher_id: smith_id.clone(),
                held_on: day("2026-11-22"),
                notes: "Talked about leave options.".into(),
                reflection: "I need a lighter duty rota.".into(),
                next_on: Some(day("2026-12-07")),
                private: true,
                ..CheckIn::default()
            },
            done: vec![],
            carried: vec![],
            new_actions: vec![Action {
                what: "Ask HR about the rota".into(),
                owner: "principal".into(),
                due_on: Some(day("2026-11-30")),
                ..Action::default()
            }],
            measures: vec![],
        })
        .unwrap();
    let file = store.teacher_file(&smith_id).unwrap().unwrap();
    (dir, file)
}

const PRIVATE_WORDS: [&str; 3] = ["family illness", "leave options", "lighter duty rota"];

#[test]
fn private_notes_stay_out_of_every_format_unless_asked_for() {
    let (_dir, file) = with_private_notes();
    let mut options = Options::new(today());
    for (format, text) in [
        ("md", export::markdown(&file, &options)),
        ("html", export::html(&file, &options)),
        ("json", export::json(&file, &options)),
    ] {
        for words in PRIVATE_WORDS {
            assert!(!text.contains(words), "{format} shows {words:?}");
        }
        assert!(!text.contains("private\": true"), "{format}");
        assert!(!text.contains("(private)"), "{format}");
    }
    // Nothing derived from them either: the next check-in is the one agreed in the open.
    assert!(export::markdown(&file, &options).contains("## Next check-in: Thu 26 Nov 2026"));

    options.include_private = true;
    let markdown = export::markdown(&file, &options);
    let html = export::html(&file, &options);
    let json = export::json(&file, &options);
    for (format, text) in [("md", &markdown), ("html", &html), ("json", &json)] {
        for words in PRIVATE_WORDS {
            assert!(text.contains(words), "{format} lacks {words:?}");
        }
    }
    assert!(
        markdown.contains("- **21 Nov 2026 09:15 (private)** · 2 beginning · Seemed exhausted")
    );
    assert!(
        markdown.contains("- **22 Nov 2026 (private)** · coaching · Talked about leave options.")
    );
    assert!(markdown.contains("**Includes private notes**"));
    assert!(markdown.contains("## Next check-in: Mon 7 Dec 2026"));
    assert!(html.contains("<strong>22 Nov 2026</strong> <span class=\"private\">(private)</span>"));
    assert_eq!(json.matches("\"private\": true").count(), 2);
}

#[test]
fn since_limits_the_visits_and_conversations_but_not_goals_or_focus_history() {
    let (_dir, store, smith_id) = caseload();
    let file = smith(&store, &smith_id);
    let options = Options {
        since: Some(day("2026-11-01")),
        ..Options::new(today())
    };
    let markdown = export::markdown(&file, &options);
    assert!(markdown.contains("**Since 1 Nov 2026:**"), "{markdown}");
    assert!(markdown.contains("Students explained the target"));
    assert!(!markdown.contains("Warm-up not posted"), "an October visit");
    assert!(!markdown.contains("9/28 on task"), "a September measure");
    assert!(
        markdown.contains("| Students on task in the first 10 minutes | 32% | 86% (20 Nov 2026)")
    );
    assert!(markdown.contains(
        "1. Warm-up connects to the day's learning target: 12 Oct 2026 to now; rating 3 (active)"
    ));
    // Coached since the first record of all.
    assert!(markdown.contains("coached since 10 Sep 2026"));

    let json = export::json(&file, &options);
    let record: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(record["since"], "2026-11-01");
    assert_eq!(record["observations"].as_array().unwrap().len(), 1);
    assert_eq!(record["measures"].as_array().unwrap().len(), 1);
    assert_eq!(record["focuses"].as_array().unwrap().len(), 1);
}

#[test]
fn the_json_record_says_what_it_is_and_every_link_resolves_inside_it() {
    let (_dir, file) = with_private_notes();
    let options = Options::new(today());
    let record: serde_json::Value = serde_json::from_str(&export::json(&file, &options)).unwrap();
    assert_eq!(record["format"], "coachlog-teacher");
    assert_eq!(record["version"], 1);
    assert_eq!(record["exported_at"], "2026-11-23");
    assert_eq!(record["include_private"], false);
    let ids = |kind: &str| -> Vec<String> {
        record[kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let check_ins = ids("check_ins");
    assert_eq!(check_ins.len(), 1, "the private check-in is left out");
    let actions = record["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 3, "its action is still owed");
    for action in actions {
        if let Some(link) = action["check_in_id"].as_str() {
            assert!(check_ins.iter().any(|id| id == link), "{action}");
        }
    }
    let hr = actions
        .iter()
        .find(|a| a["what"] == "Ask HR about the rota")
        .unwrap();
    assert!(hr["check_in_id"].is_null());
}
