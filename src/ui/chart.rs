//! The progress chart: every rated observation over time (with a focus or without one),
//! under it a ▲ on each day support was given (with its kind where there is room), and
//! each focus's span, marked from its start to its end and labelled.

use super::theme;
use crate::app::keymap;
use crate::dates;
use crate::model::{Observation, TeacherFile};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Colours of the focus series, newest focus first (the spans under the chart carry the
/// meaning without colour).
const SERIES: [Color; 4] = [Color::Cyan, Color::Magenta, Color::Yellow, Color::Green];

/// How far back the chart looks at most, so ten years stay readable.
const WINDOW_DAYS: i64 = 240;

/// The fewest days the chart spans, so that a first visit is not drawn on the edge.
const MIN_SPAN_DAYS: i64 = 14;

/// A rating drawn: a filled point on a focus, a hollow one without a focus.
const ON_FOCUS: &str = "●";
const NO_FOCUS: &str = "○";

/// One rating on the chart.
struct Point {
    x: f64,
    rating: u8,
    /// Which focus it was made on (an index into the focuses shown), if any.
    series: Option<usize>,
}

/// One focus's span on the time axis.
struct FocusSpan {
    start: f64,
    end: f64,
    label: String,
    style: Style,
}

/// The column of day `x` on a plot `width` cells wide over `[0, span]` days.
fn column(x: f64, span: f64, width: u16) -> usize {
    let last = f64::from(width.saturating_sub(1));
    (x / span * last).round().clamp(0.0, last) as usize
}

/// The row of `rating` (1 to 4) on a plot `height` cells high, 4 on the top row.
fn row(rating: u8, height: u16) -> usize {
    let last = f64::from(height.saturating_sub(1));
    ((4.0 - f64::from(rating)) / 3.0 * last).round() as usize
}

pub fn render(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(" Ratings over time ");
    let rated: Vec<&Observation> = file
        .observations
        .iter()
        .filter(|o| o.rating.is_some())
        .collect();
    let Some(earliest) = rated.iter().map(|o| o.observed_at.date()).min() else {
        frame.render_widget(
            Paragraph::new(format!(
                "No ratings yet: {} observes and rates.",
                keymap::key_for(keymap::Context::Workspace, keymap::Msg::Observe)
            ))
            .style(theme::dim())
            .block(block),
            area,
        );
        return;
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // From the earliest rating or the start of the focus it was made on, at most
    // WINDOW_DAYS back, and at least MIN_SPAN_DAYS long.
    let first_start = file
        .focuses
        .iter()
        .map(|f| f.started_on)
        .filter(|d| *d <= earliest)
        .max();
    let window_start = first_start
        .unwrap_or(earliest)
        .min(earliest)
        .max(today - chrono::Days::new(WINDOW_DAYS as u64))
        .min(today - chrono::Days::new(MIN_SPAN_DAYS as u64));
    let x = |day: NaiveDate| dates::days_between(window_start, day) as f64;
    let span = x(today).max(1.0);

    // Focuses that reach into the window, newest first as the file keeps them.
    let focuses: Vec<_> = file
        .focuses
        .iter()
        .filter(|f| f.ended_on.is_none_or(|end| end >= window_start))
        .collect();
    let style_of = |index: usize| Style::new().fg(SERIES[index % SERIES.len()]);
    // Oldest first, so that the newest is drawn last.
    let mut points: Vec<Point> = rated
        .iter()
        .rev()
        .filter(|o| o.observed_at.date() >= window_start)
        .filter_map(|o| {
            let series = o
                .focus_id
                .as_deref()
                .and_then(|id| focuses.iter().position(|f| f.meta.id == id));
            o.rating.map(|r| Point {
                x: x(o.observed_at.date()),
                rating: r.value(),
                series,
            })
        })
        .collect();
    points.sort_by(|a, b| a.x.total_cmp(&b.x));
    let spans: Vec<FocusSpan> = focuses
        .iter()
        .enumerate()
        .rev()
        .map(|(index, f)| FocusSpan {
            start: x(f.started_on.max(window_start)),
            end: x(f.ended_on.unwrap_or(today).min(today)),
            label: text::line(&f.statement).into_owned(),
            style: style_of(index),
        })
        .collect();

    // Supports given in the window, oldest first.
    let supports: Vec<(f64, &str)> = file
        .supports
        .iter()
        .rev()
        .filter(|s| s.given_on >= window_start && s.given_on <= today)
        .map(|s| (x(s.given_on), s.kind.label()))
        .collect();

    // Rows: the plot, the supports, the focus spans, the dates. Columns: the rating
    // scale, the plot.
    let show_spans = inner.height >= 5 && !spans.is_empty();
    let show_supports = inner.height >= 6 && !supports.is_empty();
    let [plot_rows, support_row, span_row, date_row] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(show_supports)),
        Constraint::Length(u16::from(show_spans)),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [scale, plot] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(plot_rows);
    let [_, span_area] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(span_row);
    let [_, date_area] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(date_row);

    // The scale names each row that one rating has to itself (on a short plot two
    // ratings share a row, and only the ends are named).
    let mut scale_lines = vec![Line::default(); usize::from(scale.height)];
    for rating in 1..=4u8 {
        let at = row(rating, scale.height);
        let shared = (1..=4u8).any(|other| other != rating && row(other, scale.height) == at);
        if shared && !matches!(rating, 1 | 4) {
            continue;
        }
        if let Some(line) = scale_lines.get_mut(at) {
            *line = Line::styled(format!("{rating}┤"), theme::dim());
        }
    }
    frame.render_widget(Paragraph::new(scale_lines), scale);

    // One mark a rating, in the cell of its day and rating; a later one on the same cell
    // is drawn over an earlier one.
    let width = usize::from(plot.width);
    let mut grid = vec![vec![(" ", Style::default()); width]; usize::from(plot.height)];
    for point in &points {
        let (mark, style) = match point.series {
            Some(i) => (ON_FOCUS, style_of(i)),
            None => (NO_FOCUS, Style::default()),
        };
        let at_row = row(point.rating, plot.height);
        let at_column = column(point.x, span, plot.width);
        if let Some(cell) = grid.get_mut(at_row).and_then(|r| r.get_mut(at_column)) {
            *cell = (mark, style);
        }
    }
    let lines: Vec<Line> = grid
        .into_iter()
        .map(|cells| {
            Line::from(
                cells
                    .into_iter()
                    .map(|(mark, style)| Span::styled(mark, style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), plot);

    if show_supports {
        let [_, support_area] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(support_row);
        frame.render_widget(
            Paragraph::new(support_line(&supports, span, support_area.width)),
            support_area,
        );
    }
    if show_spans {
        render_spans(&spans, span, frame, span_area);
    }
    let start = window_start.format("%-d %b").to_string();
    let end = today.format("%-d %b").to_string();
    let pad = usize::from(date_area.width).saturating_sub(text::width(&start) + text::width(&end));
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{start}{}{end}", " ".repeat(pad)),
            theme::dim(),
        )),
        date_area,
    );
}

/// A support given: a ▲ in its day's column, then its kind as far as the next one
/// leaves room (`▲co-planning ▲peer v…`).
const SUPPORT: &str = "▲";

/// The supports' row: `(day, kind)` oldest first, on a row `width` cells wide.
fn support_line(supports: &[(f64, &str)], span: f64, width: u16) -> Line<'static> {
    let columns: Vec<usize> = supports
        .iter()
        .map(|(x, _)| column(*x, span, width))
        .collect();
    let mut line = String::new();
    let mut at = 0;
    for (place, (&first, (_, kind))) in columns.iter().zip(supports).enumerate() {
        if first < at {
            // Two supports within a cell or two: the first one's mark stands for both.
            continue;
        }
        line.push_str(&" ".repeat(first - at));
        line.push_str(SUPPORT);
        at = first + 1;
        let next = columns
            .get(place + 1..)
            .and_then(|later| later.iter().find(|c| **c > first))
            .copied()
            .unwrap_or(usize::from(width));
        let room = next.saturating_sub(at + 1);
        if room >= 3 {
            let label = text::truncate(kind, room).into_owned();
            at += text::width(&label);
            line.push_str(&label);
        }
    }
    Line::styled(line, theme::accent())
}

/// Each focus as `├Warm-up conne…──┤` under the days it ran; one too short for a word
/// is a `├` at its start.
fn render_spans(spans: &[FocusSpan], span: f64, frame: &mut Frame, area: Rect) {
    let width = area.width;
    let mut cells: Vec<(String, Style)> =
        vec![(" ".to_string(), Style::default()); usize::from(width)];
    for focus in spans {
        let first = column(focus.start, span, width);
        let last = column(focus.end, span, width).max(first);
        let inside = last.saturating_sub(first + 1);
        let label = if inside >= 3 {
            text::truncate(&focus.label, inside).into_owned()
        } else {
            String::new()
        };
        let mut drawn: Vec<String> = vec!["├".to_string()];
        drawn.extend(
            unicode_segmentation::UnicodeSegmentation::graphemes(label.as_str(), true)
                .map(str::to_string),
        );
        // A wide character takes two cells: its second is left empty.
        let mut row: Vec<String> = Vec::new();
        for piece in drawn {
            let wide = text::width(&piece) > 1;
            row.push(piece);
            if wide {
                row.push(String::new());
            }
        }
        while row.len() < last - first {
            row.push("─".to_string());
        }
        if last > first {
            row.truncate(last - first);
            row.push("┤".to_string());
        }
        for (offset, piece) in row.into_iter().enumerate() {
            if let Some(cell) = cells.get_mut(first + offset) {
                *cell = (piece, focus.style);
            }
        }
    }
    let line: Vec<Span> = cells
        .into_iter()
        .map(|(piece, style)| Span::styled(piece, style))
        .collect();
    frame.render_widget(Paragraph::new(Line::from(line)), area);
}
