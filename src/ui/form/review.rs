//! A check-in's brief beside its form: what was agreed last time (the list the coach
//! marks), what was seen since, and the active goal.

use crate::app::check_in::{Mark, Review};
use crate::dates;
use crate::text;
use crate::ui::{sparkline, theme, wrap};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The selection mark of the agreed list: the row is also reversed, but the mark is what
/// a terminal without colour or reverse video still shows.
const SELECTED_MARK: &str = "▶";

pub fn render(review: &Review, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let title = match review.since {
        Some(since) => format!(" Since {} ", since.format("%-d %b")),
        None => " First check-in ".to_string(),
    };
    let border = if review.focused {
        theme::accent()
    } else {
        Style::default()
    };
    let block = Block::bordered().title(title).border_style(border);
    let width = usize::from(block.inner(area).width);
    let mut lines = vec![Line::styled("Agreed last time", theme::dim())];
    if review.actions.is_empty() {
        lines.push(Line::styled("  nothing open", theme::dim()));
    }
    for (index, (action, mark)) in review.actions.iter().enumerate() {
        let symbol = match mark {
            Mark::Open => "☐",
            Mark::Done => "✔",
            Mark::Carry => "→",
        };
        let due = match action.due_on {
            Some(due) if due < today => format!("{} !", dates::relative_due(due, today)),
            Some(due) => dates::short_day(due, today),
            None => String::new(),
        };
        let selected = review.focused && index == review.selected();
        let style = if selected {
            theme::selected()
        } else {
            Style::default()
        };
        let marker = if selected { SELECTED_MARK } else { " " };
        // The action's words, who and when each stay whole, wrapped under the words.
        let lead = vec![Span::styled(format!("{marker}{symbol} "), style)];
        let what = text::truncate(&text::line(&action.what), 28).into_owned();
        let pieces = [what, text::line(&action.owner).into_owned(), due]
            .into_iter()
            .filter(|piece| !piece.is_empty())
            .map(|piece| vec![Span::styled(piece, style)])
            .collect();
        lines.extend(wrap::pieces(lead, pieces, 2, width));
    }
    lines.push(Line::default());
    let ratings = review.ratings();
    let visits = match review.observations.len() {
        1 => "1 visit".to_string(),
        n => format!("{n} visits"),
    };
    let mut seen = vec![vec![Span::raw(visits)]];
    if !ratings.is_empty() {
        let ratings_text: Vec<String> = ratings.iter().map(u8::to_string).collect();
        seen.push(vec![Span::raw(format!(
            "ratings {}",
            ratings_text.join(" ")
        ))]);
        seen.push(vec![Span::raw(sparkline(&ratings))]);
    }
    lines.extend(wrap::pieces(
        vec![Span::styled("Seen: ", theme::dim())],
        seen,
        2,
        width,
    ));
    for observation in review.observations.iter().take(6) {
        let rating = observation
            .rating
            .map_or("·".into(), |r| r.value().to_string());
        // The evidence wraps under itself, so each visit's date and rating stand out.
        let lead = format!(" {} {}  ", observation.observed_at.format("%-d %b"), rating);
        // In a narrow panel a small indent leaves the words room.
        let indent = if width >= 36 { text::width(&lead) } else { 3 };
        let evidence = text::block(&observation.evidence);
        let evidence = crate::app::workspace::first_line(&evidence);
        let first_room = width.saturating_sub(text::width(&lead));
        let rows = wrap_hanging(evidence, first_room, width.saturating_sub(indent));
        for (row, words) in rows.into_iter().enumerate() {
            let lead = if row == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(format!("{lead}{words}")));
        }
    }
    if let Some((goal, latest)) = &review.goal {
        lines.push(Line::from(vec![
            Span::styled("Goal  ", theme::dim()),
            Span::raw(
                text::truncate(&text::line(&goal.statement), width.saturating_sub(6)).into_owned(),
            ),
        ]));
        lines.push(Line::styled(
            format!(
                "      {}",
                crate::ui::workspace::goal_progress(goal, *latest)
            ),
            theme::accent(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

/// `line` on rows: the first of `first` columns, the others of `rest`.
fn wrap_hanging(line: &str, first: usize, rest: usize) -> Vec<String> {
    let mut rows = text::wrap(line, first);
    if rows.len() > 1 {
        let more = rows.split_off(1).join(" ");
        rows.extend(text::wrap(&more, rest));
    }
    rows
}
