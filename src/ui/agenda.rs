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
use ratatui::widgets::{Block, BorderType, HighlightSpacing, List, ListItem, ListState, Paragraph};

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
            theme::title(),
        )),
        header,
    );
    let [check_ins, not_observed] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(top);

    let dues: Vec<(String, bool)> = agenda
        .check_ins
        .iter()
        .map(|item| roster::next_check_in(item.date, today))
        .collect();
    let due_width = dues
        .iter()
        .map(|(when, _)| text::width(when))
        .max()
        .unwrap_or(0)
        + 2;
    let name_room = row_width(check_ins).saturating_sub(due_width);
    let due_lines = agenda
        .check_ins
        .iter()
        .zip(dues)
        .map(|(item, (when, urgent))| {
            let style = if urgent {
                theme::error()
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(text::fit(&when, due_width).into_owned(), style),
                Span::raw(text::truncate(&text::line(&item.teacher_name), name_room).into_owned()),
            ])
        })
        .collect();
    panel(
        (agenda, &app.hits),
        0,
        " Check-ins due this week ",
        due_lines,
        "No check-ins due this week.",
        frame,
        check_ins,
    );

    let seens: Vec<String> = agenda
        .not_observed
        .iter()
        .map(|item| roster::seen(item.date, today, agenda.gap_days).0)
        .collect();
    let seen_width = seens.iter().map(|s| text::width(s)).max().unwrap_or(0);
    let names = agenda
        .not_observed
        .iter()
        .map(|item| text::width(&text::line(&item.teacher_name)))
        .max()
        .unwrap_or(0);
    let name_width = names.min(row_width(not_observed).saturating_sub(seen_width + 2));
    let gap_lines = agenda
        .not_observed
        .iter()
        .zip(seens)
        .map(|(item, seen)| {
            Line::from(vec![
                Span::raw(format!(
                    "{}  ",
                    text::fit(&text::line(&item.teacher_name), name_width)
                )),
                Span::styled(seen, theme::warn()),
            ])
        })
        .collect();
    let gap_title = format!(" Not observed in {} days ", agenda.gap_days);
    panel(
        (agenda, &app.hits),
        1,
        &gap_title,
        gap_lines,
        "Everyone was observed lately.",
        frame,
        not_observed,
    );

    // Owner, action, teacher and date in columns: the action takes what the others leave.
    let columns = ActionColumns {
        width: row_width(bottom),
        teacher: agenda
            .actions
            .iter()
            .map(|item| text::width(&text::line(surname(&item.teacher_name))).min(16))
            .max()
            .unwrap_or(0),
        due: agenda
            .actions
            .iter()
            .filter_map(|item| item.action.as_ref())
            .map(|action| text::width(&due(action, today).content))
            .max()
            .unwrap_or(0),
    };
    let action_lines = agenda
        .actions
        .iter()
        .map(|item| action_line(item, today, &columns))
        .collect();
    panel(
        (agenda, &app.hits),
        2,
        " Open actions by owner ",
        action_lines,
        "No open actions.",
        frame,
        bottom,
    );
}

/// Columns of a row inside a panel: its borders and the selection mark left out.
fn row_width(area: Rect) -> usize {
    usize::from(area.width).saturating_sub(4)
}

/// The widths of the open-actions panel: the whole row, the teacher and the date.
struct ActionColumns {
    width: usize,
    teacher: usize,
    due: usize,
}

/// The surname of "Smith, Dan", or the whole name when it has no comma.
fn surname(name: &str) -> &str {
    name.split(',').next().unwrap_or(name).trim()
}

/// "overdue 2d !", "Fri 27" or "no date".
fn due(action: &crate::model::Action, today: NaiveDate) -> Span<'static> {
    match action.due_on {
        Some(due) if due < today => Span::styled(
            format!("{} !", dates::relative_due(due, today)),
            theme::error(),
        ),
        Some(due) => Span::raw(dates::short_day(due, today)),
        None => Span::styled("no date", theme::dim()),
    }
}

/// "coach      Share exit-ticket data…  Smith      overdue 2d !": the owner, the
/// teacher and the date whole and in line, the action cut with `…` to the room left.
fn action_line(item: &Item, today: NaiveDate, columns: &ActionColumns) -> Line<'static> {
    let Some(action) = &item.action else {
        return Line::default();
    };
    let owner = format!("{}  ", text::fit(&text::line(&action.owner), 10));
    let teacher = text::fit(&text::line(surname(&item.teacher_name)), columns.teacher).into_owned();
    let room = columns
        .width
        .saturating_sub(text::width(&owner) + columns.teacher + columns.due + 4);
    Line::from(vec![
        Span::styled(owner, theme::accent()),
        Span::raw(format!(
            "{}  {teacher}  ",
            text::fit(&text::line(&action.what), room)
        )),
        due(action, today),
    ])
}

fn panel(
    (agenda, hits): (&Agenda, &crate::app::mouse::Hits),
    index: usize,
    title: &str,
    lines: Vec<Line<'static>>,
    empty: &str,
    frame: &mut Frame,
    area: Rect,
) {
    // The panel the keys act on has a heavy border (and colour, where there is colour).
    let focused = agenda.panel == index;
    let title = text::truncate(title, usize::from(area.width.saturating_sub(2))).into_owned();
    let block = Block::bordered()
        .title(title)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme::accent()
        } else {
            Style::default()
        });
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(empty.to_string())
                .style(theme::dim())
                .block(block),
            area,
        );
        return;
    }
    let items: Vec<ListItem> = lines.into_iter().map(ListItem::new).collect();
    let list = &agenda.lists[index];
    let height = usize::from(area.height.saturating_sub(2));
    let start = list.visible_range(height).start;
    // Where each line in view is drawn, for the mouse: one line each, inside the border.
    for (line, item) in (start..items.len()).enumerate().take(height) {
        let y = area.y + 1 + line as u16;
        let row = Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1);
        hits.add(row, crate::app::mouse::Target::AgendaLine(index, item));
    }
    let mut state = ListState::default()
        .with_offset(start)
        .with_selected(list.selected().filter(|_| focused));
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always)
            .highlight_style(theme::selected()),
        area,
        &mut state,
    );
}
