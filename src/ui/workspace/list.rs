//! A list tab of the workspace: the records beside the selected one's detail.

use super::{action_line, key, trend};
use crate::app::keymap::{self, Context, Msg};
use crate::app::workspace::{Tab, Workspace, first_line};
use crate::model::GoalStatus;
use crate::text;
use crate::ui::theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

pub(super) fn render_list(
    workspace: &Workspace,
    tab: Tab,
    today: NaiveDate,
    frame: &mut Frame,
    area: Rect,
) {
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
                let values: Vec<f64> = file
                    .measures_of(&g.meta.id)
                    .map(|m| m.score(&g.unit))
                    .collect();
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
    let timeline_keys = format!(
        "({} kind, {} dates)",
        key(Msg::TimelineShow),
        key(Msg::TimelineDates)
    );
    let title = match tab {
        Tab::Timeline if workspace.filter.is_set() => {
            format!(
                " Timeline · {} · {} {timeline_keys} ",
                workspace.filter.describe(),
                count
            )
        }
        Tab::Timeline => format!(" Timeline · {count} {timeline_keys} "),
        Tab::Observations if !workspace.file.all_observations => {
            format!(
                " Observations · {count}+ ({} loads older) ",
                keymap::key_for(Context::Global, Msg::Down)
            )
        }
        _ => format!(" {} · {} ", tab.title(), count),
    };
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
                .style(theme::DIM)
                .block(Block::bordered().title(title)),
            area,
        );
        return;
    }
    let height = usize::from(list_area.height.saturating_sub(2));
    let mut state = ListState::default()
        .with_offset(workspace.list().visible_range(height).start)
        .with_selected(Some(workspace.selected()));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(title))
            .highlight_style(theme::SELECTED),
        list_area,
        &mut state,
    );
    let detail = super::detail::detail(workspace, tab, today);
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Detail ")),
        detail_area,
    );
}
