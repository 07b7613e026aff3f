//! The conference brief as Markdown: readable as plain text, tidy when rendered.

use super::brief::Brief;
use super::words::{self, day};
use crate::model::ActionState;
use crate::text;
use std::fmt::Write;

/// How many characters of a focus statement the ratings table shows.
const FOCUS_CELL_WIDTH: usize = 48;

/// User text for running prose: one line, control characters visible, a leading `#`
/// escaped so it can never become a heading, and HTML, link and image syntax escaped so
/// a note can never become a tag, a `javascript:` link or a remote image when rendered
/// (`<` starts HTML and autolinks, `[` and `]` links, images and references).
pub(super) fn inline(raw: &str) -> String {
    let line = text::line(raw);
    let mut out = String::with_capacity(line.len());
    for (at, c) in line.char_indices() {
        if matches!(c, '\\' | '<' | '[' | ']') || (at == 0 && c == '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// User text in a table cell: as [`inline`], with pipes escaped so the row keeps its columns.
pub(super) fn cell(raw: &str) -> String {
    inline(raw).replace('|', "\\|")
}

fn private_mark(private: bool) -> &'static str {
    if private { " (private)" } else { "" }
}

pub(super) fn write(brief: &Brief) -> String {
    let mut out = String::new();
    header(&mut out, brief);
    goals(&mut out, brief);
    focuses(&mut out, brief);
    ratings(&mut out, brief);
    supports(&mut out, brief);
    evidence(&mut out, brief);
    check_ins(&mut out, brief);
    actions(&mut out, brief);
    let _ = writeln!(out, "## Next check-in: {}\n", words::next_check_in(brief));
    let _ = writeln!(
        out,
        "---\n\n*Confidential personnel notes, exported from coachlog on {}.*",
        day(brief.today)
    );
    out
}

fn header(out: &mut String, brief: &Brief) {
    let _ = writeln!(
        out,
        "# {}: conference brief, {}\n",
        inline(&brief.teacher.name),
        day(brief.today)
    );
    let facts: Vec<String> = words::header_facts(brief)
        .iter()
        .map(|fact| inline(fact))
        .collect();
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    if let Some(since) = brief.since {
        let _ = writeln!(out, "**Since {}:** {}\n", day(since), words::SINCE_SCOPE);
    }
    if brief.partial {
        let _ = writeln!(
            out,
            "**Only the latest {} observations** {}\n",
            brief.evidence.len(),
            words::PARTIAL_SCOPE
        );
    }
    if brief.include_private {
        let _ = writeln!(
            out,
            "**Includes private notes**, each marked \"(private)\".\n"
        );
    }
}

fn goals(out: &mut String, brief: &Brief) {
    out.push_str("## Goals\n\n");
    if brief.goals.is_empty() {
        out.push_str("No goals yet.\n\n");
        return;
    }
    out.push_str("| goal | baseline | latest | target | by | status |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for summary in &brief.goals {
        let goal = summary.goal;
        let value =
            |v: Option<f64>| v.map_or("—".to_string(), |v| cell(&words::value(v, &goal.unit)));
        let latest = summary.latest.map_or("—".to_string(), |m| {
            format!("{} ({})", cell(&m.shown(&goal.unit)), day(m.measured_on))
        });
        let _ = writeln!(
            out,
            "| {} | {} | {latest} | {} | {} | {} |",
            cell(&goal.statement),
            value(goal.baseline),
            value(goal.target),
            goal.target_on.map_or("—".to_string(), day),
            words::goal_status(summary),
        );
    }
    out.push('\n');
    for summary in &brief.goals {
        let goal = summary.goal;
        let _ = writeln!(out, "- **{}**", inline(goal.statement.trim()));
        if !goal.why.trim().is_empty() {
            let _ = writeln!(out, "  - Why it matters: {}", inline(goal.why.trim()));
        }
        if !goal.measure.trim().is_empty() {
            let _ = writeln!(out, "  - Measured by: {}", inline(goal.measure.trim()));
        }
        for measure in &summary.measures {
            let note = match measure.note.trim() {
                "" => String::new(),
                note => format!(" ({})", inline(note)),
            };
            let _ = writeln!(
                out,
                "  - {}: {}{note}",
                day(measure.measured_on),
                inline(&measure.shown(&goal.unit))
            );
        }
    }
    out.push('\n');
}

fn focuses(out: &mut String, brief: &Brief) {
    out.push_str("## Focus history\n\n");
    if brief.focuses.is_empty() {
        out.push_str("No focus yet.\n\n");
        return;
    }
    for summary in &brief.focuses {
        let focus = summary.focus;
        let active = if summary.active { " (active)" } else { "" };
        let _ = writeln!(
            out,
            "{}. {}: {}; {}{active}",
            summary.number,
            inline(focus.statement.trim()),
            words::focus_span(focus),
            words::rating_trend(&summary.ratings),
        );
        if summary.look_fors.is_empty() {
            let look_fors: Vec<String> = focus
                .look_fors
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| inline(l.trim()))
                .collect();
            if !look_fors.is_empty() {
                let _ = writeln!(out, "   Look-fors: {}", look_fors.join("; "));
            }
        } else {
            let _ = writeln!(out, "   Look-fors:");
            for rate in &summary.look_fors {
                let _ = writeln!(out, "   - {}", inline(&rate.words()));
            }
        }
        if !summary.tallies.is_empty() {
            let _ = writeln!(out, "   Tallies:");
            for series in &summary.tallies {
                let _ = writeln!(out, "   - {}", inline(&series.words()));
            }
        }
    }
    out.push('\n');
}

fn ratings(out: &mut String, brief: &Brief) {
    out.push_str("## Ratings over time\n\n");
    if brief.ratings.is_empty() {
        out.push_str("No ratings yet.\n\n");
        return;
    }
    out.push_str("| date | rating | focus |\n|---|---|---|\n");
    for point in &brief.ratings {
        let focus = point.focus.and_then(|number| brief.focus(number)).map_or(
            "—".to_string(),
            |summary| {
                let statement = text::line(summary.focus.statement.trim());
                format!(
                    "{}. {}",
                    summary.number,
                    cell(&text::truncate(&statement, FOCUS_CELL_WIDTH))
                )
            },
        );
        let _ = writeln!(
            out,
            "| {}{} | {} | {focus} |",
            day(point.observation.observed_at.date()),
            private_mark(point.observation.private),
            words::rating(point.rating),
        );
    }
    out.push('\n');
}

/// Each support in time order with what the ratings did after it; no section when none
/// was recorded.
fn supports(out: &mut String, brief: &Brief) {
    if brief.supports.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {}
",
        words::SUPPORTS_HEADING
    );
    for summary in &brief.supports {
        let support = summary.support;
        let _ = writeln!(
            out,
            "- **{}{}** · {}
  - {}",
            day(support.given_on),
            private_mark(support.private),
            words::support_parts(support, inline).join(" · "),
            summary.effect.words()
        );
    }
    out.push('\n');
}

fn evidence(out: &mut String, brief: &Brief) {
    out.push_str("## Evidence (latest first)\n\n");
    if brief.evidence.is_empty() {
        out.push_str("No observations yet.\n\n");
        return;
    }
    for observation in &brief.evidence {
        let mut parts = vec![format!(
            "**{}{}**",
            observation.observed_at.format("%-d %b %Y %H:%M"),
            private_mark(observation.private)
        )];
        let (details, excerpt) = words::evidence_parts(observation, inline);
        parts.extend(details);
        parts.push(excerpt.unwrap_or_else(|| "(no evidence written)".to_string()));
        let _ = writeln!(
            out,
            "- {}{}",
            parts.join(" · "),
            words::feedback_shared(observation.feedback_shared_at)
        );
    }
    out.push('\n');
}

fn check_ins(out: &mut String, brief: &Brief) {
    out.push_str("## Check-ins (latest first)\n\n");
    if brief.check_ins.is_empty() {
        out.push_str("No check-ins yet.\n\n");
        return;
    }
    for check_in in &brief.check_ins {
        let mut line = format!(
            "- **{}{}** · {}",
            day(check_in.held_on),
            private_mark(check_in.private),
            check_in.kind
        );
        let notes = words::excerpt(&check_in.notes);
        if !notes.is_empty() {
            let _ = write!(line, " · {}", inline(&notes));
        }
        let reflection = words::excerpt(&check_in.reflection);
        if !reflection.is_empty() {
            let _ = write!(line, " Teacher's reflection: \"{}\"", inline(&reflection));
        }
        line.push_str(&words::feedback_shared(check_in.feedback_shared_at));
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

fn actions(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "## Actions: {}\n", brief.actions.summary());
    if brief.actions.actions.is_empty() {
        out.push_str("No actions.\n\n");
        return;
    }
    for (action, state) in &brief.actions.actions {
        let mark = match state {
            ActionState::Open { .. } => "[ ]",
            _ => "[x]",
        };
        let _ = writeln!(
            out,
            "- {mark} {} · {} · {}",
            inline(action.what.trim()),
            inline(action.owner.trim()),
            words::action_state(action, *state)
        );
    }
    out.push('\n');
}
