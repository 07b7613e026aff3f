//! The rules on goals and kinds, on values built in memory.

use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Fewer redirects: from 12 down to 4 by 1 Nov.
fn falling_goal() -> Goal {
    Goal {
        baseline: Some(12.0),
        target: Some(4.0),
        target_on: Some(day("2026-11-01")),
        ..Goal::default()
    }
}

#[test]
fn lower_is_better_when_the_baseline_is_above_the_target() {
    let goal = falling_goal();
    assert!(goal.reached_by(4.0));
    assert!(!goal.reached_by(5.0));
    let rising = Goal {
        baseline: Some(32.0),
        target: Some(85.0),
        ..goal
    };
    assert!(rising.reached_by(86.0));
    assert!(!rising.reached_by(84.0));
    let no_target = Goal {
        target: None,
        ..Goal::default()
    };
    assert!(!no_target.reached_by(100.0), "no target, no verdict");
}

#[test]
fn an_active_goal_short_of_its_target_is_past_its_target_date_the_day_after() {
    let goal = falling_goal();
    assert!(goal.past_target_date(Some(6.5), day("2026-11-02")));
    assert!(
        goal.past_target_date(None, day("2026-11-02")),
        "never measured"
    );
    assert!(
        !goal.past_target_date(Some(6.5), day("2026-11-01")),
        "on the day"
    );
}

#[test]
fn a_goal_whose_target_is_reached_is_not_past_its_target_date() {
    let goal = falling_goal();
    assert!(!goal.past_target_date(Some(3.0), day("2026-11-23")));
}

#[test]
fn a_goal_met_dropped_or_without_a_date_is_never_past_its_target_date() {
    let today = day("2026-11-23");
    for status in [GoalStatus::Met, GoalStatus::Dropped] {
        let closed = Goal {
            status,
            ..falling_goal()
        };
        assert!(!closed.past_target_date(Some(6.5), today), "{status}");
    }
    let undated = Goal {
        target_on: None,
        ..falling_goal()
    };
    assert!(!undated.past_target_date(Some(6.5), today));
}

#[test]
fn a_kind_is_named_as_a_person_says_it() {
    assert_eq!(Kind::CheckIn.to_string(), "check-in");
    assert_eq!(Kind::Walkthrough.label(), "walkthrough");
}

#[test]
fn an_id_is_found_by_its_start_in_either_case_and_nothing_typed_finds_nothing() {
    let id = "01JD4KXYZ";
    assert!(super::id_starts_with(id, " 01jd4k "));
    assert!(super::id_starts_with(id, id));
    assert!(!super::id_starts_with(id, "01JE"));
    assert!(!super::id_starts_with(id, "  "));
    assert!(!super::id_starts_with(id, "01JD4KXYZ0"));
}
