//! The selected record of a workspace list, in full.

use super::{action_line, goal_progress, key};
use crate::app::keymap::Msg;
use crate::app::workspace::{Tab, Workspace};
use crate::dates;
use crate::model::Action;
use crate::text;
use crate::ui::theme;
use chrono::NaiveDate;
use ratatui::text::{Line, Span};

fn field(label: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(text::fit(label, 10).into_owned(), theme::DIM),
        Span::raw(value),
    ])
}

fn paragraph(lines: &mut Vec<Line<'static>>, label: &str, body: &str) {
    if body.trim().is_empty() {
        return;
    }
    lines.push(Line::styled(label.to_string(), theme::DIM));
    for line in text::block(body).lines() {
        lines.push(Line::from(line.to_string()));
    }
}

/// The selected record in full.
pub(super) fn detail(workspace: &Workspace, tab: Tab, today: NaiveDate) -> Vec<Line<'static>> {
    let file = &workspace.file;
    let index = workspace.selected();
    let day = |d: Option<NaiveDate>| d.map_or("—".to_string(), |d| dates::short_day(d, today));
    let mut lines = Vec::new();
    match tab {
        Tab::Goals => {
            let Some(g) = file.goals.get(index) else {
                return lines;
            };
            lines.push(Line::styled(
                text::line(&g.statement).into_owned(),
                theme::TITLE,
            ));
            let measures: Vec<_> = file.measures_of(&g.meta.id).collect();
            lines.push(field(
                "Progress",
                goal_progress(g, measures.last().map(|m| m.score(&g.unit))),
            ));
            lines.push(field("Measure", text::line(&g.measure).into_owned()));
            lines.push(field("By", day(g.target_on)));
            lines.push(field("Status", g.status.to_string()));
            paragraph(&mut lines, "Why", &g.why);
            if !measures.is_empty() {
                lines.push(Line::styled("Measures (m adds one)", theme::DIM));
                for m in measures.iter().rev() {
                    lines.push(Line::from(format!(
                        " {}  {}  {}",
                        m.measured_on.format("%-d %b"),
                        m.shown(&g.unit),
                        text::line(&m.note)
                    )));
                }
            }
        }
        Tab::Observations => {
            let Some(o) = file.observations.get(index) else {
                return lines;
            };
            lines.push(Line::styled(
                o.observed_at.format("%a %-d %b %Y %H:%M").to_string(),
                theme::TITLE,
            ));
            let rating = o.rating.map_or("not rated".into(), |r| {
                format!("{} {}", r.value(), r.label())
            });
            lines.push(field("Rating", rating));
            if let Some(minutes) = o.minutes {
                lines.push(field("Minutes", minutes.to_string()));
            }
            if !o.class_period.is_empty() {
                lines.push(field("Class", text::line(&o.class_period).into_owned()));
            }
            if let Some(focus) = o
                .focus_id
                .as_ref()
                .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id))
            {
                lines.push(field("Focus", text::line(&focus.statement).into_owned()));
                for look_for in &focus.look_fors {
                    let seen = o.look_fors_seen.contains(look_for);
                    lines.push(Line::from(format!(
                        " {} {}",
                        if seen { "✔" } else { "☐" },
                        text::line(look_for)
                    )));
                }
            }
            for (what, count) in &o.tallies {
                lines.push(field("Tally", format!("{} {count}", text::line(what))));
            }
            if o.private {
                lines.push(Line::styled("private: left out of exports", theme::WARN));
            }
            paragraph(&mut lines, "Evidence", &o.evidence);
        }
        Tab::CheckIns => {
            let Some(c) = file.check_ins.get(index) else {
                return lines;
            };
            lines.push(Line::styled(
                format!("{} · {}", c.held_on.format("%a %-d %b %Y"), c.kind),
                theme::TITLE,
            ));
            lines.push(field("Next", day(c.next_on)));
            if c.private {
                lines.push(Line::styled("private: left out of exports", theme::WARN));
            }
            paragraph(&mut lines, "Notes", &c.notes);
            paragraph(&mut lines, "Reflection", &c.reflection);
            let born: Vec<&Action> = file
                .actions
                .iter()
                .filter(|a| a.check_in_id.as_deref() == Some(c.meta.id.as_str()))
                .collect();
            if !born.is_empty() {
                lines.push(Line::styled("Actions agreed", theme::DIM));
                lines.extend(born.into_iter().map(|a| action_line(a, today)));
            }
        }
        Tab::Actions => {
            let Some(a) = file.actions.get(index) else {
                return lines;
            };
            lines.push(Line::styled(text::line(&a.what).into_owned(), theme::TITLE));
            lines.push(field("Who", text::line(&a.owner).into_owned()));
            lines.push(field("Due", day(a.due_on)));
            lines.push(field("Done", day(a.done_on)));
            if let Some(c) = a
                .check_in_id
                .as_ref()
                .and_then(|id| file.check_ins.iter().find(|c| &c.meta.id == id))
            {
                lines.push(field(
                    "From",
                    format!("check-in of {}", c.held_on.format("%-d %b")),
                ));
            }
            lines.push(Line::styled(
                format!("{} marks it done (or open again)", key(Msg::ToggleDone)),
                theme::DIM,
            ));
        }
        Tab::Timeline | Tab::Overview => {
            let entries = workspace.timeline();
            let Some(e) = entries.get(index) else {
                return lines;
            };
            lines.push(Line::styled(
                format!("{} · {}", e.at.format("%a %-d %b %Y"), e.kind.label()),
                theme::TITLE,
            ));
            lines.push(Line::from(text::line(&e.summary).into_owned()));
            if let Some(o) = file.observations.iter().find(|o| o.meta.id == e.id) {
                paragraph(&mut lines, "Evidence", &o.evidence);
            } else if let Some(c) = file.check_ins.iter().find(|c| c.meta.id == e.id) {
                paragraph(&mut lines, "Notes", &c.notes);
            }
        }
    }
    lines
}
