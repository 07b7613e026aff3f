//! The progress chart: observation ratings over time, one series per focus, with each
//! focus's start marked by a vertical line.

use super::theme;
use crate::dates;
use crate::model::TeacherFile;
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

/// Colours of the focus series, newest focus first (marks and legend carry the meaning too).
const SERIES: [Color; 4] = [Color::Cyan, Color::Magenta, Color::Yellow, Color::Green];

/// How far back the chart looks at most, so ten years stay readable.
const WINDOW_DAYS: i64 = 240;

/// One focus's ratings: (days from the window's start, rating).
struct Series {
    name: String,
    start: Option<f64>,
    points: Vec<(f64, f64)>,
}

pub fn render(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(" Ratings over time ");
    let earliest_rating = file
        .observations
        .iter()
        .filter(|o| o.rating.is_some())
        .map(|o| o.observed_at.date())
        .min();
    let Some(earliest) = earliest_rating else {
        frame.render_widget(
            Paragraph::new("No ratings yet: o observes and rates.")
                .style(theme::DIM)
                .block(block),
            area,
        );
        return;
    };
    // From the earliest rating or focus start (so the start is marked), at most WINDOW_DAYS back.
    let first_start = file
        .focuses
        .iter()
        .map(|f| f.started_on)
        .filter(|d| *d <= earliest)
        .max();
    let window_start = first_start
        .unwrap_or(earliest)
        .min(earliest)
        .max(today - chrono::Days::new(WINDOW_DAYS as u64));
    let x = |day: NaiveDate| dates::days_between(window_start, day) as f64;
    // Focuses newest first; those that ended before the window are left out.
    let series: Vec<Series> = file
        .focuses
        .iter()
        .filter(|f| f.ended_on.is_none_or(|end| end >= window_start))
        .take(SERIES.len())
        .map(|focus| Series {
            name: text::truncate(&text::line(&focus.statement), 22).into_owned(),
            start: (focus.started_on >= window_start).then(|| x(focus.started_on)),
            points: file
                .observations
                .iter()
                .rev()
                .filter(|o| o.focus_id.as_deref() == Some(focus.meta.id.as_str()))
                .filter(|o| o.observed_at.date() >= window_start)
                .filter_map(|o| {
                    o.rating
                        .map(|r| (x(o.observed_at.date()), f64::from(r.value())))
                })
                .collect(),
        })
        .collect();
    let starts: Vec<[(f64, f64); 2]> = series
        .iter()
        .filter_map(|s| s.start.map(|x| [(x, 0.5), (x, 4.5)]))
        .collect();
    let mut datasets = Vec::new();
    for line in &starts {
        datasets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme::DIM)
                .data(line),
        );
    }
    for (index, focus) in series.iter().enumerate() {
        if focus.points.is_empty() {
            continue;
        }
        let style = Style::new().fg(SERIES[index % SERIES.len()]);
        datasets.push(
            Dataset::default()
                .name(focus.name.clone())
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(style)
                .data(&focus.points),
        );
    }
    let span = x(today).max(1.0);
    let chart = Chart::new(datasets)
        .block(block)
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(40)))
        .x_axis(Axis::default().bounds([0.0, span]).labels([
            Span::raw(window_start.format("%-d %b").to_string()),
            Span::raw(today.format("%-d %b").to_string()),
        ]))
        .y_axis(
            Axis::default()
                .bounds([0.5, 4.5])
                .labels(["1", "2", "3", "4"]),
        );
    frame.render_widget(chart, area);
}
