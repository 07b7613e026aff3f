//! Forms: each field with its label, what was typed, and what is wrong with it; a
//! check-in form has its brief (agreed last time, seen since) beside it.

use super::{centered, sparkline, theme, wrap};
use crate::app::check_in::{Mark, Review};
use crate::app::form::{Field, Form, Kind};
use crate::app::keymap::{self, Context};
use crate::app::{App, FormPopup};
use crate::dates;
use crate::text;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// The label column: as wide as the longest label with its marker (▸) and star (*),
/// and a space before the value, so no label runs into its value.
fn label_width(form: &Form, width: u16) -> u16 {
    let longest = form
        .fields()
        .iter()
        .map(|f| text::width(f.label()) + 2)
        .max()
        .unwrap_or(8);
    // At least the 15 columns every form had, so forms line up with each other.
    u16::try_from(longest + 1)
        .unwrap_or(u16::MAX)
        .max(15)
        .min(width * 2 / 5)
}

/// What a date or time field resolves to (`fri` → "→ Fri 27 Nov 2026"), if it does.
fn resolved(field: &Field, now: NaiveDateTime) -> Option<String> {
    match &field.kind {
        Kind::Date(date) => match date.value(now.date()) {
            Ok(Some(day)) => Some(format!("→ {}", day.format("%a %-d %b %Y"))),
            _ => None,
        },
        Kind::DateTime(at) => at
            .value(now)
            .ok()
            .map(|at| format!("→ {}", at.format("%a %-d %b %H:%M"))),
        _ => None,
    }
}

/// What an empty entry shows in its place: its default (what it stands for), or the
/// reminder of what to type.
fn placeholder(field: &Field) -> Option<&str> {
    let entry = field.entry()?;
    if !entry.text().is_empty() {
        return None;
    }
    entry
        .default_text()
        .or(Some(field.header.hint))
        .filter(|p| !p.is_empty())
}

/// The width of what a one-line entry shows: the typed text, or its placeholder.
fn shown_width(field: &Field) -> usize {
    placeholder(field).map_or_else(|| text::width(&field.text()), text::width)
}

/// Whether a date's resolution goes on a row of its own, for want of room beside it.
fn resolved_below(field: &Field, now: NaiveDateTime, width: u16) -> bool {
    resolved(field, now)
        .is_some_and(|r| shown_width(field) + text::width(&r) + 3 > usize::from(width))
}

/// Rows of choices or a checklist: each option whole, wrapped under the first.
fn option_lines(field: &Field, active: bool, width: u16) -> Option<Vec<Line<'static>>> {
    let selected = |on: bool| {
        if on {
            theme::SELECTED
        } else {
            Style::default()
        }
    };
    let pieces: Vec<Vec<Span<'static>>> = match &field.kind {
        Kind::Choice(choice) => choice
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                let chosen = choice.choice == Some(i);
                let label = if chosen {
                    format!("[{}]", text::line(option))
                } else {
                    text::line(option).into_owned()
                };
                vec![Span::styled(label, selected(chosen && active))]
            })
            .collect(),
        Kind::Checks(checks) => {
            let mut pieces: Vec<Vec<Span<'static>>> = checks
                .items
                .iter()
                .zip(&checks.checked)
                .enumerate()
                .map(|(i, (item, on))| {
                    // Digits tick the first nine; ↑/↓ and Space reach any.
                    let number = if i < 9 {
                        format!("{} ", i + 1)
                    } else {
                        String::new()
                    };
                    let mark = if *on { "✔" } else { "☐" };
                    vec![
                        Span::styled(number, theme::KEY),
                        Span::styled(
                            format!("{mark} {}", text::line(item)),
                            selected(active && i == checks.cursor),
                        ),
                    ]
                })
                .collect();
            if checks.items.len() > 9 {
                pieces.push(vec![Span::styled("(↑↓ Space: any)", theme::DIM)]);
            }
            pieces
        }
        _ => return None,
    };
    let mut lines = wrap::pieces(Vec::new(), pieces, 2, usize::from(width));
    lines.truncate(6);
    Some(lines)
}

/// The rows under a field for what is wrong with it, wrapped (never cut).
fn error_lines(field: &Field, width: u16) -> Vec<String> {
    let mut lines: Vec<String> = field
        .header
        .error
        .iter()
        .flat_map(|error| wrap::words(&format!("! {}", text::line(error)), usize::from(width)))
        .collect();
    lines.truncate(3);
    lines
}

/// How many rows a field takes: its value, a date's resolution when it goes below, and
/// what is wrong with it.
fn height(field: &Field, active: bool, now: NaiveDateTime, width: u16) -> u16 {
    let body = match &field.kind {
        Kind::Text(notes) if placeholder(field).is_none() => {
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
        Kind::Text(_) if active => 3,
        Kind::Choice(_) | Kind::Checks(_) => option_lines(field, active, width)
            .map_or(1, |lines| u16::try_from(lines.len()).unwrap_or(1)),
        _ => 1 + u16::from(resolved_below(field, now, width)),
    };
    body + u16::try_from(error_lines(field, width).len()).unwrap_or(0)
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
            let form = popup.form();
            let inner_width = area.width.saturating_sub(4).min(76);
            let value_width = inner_width.saturating_sub(label_width(form, inner_width));
            let fields: u16 = form
                .fields()
                .iter()
                .enumerate()
                .map(|(i, f)| height(f, i == form.active, app.now, value_width))
                .sum();
            let popup_area = centered(area, inner_width + 2, fields + 4);
            frame.render_widget(Clear, popup_area);
            render_form(form, None, app.now, frame, popup_area);
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
    let title = text::truncate(
        &text::line(&form.title),
        usize::from(area.width.saturating_sub(4)),
    )
    .into_owned();
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme::TITLE))
        .border_style(if typing {
            theme::ACCENT
        } else {
            Style::default()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label = label_width(form, inner.width);
    let value_width = inner.width.saturating_sub(label);
    let mut y = inner.y;
    let bottom = inner.y + inner.height.saturating_sub(2);
    for (index, field) in form.fields().iter().enumerate() {
        let active = typing && index == form.active;
        let rows = height(field, active, now, value_width);
        if y + rows > bottom {
            break;
        }
        let label_style = if active { theme::KEY } else { theme::DIM };
        let marker = if active { "▸" } else { " " };
        let required = if field.header.required { "*" } else { "" };
        let name = format!("{marker}{}{required}", field.label());
        frame.render_widget(
            Paragraph::new(Span::styled(
                text::truncate(&name, usize::from(label.saturating_sub(1))).into_owned(),
                label_style,
            )),
            Rect::new(inner.x, y, label, 1),
        );
        let errors = error_lines(field, value_width);
        let body_rows = rows - u16::try_from(errors.len()).unwrap_or(0);
        let value_area = Rect::new(inner.x + label, y, value_width, body_rows);
        render_value(field, active, now, frame, value_area);
        for (row, error) in (0u16..).zip(errors) {
            frame.render_widget(
                Paragraph::new(Span::styled(error, theme::ERROR)),
                Rect::new(inner.x + label, y + body_rows + row, value_width, 1),
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
    // A save refused for one field's reason is said under that field, not twice.
    let error_area = Rect::new(inner.x, bottom, inner.width, 1);
    let said_under_a_field = |error: &str| {
        form.fields().iter().any(|f| {
            f.header
                .error
                .as_ref()
                .is_some_and(|e| error == format!("{}: {e}", f.label()))
        })
    };
    if let Some(error) = form.error.as_deref().filter(|e| !said_under_a_field(e)) {
        let line = format!("! {}", text::line(error));
        frame.render_widget(
            Paragraph::new(Span::styled(
                text::truncate(&line, usize::from(inner.width)).into_owned(),
                theme::ERROR,
            )),
            error_area,
        );
    }
    let mut shown = Vec::new();
    if review.is_some() {
        for msg in [keymap::Msg::AddNewAction, keymap::Msg::AddGoalMeasure] {
            shown.extend(keymap::hint_for(Context::Form, msg));
        }
    }
    let in_notes = form.active_field().is_some_and(Field::is_multi_line);
    let mut contexts = match review {
        Some(review) if review.focused => vec![Context::Review],
        _ if form.enter_saves => vec![Context::QuickForm],
        _ => Vec::new(),
    };
    if in_notes && typing {
        contexts.push(Context::Notes);
    }
    contexts.push(Context::Form);
    shown.extend(keymap::footer(&contexts));
    // Whole hints, as many as fit: a hint cut in the middle says nothing.
    let mut hints: Vec<Span> = Vec::new();
    let mut room = usize::from(inner.width);
    for (key, hint) in shown {
        let wide = text::width(&key) + text::width(hint) + 3;
        if wide > room {
            continue;
        }
        room -= wide;
        hints.push(Span::styled(key, theme::KEY));
        hints.push(Span::styled(format!(" {hint}  "), theme::DIM));
    }
    frame.render_widget(
        Paragraph::new(Line::from(hints)),
        Rect::new(inner.x, bottom + 1, inner.width, 1),
    );
}

fn render_value(field: &Field, active: bool, now: NaiveDateTime, frame: &mut Frame, area: Rect) {
    if let Some(lines) = option_lines(field, active, area.width) {
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    match &field.kind {
        Kind::Info(info) => {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    text::truncate(&info.text, usize::from(area.width)).into_owned(),
                    theme::ACCENT,
                )),
                area,
            );
        }
        Kind::Toggle(toggle) => {
            let text = if toggle.on { "[x] yes" } else { "[ ] no" };
            let style = if active {
                theme::SELECTED
            } else {
                Style::default()
            };
            frame.render_widget(Paragraph::new(Span::styled(text, style)), area);
        }
        _ => {
            let Some(entry) = field.entry() else { return };
            // A date shows what it resolves to, so `fri` or `+14d` can be checked at a
            // glance: beside it when there is room, else on the row below.
            let resolved = resolved(field, now);
            let below = resolved_below(field, now, area.width);
            let [typed, shown] = match (&resolved, below) {
                (Some(_), true) => {
                    let [typed, rest] =
                        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
                    [typed, rest]
                }
                (Some(r), false) => {
                    let width = u16::try_from(text::width(r) + 1).unwrap_or(0);
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)])
                        .spacing(1)
                        .areas(area)
                }
                (None, _) => [area, Rect::default()],
            };
            match placeholder(field) {
                // The placeholder starts where typed text would, the cursor on its first
                // letter; typing replaces it.
                Some(placeholder) => {
                    let mut chars = placeholder.chars();
                    let first = chars.next().map(String::from).unwrap_or_default();
                    let cursor = if active {
                        theme::DIM.add_modifier(Modifier::REVERSED)
                    } else {
                        theme::DIM
                    };
                    frame.render_widget(
                        Paragraph::new(Line::from(vec![
                            Span::styled(first, cursor),
                            Span::styled(chars.as_str().to_owned(), theme::DIM),
                        ])),
                        typed,
                    );
                }
                None => {
                    let mut editor = entry.editor.clone();
                    if !active {
                        editor.set_cursor_style(Style::default());
                    }
                    frame.render_widget(&editor, typed);
                }
            }
            if let Some(resolved) = resolved {
                frame.render_widget(Paragraph::new(Span::styled(resolved, theme::DIM)), shown);
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
