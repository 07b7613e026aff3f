//! Forms: each field with its label, what was typed, and what is wrong with it; a
//! check-in form has its brief (agreed last time, seen since) beside it.

use super::{centered, sparkline, theme};
use crate::app::check_in::{Mark, Review};
use crate::app::form::{Field, Form, Kind};
use crate::app::keymap::{self, Context};
use crate::app::{App, FormPopup};
use crate::dates;
use crate::text;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

const LABEL: u16 = 15;

/// How many rows a field takes (its text, plus one for an error).
fn height(field: &Field, active: bool, width: u16) -> u16 {
    let body = match &field.kind {
        Kind::Text(notes) => {
            let width = usize::from(width.max(10));
            let rows: usize = notes
                .entry
                .editor
                .lines()
                .iter()
                .map(|l| text::width(l) / width + 1)
                .sum();
            let min = if active { 3 } else { 1 };
            rows.clamp(min, 6) as u16
        }
        // Options and checklists wrap onto as many rows as they need.
        Kind::Choice(choice) => {
            wrapped_rows(choice.options.iter().map(|i| text::width(i) + 2), width)
        }
        Kind::Checks(checks) => {
            wrapped_rows(checks.items.iter().map(|i| text::width(i) + 6), width)
        }
        _ => 1,
    };
    body + u16::from(field.header.error.is_some())
}

/// Rows taken by words of the given widths, wrapped at `width`.
fn wrapped_rows(widths: impl Iterator<Item = usize>, width: u16) -> u16 {
    let width = usize::from(width.max(10));
    let mut rows = 1;
    let mut used = 0;
    for w in widths {
        if used + w > width && used > 0 {
            rows += 1;
            used = 0;
        }
        used += w;
    }
    rows.min(6)
}

pub fn render(app: &App, popup: &FormPopup, frame: &mut Frame, area: Rect) {
    match &popup.review {
        Some(review) => {
            let outer = centered(area, area.width, area.height);
            frame.render_widget(Clear, outer);
            let [brief, form] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(outer);
            render_review(review, app.now.date(), frame, brief);
            render_form(popup.form(), Some(review), app.now, frame, form);
        }
        None => {
            let inner_width = area.width.saturating_sub(4).min(76);
            let fields: u16 = popup
                .form()
                .fields()
                .iter()
                .enumerate()
                .map(|(i, f)| height(f, i == popup.form().active, inner_width - LABEL))
                .sum();
            let popup_area = centered(area, inner_width + 2, fields + 4);
            frame.render_widget(Clear, popup_area);
            render_form(popup.form(), None, app.now, frame, popup_area);
        }
    }
}

fn render_form(
    form: &Form,
    review: Option<&Review>,
    now: NaiveDateTime,
    frame: &mut Frame,
    area: Rect,
) {
    let typing = review.is_none_or(|r| !r.focused);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", text::line(&form.title)),
            theme::TITLE,
        ))
        .border_style(if typing {
            theme::ACCENT
        } else {
            Style::default()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let value_width = inner.width.saturating_sub(LABEL);
    let mut y = inner.y;
    let bottom = inner.y + inner.height.saturating_sub(2);
    for (index, field) in form.fields().iter().enumerate() {
        let active = typing && index == form.active;
        let rows = height(field, active, value_width);
        if y + rows > bottom {
            break;
        }
        let label_style = if active { theme::KEY } else { theme::DIM };
        let marker = if active { "▸" } else { " " };
        let required = if field.header.required { "*" } else { "" };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{marker}{}{required}", field.label()),
                label_style,
            )),
            Rect::new(inner.x, y, LABEL, 1),
        );
        let body_rows = rows - u16::from(field.header.error.is_some());
        let value_area = Rect::new(inner.x + LABEL, y, value_width, body_rows);
        render_value(field, active, now, frame, value_area);
        if let Some(error) = &field.header.error {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("! {}", text::line(error)),
                    theme::ERROR,
                )),
                Rect::new(inner.x + LABEL, y + body_rows, value_width, 1),
            );
        }
        y += rows;
    }
    if let Some(review) = review
        && !review.new_actions.is_empty()
        && y < bottom
    {
        let mut lines = vec![Line::styled("New actions", theme::DIM)];
        for action in &review.new_actions {
            let due = action
                .due_on
                .map(|d| dates::short_day(d, now.date()))
                .unwrap_or_default();
            lines.push(Line::from(format!(
                "+ {}   {}   {}",
                text::line(&action.what),
                text::line(&action.owner),
                due
            )));
        }
        frame.render_widget(
            Paragraph::new(lines),
            Rect::new(inner.x, y, inner.width, bottom - y),
        );
    }
    let error_area = Rect::new(inner.x, bottom, inner.width, 1);
    if let Some(error) = &form.error {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("! {}", text::line(error)),
                theme::ERROR,
            )),
            error_area,
        );
    }
    let mut hints: Vec<Span> = Vec::new();
    let mut shown = Vec::new();
    if review.is_some() {
        for msg in [keymap::Msg::AddNewAction, keymap::Msg::AddGoalMeasure] {
            shown.extend(keymap::hint_for(Context::Form, msg));
        }
    }
    let contexts = match review {
        Some(review) if review.focused => vec![Context::Review, Context::Form],
        _ if form.enter_saves => vec![Context::QuickForm, Context::Form],
        _ => vec![Context::Form],
    };
    shown.extend(keymap::footer(&contexts));
    for (key, hint) in shown {
        hints.push(Span::styled(key, theme::KEY));
        hints.push(Span::styled(format!(" {hint}  "), theme::DIM));
    }
    frame.render_widget(
        Paragraph::new(Line::from(hints)),
        Rect::new(inner.x, bottom + 1, inner.width, 1),
    );
}

fn render_value(field: &Field, active: bool, now: NaiveDateTime, frame: &mut Frame, area: Rect) {
    let selected = |on: bool| {
        if on {
            theme::SELECTED
        } else {
            Style::default()
        }
    };
    match &field.kind {
        Kind::Choice(choice) => {
            let mut spans = Vec::new();
            for (i, option) in choice.options.iter().enumerate() {
                let chosen = choice.choice == Some(i);
                let label = if chosen {
                    format!("[{option}]")
                } else {
                    format!(" {option} ")
                };
                spans.push(Span::styled(label, selected(chosen && active)));
            }
            frame.render_widget(
                Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
                area,
            );
        }
        Kind::Checks(checks) => {
            let mut spans = Vec::new();
            for (i, (item, on)) in checks.items.iter().zip(&checks.checked).enumerate() {
                // Digits pick the first nine; ↑/↓ and Space reach any.
                let number = if i < 9 {
                    format!("{} ", i + 1)
                } else {
                    "  ".to_string()
                };
                spans.push(Span::styled(number, theme::KEY));
                let mark = if *on { "✔" } else { "☐" };
                let style = selected(active && i == checks.cursor);
                spans.push(Span::styled(format!("{mark} {}", text::line(item)), style));
                spans.push(Span::raw("  "));
            }
            frame.render_widget(
                Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
                area,
            );
        }
        Kind::Info(info) => {
            frame.render_widget(
                Paragraph::new(Span::styled(info.text.as_str(), theme::ACCENT)),
                area,
            );
        }
        Kind::Toggle(toggle) => {
            let text = if toggle.on { "[x] yes" } else { "[ ] no" };
            frame.render_widget(Paragraph::new(Span::styled(text, selected(active))), area);
        }
        kind => {
            let Some(entry) = field.entry() else { return };
            let mut editor = entry.editor.clone();
            if !active {
                editor.set_cursor_style(Style::default());
            }
            // A date shows what it resolves to, so `fri` or `+14d` can be checked at a glance.
            let resolved = match kind {
                Kind::Date(date) => match date.value(now.date()) {
                    Ok(Some(day)) => Some(format!("→ {}", day.format("%a %-d %b %Y"))),
                    _ => None,
                },
                _ => None,
            };
            match resolved {
                Some(resolved)
                    if usize::from(area.width)
                        >= text::width(&entry.text()) + text::width(&resolved) + 3 =>
                {
                    let width = text::width(&resolved) as u16 + 1;
                    let [typed, shown] =
                        Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)])
                            .areas(area);
                    frame.render_widget(&editor, typed);
                    frame.render_widget(Paragraph::new(Span::styled(resolved, theme::DIM)), shown);
                }
                _ => frame.render_widget(&editor, area),
            }
        }
    }
}

fn render_review(review: &Review, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let title = match review.since {
        Some(since) => format!(" Since {} ", since.format("%-d %b")),
        None => " First check-in ".to_string(),
    };
    let border = if review.focused {
        theme::ACCENT
    } else {
        Style::default()
    };
    let block = Block::bordered().title(title).border_style(border);
    let mut lines = vec![Line::styled("Agreed last time", theme::DIM)];
    if review.actions.is_empty() {
        lines.push(Line::styled("  nothing open", theme::DIM));
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
        let style = if review.focused && index == review.selected() {
            theme::SELECTED
        } else {
            Style::default()
        };
        lines.push(Line::styled(
            format!(
                "{symbol} {}  {}  {due}",
                text::truncate(&text::line(&action.what), 28),
                text::line(&action.owner)
            ),
            style,
        ));
    }
    lines.push(Line::default());
    let ratings = review.ratings();
    let ratings_text: Vec<String> = ratings.iter().map(u8::to_string).collect();
    lines.push(Line::from(vec![
        Span::styled("Seen: ", theme::DIM),
        Span::raw(format!(
            "{} visit{}  ratings {}  {}",
            review.observations.len(),
            if review.observations.len() == 1 {
                ""
            } else {
                "s"
            },
            ratings_text.join(" "),
            sparkline(&ratings)
        )),
    ]));
    for observation in review.observations.iter().take(6) {
        let rating = observation
            .rating
            .map_or("·".into(), |r| r.value().to_string());
        lines.push(Line::from(format!(
            " {} {}  {}",
            observation.observed_at.format("%-d %b"),
            rating,
            crate::app::workspace::first_line(&text::block(&observation.evidence))
        )));
    }
    if let Some((goal, latest)) = &review.goal {
        lines.push(Line::from(vec![
            Span::styled("Goal  ", theme::DIM),
            Span::raw(text::truncate(&text::line(&goal.statement), 27).into_owned()),
        ]));
        lines.push(Line::styled(
            format!("      {}", super::workspace::goal_progress(goal, *latest)),
            theme::ACCENT,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
