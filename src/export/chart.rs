//! The ratings-over-time chart as inline SVG: one colour and marker shape per focus (so it
//! still reads printed in grey), each focus's start marked by a labelled vertical line.

use super::brief::Brief;
use super::html::escape;
use crate::dates::days_between;
use crate::model::Rating;
use chrono::{Datelike, Months, NaiveDate};
use std::fmt::Write;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 92.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 28.0;
/// Space between the plot's edge and the outermost points.
const PAD: f64 = 10.0;

/// Colour-blind-safe colours (Okabe and Ito), one per focus in turn.
const COLOURS: [&str; 6] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
];
/// For ratings made with no focus.
const NO_FOCUS_COLOUR: &str = "#6b6b6b";

/// The colour of the series of focus `number` (from 1), or of ratings without a focus.
pub fn colour(number: Option<usize>) -> &'static str {
    match number {
        Some(n) => COLOURS[n.saturating_sub(1) % COLOURS.len()],
        None => NO_FOCUS_COLOUR,
    }
}

/// A point marker for the series of focus `number`, centred on (x, y).
pub fn marker(number: Option<usize>, x: f64, y: f64) -> String {
    let fill = colour(number);
    let shape = number.map_or(0, |n| n.saturating_sub(1) % 4);
    match shape {
        1 => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{fill}"/>"#,
            x - 4.0,
            y - 4.0
        ),
        2 => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z" fill="{fill}"/>"#,
            y - 5.0,
            x + 5.0,
            y + 4.0,
            x - 5.0,
            y + 4.0
        ),
        3 => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z" fill="{fill}"/>"#,
            y - 5.5,
            x + 5.5,
            y + 5.5,
            x - 5.5
        ),
        _ => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="4.5" fill="{fill}"/>"#),
    }
}

/// The colour of a support's marker: dark grey, apart from every focus's colour, and
/// read as a triangle when printed in grey.
const SUPPORT_COLOUR: &str = "#444444";

/// A support's marker: an upward triangle centred on (x, y).
fn support_marker(x: f64, y: f64) -> String {
    format!(
        r#"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z" fill="white" stroke="{SUPPORT_COLOUR}" stroke-width="1.5"/>"#,
        y - 5.0,
        x + 5.0,
        y + 4.0,
        x - 5.0,
        y + 4.0
    )
}

/// The legend key of supports given: the triangle drawn on the chart.
pub fn support_key() -> String {
    format!(
        r#"<svg class="key" viewBox="0 0 22 12" width="22" height="12" aria-hidden="true">{}</svg>"#,
        support_marker(11.0, 6.5)
    )
}

/// A small legend key: the series' marker on a short line.
pub fn key(number: Option<usize>) -> String {
    format!(
        r#"<svg class="key" viewBox="0 0 22 12" width="22" height="12" aria-hidden="true"><line x1="1" y1="6" x2="21" y2="6" stroke="{}" stroke-width="2"/>{}</svg>"#,
        colour(number),
        marker(number, 11.0, 6.0)
    )
}

struct Scale {
    start: NaiveDate,
    span: f64,
}

impl Scale {
    fn x(&self, day: NaiveDate) -> f64 {
        let along = days_between(self.start, day) as f64 / self.span;
        LEFT + PAD + along.clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT - 2.0 * PAD)
    }

    fn y(rating: f64) -> f64 {
        TOP + PAD + (4.0 - rating) / 3.0 * (HEIGHT - TOP - BOTTOM - 2.0 * PAD)
    }
}

/// The chart, or `None` when there are no ratings to draw.
pub fn svg(brief: &Brief) -> Option<String> {
    let first = brief.ratings.first()?.observation.observed_at.date();
    let last = brief.ratings.last()?.observation.observed_at.date();
    let first_focus_start = brief
        .ratings
        .iter()
        .filter_map(|point| point.focus)
        .filter_map(|number| brief.focus(number))
        .map(|summary| summary.focus.started_on)
        .min();
    let mut start = first.min(first_focus_start.unwrap_or(first));
    if let Some(since) = brief.since {
        start = start.max(since).min(first);
    }
    let end = brief.today.max(last);
    let scale = Scale {
        start,
        span: days_between(start, end).max(1) as f64,
    };

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title" font-size="11">"#
    );
    let _ = write!(
        svg,
        r#"<title id="chart-title">Ratings over time, {} to {}</title>"#,
        super::words::day(start),
        super::words::day(end)
    );
    y_axis(&mut svg);
    x_axis(&mut svg, &scale, end);
    focus_starts(&mut svg, brief, &scale, end);
    supports(&mut svg, brief, &scale, end);
    series(&mut svg, brief, &scale);
    svg.push_str("</svg>");
    Some(svg)
}

fn y_axis(svg: &mut String) {
    for value in Rating::MIN..=Rating::MAX {
        let Some(rating) = Rating::new(value) else {
            continue;
        };
        let y = Scale::y(f64::from(value));
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#d9d9d9"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#333">{value} {}</text>"##,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            rating.label()
        );
    }
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}" stroke="#888"/>"##,
        HEIGHT - BOTTOM
    );
}

/// Ticks every week over two months or less, else on the first of each month (thinned to
/// at most eight labels).
fn x_axis(svg: &mut String, scale: &Scale, end: NaiveDate) {
    let bottom = HEIGHT - BOTTOM;
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{bottom:.1}" x2="{:.1}" y2="{bottom:.1}" stroke="#888"/>"##,
        WIDTH - RIGHT
    );
    let mut ticks: Vec<(NaiveDate, String)> = Vec::new();
    if scale.span <= 62.0 {
        let mut day = scale.start;
        while day <= end {
            ticks.push((day, day.format("%-d %b").to_string()));
            day += chrono::TimeDelta::days(7);
        }
    } else {
        // The first of the month on or after the start.
        let mut month = match scale.start.day() {
            1 => Some(scale.start),
            _ => scale
                .start
                .with_day(1)
                .and_then(|first| first.checked_add_months(Months::new(1))),
        };
        let mut months = Vec::new();
        while let Some(first) = month.filter(|first| *first <= end) {
            months.push(first);
            month = first.checked_add_months(Months::new(1));
        }
        let step = months.len().div_ceil(8).max(1);
        for (place, first) in months.into_iter().enumerate().step_by(step) {
            let label = if place == 0 || first.month() == 1 {
                first.format("%b %Y").to_string()
            } else {
                first.format("%b").to_string()
            };
            ticks.push((first, label));
        }
    }
    for (day, label) in ticks {
        let x = scale.x(day);
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}" stroke="#888"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="#333">{label}</text>"##,
            bottom + 4.0,
            bottom + 16.0
        );
    }
}

/// A dashed line where each focus started, labelled "focus 2 · 12 Oct"; labels alternate
/// between two rows so that focuses started close together stay readable.
fn focus_starts(svg: &mut String, brief: &Brief, scale: &Scale, end: NaiveDate) {
    let shown = brief
        .focuses
        .iter()
        .filter(|summary| (scale.start..=end).contains(&summary.focus.started_on));
    for (row, summary) in shown.enumerate() {
        let number = Some(summary.number);
        let x = scale.x(summary.focus.started_on);
        let y = if row % 2 == 0 { TOP - 18.0 } else { TOP - 6.0 };
        let (anchor, label_x) = if x > WIDTH - 110.0 {
            ("end", x - 4.0)
        } else {
            ("start", x + 4.0)
        };
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{}" stroke-dasharray="4 3"/><text x="{label_x:.1}" y="{y:.1}" text-anchor="{anchor}" fill="{}">focus {} · {}</text>"#,
            y - 8.0,
            HEIGHT - BOTTOM,
            colour(number),
            colour(number),
            summary.number,
            summary.focus.started_on.format("%-d %b")
        );
    }
}

/// A triangle on the time axis on each day support was given, its kind and day as its
/// title (a tooltip on screen), under a thin dotted line up the plot.
fn supports(svg: &mut String, brief: &Brief, scale: &Scale, end: NaiveDate) {
    let y = HEIGHT - BOTTOM - 6.0;
    for summary in &brief.supports {
        let support = summary.support;
        if !(scale.start..=end).contains(&support.given_on) {
            continue;
        }
        let x = scale.x(support.given_on);
        let _ = write!(
            svg,
            r#"<g><line x1="{x:.1}" y1="{TOP:.1}" x2="{x:.1}" y2="{:.1}" stroke="{SUPPORT_COLOUR}" stroke-dasharray="1 3"/>{}<title>{}: {}</title></g>"#,
            y - 5.0,
            support_marker(x, y),
            escape(&support.given_on.format("%-d %b %Y").to_string()),
            escape(support.kind.label())
        );
    }
}

/// One line and marker set per focus, ratings without a focus last.
fn series(svg: &mut String, brief: &Brief, scale: &Scale) {
    let mut numbers: Vec<Option<usize>> = brief.focuses.iter().map(|f| Some(f.number)).collect();
    numbers.push(None);
    for number in numbers {
        let points: Vec<_> = brief
            .ratings
            .iter()
            .filter(|point| point.focus == number)
            .map(|point| {
                let day = point.observation.observed_at.date();
                (
                    scale.x(day),
                    Scale::y(f64::from(point.rating.value())),
                    point,
                )
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        if points.len() > 1 {
            let path: Vec<String> = points
                .iter()
                .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
                .collect();
            let _ = write!(
                svg,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
                path.join(" "),
                colour(number)
            );
        }
        for (x, y, point) in points {
            let focus = number.map_or("no focus".to_string(), |n| format!("focus {n}"));
            let _ = write!(
                svg,
                "<g>{}<title>{}: {} {} ({focus})</title></g>",
                marker(number, x, y),
                escape(
                    &point
                        .observation
                        .observed_at
                        .format("%-d %b %Y")
                        .to_string()
                ),
                point.rating.value(),
                point.rating.label()
            );
        }
    }
}
