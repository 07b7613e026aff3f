//! How the brief says things: dates, measured values, ratings, excerpts of notes, and
//! the short phrases both the Markdown and the HTML writer use. Nothing here is escaped
//! for a format; the writers do that.

use super::brief::{Brief, GoalSummary};
use crate::model::{Action, ActionState, Focus, Observation, Rating};
use chrono::NaiveDate;

/// What a brief limited by `--since` still holds in full (after "Since DATE:").
pub const SINCE_SCOPE: &str = "observations, check-ins, measures and actions from that date on; goals and focus history in full.";

/// Said when only the newest page of observations was read (after "Only the latest N
/// observations").
pub const PARTIAL_SCOPE: &str = "were read; older ones are not in this brief.";

/// How many characters of evidence or notes an excerpt keeps.
pub const EXCERPT_CHARS: usize = 200;

/// "12 Oct 2026": printed briefs get filed, so dates carry their year.
pub fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A measured value with its unit: "86%", "24/28", "12 minutes".
pub fn value(number: f64, unit: &str) -> String {
    crate::model::shown_value(number, unit)
}

/// What an evidence line says after its date: the class, the rating, the walkthrough
/// mark and an excerpt, each made safe by `escape` (`None` when no evidence was written).
pub fn evidence_parts(
    observation: &Observation,
    escape: impl Fn(&str) -> String,
) -> (Vec<String>, Option<String>) {
    let mut parts = Vec::new();
    if !observation.class_period.trim().is_empty() {
        parts.push(escape(observation.class_period.trim()));
    }
    if let Some(rating) = observation.rating {
        parts.push(self::rating(rating));
    }
    if let Some(mark) = observation.practice_mark {
        parts.push(format!("walkthrough: {}", mark.label()));
    }
    let excerpt = excerpt(&observation.evidence);
    (parts, (!excerpt.is_empty()).then(|| escape(&excerpt)))
}

/// The heading of the brief's section on supports.
pub const SUPPORTS_HEADING: &str = "What was tried, and what changed after";

/// What a support line says after its day: the kind, who gave it, the minutes and an
/// excerpt of the note, each made safe by `escape`.
pub fn support_parts(
    support: &crate::model::Support,
    escape: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut parts = vec![support.kind.label().to_owned()];
    if !support.given_by.trim().is_empty() {
        parts.push(format!("by {}", escape(support.given_by.trim())));
    }
    if let Some(minutes) = support.minutes {
        parts.push(format!("{minutes} min"));
    }
    let note = excerpt(&support.note);
    if !note.is_empty() {
        parts.push(escape(&note));
    }
    parts
}

/// " · feedback shared 23 Nov 2026" after a record whose feedback was shared, else "".
pub fn feedback_shared(at: Option<crate::model::LocalTime>) -> String {
    at.map(|at| format!(" · feedback shared {}", day(at.date())))
        .unwrap_or_default()
}

/// A rating as coaches say it: "3 developing".
pub fn rating(rating: Rating) -> String {
    format!("{} {}", rating.value(), rating.label())
}

/// First → last ratings: "ratings 1 → 3", "rating 2", "no ratings yet".
pub fn rating_trend(ratings: &[Rating]) -> String {
    match ratings {
        [] => "no ratings yet".to_string(),
        [only] => format!("rating {}", only.value()),
        [first, .., last] => format!("ratings {} → {}", first.value(), last.value()),
    }
}

/// The start of a note on one line: control characters made visible, at most
/// [`EXCERPT_CHARS`] characters, cut at a word and marked with `…` when shortened.
pub fn excerpt(text: &str) -> String {
    let line = crate::text::line(text.trim());
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= EXCERPT_CHARS {
        return line;
    }
    let cut: String = line.chars().take(EXCERPT_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > EXCERPT_CHARS / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Where a focus stands: "12 Oct 2026 to now", "1 Sep 2026 to 12 Oct 2026, replaced".
pub fn focus_span(focus: &Focus) -> String {
    let end = match (focus.ended_on, focus.outcome) {
        (Some(ended), Some(outcome)) => format!("{}, {outcome}", day(ended)),
        (Some(ended), None) => day(ended),
        (None, Some(outcome)) => format!("ended, {outcome}"),
        (None, None) => "now".to_string(),
    };
    format!("{} to {end}", day(focus.started_on))
}

/// The header's facts: "Grade 7 Science · Eastside Middle · coached since 10 Sep 2026 ·
/// check-ins every 14 days" (empty parts left out). Not escaped.
pub fn header_facts(brief: &Brief) -> Vec<String> {
    let teacher = brief.teacher;
    let mut facts: Vec<String> = [&teacher.subject, &teacher.school]
        .into_iter()
        .map(|text| crate::text::line(text.trim()).into_owned())
        .filter(|text| !text.is_empty())
        .collect();
    if let Some(since) = brief.coached_since {
        facts.push(format!("coached since {}", day(since)));
    }
    facts.push(match teacher.cadence_days {
        1 => "check-ins every day".to_string(),
        days => format!("check-ins every {days} days"),
    });
    if teacher.archived {
        facts.push("archived".to_string());
    }
    facts
}

/// "Mon 7 Dec 2026", with "overdue 4d !" when it has passed.
pub fn next_check_in(brief: &Brief) -> String {
    match brief.next_check_in {
        None => "not set".to_string(),
        Some(next) if next < brief.today => format!(
            "{} ({} !)",
            crate::dates::long_day(next),
            crate::dates::relative_due(next, brief.today)
        ),
        Some(next) => crate::dates::long_day(next),
    }
}

/// How an action reads in the ledger, after its text and owner.
pub fn action_state(action: &Action, state: ActionState) -> String {
    match (state, action.due_on, action.done_on) {
        (
            ActionState::Open {
                overdue_days: Some(days),
            },
            Some(due),
            _,
        ) => {
            format!("due {}, overdue {days}d !", day(due))
        }
        (ActionState::Open { .. }, Some(due), _) => format!("due {}", day(due)),
        (ActionState::Open { .. }, None, _) => "no due date".to_string(),
        (ActionState::Late { days }, Some(due), Some(done)) => {
            format!("done {}, {days}d late (due {})", day(done), day(due))
        }
        (_, _, Some(done)) => format!("done {} on time", day(done)),
        (_, _, None) => "done".to_string(),
    }
}

/// "active, target reached ✔", "active, target date passed !", "met".
pub fn goal_status(summary: &GoalSummary) -> String {
    let mut status = summary.goal.status.to_string();
    if summary.reached {
        status.push_str(", target reached ✔");
    }
    if summary.past_target_date {
        status.push_str(", target date passed !");
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_drop_needless_decimals_and_space_word_units() {
        assert_eq!(value(86.0, "%"), "86%");
        assert_eq!(value(24.0, "/28"), "24/28");
        assert_eq!(value(2.5, "minutes"), "2.5 minutes");
        assert_eq!(value(0.1 + 0.2, ""), "0.3");
    }

    #[test]
    fn excerpts_cut_long_notes_at_a_word_and_fold_lines() {
        assert_eq!(excerpt("  a\nb\x1b  "), "a b\u{fffd}");
        let long = "word ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
    }
}
