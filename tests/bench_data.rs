//! The benches' generated caseloads hold the history their numbers claim, and the same
//! records on every run.

#[path = "../benches/common/mod.rs"]
mod caseload;

use caseload::{Caseload, Cohort};
use coachlog::model::{GoalStatus, TeacherFile};

fn file(caseload: &Caseload, index: usize) -> TeacherFile {
    caseload
        .open()
        .teacher_file(&caseload.teacher_ids[index])
        .expect("readable")
        .expect("a live teacher")
}

#[test]
fn a_generated_year_has_goals_focuses_visits_and_check_ins_in_the_described_numbers() {
    let caseload = Caseload::generate(&[Cohort {
        teachers: 2,
        years: 2,
    }]);
    for index in 0..2 {
        let file = file(&caseload, index);
        assert_eq!(file.goals.len(), 4, "two goals a year");
        assert_eq!(file.measures.len(), 32, "eight measures a goal");
        assert_eq!(file.focuses.len(), 6, "three focuses a year");
        let active = file.active_focus().expect("the last focus is active");
        assert_eq!(active.meta.id, file.focuses[0].meta.id);
        assert!(
            file.focuses[1..]
                .iter()
                .all(|f| f.ended_on.is_some() && f.outcome.is_some()),
            "every earlier focus ended with an outcome"
        );
        assert_eq!(
            file.goals
                .iter()
                .filter(|g| g.status == GoalStatus::Active)
                .count(),
            2,
            "last year's goals are closed, this year's active"
        );
        let visits = file.observations.len();
        assert!((60..=84).contains(&visits), "{visits} visits in two years");
        assert!(file.observations.iter().all(|o| {
            let sentences = o.evidence.matches(". ").count() + 1;
            (2..=4).contains(&sentences) && o.focus_id.is_some()
        }));
        assert_eq!(file.check_ins.len(), 36, "a check-in every two weeks");
        assert_eq!(file.actions.len(), 72, "two actions a check-in");
        let open = file.open_actions().count();
        assert!(
            (1..=20).contains(&open),
            "most actions done, some open: {open} open"
        );
        let last_visit = file.observations[0].observed_at.date();
        assert!(caseload::now().date() - last_visit < chrono::TimeDelta::days(14));
    }
}

#[test]
fn the_same_caseload_is_generated_on_every_run() {
    let cohorts = [Cohort {
        teachers: 3,
        years: 1,
    }];
    let (first, second) = (Caseload::generate(&cohorts), Caseload::generate(&cohorts));
    assert_eq!(first.teacher_ids, second.teacher_ids);
    // Only the file's own replica id, stamped on every row, differs.
    let records = |caseload: &Caseload, index: usize| {
        let replica_id = caseload.open().replica_id().to_owned();
        format!("{:?}", file(caseload, index)).replace(&replica_id, "this file")
    };
    for index in 0..3 {
        assert_eq!(records(&first, index), records(&second, index));
    }
}
