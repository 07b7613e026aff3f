//! Fuzzing every door text comes in by: the date grammar, the measure parser, the text
//! cleaner, the caseload (JSON) and roster (CSV) importers and the search box. No input
//! makes coachlog panic, and every input an importer refuses leaves the database as it
//! was. Generated inputs (proptest) mix the grammar's own words with any text at all;
//! `COACHLOG_RELIABILITY=full` runs many more of them.

mod common;

use chrono::NaiveDate;
use coachlog::dates::{parse_date, parse_date_time};
use coachlog::db::Store;
use coachlog::export::caseload;
use coachlog::model::{check_amount, parse_amount};
use coachlog::text::{MAX_CHARS, clean, clean_line};
use common::process::{beside, coachlog, count, stderr};
use common::{at, clock, day};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// Any characters at all: controls, bidi and format characters included (proptest's own
/// strings leave those out).
fn anything() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..32).prop_map(|chars| chars.into_iter().collect())
}

fn cases(light: usize, heavy: usize) -> Config {
    Config {
        cases: count(light, heavy) as u32,
        // A failure prints its input; nothing is written beside the sources.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Words of the date grammar, numbers in its shapes, and any short text, in any order.
fn date_words() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        prop::sample::select(vec![
            "today",
            "tod",
            "yesterday",
            "tomorrow",
            "now",
            "next",
            "last",
            "this",
            "at",
            "am",
            "pm",
            "mon",
            "fri",
            "sunday",
            "dec",
            "december",
            "feb",
            "1",
            "31",
            "29",
            "0",
        ])
        .prop_map(str::to_owned),
        "[+-]?[0-9]{1,12}[dwmy]?",
        "[0-9]{1,5}[-/:.][0-9]{1,3}([-/:.][0-9]{1,6})?",
        "[0-9]{1,2}:[0-9]{1,3}(:[0-9]{1,3})?(am|pm)?",
        ".{0,6}",
    ];
    prop::collection::vec(word, 0..5).prop_map(|words| words.join(" "))
}

#[test]
fn no_date_or_time_typed_makes_the_parser_panic() {
    let today = day("2026-11-23");
    let now = at("2026-11-23T10:42");
    let mut runner = TestRunner::new(cases(512, 20_000));
    runner
        .run(&prop_oneof![date_words(), anything()], |typed| {
            let _ = parse_date(&typed, today);
            let _ = parse_date_time(&typed, now);
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_iso_date_reads_back_as_itself() {
    let today = day("2026-11-23");
    let mut runner = TestRunner::new(cases(256, 10_000));
    runner
        // The years the grammar takes (1900 to 2199); others are refused, not misread.
        .run(&(1800i32..=2300, 1u32..=366), |(year, ordinal)| {
            if let Some(date) = NaiveDate::from_yo_opt(year, ordinal) {
                let typed = date.format("%Y-%m-%d").to_string();
                if (1900..=2199).contains(&year) {
                    prop_assert_eq!(parse_date(&typed, today), Ok(date));
                } else {
                    prop_assert!(parse_date(&typed, today).is_err(), "{typed}");
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn no_measure_typed_makes_the_parser_panic_and_what_it_takes_is_a_number() {
    let typed = prop_oneof![
        "[ -]?[0-9]{0,6}([.,][0-9]{0,4})?%?( ?(/| of | OF ) ?-?[0-9]{0,5}([.,][0-9]{0,3})?)?",
        "[0-9eE+.,/%-]{0,14}",
        "(inf|NaN|infinity|1e999|0x1F|½|٣)( of 28)?",
        anything(),
    ];
    let unit = prop::sample::select(vec!["%", "percent", "students", "minutes", "of 28", ""]);
    let mut runner = TestRunner::new(cases(512, 20_000));
    runner
        .run(&(typed, unit), |(typed, unit)| {
            let Ok(Some(amount)) = parse_amount(&typed) else {
                return Ok(());
            };
            prop_assert!(amount.value.is_finite(), "{typed:?} gave {amount:?}");
            prop_assert!(amount.out_of.is_none_or(f64::is_finite), "{typed:?}");
            if let Ok(kept) = check_amount(amount, unit) {
                if let Some(whole) = kept.out_of {
                    prop_assert!(whole > 0.0 && (0.0..=whole).contains(&kept.value));
                } else if unit == "%" {
                    prop_assert!((0.0..=100.0).contains(&kept.value), "{typed:?}");
                }
            }
            Ok(())
        })
        .unwrap();
}

/// Characters the cleaner must never let through: C0 and C1 controls other than tab and
/// line break, bidi controls, zero-width spaces and the BOM.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}'
        )
}

#[test]
fn the_cleaner_never_panics_lets_nothing_unsafe_through_and_cleans_once() {
    // Text with every kind of character the cleaner sorts, often side by side.
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            "\u{1b}[31m",
            "\r\n",
            "\r",
            "\t",
            "\u{85}",
            "\u{9b}",
            "\u{202e}",
            "\u{2067}",
            "\u{200b}",
            "\u{200c}",
            "\u{200d}",
            "\u{feff}",
            "👩\u{200d}🏫",
            "می\u{200c}خواهم",
            "\u{1f3f4}\u{e0067}\u{e0062}\u{e007f}",
            "\u{e0067}",
            "é",
            "a",
            " ",
        ])
        .prop_map(str::to_owned),
    ];
    let text = prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat());
    let mut runner = TestRunner::new(cases(512, 20_000));
    runner
        .run(&prop_oneof![text, anything()], |typed| {
            let cleaned = clean(&typed).expect("short text is never refused");
            prop_assert!(!cleaned.chars().any(unsafe_char), "{cleaned:?}");
            prop_assert_eq!(
                clean(&cleaned).ok(),
                Some(cleaned.clone()),
                "cleaned once is clean"
            );
            let line = clean_line(&typed).expect("short");
            prop_assert!(!line.contains(['\n', '\t']), "{line:?}");
            prop_assert_eq!(line.trim(), line.as_str());
            Ok(())
        })
        .unwrap();
}

#[test]
fn text_over_the_limit_is_refused_with_its_length_not_cut() {
    let mut runner = TestRunner::new(cases(8, 64));
    runner
        .run(&(0usize..3, 1usize..50), |(kind, extra)| {
            let filler = ["x", "é", "👩\u{200d}🏫"][kind];
            let typed = filler.repeat(MAX_CHARS / filler.chars().count() + extra);
            let kept = clean(&typed).map(|text| text.chars().count());
            prop_assert!(kept.is_err(), "{kept:?}");
            Ok(())
        })
        .unwrap();
}

/// The caseload of `common::caseload` as a file, built once, and its whole-caseload
/// export.
fn pristine() -> &'static (Vec<u8>, String) {
    static PRISTINE: OnceLock<(Vec<u8>, String)> = OnceLock::new();
    PRISTINE.get_or_init(|| {
        let (dir, store, _) = common::caseload();
        let json = caseload::write(&store.caseload().unwrap(), day("2026-11-23"));
        let path = store.path().to_path_buf();
        drop(store);
        let bytes = std::fs::read(&path).unwrap();
        drop(dir);
        (bytes, json)
    })
}

/// A fresh copy of the pristine caseload, opened.
fn fresh_store(dir: &Path) -> Store {
    let path = dir.join("coachlog.db");
    std::fs::write(&path, &pristine().0).unwrap();
    Store::open(&path, clock()).unwrap()
}

/// Everything in the file, as the whole-caseload export writes it.
fn dump(store: &Store) -> String {
    caseload::write(&store.caseload().unwrap(), day("2026-11-23"))
}

/// Values a field of an imported record may be given instead of its own.
fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(serde_json::json!("")),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!(0)),
        Just(serde_json::json!(1e308)),
        Just(serde_json::json!(true)),
        Just(serde_json::json!({})),
        Just(serde_json::json!([])),
        Just(serde_json::json!("2026-02-30")),
        Just(serde_json::json!("9999-99-99T99:99:99Z")),
        Just(serde_json::json!("x".repeat(100_001))),
        anything().prop_map(Value::String),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
    ]
}

/// Every place in a JSON value, as a path of keys and indexes.
fn places(value: &Value, path: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let mut next = path.clone();
                next.push(Value::String(key.clone()));
                places(inner, next, out);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                let mut next = path.clone();
                next.push(serde_json::json!(index));
                places(inner, next, out);
            }
        }
        _ => {}
    }
    out.push(path);
}

fn place_mut<'a>(value: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |at, step| match step {
        Value::String(key) => at.get_mut(key.as_str()),
        Value::Number(index) => at.get_mut(index.as_u64()? as usize),
        _ => None,
    })
}

/// An export with some of its values replaced or removed, or its text cut and spliced.
fn damaged_export() -> impl Strategy<Value = String> {
    let (_, json) = pristine();
    let export: Value = serde_json::from_str(json).unwrap();
    let mut all = Vec::new();
    places(&export, Vec::new(), &mut all);
    let edits = prop::collection::vec(
        (prop::sample::select(all), odd_value(), any::<bool>()),
        1..4,
    );
    let structural = edits.prop_map(move |edits| {
        let mut edited = export.clone();
        for (path, value, remove) in edits {
            if remove && let Some((last, parent)) = path.split_last() {
                if let (Some(Value::Object(map)), Value::String(key)) =
                    (place_mut(&mut edited, parent), last)
                {
                    map.remove(key);
                }
            } else if let Some(at) = place_mut(&mut edited, &path) {
                *at = value;
            }
        }
        edited.to_string()
    });
    let spliced =
        (any::<prop::sample::Index>(), 0usize..40, ".{0,6}").prop_map(|(at, cut, insert)| {
            let json = &pristine().1;
            let chars: Vec<char> = json.chars().collect();
            let at = at.index(chars.len());
            let end = (at + cut).min(chars.len());
            let mut text: String = chars[..at].iter().collect();
            text.push_str(&insert);
            text.extend(&chars[end..]);
            text
        });
    prop_oneof![3 => structural, 1 => spliced, 1 => anything()]
}

#[test]
fn a_damaged_caseload_export_is_refused_whole_or_merged_into_a_sound_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new(cases(48, 1_000));
    runner
        .run(&damaged_export(), |json| {
            let case = tempfile::tempdir_in(dir.path()).unwrap();
            let mut store = fresh_store(case.path());
            let before = dump(&store);
            let Ok(file) = caseload::read(&json) else {
                return Ok(());
            };
            match store.import(file.into_records(), false) {
                Err(_) => prop_assert!(dump(&store) == before, "a refused import changed the file"),
                Ok(_) => {
                    let problems = store.check().unwrap();
                    prop_assert!(problems.is_empty(), "{problems:?}");
                }
            }
            Ok(())
        })
        .unwrap();
}

/// A roster as a spreadsheet or an SIS might write it, or not quite.
fn roster_csv() -> impl Strategy<Value = String> {
    let column = prop::sample::select(vec![
        "name",
        "Name",
        " NAME ",
        "first name",
        "Last Name",
        "school",
        "subject",
        "course",
        "grade",
        "cadence",
        "email",
        "notes",
        "",
        "name",
    ]);
    let cell = prop_oneof![
        "[A-Za-z ,.'-]{0,12}",
        "[0-9]{0,4}",
        "\"[^\"]{0,10}(\"\"[^\"]{0,4})?\"",
        "-?[0-9]{1,12}",
        ".{0,8}",
    ];
    let row = prop::collection::vec(cell, 0..6).prop_map(|cells| cells.join(","));
    (
        any::<bool>(),
        prop::collection::vec(column, 0..6),
        prop::collection::vec(row, 0..5),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
    )
        .prop_map(|(bom, header, rows, end)| {
            let mut csv = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            csv.push_str(&header.join(","));
            for row in rows {
                csv.push_str(end);
                csv.push_str(&row);
            }
            csv
        })
}

/// The database and every file beside it, as bytes.
fn bytes_of(db: &Path) -> Vec<Option<Vec<u8>>> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| std::fs::read(beside(db, suffix)).ok())
        .collect()
}

#[test]
fn a_roster_that_is_refused_or_only_tried_leaves_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new(cases(12, 300));
    runner
        .run(&roster_csv(), |csv| {
            let case = tempfile::tempdir_in(dir.path()).unwrap();
            drop(fresh_store(case.path()));
            let db = case.path().join("coachlog.db");
            let roster = case.path().join("roster.csv");
            std::fs::write(&roster, &csv).unwrap();
            let before = bytes_of(&db);
            for dry_run in [true, false] {
                let mut args = vec!["import", roster.to_str().unwrap()];
                if dry_run {
                    args.push("--dry-run");
                }
                let output = coachlog(&db, &args);
                let said = stderr(&output);
                prop_assert!(!said.contains("panicked"), "{csv:?}: {said}");
                let code = output.status.code();
                prop_assert!(matches!(code, Some(0 | 1)), "{csv:?}: {code:?} {said}");
                if dry_run || code != Some(0) {
                    prop_assert!(bytes_of(&db) == before, "{csv:?}: the file changed");
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn any_search_typed_is_answered_and_nothing_searchable_finds_nothing() {
    let (_dir, store, _) = common::caseload();
    let before = dump(&store);
    let typed = prop_oneof![
        prop::collection::vec(
            prop::sample::select(vec![
                "\"",
                "*",
                "(",
                ")",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "NEAR(",
                "col:",
                "evidence:",
                "^",
                "-",
                "+",
                "warm",
                "explai",
                "ex*",
                "'",
                "\\",
                "{",
                "}",
                ":",
                "«",
                "\u{2}",
                "\u{0}",
                "x",
            ]),
            0..8,
        )
        .prop_map(|words| words.join(" ")),
        anything(),
    ];
    let mut runner = TestRunner::new(cases(256, 10_000));
    runner
        .run(&typed, |typed| {
            let hits = store.search(&typed, 20);
            prop_assert!(hits.is_ok(), "{typed:?}: {hits:?}");
            if !coachlog::db::searchable(&typed) {
                prop_assert!(hits.unwrap().is_empty());
            }
            Ok(())
        })
        .unwrap();
    assert!(dump(&store) == before);
}
