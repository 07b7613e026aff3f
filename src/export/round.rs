//! A walkthrough round's report: its classrooms and marks, how many implement the
//! practice, who needs more support, and how the practice has spread over the rounds
//! that looked for it; as Markdown, a printable HTML page, or CSV for a spreadsheet.
//! A private note is left out (its mark stays); everything typed is escaped for its format.

use super::html::{escape, page_start};
use super::markdown::{cell, inline};
use super::words::day;
use crate::model::{Observation, Round, Teacher, TrendPoint};
use crate::text;
use std::fmt::Write;

/// A classroom's mark in words ("not visited" when it has none).
fn mark(observation: Option<&Observation>) -> &'static str {
    observation
        .and_then(|o| o.practice_mark)
        .map_or("not visited", |mark| mark.label())
}

/// The first line of the note typed for a mark, or why there is none.
fn note(round: &Round, observation: Option<&Observation>) -> String {
    match observation {
        Some(o) if o.private => "(private note left out)".into(),
        Some(o) => crate::model::typed_note(&round.walkthrough, o)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        None => String::new(),
    }
}

fn classrooms(round: &Round) -> impl Iterator<Item = (&Teacher, Option<&Observation>)> {
    round.classrooms.iter().map(|(t, o)| (t, o.as_ref()))
}

fn heading(round: &Round) -> String {
    let count = round.classrooms.len();
    let noun = if count == 1 {
        "classroom"
    } else {
        "classrooms"
    };
    format!("Held {} · {count} {noun}", day(round.walkthrough.held_on))
}

fn rate(point: &TrendPoint) -> String {
    point.rate().map_or("–".into(), |rate| format!("{rate}%"))
}

/// The report as Markdown.
pub fn markdown(round: &Round, trend: &[TrendPoint]) -> String {
    let mut out = String::new();
    let walkthrough = &round.walkthrough;
    let _ = writeln!(
        out,
        "# Walkthrough round: {}\n",
        inline(walkthrough.practice.trim())
    );
    let _ = writeln!(out, "{}\n", heading(round));
    let _ = writeln!(out, "**{}**\n", round.tally().summary());
    let _ = writeln!(
        out,
        "| Classroom | School | Mark | Note |\n|---|---|---|---|"
    );
    for (teacher, observation) in classrooms(round) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&teacher.name),
            cell(&teacher.school),
            mark(observation),
            cell(&note(round, observation))
        );
    }
    let support = support(round);
    if !support.is_empty() {
        let _ = writeln!(out, "\n## Need more support\n");
        for (name, mark) in &support {
            let _ = writeln!(out, "- {} ({mark})", inline(name));
        }
    }
    if trend.len() > 1 {
        let _ = writeln!(
            out,
            "\n## This practice over time\n\n| Round | Implementing | Rate |\n|---|---|---|"
        );
        for point in trend {
            let _ = writeln!(
                out,
                "| {} | {} of {} | {} |",
                day(point.held_on),
                point.implementing,
                point.visited,
                rate(point)
            );
        }
    }
    if !walkthrough.notes.trim().is_empty() {
        let _ = writeln!(out, "\n## Notes\n");
        for line in text::block(&walkthrough.notes).lines() {
            let _ = writeln!(out, "{}  ", inline(line));
        }
    }
    let _ = writeln!(out, "\n_Confidential: exported from coachlog._");
    out
}

/// Who needs more support, with their mark: the practice partly in place or not seen.
fn support(round: &Round) -> Vec<(&str, &'static str)> {
    classrooms(round)
        .filter(|(teacher, _)| {
            round
                .need_support()
                .iter()
                .any(|t| t.meta.id == teacher.meta.id)
        })
        .map(|(teacher, observation)| (teacher.name.as_str(), mark(observation)))
        .collect()
}

/// The report as a printable HTML page.
pub fn html(round: &Round, trend: &[TrendPoint]) -> String {
    let walkthrough = &round.walkthrough;
    let title = format!("Walkthrough round: {}", escape(walkthrough.practice.trim()));
    let mut out = page_start(&title);
    let _ = write!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"facts\">{}</p>\n</header>\n\
         <p><strong>{}</strong></p>\n",
        escape(&heading(round)),
        escape(&round.tally().summary())
    );
    out.push_str(
        "<table>\n<thead><tr><th>Classroom</th><th>School</th><th>Mark</th><th>Note</th></tr></thead>\n<tbody>\n",
    );
    for (teacher, observation) in classrooms(round) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"when\">{}</td><td>{}</td></tr>",
            escape(&teacher.name),
            escape(&teacher.school),
            mark(observation),
            escape(&note(round, observation))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let support = support(round);
    if !support.is_empty() {
        out.push_str("<section class=\"keep\">\n<h2>Need more support</h2>\n<ul>\n");
        for (name, mark) in &support {
            let _ = writeln!(out, "<li>{} ({mark})</li>", escape(name));
        }
        out.push_str("</ul>\n</section>\n");
    }
    if trend.len() > 1 {
        out.push_str(
            "<section class=\"keep\">\n<h2>This practice over time</h2>\n<table>\n\
             <thead><tr><th>Round</th><th>Implementing</th><th>Rate</th></tr></thead>\n<tbody>\n",
        );
        for point in trend {
            let _ = writeln!(
                out,
                "<tr><td class=\"when\">{}</td><td>{} of {}</td><td class=\"value\">{}</td></tr>",
                day(point.held_on),
                point.implementing,
                point.visited,
                rate(point)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    if !walkthrough.notes.trim().is_empty() {
        out.push_str("<section class=\"keep\">\n<h2>Notes</h2>\n");
        for line in text::block(&walkthrough.notes).lines() {
            let _ = writeln!(out, "<p>{}</p>", escape(line));
        }
        out.push_str("</section>\n");
    }
    out.push_str(
        "<footer>Confidential: exported from coachlog.</footer>\n</main>\n</body>\n</html>\n",
    );
    out
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) starts with an
/// apostrophe, so it shows as the text it is.
pub(super) fn inert(cell: &str) -> String {
    let line = text::line(cell);
    if line.starts_with(['=', '+', '-', '@']) {
        format!("'{line}")
    } else {
        line.into_owned()
    }
}

/// The report as CSV: one row a classroom, with a header row.
pub fn csv(round: &Round) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let held = round.walkthrough.held_on.to_string();
    let _ = writer.write_record([
        "round",
        "practice",
        "classroom",
        "school",
        "subject",
        "mark",
        "note",
    ]);
    for (teacher, observation) in classrooms(round) {
        let _ = writer.write_record([
            held.clone(),
            inert(round.walkthrough.practice.trim()),
            inert(&teacher.name),
            inert(&teacher.school),
            inert(&teacher.subject),
            mark(observation).to_owned(),
            inert(&note(round, observation)),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
