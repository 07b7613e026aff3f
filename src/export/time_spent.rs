//! The time report written out: an aligned table for a terminal, Markdown, or CSV for a
//! spreadsheet. It holds what the report holds (labels and numbers): no record's words.

use super::markdown::cell;
use super::round::inert;
use crate::model::time_spent::{TimeReport, TimeRow, duration};
use crate::text;
use std::fmt::Write;

/// "Time by kind · 1 Aug 2026 – 28 Nov 2026"
pub fn title(report: &TimeReport) -> String {
    format!(
        "Time by {} · {}",
        report.grouping.label(),
        report.period.describe()
    )
}

/// What a report with nothing in its period says instead of a table: "Nothing recorded
/// in the last 30 days. Observations, …" (`when` as [`Period::during`] words it).
///
/// [`Period::during`]: crate::model::time_spent::Period::during
pub fn nothing_recorded(when: &str) -> String {
    format!(
        "Nothing recorded {when}. Observations, walkthrough marks, check-ins and supports count here with their minutes."
    )
}

/// What a reader should know beside the figures: the activities with no minutes, and
/// that people are numbered rather than named.
pub fn notes(report: &TimeReport) -> Vec<String> {
    let mut notes = Vec::new();
    match report.total.unknown {
        0 => {}
        1 => notes.push(
            "1 activity has no minutes recorded: it is counted as an activity, not in the minutes."
                .into(),
        ),
        n => notes.push(format!(
            "{n} activities have no minutes recorded: they are counted as activities, not in the minutes."
        )),
    }
    if report.anonymous {
        notes.push(
            "Anonymous: people are numbered by role in the order of this report; no name or note is included."
                .into(),
        );
    }
    notes
}

/// A line's share, "43%", or "–" when no minutes are known.
fn share(report: &TimeReport, row: &TimeRow) -> String {
    report
        .share(row)
        .map_or_else(|| "–".into(), |share| format!("{share}%"))
}

/// The cells of a line, as the text and Markdown tables show them.
fn cells(report: &TimeReport, row: &TimeRow) -> [String; 6] {
    [
        text::line(&row.label).into_owned(),
        row.activities.to_string(),
        row.minutes.to_string(),
        duration(row.minutes),
        share(report, row),
        row.unknown.to_string(),
    ]
}

fn headings(report: &TimeReport) -> [&'static str; 6] {
    [
        report.grouping.label(),
        "activities",
        "minutes",
        "time",
        "share",
        "no minutes",
    ]
}

/// An aligned table for a terminal: the first column to the left, figures to the right.
pub fn text(report: &TimeReport) -> String {
    if report.total.activities == 0 {
        return format!(
            "{}\n\n{}\n",
            title(report),
            nothing_recorded(&report.period.during())
        );
    }
    let mut lines: Vec<[String; 6]> = vec![headings(report).map(String::from)];
    lines.extend(report.rows.iter().map(|row| cells(report, row)));
    lines.push(cells(report, &report.total));
    let mut widths = [0usize; 6];
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(text::width(cell));
        }
    }
    let mut out = format!("{}\n\n", title(report));
    let last = lines.len() - 1;
    for (at, line) in lines.iter().enumerate() {
        if at == last {
            let rule: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            let _ = writeln!(out, "{}", "─".repeat(rule));
        }
        let mut written = text::fit(&line[0], widths[0]).into_owned();
        for (cell, width) in line.iter().zip(widths).skip(1) {
            let pad = width.saturating_sub(text::width(cell));
            let _ = write!(written, "  {}{cell}", " ".repeat(pad));
        }
        let _ = writeln!(out, "{}", written.trim_end());
    }
    for note in notes(report) {
        let _ = write!(out, "\n{note}\n");
    }
    out
}

/// Markdown: a heading, a table and the notes.
pub fn markdown(report: &TimeReport) -> String {
    let mut out = format!("# {}\n\n", cell(&title(report)));
    if report.total.activities == 0 {
        let _ = writeln!(out, "{}", nothing_recorded(&report.period.during()));
        return out;
    }
    let _ = writeln!(out, "| {} |", headings(report).join(" | "));
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    for row in &report.rows {
        let [label, rest @ ..] = cells(report, row);
        let _ = writeln!(out, "| {} | {} |", cell(&label), rest.join(" | "));
    }
    let [label, rest @ ..] = cells(report, &report.total);
    let _ = writeln!(out, "| **{label}** | {} |", rest.join(" | "));
    for note in notes(report) {
        let _ = write!(out, "\n{note}\n");
    }
    out
}

/// CSV with a header row, one row a line and the total last; minutes as numbers, the
/// share in whole percent (empty when no minutes are known). Nothing in the period: the
/// header row alone.
pub fn csv(report: &TimeReport) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        report.grouping.label(),
        "activities",
        "minutes",
        "share_percent",
        "no_minutes",
    ]);
    let total = (report.total.activities > 0).then_some(&report.total);
    for row in report.rows.iter().chain(total) {
        let _ = writer.write_record([
            inert(&row.label),
            row.activities.to_string(),
            row.minutes.to_string(),
            report.share(row).map(|s| s.to_string()).unwrap_or_default(),
            row.unknown.to_string(),
        ]);
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}
