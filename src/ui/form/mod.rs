//! Forms: each field with its label, what was typed, and what is wrong with it; a
//! check-in form has its brief (agreed last time, seen since) beside it.

mod options;
mod review;
mod value;

use options::option_lines;
use value::render_value;

use super::{centered, theme, wrap};
use crate::app::check_in::Review;
use crate::app::form::{Field, Form, Kind};
use crate::app::keymap::{self, Context};
use crate::app::{App, FormPopup};
use crate::dates;
use crate::text;
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::{CursorMove, TextArea};

/// The label column: as wide as the longest label with its marker (▸) and star (*),
/// and a space before the value, so no label runs into its value.
fn label_width(form: &Form, width: u16) -> u16 {
    let longest = form
        .fields()
        .iter()
        .map(|f| text::width(f.label()) + 2)
        .max()
        .unwrap_or(8);
    // At least the 15 columns every form had, so forms line up with each other; in a
    // narrow form the labels take what the values can spare, down to two fifths. A label
    // longer than the column can grow (a readiness criterion) wraps under itself.
    u16::try_from(longest + 1)
        .unwrap_or(u16::MAX)
        .clamp(15, LABEL_CAP)
        .min((width * 2 / 5).max(width.saturating_sub(MIN_VALUE_WIDTH)))
}

/// The widest the label column grows, so that the values keep their room.
const LABEL_CAP: u16 = 26;

/// A field's label as drawn in a column `label` wide (a space before the value): the
/// marker (▸) when active, the name, a star when required; a name too long for the
/// column is wrapped under itself, whole, rather than cut.
fn label_lines(field: &Field, active: bool, label: u16) -> Vec<String> {
    let marker = if active { "▸" } else { " " };
    let required = if field.header.required { "*" } else { "" };
    let name = format!("{}{required}", field.label());
    let room = usize::from(label.saturating_sub(2)).max(1);
    if text::width(&name) <= room {
        return vec![format!("{marker}{name}")];
    }
    wrap::words(&name, room)
        .into_iter()
        .enumerate()
        .map(|(n, row)| {
            let lead = if n == 0 { marker } else { " " };
            format!("{lead}{}", text::truncate(&row, room))
        })
        .collect()
}

/// How many rows a field takes beside a label column `label` wide: its own (see
/// [`height`]), or its label's when that wraps over more.
fn rows(field: &Field, active: bool, now: NaiveDateTime, (label, width): (u16, u16)) -> u16 {
    let label_rows = u16::try_from(label_lines(field, active, label).len()).unwrap_or(1);
    height(field, active, now, width).max(label_rows)
}

/// The rows at the foot of a form for why a save failed (when it is not said under a
/// field already): wrapped over two rows at most, the second cut if it must be.
fn form_error_lines(form: &Form, width: u16) -> Vec<String> {
    // A save refused for one field's reason is said under that field, not twice.
    let said_under_a_field = |error: &str| {
        form.fields().iter().any(|f| {
            f.header
                .error
                .as_ref()
                .is_some_and(|e| error == format!("{}: {e}", f.label()))
        })
    };
    let Some(error) = form.error.as_deref().filter(|e| !said_under_a_field(e)) else {
        return Vec::new();
    };
    let width = usize::from(width);
    let lines = wrap::words(&format!("! {}", text::line(error)), width);
    match lines.as_slice() {
        [first, second, rest @ ..] if !rest.is_empty() => {
            let rest = std::iter::once(second.as_str())
                .chain(rest.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            vec![first.clone(), text::truncate(&rest, width).into_owned()]
        }
        _ => lines,
    }
}

/// The columns a value keeps beside its label in a narrow form.
const MIN_VALUE_WIDTH: u16 = 16;

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
        .or(Some(field.header.hint.as_ref()))
        .filter(|p| !p.is_empty())
}

/// The width of what a one-line entry shows: the typed text, or its placeholder in its
/// brackets.
fn shown_width(field: &Field) -> usize {
    placeholder(field).map_or_else(|| text::width(&field.text()), |p| text::width(p) + 2)
}

/// A placeholder as drawn in `width` columns: in brackets, so that without colour or
/// italics it still cannot pass for typed text, and cut with `…` when too long.
pub fn bracketed(placeholder: &str, width: usize) -> String {
    let inner = text::truncate(placeholder, width.saturating_sub(2));
    format!("({inner})")
}

/// Whether a date's resolution goes on a row of its own, for want of room beside it.
fn resolved_below(field: &Field, now: NaiveDateTime, width: u16) -> bool {
    resolved(field, now)
        .is_some_and(|r| shown_width(field) + text::width(&r) + 2 > usize::from(width))
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

/// The fields shown in `room` rows, as `first..last`: from the top when the active field
/// fits there, else scrolled just far enough to show it whole at the foot.
fn in_view(heights: &[u16], active: usize, room: u16) -> (usize, usize) {
    let active = active.min(heights.len().saturating_sub(1));
    let mut first = 0;
    while first < active && heights[first..=active].iter().sum::<u16>() > room {
        first += 1;
    }
    let mut last = first;
    let mut used = 0;
    while last < heights.len() && used + heights[last] <= room {
        used += heights[last];
        last += 1;
    }
    (first, last.max((active + 1).min(heights.len())))
}

/// What the bottom border says when fields are out of view: `↑ 2 ↓ 3 more fields`.
fn scroll_cue((above, below): (usize, usize)) -> Option<String> {
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(format!("↑ {above}"));
    }
    if below > 0 {
        parts.push(format!("↓ {below}"));
    }
    let fields = if above + below == 1 {
        "field"
    } else {
        "fields"
    };
    (!parts.is_empty()).then(|| format!(" {} more {fields} ", parts.join(" ")))
}

pub fn render(app: &App, popup: &FormPopup, frame: &mut Frame, area: Rect) {
    match &popup.review {
        Some(review) => {
            let outer = centered(area, area.width, area.height);
            frame.render_widget(Clear, outer);
            let [brief, form] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(outer);
            review::render(review, app.now.date(), frame, brief);
            render_form(popup.form(), Some(review), app.now, frame, form);
        }
        None => {
            let form = popup.form();
            let inner_width = area.width.saturating_sub(4).min(76);
            let label = label_width(form, inner_width);
            let value_width = inner_width.saturating_sub(label);
            let fields: u16 = form
                .fields()
                .iter()
                .enumerate()
                .map(|(i, f)| rows(f, i == form.active, app.now, (label, value_width)))
                .sum();
            // A reason that takes two rows at the foot takes one more.
            let error_rows = u16::try_from(form_error_lines(form, inner_width).len()).unwrap_or(1);
            let popup_area = centered(area, inner_width + 2, fields + 3 + error_rows.max(1));
            super::clear_around(frame, popup_area, area);
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
        .title(Span::styled(format!(" {title} "), theme::title()))
        .border_style(if typing {
            theme::accent()
        } else {
            Style::default()
        });
    let inner = block.inner(area);
    let label = label_width(form, inner.width);
    let value_width = inner.width.saturating_sub(label);
    let form_error = form_error_lines(form, inner.width);
    // The reason a save failed, at the foot: one row is always kept for it.
    let error_rows = u16::try_from(form_error.len()).unwrap_or(1).max(1);
    let bottom = inner.y + inner.height.saturating_sub(1 + error_rows);
    let room = bottom.saturating_sub(inner.y);
    // A check-in's new actions keep a few rows at the foot of the fields.
    let new_actions = review.map_or(&[][..], |r| r.new_actions.as_slice());
    let actions_rows = if new_actions.is_empty() {
        0
    } else {
        u16::try_from(new_actions.len() + 1)
            .unwrap_or(u16::MAX)
            .min((room / 3).max(2))
    };
    let fields_bottom = bottom.saturating_sub(actions_rows);
    let heights: Vec<u16> = form
        .fields()
        .iter()
        .enumerate()
        .map(|(i, f)| rows(f, typing && i == form.active, now, (label, value_width)))
        .collect();
    let (first, last) = in_view(&heights, form.active, fields_bottom - inner.y);
    let hidden = (first, heights.len() - last);
    let block = match scroll_cue(hidden) {
        Some(cue) => block.title_bottom(Line::from(cue).right_aligned()),
        None => block,
    };
    frame.render_widget(block, area);
    let mut y = inner.y;
    for (index, field) in form.fields().iter().enumerate().take(last).skip(first) {
        if y >= fields_bottom {
            break;
        }
        let active = typing && index == form.active;
        let rows = heights[index].min(fields_bottom - y);
        let label_style = if active { theme::key() } else { theme::dim() };
        let names: Vec<Line> = label_lines(field, active, label)
            .into_iter()
            .map(|name| Line::styled(name, label_style))
            .collect();
        frame.render_widget(Paragraph::new(names), Rect::new(inner.x, y, label, rows));
        let errors = error_lines(field, value_width);
        let own_rows = height(field, active, now, value_width).min(rows);
        let body_rows = own_rows
            .saturating_sub(u16::try_from(errors.len()).unwrap_or(0))
            .max(1);
        let value_area = Rect::new(inner.x + label, y, value_width, body_rows);
        let hidden = render_value(field, active, now, frame, value_area);
        // Notes longer than their rows say how much is out of view, under the label.
        let cues = [(hidden.0, "↑", y + 1), (hidden.1, "↓", y + body_rows - 1)];
        for (rows, arrow, at) in cues {
            if rows > 0 && body_rows >= 2 {
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        text::truncate(&format!(" {arrow} {rows} more"), usize::from(label))
                            .into_owned(),
                        theme::dim(),
                    )),
                    Rect::new(inner.x, at, label, 1),
                );
            }
        }
        for (row, error) in (0u16..).zip(errors) {
            frame.render_widget(
                Paragraph::new(Span::styled(error, theme::error())),
                Rect::new(inner.x + label, y + body_rows + row, value_width, 1),
            );
        }
        y += rows;
    }
    if actions_rows > 0 {
        let shown = usize::from(actions_rows - 1);
        let heading = if shown < new_actions.len() {
            format!("New actions · {} (the last {shown})", new_actions.len())
        } else {
            "New actions".to_string()
        };
        let mut lines = vec![Line::styled(heading, theme::dim())];
        let shown_actions: Vec<(String, String, String)> = new_actions[new_actions.len() - shown..]
            .iter()
            .map(|action| {
                let due = action
                    .due_on
                    .map(|d| dates::short_day(d, now.date()))
                    .unwrap_or_default();
                let owner = text::line(&action.owner).into_owned();
                (text::line(&action.what).into_owned(), owner, due)
            })
            .collect();
        // Who and when stay whole, each in a column of its own; the words give way.
        let column = |pick: fn(&(String, String, String)) -> &String| {
            shown_actions
                .iter()
                .map(|a| text::width(pick(a)))
                .max()
                .unwrap_or(0)
        };
        let (what_width, owner_width, due_width) =
            (column(|a| &a.0), column(|a| &a.1), column(|a| &a.2));
        let gaps = if due_width == 0 { 5 } else { 8 };
        let what_width = usize::from(inner.width)
            .saturating_sub(owner_width + due_width + gaps)
            .clamp(8.min(what_width), what_width);
        for (what, owner, due) in &shown_actions {
            // Days right-aligned, so they end in one column.
            let line = format!(
                "+ {}   {}   {}{due}",
                text::fit(what, what_width),
                text::fit(owner, owner_width),
                " ".repeat(due_width.saturating_sub(text::width(due)))
            );
            lines.push(Line::from(
                text::truncate(line.trim_end(), usize::from(inner.width)).into_owned(),
            ));
        }
        frame.render_widget(
            Paragraph::new(lines),
            // Right after the fields, at the foot when they fill the form.
            Rect::new(inner.x, y.min(fields_bottom), inner.width, actions_rows),
        );
    }
    let error_area = Rect::new(inner.x, bottom, inner.width, error_rows);
    let form_error: Vec<Line> = form_error
        .into_iter()
        .map(|line| Line::styled(line, theme::error()))
        .collect();
    frame.render_widget(Paragraph::new(form_error), error_area);
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
        hints.push(Span::styled(key, theme::key()));
        hints.push(Span::styled(format!(" {hint}  "), theme::dim()));
    }
    frame.render_widget(
        Paragraph::new(Line::from(hints)),
        Rect::new(inner.x, bottom + error_rows, inner.width, 1),
    );
}
