//! Feedback for the teacher as plain text (for the clipboard or a message), Markdown or a
//! small HTML page. The note (`model::feedback::Note`) already holds only what may be
//! shared; here every piece of typed text is made safe for the format it lands in.

use super::html::escape;
use super::markdown::inline;
use super::words::{day, rating};
use crate::model::feedback::{Agreed, Note, Occasion};
use crate::text;
use std::fmt::Write;

/// "From my visit on Wed 18 Nov 2026 at 10:40 (P3)", "From our coaching check-in on …".
fn occasion(note: &Note) -> String {
    match &note.occasion {
        Occasion::Visit { at, class_period } => {
            let class = if class_period.is_empty() {
                String::new()
            } else {
                format!(" ({})", text::line(class_period))
            };
            format!(
                "From my visit on {} at {}{class}",
                at.format("%a %-d %b %Y"),
                at.format("%H:%M")
            )
        }
        Occasion::CheckIn { held_on, kind } => {
            format!(
                "From our {kind} check-in on {}",
                held_on.format("%a %-d %b %Y")
            )
        }
    }
}

fn title(note: &Note) -> String {
    format!(
        "Feedback for {}, {}",
        text::line(&note.teacher),
        day(note.written_on)
    )
}

/// The heading over what was seen or talked about.
fn seen_heading(note: &Note) -> &'static str {
    match note.occasion {
        Occasion::Visit { .. } => "What I saw",
        Occasion::CheckIn { .. } => "What we talked about",
    }
}

/// "Post the target before the bell: you, by 27 Nov 2026"
fn action_line(action: &Agreed, escape: impl Fn(&str) -> String) -> String {
    let due = action
        .due_on
        .map(|due| format!(", by {}", day(due)))
        .unwrap_or_default();
    format!("{}: {}{due}", escape(&action.what), escape(&action.who))
}

/// The strength and the next step, each when the coach wrote one.
fn said(note: &Note) -> impl Iterator<Item = (&'static str, &str)> {
    [
        ("A strength", &note.strength),
        ("A next step", &note.next_step),
    ]
    .into_iter()
    .filter(|(_, said)| !said.is_empty())
    .map(|(label, said)| (label, said.as_str()))
}

fn ratings_line(note: &Note) -> Option<String> {
    let shown: Vec<String> = note
        .ratings
        .iter()
        .map(|seen| format!("{} on {}", rating(seen.rating), seen.on.format("%-d %b")))
        .collect();
    (!shown.is_empty()).then(|| shown.join("; "))
}

/// Lines of a note typed by the coach, each made safe to show (no control character is
/// left: line breaks split lines, tabs and the rest become spaces or a visible mark).
fn lines(typed: &str) -> Vec<String> {
    text::block(typed)
        .lines()
        .map(|line| text::line(line).trim_end().to_owned())
        .collect()
}

/// The note as plain text: what goes to the clipboard. It holds no control character
/// but the line break.
pub fn text(note: &Note) -> String {
    let plain = |typed: &str| text::line(typed).into_owned();
    let mut out = String::new();
    let _ = writeln!(out, "{}\n{}\n", title(note), occasion(note));
    if let Some(focus) = &note.focus {
        let _ = writeln!(out, "Focus: {}\n", plain(focus));
    }
    let _ = writeln!(out, "{}:", seen_heading(note));
    if note.seen.is_empty() && note.look_fors_seen.is_empty() {
        out.push_str("  (nothing written)\n");
    }
    for line in lines(&note.seen) {
        let _ = writeln!(out, "  {line}");
    }
    if !note.look_fors_seen.is_empty() {
        out.push_str("  Look-fors I saw:\n");
        for look_for in &note.look_fors_seen {
            let _ = writeln!(out, "  - {}", plain(look_for));
        }
    }
    if let Some(ratings) = ratings_line(note) {
        let _ = writeln!(out, "\nRating on the focus: {ratings}");
    }
    out.push('\n');
    for (label, said) in said(note) {
        let _ = writeln!(out, "{label}: {}", plain(said));
    }
    if !note.actions.is_empty() {
        out.push_str("\nWhat we agreed:\n");
        for action in &note.actions {
            let _ = writeln!(out, "  - {}", action_line(action, plain));
        }
    }
    if let Some(next) = note.next_check_in {
        let _ = writeln!(out, "\nNext check-in: {}", day(next));
    }
    // Whatever got past: the clipboard and the file take text, never a control.
    out.chars()
        .map(|c| if c != '\n' && c.is_control() { ' ' } else { c })
        .collect()
}

/// The note as Markdown.
pub fn markdown(note: &Note) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&title(note)));
    let _ = writeln!(out, "*{}*\n", inline(&occasion(note)));
    if let Some(focus) = &note.focus {
        let _ = writeln!(out, "**Focus:** {}\n", inline(focus));
    }
    let _ = writeln!(out, "## {}\n", seen_heading(note));
    let seen = lines(&note.seen);
    if seen.is_empty() && note.look_fors_seen.is_empty() {
        out.push_str("(nothing written)\n\n");
    }
    if !seen.is_empty() {
        let paragraph: Vec<String> = seen.iter().map(|line| inline(line)).collect();
        // Two spaces keep each typed line its own line when rendered.
        let _ = writeln!(out, "{}\n", paragraph.join("  \n"));
    }
    if !note.look_fors_seen.is_empty() {
        out.push_str("Look-fors I saw:\n\n");
        for look_for in &note.look_fors_seen {
            let _ = writeln!(out, "- {}", inline(look_for));
        }
        out.push('\n');
    }
    if let Some(ratings) = ratings_line(note) {
        let _ = writeln!(out, "**Rating on the focus:** {ratings}\n");
    }
    for (label, said) in said(note) {
        let _ = writeln!(out, "**{label}:** {}\n", inline(said));
    }
    if !note.actions.is_empty() {
        out.push_str("## What we agreed\n\n");
        for action in &note.actions {
            let _ = writeln!(out, "- [ ] {}", action_line(action, inline));
        }
        out.push('\n');
    }
    if let Some(next) = note.next_check_in {
        let _ = writeln!(out, "**Next check-in:** {}", day(next));
    }
    out
}

const STYLE: &str = "body { margin: 0; color: #1b1b1b; \
  font: 11pt/1.4 \"Helvetica Neue\", Helvetica, Arial, sans-serif; }\n\
main { max-width: 160mm; margin: 0 auto; padding: 8mm 4mm; }\n\
h1 { font-size: 16pt; margin: 0 0 2pt; }\n\
h2 { font-size: 12pt; margin: 12pt 0 3pt; }\n\
.muted { color: #5c5c5c; }\n";

/// The note as one small self-contained HTML page, to print or attach.
pub fn html(note: &Note) -> String {
    let title = escape(&title(note));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p class=\"muted\">{}</p>\n",
        escape(&occasion(note))
    );
    if let Some(focus) = &note.focus {
        let _ = writeln!(out, "<p><strong>Focus:</strong> {}</p>", escape(focus));
    }
    let _ = writeln!(out, "<h2>{}</h2>", seen_heading(note));
    let seen = lines(&note.seen);
    if seen.is_empty() && note.look_fors_seen.is_empty() {
        out.push_str("<p class=\"muted\">(nothing written)</p>\n");
    }
    if !seen.is_empty() {
        let escaped: Vec<String> = seen.iter().map(|line| escape(line)).collect();
        let _ = writeln!(out, "<p>{}</p>", escaped.join("<br>\n"));
    }
    if !note.look_fors_seen.is_empty() {
        out.push_str("<p>Look-fors I saw:</p>\n<ul>\n");
        for look_for in &note.look_fors_seen {
            let _ = writeln!(out, "<li>{}</li>", escape(look_for));
        }
        out.push_str("</ul>\n");
    }
    if let Some(ratings) = ratings_line(note) {
        let _ = writeln!(
            out,
            "<p><strong>Rating on the focus:</strong> {}</p>",
            escape(&ratings)
        );
    }
    for (label, said) in said(note) {
        let _ = writeln!(out, "<p><strong>{label}:</strong> {}</p>", escape(said));
    }
    if !note.actions.is_empty() {
        out.push_str("<h2>What we agreed</h2>\n<ul>\n");
        for action in &note.actions {
            let _ = writeln!(out, "<li>{}</li>", action_line(action, escape));
        }
        out.push_str("</ul>\n");
    }
    if let Some(next) = note.next_check_in {
        let _ = writeln!(out, "<p><strong>Next check-in:</strong> {}</p>", day(next));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
