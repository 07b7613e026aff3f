use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// A school's review rated `ratings` on as many criteria, with an achievement figure.
fn review(id: &str, achievement: Option<f64>, ratings: &[Option<u8>]) -> Reviewed {
    let criteria: Vec<String> = (0..ratings.len())
        .map(|n| format!("criterion {n}"))
        .collect();
    let mut review = ReadinessReview::on_criteria(id, day(10), &criteria);
    for (rated, rating) in review.ratings.iter_mut().zip(ratings) {
        rated.rating = *rating;
    }
    review.achievement = achievement;
    Reviewed {
        school: format!("{id} School"),
        review,
    }
}

fn ids(ranking: &[Reviewed]) -> Vec<&str> {
    ranking
        .iter()
        .map(|r| r.review.school_id.as_str())
        .collect()
}

#[test]
fn the_score_is_the_mean_of_the_ratings_and_none_while_a_criterion_is_unrated() {
    let rated = review("a", None, &[Some(4), Some(3), Some(2), Some(3)]);
    assert_eq!(rated.review.score(), Some(3.0));
    let partial = review("b", None, &[Some(4), None, Some(2)]);
    assert_eq!(partial.review.score(), None);
    assert_eq!(partial.review.unrated(), 1);
    assert_eq!(review("c", None, &[]).review.score(), None);
}

#[test]
fn achievement_ranks_highest_first_with_schools_without_a_figure_last() {
    let board = Board::new(vec![
        review("low", Some(31.0), &[Some(4)]),
        review("none", None, &[Some(4)]),
        review("high", Some(72.5), &[Some(1)]),
        review("mid", Some(55.0), &[Some(2)]),
    ]);
    assert_eq!(ids(&board.by_achievement), ["high", "mid", "low", "none"]);
}

#[test]
fn readiness_ranks_highest_score_first_ties_by_name_and_unscored_last() {
    let board = Board::new(vec![
        review("unscored", Some(90.0), &[Some(4), None]),
        review("beta", None, &[Some(3), Some(3)]),
        review("alpha", None, &[Some(2), Some(4)]),
        review("ready", None, &[Some(4), Some(4)]),
    ]);
    assert_eq!(
        ids(&board.by_readiness),
        ["ready", "alpha", "beta", "unscored"]
    );
}

#[test]
fn a_school_that_sits_out_is_listed_apart_and_not_ranked() {
    let mut out = review("out", Some(99.0), &[Some(4)]);
    out.review.self_selected_out = true;
    out.review.recommendation = Some(Recommendation::Cohort1);
    let board = Board::new(vec![out, review("in", Some(10.0), &[Some(1)])]);
    assert_eq!(ids(&board.by_achievement), ["in"]);
    assert_eq!(ids(&board.by_readiness), ["in"]);
    assert_eq!(ids(&board.out), ["out"]);
    assert!(board.first_cohort().is_empty(), "sitting out wins");
    assert_eq!(board.reviewed(), 2);
}

#[test]
fn the_rankings_disagree_on_a_school_in_the_top_third_of_one_only() {
    // Six schools: the top third is two places.
    let board = Board::new(vec![
        review("a", Some(90.0), &[Some(1)]),
        review("b", Some(80.0), &[Some(4)]),
        review("c", Some(70.0), &[Some(3)]),
        review("d", Some(60.0), &[Some(2)]),
        review("e", Some(50.0), &[Some(2)]),
        review("f", Some(40.0), &[Some(2)]),
    ]);
    assert_eq!(board.top_third(), 2);
    assert_eq!(ids(&board.by_readiness)[..2], ["b", "c"]);
    // a: top of achievement, last of readiness; c: top third of readiness only.
    assert!(board.disagree("a"));
    assert!(board.disagree("c"));
    assert!(!board.disagree("b"), "in the top third of both");
    assert!(!board.disagree("f"), "in the top third of neither");
    assert_eq!(ids_of(&board.disagreements()), ["c", "a"]);
}

fn ids_of(list: &[&Reviewed]) -> Vec<String> {
    list.iter().map(|r| r.review.school_id.clone()).collect()
}

#[test]
fn the_top_third_is_rounded_up() {
    let board = |n: usize| {
        Board::new(
            (0..n)
                .map(|i| review(&format!("s{i}"), None, &[Some(2)]))
                .collect(),
        )
    };
    assert_eq!(board(21).top_third(), 7);
    assert_eq!(board(8).top_third(), 3);
    assert_eq!(board(1).top_third(), 1);
    assert_eq!(board(0).top_third(), 0);
}

#[test]
fn the_first_cohort_is_counted_against_every_school_reviewed() {
    let mut schools: Vec<Reviewed> = (0..21)
        .map(|i| review(&format!("s{i:02}"), Some(f64::from(i)), &[Some(2)]))
        .collect();
    for school in schools.iter_mut().take(7) {
        school.review.recommendation = Some(Recommendation::Cohort1);
    }
    schools[7].review.recommendation = Some(Recommendation::ReadinessPlan);
    schools[20].review.self_selected_out = true;
    let board = Board::new(schools);
    assert_eq!(board.first_cohort().len(), 7);
    assert_eq!(board.first_cohort_words(), "7 of 21 schools reviewed");
    assert_eq!(ids_of(&board.readiness_plans()), ["s07"]);
}

#[test]
fn the_latest_review_of_a_school_is_the_one_in_force() {
    let mut old = review("a", Some(40.0), &[Some(1)]).review;
    old.reviewed_on = day(1);
    let mut new = old.clone();
    new.reviewed_on = day(20);
    new.achievement = Some(45.0);
    let other = review("b", None, &[Some(1)]).review;
    let reviews = [new.clone(), old, other.clone()];
    let latest = latest_per_school(&reviews);
    assert_eq!(latest, [&new, &other]);
}

#[test]
fn a_plan_is_typed_one_step_a_line_and_reads_back_the_same() {
    let parse_day = |typed: &str| {
        NaiveDate::parse_from_str(typed, "%Y-%m-%d")
            .map_err(|_| format!("\"{typed}\" is not a day"))
    };
    let plan = parse_plan(
        "Leadership team sets norms / principal / 2027-01-15\n\n Book study on efficacy / team\nVisit a cohort school",
        parse_day,
    )
    .unwrap();
    assert_eq!(
        plan,
        [
            PlanStep {
                what: "Leadership team sets norms".into(),
                owner: "principal".into(),
                due_on: Some(NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()),
            },
            PlanStep {
                what: "Book study on efficacy".into(),
                owner: "team".into(),
                due_on: None,
            },
            PlanStep {
                what: "Visit a cohort school".into(),
                ..PlanStep::default()
            },
        ]
    );
    assert_eq!(parse_plan(&plan_text(&plan), parse_day).unwrap(), plan);
    let wrong = parse_plan("Norms / principal / someday", parse_day).unwrap_err();
    assert_eq!(wrong, "line 1: \"someday\" is not a day");
    assert!(parse_plan(" / principal", parse_day).is_err());
}

#[test]
fn a_recommendation_is_read_by_its_word_or_its_label() {
    assert_eq!("cohort year 2".parse(), Ok(Recommendation::Cohort2));
    assert_eq!("readiness_plan".parse(), Ok(Recommendation::ReadinessPlan));
    assert!("cohort 4".parse::<Recommendation>().is_err());
}

#[test]
fn achievement_reads_as_a_percentage() {
    assert_eq!(achievement_words(Some(61.0)), "61%");
    assert_eq!(achievement_words(Some(72.5)), "72.5%");
    assert_eq!(achievement_words(None), "no figure");
}

fn school(id: &str, name: &str) -> crate::model::School {
    let mut school = crate::model::School {
        name: name.into(),
        ..crate::model::School::default()
    };
    school.meta.id = id.into();
    school
}

#[test]
fn the_schools_not_reviewed_are_those_without_a_review_by_name() {
    let mut out = review("out", Some(80.0), &[Some(4)]);
    out.review.self_selected_out = true;
    let board = Board::new(vec![review("a", None, &[Some(2)]), out]);
    let schools = [
        school("z", "zinnia Middle"),
        school("a", "a School"),
        school("out", "out School"),
        school("b", "Birch Elementary"),
    ];
    let left: Vec<String> = board
        .not_reviewed(&schools)
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        left,
        ["Birch Elementary", "zinnia Middle"],
        "by name, any case"
    );
}

#[test]
fn the_screen_goes_down_the_readiness_ranking_then_those_sat_out_then_those_not_reviewed() {
    let mut out = review("out", Some(99.0), &[Some(4)]);
    out.review.self_selected_out = true;
    let board = Board::new(vec![
        review("low", Some(90.0), &[Some(1)]),
        out,
        review("high", Some(10.0), &[Some(4)]),
    ]);
    let not_reviewed = board.not_reviewed(&[school("new", "New School"), school("high", "x")]);
    assert_eq!(
        board.school_order(&not_reviewed),
        ["high", "low", "out", "new"],
        "by readiness, not by achievement"
    );
    assert_eq!(Board::default().school_order(&[]), Vec::<String>::new());
}

#[test]
fn achievement_is_a_percentage_from_0_to_100_and_the_refusal_names_the_range() {
    assert_eq!(parse_achievement("48"), Ok(Some(48.0)));
    assert_eq!(parse_achievement(" 72,5% "), Ok(Some(72.5)));
    assert_eq!(parse_achievement("0"), Ok(Some(0.0)));
    assert_eq!(parse_achievement("100"), Ok(Some(100.0)));
    assert_eq!(parse_achievement(""), Ok(None), "blank: no figure");
    assert_eq!(
        parse_achievement("7444"),
        Err("7444% is not a percentage from 0 to 100".into())
    );
    assert_eq!(
        parse_achievement("-5"),
        Err("-5% is not a percentage from 0 to 100".into())
    );
    assert_eq!(
        parse_achievement("74.5abc"),
        Err("\"74.5abc\" is not a percentage from 0 to 100".into())
    );
    assert!(
        parse_achievement("24/28").is_err(),
        "one figure, not a part"
    );
    assert!(check_achievement(f64::NAN).is_err());
}

#[test]
fn a_review_with_a_figure_out_of_range_is_refused() {
    let mut wrong = review("a", Some(7444.0), &[Some(3)]).review;
    assert_eq!(
        wrong.check_figures(),
        Err("the achievement figure: 7444% is not a percentage from 0 to 100".into())
    );
    wrong.achievement = Some(74.0);
    assert_eq!(wrong.check_figures(), Ok(()));
    wrong.ratings[0].rating = Some(5);
    assert_eq!(wrong.check_figures(), Err("a rating is from 1 to 4".into()));
}

#[test]
fn plan_steps_go_by_due_date_the_undated_last_and_ties_as_written() {
    let step = |what: &str, due: Option<NaiveDate>| PlanStep {
        what: what.into(),
        owner: String::new(),
        due_on: due,
    };
    let may = NaiveDate::from_ymd_opt(2027, 5, 22);
    let march = NaiveDate::from_ymd_opt(2027, 3, 1);
    let plan = [
        step("undated first", None),
        step("in May", may),
        step("in March", march),
        step("undated second", None),
        step("also in March", march),
    ];
    let order: Vec<&str> = steps_by_due(&plan)
        .iter()
        .map(|s| s.what.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "in March",
            "also in March",
            "in May",
            "undated first",
            "undated second"
        ]
    );
}
