//! One school's readiness review in full, as its reviewer reads it: the day reviewed,
//! the achievement figure, whether the school sat out, the recommendation, each
//! criterion's rating with the evidence for it, the rationale, the readiness plan and the
//! day it is reviewed, and the reviewer's notes, marked private (the pages leave them
//! out). A school not reviewed yet says so, and which key reviews it. Drawn in a pane
//! that scrolls (J/K): beside the rankings on a wide screen, on its own (⏎) on any.

use super::super::wrap::folded;
use super::super::{scroll, theme};
use super::{day, plan_step_words};
use crate::app::App;
use crate::app::keymap::{self, Context, Msg};
use crate::app::readiness::{ReadinessView, Selected};
use crate::export::readiness::{COHORT_MARK, DISAGREE_MARK, readiness_words, recommendation_words};
use crate::model::readiness::{Board, Reviewed, achievement_words, counted, steps_by_due};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Columns of the labels in front of the review's facts ("Achievement  48%").
const LABEL: usize = 12;

/// Columns of a criterion's rating in front of its name (" 4  "); its evidence is
/// indented as far, so that it reads under the name.
const RATING: usize = 5;

/// The selected school's review in a bordered pane over `area`, from where it was
/// scrolled to, with the keys of `context` (the screen's keys in force) on its cue.
pub fn render(app: &App, view: &ReadinessView, context: Context, frame: &mut Frame, area: Rect) {
    let lines = lines(view, context, usize::from(area.width.saturating_sub(2)));
    let title = match view.selected_school() {
        Some(Selected::Reviewed(school)) => text::line(school.school.trim()).into_owned(),
        Some(Selected::NotReviewed(school)) => text::line(school.name.trim()).into_owned(),
        None => "No school".into(),
    };
    let room = usize::from(area.width).saturating_sub(4);
    let block = Block::bordered().title(format!(" {} ", text::truncate(&title, room)));
    let keys = (
        keymap::key_for(context, Msg::DetailUp),
        keymap::key_for(context, Msg::DetailDown),
    );
    app.hits.add(area, crate::app::mouse::Target::Detail);
    scroll::render(
        frame,
        area,
        block,
        lines,
        view.review_offset(),
        (&keys.0, &keys.1),
    );
}

/// The lines of the selected school's review, each at most `width` columns; `context`
/// names the key that reviews a school not reviewed yet.
pub fn lines(view: &ReadinessView, context: Context, width: usize) -> Vec<Line<'static>> {
    match view.selected_school() {
        Some(Selected::Reviewed(school)) => reviewed(&view.board, school, width),
        Some(Selected::NotReviewed(_)) => {
            let key = keymap::key_for(context, Msg::Edit);
            folded(
                &format!("Not reviewed yet: {key} reviews it."),
                0,
                width,
                theme::dim(),
            )
        }
        None => folded(
            "No school to show: schools come with the people who work in them.",
            0,
            width,
            theme::dim(),
        ),
    }
}

/// `words` folded to `width` under an indent of `indent` columns, the first row starting
/// with `lead` (in `lead_style`) instead of the indent.
fn hanging(
    (lead, lead_style): (&str, Style),
    words: &str,
    indent: usize,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let lead = format!("{lead:<indent$}");
    folded(words, indent, width, style)
        .into_iter()
        .enumerate()
        .map(|(row, line)| {
            if row > 0 {
                return line;
            }
            let folded: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let rest = folded.get(indent..).unwrap_or_default().to_owned();
            Line::from(vec![
                Span::styled(lead.clone(), lead_style),
                Span::styled(rest, style),
            ])
        })
        .collect()
}

/// A fact of the review: its label, then its value folded under itself.
fn fact(label: &str, value: &str, width: usize) -> Vec<Line<'static>> {
    hanging((label, theme::dim()), value, LABEL, width, Style::default())
}

/// Text as written (several paragraphs keep their breaks), each line folded to `width`
/// under an indent of `indent`; `none` (dimmed) when nothing is written.
fn written(words: &str, indent: usize, width: usize, none: &str) -> Vec<Line<'static>> {
    let words = text::block(words.trim()).into_owned();
    if words.is_empty() {
        return folded(none, indent, width, theme::dim());
    }
    words
        .lines()
        .flat_map(|line| folded(line.trim_end(), indent, width, Style::default()))
        .collect()
}

fn heading(words: &str) -> Line<'static> {
    Line::styled(words.to_owned(), theme::title())
}

/// A figure with the school's place in its ranking: "48% · #5 of 7" (a school that sat
/// out has none).
fn placed(figure: String, ranking: &[Reviewed], school: &Reviewed) -> String {
    match Board::place(ranking, &school.review.school_id) {
        Some(place) => format!("{figure} · #{place} of {}", ranking.len()),
        None => figure,
    }
}

/// Every line of a reviewed school's review in force.
fn reviewed(board: &Board, school: &Reviewed, width: usize) -> Vec<Line<'static>> {
    let review = &school.review;
    let mut lines = Vec::new();
    lines.extend(fact("Reviewed", &day(review.reviewed_on), width));
    let achievement = achievement_words(review.achievement);
    lines.extend(fact(
        "Achievement",
        &placed(achievement, &board.by_achievement, school),
        width,
    ));
    let mut readiness = placed(readiness_words(school), &board.by_readiness, school);
    if review.score().is_some() {
        let ratings = counted(review.ratings.len(), "rating", "ratings");
        readiness.push_str(&format!(" · mean of {ratings}"));
    }
    lines.extend(fact("Readiness", &readiness, width));
    if board.disagree(&review.school_id) && !review.self_selected_out {
        let words = format!("{DISAGREE_MARK} the rankings disagree");
        lines.extend(folded(&words, LABEL, width, theme::accent()));
    }
    let out = if review.self_selected_out {
        "yes: it chose not to take part, and is not ranked"
    } else {
        "no"
    };
    lines.extend(fact("Sat out", out, width));
    let recommendation = if review.first_cohort() {
        format!("{} {COHORT_MARK}", recommendation_words(school))
    } else {
        recommendation_words(school).to_owned()
    };
    lines.extend(fact("Recommended", &recommendation, width));

    lines.push(Line::raw(""));
    lines.push(heading("Criteria, rated 1 to 4"));
    if review.ratings.is_empty() {
        lines.extend(folded("no criteria", 2, width, theme::dim()));
    }
    for criterion in &review.ratings {
        let (rating, name) = match criterion.rating {
            Some(rating) => (format!(" {rating}"), criterion.criterion.trim().to_owned()),
            None => (
                " –".into(),
                format!("{} (not rated)", criterion.criterion.trim()),
            ),
        };
        lines.extend(hanging(
            (&rating, theme::title()),
            &name,
            RATING,
            width,
            theme::title(),
        ));
        lines.extend(written(
            &criterion.evidence,
            RATING,
            width,
            "no evidence written",
        ));
    }

    lines.push(Line::raw(""));
    lines.push(heading("Rationale"));
    lines.extend(written(
        &review.rationale,
        2,
        width,
        "no rationale written yet",
    ));

    if review.asks_for_plan() || !review.plan.is_empty() || review.review_on.is_some() {
        lines.push(Line::raw(""));
        lines.push(heading("Readiness plan"));
        let review_on = review
            .review_on
            .map_or("no review date".into(), |d| format!("review on {}", day(d)));
        lines.extend(folded(&review_on, 2, width, Style::default()));
        if review.plan.is_empty() {
            lines.extend(folded("no steps written yet", 2, width, theme::dim()));
        }
        for step in steps_by_due(&review.plan) {
            lines.extend(hanging(
                ("  -", Style::default()),
                &plan_step_words(step),
                4,
                width,
                Style::default(),
            ));
        }
    }

    if !review.notes.trim().is_empty() {
        lines.push(Line::raw(""));
        lines.extend(folded(
            "Private notes · yours: left out of the pages",
            0,
            width,
            theme::warn(),
        ));
        lines.extend(written(&review.notes, 2, width, ""));
    }
    lines
}
