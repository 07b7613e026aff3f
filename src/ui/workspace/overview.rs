//! The Overview tab: the ratings chart, what was seen last, the open actions, the goal
//! and the last check-in.

use super::{action_line, goal_progress, key, list};
use crate::app::keymap::Msg;
use crate::app::workspace::first_line;
use crate::dates;
use crate::model::{GoalStatus, TeacherFile};
use crate::text;
use crate::ui::header::title_that_fits;
use crate::ui::theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Text wrapped to `width` and kept to `height` lines, the last one ending in `…` when
/// there was more.
fn clipped(body: &str, width: usize, height: usize) -> Vec<String> {
    let mut lines = text::wrap(body, width);
    if lines.len() > height {
        lines.truncate(height);
        if let Some(last) = lines.last_mut() {
            *last = text::truncate(&format!("{last} …"), width).into_owned();
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

pub(super) fn render(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
    let [chart, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(top);
    let [seen, actions] =
        Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(right);
    let [goal, last] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(bottom);
    crate::ui::chart::render(file, today, frame, chart);
    render_last_seen(file, today, frame, seen);

    let inner = |area: Rect| usize::from(area.width.saturating_sub(2));
    let height = |area: Rect| usize::from(area.height.saturating_sub(2));
    let open: Vec<Line> = file
        .open_actions()
        .map(|a| action_line(a, today, inner(actions)))
        .collect();
    let more = open.len().saturating_sub(height(actions));
    let open = match open.len() {
        0 => vec![Line::styled("No open actions.", theme::dim())],
        _ if more > 0 && height(actions) > 1 => {
            let mut shown: Vec<Line> = open.into_iter().take(height(actions) - 1).collect();
            shown.push(Line::styled(
                format!("… {} more on the Actions tab", more + 1),
                theme::dim(),
            ));
            shown
        }
        _ => open,
    };
    let ledger = file.ledger(today);
    let titles = [
        format!(
            " Actions · {} on time · {} late · {} open ",
            ledger.on_time, ledger.late, ledger.open
        ),
        format!(" Actions · {} open · {} late ", ledger.open, ledger.late),
        format!(" Actions · {} open ", ledger.open),
        " Actions ".to_string(),
    ];
    frame.render_widget(
        Paragraph::new(open)
            .block(Block::bordered().title(title_that_fits(&titles, actions.width))),
        actions,
    );

    let goal_text = match file
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
            let progress = goal_progress(g, latest);
            let mut lines: Vec<Line> = clipped(
                &text::line(&g.statement),
                inner(goal),
                height(goal)
                    .saturating_sub(text::wrap(&progress, inner(goal)).len())
                    .max(1),
            )
            .into_iter()
            .map(Line::from)
            .collect();
            lines.extend(
                text::wrap(&progress, inner(goal))
                    .into_iter()
                    .map(|line| Line::styled(line, theme::accent())),
            );
            if g.past_target_date(latest, today) {
                lines.push(Line::styled("! past the target date", theme::error()));
            }
            lines
        }
        None => vec![Line::styled(
            format!("No goal yet: on the Goals tab, {} adds one.", key(Msg::Add)),
            theme::dim(),
        )],
    };
    frame.render_widget(
        Paragraph::new(goal_text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" Goal ")),
        goal,
    );

    let (titles, notes) = match file.check_ins.first() {
        Some(c) => (
            vec![
                format!(" Last check-in · {} ", c.held_on.format("%-d %b")),
                " Last check-in ".to_string(),
                format!(" {} ", c.held_on.format("%-d %b")),
            ],
            clipped(&text::block(&c.notes), inner(last), height(last)).join("\n"),
        ),
        None => (
            vec![" Last check-in ".to_string()],
            format!("None yet: {} holds one.", key(Msg::CheckIn)),
        ),
    };
    frame.render_widget(
        Paragraph::new(notes)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title_that_fits(&titles, last.width))),
        last,
    );
}

/// What was seen last: when, the rating, the evidence's first line and the look-fors.
fn render_last_seen(file: &TeacherFile, today: NaiveDate, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width.saturating_sub(2));
    let Some(o) = file.observations.first() else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("No visit yet: {} observes.", key(Msg::Observe)),
                theme::dim(),
            ))
            .block(Block::bordered().title(" Last seen ")),
            area,
        );
        return;
    };
    let day = dates::short_day(o.observed_at.date(), today);
    let titles = match o.rating {
        Some(r) => vec![
            format!(" Last seen · {day} · {} {} ", r.value(), r.label()),
            format!(" Last seen · {day} · {}/4 ", r.value()),
            format!(" {day} · {}/4 ", r.value()),
        ],
        None => vec![
            format!(" Last seen · {day} · not rated "),
            format!(" Last seen · {day} "),
            format!(" {day} "),
        ],
    };
    let time = o.observed_at.format("%H:%M").to_string();
    let evidence = list::unstamped(first_line(&o.evidence), &time);
    let mut lines = vec![Line::from(
        text::truncate(&text::line(evidence), width).into_owned(),
    )];
    let focus = o
        .focus_id
        .as_ref()
        .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id));
    let look_fors: Vec<String> = match focus {
        Some(focus) if !focus.look_fors.is_empty() => focus
            .look_fors
            .iter()
            .map(|l| {
                let mark = if o.look_fors_seen.contains(l) {
                    "✔"
                } else {
                    "☐"
                };
                format!("{mark} {}", text::line(l))
            })
            .collect(),
        _ => o
            .look_fors_seen
            .iter()
            .map(|l| format!("✔ {}", text::line(l)))
            .collect(),
    };
    if !look_fors.is_empty() {
        lines.push(Line::styled(
            text::truncate(&look_fors.join("  "), width).into_owned(),
            theme::dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title_that_fits(&titles, area.width))),
        area,
    );
}
