//! The conference brief as one printable HTML page: inline CSS that prints on Letter and
//! A4 alike, an inline SVG chart, nothing loaded from anywhere, all user text escaped.

use super::brief::Brief;
use super::chart;
use super::tally_chart;
use super::words::{self, day};
use crate::model::ActionState;
use crate::text;
use chrono::Datelike;
use std::fmt::Write;

/// Makes text safe anywhere in the page, in element content and in quoted attributes:
/// control characters are made visible, then `& < > " '` become entities.
pub fn escape(raw: &str) -> String {
    let line = text::line(raw);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A page's start, up to the opening of its `<main>`, with the shared style; `title` is
/// already escaped.
pub(super) fn page_start(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    )
}

/// Content width 180mm fits both A4 (210mm) and Letter (216mm) with 15mm margins.
const STYLE: &str = r#"
@page { margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: #1b1b1b;
  font: 10pt/1.35 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 4mm; }
header { margin-bottom: 2pt; }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 3pt; }
h2 { font-size: 12pt; margin: 10pt 0 3pt; padding-bottom: 2pt; border-bottom: 1px solid #9a9a9a;
  break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; }
.facts { color: #3d3d3d; }
.notice { border-left: 3pt solid #9a9a9a; padding-left: 6pt; }
.private { color: #8a1111; font-weight: 600; }
.flag { color: #a10d0d; font-weight: 600; }
.ok { color: #18632a; font-weight: 600; }
.kept { color: #18632a; }
.muted { color: #5c5c5c; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0; break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 2pt 6pt 2pt 0; border-bottom: 1px solid #d6d6d6;
  overflow-wrap: break-word; }
th { font-weight: 600; border-bottom-color: #9a9a9a; white-space: nowrap; }
td.when, td.value { white-space: nowrap; }
ul, ol { margin: 3pt 0; padding-left: 15pt; }
li { margin: 1pt 0; }
tr, li, figure, .keep { break-inside: avoid; page-break-inside: avoid; }
ul.ledger { list-style: none; padding-left: 0; }
.mark { display: inline-block; width: 1.3em; }
figure { margin: 4pt 0 6pt; }
svg.chart { display: block; width: 100%; height: auto; }
svg.key { vertical-align: -1pt; margin-right: 3pt; }
.ratings { font-size: 9pt; margin-top: 0; list-style: none; padding-left: 0; }
.point { white-space: nowrap; }
footer { margin-top: 12pt; font-size: 8.5pt; color: #5c5c5c; }
@media print {
  main { max-width: none; padding: 0; }
}
"#;

pub(super) fn write(brief: &Brief) -> String {
    let title = format!(
        "{}: conference brief, {}",
        escape(&brief.teacher.name),
        day(brief.today)
    );
    let mut out = page_start(&title);
    header(&mut out, brief, &title);
    goals(&mut out, brief);
    focuses(&mut out, brief);
    ratings(&mut out, brief);
    supports(&mut out, brief);
    evidence(&mut out, brief);
    check_ins(&mut out, brief);
    actions(&mut out, brief);
    let next_class = match brief.next_check_in {
        Some(next) if next < brief.today => " class=\"flag\"",
        _ => "",
    };
    let _ = writeln!(
        out,
        "<section class=\"keep\">\n<h2>Next check-in: <span{next_class}>{}</span></h2>\n</section>",
        escape(&words::next_check_in(brief))
    );
    let _ = write!(
        out,
        "<footer>Confidential personnel notes, exported from coachlog on {}.</footer>\n\
         </main>\n</body>\n</html>\n",
        day(brief.today)
    );
    out
}

fn private_mark(private: bool) -> &'static str {
    if private {
        " <span class=\"private\">(private)</span>"
    } else {
        ""
    }
}

fn header(out: &mut String, brief: &Brief, title: &str) {
    let facts: Vec<String> = words::header_facts(brief)
        .iter()
        .map(|fact| escape(fact))
        .collect();
    let _ = writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"facts\">{}</p>",
        facts.join(" · ")
    );
    if let Some(since) = brief.since {
        let _ = writeln!(
            out,
            "<p class=\"notice\"><strong>Since {}:</strong> {}</p>",
            day(since),
            words::SINCE_SCOPE
        );
    }
    if brief.partial {
        let _ = writeln!(
            out,
            "<p class=\"notice flag\">Only the latest {} observations {}</p>",
            brief.evidence.len(),
            words::PARTIAL_SCOPE
        );
    }
    if brief.include_private {
        out.push_str(
            "<p class=\"notice private\">Includes private notes, each marked “(private)”.</p>\n",
        );
    }
    out.push_str("</header>\n");
}

fn goals(out: &mut String, brief: &Brief) {
    out.push_str("<section>\n<h2>Goals</h2>\n");
    if brief.goals.is_empty() {
        out.push_str("<p class=\"muted\">No goals yet.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>goal</th><th>baseline</th><th>latest</th><th>target</th><th>by</th><th>status</th></tr></thead>\n<tbody>\n",
    );
    for summary in &brief.goals {
        let goal = summary.goal;
        let value =
            |v: Option<f64>| v.map_or("—".to_string(), |v| escape(&words::value(v, &goal.unit)));
        let latest = summary.latest.map_or("—".to_string(), |m| {
            format!(
                "{} <span class=\"muted\">({})</span>",
                escape(&m.shown(&goal.unit)),
                day(m.measured_on)
            )
        });
        let status_class = if summary.past_target_date {
            " class=\"flag\""
        } else if summary.reached {
            " class=\"ok\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"value\">{}</td><td class=\"value\">{latest}</td><td class=\"value\">{}</td><td class=\"when\">{}</td><td{status_class}>{}</td></tr>",
            escape(goal.statement.trim()),
            value(goal.baseline),
            value(goal.target),
            goal.target_on.map_or("—".to_string(), day),
            escape(&words::goal_status(summary)),
        );
    }
    out.push_str("</tbody>\n</table>\n<ul>\n");
    for summary in &brief.goals {
        let goal = summary.goal;
        let _ = write!(
            out,
            "<li><strong>{}</strong>",
            escape(goal.statement.trim())
        );
        if !goal.why.trim().is_empty() {
            let _ = write!(out, "<br>Why it matters: {}", escape(goal.why.trim()));
        }
        let measures: Vec<String> = summary
            .measures
            .iter()
            .map(|m| {
                let note = match m.note.trim() {
                    "" => String::new(),
                    note => format!(" ({})", escape(note)),
                };
                format!(
                    "<span class=\"point\">{}: {}</span>{note}",
                    day(m.measured_on),
                    escape(&m.shown(&goal.unit))
                )
            })
            .collect();
        if !goal.measure.trim().is_empty() || !measures.is_empty() {
            let _ = write!(
                out,
                "<br>Measured by: {}{}{}",
                escape(goal.measure.trim()),
                if measures.is_empty() { "" } else { " · " },
                measures.join(" · ")
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn focuses(out: &mut String, brief: &Brief) {
    out.push_str("<section>\n<h2>Focus history</h2>\n");
    if brief.focuses.is_empty() {
        out.push_str("<p class=\"muted\">No focus yet.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol>\n");
    for summary in &brief.focuses {
        let focus = summary.focus;
        let active = if summary.active {
            " <strong>(active)</strong>"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<li>{}<strong>{}</strong>: {}; {}{active}",
            chart::key(Some(summary.number)),
            escape(focus.statement.trim()),
            escape(&words::focus_span(focus)),
            escape(&words::rating_trend(&summary.ratings)),
        );
        let look_fors: Vec<String> = if summary.look_fors.is_empty() {
            focus
                .look_fors
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| escape(l.trim()))
                .collect()
        } else {
            summary
                .look_fors
                .iter()
                .map(|rate| escape(&rate.words()))
                .collect()
        };
        if !look_fors.is_empty() {
            let _ = write!(
                out,
                "<br><span class=\"muted\">Look-fors: {}</span>",
                look_fors.join("; ")
            );
        }
        for series in &summary.tallies {
            match tally_chart::svg(series, summary.number) {
                Some(svg) => {
                    let _ = write!(
                        out,
                        "\n<figure>{svg}<figcaption class=\"muted\">{}</figcaption></figure>",
                        escape(&series.words())
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "<br><span class=\"muted\">{}</span>",
                        escape(&series.words())
                    );
                }
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

fn ratings(out: &mut String, brief: &Brief) {
    out.push_str("<section>\n<h2>Ratings over time</h2>\n");
    let Some(svg) = chart::svg(brief) else {
        out.push_str("<p class=\"muted\">No ratings yet.</p>\n</section>\n");
        return;
    };
    let _ = writeln!(out, "<figure>\n{svg}\n</figure>");
    // The chart's numbers as text too (for reading aloud, copying, and private marks):
    // one line per focus, "2 Sep 1 · 9 Sep 1 · 16 Sep 2".
    let mut numbers: Vec<Option<usize>> = brief.focuses.iter().map(|f| Some(f.number)).collect();
    numbers.push(None);
    out.push_str("<ul class=\"muted ratings\">\n");
    for number in numbers {
        let points: Vec<String> = brief
            .ratings
            .iter()
            .filter(|point| point.focus == number)
            .map(|point| {
                let date = point.observation.observed_at.date();
                let shown = if date.year() == brief.today.year() {
                    date.format("%-d %b").to_string()
                } else {
                    day(date)
                };
                format!(
                    "<span class=\"point\">{shown}{} <strong>{}</strong></span>",
                    private_mark(point.observation.private),
                    point.rating.value()
                )
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let name = number.map_or("No focus".to_string(), |n| format!("Focus {n}"));
        let _ = writeln!(
            out,
            "<li>{}{name}: {}</li>",
            chart::key(number),
            points.join(" · ")
        );
    }
    if !brief.supports.is_empty() {
        let _ = writeln!(
            out,
            "<li>{}Support given (see {})</li>",
            chart::support_key(),
            words::SUPPORTS_HEADING
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// Each support in time order with what the ratings did after it; no section when none
/// was recorded.
fn supports(out: &mut String, brief: &Brief) {
    if brief.supports.is_empty() {
        return;
    }
    let _ = writeln!(out, "<section>\n<h2>{}</h2>\n<ul>", words::SUPPORTS_HEADING);
    for summary in &brief.supports {
        let support = summary.support;
        let _ = writeln!(
            out,
            "<li>{}<strong>{}</strong>{} · {}<br><span class=\"muted\">{}</span></li>",
            chart::support_key(),
            day(support.given_on),
            private_mark(support.private),
            words::support_parts(support, escape).join(" · "),
            escape(&summary.effect.words())
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn evidence(out: &mut String, brief: &Brief) {
    out.push_str("<section>\n<h2>Evidence (latest first)</h2>\n");
    if brief.evidence.is_empty() {
        out.push_str("<p class=\"muted\">No observations yet.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul>\n");
    for observation in &brief.evidence {
        let mut parts = vec![format!(
            "<strong>{}</strong>{}",
            observation.observed_at.format("%-d %b %Y %H:%M"),
            private_mark(observation.private)
        )];
        let (details, excerpt) = words::evidence_parts(observation, escape);
        parts.extend(details);
        parts.push(
            excerpt.unwrap_or_else(|| {
                "<span class=\"muted\">(no evidence written)</span>".to_string()
            }),
        );
        let _ = writeln!(
            out,
            "<li>{}{}</li>",
            parts.join(" · "),
            words::feedback_shared(observation.feedback_shared_at)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn check_ins(out: &mut String, brief: &Brief) {
    out.push_str("<section>\n<h2>Check-ins (latest first)</h2>\n");
    if brief.check_ins.is_empty() {
        out.push_str("<p class=\"muted\">No check-ins yet.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul>\n");
    for check_in in &brief.check_ins {
        let _ = write!(
            out,
            "<li><strong>{}</strong>{} · {}",
            day(check_in.held_on),
            private_mark(check_in.private),
            check_in.kind
        );
        let notes = words::excerpt(&check_in.notes);
        if !notes.is_empty() {
            let _ = write!(out, " · {}", escape(&notes));
        }
        let reflection = words::excerpt(&check_in.reflection);
        if !reflection.is_empty() {
            let _ = write!(
                out,
                " <span class=\"muted\">Teacher's reflection:</span> “{}”",
                escape(&reflection)
            );
        }
        out.push_str(&words::feedback_shared(check_in.feedback_shared_at));
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn actions(out: &mut String, brief: &Brief) {
    let _ = writeln!(
        out,
        "<section>\n<h2>Actions: {}</h2>",
        escape(&brief.actions.summary())
    );
    if brief.actions.actions.is_empty() {
        out.push_str("<p class=\"muted\">No actions.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul class=\"ledger\">\n");
    for (action, state) in &brief.actions.actions {
        let (mark, class) = match state {
            ActionState::Open {
                overdue_days: Some(_),
            } => ("☐", " class=\"flag\""),
            ActionState::Open { .. } => ("☐", ""),
            ActionState::Late { .. } => ("✔", " class=\"muted\""),
            ActionState::Kept => ("✔", " class=\"kept\""),
        };
        let _ = writeln!(
            out,
            "<li><span class=\"mark\">{mark}</span>{} · {} · <span{class}>{}</span></li>",
            escape(action.what.trim()),
            escape(action.owner.trim()),
            escape(&words::action_state(action, *state))
        );
    }
    out.push_str("</ul>\n</section>\n");
}
