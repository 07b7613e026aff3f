//! A small inline SVG chart of one tally over a focus's visits: the share of the class on
//! a 0–100% axis when the tally counts out of a class size, the raw counts otherwise. In
//! the focus's colour and marker shape (as on the ratings chart, so it reads printed in
//! grey); a visit that did not count the tally is a tick on the axis with no point, and
//! the line breaks there rather than dropping to zero.

use super::chart::{colour, marker};
use super::html::escape;
use crate::dates::days_between;
use crate::model::{TallySeries, percent};
use std::fmt::Write;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 96.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
/// Space between the plot's edge and the outermost points.
const PAD: f64 = 8.0;

/// The chart of `series` on focus `number`, or `None` when no visit counted it.
pub fn svg(series: &TallySeries, number: usize) -> Option<String> {
    let points = series.points();
    let first = series.visits.first()?.0;
    let last = series.visits.last()?.0;
    if points.is_empty() {
        return None;
    }
    let span = days_between(first, last).max(1) as f64;
    let x = |day| {
        let along = days_between(first, day) as f64 / span;
        LEFT + PAD + along.clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT - 2.0 * PAD)
    };
    // What the axis runs up to: the whole class, or the most counted (at least 1).
    let (top, labels): (f64, Vec<(f64, String)>) = match series.tally.out_of {
        Some(_) => (
            1.0,
            vec![
                (0.0, "0%".into()),
                (0.5, "50%".into()),
                (1.0, "100%".into()),
            ],
        ),
        None => {
            let most = points.iter().map(|p| p.count).max().unwrap_or(0).max(1);
            (
                f64::from(most),
                vec![(0.0, "0".into()), (f64::from(most), most.to_string())],
            )
        }
    };
    let y = |value: f64| {
        let up = (value / top).clamp(0.0, 1.0);
        HEIGHT - BOTTOM - PAD - up * (HEIGHT - TOP - BOTTOM - 2.0 * PAD)
    };
    let value = |count: u32| series.tally.share(count).unwrap_or(f64::from(count));
    let name = escape(series.tally.name.trim());
    let colour = colour(Some(number));

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="tally" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" font-size="10">"#
    );
    let _ = write!(
        svg,
        "<title>{name}, visit by visit, {} to {}</title>",
        super::words::day(first),
        super::words::day(last)
    );
    for (at, label) in labels {
        let y = y(at);
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#d9d9d9"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#333">{label}</text>"##,
            WIDTH - RIGHT,
            LEFT - 4.0,
            y + 3.5
        );
    }
    // Every visit is a tick on the axis; the first and last are dated.
    let bottom = HEIGHT - BOTTOM;
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{bottom:.1}" x2="{:.1}" y2="{bottom:.1}" stroke="#888"/>"##,
        WIDTH - RIGHT
    );
    for (day, _) in &series.visits {
        let x = x(*day);
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}" stroke="#888"/>"##,
            bottom + 3.0
        );
    }
    let mut dated = vec![(first, "start")];
    if last != first {
        dated.push((last, "end"));
    }
    for (day, anchor) in dated {
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" fill="#333">{}</text>"##,
            x(day),
            bottom + 14.0,
            day.format("%-d %b")
        );
    }
    // The line runs between visits that counted the tally and breaks at one that did not.
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    for (day, count) in &series.visits {
        match count {
            Some(count) => {
                if let Some(run) = runs.last_mut() {
                    run.push(format!("{:.1},{:.1}", x(*day), y(value(*count))));
                }
            }
            None => runs.push(Vec::new()),
        }
    }
    for run in runs.iter().filter(|run| run.len() > 1) {
        let _ = write!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
            run.join(" ")
        );
    }
    for point in &points {
        let said = match (series.tally.out_of, series.tally.share(point.count)) {
            (Some(whole), Some(share)) => {
                format!("{} of {whole} ({})", point.count, percent(share))
            }
            _ => point.count.to_string(),
        };
        let _ = write!(
            svg,
            "<g>{}<title>{}: {said}</title></g>",
            marker(Some(number), x(point.day), y(value(point.count))),
            point.day.format("%-d %b %Y")
        );
    }
    svg.push_str("</svg>");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TallyDef;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    #[test]
    fn a_share_of_the_class_is_drawn_on_a_percent_axis_with_gaps_left_open() {
        let series = TallySeries {
            tally: TallyDef {
                name: "students <on> task".into(),
                out_of: Some(28),
            },
            visits: vec![
                (day(1), Some(9)),
                (day(8), Some(14)),
                (day(15), None),
                (day(22), Some(19)),
            ],
        };
        let svg = svg(&series, 2).unwrap();
        assert!(svg.contains(">100%</text>") && svg.contains(">0%</text>"));
        assert!(
            svg.contains("students &lt;on&gt; task"),
            "names are escaped"
        );
        assert!(!svg.contains("<on>"));
        assert_eq!(
            svg.matches("<polyline").count(),
            1,
            "the line breaks at the gap"
        );
        assert_eq!(
            svg.matches("<g>").count(),
            3,
            "a point per visit that counted"
        );
        assert!(svg.contains("22 Oct 2026: 19 of 28 (68%)"));
        assert!(svg.contains(colour(Some(2))));
    }

    #[test]
    fn raw_counts_run_up_to_the_most_counted_and_nothing_counted_draws_nothing() {
        let mut series = TallySeries {
            tally: TallyDef::named("redirects"),
            visits: vec![(day(1), Some(14)), (day(8), Some(2))],
        };
        let drawn = svg(&series, 1).unwrap();
        assert!(drawn.contains(">14</text>") && !drawn.contains('%'));
        assert!(drawn.contains("8 Oct 2026: 2</title>"));
        series.visits = vec![(day(1), None)];
        assert_eq!(svg(&series, 1), None);
    }
}
