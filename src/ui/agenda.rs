//! The agenda: who is due, who has not been seen, and what is owed, across the caseload.

use super::{roster, theme};
use crate::app::App;
use crate::app::agenda::{ActionColumns, Agenda, Item, due_words, surname};
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

    let due_width = widest(&agenda.check_ins, |date| {
        roster::next_check_in(date, today).0
    }) + 2;
    let name_room = row_width(check_ins).saturating_sub(due_width);
    let due_lines = visible(agenda, 0, check_ins)
        .map(|at| &agenda.check_ins[at])
        .map(|item| {
            let (when, urgent) = roster::next_check_in(item.date, today);
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

    let seen_width = widest(&agenda.not_observed, |date| {
        roster::seen(date, today, agenda.gap_days).0
    });
    let names = agenda
        .not_observed
        .iter()
        .map(|item| text::width(&text::line(&item.teacher_name)))
        .max()
        .unwrap_or(0);
    let name_width = names.min(row_width(not_observed).saturating_sub(seen_width + 2));
    let gap_lines = visible(agenda, 1, not_observed)
        .map(|at| &agenda.not_observed[at])
        .map(|item| {
            let seen = roster::seen(item.date, today, agenda.gap_days).0;
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
    let width = row_width(bottom);
    let columns = agenda.action_columns;
    let action_lines = visible(agenda, 2, bottom)
        .map(|at| action_line(agenda.line(2, at), today, width, columns))
        .collect();
    panel(
        (agenda, &app.hits),
        2,
        " Open actions by owner ",
        action_lines,
        if agenda.awaited.is_some() {
            "Reading the open actions…"
        } else {
            "No open actions."
        },
        frame,
        bottom,
    );
}

/// The widest of the words for the items' dates, each date worded once: the lists are
/// in date order, and a district's thousand check-ins due fall on a few dozen days.
fn widest(items: &[Item], words: impl Fn(Option<NaiveDate>) -> String) -> usize {
    let mut last = None;
    let mut widest = 0;
    for item in items {
        if last != Some(item.date) {
            last = Some(item.date);
            widest = widest.max(text::width(&words(item.date)));
        }
    }
    widest
}

/// Columns of a row inside a panel: its borders and the selection mark left out.
fn row_width(area: Rect) -> usize {
    usize::from(area.width).saturating_sub(4)
}

/// The lines of panel `index` in view in `area` (inside its border): only these are
/// drawn, however long the list.
fn visible(agenda: &Agenda, index: usize, area: Rect) -> std::ops::Range<usize> {
    let height = usize::from(area.height.saturating_sub(2));
    agenda.lists[index].visible_range(height)
}

/// "overdue 2d !", "Fri 27" or "no date", in red when overdue.
fn due(due_on: Option<NaiveDate>, today: NaiveDate) -> Span<'static> {
    match due_words(due_on, today) {
        (words, Some(true)) => Span::styled(words, theme::error()),
        (words, Some(false)) => Span::raw(words),
        (words, None) => Span::styled(words, theme::dim()),
    }
}

/// "coach      Share exit-ticket data…  Smith      overdue 2d !": the owner, the
/// teacher and the date whole and in line, the action cut with `…` to the room left of
/// a row `width` wide.
fn action_line(
    item: Option<&Item>,
    today: NaiveDate,
    width: usize,
    columns: ActionColumns,
) -> Line<'static> {
    let Some((item, action)) = item.and_then(|item| Some((item, item.action.as_ref()?))) else {
        return Line::default();
    };
    let due_on = item.date;
    let owner = format!("{}  ", text::fit(&text::line(&action.owner), 10));
    let teacher = text::fit(&text::line(surname(&item.teacher_name)), columns.teacher).into_owned();
    let room = width.saturating_sub(text::width(&owner) + columns.teacher + columns.due + 4);
    Line::from(vec![
        Span::styled(owner, theme::accent()),
        Span::raw(format!(
            "{}  {teacher}  ",
            text::fit(&text::line(&action.what), room)
        )),
        due(due_on, today),
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
    let list = &agenda.lists[index];
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(empty.to_string())
                .style(theme::dim())
                .block(block),
            area,
        );
        return;
    }
    // `lines` are the ones in view, from `start`.
    let items: Vec<ListItem> = lines.into_iter().map(ListItem::new).collect();
    let height = usize::from(area.height.saturating_sub(2));
    let shown = list.visible_range(height);
    // Where each line in view is drawn, for the mouse: one line each, inside the border.
    for (line, item) in shown.clone().enumerate() {
        let y = area.y + 1 + line as u16;
        let row = Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1);
        hits.add(row, crate::app::mouse::Target::AgendaLine(index, item));
    }
    let mut state = ListState::default().with_selected(
        list.selected()
            .filter(|_| focused)
            .and_then(|at| at.checked_sub(shown.start)),
    );
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
