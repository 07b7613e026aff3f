//! The readiness recommendation, as a page to share with a superintendent, a principals'
//! council or a teachers' association: the schools ranked by achievement and by
//! readiness side by side, where the rankings disagree, the recommended first cohort with
//! each rationale, the later cohorts, the schools asked for a readiness plan with the
//! plan and its review date, and those that chose to sit out with their rationale. Never
//! the reviewer's private notes, nor the evidence heard in interviews.

use super::html::{escape, page_start};
use super::markdown::{cell, inline};
use super::words::day;
use crate::model::readiness::{
    Board, RATING_RANGE, Recommendation, Reviewed, achievement_words, counted, score_words,
    steps_by_due,
};
use chrono::NaiveDate;
use std::fmt::Write;

/// The mark of a school where the two rankings disagree.
pub const DISAGREE_MARK: &str = "≠";
/// The mark of a school recommended for the first cohort.
pub const COHORT_MARK: &str = "★";

/// What the marks mean, in a sentence.
pub fn legend(board: &Board) -> String {
    format!(
        "{DISAGREE_MARK} the rankings disagree: in the top third ({}) of one ranking and not of the other. {COHORT_MARK} recommended for the first cohort.",
        counted(board.top_third(), "place", "places")
    )
}

/// What the figures of the rankings are, in a sentence.
pub fn figures_legend(board: &Board) -> String {
    let criteria = board
        .criteria_count()
        .map_or("each review's criteria".into(), |n| {
            counted(n, "criterion", "criteria")
        });
    format!(
        "Readiness: the mean of the {}–{} ratings on {criteria}; achievement: the school's figure as entered, in %.",
        RATING_RANGE.start(),
        RATING_RANGE.end()
    )
}

/// "12 schools reviewed · 4 in the first cohort · 1 sat out".
fn facts(board: &Board, today: NaiveDate) -> String {
    format!(
        "As of {} · first cohort: {} · {} sat out",
        day(today),
        board.first_cohort_words(),
        board.out.len()
    )
}

/// A school in a ranking, with its figure and its marks: "Eastside Middle 61% ≠ ★".
pub fn ranked_words(board: &Board, school: &Reviewed, figure: &str) -> String {
    let mut words = format!("{} ({figure})", school.school.trim());
    if board.disagree(&school.review.school_id) {
        words.push(' ');
        words.push_str(DISAGREE_MARK);
    }
    if school.review.first_cohort() {
        words.push(' ');
        words.push_str(COHORT_MARK);
    }
    words
}

/// The readiness score as it reads, with what is missing: "3.2", "not scored (2 to rate)".
pub fn readiness_words(school: &Reviewed) -> String {
    match school.review.score() {
        Some(score) => score_words(Some(score)),
        None if school.review.ratings.is_empty() => "not scored".into(),
        None => format!("not scored ({} to rate)", school.review.unrated()),
    }
}

/// "2nd by achievement, 6th by readiness".
pub fn disagreement_words(board: &Board, school: &Reviewed) -> String {
    let id = &school.review.school_id;
    let place =
        |ranking: &[Reviewed]| Board::place(ranking, id).map_or("–".into(), |p| format!("#{p}"));
    format!(
        "{} by achievement, {} by readiness",
        place(&board.by_achievement),
        place(&board.by_readiness)
    )
}

/// The rows of the side-by-side rankings: place, by achievement, by readiness.
fn ranking_rows(board: &Board) -> Vec<(usize, String, String)> {
    board
        .by_achievement
        .iter()
        .zip(&board.by_readiness)
        .enumerate()
        .map(|(at, (a, r))| {
            (
                at + 1,
                ranked_words(board, a, &achievement_words(a.review.achievement)),
                ranked_words(board, r, &readiness_words(r)),
            )
        })
        .collect()
}

/// Ends `out` with one blank line, whatever the section before ended with.
fn blank_line(out: &mut String) {
    while !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn due_words(due: Option<NaiveDate>) -> String {
    due.map_or("no date".into(), day)
}

/// The recommendation as Markdown.
pub fn markdown(board: &Board, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Readiness for coaching\n\n{}\n", facts(board, today));
    let _ = writeln!(out, "## Recommended first cohort\n");
    let first = board.first_cohort();
    if first.is_empty() {
        let _ = writeln!(out, "No school is recommended for the first cohort yet.");
    }
    for school in first {
        let _ = writeln!(
            out,
            "- **{}** (readiness {}, achievement {}): {}",
            inline(school.school.trim()),
            readiness_words(school),
            achievement_words(school.review.achievement),
            inline(&rationale(school))
        );
    }
    let _ = writeln!(out, "\n## The two rankings\n");
    if board.by_readiness.is_empty() {
        let _ = writeln!(out, "No school taking part has been reviewed.");
    } else {
        let _ = writeln!(
            out,
            "| Place | By achievement | By readiness |\n|---|---|---|"
        );
        for (place, achievement, readiness) in ranking_rows(board) {
            let _ = writeln!(
                out,
                "| {place} | {} | {} |",
                cell(&achievement),
                cell(&readiness)
            );
        }
        let _ = writeln!(out, "\n{}\n\n{}", legend(board), figures_legend(board));
    }
    let _ = writeln!(out, "\n## Where the rankings disagree\n");
    let disagreements = board.disagreements();
    if disagreements.is_empty() {
        let _ = writeln!(out, "The two rankings agree on the top third.");
    }
    for school in disagreements {
        let _ = writeln!(
            out,
            "- {}: {}",
            inline(school.school.trim()),
            disagreement_words(board, school)
        );
    }
    let later = board.later_cohorts();
    if !later.is_empty() {
        let _ = writeln!(out, "\n## Later cohorts\n");
        for school in later {
            let _ = writeln!(
                out,
                "- **{}** ({}): {}",
                inline(school.school.trim()),
                recommendation_words(school),
                inline(&rationale(school))
            );
        }
    }
    let _ = writeln!(out, "\n## Readiness plans\n");
    let plans = board.readiness_plans();
    if plans.is_empty() {
        let _ = writeln!(out, "No school is asked for a readiness plan.");
    }
    for school in plans {
        let _ = writeln!(
            out,
            "### {}\n\n{}\n\nReview on {}.\n",
            inline(school.school.trim()),
            inline(&rationale(school)),
            due_words(school.review.review_on)
        );
        if school.review.plan.is_empty() {
            let _ = writeln!(out, "No steps written yet.\n");
            continue;
        }
        let _ = writeln!(out, "| Step | Owner | Due |\n|---|---|---|");
        for step in steps_by_due(&school.review.plan) {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&step.what),
                cell(&step.owner),
                due_words(step.due_on)
            );
        }
        out.push('\n');
    }
    let undecided = board.undecided();
    if !undecided.is_empty() {
        let names: Vec<String> = undecided.iter().map(|r| inline(r.school.trim())).collect();
        blank_line(&mut out);
        let _ = writeln!(out, "No recommendation yet: {}.", names.join(", "));
    }
    blank_line(&mut out);
    let _ = writeln!(out, "## Self-selected out\n");
    if board.out.is_empty() {
        let _ = writeln!(out, "No school chose to sit out.");
    }
    for school in &board.out {
        let _ = writeln!(
            out,
            "- **{}**: {}",
            inline(school.school.trim()),
            inline(&rationale(school))
        );
    }
    let _ = writeln!(
        out,
        "\n_Exported from coachlog; the reviewers' notes are not in it._"
    );
    out
}

/// "cohort year 2".
pub fn recommendation_words(school: &Reviewed) -> &'static str {
    school
        .review
        .recommendation
        .map_or("no recommendation yet", Recommendation::label)
}

/// The rationale, or that none is written.
fn rationale(school: &Reviewed) -> String {
    let text = school.review.rationale.trim();
    if text.is_empty() {
        "no rationale written yet".into()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The recommendation as a printable HTML page.
pub fn html(board: &Board, today: NaiveDate) -> String {
    let title = "Readiness for coaching";
    let mut out = page_start(title);
    let _ = writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"facts\">{}</p>\n</header>",
        escape(&facts(board, today))
    );
    out.push_str("<section class=\"keep\">\n<h2>Recommended first cohort</h2>\n");
    let first = board.first_cohort();
    if first.is_empty() {
        out.push_str("<p>No school is recommended for the first cohort yet.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for school in first {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> <span class=\"muted\">(readiness {}, achievement {})</span>: {}</li>",
                escape(school.school.trim()),
                escape(&readiness_words(school)),
                escape(&achievement_words(school.review.achievement)),
                escape(&rationale(school))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n<section class=\"keep\">\n<h2>The two rankings</h2>\n");
    if board.by_readiness.is_empty() {
        out.push_str("<p>No school taking part has been reviewed.</p>\n");
    } else {
        out.push_str(
            "<table>\n<thead><tr><th>Place</th><th>By achievement</th><th>By readiness</th></tr></thead>\n<tbody>\n",
        );
        for (place, achievement, readiness) in ranking_rows(board) {
            let _ = writeln!(
                out,
                "<tr><td class=\"value\">{place}</td><td>{}</td><td>{}</td></tr>",
                escape(&achievement),
                escape(&readiness)
            );
        }
        let _ = writeln!(
            out,
            "</tbody>\n</table>\n<p class=\"muted\">{}</p>\n<p class=\"muted\">{}</p>",
            escape(&legend(board)),
            escape(&figures_legend(board))
        );
    }
    out.push_str("</section>\n<section class=\"keep\">\n<h2>Where the rankings disagree</h2>\n");
    let disagreements = board.disagreements();
    if disagreements.is_empty() {
        out.push_str("<p>The two rankings agree on the top third.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for school in disagreements {
            let _ = writeln!(
                out,
                "<li>{}: {}</li>",
                escape(school.school.trim()),
                escape(&disagreement_words(board, school))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    let later = board.later_cohorts();
    if !later.is_empty() {
        out.push_str("<section class=\"keep\">\n<h2>Later cohorts</h2>\n<ul>\n");
        for school in later {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> <span class=\"muted\">({})</span>: {}</li>",
                escape(school.school.trim()),
                recommendation_words(school),
                escape(&rationale(school))
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("<section>\n<h2>Readiness plans</h2>\n");
    let plans = board.readiness_plans();
    if plans.is_empty() {
        out.push_str("<p>No school is asked for a readiness plan.</p>\n");
    }
    for school in plans {
        let _ = writeln!(
            out,
            "<div class=\"keep\">\n<h3>{}</h3>\n<p>{}</p>\n<p class=\"facts\">Review on {}.</p>",
            escape(school.school.trim()),
            escape(&rationale(school)),
            escape(&due_words(school.review.review_on))
        );
        if school.review.plan.is_empty() {
            out.push_str("<p>No steps written yet.</p>\n</div>\n");
            continue;
        }
        out.push_str(
            "<table>\n<thead><tr><th>Step</th><th>Owner</th><th>Due</th></tr></thead>\n<tbody>\n",
        );
        for step in steps_by_due(&school.review.plan) {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"when\">{}</td></tr>",
                escape(&step.what),
                escape(&step.owner),
                escape(&due_words(step.due_on))
            );
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
    let undecided = board.undecided();
    if !undecided.is_empty() {
        let names: Vec<String> = undecided.iter().map(|r| escape(r.school.trim())).collect();
        let _ = writeln!(out, "<p>No recommendation yet: {}.</p>", names.join(", "));
    }
    out.push_str("</section>\n<section class=\"keep\">\n<h2>Self-selected out</h2>\n");
    if board.out.is_empty() {
        out.push_str("<p>No school chose to sit out.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for school in &board.out {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {}</li>",
                escape(school.school.trim()),
                escape(&rationale(school))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str(
        "</section>\n<footer>Exported from coachlog; the reviewers' notes are not in it.</footer>\n</main>\n</body>\n</html>\n",
    );
    out
}
