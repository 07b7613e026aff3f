//! The settings file as a coach meets it: `coachlog config` shows what is in effect, the
//! settings change what coachlog does, and a mistake is named with its line without
//! stopping anything.

use std::path::Path;
use std::process::{Command, Output};

fn coachlog(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .args(args)
        .env("COACHLOG_CONFIG", config)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env_remove("COACHLOG_DB")
        .output()
        .expect("run coachlog")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_settings_choose_the_file_the_author_and_a_new_teachers_rhythm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "database = {:?}\nauthor = \"Ms. Rivera\"\ncheck_in_days = 7\n",
            db.display().to_string()
        ),
    )
    .unwrap();
    let added = coachlog(&config, &["teacher", "add", "Park, Eve"]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(db.exists(), "the config's database was used");
    let listed = coachlog(&config, &["teacher", "list"]);
    assert_eq!(text(&listed.stdout), "Park, Eve\t\t\tevery 7d\n");
    let all = coachlog(&config, &["export", "--all"]);
    assert!(
        text(&all.stdout).contains("\"author\": \"Ms. Rivera\""),
        "{}",
        text(&all.stdout)
    );
    let shown = coachlog(&config, &["config"]);
    assert!(shown.status.success());
    let said = text(&shown.stdout);
    assert!(
        said.starts_with(&format!("# {}\n", config.display())),
        "{said}"
    );
    assert!(said.contains("\nauthor = \"Ms. Rivera\"\n"), "{said}");
    assert!(said.contains("\ncheck_in_days = 7\n"), "{said}");
    assert!(said.contains("\ncoverage_gap_days = 14\n"), "{said}");
}

#[test]
fn a_mistake_in_the_settings_is_named_with_its_line_and_stops_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "check_in_days = 0\ncoverage_gap_days = 10\n").unwrap();
    let db_arg = db.to_str().unwrap();
    let added = coachlog(&config, &["--db", db_arg, "teacher", "add", "Park, Eve"]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert_eq!(
        text(&added.stderr),
        format!(
            "coachlog: {} line 1: check_in_days must be from 1 to 365 (it is 0); its default is used\n",
            config.display()
        )
    );
    let listed = coachlog(&config, &["--db", db_arg, "teacher", "list"]);
    assert_eq!(text(&listed.stdout), "Park, Eve\t\t\tevery 14d\n");
    let shown = coachlog(&config, &["config"]);
    assert_eq!(shown.status.code(), Some(1));
    assert!(text(&shown.stdout).contains("\ncoverage_gap_days = 10\n"));
    assert!(text(&shown.stderr).contains("line 1: check_in_days"));
}

#[test]
fn a_schools_own_rating_words_show_on_the_command_line_and_in_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "rating_labels = [\"emerging\", \"developing\", \"proficient\", \"exemplary\"]\n",
    )
    .unwrap();
    let db_arg = db.to_str().unwrap();
    assert!(
        coachlog(&config, &["--db", db_arg, "teacher", "add", "Park, Eve"])
            .status
            .success()
    );
    let observed = coachlog(
        &config,
        &[
            "--db",
            db_arg,
            "observe",
            "-t",
            "park",
            "--rating",
            "3",
            "Partners explained the target",
        ],
    );
    assert!(observed.status.success(), "{}", text(&observed.stderr));
    assert!(
        text(&observed.stdout).contains("rated 3 proficient"),
        "{}",
        text(&observed.stdout)
    );
    let brief = coachlog(&config, &["--db", db_arg, "export", "-t", "park"]);
    assert!(
        text(&brief.stdout).contains("3 proficient"),
        "{}",
        text(&brief.stdout)
    );
    assert!(
        !text(&brief.stdout).contains("3 developing"),
        "the built-in word is gone"
    );
}
