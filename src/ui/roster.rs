//! The roster: who is due, who is overdue, who has not been seen lately.

use super::header::two_sided;
use super::{sparkline, theme};
use crate::app::App;
use crate::dates;
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

/// Columns of the teacher's name; a longer one is cut with `…`.
const NAME: usize = 18;

/// "3d", "21d!" past the coverage gap (in days), "never".
pub fn seen(last: Option<NaiveDate>, today: NaiveDate, gap_days: u32) -> (String, bool) {
    match last {
        None => ("never".into(), true),
        Some(day) => {
            let days = dates::days_between(day, today).max(0);
            let late = days > i64::from(gap_days);
            (format!("{days}d{}", if late { "!" } else { "" }), late)
        }
    }
}

/// "overdue 4d !", "today", "Thu 26", "—".
pub fn next_check_in(next: Option<NaiveDate>, today: NaiveDate) -> (String, bool) {
    match next {
        None => ("—".into(), false),
        Some(day) if day < today => (format!("{} !", dates::relative_due(day, today)), true),
        Some(day) => (dates::short_day(day, today), day == today),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let roster = &app.roster;
    let [header, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let archived = if roster.show_archived {
        " (with archived)"
    } else {
        ""
    };
    // One school for everyone is named once, in the header; a mixed caseload gets a column.
    let mut schools: Vec<&str> = roster
        .all()
        .iter()
        .map(|r| r.teacher.school.trim())
        .filter(|s| !s.is_empty())
        .collect();
    schools.sort_unstable();
    schools.dedup();
    let one_school = match schools.as_slice() {
        [only] => format!(" · {}", text::line(only)),
        _ => String::new(),
    };
    let school_column = schools.len() > 1;
    let count = roster.total();
    let noun = if count == 1 { "teacher" } else { "teachers" };
    let title = format!(" coachlog · {count} {noun}{one_school}{archived}");
    let date = today.format("%a %-d %b %Y").to_string();
    frame.render_widget(
        Paragraph::new(two_sided(
            vec![Span::styled(title, theme::TITLE)],
            vec![Span::raw(date)],
            header.width,
        )),
        header,
    );

    let filter = if roster.filtering || !roster.filter.is_empty() {
        format!(
            " filter: {}{} ",
            text::line(&roster.filter),
            if roster.filtering { "▏" } else { "" }
        )
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(Line::from(vec![
            Span::raw(" Roster "),
            Span::styled(filter, theme::ACCENT),
        ]))
        .title_bottom(
            Line::from(format!(
                " {}/{} ",
                if roster.visible_len() == 0 {
                    0
                } else {
                    roster.selected() + 1
                },
                roster.visible_len()
            ))
            .right_aligned(),
        );

    if roster.total() == 0 {
        let hint = vec![
            Line::from(Span::styled("No teachers yet.", theme::TITLE)),
            Line::default(),
            Line::from("Press a to add the first teacher you coach, then ⏎ to open them:"),
            Line::from("set a goal and one focus, observe with o, hold check-ins with c."),
            Line::default(),
            Line::from("Or try the demo school first:  coachlog --demo"),
        ];
        frame.render_widget(
            Paragraph::new(hint).wrap(Wrap { trim: true }).block(block),
            list,
        );
        return;
    }
    if roster.visible_len() == 0 {
        frame.render_widget(
            Paragraph::new("No teacher matches the filter; Esc clears it.").block(block),
            list,
        );
        return;
    }

    // The school gets more room as the terminal widens; the focus keeps the rest.
    let school = if school_column {
        (list.width / 7).clamp(9, 22)
    } else {
        0
    };
    let rows: Vec<Row> = roster
        .visible()
        .map(|row| {
            let (seen_text, seen_late) =
                seen(row.last_observed, today, app.config.coverage_gap_days);
            let (due_text, due_now) = next_check_in(row.next_check_in, today);
            let mut focus = Vec::new();
            if row.teacher.archived {
                focus.push(Span::styled("archived · ", theme::WARN));
            }
            focus.push(match &row.focus {
                Some(statement) => Span::raw(text::line(statement).into_owned()),
                None => Span::styled("no focus yet", theme::DIM),
            });
            let mut cells = vec![Cell::from(
                text::truncate(&text::line(&row.teacher.name), NAME).into_owned(),
            )];
            if school_column {
                cells.push(Cell::from(Span::styled(
                    text::truncate(&text::line(&row.teacher.school), usize::from(school))
                        .into_owned(),
                    theme::DIM,
                )));
            }
            cells.extend([
                Cell::from(Line::from(focus)),
                Cell::from(Line::from(seen_text).right_aligned()).style(if seen_late {
                    theme::WARN
                } else {
                    Default::default()
                }),
                Cell::from(due_text).style(if due_now {
                    theme::ERROR
                } else {
                    Default::default()
                }),
                Cell::from(sparkline(&row.recent_ratings)),
            ]);
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Length(NAME as u16)];
    let mut header = vec!["Teacher"];
    if school_column {
        widths.push(Constraint::Length(school));
        header.push("School");
    }
    widths.extend([
        Constraint::Fill(1),
        Constraint::Length(6),
        Constraint::Length(12),
        Constraint::Length(8),
    ]);
    header.extend(["Focus", "  Seen", "Check-in", "Ratings"]);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme::DIM))
        .block(block)
        .highlight_symbol("▶")
        .row_highlight_style(theme::SELECTED);
    let mut state = TableState::default().with_selected(Some(roster.selected()));
    frame.render_stateful_widget(table, list, &mut state);
}
