//! Where the time went: one line a kind, role, person or school with its activities,
//! time and share (a bar where there is room), the total, and the split by role.

use super::theme;
use crate::app::App;
use crate::app::keymap::{self, Context, Msg};
use crate::app::time_spent::TimeSpent;
use crate::export::time_spent::nothing_recorded;
use crate::model::time_spent::{Grouping, TimeReport, TimeRow, duration};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The figures' columns, right-aligned: activities, time, share, how many without minutes.
const FIGURES: [(&str, usize); 4] = [("count", 5), ("time", 11), ("share", 5), ("no min", 6)];
const GAP: usize = 2;

pub fn render(_app: &App, screen: &TimeSpent, frame: &mut Frame, area: Rect) {
    let report = &screen.report;
    let notes = notes(screen);
    let [header, body, below] = areas(area, notes.len());
    // "all time" is both the span and its days: said once.
    let days = report.period.describe();
    let title = if days == screen.span.label() {
        format!(" Time · {days}")
    } else {
        format!(" Time · {} · {days}", screen.span.label())
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            text::truncate(&title, usize::from(area.width)).into_owned(),
            theme::title(),
        )),
        header,
    );
    let block = Block::bordered().title(format!(" By {} ", report.grouping.label()));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if report.total.activities == 0 {
        let empty = nothing_recorded(screen.span.during());
        frame.render_widget(Paragraph::new(empty).wrap(Wrap { trim: true }), inner);
    } else {
        frame.render_widget(
            Paragraph::new(table(screen, inner.width, inner.height)),
            inner,
        );
    }
    frame.render_widget(Paragraph::new(notes), below);
}

/// The title row, the bordered report and the notes under it.
fn areas(area: Rect, notes: usize) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(u16::try_from(notes).unwrap_or(u16::MAX)),
    ])
    .areas(area)
}

/// How many of the report's lines a body of `width` × `height` shows at once (between
/// the heading, and the rule and total).
pub fn report_lines(screen: &TimeSpent, width: u16, height: u16) -> usize {
    let [_, body, _] = areas(Rect::new(0, 0, width, height), notes(screen).len());
    lines_in(body.height.saturating_sub(2))
}

/// The report's lines a table `height` rows high has room for: less its heading, its
/// rule and its total.
fn lines_in(height: u16) -> usize {
    usize::from(height).saturating_sub(3)
}

/// The heading, the lines from the scroll on that fit, and the total under a rule.
fn table(screen: &TimeSpent, width: u16, height: u16) -> Vec<Line<'static>> {
    let report = &screen.report;
    let width = usize::from(width);
    let figures: usize = FIGURES.iter().map(|(_, w)| w + GAP).sum();
    // A bar of the share where the names still get 24 columns.
    let bar = if width >= figures + 24 + 12 {
        (width - figures) / 4
    } else {
        0
    };
    let label = width.saturating_sub(figures + if bar > 0 { bar + GAP } else { 0 });
    let heading: Vec<String> = FIGURES.iter().map(|(h, _)| (*h).to_owned()).collect();
    let mut lines = vec![line(
        report.grouping.label(),
        &heading,
        label,
        None,
        theme::dim(),
    )];
    let room = lines_in(height);
    // Never past the page that ends with the last line, whatever size the terminal became.
    let scroll = screen.scroll.min(report.rows.len().saturating_sub(room));
    for row in report.rows.iter().skip(scroll).take(room) {
        let share = report.share(row).unwrap_or(0);
        lines.push(line(
            &text::line(&row.label),
            &cells(report, row),
            label,
            Some((bar, share)),
            Style::default(),
        ));
    }
    let below = report.rows.len().saturating_sub(scroll + room);
    let keys = (
        keymap::key_for(Context::Time, Msg::Up),
        keymap::key_for(Context::Time, Msg::Down),
    );
    let rule = match super::scroll::cue(scroll, below, (&keys.0, &keys.1)) {
        Some(cue) if text::width(&cue) + 2 <= width => format!(
            "{}{cue}",
            "─".repeat(width.saturating_sub(text::width(&cue)))
        ),
        _ => "─".repeat(width),
    };
    lines.push(Line::styled(rule, theme::dim()));
    lines.push(line(
        "total",
        &cells(report, &report.total),
        label,
        None,
        theme::title(),
    ));
    lines
}

fn cells(report: &TimeReport, row: &TimeRow) -> Vec<String> {
    vec![
        row.activities.to_string(),
        duration(row.minutes),
        report
            .share(row)
            .map_or_else(|| "–".into(), |share| format!("{share}%")),
        row.unknown.to_string(),
    ]
}

fn line(
    label: &str,
    figures: &[String],
    label_width: usize,
    bar: Option<(usize, u32)>,
    style: Style,
) -> Line<'static> {
    let mut spans = vec![Span::styled(
        text::fit(label, label_width).into_owned(),
        style,
    )];
    for (figure, (_, width)) in figures.iter().zip(FIGURES) {
        let pad = (width + GAP).saturating_sub(text::width(figure));
        spans.push(Span::styled(format!("{}{figure}", " ".repeat(pad)), style));
    }
    if let Some((width, share)) = bar.filter(|(width, _)| *width > 0) {
        let filled = (width * share as usize).div_ceil(100).min(width);
        spans.push(Span::raw(" ".repeat(GAP)));
        spans.push(Span::styled("█".repeat(filled), theme::accent()));
    }
    Line::from(spans)
}

/// Under the table: the split by role (under any other grouping) and the activities
/// with no minutes recorded.
fn notes(screen: &TimeSpent) -> Vec<Line<'static>> {
    let mut notes = Vec::new();
    let by_role = &screen.by_role;
    if screen.report.grouping != Grouping::Role && by_role.total.minutes > 0 {
        let split: Vec<String> = by_role
            .rows
            .iter()
            .map(|row| format!("{} {}%", row.label, by_role.share(row).unwrap_or(0)))
            .collect();
        // The people's roles, said so: beside a "leader check-in" (a kind of
        // conversation), a bare "By role: school leader 4%" read as contradicting it.
        notes.push(Line::from(format!(
            " By person's role: {}",
            split.join(" · ")
        )));
    }
    match screen.report.total.unknown {
        0 => {}
        1 => notes.push(Line::styled(
            " 1 activity has no minutes recorded: counted, not timed",
            theme::dim(),
        )),
        n => notes.push(Line::styled(
            format!(" {n} activities have no minutes recorded: counted, not timed"),
            theme::dim(),
        )),
    }
    notes
}
