//! A school at a glance, as the school view shows it: its people, who has not been
//! observed lately, the focuses in play, the latest round on each practice and the goal
//! measures compared across the people who track them; as Markdown or as a printable
//! HTML page with a bar chart of each comparison. No note of any kind is in it: it is a
//! summary, not a record.

use super::html::{escape, page_start};
use super::markdown::{cell, inline};
use super::words::day;
use crate::dates;
use crate::model::school::{MeasureComparison, text_bar};
use crate::model::{Role, RosterRow, SchoolSummary, shown_value};
use chrono::NaiveDate;
use std::fmt::Write;

/// Cells of a comparison's text bar in Markdown.
const BAR_CELLS: usize = 20;

/// "11 people: 9 teachers, 1 school leader, 1 coach".
pub fn people_count(summary: &SchoolSummary) -> String {
    let count = summary.people.len();
    let mut parts = Vec::new();
    for (role, one, many) in [
        (Role::Teacher, "teacher", "teachers"),
        (Role::Leader, "school leader", "school leaders"),
        (Role::Coach, "coach", "coaches"),
    ] {
        let n = summary
            .people
            .iter()
            .filter(|r| r.teacher.role == role)
            .count();
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let noun = if count == 1 { "person" } else { "people" };
    match parts.as_slice() {
        [] => format!("{count} {noun}"),
        _ => format!("{count} {noun}: {}", parts.join(", ")),
    }
}

/// "today", "yesterday", "12 days ago", "never".
pub fn last_observed(last: Option<NaiveDate>, today: NaiveDate) -> String {
    match last.map(|d| dates::days_between(d, today).max(0)) {
        None => "never".into(),
        Some(0) => "today".into(),
        Some(1) => "yesterday".into(),
        Some(days) => format!("{days} days ago"),
    }
}

/// "Mon 30 Nov", "overdue since Mon 16 Nov", "none set".
fn next_check_in(row: &RosterRow, today: NaiveDate) -> String {
    match row.next_check_in {
        None => "none set".into(),
        Some(on) if on < today => format!("overdue since {}", day(on)),
        Some(on) => day(on),
    }
}

fn role(row: &RosterRow) -> &'static str {
    row.teacher.role.label()
}

/// The coverage sentence: who has not been observed in the gap.
pub fn coverage(summary: &SchoolSummary, today: NaiveDate) -> String {
    let missing = summary.not_observed_rows();
    let teachers = summary
        .people
        .iter()
        .filter(|r| r.teacher.role == Role::Teacher)
        .count();
    if teachers == 0 {
        return "No teachers here yet: coverage counts teachers' classrooms.".into();
    }
    if missing.is_empty() {
        let every = if teachers == 1 {
            "The one teacher here was".to_string()
        } else {
            format!("All {teachers} teachers were")
        };
        return format!("{every} observed in the last {} days.", summary.gap_days);
    }
    let names: Vec<String> = missing
        .iter()
        .map(|r| {
            format!(
                "{} ({})",
                r.teacher.name.trim(),
                last_observed(r.last_observed, today)
            )
        })
        .collect();
    format!(
        "Not observed in {} days: {}.",
        summary.gap_days,
        names.join(", ")
    )
}

/// "2 of 3 reach their target".
pub fn reached_words(comparison: &MeasureComparison) -> String {
    format!(
        "{} of {} reach their target",
        comparison.reached(),
        comparison.lines.len()
    )
}

/// A person's latest value as it reads, or "not measured yet".
pub fn latest_words(line: &crate::model::school::MeasureLine) -> String {
    line.latest
        .as_ref()
        .map_or("not measured yet".into(), |(on, _, shown)| {
            format!("{shown} ({})", day(*on))
        })
}

/// The target as it reads against its unit, which way is better when lower is, and a
/// tick when the latest value reaches it: "75% ✓", "at most 3", "no target".
pub fn target_words(line: &crate::model::school::MeasureLine) -> String {
    let Some(target) = line.target else {
        return "no target".into();
    };
    let at_most = if line.lower_is_better { "at most " } else { "" };
    let tick = if line.reached { " ✓" } else { "" };
    format!("{at_most}{}{tick}", shown_value(target, &line.unit))
}

/// The summary as Markdown.
pub fn markdown(summary: &SchoolSummary, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# School: {}\n", inline(&summary.name));
    let _ = writeln!(out, "As of {} · {}\n", day(today), people_count(summary));
    let _ = writeln!(
        out,
        "## People\n\n| Person | Role | Groups | Last observed | Next check-in |\n|---|---|---|---|---|"
    );
    for row in &summary.people {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&row.teacher.name),
            role(row),
            cell(&row.teacher.tags.join(", ")),
            last_observed(row.last_observed, today),
            next_check_in(row, today)
        );
    }
    let _ = writeln!(
        out,
        "\n## Coverage\n\n{}",
        inline(&coverage(summary, today))
    );
    let _ = writeln!(out, "\n## Focuses in play\n");
    if summary.focus_groups.is_empty() {
        let _ = writeln!(out, "No one has an active focus.");
    }
    for group in &summary.focus_groups {
        let _ = writeln!(
            out,
            "- {} ({})",
            inline(&group.line()),
            inline(&group.people.join(", "))
        );
    }
    let _ = writeln!(out, "\n## Latest round per practice\n");
    if summary.rounds.is_empty() {
        let _ = writeln!(out, "No walkthrough round has visited this school.");
    } else {
        let _ = writeln!(out, "| Practice | Held | Implementing |\n|---|---|---|");
        for result in &summary.rounds {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&result.practice),
                day(result.held_on),
                result.rate_words()
            );
        }
    }
    let _ = writeln!(out, "\n## Goal measures compared\n");
    if summary.measures.is_empty() {
        let _ = writeln!(out, "No goal here names a measure.\n");
    }
    for comparison in &summary.measures {
        let _ = writeln!(
            out,
            "### {}\n\n{}.\n\n| Person | Latest | Target | Against the target |\n|---|---|---|---|",
            inline(&comparison.measure),
            reached_words(comparison)
        );
        let scale = comparison.scale();
        for line in &comparison.lines {
            let value = line.latest.as_ref().map(|l| l.1);
            let _ = writeln!(
                out,
                "| {} | {} | {} | `{}` |",
                cell(&line.person),
                latest_words(line),
                target_words(line),
                text_bar(value, line.target, scale, BAR_CELLS)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "_Confidential: exported from coachlog._");
    out
}

/// Sizes of a comparison's bar chart, in SVG units.
const CHART_WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 150.0;
const VALUE_WIDTH: f64 = 110.0;
const ROW_HEIGHT: f64 = 22.0;

/// A comparison as a horizontal bar chart: a bar per person to their latest value, a
/// line at their target.
fn bars(comparison: &MeasureComparison) -> String {
    let scale = comparison.scale();
    let height = ROW_HEIGHT * comparison.lines.len() as f64 + 8.0;
    let room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let x_of = |v: f64| -> f64 {
        if scale > 0.0 {
            LABEL_WIDTH + room * (v / scale).clamp(0.0, 1.0)
        } else {
            LABEL_WIDTH
        }
    };
    let mut svg = format!(
        "<figure><svg class=\"chart\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" \
         aria-label=\"{}\">\n",
        escape(&format!(
            "{}: latest value against target",
            comparison.measure.trim()
        ))
    );
    for (i, line) in comparison.lines.iter().enumerate() {
        let y = 4.0 + ROW_HEIGHT * i as f64;
        let _ = writeln!(
            svg,
            "<text x=\"{:.0}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            LABEL_WIDTH - 8.0,
            y + 14.0,
            escape(&line.person)
        );
        let colour = if line.reached { "#18632a" } else { "#2f5f8a" };
        if let Some((_, value, shown)) = &line.latest {
            let _ = writeln!(
                svg,
                "<rect x=\"{LABEL_WIDTH:.0}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"{colour}\"/>\n\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}</text>",
                y + 3.0,
                x_of(*value) - LABEL_WIDTH,
                CHART_WIDTH - VALUE_WIDTH + 6.0,
                y + 14.0,
                escape(shown)
            );
        }
        if let Some(target) = line.target {
            let x = x_of(target);
            let _ = writeln!(
                svg,
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#a10d0d\" stroke-width=\"2\"/>",
                y,
                y + 20.0
            );
        }
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// The summary as a printable HTML page.
pub fn html(summary: &SchoolSummary, today: NaiveDate) -> String {
    let title = format!("School: {}", escape(&summary.name));
    let mut out = page_start(&title);
    let _ = write!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"facts\">As of {} · {}</p>\n</header>\n",
        day(today),
        escape(&people_count(summary))
    );
    out.push_str(
        "<section>\n<h2>People</h2>\n<table>\n<thead><tr><th>Person</th><th>Role</th>\
         <th>Groups</th><th>Last observed</th><th>Next check-in</th></tr></thead>\n<tbody>\n",
    );
    for row in &summary.people {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"when\">{}</td><td class=\"when\">{}</td></tr>",
            escape(&row.teacher.name),
            role(row),
            escape(&row.teacher.tags.join(", ")),
            last_observed(row.last_observed, today),
            next_check_in(row, today)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    let _ = writeln!(
        out,
        "<section class=\"keep\">\n<h2>Coverage</h2>\n<p>{}</p>\n</section>",
        escape(&coverage(summary, today))
    );
    out.push_str("<section class=\"keep\">\n<h2>Focuses in play</h2>\n");
    if summary.focus_groups.is_empty() {
        out.push_str("<p>No one has an active focus.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for group in &summary.focus_groups {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"muted\">({})</span></li>",
                escape(&group.line()),
                escape(&group.people.join(", "))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n<section class=\"keep\">\n<h2>Latest round per practice</h2>\n");
    if summary.rounds.is_empty() {
        out.push_str("<p>No walkthrough round has visited this school.</p>\n");
    } else {
        out.push_str(
            "<table>\n<thead><tr><th>Practice</th><th>Held</th><th>Implementing</th></tr></thead>\n<tbody>\n",
        );
        for result in &summary.rounds {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"when\">{}</td><td class=\"value\">{}</td></tr>",
                escape(&result.practice),
                day(result.held_on),
                result.rate_words()
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n<section>\n<h2>Goal measures compared</h2>\n");
    if summary.measures.is_empty() {
        out.push_str("<p>No goal here names a measure.</p>\n");
    }
    for comparison in &summary.measures {
        let _ = writeln!(
            out,
            "<div class=\"keep\">\n<h3>{}</h3>\n<p>{}.</p>",
            escape(&comparison.measure),
            escape(&reached_words(comparison))
        );
        out.push_str(&bars(comparison));
        out.push_str(
            "<table>\n<thead><tr><th>Person</th><th>Latest</th><th>Target</th></tr></thead>\n<tbody>\n",
        );
        for line in &comparison.lines {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"value\">{}</td><td class=\"value\">{}</td></tr>",
                escape(&line.person),
                escape(&latest_words(line)),
                escape(&target_words(line))
            );
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
    out.push_str(
        "</section>\n<footer>Confidential: exported from coachlog.</footer>\n</main>\n</body>\n</html>\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::target_words;
    use crate::model::school::MeasureLine;

    fn line(target: Option<f64>, lower_is_better: bool, reached: bool) -> MeasureLine {
        MeasureLine {
            teacher_id: "t".into(),
            person: "Ames".into(),
            latest: None,
            target,
            unit: "%".into(),
            reached,
            lower_is_better,
        }
    }

    #[test]
    fn a_target_says_which_way_is_better_and_whether_it_is_reached() {
        assert_eq!(target_words(&line(Some(75.0), false, true)), "75% ✓");
        assert_eq!(target_words(&line(Some(75.0), false, false)), "75%");
        assert_eq!(target_words(&line(Some(3.0), true, false)), "at most 3%");
        assert_eq!(target_words(&line(None, false, false)), "no target");
    }
}
