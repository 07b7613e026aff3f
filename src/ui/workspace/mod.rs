//! One teacher: a header that always shows the teacher and the active focus, the tabs,
//! and on each list tab the list beside the selected record's detail.

use crate::app::App;
use crate::app::keymap::{self, Context, Msg};
use crate::ui::header::two_sided;
use crate::ui::theme;

use crate::app::workspace::{Tab, Workspace};
use crate::dates;
use crate::model::{Action, Goal, TeacherFile};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

mod detail;
mod list;
mod overview;

/// How the workspace key for `msg` is written, for hints.
pub(super) fn key(msg: Msg) -> String {
    keymap::key_for(Context::Workspace, msg)
}

/// The header, the tab bar and the tab's body.
fn areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area)
}

/// How far the selected record's detail can scroll on a body `width` × `height` (the
/// screen less its status and footer lines): the update keeps the scroll within it, so
/// that the first key back moves the pane.
pub fn detail_end(workspace: &Workspace, today: NaiveDate, width: u16, height: u16) -> u16 {
    if workspace.tab == Tab::Overview {
        return 0;
    }
    let [_, _, body] = areas(Rect::new(0, 0, width, height));
    let [_, pane] = list::areas(workspace.tab, body);
    detail::end(workspace, workspace.tab, today, pane)
}

pub fn render(app: &App, workspace: &Workspace, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let [header, tabs, body] = areas(area);
    render_header(&workspace.file, today, frame, header);
    let titles: Vec<&str> = Tab::ALL.iter().map(|t| t.title()).collect();
    // Each title with a space either side and a divider between; without the spaces when
    // the terminal is too narrow for them, so that no title is cut. The current tab is
    // bracketed as well as highlighted: the brackets show without colour.
    let full: usize = titles.iter().map(|t| text::width(t) + 3).sum::<usize>() - 1;
    let spaced = full <= usize::from(tabs.width);
    let titles: Vec<String> = Tab::ALL
        .iter()
        .map(|tab| match (*tab == workspace.tab, spaced) {
            (true, _) => format!("[{}]", tab.title()),
            (false, true) => format!(" {} ", tab.title()),
            (false, false) => tab.title().to_string(),
        })
        .collect();
    // Each title is as wide as it is written, one divider between them.
    let mut x = tabs.x;
    for (index, title) in titles.iter().enumerate() {
        let width = u16::try_from(crate::text::width(title)).unwrap_or(u16::MAX);
        let area = Rect::new(x, tabs.y, width.min(tabs.right().saturating_sub(x)), 1);
        app.hits
            .add(area, crate::app::mouse::Target::Tab(index as u8));
        x = x.saturating_add(width).saturating_add(1);
    }
    frame.render_widget(
        Tabs::new(titles)
            .select(workspace.tab.index())
            .highlight_style(theme::key().add_modifier(ratatui::style::Modifier::REVERSED))
            .padding("", "")
            .divider("│"),
        tabs,
    );
    match workspace.tab {
        Tab::Overview => overview::render(&workspace.file, today, frame, body),
        tab => list::render_list((workspace, &app.hits), tab, today, frame, body),
    }
}

fn render_header(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let teacher = &file.teacher;
    let name = text::line(&teacher.name).into_owned();
    let mut subject = text::line(&teacher.subject).into_owned();
    let mut school = text::line(&teacher.school).into_owned();
    let cadence = format!("check-in every {}d", teacher.cadence_days);
    // The name, the subject and the school share what the cadence leaves: a long subject
    // is cut first, then the school, so that each still shows; the cadence stays whole.
    let room = usize::from(area.width).saturating_sub(text::width(&cadence) + 3);
    let shown = |parts: [&str; 3]| -> usize {
        let parts: Vec<&&str> = parts.iter().filter(|p| !p.is_empty()).collect();
        parts.iter().map(|p| text::width(p)).sum::<usize>() + 3 * parts.len().saturating_sub(1)
    };
    // The longer of subject and school gives a column at a time, down to six each.
    let (mut subject_width, mut school_width) = (text::width(&subject), text::width(&school));
    let fixed = shown([&name, &subject, &school]) - subject_width - school_width;
    while fixed + subject_width + school_width > room && subject_width.max(school_width) > 6 {
        if subject_width >= school_width {
            subject_width -= 1;
        } else {
            school_width -= 1;
        }
    }
    subject = text::truncate(&subject, subject_width).into_owned();
    school = text::truncate(&school, school_width).into_owned();
    let cut = |part: &str, over: usize| {
        let keep = text::width(part).saturating_sub(over).max(6);
        text::truncate(part, keep).into_owned()
    };
    // Beside a very long name, the school is kept before the subject.
    if shown([&name, &subject, &school]) > room && !school.is_empty() {
        subject.clear();
        school = text::line(&teacher.school).into_owned();
        let over = shown([&name, &subject, &school]).saturating_sub(room);
        if over > 0 {
            school = cut(&school, over);
        }
    }
    let who: Vec<&str> = [name.as_str(), subject.as_str(), school.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let first = two_sided(
        vec![Span::styled(
            format!(" {}", who.join(" · ")),
            theme::title(),
        )],
        vec![Span::styled(cadence, theme::dim())],
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
                    Span::styled(" Focus  ", theme::accent()),
                    Span::raw(text::line(&focus.statement).into_owned()),
                ],
                vec![Span::styled(since, theme::dim())],
                area.width,
            )
        }
        None => Line::from(vec![
            Span::styled(" Focus  ", theme::accent()),
            Span::styled(
                format!(
                    "none yet: {} sets the one thing to work on",
                    key(Msg::NewFocus)
                ),
                theme::dim(),
            ),
        ]),
    };
    frame.render_widget(Paragraph::new(vec![first, second]), area);
}

/// "32 → 86 now → target 85 ✔"
pub fn goal_progress(goal: &Goal, latest: Option<f64>) -> String {
    let unit = &goal.unit;
    let value = |v: Option<f64>| v.map(|v| crate::model::shown_value(v, unit));
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

/// "☐ Share exit-ticket data…  coach  overdue 2d !" in `width` columns: the owner and
/// the date stay whole, the action is cut with `…` (the owner goes when even that is short).
pub(super) fn action_line(action: &Action, today: NaiveDate, width: usize) -> Line<'static> {
    let (mark, style) = if action.done_on.is_some() {
        ("✔", theme::ok())
    } else {
        ("☐", Style::default())
    };
    let when = match (action.done_on, action.due_on) {
        (Some(done), _) => Span::styled(
            format!("done {}", dates::short_day(done, today)),
            theme::dim(),
        ),
        (None, Some(due)) if due < today => Span::styled(
            format!("{} !", dates::relative_due(due, today)),
            theme::error(),
        ),
        (None, Some(due)) => Span::raw(format!("due {}", dates::short_day(due, today))),
        (None, None) => Span::styled("no date", theme::dim()),
    };
    // Owners and dates in columns of their usual widths (a wider one takes what it
    // needs), when that leaves the action 24 columns; in a narrow pane, as they are.
    let owner = text::truncate(&text::line(&action.owner), 14).into_owned();
    let columns = width >= 2 + 24 + 2 + 9 + 2 + 12;
    let when_width = match text::width(&when.content) {
        short if columns => short.max(12),
        short => short,
    };
    let when = Span::styled(
        text::fit(&when.content, when_width).into_owned(),
        when.style,
    );
    let mut room = width.saturating_sub(2 + when_width + 2);
    let owner_width = match text::width(&owner) {
        short if columns => short.max(9),
        short => short,
    };
    // The owner (also in the detail) gives way when the action would keep fewer than
    // 24 columns of what it says.
    let keep = text::width(&text::line(&action.what)).min(24);
    let owner = if room >= owner_width + 2 + keep {
        room -= owner_width + 2;
        Some(text::fit(&owner, owner_width).into_owned())
    } else {
        None
    };
    let what = text::fit(&text::line(&action.what), room).into_owned();
    let mut spans = vec![
        Span::styled(format!("{mark} "), style),
        Span::raw(format!("{what}  ")),
    ];
    if let Some(owner) = owner {
        spans.push(Span::styled(format!("{owner}  "), theme::accent()));
    }
    spans.push(when);
    Line::from(spans)
}
