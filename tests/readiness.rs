//! Readiness reviews of schools: kept, edited, trashed and restored like every record,
//! carried by the caseload export and import, and the latest of a school is in force.

mod common;

use coachlog::db::{Command, Store};
use coachlog::model::readiness::{CriterionRating, PlanStep};
use coachlog::model::*;
use common::{add, day, empty_store};

fn school(store: &mut Store, name: &str) -> String {
    add(
        store,
        AnyRecord::School(School {
            name: name.into(),
            ..School::default()
        }),
    )
}

fn review(school_id: &str) -> ReadinessReview {
    ReadinessReview {
        school_id: school_id.into(),
        reviewed_on: day("2026-11-10"),
        ratings: vec![
            CriterionRating {
                criterion: "staff collaboration".into(),
                rating: Some(3),
                evidence: "Grade teams plan together weekly".into(),
            },
            CriterionRating {
                criterion: "principal readiness".into(),
                rating: None,
                evidence: String::new(),
            },
        ],
        achievement: Some(48.5),
        recommendation: Some(Recommendation::ReadinessPlan),
        rationale: "Collaboration is there; the principal is new".into(),
        notes: "Principal was guarded in the interview".into(),
        plan: vec![PlanStep {
            what: "Leadership team sets meeting norms".into(),
            owner: "principal".into(),
            due_on: Some(day("2027-02-01")),
        }],
        review_on: Some(day("2027-09-15")),
        ..ReadinessReview::default()
    }
}

#[test]
fn a_review_is_kept_edited_trashed_restored_and_travels_with_the_caseload() {
    let (_dir, mut store) = empty_store();
    let eastside = school(&mut store, "Eastside Middle");
    let id = add(&mut store, AnyRecord::ReadinessReview(review(&eastside)));
    let kept = store.get::<ReadinessReview>(&id).unwrap().unwrap();
    assert_eq!(
        ReadinessReview {
            meta: kept.meta.clone(),
            ..review(&eastside)
        },
        kept,
        "every field reads back as written"
    );
    let mut edited = kept.clone();
    edited.ratings[1].rating = Some(2);
    edited.recommendation = Some(Recommendation::Cohort2);
    store
        .apply(Command::Edit(AnyRecord::ReadinessReview(edited)))
        .unwrap();
    let in_force = store.readiness_review_of(&eastside).unwrap().unwrap();
    assert_eq!(in_force.recommendation, Some(Recommendation::Cohort2));
    assert_eq!(in_force.ratings[1].rating, Some(2));

    store
        .apply(Command::Delete {
            kind: Kind::ReadinessReview,
            id: id.clone(),
        })
        .unwrap();
    assert_eq!(store.readiness_review_of(&eastside).unwrap(), None);
    let trashed = store.trash().unwrap();
    let listed = trashed.iter().find(|t| t.id == id).unwrap();
    assert_eq!(listed.kind, Kind::ReadinessReview);
    assert!(listed.summary.contains("Eastside Middle"), "{listed:?}");
    store.restore(&id).unwrap();
    assert!(store.readiness_review_of(&eastside).unwrap().is_some());

    let json = serde_json::to_string(&store.caseload().unwrap()).unwrap();
    let (_other_dir, mut other) = empty_store();
    let read: Caseload = serde_json::from_str(&json).unwrap();
    other.import(read.into_records(), false).unwrap();
    assert_eq!(
        other.readiness_reviews().unwrap(),
        store.readiness_reviews().unwrap()
    );
    let old: Caseload = serde_json::from_str(r#"{"schools": []}"#).unwrap();
    assert!(
        old.readiness_reviews.is_empty(),
        "an older file still reads"
    );
}

#[test]
fn the_latest_review_of_a_school_is_the_one_on_the_board() {
    let (_dir, mut store) = empty_store();
    let eastside = school(&mut store, "Eastside Middle");
    let northgate = school(&mut store, "Northgate");
    add(&mut store, AnyRecord::ReadinessReview(review(&eastside)));
    let mut later = review(&eastside);
    later.reviewed_on = day("2027-09-15");
    later.recommendation = Some(Recommendation::Cohort1);
    add(&mut store, AnyRecord::ReadinessReview(later));
    let mut out = review(&northgate);
    out.self_selected_out = true;
    add(&mut store, AnyRecord::ReadinessReview(out));
    let board = store.readiness_board().unwrap();
    assert_eq!(board.by_readiness.len(), 1);
    assert_eq!(
        board.by_readiness[0].review.reviewed_on,
        day("2027-09-15"),
        "the later review is in force"
    );
    assert_eq!(board.first_cohort_words(), "1 of 2 schools reviewed");
    assert_eq!(board.out[0].school, "Northgate");
}

#[test]
fn a_review_needs_its_school_and_ratings_from_1_to_4() {
    let (_dir, mut store) = empty_store();
    let eastside = school(&mut store, "Eastside Middle");
    let mut wrong = review(&eastside);
    wrong.ratings[0].rating = Some(5);
    let refused = store
        .apply(Command::Add(AnyRecord::ReadinessReview(wrong)))
        .unwrap_err();
    assert!(refused.to_string().contains("from 1 to 4"), "{refused}");
    let nowhere = store
        .apply(Command::Add(AnyRecord::ReadinessReview(review(
            "no-such-school",
        ))))
        .unwrap_err();
    assert!(nowhere.to_string().contains("school"), "{nowhere}");
}

#[test]
fn purging_a_school_purges_its_reviews() {
    let (_dir, mut store) = empty_store();
    let eastside = school(&mut store, "Eastside Middle");
    let id = add(&mut store, AnyRecord::ReadinessReview(review(&eastside)));
    store
        .apply(Command::Delete {
            kind: Kind::School,
            id: eastside.clone(),
        })
        .unwrap();
    store
        .apply(Command::Purge {
            kind: Kind::School,
            id: eastside,
        })
        .unwrap();
    assert!(store.get::<ReadinessReview>(&id).unwrap().is_none());
}

/// Runs the coachlog binary on `db` at the demo's day, with no settings file.
fn coachlog(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_coachlog"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("COACHLOG_NOW", "2026-11-23T10:42")
        .env("TZ", "UTC")
        .env("COACHLOG_CONFIG", db.with_extension("toml"))
        .env_remove("COACHLOG_DB")
        .output()
        .expect("run coachlog")
}

/// The demo, loaded into a file of its own.
fn demo_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, mut store) = empty_store();
    coachlog::demo::load(&mut store, day("2026-11-23")).expect("the demo loads");
    let path = store.path().to_path_buf();
    drop(store);
    (dir, path)
}

/// What the demo's reviewers wrote for themselves: none of it may leave in an export.
fn private_notes(db: &std::path::Path) -> Vec<String> {
    let store = Store::open(db, common::clock()).unwrap();
    let notes: Vec<String> = store
        .readiness_reviews()
        .unwrap()
        .into_iter()
        .map(|r| r.notes)
        .filter(|n| !n.is_empty())
        .collect();
    assert!(notes.len() >= 2, "the demo has private notes to keep");
    notes
}

#[test]
fn coachlog_readiness_writes_the_recommendation_as_markdown_and_html() {
    let (dir, db) = demo_file();
    let markdown = coachlog(&db, &["readiness"]);
    assert!(markdown.status.success(), "{markdown:?}");
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    let page = dir.path().join("readiness.html");
    let html = coachlog(
        &db,
        &["readiness", "-f", "html", "-o", page.to_str().unwrap()],
    );
    assert!(html.status.success(), "{html:?}");
    common::assert_owner_only(&page);
    let html = std::fs::read_to_string(&page).unwrap();
    let again = coachlog(
        &db,
        &["readiness", "-f", "html", "-o", page.to_str().unwrap()],
    );
    assert!(
        !again.status.success(),
        "an existing file is kept without --force"
    );
    let forced = coachlog(
        &db,
        &[
            "readiness",
            "-f",
            "html",
            "-o",
            page.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(forced.status.success());
    assert!(markdown.contains("first cohort: 3 of 8 schools reviewed"));
    assert!(!html.contains("http"), "a page that fetches nothing");
    // A school that sat out: its rationale, as on screen (its notes stay private).
    let sat_out = "The staff voted to finish their literacy adoption first";
    assert!(markdown.contains(sat_out) && html.contains(sat_out));
    common::golden("readiness.md", &markdown);
    common::golden("readiness.html", &html);
}

#[test]
fn no_export_holds_the_reviewers_private_notes() {
    let (dir, db) = demo_file();
    let notes = private_notes(&db);
    let board = Store::open(&db, common::clock())
        .unwrap()
        .readiness_board()
        .unwrap();
    let today = day("2026-11-23");
    let mut written = vec![
        coachlog::export::readiness::markdown(&board, today),
        coachlog::export::readiness::html(&board, today),
    ];
    for format in ["md", "html"] {
        let output = coachlog(&db, &["readiness", "-f", format]);
        written.push(String::from_utf8(output.stdout).unwrap());
    }
    let _ = dir;
    for page in &written {
        assert!(page.contains("Westview High"), "the page lists the schools");
        for note in &notes {
            assert!(!page.contains(note.as_str()), "{note} leaked");
        }
    }
}

#[test]
fn an_import_with_an_achievement_out_of_0_to_100_is_refused_whole() {
    let (_dir, mut store) = empty_store();
    let eastside = school(&mut store, "Eastside Middle");
    add(&mut store, AnyRecord::ReadinessReview(review(&eastside)));
    let mut caseload = store.caseload().unwrap();
    caseload.readiness_reviews[0].achievement = Some(7444.0);
    let (_other_dir, mut other) = empty_store();
    let refused = other.import(caseload.into_records(), false).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("7444% is not a percentage from 0 to 100"),
        "{refused}"
    );
    assert!(other.schools().unwrap().is_empty(), "nothing was imported");
}

#[test]
fn the_pages_of_one_school_read_as_one() {
    let (_dir, mut store) = empty_store();
    let ash = school(&mut store, "Ash Elementary");
    let mut one = review(&ash);
    one.ratings[1].rating = Some(2);
    one.recommendation = Some(Recommendation::Cohort1);
    add(&mut store, AnyRecord::ReadinessReview(one));
    let board = store.readiness_board().unwrap();
    let today = day("2026-11-23");
    for page in [
        coachlog::export::readiness::markdown(&board, today),
        coachlog::export::readiness::html(&board, today),
    ] {
        assert!(page.contains("top third (1 place)"), "{page}");
        assert!(page.contains("1 of 1 school reviewed"), "{page}");
        assert!(
            page.contains("Readiness: the mean of the 1–4 ratings on 2 criteria"),
            "{page}"
        );
        assert!(
            !page.contains("1 places") && !page.contains("1 schools"),
            "{page}"
        );
    }
}
