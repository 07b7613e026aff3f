//! A list tab of the workspace: the records beside the selected one's detail.

use super::{action_line, key, trend};
use crate::app::keymap::{self, Context, Msg};
use crate::app::workspace::{Tab, Workspace, first_line};
use crate::model::GoalStatus;
use crate::model::{Goal, TeacherFile};
use crate::text;
use crate::ui::header::title_that_fits;
use crate::ui::theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, HighlightSpacing, List, ListItem, ListState, Paragraph};

/// The list and the detail pane of a list tab.
pub(super) fn areas(tab: Tab, area: Rect) -> [Rect; 2] {
    // The timeline reads across: its lines get the full width, the detail goes below.
    if tab == Tab::Timeline {
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area)
    } else {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    }
}

pub(super) fn render_list(
    (workspace, hits): (&Workspace, &crate::app::mouse::Hits),
    tab: Tab,
    today: NaiveDate,
    frame: &mut Frame,
    area: Rect,
) {
    let [list_area, detail_area] = areas(tab, area);
    let short = |s: &str, n: usize| text::truncate(&text::line(s), n).into_owned();
    let file = &workspace.file;
    // Borders, and the selection mark with its space.
    let row_width = usize::from(list_area.width).saturating_sub(4);
    let height = usize::from(list_area.height.saturating_sub(2));
    let window = workspace.list().visible_range(height);
    // A ten-year timeline has over a thousand lines: only those in view are built, the
    // first of them at the top of the list.
    let timeline = matches!(tab, Tab::Timeline | Tab::Overview).then(|| workspace.timeline());
    let first = if timeline.is_some() { window.start } else { 0 };
    let items: Vec<ListItem> = match tab {
        Tab::Goals => file
            .goals
            .iter()
            .map(|g| ListItem::new(goal_row(file, g, today, row_width)))
            .collect(),
        Tab::Observations => file
            .observations
            .iter()
            .map(|o| {
                let time = o.observed_at.format("%H:%M").to_string();
                let rating = o.rating.map_or("·".to_string(), |r| r.value().to_string());
                let private = if o.private { "private " } else { "" };
                // A visit of another year shows its year where the time was: the list of a
                // long history would otherwise mix years it does not tell apart.
                let year = o.observed_at.format("%Y").to_string();
                let when = if year == today.format("%Y").to_string() {
                    time.clone()
                } else {
                    format!("{year:>5}")
                };
                let lead = format!("{} {when} ", o.observed_at.format("%e %b"));
                let room = row_width
                    .saturating_sub(text::width(&lead) + text::width(&rating) + 1 + private.len());
                ListItem::new(Line::from(vec![
                    Span::styled(lead, theme::dim()),
                    Span::styled(format!("{rating} "), theme::accent()),
                    Span::styled(private, theme::warn()),
                    Span::raw(short(unstamped(first_line(&o.evidence), &time), room)),
                ]))
            })
            .collect(),
        Tab::CheckIns => file
            .check_ins
            .iter()
            .map(|c| {
                let lead = c.held_on.format("%e %b %Y ").to_string();
                let kind = format!("{} ", c.kind);
                let room = row_width.saturating_sub(text::width(&lead) + text::width(&kind));
                ListItem::new(Line::from(vec![
                    Span::styled(lead, theme::dim()),
                    Span::styled(kind, theme::accent()),
                    Span::raw(short(first_line(&c.notes), room)),
                ]))
            })
            .collect(),
        Tab::Actions => file
            .actions
            .iter()
            .map(|a| ListItem::new(action_line(a, today, row_width)))
            .collect(),
        Tab::Timeline | Tab::Overview => timeline
            .as_deref()
            .unwrap_or_default()
            .iter()
            .skip(window.start)
            .take(window.len())
            .map(|e| {
                let style = if e.marker {
                    theme::marker()
                } else {
                    Style::default()
                };
                let lead = e.at.format("%e %b %Y ").to_string();
                let room = row_width.saturating_sub(text::width(&lead) + 12);
                ListItem::new(Line::from(vec![
                    Span::styled(lead, theme::dim()),
                    Span::styled(
                        format!("{} ", text::fit(e.kind.label(), 11)),
                        theme::accent(),
                    ),
                    Span::styled(short(&e.summary, room), style),
                ]))
            })
            .collect(),
    };
    let count = timeline
        .as_ref()
        .map_or(items.len(), |entries| entries.len());
    let timeline_keys = format!(
        "({} kind, {} dates)",
        key(Msg::TimelineShow),
        key(Msg::TimelineDates)
    );
    let older = keymap::key_for(Context::Global, Msg::Down);
    // Observations load a page at a time: until all are, the timeline holds more.
    let more = if workspace.file.all_observations {
        ""
    } else {
        "+"
    };
    let titles = match tab {
        Tab::Timeline if workspace.filter.is_set() => vec![
            format!(
                " Timeline · {} · {count}{more} {timeline_keys} ",
                workspace.filter.describe()
            ),
            format!(
                " Timeline · {} · {count}{more} ",
                workspace.filter.describe()
            ),
            format!(
                " Timeline · {} · {count}{more} ",
                workspace.filter.show.label()
            ),
            format!(" Timeline · {count}{more} "),
        ],
        Tab::Timeline => vec![
            format!(" Timeline · {count}{more} {timeline_keys} "),
            format!(" Timeline · {count}{more} "),
        ],
        Tab::Observations if !workspace.file.all_observations => vec![
            format!(" Observations · {count}+ ({older} loads older) "),
            format!(" Observations · {count}+ "),
            format!(" {count}+ "),
        ],
        _ => vec![format!(" {} · {count} ", tab.title()), format!(" {count} ")],
    };
    let title = title_that_fits(&titles, list_area.width);
    if count == 0 {
        let hint = match tab {
            Tab::Goals => format!("No goals yet: {} adds one.", key(Msg::Add)),
            Tab::Observations => format!("No observations yet: {} observes.", key(Msg::Observe)),
            Tab::CheckIns => format!("No check-ins yet: {} holds one.", key(Msg::CheckIn)),
            Tab::Actions => format!("No actions yet: {} adds one.", key(Msg::Add)),
            _ => "Nothing recorded yet.".to_string(),
        };
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme::dim())
                .block(Block::bordered().title(title_that_fits(&titles, area.width))),
            area,
        );
        return;
    }
    // Where each item in view is drawn, for the mouse: inside the border, item under item.
    let mut y = list_area.y + 1;
    for (index, item) in items.iter().enumerate().skip(window.start - first) {
        let height = u16::try_from(item.height()).unwrap_or(u16::MAX);
        if y.saturating_add(height) > list_area.bottom().saturating_sub(1) {
            break;
        }
        let row = Rect::new(
            list_area.x + 1,
            y,
            list_area.width.saturating_sub(2),
            height,
        );
        hits.add(row, crate::app::mouse::Target::ListRow(first + index));
        y += height;
    }
    let mut state = ListState::default()
        .with_offset(window.start - first)
        .with_selected(Some(workspace.selected().saturating_sub(first)));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(title))
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always)
            .highlight_style(theme::selected()),
        list_area,
        &mut state,
    );
    hits.add(detail_area, crate::app::mouse::Target::Detail);
    super::detail::render(workspace, tab, today, frame, detail_area);
}

/// The first line of an observation without the capture stamp that repeats its time
/// ("10:03  Students…" on a visit at 10:03).
pub(super) fn unstamped<'a>(line: &'a str, time: &str) -> &'a str {
    line.strip_prefix(time)
        .filter(|rest| rest.starts_with(' '))
        .map_or(line, str::trim_start)
}

/// "● Students on task in the first 10…  86% · target 85% ▁█ ! past target date": the goal's
/// facts at the right, the statement given the rest of the row.
fn goal_row(file: &TeacherFile, g: &Goal, today: NaiveDate, width: usize) -> Line<'static> {
    let mark = match g.status {
        GoalStatus::Active => "●",
        GoalStatus::Met => "✔",
        GoalStatus::Dropped => "✗",
    };
    let values: Vec<f64> = file
        .measures_of(&g.meta.id)
        .map(|m| m.score(&g.unit))
        .collect();
    let latest = values.last().copied();
    let late = g.past_target_date(latest, today);
    // The facts as fully as they fit beside a few words of the statement: the trend goes
    // first, then the target, then the words of the flag (its `!` stays).
    let facts = |with_target: bool, with_trend: bool, flag: &'static str| {
        let mut facts = Vec::new();
        if let Some(latest) = latest {
            facts.push(Span::styled(
                crate::model::shown_value(latest, &g.unit),
                theme::accent(),
            ));
            if let Some(target) = g.target.filter(|_| with_target) {
                facts.push(Span::styled(
                    format!(" · target {}", crate::model::shown_value(target, &g.unit)),
                    theme::dim(),
                ));
            }
            if with_trend {
                facts.push(Span::raw(format!(" {}", trend(g, &values))));
            }
        }
        if late {
            facts.push(Span::styled(flag, theme::error()));
        }
        facts
    };
    let spans_width = |spans: &[Span]| spans.iter().map(|s| text::width(&s.content)).sum::<usize>();
    let candidates = [
        facts(true, true, " ! past target date"),
        facts(true, false, " ! past target date"),
        facts(false, false, " ! past due"),
    ];
    let chosen = candidates
        .iter()
        .find(|facts| width >= spans_width(facts) + 4 + 20)
        .unwrap_or(&candidates[2])
        .clone();
    let room = width.saturating_sub(spans_width(&chosen) + 2 + 2);
    let statement = text::fit(&text::line(&g.statement), room).into_owned();
    let mut spans = vec![Span::raw(format!("{mark} {statement}  "))];
    spans.extend(chosen);
    Line::from(spans)
}
