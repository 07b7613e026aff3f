//! The readiness screen: the two rankings side by side with their marks (`≠` where they
//! disagree, `★` the first cohort: symbols, so the meaning holds without colour), the
//! first cohort in words, the readiness plans and the schools that sat out.

use super::header::two_sided;
use super::theme;
use crate::app::App;
use crate::app::readiness::ReadinessView;
use crate::export::readiness::{COHORT_MARK, DISAGREE_MARK, legend, readiness_words};
use crate::model::readiness::{Board, Reviewed, achievement_words};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Columns between the two rankings.
const GAP: usize = 2;

pub fn render(_app: &App, view: &ReadinessView, frame: &mut Frame, area: Rect) {
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let board = &view.board;
    frame.render_widget(
        Paragraph::new(two_sided(
            vec![Span::styled(" Readiness for coaching", theme::title())],
            vec![Span::styled(
                format!("as of {}", day(view.today)),
                theme::dim(),
            )],
            header.width,
        )),
        header,
    );
    let block = Block::bordered().title(format!(" {} schools reviewed ", board.reviewed()));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let lines = lines(board, usize::from(inner.width));
    let last = lines.len().saturating_sub(usize::from(inner.height));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(view.scroll.min(last))
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The furthest the screen scrolls in a body of `width` × `height` (below the header, in
/// its border): where its last line is at the bottom.
pub fn last_scroll(view: &ReadinessView, width: u16, height: u16) -> usize {
    let (width, height) = (width.saturating_sub(2), height.saturating_sub(3));
    lines(&view.board, usize::from(width))
        .len()
        .saturating_sub(usize::from(height))
}

/// "23 Nov 2026".
fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

fn heading(words: &str) -> Line<'static> {
    Line::styled(words.to_owned(), theme::title())
}

/// `words` folded to `width` after an indent of `indent` columns, in `style`.
fn folded(words: &str, indent: usize, width: usize, style: Style) -> Vec<Line<'static>> {
    text::wrap(&text::line(words), width.saturating_sub(indent).max(1))
        .into_iter()
        .map(|row| Line::styled(format!("{}{row}", " ".repeat(indent)), style))
        .collect()
}

/// Every line of the screen, each at most `width` columns.
fn lines(board: &Board, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if board.reviewed() == 0 {
        lines.extend(folded(
            "No school has been reviewed for readiness yet. Reviews come in with an import or the demo.",
            0,
            width,
            theme::dim(),
        ));
        return lines;
    }
    let column = width.saturating_sub(GAP) / 2;
    let gap = " ".repeat(width.saturating_sub(2 * column));
    lines.push(Line::styled(
        format!(
            "{}{gap}{}",
            text::fit("By achievement", column),
            text::fit("By readiness", column)
        ),
        theme::title(),
    ));
    if board.by_readiness.is_empty() {
        lines.push(Line::styled(
            "  no school taking part has been reviewed",
            theme::dim(),
        ));
    }
    let achievement: Vec<String> = board
        .by_achievement
        .iter()
        .map(|r| achievement_words(r.review.achievement))
        .collect();
    let readiness: Vec<String> = board.by_readiness.iter().map(readiness_words).collect();
    let places = board.by_readiness.len().to_string().len();
    for (at, (a, r)) in board
        .by_achievement
        .iter()
        .zip(&board.by_readiness)
        .enumerate()
    {
        let mut spans = ranked(board, at + 1, places, a, &achievement, at, column);
        spans.push(Span::raw(gap.clone()));
        spans.extend(ranked(board, at + 1, places, r, &readiness, at, column));
        lines.push(Line::from(spans));
    }
    lines.extend(folded(&legend(board), 0, width, theme::dim()));
    lines.push(Line::raw(""));
    let cohort: Vec<&str> = board
        .first_cohort()
        .iter()
        .map(|r| r.school.trim())
        .collect();
    let cohort = if cohort.is_empty() {
        format!("{COHORT_MARK} First cohort: none recommended yet")
    } else {
        format!(
            "{COHORT_MARK} First cohort: {}: {}",
            board.first_cohort_words(),
            cohort.join(", ")
        )
    };
    lines.extend(folded(&cohort, 0, width, theme::ok()));
    lines.push(Line::raw(""));
    lines.push(heading("Readiness plans"));
    let plans = board.readiness_plans();
    if plans.is_empty() {
        lines.push(Line::styled(
            "  no school is asked for a readiness plan",
            theme::dim(),
        ));
    }
    for school in plans {
        let review = school
            .review
            .review_on
            .map_or("no review date".into(), |d| format!("review on {}", day(d)));
        lines.extend(folded(
            &format!("{} · {review}", school.school.trim()),
            2,
            width,
            Style::default(),
        ));
        if school.review.plan.is_empty() {
            lines.push(Line::styled("    no steps written yet", theme::dim()));
        }
        for step in &school.review.plan {
            let owner = if step.owner.trim().is_empty() {
                "no owner"
            } else {
                step.owner.trim()
            };
            let due = step
                .due_on
                .map_or("no date".into(), |d| format!("due {}", day(d)));
            lines.extend(folded(
                &format!("- {} · {owner} · {due}", step.what.trim()),
                4,
                width,
                theme::dim(),
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(heading("Sat out"));
    if board.out.is_empty() {
        lines.push(Line::styled("  no school chose to sit out", theme::dim()));
    }
    for school in &board.out {
        lines.extend(folded(school.school.trim(), 2, width, Style::default()));
    }
    lines
}

/// One school in a ranking, `column` wide: its place, its name, its figure and its marks;
/// a school the rankings disagree on stands out in colour as well.
fn ranked(
    board: &Board,
    place: usize,
    places: usize,
    school: &Reviewed,
    figures: &[String],
    at: usize,
    column: usize,
) -> Vec<Span<'static>> {
    let disagree = board.disagree(&school.review.school_id);
    let cohort = school.review.first_cohort();
    let marks = format!(
        " {} {}",
        if disagree { DISAGREE_MARK } else { " " },
        if cohort { COHORT_MARK } else { " " }
    );
    let figure_width = figures
        .iter()
        .map(|f| text::width(f))
        .max()
        .unwrap_or(0)
        .min(column / 3);
    let place = format!("{place:>places$} ");
    let name_width =
        column.saturating_sub(text::width(&place) + figure_width + 1 + text::width(&marks));
    let figure = figures.get(at).map_or("", String::as_str);
    let figure = text::truncate(figure, figure_width);
    let style = if disagree {
        theme::accent()
    } else {
        Style::default()
    };
    vec![
        Span::styled(place, theme::dim()),
        Span::styled(
            text::fit(&text::line(school.school.trim()), name_width).into_owned(),
            style,
        ),
        Span::raw(format!(
            " {}{figure}",
            " ".repeat(figure_width.saturating_sub(text::width(&figure)))
        )),
        Span::styled(marks, if cohort { theme::ok() } else { theme::accent() }),
    ]
}
