//! One teacher: a header that always shows the teacher and the active focus, the tabs,
//! and on each list tab the list beside the selected record's detail.

use crate::app::App;
use crate::app::keymap::{self, Context, Msg};
use crate::ui::header::two_sided;
use crate::ui::theme;

use crate::app::workspace::{Tab, Workspace};
use crate::dates;
use crate::model::{Action, Goal, GoalStatus, TeacherFile};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Tabs, Wrap};

mod detail;
mod list;

/// How the workspace key for `msg` is written, for hints.
pub(super) fn key(msg: Msg) -> String {
    keymap::key_for(Context::Workspace, msg)
}

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
        tab => list::render_list(workspace, tab, today, frame, body),
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
            Span::styled(
                format!(
                    "none yet: {} sets the one thing to work on",
                    key(Msg::NewFocus)
                ),
                theme::DIM,
            ),
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

pub(super) fn action_line(action: &Action, today: NaiveDate) -> Line<'static> {
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
            let latest = file
                .measures_of(&g.meta.id)
                .last()
                .map(|m| m.score(&g.unit));
            vec![
                Line::from(text::line(&g.statement).into_owned()),
                Line::styled(goal_progress(g, latest), theme::ACCENT),
            ]
        }
        None => vec![Line::styled(
            format!("No goal yet: on the Goals tab, {} adds one.", key(Msg::Add)),
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
            format!("None yet: {} holds one.", key(Msg::CheckIn)),
        ),
    };
    frame.render_widget(
        Paragraph::new(notes)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        last,
    );
}
