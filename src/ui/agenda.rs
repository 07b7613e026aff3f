//! The agenda: who is due, who has not been seen, and what is owed, across the caseload.

use super::{roster, theme};
use crate::app::App;
use crate::app::agenda::{Agenda, Item};
use crate::dates;
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

pub fn render(app: &App, agenda: &Agenda, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let [header, top, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(45),
        Constraint::Min(4),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" Agenda · {}", today.format("%a %-d %b %Y")),
            theme::TITLE,
        )),
        header,
    );
    let [check_ins, not_observed] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(top);

    let due_lines = agenda
        .check_ins
        .iter()
        .map(|item| {
            let (when, urgent) = roster::next_check_in(item.date, today);
            let style = if urgent {
                theme::ERROR
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(text::fit(&when, 14).into_owned(), style),
                Span::raw(text::line(&item.teacher_name).into_owned()),
            ])
        })
        .collect();
    panel(
        agenda,
        0,
        " Check-ins due this week ",
        due_lines,
        "No check-ins due this week.",
        frame,
        check_ins,
    );

    let gap_lines = agenda
        .not_observed
        .iter()
        .map(|item| {
            let seen = roster::seen(item.date, today, agenda.gap_days).0;
            Line::from(vec![
                Span::raw(format!(
                    "{} ",
                    text::fit(&text::line(&item.teacher_name), 21)
                )),
                Span::styled(seen, theme::WARN),
            ])
        })
        .collect();
    let gap_title = format!(" Not observed in {} days ", agenda.gap_days);
    panel(
        agenda,
        1,
        &gap_title,
        gap_lines,
        "Everyone was observed lately.",
        frame,
        not_observed,
    );

    let action_lines = agenda
        .actions
        .iter()
        .map(|item| action_line(item, today))
        .collect();
    panel(
        agenda,
        2,
        " Open actions by owner ",
        action_lines,
        "No open actions.",
        frame,
        bottom,
    );
}

fn action_line(item: &Item, today: NaiveDate) -> Line<'static> {
    let Some(action) = &item.action else {
        return Line::default();
    };
    let due = match action.due_on {
        Some(due) if due < today => Span::styled(
            format!("{} !", dates::relative_due(due, today)),
            theme::ERROR,
        ),
        Some(due) => Span::raw(dates::short_day(due, today)),
        None => Span::styled("no date", theme::DIM),
    };
    let surname = item
        .teacher_name
        .split(',')
        .next()
        .unwrap_or(&item.teacher_name)
        .trim();
    Line::from(vec![
        Span::styled(
            format!("{} ", text::fit(&text::line(&action.owner), 10)),
            theme::ACCENT,
        ),
        Span::raw(format!(
            "{} · {}  ",
            text::truncate(&text::line(&action.what), 40),
            text::line(surname)
        )),
        due,
    ])
}

fn panel(
    agenda: &Agenda,
    index: usize,
    title: &str,
    lines: Vec<Line<'static>>,
    empty: &str,
    frame: &mut Frame,
    area: Rect,
) {
    let focused = agenda.panel == index;
    let block = Block::bordered()
        .title(title.to_string())
        .border_style(if focused {
            theme::ACCENT
        } else {
            Style::default()
        });
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(empty.to_string())
                .style(theme::DIM)
                .block(block),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = lines.into_iter().map(ListItem::new).collect();
    let mut state = ListState::default().with_selected(focused.then_some(agenda.selected[index]));
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme::SELECTED),
        area,
        &mut state,
    );
}
