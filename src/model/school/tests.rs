use super::*;
use crate::model::{Observation, PracticeMark, Walkthrough};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn person(id: &str, name: &str, school: &str, role: Role) -> Teacher {
    Teacher {
        meta: Meta {
            id: id.into(),
            ..Meta::default()
        },
        name: name.into(),
        school: school.into(),
        role,
        ..Teacher::default()
    }
}

fn row(teacher: Teacher, focus: Option<&str>, last_observed: Option<&str>) -> RosterRow {
    RosterRow {
        teacher,
        focus: focus.map(String::from),
        last_observed: last_observed.map(day),
        next_check_in: None,
        recent_ratings: Vec::new(),
    }
}

#[test]
fn a_school_is_known_by_its_name_whatever_the_case_and_spacing() {
    assert_eq!(school_key("  EASTSIDE   Middle "), "eastside middle");
    assert_eq!(school_key("Straße"), school_key("STRASSE"));
    assert_eq!(school_key("   "), "");
    let names = [
        "Eastside Middle",
        "",
        "eastside middle ",
        "  Lincoln High",
        "  ",
    ];
    assert_eq!(
        distinct_schools(names),
        ["Eastside Middle".to_string(), "Lincoln High".into()]
    );
    let nobody = person("T1", "Kim", "", Role::Teacher);
    assert!(!belongs_to(&nobody, ""), "no school is not a school");
}

#[test]
fn coverage_names_the_classroom_teachers_not_seen_in_the_gap_never_seen_first() {
    let rows = [
        row(
            person("A", "Seen lately", "E", Role::Teacher),
            None,
            Some("2026-11-20"),
        ),
        row(
            person("B", "Long ago", "E", Role::Teacher),
            None,
            Some("2026-10-01"),
        ),
        row(person("C", "Never", "E", Role::Teacher), None, None),
        row(person("D", "A leader", "E", Role::Leader), None, None),
        row(
            person("F", "On the edge", "E", Role::Teacher),
            None,
            Some("2026-11-09"),
        ),
    ];
    let names: Vec<&str> = not_observed(&rows, day("2026-11-23"), 14)
        .iter()
        .map(|r| r.teacher.name.as_str())
        .collect();
    assert_eq!(names, ["Never", "Long ago"]);
}

#[test]
fn focuses_in_play_are_grouped_by_statement_the_most_people_first() {
    let rows = [
        row(
            person("A", "Ames", "E", Role::Teacher),
            Some("Warm-up connects to the target"),
            None,
        ),
        row(
            person("B", "Bell", "E", Role::Teacher),
            Some("Cold calls"),
            None,
        ),
        row(
            person("C", "Cruz", "E", Role::Teacher),
            Some("warm-up  connects to the TARGET "),
            None,
        ),
        row(person("D", "Diaz", "E", Role::Teacher), None, None),
    ];
    let groups = focus_groups(&rows);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].line(), "2 people: Warm-up connects to the target");
    assert_eq!(groups[0].people, ["Ames", "Cruz"]);
    assert_eq!(groups[1].line(), "1 person: Cold calls");
}

fn round(id: &str, practice: &str, on: &str, marks: &[(&Teacher, Option<PracticeMark>)]) -> Round {
    Round {
        walkthrough: Walkthrough {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            practice: practice.into(),
            held_on: day(on),
            ..Walkthrough::default()
        },
        classrooms: marks
            .iter()
            .map(|(teacher, mark)| {
                let visit = mark.map(|mark| Observation {
                    teacher_id: teacher.meta.id.clone(),
                    practice_mark: Some(mark),
                    ..Observation::default()
                });
                ((*teacher).clone(), visit)
            })
            .collect(),
    }
}

#[test]
fn the_latest_round_per_practice_counts_the_schools_own_classrooms() {
    let ames = person("A", "Ames", "Eastside", Role::Teacher);
    let bell = person("B", "Bell", "eastside", Role::Teacher);
    let other = person("O", "Other", "Lincoln", Role::Teacher);
    let rounds = [
        round(
            "R1",
            "Students explain the target",
            "2026-10-01",
            &[(&ames, Some(PracticeMark::NotSeen))],
        ),
        round(
            "R2",
            "students explain the target",
            "2026-11-10",
            &[
                (&ames, Some(PracticeMark::Seen)),
                (&bell, Some(PracticeMark::NotSeen)),
                (&other, Some(PracticeMark::Seen)),
            ],
        ),
        round("R3", "Exit tickets", "2026-11-01", &[(&bell, None)]),
        round(
            "R4",
            "Only elsewhere",
            "2026-11-20",
            &[(&other, Some(PracticeMark::Seen))],
        ),
    ];
    let results = latest_rounds(&rounds, &school_key("EASTSIDE"));
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(results[0].held_on, day("2026-11-10"));
    assert_eq!(
        results[0].rate(),
        Some(50),
        "Lincoln's classroom is not counted"
    );
    assert_eq!(
        results[0].rate_words(),
        "1 of 2 classrooms visited implement it (50%)"
    );
    assert_eq!(results[1].practice, "Exit tickets");
    assert_eq!(results[1].rate_words(), "not visited yet");
}

fn goal(id: &str, teacher: &Teacher, measure: &str, status: GoalStatus) -> Goal {
    Goal {
        meta: Meta {
            id: id.into(),
            ..Meta::default()
        },
        teacher_id: teacher.meta.id.clone(),
        measure: measure.into(),
        unit: "%".into(),
        baseline: Some(20.0),
        target: Some(80.0),
        status,
        ..Goal::default()
    }
}

fn measured(goal: &Goal, on: &str, value: f64) -> Measure {
    Measure {
        meta: Meta {
            id: format!("{}-{on}", goal.meta.id),
            ..Meta::default()
        },
        goal_id: goal.meta.id.clone(),
        measured_on: day(on),
        value,
        ..Measure::default()
    }
}

#[test]
fn one_measure_is_compared_across_the_people_who_track_it() {
    let ames = person("A", "Ames", "E", Role::Teacher);
    let bell = person("B", "bell", "E", Role::Leader);
    let cruz = person("C", "Cruz", "E", Role::Teacher);
    let g1 = goal("G1", &ames, "Checks data biweekly", GoalStatus::Active);
    let g2 = goal("G2", &bell, "checks  data BIWEEKLY", GoalStatus::Active);
    let g3 = goal("G3", &cruz, "Exit tickets collected", GoalStatus::Active);
    let g4 = goal("G4", &ames, "Checks data biweekly", GoalStatus::Met);
    let g5 = goal("G5", &cruz, "Checks data biweekly", GoalStatus::Dropped);
    let m1 = [
        measured(&g1, "2026-10-01", 40.0),
        measured(&g1, "2026-11-01", 85.0),
    ];
    let m2 = [measured(&g2, "2026-11-05", 50.0)];
    let m4 = [measured(&g4, "2026-11-20", 10.0)];
    let goals: Vec<TrackedGoal<'_>> = vec![
        (&ames, &g1, &m1),
        (&bell, &g2, &m2),
        (&cruz, &g3, &[]),
        (&ames, &g4, &m4),
        (&cruz, &g5, &m2),
    ];
    let compared = compare_measures(&goals);
    assert_eq!(compared.len(), 2);
    let data = &compared[0];
    assert_eq!(data.measure, "Checks data biweekly");
    let people: Vec<&str> = data.lines.iter().map(|l| l.person.as_str()).collect();
    assert_eq!(people, ["Ames", "bell"], "a dropped goal is not compared");
    let ames_line = &data.lines[0];
    assert_eq!(
        ames_line.latest.as_ref().map(|l| (l.1, l.2.as_str())),
        Some((85.0, "85%")),
        "the active goal, at its latest measurement"
    );
    assert!(ames_line.reached && !data.lines[1].reached);
    assert_eq!(data.reached(), 1);
    assert_eq!(data.scale(), 85.0);
    assert_eq!(
        compared[1].lines[0].latest, None,
        "tracked, not measured yet"
    );
}

#[test]
fn a_text_bar_fills_to_the_value_and_marks_the_target() {
    assert_eq!(text_bar(Some(50.0), Some(80.0), 100.0, 10), "█████··│··");
    assert_eq!(text_bar(Some(90.0), Some(80.0), 100.0, 10), "███████┃█·");
    assert_eq!(text_bar(None, Some(100.0), 100.0, 4), "···│");
    assert_eq!(
        text_bar(Some(1.0), None, 100.0, 4),
        "█···",
        "a little shows"
    );
    assert_eq!(text_bar(Some(1.0), None, 0.0, 4), "");
}

#[test]
fn a_summary_keeps_to_its_own_school_and_leaves_archived_people_out() {
    let mut gone = person("Z", "Gone", "Eastside", Role::Teacher);
    gone.archived = true;
    let rows = [
        row(
            person("B", "bell", "EASTSIDE", Role::Teacher),
            Some("Cold calls"),
            None,
        ),
        row(
            person("A", "Ames", "Eastside", Role::Teacher),
            Some("Cold calls"),
            Some("2026-11-22"),
        ),
        row(
            person("O", "Other", "Lincoln", Role::Teacher),
            Some("Cold calls"),
            None,
        ),
        row(gone, Some("Cold calls"), None),
    ];
    let summary = SchoolSummary::new("Eastside", &rows, &[], &[], day("2026-11-23"), 14);
    let names: Vec<&str> = summary
        .people
        .iter()
        .map(|r| r.teacher.name.as_str())
        .collect();
    assert_eq!(names, ["Ames", "bell"]);
    assert_eq!(summary.not_observed, ["B"]);
    assert_eq!(summary.not_observed_rows()[0].teacher.name, "bell");
    assert_eq!(summary.focus_groups[0].line(), "2 people: Cold calls");
}

#[test]
fn a_measure_that_counts_down_is_reached_below_its_target_and_says_so() {
    let ames = person("A", "Ames", "E", Role::Teacher);
    let hollis = person("H", "Hollis", "E", Role::Teacher);
    let fewer = |id: &str, who: &Teacher| Goal {
        unit: String::new(),
        baseline: Some(6.0),
        target: Some(3.0),
        ..goal(id, who, "removals from P3", GoalStatus::Active)
    };
    let (g1, g2) = (fewer("G1", &ames), fewer("G2", &hollis));
    let (m1, m2) = (
        [measured(&g1, "2026-11-01", 2.0)],
        [measured(&g2, "2026-11-01", 4.0)],
    );
    let compared = compare_measures(&[(&ames, &g1, &m1), (&hollis, &g2, &m2)]);
    let lines = &compared[0].lines;
    assert!(lines.iter().all(|l| l.lower_is_better));
    assert!(lines[0].reached, "2 removals against at most 3");
    assert!(!lines[1].reached, "4 removals against at most 3");
}
