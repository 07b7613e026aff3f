//! The selected record of a workspace list, in full.

use super::{action_line, goal_progress, key};
use crate::app::keymap::Msg;
use crate::app::workspace::{Tab, Workspace};
use crate::dates;
use crate::model::{Action, TallySeries, tally_series};
use crate::text;
use crate::ui::{scroll, theme};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Columns of a field's label; its value wraps under itself, not under the label.
const LABEL: usize = 10;

/// The newest visits a tally's bars show.
const SPARK_VISITS: usize = 10;

/// The detail's lines, each fitted to the pane's width.
struct Detail {
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Detail {
    fn title(&mut self, title: &str) {
        for line in text::wrap(&text::line(title), self.width) {
            self.lines.push(Line::styled(line, theme::title()));
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        let wrapped = text::wrap(&text::line(value), self.width.saturating_sub(LABEL));
        for (index, line) in wrapped.into_iter().enumerate() {
            let label = if index == 0 { label } else { "" };
            self.lines.push(Line::from(vec![
                Span::styled(text::fit(label, LABEL).into_owned(), theme::dim()),
                Span::raw(line),
            ]));
        }
    }

    /// A line indented by `indent` columns, wrapping under its own start.
    fn indented(&mut self, indent: usize, lead: &str, body: &str, style: Style) {
        let room = self.width.saturating_sub(indent + text::width(lead));
        let pad = " ".repeat(indent);
        for (index, line) in text::wrap(&text::line(body), room).into_iter().enumerate() {
            let lead = if index == 0 {
                lead.to_string()
            } else {
                " ".repeat(text::width(lead))
            };
            self.lines.push(Line::from(vec![
                Span::raw(format!("{pad}{lead}")),
                Span::styled(line, style),
            ]));
        }
    }

    /// A tally over its visits: its bars (one a visit), then its sentence wrapping under
    /// itself.
    fn tally(&mut self, series: &TallySeries) {
        let bars = series.sparkline(SPARK_VISITS.min(self.width / 3).max(1));
        let lead = 1 + text::width(&bars) + 1;
        let room = self.width.saturating_sub(lead);
        for (index, line) in text::wrap(&series.words(), room).into_iter().enumerate() {
            let bars = match index {
                0 => Span::styled(bars.clone(), theme::accent()),
                _ => Span::raw(" ".repeat(text::width(&bars))),
            };
            self.lines.push(Line::from(vec![
                Span::raw(" "),
                bars,
                Span::raw(" "),
                Span::raw(line),
            ]));
        }
    }

    fn label(&mut self, label: &str) {
        self.lines
            .push(Line::styled(label.to_string(), theme::dim()));
    }

    fn paragraph(&mut self, label: &str, body: &str) {
        if body.trim().is_empty() {
            return;
        }
        self.label(label);
        for line in text::wrap(&text::block(body), self.width) {
            self.lines.push(Line::from(line));
        }
    }

    fn note(&mut self, note: &str, style: Style) {
        for line in text::wrap(note, self.width) {
            self.lines.push(Line::styled(line, style));
        }
    }
}

/// The farthest the selected record's detail scrolls in a pane `area`.
pub(super) fn end(workspace: &Workspace, tab: Tab, today: NaiveDate, area: Rect) -> u16 {
    let width = usize::from(area.width.saturating_sub(2));
    scroll::last_offset(detail(workspace, tab, today, width).len(), area)
}

/// The selected record's detail in `area`, scrolled as far as the workspace says (never
/// past its last page), with a cue when there is more above or below.
pub(super) fn render(
    workspace: &Workspace,
    tab: Tab,
    today: NaiveDate,
    frame: &mut Frame,
    area: Rect,
) {
    let lines = detail(
        workspace,
        tab,
        today,
        usize::from(area.width.saturating_sub(2)),
    );
    let keys = (key(Msg::DetailUp), key(Msg::DetailDown));
    scroll::render(
        frame,
        area,
        Block::bordered().title(" Detail "),
        lines,
        workspace.detail_scroll(),
        (&keys.0, &keys.1),
    );
}

/// The selected record in full.
fn detail(workspace: &Workspace, tab: Tab, today: NaiveDate, width: usize) -> Vec<Line<'static>> {
    let file = &workspace.file;
    let index = workspace.selected();
    let day = |d: Option<NaiveDate>| d.map_or("—".to_string(), |d| dates::short_day(d, today));
    let mut lines = Detail {
        width,
        lines: Vec::new(),
    };
    match tab {
        Tab::Goals => {
            let Some(g) = file.goals.get(index) else {
                return lines.lines;
            };
            lines.title(&g.statement);
            let measures: Vec<_> = file.measures_of(&g.meta.id).collect();
            let latest = measures.last().map(|m| m.score(&g.unit));
            lines.field("Progress", &goal_progress(g, latest));
            lines.field("Measure", &g.measure);
            lines.field("By", &day(g.target_on));
            lines.field("Status", &g.status.to_string());
            if g.past_target_date(latest, today) {
                lines.note("! past the target date, target not met", theme::error());
            }
            lines.paragraph("Why", &g.why);
            if !measures.is_empty() {
                lines.label(&format!("Measures ({} adds one)", key(Msg::AddMeasure)));
                // Dates and values right-aligned in their columns, so the values line up.
                let shown: Vec<(String, String)> = measures
                    .iter()
                    .rev()
                    .map(|m| (m.measured_on.format("%-d %b").to_string(), m.shown(&g.unit)))
                    .collect();
                let date_width = shown.iter().map(|(d, _)| text::width(d)).max().unwrap_or(0);
                let value_width = shown.iter().map(|(_, v)| text::width(v)).max().unwrap_or(0);
                for ((date, value), m) in shown.iter().zip(measures.iter().rev()) {
                    let lead = format!(
                        "{}{date}  {}{value}  ",
                        " ".repeat(date_width - text::width(date)),
                        " ".repeat(value_width - text::width(value)),
                    );
                    lines.indented(1, &lead, &m.note, Style::default());
                }
            }
            // What the look-fors of the focuses on this goal say over their visits.
            for focus in file
                .focuses
                .iter()
                .filter(|f| f.goal_id.as_deref() == Some(g.meta.id.as_str()))
            {
                let visits: Vec<&crate::model::Observation> = file
                    .observations
                    .iter()
                    .rev()
                    .filter(|o| o.focus_id.as_deref() == Some(focus.meta.id.as_str()))
                    .collect();
                let rates = crate::model::look_for_rates(focus, &visits);
                let tallies = tally_series(focus, &visits);
                if rates.is_empty() && tallies.is_empty() {
                    continue;
                }
                let active = file.teacher.active_focus_id.as_deref() == Some(&focus.meta.id);
                let active = if active { " (active)" } else { "" };
                lines.field("Focus", &format!("{}{active}", focus.statement.trim()));
                for rate in rates {
                    lines.indented(1, "", &rate.words(), Style::default());
                }
                for series in &tallies {
                    lines.tally(series);
                }
            }
        }
        Tab::Observations => {
            let Some(o) = file.observations.get(index) else {
                return lines.lines;
            };
            lines.title(&o.observed_at.format("%a %-d %b %Y %H:%M").to_string());
            let rating = o.rating.map_or("not rated".into(), |r| {
                format!("{} {}", r.value(), r.label())
            });
            lines.field("Rating", &rating);
            if let Some(minutes) = o.minutes {
                lines.field("Minutes", &minutes.to_string());
            }
            if !o.class_period.is_empty() {
                lines.field("Class", &o.class_period);
            }
            if let Some(focus) = o
                .focus_id
                .as_ref()
                .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id))
            {
                lines.field("Focus", &focus.statement);
                for look_for in &focus.look_fors {
                    let seen = o.look_fors_seen.contains(look_for);
                    let mark = if seen { "✔ " } else { "☐ " };
                    lines.indented(1, mark, look_for, Style::default());
                }
            }
            let focus = o
                .focus_id
                .as_ref()
                .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id));
            for (what, count) in &o.tallies {
                // Out of the class size when the focus counts it so.
                let shown = focus
                    .and_then(|f| f.tallies.iter().find(|t| &t.name == what))
                    .map_or(count.to_string(), |tally| tally.shown(*count));
                lines.field("Tally", &format!("{} {shown}", text::line(what)));
            }
            if o.private {
                lines.note("private: left out of exports", theme::warn());
            }
            lines.paragraph("Evidence", &o.evidence);
        }
        Tab::CheckIns => {
            let Some(c) = file.check_ins.get(index) else {
                return lines.lines;
            };
            lines.title(&format!(
                "{} · {}",
                c.held_on.format("%a %-d %b %Y"),
                c.kind
            ));
            lines.field("Next", &day(c.next_on));
            if c.private {
                lines.note("private: left out of exports", theme::warn());
            }
            lines.paragraph("Notes", &c.notes);
            lines.paragraph("Reflection", &c.reflection);
            let born: Vec<&Action> = file
                .actions
                .iter()
                .filter(|a| a.check_in_id.as_deref() == Some(c.meta.id.as_str()))
                .collect();
            if !born.is_empty() {
                lines.label("Actions agreed");
                let width = lines.width;
                lines
                    .lines
                    .extend(born.into_iter().map(|a| action_line(a, today, width)));
            }
        }
        Tab::Actions => {
            let Some(a) = file.actions.get(index) else {
                return lines.lines;
            };
            lines.title(&a.what);
            lines.field("Who", &a.owner);
            lines.field("Due", &day(a.due_on));
            lines.field("Done", &day(a.done_on));
            if let Some(c) = a
                .check_in_id
                .as_ref()
                .and_then(|id| file.check_ins.iter().find(|c| &c.meta.id == id))
            {
                lines.field(
                    "From",
                    &format!("check-in of {}", c.held_on.format("%-d %b")),
                );
            }
            lines.note(
                &format!("{} marks it done (or open again)", key(Msg::ToggleDone)),
                theme::dim(),
            );
        }
        Tab::Timeline | Tab::Overview => {
            let entries = workspace.timeline();
            let Some(e) = entries.get(index) else {
                return lines.lines;
            };
            lines.title(&format!(
                "{} · {}",
                e.at.format("%a %-d %b %Y"),
                e.kind.label()
            ));
            lines.note(&text::line(&e.summary), Style::default());
            if let Some(o) = file.observations.iter().find(|o| o.meta.id == e.id) {
                lines.paragraph("Evidence", &o.evidence);
            } else if let Some(c) = file.check_ins.iter().find(|c| c.meta.id == e.id) {
                lines.paragraph("Notes", &c.notes);
            } else if let Some(s) = file.supports.iter().find(|s| s.meta.id == e.id) {
                lines.field("Kind", s.kind.label());
                lines.field("By", &s.given_by);
                if let Some(minutes) = s.minutes {
                    lines.field("Minutes", &minutes.to_string());
                }
                if let Some(focus) = s
                    .focus_id
                    .as_ref()
                    .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id))
                {
                    lines.field("Focus", &focus.statement);
                }
                if s.private {
                    lines.note("private: left out of exports", theme::warn());
                }
                lines.paragraph("Note", &s.note);
            }
        }
    }
    lines.lines
}
