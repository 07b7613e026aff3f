//! The readiness screen: the two rankings side by side with their marks (`≠` where they
//! disagree, `★` the first cohort: symbols, so the meaning holds without colour), the
//! first cohort in words, the readiness plans, the schools that sat out and those not
//! reviewed yet. The selected school is marked `▸` wherever it is named, in both rankings,
//! and its review is shown in full (`review.rs`): beside the rankings from 100 columns,
//! on its own (⏎) on any screen.

use super::header::two_sided;
use super::wrap::folded;
use super::{scroll, theme};
use crate::app::App;
use crate::app::keymap::{self, Context, Msg};
use crate::app::readiness::ReadinessView;
use crate::export::readiness::{
    COHORT_MARK, DISAGREE_MARK, figures_legend, legend, readiness_words, recommendation_words,
};
use crate::model::readiness::{
    Board, PlanStep, Reviewed, achievement_words, counted, steps_by_due,
};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

mod review;

/// From this width the selected school's review stands beside the rankings.
const SIDE_BY_SIDE: u16 = 100;

/// Columns between the two rankings.
const GAP: usize = 2;

/// In front of the selected school, so that it reads without colour.
const MARKER: &str = "▸ ";

pub fn render(app: &App, view: &ReadinessView, frame: &mut Frame, area: Rect) {
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
    if view.reading {
        review::render(app, view, Context::ReadinessReview, frame, body);
        return;
    }
    let (rankings, beside) = split(body);
    let reviewed = counted(board.reviewed(), "school", "schools");
    let mut block = Block::bordered().title(format!(" {reviewed} reviewed "));
    let inner = block.inner(rankings);
    let Page { head, lines, .. } = page(view, usize::from(inner.width));
    // The headings stay at the top; only the lines under them scroll.
    let rows = u16::try_from(head.len()).unwrap_or(u16::MAX);
    let [head_area, list] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(inner);
    let height = usize::from(list.height);
    let offset = view.scroll.min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(offset + height);
    let keys = (
        keymap::key_for(Context::Readiness, Msg::Up),
        keymap::key_for(Context::Readiness, Msg::Down),
    );
    if let Some(cue) = scroll::cue(offset, below, (&keys.0, &keys.1))
        && text::width(&cue) + 2 <= usize::from(rankings.width)
    {
        block = block.title_bottom(Line::from(cue).right_aligned());
    }
    frame.render_widget(block, rankings);
    frame.render_widget(Paragraph::new(head), head_area);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown), list);
    if let Some(pane) = beside {
        review::render(app, view, Context::Readiness, frame, pane);
    }
}

/// The rankings' part of the body (below the header) and, on a screen wide enough, the
/// pane beside it that holds the selected school's review.
fn split(body: Rect) -> (Rect, Option<Rect>) {
    if body.width < SIDE_BY_SIDE {
        return (body, None);
    }
    let [rankings, review] =
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
    (rankings, Some(review))
}

/// The body of a screen of `width` × `height` (the terminal less the status line and the
/// footer): below the header.
fn body(width: u16, height: u16) -> Rect {
    let area = Rect::new(0, 0, width, height);
    let [_, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    body
}

/// How the rankings lie in a body of `width` × `height` (below the header, in its
/// border), for the app to keep the selected school in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    /// How many lines are shown at once under the headings, which stay at the top.
    pub height: usize,
    /// The furthest the lines under the headings scroll: where the last is at the bottom.
    pub last: usize,
    /// The lines naming the selected school, counted under the headings: its place in the
    /// readiness ranking (or its line in the list it is in) first, then its place by
    /// achievement.
    pub selected: Vec<usize>,
}

/// Where the lines of the rankings fall on a screen of `width` × `height` (the terminal
/// less the status line and the footer).
pub fn rows(view: &ReadinessView, width: u16, height: u16) -> Rows {
    let (rankings, _) = split(body(width, height));
    let (width, height) = (
        rankings.width.saturating_sub(2),
        rankings.height.saturating_sub(2),
    );
    let page = page(view, usize::from(width));
    let height = usize::from(height).saturating_sub(page.head.len());
    Rows {
        height,
        last: page.lines.len().saturating_sub(height),
        selected: page.selected,
    }
}

/// Where the selected school's review is on a screen (see [`review_pane`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewPane {
    /// The furthest it scrolls: where its last line is at the bottom.
    pub last: u16,
    /// How many of its lines show at once.
    pub height: u16,
}

/// Where the selected school's review is on a screen of `width` × `height` (the terminal
/// less the status line and the footer): on its own, or beside the rankings; none when
/// the rankings are shown on a screen too narrow to have it beside them.
pub fn review_pane(view: &ReadinessView, width: u16, height: u16) -> Option<ReviewPane> {
    let body = body(width, height);
    let (pane, context) = if view.reading {
        (body, Context::ReadinessReview)
    } else {
        (split(body).1?, Context::Readiness)
    };
    let lines = review::lines(view, context, usize::from(pane.width.saturating_sub(2)));
    Some(ReviewPane {
        last: scroll::last_offset(lines.len(), pane),
        height: pane.height.saturating_sub(2),
    })
}

/// "23 Nov 2026".
fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A step of a readiness plan: "what · owner · due 15 Jan 2027".
fn plan_step_words(step: &PlanStep) -> String {
    let owner = if step.owner.trim().is_empty() {
        "no owner"
    } else {
        step.owner.trim()
    };
    let due = step
        .due_on
        .map_or("no date".into(), |d| format!("due {}", day(d)));
    format!("{} · {owner} · {due}", step.what.trim())
}

fn heading(words: &str) -> Line<'static> {
    Line::styled(words.to_owned(), theme::title())
}

/// The lines of the screen and where the selected school is on them.
struct Page {
    /// The rankings' headings, which stay at the top while the lines under them scroll.
    head: Vec<Line<'static>>,
    /// The lines under the headings, which scroll.
    lines: Vec<Line<'static>>,
    /// See [`Rows::selected`].
    selected: Vec<usize>,
}

/// `name` in a list of schools, folded to `width` after two columns that hold the marker
/// when it is the selected school.
fn listed(name: &str, selected: bool, width: usize) -> Vec<Line<'static>> {
    let lines = folded(name.trim(), 2, width, Style::default());
    if !selected {
        return lines;
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let row: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let lead = if n == 0 {
                Span::styled(MARKER, theme::marker())
            } else {
                Span::raw("  ")
            };
            let rest = Span::raw(row.get(2..).unwrap_or_default().to_owned());
            Line::from(vec![lead, rest]).patch_style(theme::selected())
        })
        .collect()
}

/// The schools not reviewed yet, if any: a heading and a line each.
fn not_reviewed(view: &ReadinessView, width: usize, page: &mut Page) {
    if view.not_reviewed.is_empty() {
        return;
    }
    page.lines.push(Line::raw(""));
    page.lines.push(heading("Not reviewed yet"));
    for school in &view.not_reviewed {
        let selected = view.selected() == Some(school.meta.id.as_str());
        if selected {
            page.selected.push(page.lines.len());
        }
        page.lines.extend(listed(&school.name, selected, width));
    }
}

/// What the screen says while no school is reviewed.
fn nothing_reviewed(view: &ReadinessView) -> String {
    let none = "No school has been reviewed for readiness yet";
    if view.not_reviewed.is_empty() {
        return format!(
            "{none}, and there is no school to review: schools come with the people who \
             work in them, or with a caseload import."
        );
    }
    let key = keymap::key_for(Context::Readiness, Msg::Edit);
    format!(
        "{none}: {key} reviews the selected school (reviews also come in with a caseload import)."
    )
}

/// Every line of the screen, each at most `width` columns.
fn page(view: &ReadinessView, width: usize) -> Page {
    let board = &view.board;
    let mut page = Page {
        head: Vec::new(),
        lines: Vec::new(),
        selected: Vec::new(),
    };
    if board.reviewed() == 0 {
        page.lines
            .extend(folded(&nothing_reviewed(view), 0, width, theme::dim()));
        not_reviewed(view, width, &mut page);
        return page;
    }
    let column = width.saturating_sub(GAP) / 2;
    let gap = " ".repeat(width.saturating_sub(2 * column));
    page.head.push(Line::styled(
        format!(
            "{}{gap}{}",
            text::fit("By achievement", column),
            text::fit("By readiness", column)
        ),
        theme::title(),
    ));
    if board.by_readiness.is_empty() {
        page.lines.push(Line::styled(
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
    let first_row = page.lines.len();
    // Each ranking leaves the marker its columns.
    let narrow = column.saturating_sub(text::width(MARKER));
    let is_selected = |school: &Reviewed| view.selected() == Some(school.review.school_id.as_str());
    for (at, (a, r)) in board
        .by_achievement
        .iter()
        .zip(&board.by_readiness)
        .enumerate()
    {
        let entry = |school: &Reviewed, figures: &[String]| {
            let spans = ranked(board, at + 1, places, school, figures, at, narrow);
            selectable(spans, is_selected(school))
        };
        let mut spans = entry(a, &achievement);
        spans.push(Span::raw(gap.clone()));
        spans.extend(entry(r, &readiness));
        page.lines.push(Line::from(spans));
    }
    // The readiness ranking first: the order the cursor goes.
    for ranking in [&board.by_readiness, &board.by_achievement] {
        if let Some(at) = ranking.iter().position(is_selected) {
            page.selected.push(first_row + at);
        }
    }
    let lines = &mut page.lines;
    lines.extend(folded(&legend(board), 0, width, theme::dim()));
    lines.extend(folded(&figures_legend(board), 0, width, theme::dim()));
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
    later_cohorts(board, width, lines);
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
        for step in steps_by_due(&school.review.plan) {
            lines.extend(folded(
                &format!("- {}", plan_step_words(step)),
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
        let selected = is_selected(school);
        if selected {
            page.selected.push(page.lines.len());
        }
        page.lines.extend(listed(&school.school, selected, width));
    }
    not_reviewed(view, width, &mut page);
    page
}

/// The schools recommended for cohort years 2 and 3, and those with no recommendation
/// yet, as the pages list them.
fn later_cohorts(board: &Board, width: usize, lines: &mut Vec<Line<'static>>) {
    let later = board.later_cohorts();
    if !later.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading("Later cohorts"));
    }
    for school in later {
        let words = format!(
            "{} · {}",
            text::line(school.school.trim()),
            recommendation_words(school)
        );
        lines.extend(folded(&words, 2, width, Style::default()));
    }
    let undecided: Vec<&str> = board.undecided().iter().map(|r| r.school.trim()).collect();
    if !undecided.is_empty() {
        lines.push(Line::raw(""));
        let words = format!("No recommendation yet: {}", undecided.join(", "));
        lines.extend(folded(&words, 0, width, theme::dim()));
    }
}

/// A school's spans in a ranking after the marker's two columns: the marker and the
/// selected style when it is the selected school.
fn selectable(spans: Vec<Span<'static>>, selected: bool) -> Vec<Span<'static>> {
    if !selected {
        return std::iter::once(Span::raw("  ")).chain(spans).collect();
    }
    std::iter::once(Span::styled(MARKER, theme::marker()))
        .chain(spans)
        .map(|span| span.patch_style(theme::selected()))
        .collect()
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
