//! Full-text search as a coach uses it: any note found by the words in it, as it is now,
//! never from the trash, grouped by teacher, and whatever is typed never an error.

mod common;

use coachlog::db::{Command, SCHEMA_VERSION, Store};
use coachlog::model::*;
use common::{add, caseload, clock, day, empty_store, observe, teacher};

fn found(store: &Store, typed: &str) -> Vec<Hit> {
    store
        .search(typed, 50)
        .unwrap_or_else(|e| panic!("{typed:?}: {e}"))
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.record_id.as_str()).collect()
}

fn observation_with(store: &Store, teacher_id: &str, words: &str) -> Observation {
    store
        .observations(teacher_id)
        .unwrap()
        .into_iter()
        .find(|o| o.evidence.contains(words))
        .expect("the observation")
}

#[test]
fn an_edited_note_is_found_by_its_new_words_not_its_old_ones() {
    let (_dir, mut store, smith) = caseload();
    let mut warm_up = observation_with(&store, &smith, "posted before the bell");
    assert!(ids(&found(&store, "bell")).contains(&warm_up.meta.id.as_str()));
    warm_up.evidence = "Agenda on the whiteboard; timer started at the door.".into();
    store
        .apply(Command::Edit(AnyRecord::Observation(warm_up.clone())))
        .unwrap();
    let hits = found(&store, "whiteboard timer");
    assert_eq!(ids(&hits), [warm_up.meta.id.as_str()]);
    assert_eq!(hits[0].kind, Kind::Observation);
    assert_eq!(hits[0].teacher_name, "Smith, Dan");
    assert_eq!(hits[0].date, day("2026-10-28"));
    assert!(
        hits[0].excerpt.contains("«whiteboard»") && hits[0].excerpt.contains("«timer»"),
        "{}",
        hits[0].excerpt
    );
    assert!(!ids(&found(&store, "bell")).contains(&warm_up.meta.id.as_str()));
}

#[test]
fn the_trash_is_never_searched_and_a_restore_brings_the_note_back() {
    let (_dir, mut store, smith) = caseload();
    let partner = observation_with(&store, &smith, "to a partner");
    let id = partner.meta.id.clone();
    assert_eq!(ids(&found(&store, "partner")), [id.as_str()]);
    let delete = Command::Delete {
        kind: Kind::Observation,
        id: id.clone(),
    };
    store.apply(delete).unwrap();
    assert!(found(&store, "partner").is_empty());
    store
        .apply(Command::Restore {
            kind: Kind::Observation,
            id: id.clone(),
        })
        .unwrap();
    assert_eq!(ids(&found(&store, "partner")), [id.as_str()]);

    // A trashed teacher's notes go with them, and come back with them.
    store
        .apply(Command::Delete {
            kind: Kind::Teacher,
            id: smith.clone(),
        })
        .unwrap();
    assert!(found(&store, "partner").is_empty());
    assert!(found(&store, "warm").is_empty());
    store
        .apply(Command::Restore {
            kind: Kind::Teacher,
            id: smith,
        })
        .unwrap();
    assert_eq!(ids(&found(&store, "partner")), [id.as_str()]);
}

#[test]
fn a_measure_is_found_with_its_goal_and_not_once_the_goal_is_trashed() {
    let (_dir, mut store, smith) = caseload();
    let hits = found(&store, "24/28");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        (hits[0].kind, hits[0].date, hits[0].teacher_id.as_str()),
        (Kind::Measure, day("2026-11-20"), smith.as_str())
    );
    let goal = store.goals(&smith).unwrap().remove(0);
    store
        .apply(Command::Delete {
            kind: Kind::Goal,
            id: goal.meta.id,
        })
        .unwrap();
    assert!(found(&store, "24/28").is_empty());
}

#[test]
fn a_typed_prefix_finds_the_whole_word_and_accents_do_not_matter() {
    let (_dir, mut store, smith) = caseload();
    let hits = found(&store, "explai");
    let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
    for kind in [Kind::Observation, Kind::CheckIn, Kind::Focus] {
        assert!(kinds.contains(&kind), "{kind} in {hits:?}");
    }
    let observation = hits.iter().find(|h| h.kind == Kind::Observation).unwrap();
    assert!(
        observation.excerpt.contains("«explained»"),
        "{}",
        observation.excerpt
    );
    observe(
        &mut store,
        &smith,
        "2026-11-21T09:00",
        3,
        "Élodie read her résumé aloud.",
    );
    assert_eq!(found(&store, "elodie resume").len(), 1);
    assert_eq!(found(&store, "ÉLODIE RÉSUMÉ").len(), 1);
    // Every word must be in the note.
    assert!(found(&store, "explai resume").is_empty());
}

#[test]
fn whatever_is_typed_is_never_an_error() {
    let (_dir, store, _) = caseload();
    for typed in [
        "\"",
        "\"\"",
        "*",
        "warm*",
        "AND",
        "warm AND",
        "OR NOT",
        "(",
        "warm)",
        "NEAR(warm up)",
        "NEAR",
        "body:warm",
        "kind:observation",
        "^warm",
        "-warm",
        "+",
        "'; DROP TABLE teacher; --",
        "日本語",
        "😀 warm",
        "e\u{301}",
        "\u{0}",
        "\x1b[2J",
        "",
        "   ",
    ] {
        found(&store, typed);
    }
    assert!(found(&store, "").is_empty());
    assert!(found(&store, "* ( \"").is_empty());
    // Operators are words to find like any other.
    assert!(!found(&store, "warm bell").is_empty());
    assert!(found(&store, "warm OR bell").is_empty(), "no note says or");
    assert!(
        found(&store, "warm NOT bell").is_empty(),
        "no note says not"
    );
}

#[test]
fn hits_are_grouped_by_teacher_in_the_order_of_each_ones_best() {
    let (_dir, mut store) = empty_store();
    let lee = teacher(&mut store, "Lee, Min", "", "");
    let park = teacher(&mut store, "Park, Eve", "", "");
    // Ranked alone, the hits would alternate: Park, Lee, Park, Lee.
    observe(
        &mut store,
        &park,
        "2026-11-03T09:00",
        2,
        "Exit tickets, exit tickets.",
    );
    observe(
        &mut store,
        &lee,
        "2026-11-02T09:00",
        2,
        "Exit tickets collected.",
    );
    observe(
        &mut store,
        &lee,
        "2026-11-04T09:00",
        2,
        "Long lesson on fractions; exit tickets reviewed at the end by the whole class together.",
    );
    add(
        &mut store,
        AnyRecord::Action(Action {
            teacher_id: park.clone(),
            what: "Regroup by exit ticket results before the lesson starts on Monday morning"
                .into(),
            owner: "teacher".into(),
            ..Action::default()
        }),
    );
    let hits = found(&store, "exit ticket");
    let teachers: Vec<&str> = hits.iter().map(|h| h.teacher_name.as_str()).collect();
    assert_eq!(teachers, ["Park, Eve", "Park, Eve", "Lee, Min", "Lee, Min"]);
    assert_eq!(hits[0].kind, Kind::Observation, "Park's best hit first");
    assert_eq!(found(&store, "exit ticket").len(), 4, "the same every time");
    assert_eq!(store.search("exit ticket", 1).unwrap().len(), 1);
}

#[test]
fn archived_teachers_notes_are_found_and_marked_and_private_notes_are_marked() {
    let (_dir, mut store) = empty_store();
    let lee = teacher(&mut store, "Lee, Min", "", "");
    add(
        &mut store,
        AnyRecord::CheckIn(CheckIn {
            teacher_id: lee.clone(),
            held_on: day("2026-11-10"),
            notes: "Talked about her workload.".into(),
            reflection: "Feels stretched thin.".into(),
            private: true,
            ..CheckIn::default()
        }),
    );
    let mut teacher = store.get::<Teacher>(&lee).unwrap().unwrap();
    teacher.archived = true;
    store
        .apply(Command::Edit(AnyRecord::Teacher(teacher)))
        .unwrap();
    let hits = found(&store, "stretched");
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert!(hit.teacher_archived && hit.private, "{hit:?}");
    assert_eq!((hit.kind, hit.date), (Kind::CheckIn, day("2026-11-10")));
}

#[test]
fn every_kind_of_note_is_searchable() {
    let (_dir, store, _) = caseload();
    for (typed, kind) in [
        ("pace", Kind::Goal),                    // why
        ("minute", Kind::Goal),                  // measure
        ("on task", Kind::Measure),              // note (also a goal statement)
        ("names target", Kind::Focus),           // look-for
        ("connects", Kind::Focus),               // statement
        ("Kelly stays", Kind::CheckIn),          // reflection
        ("exit-ticket data", Kind::Action),      // what
        ("6 of 28 off task", Kind::Observation), // evidence
    ] {
        let hits = found(&store, typed);
        assert!(hits.iter().any(|h| h.kind == kind), "{typed}: {hits:?}");
    }
    let action = found(&store, "exit-ticket data");
    assert_eq!(action[0].date, day("2026-11-21"), "an action's due date");
}

/// A file written by the first coachlog: the original schema and records in it, before
/// there was a search index.
#[test]
fn notes_written_before_search_existed_are_found_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coachlog.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        rusqlite_migration::Migrations::new(vec![rusqlite_migration::M::up(include_str!(
            "../src/db/migrations/001_initial.sql"
        ))])
        .to_latest(&mut conn)
        .unwrap();
        conn.execute_batch(
            "INSERT INTO teacher (id, name, created_at, updated_at, author, replica_id)
             VALUES ('T1', 'Smith, Dan', 's', 's', 'a', 'r'),
                    ('T2', 'Gone, Ann', 's', 's', 'a', 'r');
             UPDATE teacher SET deleted_at = 's' WHERE id = 'T2';
             INSERT INTO focus (id, teacher_id, statement, look_fors, started_on, created_at, updated_at, author, replica_id)
             VALUES ('F1', 'T1', 'Warm-up connects', '[\"students explain\"]', '2026-10-12', 's', 's', 'a', 'r');
             INSERT INTO observation (id, teacher_id, observed_at, class_period, evidence, created_at, updated_at, author, replica_id)
             VALUES ('O1', 'T1', '2026-11-20T10:36', 'P3', 'Students explained the target.', 's', 's', 'a', 'r'),
                    ('O2', 'T1', '2026-11-21T10:36', '', 'Explained again, then trashed.', 's', 's', 'a', 'r'),
                    ('O3', 'T2', '2026-11-21T10:36', '', 'Explained by a trashed teacher.', 's', 's', 'a', 'r');
             UPDATE observation SET deleted_at = 's' WHERE id = 'O2';",
        )
        .unwrap();
        assert_eq!(
            conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
                .unwrap(),
            1
        );
    }
    let store = Store::open(&path, clock()).unwrap();
    let hits = found(&store, "explai");
    let mut found_ids = ids(&hits);
    found_ids.sort();
    assert_eq!(found_ids, ["F1", "O1"], "{hits:?}");
    let observation = hits.iter().find(|h| h.record_id == "O1").unwrap();
    assert_eq!(observation.date, day("2026-11-20"));
    assert_eq!(ids(&found(&store, "p3")), ["O1"], "the class period too");
    let version: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let backed_up = std::fs::read_dir(dir.path())
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().contains(".v1-"));
    assert!(backed_up, "a copy of the schema-1 file was kept");
    assert!(store.check().unwrap().is_empty(), "the index checks out");
}

#[test]
fn keeping_the_index_in_step_looks_records_up_by_key_never_by_scanning() {
    let (dir, store) = empty_store();
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("coachlog.db")).unwrap();
    for kind in [
        "goal",
        "measure",
        "focus",
        "observation",
        "check_in",
        "action",
    ] {
        let plan: Vec<String> = conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT kind, record_id, teacher_id, body \
                 FROM local_search_source WHERE record_id = ?1 AND kind = ?2",
            )
            .unwrap()
            .query_map(("x", kind), |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for step in &plan {
            assert!(
                !step.starts_with("SCAN")
                    || step.contains("json_each")
                    || step.contains("local_search_source"),
                "{kind}: {plan:?}"
            );
        }
    }
}

#[test]
fn a_hit_shows_the_day_its_note_was_written_where_the_coach_is() {
    // 20:00 on 23 November in New York: already the 24th in UTC.
    let (_dir, mut store) = common::store_in_new_york("2026-11-23T20:00");
    let smith = teacher(&mut store, "Smith, Dan", "Eastside Middle", "Science");
    add(
        &mut store,
        AnyRecord::Goal(Goal {
            teacher_id: smith.clone(),
            statement: "Every student explains the warm-up".into(),
            ..Goal::default()
        }),
    );
    add(
        &mut store,
        AnyRecord::Action(Action {
            teacher_id: smith,
            what: "Share the seating chart".into(),
            owner: "coach".into(),
            ..Action::default()
        }),
    );
    for typed in ["warm-up", "seating chart"] {
        let hits = found(&store, typed);
        assert_eq!(hits.len(), 1, "{typed}: {hits:?}");
        assert_eq!(hits[0].date, day("2026-11-23"), "{typed}");
    }
}

/// Search as you type in the app: each key hands its query to the background and the
/// screen never waits; an answer to a query typed over is dropped, the newest one shown.
#[test]
fn typing_ahead_of_the_background_search_shows_only_the_newest_answer() {
    use coachlog::app::App;
    use coachlog::db::Searcher;
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::time::{Duration, Instant};

    let (_dir, store, smith) = caseload();
    let bell = observation_with(&store, &smith, "posted before the bell");
    let expected = found(&store, "bell");
    assert!(ids(&expected).contains(&bell.meta.id.as_str()));
    let reader = Store::open_read_only(store.path(), store.clock()).unwrap();
    let searcher = Searcher::start(reader, 200).unwrap();
    let mut app = App::new(store).unwrap();
    app.search_in_background();
    let type_key = |app: &mut App, c: char| {
        app.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
        app.take_search_request()
    };
    assert_eq!(type_key(&mut app, 's'), None, "s opens the search");
    let be = [type_key(&mut app, 'b'), type_key(&mut app, 'e')];
    let be = be[1].clone().expect("each key asks");
    let bell_asked = ['l', 'l'].map(|c| type_key(&mut app, c))[1]
        .clone()
        .expect("each key asks");
    assert_eq!(bell_asked.query, "bell");
    assert!(app.awaits_search(), "the answer is awaited, not computed");

    let answer = |generation: u64, query: String| {
        searcher.ask(generation, query);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(found) = searcher.answer() {
                return found;
            }
            assert!(Instant::now() < deadline, "no answer from the background");
            std::thread::sleep(Duration::from_millis(1));
        }
    };
    let late = answer(be.generation, be.query);
    app.search_found(late.generation, late.hits);
    let popup = match app.popups.last() {
        Some(coachlog::app::Popup::Search(search)) => search.clone(),
        other => panic!("the search is open: {other:?}"),
    };
    assert!(
        popup.hits().is_empty(),
        "an older query's answer is not shown"
    );
    assert!(app.awaits_search());

    let newest = answer(bell_asked.generation, bell_asked.query);
    app.search_found(newest.generation, newest.hits);
    assert!(!app.awaits_search());
    let Some(coachlog::app::Popup::Search(search)) = app.popups.last() else {
        panic!("the search is still open");
    };
    assert_eq!(ids(search.hits()), ids(&expected));
}

#[test]
fn one_letter_finds_the_notes_with_a_word_it_starts() {
    let (_dir, mut store, smith) = caseload();
    observe(
        &mut store,
        &smith,
        "2026-11-21T09:00",
        3,
        "Zigzag seating; quiet start.",
    );
    observe(&mut store, &smith, "2026-11-21T10:00", 3, "Quiet start.");
    let zigzag = observation_with(&store, &smith, "Zigzag");
    // No word in the caseload is "z" alone: the one note with a word starting with it.
    assert_eq!(ids(&found(&store, "z")), [zigzag.meta.id.as_str()]);
    assert_eq!(ids(&found(&store, "Z q")), [zigzag.meta.id.as_str()]);
}

#[test]
fn a_file_of_the_schema_4_release_finds_by_one_letter_once_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::write(&path, include_bytes!("fixtures/schema-4.db")).unwrap();
    let store = Store::open(&path, clock()).unwrap();
    let by_word: Vec<String> = ids(&found(&store, "warm"))
        .into_iter()
        .map(String::from)
        .collect();
    assert!(!by_word.is_empty());
    let by_letter = found(&store, "w");
    for id in &by_word {
        assert!(
            ids(&by_letter).contains(&id.as_str()),
            "{id} in {by_letter:?}"
        );
    }
    assert!(store.check().unwrap().is_empty(), "the index checks out");
}

/// A file written by the schema 17 release: once upgraded, the index's triggers are no
/// longer in the file (a connection that only reads does not parse them), and its notes,
/// edited, trashed or added afterwards, are found by what they say now, in this session
/// and the next.
#[test]
fn a_file_of_the_schema_17_release_keeps_its_index_in_step_once_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::write(&path, include_bytes!("fixtures/schema-17.db")).unwrap();
    let mut store = Store::open(&path, clock()).unwrap();
    assert_eq!(
        store.pragma("user_version").unwrap(),
        SCHEMA_VERSION.to_string()
    );
    let in_file = |path: &std::path::Path| -> i64 {
        rusqlite::Connection::open(path)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'",
                [],
                |row| row.get(0),
            )
            .unwrap()
    };
    assert_eq!(in_file(&path), 0, "no trigger is left in the file");
    let okafor = store
        .teachers(false)
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Okafor, Ngozi")
        .expect("Okafor")
        .meta
        .id;
    assert_eq!(found(&store, "waited").len(), 1);
    let mut waited = observation_with(&store, &okafor, "Waited three seconds");
    waited.evidence = "Cold call after the think time".into();
    store
        .apply(Command::Edit(AnyRecord::Observation(waited.clone())))
        .unwrap();
    assert!(found(&store, "waited").is_empty());
    assert_eq!(ids(&found(&store, "cold call")), [waited.meta.id.as_str()]);
    let support = store.supports(&okafor).unwrap().remove(0);
    assert_eq!(
        ids(&found(&store, "think-pair-share")),
        [support.meta.id.as_str()]
    );
    store
        .apply(Command::Delete {
            kind: Kind::Support,
            id: support.meta.id.clone(),
        })
        .unwrap();
    assert!(found(&store, "think-pair-share").is_empty());
    observe(
        &mut store,
        &okafor,
        "2026-11-23T09:30",
        2,
        "Exit tickets sorted by the door",
    );
    drop(store);
    assert_eq!(in_file(&path), 0, "the triggers stay on the connection");
    let store = Store::open(&path, clock()).unwrap();
    assert_eq!(found(&store, "exit tickets").len(), 1);
    assert_eq!(ids(&found(&store, "cold")), [waited.meta.id.as_str()]);
    assert!(found(&store, "waited").is_empty());
    assert!(store.check().unwrap().is_empty(), "the index checks out");
}

/// A word in two thousand notes or more (a district's years of them) lists them newest
/// first: weighing it against the others would read every note that holds it. A rarer
/// word is still ranked by relevance. A start of such a word finds every word it starts,
/// accented ones too, however far back the list reaches.
#[test]
fn a_word_in_thousands_of_notes_lists_the_newest_first() {
    let (_dir, mut store) = empty_store();
    let id = teacher(&mut store, "Ng, Ada", "North", "Science");
    store
        .batch(|store| {
            // The oldest notes say the word most often: relevance would put them first.
            for n in 0..3 {
                let when = format!("2024-09-{:02}T09:00", n + 2);
                observe(
                    store,
                    &id,
                    &when,
                    3,
                    "Strategies, strategies, strategies: rubric rubric.",
                );
            }
            for n in 0..2_000 {
                if n == 100 {
                    let text = "A stratagem for the seating chart.";
                    observe(store, &id, "2024-12-01T09:00", 3, text);
                }
                let when = format!("2025-{:02}-{:02}T09:00", 1 + n % 12, 1 + n % 28);
                observe(
                    store,
                    &id,
                    &when,
                    3,
                    "Students tried two strategies before asking.",
                );
            }
            // Newer notes holding the word's first letters, not the word.
            for n in 0..100 {
                let when = format!("2026-{:02}-{:02}T10:00", 1 + n % 10, 1 + n % 28);
                observe(store, &id, &when, 3, "A strong start to the lesson.");
            }
            observe(
                store,
                &id,
                "2026-11-20T09:00",
                3,
                "Newest: strategies posted on the wall, one rubric.",
            );
            observe(
                store,
                &id,
                "2026-11-21T09:00",
                3,
                "Une Stratégie du jour, from the French class.",
            );
            Ok::<_, coachlog::db::Error>(())
        })
        .unwrap();
    let hits = found(&store, "strategies");
    assert_eq!(hits.len(), 50);
    assert!(hits[0].excerpt.starts_with("Newest"), "{}", hits[0].excerpt);
    assert!(
        hits.iter()
            .all(|hit| !hit.excerpt.contains("rubric rubric"))
    );
    // A start of the word: the newest first too, the words it starts marked, whatever
    // their accents.
    let hits = found(&store, "strateg");
    assert_eq!(hits.len(), 50);
    assert!(
        hits[0].excerpt.contains("«Stratégie»"),
        "{}",
        hits[0].excerpt
    );
    assert!(hits[1].excerpt.starts_with("Newest"), "{}", hits[1].excerpt);
    assert!(
        hits[1].excerpt.contains("«strategies»"),
        "{}",
        hits[1].excerpt
    );
    // Asked for as many as are ranked, the list reaches past the newest notes holding
    // "str": one further back holds a word only it has.
    let all = store.search("STRAT", 2_000).unwrap();
    assert_eq!(all.len(), 2_000);
    assert!(all[0].excerpt.contains("«Stratégie»"), "{}", all[0].excerpt);
    assert!(
        all.iter().any(|hit| hit.excerpt.contains("«stratagem»")),
        "the older note"
    );
    // "rubric" is in four notes: the one saying it twice ranks above the newest.
    let hits = found(&store, "rubric");
    assert_eq!(hits.len(), 4);
    assert!(
        hits[0].excerpt.contains("«rubric» «rubric»"),
        "{}",
        hits[0].excerpt
    );
}
