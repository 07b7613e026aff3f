//! One teacher: a header that always shows the teacher and the active focus, the tabs,
//! and on each list tab the list beside the selected record's detail.

use super::header::two_sided;
use super::theme;
use crate::app::App;
use crate::app::workspace::{Tab, Workspace, first_line};
use crate::dates;
use crate::model::{Action, Goal, GoalStatus, TeacherFile};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Tabs, Wrap};

pub fn render(app: &App, workspace: &Workspace, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let [header, tabs, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    render_header(&workspace.file, today, frame, header);
    let titles: Vec<&str> = Tab::ALL.iter().map(|t| t.title()).collect();
    frame.render_widget(
        Tabs::new(titles)
            .select(workspace.tab.index())
            .highlight_style(theme::KEY.add_modifier(ratatui::style::Modifier::REVERSED))
            .divider("│"),
        tabs,
    );
    match workspace.tab {
        Tab::Overview => render_overview(&workspace.file, today, frame, body),
        tab => render_list(workspace, tab, today, frame, body),
    }
}

fn render_header(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let teacher = &file.teacher;
    let mut who = vec![text::line(&teacher.name).into_owned()];
    who.extend(
        [&teacher.subject, &teacher.school]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|s| text::line(s).into_owned()),
    );
    // A long name, subject or school is cut from its end; the cadence stays whole.
    let first = two_sided(
        vec![Span::styled(format!(" {}", who.join(" · ")), theme::TITLE)],
        vec![Span::styled(
            format!("check-in every {}d", teacher.cadence_days),
            theme::DIM,
        )],
        area.width,
    );
    let second = match file.active_focus() {
        Some(focus) => {
            let latest = file
                .observations
                .iter()
                .filter(|o| o.focus_id.as_deref() == Some(focus.meta.id.as_str()))
                .find_map(|o| o.rating)
                .map(|r| format!(" · latest {}/4", r.value()))
                .unwrap_or_default();
            let since = format!(
                "since {}{latest}",
                dates::short_day(focus.started_on, today)
            );
            two_sided(
                vec![
                    Span::styled(" Focus  ", theme::ACCENT),
                    Span::raw(text::line(&focus.statement).into_owned()),
                ],
                vec![Span::styled(since, theme::DIM)],
                area.width,
            )
        }
        None => Line::from(vec![
            Span::styled(" Focus  ", theme::ACCENT),
            Span::styled("none yet: f sets the one thing to work on", theme::DIM),
        ]),
    };
    frame.render_widget(Paragraph::new(vec![first, second]), area);
}

/// "32 → 86 now → target 85 ✔"
pub fn goal_progress(goal: &Goal, latest: Option<f64>) -> String {
    let unit = &goal.unit;
    let value = |v: Option<f64>| v.map(|v| text::measured(v, unit));
    let mut parts = Vec::new();
    if let Some(baseline) = value(goal.baseline) {
        parts.push(baseline);
    }
    if let Some(now) = value(latest) {
        parts.push(format!("{now} now"));
    }
    if let Some(target) = value(goal.target) {
        let met = latest.is_some_and(|l| goal.reached_by(l));
        parts.push(format!("target {target}{}", if met { " ✔" } else { "" }));
    }
    parts.join(" → ")
}

/// The last few measurements as a small trend, scaled between baseline, target and
/// the values themselves.
pub fn trend(goal: &Goal, values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let recent = &values[values.len().saturating_sub(8)..];
    let bounds = recent
        .iter()
        .copied()
        .chain(goal.baseline)
        .chain(goal.target);
    let (low, high) = bounds.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    recent
        .iter()
        .map(|v| {
            let share = if high > low {
                (v - low) / (high - low)
            } else {
                1.0
            };
            BARS[((share * 7.0).round() as usize).min(7)]
        })
        .collect()
}

fn action_line(action: &Action, today: NaiveDate) -> Line<'static> {
    let (mark, style) = if action.done_on.is_some() {
        ("✔", theme::OK)
    } else {
        ("☐", Style::default())
    };
    let when = match (action.done_on, action.due_on) {
        (Some(done), _) => Span::styled(
            format!("done {}", dates::short_day(done, today)),
            theme::DIM,
        ),
        (None, Some(due)) if due < today => Span::styled(
            format!("{} !", dates::relative_due(due, today)),
            theme::ERROR,
        ),
        (None, Some(due)) => Span::raw(format!("due {}", dates::short_day(due, today))),
        (None, None) => Span::styled("no date", theme::DIM),
    };
    Line::from(vec![
        Span::styled(format!("{mark} "), style),
        Span::raw(text::line(&action.what).into_owned()),
        Span::styled(format!("  {}  ", text::line(&action.owner)), theme::ACCENT),
        when,
    ])
}

fn render_overview(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
    let [chart, actions] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(top);
    let [goal, last] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(bottom);
    super::chart::render(file, today, frame, chart);

    let open: Vec<Line> = file.open_actions().map(|a| action_line(a, today)).collect();
    let open = if open.is_empty() {
        vec![Line::styled("No open actions.", theme::DIM)]
    } else {
        open
    };
    let ledger = file.ledger(today);
    let title = format!(
        " Actions · {} on time · {} late · {} open ",
        ledger.on_time, ledger.late, ledger.open
    );
    frame.render_widget(
        Paragraph::new(open)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        actions,
    );

    let goal_lines = match file
        .goals
        .iter()
        .find(|g| g.status == GoalStatus::Active)
        .or(file.goals.first())
    {
        Some(g) => {
            let latest = file.measures_of(&g.meta.id).last().map(|m| m.value);
            vec![
                Line::from(text::line(&g.statement).into_owned()),
                Line::styled(goal_progress(g, latest), theme::ACCENT),
            ]
        }
        None => vec![Line::styled(
            "No goal yet: on the Goals tab, a adds one.",
            theme::DIM,
        )],
    };
    frame.render_widget(
        Paragraph::new(goal_lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Goal ")),
        goal,
    );

    let (title, notes) = match file.check_ins.first() {
        Some(c) => (
            format!(" Last check-in · {} ", c.held_on.format("%-d %b")),
            text::block(&c.notes).into_owned(),
        ),
        None => (
            " Last check-in ".to_string(),
            "None yet: c holds one.".to_string(),
        ),
    };
    frame.render_widget(
        Paragraph::new(notes)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        last,
    );
}

fn render_list(workspace: &Workspace, tab: Tab, today: NaiveDate, frame: &mut Frame, area: Rect) {
    // The timeline reads across: its lines get the full width, the detail goes below.
    let [list_area, detail_area] = if tab == Tab::Timeline {
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area)
    } else {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    let file = &workspace.file;
    let short = |s: &str, n: usize| text::truncate(&text::line(s), n).into_owned();
    let items: Vec<ListItem> = match tab {
        Tab::Goals => file
            .goals
            .iter()
            .map(|g| {
                let mark = match g.status {
                    GoalStatus::Active => "●",
                    GoalStatus::Met => "✔",
                    GoalStatus::Dropped => "✗",
                };
                let values: Vec<f64> = file.measures_of(&g.meta.id).map(|m| m.value).collect();
                let latest = values.last().copied();
                let late = g.past_target_date(latest, today);
                let mut spans = vec![Span::raw(format!("{mark} {}", short(&g.statement, 28)))];
                if let Some(latest) = latest {
                    spans.push(Span::styled(
                        format!("  {}", text::measured(latest, &g.unit)),
                        theme::ACCENT,
                    ));
                    if let Some(target) = g.target {
                        spans.push(Span::styled(
                            format!("/{}", text::number(target)),
                            theme::DIM,
                        ));
                    }
                    spans.push(Span::raw(format!(" {}", trend(g, &values))));
                }
                if late {
                    spans.push(Span::styled(" past target date !", theme::ERROR));
                }
                ListItem::new(Line::from(spans))
            })
            .collect(),
        Tab::Observations => file
            .observations
            .iter()
            .map(|o| {
                let rating = o.rating.map_or("·".to_string(), |r| r.value().to_string());
                let private = if o.private { "private " } else { "" };
                ListItem::new(Line::from(vec![
                    Span::styled(o.observed_at.format("%e %b %H:%M ").to_string(), theme::DIM),
                    Span::styled(format!("{rating} "), theme::ACCENT),
                    Span::styled(private, theme::WARN),
                    Span::raw(short(first_line(&o.evidence), 60)),
                ]))
            })
            .collect(),
        Tab::CheckIns => file
            .check_ins
            .iter()
            .map(|c| {
                ListItem::new(Line::from(vec![
                    Span::styled(c.held_on.format("%e %b %Y ").to_string(), theme::DIM),
                    Span::styled(format!("{} ", c.kind), theme::ACCENT),
                    Span::raw(short(first_line(&c.notes), 60)),
                ]))
            })
            .collect(),
        Tab::Actions => file
            .actions
            .iter()
            .map(|a| ListItem::new(action_line(a, today)))
            .collect(),
        Tab::Timeline | Tab::Overview => workspace
            .timeline()
            .into_iter()
            .map(|e| {
                let style = if e.marker {
                    theme::MARKER
                } else {
                    Style::default()
                };
                ListItem::new(Line::from(vec![
                    Span::styled(e.at.format("%e %b %Y ").to_string(), theme::DIM),
                    Span::styled(format!("{} ", text::fit(e.kind.label(), 11)), theme::ACCENT),
                    Span::styled(short(&e.summary, 80), style),
                ]))
            })
            .collect(),
    };
    let count = items.len();
    let title = match tab {
        Tab::Timeline if workspace.filter.is_set() => {
            format!(
                " Timeline · {} · {} (t kind, r dates) ",
                workspace.filter.describe(),
                count
            )
        }
        Tab::Timeline => format!(" Timeline · {count} (t kind, r dates) "),
        Tab::Observations if !workspace.file.all_observations => {
            format!(" Observations · {count}+ (↓ loads older) ")
        }
        _ => format!(" {} · {} ", tab.title(), count),
    };
    if count == 0 {
        let hint = match tab {
            Tab::Goals => "No goals yet: a adds one.",
            Tab::Observations => "No observations yet: o observes.",
            Tab::CheckIns => "No check-ins yet: c holds one.",
            Tab::Actions => "No actions yet: a adds one.",
            _ => "Nothing recorded yet.",
        };
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme::DIM)
                .block(Block::bordered().title(title)),
            area,
        );
        return;
    }
    let mut state = ListState::default().with_selected(Some(workspace.selected()));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(title))
            .highlight_style(theme::SELECTED),
        list_area,
        &mut state,
    );
    let detail = detail(workspace, tab, today);
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Detail ")),
        detail_area,
    );
}

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
fn detail(workspace: &Workspace, tab: Tab, today: NaiveDate) -> Vec<Line<'static>> {
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
                goal_progress(g, measures.last().map(|m| m.value)),
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
                        text::measured(m.value, &g.unit),
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
                "Space marks it done (or open again)",
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
