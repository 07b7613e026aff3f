//! The command line as scripts and principals use it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn coachlog(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB")
        .env_remove("COLUMNS")
        .output()
        .expect("run coachlog")
}

/// Runs coachlog in New York (the zone's own rule, daylight time included) at a time.
fn coachlog_in_new_york(db: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", now)
        .env("TZ", "EST5EDT,M3.2.0,M11.1.0")
        .env_remove("COACHLOG_DB")
        .output()
        .expect("run coachlog")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.db");
    (dir, path)
}

#[test]
fn teachers_added_from_the_shell_are_listed() {
    let (_dir, db) = temp_db();
    let added = coachlog(
        &db,
        &[
            "teacher",
            "add",
            "Smith, Dan",
            "--school",
            "Eastside Middle",
            "--subject",
            "Grade 7 Science",
            "--cadence",
            "7",
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(stdout(&added), "added Smith, Dan\n");
    assert!(
        coachlog(&db, &["teacher", "add", "Lee, Min"])
            .status
            .success()
    );
    let list = coachlog(&db, &["teacher", "list"]);
    assert_eq!(
        stdout(&list),
        "Lee, Min\t\t\tevery 14d\nSmith, Dan\tEastside Middle\tGrade 7 Science\tevery 7d\n"
    );
    // A selection no one matches: an empty list, and a word on standard error.
    let none = coachlog(&db, &["teacher", "list", "--tag", "pil"]);
    assert!(none.status.success());
    assert_eq!(stdout(&none), "");
    assert_eq!(stderr(&none), "coachlog: no one matches --tag pil\n");
}

#[test]
fn text_from_the_command_line_is_cleaned_before_it_is_stored() {
    let (_dir, db) = temp_db();
    // C1 controls, a bidi override and a BOM, which a terminal or a spreadsheet can bring.
    let added = coachlog(
        &db,
        &[
            "teacher",
            "add",
            "\u{feff}Smith,\u{9b} Dan\u{202e}",
            "--school",
            "East\u{85}side",
        ],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(stdout(&added), "added Smith, Dan\n");
    let list = coachlog(&db, &["teacher", "list"]);
    assert_eq!(stdout(&list), "Smith, Dan\tEast side\t\tevery 14d\n");
    let observed = coachlog(
        &db,
        &[
            "observe",
            "-t",
            "smi",
            "Posted\x1b[2J the\u{2066} target\u{200b}",
        ],
    );
    assert!(observed.status.success(), "{}", stderr(&observed));
    let json = stdout(&coachlog(&db, &["export", "-t", "smi", "-f", "json"]));
    assert!(
        json.contains("\"evidence\": \"Posted the target\""),
        "{json}"
    );
    let long = "x".repeat(100_001);
    let refused = coachlog(&db, &["observe", "-t", "smi", &long]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        stderr(&refused),
        "coachlog: the evidence was not saved: it is 100,001 characters long, and a note may \
         hold at most 100,000; shorten it and try again\n"
    );
}

#[test]
fn a_duplicate_name_is_refused_with_one_line_and_nothing_saved() {
    let (_dir, db) = temp_db();
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );
    let again = coachlog(&db, &["teacher", "add", "SMITH, dan"]);
    assert_eq!(again.status.code(), Some(1));
    let message = stderr(&again);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("coachlog: there is already a teacher named"),
        "{message}"
    );
    assert!(!message.contains("panicked") && !message.contains("RUST_BACKTRACE"));
    assert_eq!(
        stdout(&coachlog(&db, &["teacher", "list"])).lines().count(),
        1
    );
}

#[test]
fn bad_input_gets_a_clear_message_not_a_panic() {
    let (_dir, db) = temp_db();
    let empty = coachlog(&db, &["teacher", "add", "  "]);
    assert_eq!(empty.status.code(), Some(1));
    assert_eq!(stderr(&empty), "coachlog: a name is required\n");
    let cadence = coachlog(&db, &["teacher", "add", "Park, Eve", "--cadence", "0"]);
    assert_eq!(cadence.status.code(), Some(2));
    assert!(stderr(&cadence).contains("--cadence"));
}

#[test]
fn check_says_ok_on_a_healthy_file_and_refuses_a_foreign_one() {
    let (dir, db) = temp_db();
    let ok = coachlog(&db, &["check"]);
    assert!(ok.status.success());
    assert_eq!(stdout(&ok), "ok\n");

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "private notes, not a database\n").unwrap();
    let refused = coachlog(&notes, &["check"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is not a coachlog database"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "private notes, not a database\n"
    );
}

#[test]
fn check_reports_a_broken_reference_and_exits_1() {
    let (_dir, db) = temp_db();
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO action (id, teacher_id, what, owner, created_at, updated_at, author, replica_id)
             VALUES ('A1', 'gone', 'x', 'coach', 't', 't', 'a', 'r');",
        )
        .unwrap();
    }
    let check = coachlog(&db, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("action row"), "{}", stdout(&check));
}

#[test]
fn the_database_can_be_chosen_by_environment_variable() {
    let (_dir, db) = temp_db();
    let output = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .args(["teacher", "add", "Lee, Min"])
        .env("COACHLOG_DB", &db)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(db.exists());
}

#[test]
fn version_and_help_describe_the_tool() {
    let (_dir, db) = temp_db();
    let version = coachlog(&db, &["--version"]);
    assert_eq!(
        stdout(&version),
        format!("coachlog {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = stdout(&coachlog(&db, &["--help"]));
    for word in ["check", "teacher", "--db"] {
        assert!(help.contains(word), "help lacks {word}");
    }
}

#[test]
fn backup_writes_a_private_copy_that_opens() {
    let (dir, db) = temp_db();
    assert!(
        coachlog(&db, &["teacher", "add", "Smith, Dan"])
            .status
            .success()
    );
    let backup = coachlog(&db, &["backup"]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    let copy = dir
        .path()
        .join("backups")
        .join("coachlog-20261123-104200.db");
    assert_eq!(
        stdout(&backup),
        format!("backed up to {}\n", copy.display())
    );
    common::assert_owner_only(&copy);
    assert!(stdout(&coachlog(&copy, &["teacher", "list"])).starts_with("Smith, Dan"));
    // A second backup to the same name is refused rather than overwriting the first.
    let again = coachlog(&db, &["backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("cannot create the backup"),
        "{}",
        stderr(&again)
    );
}

fn caseload_db() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = temp_db();
    for name in ["Smith, Dan", "Smithers, Ann", "Okafor, Ngozi"] {
        assert!(coachlog(&db, &["teacher", "add", name]).status.success());
    }
    (dir, db)
}

#[test]
fn observe_saves_for_a_unique_prefix_and_prints_what_it_saved() {
    let (_dir, db) = caseload_db();
    let saved = coachlog(
        &db,
        &[
            "observe",
            "--teacher",
            "oka",
            "--rating",
            "3",
            "--at",
            "today 9:05",
            "Waited",
            "3 seconds",
            "after questions.",
        ],
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert_eq!(
        stdout(&saved),
        "saved observation of Okafor, Ngozi · Mon 23 Nov 2026 09:05 · rated 3 developing\n\
         focus: no active focus\nWaited 3 seconds after questions.\n"
    );
    // A word of the name works too, and an exact name beats a longer one.
    let by_first_name = coachlog(
        &db,
        &["observe", "-t", "ngozi", "--private", "Cold call used."],
    );
    assert!(
        stdout(&by_first_name).contains("of Okafor, Ngozi")
            && stdout(&by_first_name).contains("private")
    );
    let exact = coachlog(&db, &["observe", "-t", "smith, dan", "Warm-up posted."]);
    assert!(
        stdout(&exact).contains("of Smith, Dan"),
        "{}",
        stderr(&exact)
    );
}

/// The command line finds a name as the roster's filter does, its accents or not typed:
/// "zoe" and "nakamura" both name Zoë Ødegård-Nakamura 中村.
#[test]
fn observe_finds_a_name_typed_without_its_accents() {
    let (_dir, db) = caseload_db();
    let wide = "Zoë Ødegård-Nakamura 中村";
    assert!(coachlog(&db, &["teacher", "add", wide]).status.success());
    for typed in ["zoe", "ZOË", "nakamura", "中村"] {
        let saved = coachlog(&db, &["observe", "-t", typed, "Pairs talked first."]);
        assert!(
            stdout(&saved).contains(&format!("of {wide}")),
            "{typed}: {}",
            stderr(&saved)
        );
    }
}

#[test]
fn observe_with_an_ambiguous_or_unknown_name_lists_candidates_and_saves_nothing() {
    let (_dir, db) = caseload_db();
    let ambiguous = coachlog(&db, &["observe", "--teacher", "smi", "Something seen."]);
    assert_eq!(ambiguous.status.code(), Some(2));
    assert_eq!(
        stderr(&ambiguous),
        "coachlog: \"smi\" matches more than one teacher; type more of the name:\n  Smith, Dan\n  Smithers, Ann\n"
    );
    let unknown = coachlog(&db, &["observe", "--teacher", "zed", "Something seen."]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).starts_with(
            "coachlog: no teacher matches \"zed\"; the teachers are:\n  Okafor, Ngozi\n"
        )
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count: i64 = conn
        .query_row("SELECT count(*) FROM observation", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0, "nothing saved");
}

#[test]
fn observe_attaches_to_the_active_focus_and_refuses_a_bad_time() {
    let (dir, db) = temp_db();
    {
        use coachlog::db::{Command, Store};
        use coachlog::model::AnyRecord;
        use coachlog::model::{Focus, Teacher};
        let clock = coachlog::clock::Clock::Fixed(
            chrono::NaiveDateTime::parse_from_str("2026-11-23T10:42", "%Y-%m-%dT%H:%M").unwrap(),
        );
        let mut store = Store::open(&db, clock).unwrap();
        let applied = store
            .apply(Command::Add(AnyRecord::Teacher(Teacher {
                name: "Lee, Min".into(),
                cadence_days: 14,
                ..Teacher::default()
            })))
            .unwrap();
        let focus = Focus {
            teacher_id: applied.added_id().unwrap().into(),
            statement: "Exit tickets drive regrouping".into(),
            started_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            ..Focus::default()
        };
        store
            .apply(Command::SetFocus {
                focus,
                previous_outcome: None,
            })
            .unwrap();
    }
    let saved = coachlog(
        &db,
        &[
            "observe",
            "-t",
            "lee",
            "-r",
            "2",
            "Regrouped by exit ticket.",
        ],
    );
    assert!(
        stdout(&saved).contains("focus: Exit tickets drive regrouping"),
        "{}",
        stdout(&saved)
    );
    let bad = coachlog(&db, &["observe", "-t", "lee", "--at", "someday", "x"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("--at: \"someday\" is not a date"),
        "{}",
        stderr(&bad)
    );
    let rating = coachlog(&db, &["observe", "-t", "lee", "-r", "5", "x"]);
    assert_eq!(
        rating.status.code(),
        Some(2),
        "clap refuses a rating outside 1-4"
    );
    drop(dir);
}

#[test]
fn search_prints_one_line_a_note_and_exits_1_when_nothing_matches() {
    let (_dir, db) = caseload_db();
    let seen = coachlog(
        &db,
        &[
            "observe",
            "-t",
            "smith, dan",
            "--at",
            "2026-11-20 10:36",
            "Students explained the target to a partner.",
        ],
    );
    assert!(seen.status.success(), "{}", stderr(&seen));
    let private = coachlog(
        &db,
        &[
            "observe",
            "-t",
            "oka",
            "--at",
            "2026-11-09 9:10",
            "--private",
            "She explained «why»\x1b[2J the wait time matters.",
        ],
    );
    assert!(private.status.success(), "{}", stderr(&private));
    let found = coachlog(&db, &["search", "explai"]);
    assert!(found.status.success(), "{}", stderr(&found));
    assert_eq!(
        stdout(&found),
        "Smith, Dan     observation  20 Nov 2026  Students «explained» the target to a partner.\n\
         Okafor, Ngozi  observation   9 Nov 2026  She «explained» ‹why› the wait time matters. (private)\n"
    );
    let none = coachlog(&db, &["search", "explai", "zebra"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none), "");
    assert_eq!(
        stderr(&none),
        "coachlog: no note matches \"explai zebra\"\n"
    );
    let nothing = coachlog(&db, &["search", "\"", "*"]);
    assert_eq!(nothing.status.code(), Some(2));
    assert!(stderr(&nothing).contains("nothing to search for"));
}

#[test]
fn search_lines_are_cut_to_the_terminal_width() {
    let (_dir, db) = caseload_db();
    let long = "Students explained the target to a partner, then wrote it in their own words.";
    assert!(
        coachlog(&db, &["observe", "-t", "smith, dan", long])
            .status
            .success()
    );
    let narrow = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(&db)
        .args(["search", "explai"])
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    assert!(narrow.status.success(), "{}", stderr(&narrow));
    let cut = stdout(&narrow);
    assert_eq!(
        cut,
        "Smith, Dan  observation  23 Nov 2026  Students «explained»…\n"
    );
    assert!(coachlog::text::width(cut.trim_end()) <= 60);
    // Piped without COLUMNS, a script gets whole lines.
    let whole = stdout(&coachlog(&db, &["search", "explai"]));
    assert!(whole.contains("then wrote it"), "{whole}");
}

/// Smith's file from the shared caseload, on a database the binary can open.
fn smith_db() -> (tempfile::TempDir, PathBuf) {
    let (dir, store, _smith) = common::caseload();
    let db = store.path().to_owned();
    drop(store);
    (dir, db)
}

#[test]
fn export_prints_smiths_brief_and_leaves_private_notes_out_unless_asked() {
    let (_dir, db) = smith_db();
    let secret = coachlog(
        &db,
        &[
            "observe",
            "-t",
            "smith",
            "--private",
            "Mentioned a family illness.",
        ],
    );
    assert!(secret.status.success(), "{}", stderr(&secret));

    let brief = coachlog(&db, &["export", "--teacher", "smith"]);
    assert!(brief.status.success(), "{}", stderr(&brief));
    assert_eq!(stderr(&brief), "");
    let text = stdout(&brief);
    assert!(
        text.starts_with("# Smith, Dan: conference brief, 23 Nov 2026\n"),
        "{text}"
    );
    assert!(text.contains("## Actions: 0 kept on time · 0 late · 2 open (1 overdue)"));
    assert!(!text.contains("family illness"));

    let with_private = stdout(&coachlog(
        &db,
        &["export", "-t", "smith", "--include-private"],
    ));
    assert!(
        with_private.contains("**23 Nov 2026 10:42 (private)** · Mentioned a family illness."),
        "{with_private}"
    );
}

#[test]
fn export_to_a_file_is_private_and_never_overwrites_without_force() {
    let (dir, db) = smith_db();
    let target = dir.path().join("smith.html");
    let target_text = target.to_str().unwrap();
    let written = coachlog(
        &db,
        &["export", "-t", "smith", "-f", "html", "-o", target_text],
    );
    assert!(written.status.success(), "{}", stderr(&written));
    assert_eq!(stdout(&written), "");
    assert_eq!(stderr(&written), format!("wrote {target_text}\n"));
    common::assert_owner_only(&target);
    let page = std::fs::read_to_string(&target).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));

    let again = coachlog(
        &db,
        &["export", "-t", "smith", "-f", "json", "-o", target_text],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists; nothing was written"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), page, "untouched");

    let forced = coachlog(
        &db,
        &[
            "export",
            "-t",
            "smith",
            "-f",
            "json",
            "-o",
            target_text,
            "--force",
        ],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    let record = std::fs::read_to_string(&target).unwrap();
    assert!(record.contains("\"format\": \"coachlog-teacher\""));
    common::assert_owner_only(&target);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name.starts_with("coachlog.db") || name == "smith.html",
            "left behind: {name}"
        );
    }
}

#[test]
fn export_with_an_ambiguous_name_lists_candidates_and_writes_nothing() {
    let (dir, db) = caseload_db();
    let target = dir.path().join("brief.md");
    let ambiguous = coachlog(
        &db,
        &["export", "-t", "smi", "-o", target.to_str().unwrap()],
    );
    assert_eq!(ambiguous.status.code(), Some(2));
    assert!(stderr(&ambiguous).contains("  Smith, Dan\n  Smithers, Ann\n"));
    assert!(!target.exists());
}

#[test]
fn export_since_a_friendly_date_leaves_older_visits_out() {
    let (_dir, db) = smith_db();
    let since = stdout(&coachlog(
        &db,
        &["export", "-t", "smith", "--since", "1 nov"],
    ));
    assert!(since.contains("**Since 1 Nov 2026:**"), "{since}");
    assert!(since.contains("Students explained the target to a partner."));
    assert!(!since.contains("Warm-up not posted"));
    let offset = stdout(&coachlog(
        &db,
        &["export", "-t", "smith", "--since", "-30d"],
    ));
    assert!(offset.contains("**Since 24 Oct 2026:**"), "{offset}");
    let bad = coachlog(&db, &["export", "-t", "smith", "--since", "someday"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).starts_with("coachlog: --since: \"someday\" is not a date"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn export_reads_every_observation_not_just_the_newest_page() {
    let (_dir, mut store, smith) = common::caseload();
    let db = store.path().to_owned();
    let page = coachlog::db::OBSERVATION_PAGE;
    store
        .batch(|store| {
            for minute in 0..page {
                let when =
                    common::at("2026-09-01T08:00") + chrono::TimeDelta::minutes(minute as i64);
                store.apply(coachlog::db::Command::Add(
                    coachlog::model::AnyRecord::Observation(coachlog::model::Observation {
                        teacher_id: smith.clone(),
                        observed_at: coachlog::model::LocalTime::utc_wall(when),
                        evidence: format!("Early visit {minute}."),
                        ..Default::default()
                    }),
                ))?;
            }
            Ok::<_, coachlog::db::Error>(())
        })
        .unwrap();
    drop(store);
    let brief = stdout(&coachlog(&db, &["export", "-t", "smith"]));
    assert!(
        brief.contains("Early visit 0."),
        "the oldest visit is in the brief"
    );
    assert!(!brief.contains("Only the latest"));
    let record: serde_json::Value = serde_json::from_str(&stdout(&coachlog(
        &db,
        &["export", "-t", "smith", "-f", "json"],
    )))
    .unwrap();
    assert_eq!(record["observations"].as_array().unwrap().len(), page + 3);
}

#[test]
fn observe_takes_a_negative_offset_and_export_finds_an_archived_teacher() {
    let (_dir, db) = caseload_db();
    let saved = coachlog(
        &db,
        &[
            "observe",
            "-t",
            "okafor",
            "--at",
            "-1d 9:05",
            "Cold call used.",
        ],
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert!(
        stdout(&saved).contains("Sun 22 Nov 2026 09:05"),
        "{}",
        stdout(&saved)
    );
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE teacher SET archived = 1 WHERE name = 'Okafor, Ngozi'",
            [],
        )
        .unwrap();
    }
    let refused = coachlog(&db, &["observe", "-t", "okafor", "x"]);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "no new visits to an archived teacher"
    );
    let exported = coachlog(&db, &["export", "-t", "okafor"]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(stdout(&exported).contains("Okafor, Ngozi"));
}

/// Moves the file's one observation to the trash, as the workspace's delete does (a
/// tombstone), and returns its id.
fn trash_the_only_observation(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let id: String = conn
        .query_row("SELECT id FROM observation", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "UPDATE observation SET deleted_at = '2026-11-23T10:00:00.000Z' WHERE id = ?1",
        [&id],
    )
    .unwrap();
    id
}

#[test]
fn trash_lists_deleted_records_and_restore_brings_one_back() {
    let (_dir, db) = caseload_db();
    assert!(
        coachlog(&db, &["observe", "-t", "okafor", "Waited three seconds."])
            .status
            .success()
    );
    assert_eq!(stdout(&coachlog(&db, &["trash"])), "the trash is empty\n");
    let id = trash_the_only_observation(&db);
    let listed = stdout(&coachlog(&db, &["trash"]));
    assert!(
        listed.starts_with("2026-11-23  observation  Okafor, Ngozi"),
        "{listed}"
    );
    assert!(listed.contains(&id) && listed.contains("Waited three seconds."));
    let restored = coachlog(&db, &["restore", &id]);
    assert_eq!(
        stdout(&restored),
        format!("restored the observation {id}\n")
    );
    assert_eq!(stdout(&coachlog(&db, &["trash"])), "the trash is empty\n");
    let missing = coachlog(&db, &["restore", "nope"]);
    assert!(stdout(&missing).is_empty());
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("nothing with id nope is in the trash"));
}

#[test]
fn the_trash_keeps_its_columns_in_line_for_a_name_in_wide_characters() {
    let (_dir, db) = caseload_db();
    // Six characters, ten columns: padding by characters would push what follows right.
    let wide = "中村, 花子";
    assert!(coachlog(&db, &["teacher", "add", wide]).status.success());
    for teacher in ["okafor", "中村"] {
        let observed = coachlog(&db, &["observe", "-t", teacher, "Waited."]);
        assert!(observed.status.success(), "{}", stderr(&observed));
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE observation SET deleted_at = '2026-11-23T10:00:00.000Z' WHERE evidence = 'Waited.'",
        [],
    )
    .unwrap();
    let listed = stdout(&coachlog(&db, &["trash"]));
    let okafor = listed.lines().find(|l| l.contains("Okafor")).unwrap();
    let nakamura = listed.lines().find(|l| l.contains(wide)).unwrap();
    // Ids are all as long, so the note starts where the id column does.
    let note_column = |line: &str| coachlog::text::width(&line[..line.find("Waited.").unwrap()]);
    assert_eq!(note_column(nakamura), note_column(okafor), "{listed}");
}

/// Runs coachlog with its standard output already closed by the reader, as when a script
/// pipes it into `head -c1` and `head` has gone: every write to stdout fails with EPIPE.
fn coachlog_into_closed_pipe(db: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run coachlog");
    drop(child.stdout.take());
    child.wait_with_output().expect("coachlog finishes")
}

#[test]
fn a_closed_output_pipe_never_turns_a_committed_write_into_a_failure() {
    let (_dir, db) = caseload_db();
    let deleted = {
        assert!(
            coachlog(&db, &["observe", "-t", "okafor", "Cold call, wait time."])
                .status
                .success()
        );
        trash_the_only_observation(&db)
    };
    let backup = db.with_extension("copy.db");
    let commands: Vec<Vec<&str>> = vec![
        vec!["teacher", "add", "Lee, Min"],
        vec![
            "observe",
            "-t",
            "smith,",
            "--rating",
            "3",
            "Warm-up posted.",
        ],
        vec!["restore", &deleted],
        vec!["teacher", "list"],
        vec!["search", "warm-up"],
        vec!["export", "-t", "smith,"],
        vec!["export", "-t", "smith,", "-f", "json"],
        vec!["check"],
        vec!["trash"],
        vec!["backup", backup.to_str().unwrap()],
        vec!["--help"],
        vec!["--version"],
        vec!["teacher", "--help"],
    ];
    for args in &commands {
        let output = coachlog_into_closed_pipe(&db, args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
    // Each write happened exactly once, so a script that trusts the exit code never
    // retries a save that was made.
    let listed = stdout(&coachlog(&db, &["teacher", "list"]));
    assert_eq!(listed.matches("Lee, Min").count(), 1, "{listed}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (live, smiths): (i64, i64) = conn
        .query_row(
            "SELECT count(*), sum(evidence = 'Warm-up posted.') FROM observation
              WHERE deleted_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (live, smiths),
        (2, 1),
        "the restored visit and Smith's, once"
    );
    assert!(backup.exists());
}

#[test]
fn a_usage_mistake_is_one_line_that_points_to_help() {
    let (_dir, db) = temp_db();
    for args in [
        vec!["teacher", "add"],
        vec!["--no-such-flag"],
        vec!["teacher", "add", "Lee", "--cadence", "often"],
        vec!["frobnicate"],
    ] {
        let output = coachlog(&db, &args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(message.starts_with("coachlog: "), "{message}");
        assert!(
            message.trim_end().ends_with("see coachlog --help"),
            "{message}"
        );
        assert!(stdout(&output).is_empty());
    }
    // The line names what is missing, not just that something is.
    let missing = stderr(&coachlog(&db, &["observe", "Seen."]));
    assert!(missing.contains("--teacher"), "{missing}");
    assert!(!db.exists(), "a usage mistake opens no file");
}

/// Runs coachlog as a user who may read but not write `db`: the file is made read-only
/// (0400) and, when the tests run as root (who may write anything), handed to `nobody`
/// and run as that user.
#[cfg(unix)]
fn coachlog_without_write_access(db: &Path, args: &[&str]) -> Output {
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;
    let folder = db.parent().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_coachlog"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB");
    let probe = tempfile::NamedTempFile::new().unwrap();
    let running_as_root = probe.as_file().metadata().unwrap().uid() == 0;
    if running_as_root {
        const NOBODY: u32 = 65534;
        for path in [folder, db] {
            std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
        }
        command.uid(NOBODY).gid(NOBODY);
    }
    command.output().expect("run coachlog")
}

#[cfg(unix)]
#[test]
fn a_file_the_user_may_not_write_opens_read_only_for_every_reading_command() {
    use std::os::unix::fs::PermissionsExt;
    for read_only_folder in [false, true] {
        let (_dir, db) = caseload_db();
        assert!(
            coachlog(&db, &["observe", "-t", "okafor", "Waited three seconds."])
                .status
                .success()
        );
        let folder = db.parent().unwrap().to_path_buf();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();
        if read_only_folder {
            // Closed cleanly, the log is folded in; nothing beside the file can be made.
            for suffix in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
        }
        let before = std::fs::read(&db).unwrap();
        for args in [
            vec!["teacher", "list"],
            vec!["search", "waited"],
            vec!["export", "-t", "okafor"],
            vec!["export", "-t", "okafor", "-f", "json"],
            vec!["check"],
        ] {
            let output = coachlog_without_write_access(&db, &args);
            assert!(
                output.status.success(),
                "{args:?} (read-only folder: {read_only_folder}): {}",
                stderr(&output)
            );
            assert!(!stdout(&output).is_empty(), "{args:?}");
        }
        let refused = coachlog_without_write_access(&db, &["teacher", "add", "Lee, Min"]);
        assert_eq!(refused.status.code(), Some(1));
        let message = stderr(&refused);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains("read-only"), "{message}");
        // Nothing was written and nobody changed the file's mode.
        assert_eq!(std::fs::read(&db).unwrap(), before);
        let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o400);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

#[test]
fn restore_takes_any_unique_start_of_an_id_in_any_case() {
    let (_dir, db) = caseload_db();
    for evidence in ["First visit.", "Second visit."] {
        assert!(
            coachlog(&db, &["observe", "-t", "okafor", evidence])
                .status
                .success()
        );
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE observation SET deleted_at = '2026-11-23T10:00:00.000Z'",
        [],
    )
    .unwrap();
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM observation ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Both ids start with the same time-ordered characters: a short start is ambiguous.
    let shared = ids[0]
        .chars()
        .zip(ids[1].chars())
        .take_while(|(a, b)| a == b)
        .count();
    let ambiguous = coachlog(&db, &["restore", &ids[0][..shared].to_lowercase()]);
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(
        stderr(&ambiguous).contains("2 records in the trash start with"),
        "{}",
        stderr(&ambiguous)
    );
    // One more character, in lower case, names one record; the full id is printed.
    let unique = ids[0][..=shared].to_lowercase();
    let restored = coachlog(&db, &["restore", &unique]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert_eq!(
        stdout(&restored),
        format!("restored the observation {}\n", ids[0])
    );
    let listed = stdout(&coachlog(&db, &["trash"]));
    assert!(
        listed.contains(&ids[1]) && !listed.contains(&ids[0]),
        "{listed}"
    );
}

#[test]
fn the_trash_shows_the_day_a_record_was_deleted_where_the_coach_is() {
    let (_dir, db) = temp_db();
    let evening = "2026-11-23T20:30";
    assert!(
        coachlog_in_new_york(&db, evening, &["teacher", "add", "Okafor, Ngozi"])
            .status
            .success()
    );
    let observed = coachlog_in_new_york(&db, evening, &["observe", "-t", "oka", "Waited."]);
    assert!(observed.status.success(), "{}", stderr(&observed));
    // Deleted at 20:30 in New York: 01:30 on the 24th in UTC, as the store stamps it.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE observation SET deleted_at = '2026-11-24T01:30:00.000Z'",
            [],
        )
        .unwrap();
    let listed = stdout(&coachlog_in_new_york(&db, evening, &["trash"]));
    assert!(
        listed.starts_with("2026-11-23  observation  Okafor, Ngozi"),
        "{listed}"
    );
}

#[test]
fn observe_refuses_a_time_in_the_future_and_takes_monday_on_a_monday_as_today() {
    let (_dir, db) = caseload_db();
    // The tests' clock is Monday 23 November 2026, 10:42.
    for future in ["tomorrow", "11:30", "2026-12-01 9:00"] {
        let refused = coachlog(&db, &["observe", "-t", "okafor", "--at", future, "Seen."]);
        assert_eq!(refused.status.code(), Some(1), "{future}");
        let message = stderr(&refused);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains("is in the future"), "{future}: {message}");
    }
    let listed = coachlog(&db, &["search", "seen"]);
    assert_eq!(listed.status.code(), Some(1), "nothing was saved");
    let saved = coachlog(
        &db,
        &["observe", "-t", "okafor", "--at", "monday 9:05", "Seen."],
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert!(
        stdout(&saved).contains("Mon 23 Nov 2026 09:05"),
        "{}",
        stdout(&saved)
    );
}

#[test]
fn a_visit_saved_before_offsets_were_kept_reads_in_the_machines_zone() {
    let (_dir, db) = temp_db();
    let now = "2026-11-23T10:42";
    assert!(
        coachlog_in_new_york(&db, now, &["teacher", "add", "Okafor, Ngozi"])
            .status
            .success()
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    // As the first coachlogs wrote a visit: the wall-clock time alone.
    conn.execute(
        "INSERT INTO observation (id, teacher_id, observed_at, class_period, evidence,
                                  created_at, updated_at, author, replica_id)
         SELECT 'O1', id, '2026-11-20T10:36', '', 'Written before offsets.',
                '2026-11-20T15:40:00.000Z', '2026-11-20T15:40:00.000Z', 'a', 'r' FROM teacher",
        [],
    )
    .unwrap();
    let observed = coachlog_in_new_york(&db, now, &["observe", "-t", "oka", "Waited."]);
    assert!(observed.status.success(), "{}", stderr(&observed));
    let exported = coachlog_in_new_york(&db, now, &["export", "-t", "oka", "-f", "json"]);
    let json = stdout(&exported);
    assert!(
        json.contains("\"observed_at\": \"2026-11-20T10:36:00-05:00\""),
        "the old visit at the time it showed, in the zone it was written in: {json}"
    );
    assert!(
        json.contains("\"observed_at\": \"2026-11-23T10:42:00-05:00\""),
        "{json}"
    );
    let stored: Vec<String> = conn
        .prepare("SELECT observed_at FROM observation ORDER BY id = 'O1' DESC")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stored,
        ["2026-11-20T10:36", "2026-11-23T10:42-05:00"],
        "nothing is rewritten; a new visit is stored with its offset"
    );
}

#[test]
fn completions_for_every_shell_and_the_manual_open_no_database() {
    let (_dir, db) = temp_db();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = coachlog(&db, &["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        // The script asks coachlog itself what to offer.
        assert!(
            script.contains("COMPLETE") && script.contains("coachlog"),
            "{shell}: {script}"
        );
    }
    let manual = stdout(&coachlog(&db, &["man"]));
    assert!(manual.contains(".TH coachlog 1"), "{manual}");
    assert!(manual.contains("observe"));
    assert!(!db.exists(), "describing the command line opens no file");
}

fn seed_archived(db: &Path, name: &str) {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute("UPDATE teacher SET archived = 1 WHERE name = ?1", [name])
        .unwrap();
}

/// What a shell gets when it asks coachlog to complete `words` (as fish asks).
fn complete(db: &Path, shell: &str, words: &[&str]) -> Vec<String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coachlog"));
    command
        .env("COMPLETE", shell)
        .env("COACHLOG_DB", db)
        .env("COACHLOG_CONFIG", db.with_extension("no-config.toml"))
        .arg("--")
        .arg("coachlog")
        .args(words);
    if shell == "bash" {
        command
            .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
            .env("_CLAP_COMPLETE_COMP_TYPE", "9")
            .env("_CLAP_COMPLETE_SPACE", "true")
            .env("_CLAP_IFS", "\n");
    }
    let output = command.output().expect("run coachlog");
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| line.split('\t').next().unwrap_or("").to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_shell_completes_subcommands_options_and_the_teachers_names() {
    let (_dir, db) = temp_db();
    // Before there is a file: subcommands complete, no names, and no file is made.
    assert!(complete(&db, "fish", &["ob"]).contains(&"observe".to_string()));
    assert!(
        complete(&db, "fish", &["export", "--include"]).contains(&"--include-private".to_string())
    );
    assert_eq!(
        complete(&db, "fish", &["observe", "--teacher", ""]),
        Vec::<String>::new()
    );
    assert!(!db.exists(), "a completion creates no database");
    for name in [
        "Smith, Dan",
        "Zoë Ødegård-Nakamura 中村",
        "Smithers, Ann",
        "Gone, Archie",
    ] {
        assert!(coachlog(&db, &["teacher", "add", name]).status.success());
    }
    seed_archived(&db, "Gone, Archie");
    assert_eq!(
        complete(&db, "fish", &["observe", "--teacher", "smi"]),
        ["Smith, Dan", "Smithers, Ann"],
        "a start of the name, in any case; archived teachers are not offered"
    );
    assert_eq!(
        complete(&db, "fish", &["feedback", "-t", "Zo"]),
        ["Zoë Ødegård-Nakamura 中村"]
    );
    // Bash puts a completion in the line as it is: the name comes as one word.
    assert_eq!(
        complete(&db, "bash", &["export", "--teacher", "Zo"]),
        ["Zoë\\ Ødegård-Nakamura\\ 中村"]
    );
}

#[test]
fn every_subcommands_help_has_an_example() {
    let (_dir, db) = temp_db();
    for args in [
        vec!["check"],
        vec!["backup"],
        vec!["observe"],
        vec!["search"],
        vec!["trash"],
        vec!["restore"],
        vec!["teacher"],
        vec!["teacher", "add"],
        vec!["teacher", "list"],
        vec!["export"],
        vec!["import"],
        vec!["completions"],
        vec!["man"],
    ] {
        let mut with_help = args.clone();
        with_help.push("--help");
        let help = stdout(&coachlog(&db, &with_help));
        let example = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{args:?} --help has no example:\n{help}"));
        assert!(example.contains("coachlog "), "{args:?}: {example}");
    }
}

#[test]
fn the_full_screen_view_into_a_pipe_or_a_file_is_one_line_pointing_to_the_subcommands() {
    let (dir, db) = temp_db();
    // Output to a pipe.
    let piped = coachlog(&db, &[]);
    assert!(!piped.status.success());
    assert_eq!(stdout(&piped), "", "no screen is written into the pipe");
    let said = stderr(&piped);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("not a terminal") && said.contains("coachlog --help"),
        "{said}"
    );
    // Output to a file.
    let out = dir.path().join("screen.txt");
    let status = Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(&db)
        .env("TERM", "xterm-256color")
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run coachlog");
    assert!(!status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "",
        "the file stays empty"
    );
    assert!(
        !db.exists(),
        "no database is created for a view that cannot be drawn"
    );
}

#[test]
fn people_are_added_with_a_role_and_groups_and_listed_by_them() {
    let (_dir, db) = temp_db();
    let ok = |args: &[&str]| {
        let output = coachlog(&db, args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        stdout(&output)
    };
    ok(&[
        "teacher",
        "add",
        "Reyes, Ana",
        "--role",
        "leader",
        "--subject",
        "Principal",
        "--school",
        "Eastside Middle",
        "--tag",
        "leader PLC",
    ]);
    ok(&[
        "teacher",
        "add",
        "Smith, Dan",
        "--school",
        "Eastside Middle",
        "--tag",
        "pilot",
        "--tag",
        "#PLC 7",
    ]);
    ok(&[
        "teacher",
        "add",
        "Park, Eve",
        "--school",
        "Northgate",
        "--tag",
        "Pilot",
    ]);
    assert_eq!(
        ok(&["teacher", "list"]),
        "Park, Eve\tNorthgate\t\tevery 14d\t#Pilot\n\
         Reyes, Ana\tEastside Middle\tPrincipal\tevery 14d\tleader\t#leader-PLC\n\
         Smith, Dan\tEastside Middle\t\tevery 14d\t#pilot #PLC-7\n",
        "a tag typed with spaces is one word: #leader PLC read as two tags"
    );
    let names = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["teacher", "list"];
        all.extend_from_slice(args);
        ok(&all)
            .lines()
            .map(|line| line.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&["--role", "leader"]), ["Reyes, Ana"]);
    assert_eq!(names(&["--role", "teacher"]), ["Park, Eve", "Smith, Dan"]);
    assert_eq!(names(&["--tag", "PILOT"]), ["Park, Eve", "Smith, Dan"]);
    assert_eq!(
        names(&["--tag", "pilot", "--school", "eastside middle"]),
        ["Smith, Dan"]
    );
    assert_eq!(names(&["--tag", "pilot", "--tag", "plc 7"]), ["Smith, Dan"]);
    // A word of a tag finds it; a part of a word does not.
    assert_eq!(names(&["--tag", "plc"]), ["Reyes, Ana", "Smith, Dan"]);
    assert_eq!(names(&["--tag", "leader-plc"]), ["Reyes, Ana"]);
    assert!(names(&["--tag", "pil"]).is_empty());
    // A role that is not one is refused with the ones there are, and nothing is added.
    let wrong = coachlog(
        &db,
        &["teacher", "add", "Lee, Min", "--role", "superintendent"],
    );
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("teacher, leader, coach"),
        "{}",
        stderr(&wrong)
    );
    assert_eq!(names(&[]).len(), 3);
}
