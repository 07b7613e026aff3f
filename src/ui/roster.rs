//! The roster: who is due, who is overdue, who has not been seen lately.

use super::fixed_table::{self, FixedTable};
use super::header::two_sided;
use super::{sparkline, theme};
use crate::app::App;
use crate::app::keymap::{Context as C, Msg, key_for as key};
use crate::app::roster::{FactWidths, Widest};
use crate::dates;
use crate::model::RosterRow;
use crate::model::people::{head_count, people_count};
use crate::text;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The fewest columns a name and a focus are given before the school, then the ratings,
/// make way for them.
const NAME_MIN: usize = 12;
const FOCUS_MIN: usize = 16;
const SCHOOL_MIN: usize = 9;

/// "today", "3d", "21d!" past the coverage gap (in days), "never".
pub fn seen(last: Option<NaiveDate>, today: NaiveDate, gap_days: u32) -> (String, bool) {
    match last {
        None => ("never".into(), true),
        Some(day) => {
            let days = dates::days_between(day, today).max(0);
            let late = days > i64::from(gap_days);
            match days {
                0 => ("today".into(), false),
                _ => (format!("{days}d{}", if late { "!" } else { "" }), late),
            }
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

/// How many people the roster lists on a screen of `screen_rows` lines: all but the status
/// line and the footer, the date line, the list's borders and its column titles.
pub fn rows_shown(screen_rows: u16) -> usize {
    usize::from(screen_rows.saturating_sub(6))
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let roster = &app.roster;
    let (header, list) = super::split_top(area, 1);
    let archived = if roster.show_archived {
        " (with archived)"
    } else {
        ""
    };
    // One school for everyone is named once, in the header; a mixed caseload gets a column.
    let one_school = roster
        .one_school()
        .map(|only| format!(" · {}", text::line(only)))
        .unwrap_or_default();
    let school_column = roster.schools().len() > 1;
    let date = today.format("%a %-d %b %Y").to_string();
    // People by role where there is room ("12 teachers, 3 leaders"), else all together.
    let room = usize::from(header.width).saturating_sub(text::width(&date) + 2);
    let title = |count: String| format!(" coachlog · {count}{one_school}{archived}");
    let by_role = title(head_count(roster.roles()));
    let title = if text::width(&by_role) <= room {
        by_role
    } else {
        title(people_count(roster.roles()))
    };
    frame.render_widget(
        Paragraph::new(two_sided(
            vec![Span::styled(title, theme::title())],
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
            Span::styled(filter, theme::accent()),
        ]))
        .title_bottom(
            Line::from(format!(
                " {}/{} ",
                if roster.visible_len() == 0 {
                    0
                } else {
                    roster.selected() + 1
                },
                roster.shown_len()
            ))
            .right_aligned(),
        );

    if roster.total() == 0 {
        let hint = vec![
            Line::from(Span::styled("No teachers yet.", theme::title())),
            Line::default(),
            Line::from(format!(
                "Press {} to add the first teacher you coach, then {} to open them:",
                key(C::Roster, Msg::AddTeacher),
                key(C::Roster, Msg::Open)
            )),
            Line::from(format!(
                "set a goal and one focus, observe with {}, hold check-ins with {}.",
                key(C::Workspace, Msg::Observe),
                key(C::Workspace, Msg::CheckIn)
            )),
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
            Paragraph::new(format!(
                "No teacher matches the filter; {} clears it.",
                key(C::Filter, Msg::ClearFilter)
            ))
            .block(block),
            list,
        );
        return;
    }

    let gap = app.config.coverage_gap_days;
    // The columns are sized from every row shown, so they do not move as the list scrolls
    // (on the first frame, which has the figures of the rows on screen only, from
    // theirs); measured once, not on every key.
    let widest = roster.widest(today, Widest::titles(), |row| FactWidths {
        seen: text::width(&seen(row.last_observed, today, gap).0),
        due: text::width(&next_check_in(row.next_check_in, today).0),
        ratings: row.recent_ratings.len(),
    });
    let columns = Columns::lay_out(widest, school_column, list.width);
    // Only the rows on screen are built: with thousands of teachers, building a table row
    // for each on every frame was most of a key's time.
    let height = usize::from(list.height.saturating_sub(3));
    let window = roster.list().visible_range(height);
    let today_rows: Vec<Facts> = roster
        .visible_facts()
        .skip(window.start)
        .take(window.len())
        .map(|row| Facts::of(row, today, gap))
        .collect();
    let rows: Vec<Vec<fixed_table::Cell>> = today_rows
        .iter()
        .map(|facts| {
            let row = facts.row;
            let mut focus = Vec::new();
            let mut room = usize::from(columns.focus);
            // What sets the person apart comes before the focus: archived, a role other
            // than teacher, the groups they are in.
            let mut mark = |words: &str, style| {
                let mark = text::truncate(&format!("{words} · "), room).into_owned();
                room -= text::width(&mark);
                focus.push(Span::styled(mark, style));
            };
            if row.teacher.archived {
                mark("archived", theme::warn());
            }
            if !row.teacher.role.is_teacher() {
                mark(row.teacher.role.as_str(), theme::title());
            }
            if !row.teacher.tags.is_empty() {
                let tags: Vec<String> = row
                    .teacher
                    .tags
                    .iter()
                    .map(|tag| format!("#{}", text::line(tag)))
                    .collect();
                mark(&tags.join(" "), theme::dim());
            }
            focus.push(match &row.focus {
                Some(statement) => {
                    Span::raw(text::truncate(&text::line(statement), room).into_owned())
                }
                None => Span::styled(
                    text::truncate("no focus yet", room).into_owned(),
                    theme::dim(),
                ),
            });
            let mut cells = vec![(
                Line::from(
                    text::truncate(&text::line(&row.teacher.name), usize::from(columns.name))
                        .into_owned(),
                ),
                Style::default(),
            )];
            if columns.school > 0 {
                cells.push((
                    Line::from(Span::styled(
                        text::truncate(
                            &text::line(&row.teacher.school),
                            usize::from(columns.school),
                        )
                        .into_owned(),
                        theme::dim(),
                    )),
                    Style::default(),
                ));
            }
            cells.push((Line::from(focus), Style::default()));
            cells.push((
                Line::from(facts.seen.clone()).right_aligned(),
                if facts.seen_late {
                    theme::warn()
                } else {
                    Style::default()
                },
            ));
            cells.push((
                Line::from(facts.due.clone()),
                if facts.due_now {
                    theme::error()
                } else {
                    Style::default()
                },
            ));
            if columns.ratings > 0 {
                cells.push((Line::from(sparkline(&row.recent_ratings)), Style::default()));
            }
            cells
        })
        .collect();
    let mut widths = vec![columns.name];
    let mut header = vec![Line::from("Teacher")];
    if columns.school > 0 {
        widths.push(columns.school);
        header.push(Line::from("School"));
    }
    widths.extend([columns.focus, columns.seen, columns.due]);
    header.extend([
        Line::from("Focus"),
        Line::from("Seen").right_aligned(),
        Line::from("Check-in"),
    ]);
    if columns.ratings > 0 {
        widths.push(columns.ratings);
        header.push(Line::from("Ratings"));
    }
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let table = FixedTable {
        widths,
        header,
        header_style: theme::dim(),
        rows,
        selected: roster
            .list()
            .selected()
            .and_then(|selected| selected.checked_sub(window.start)),
        mark: "▶",
        selected_style: theme::selected(),
    };
    table.render(inner, frame.buffer_mut());
    // Each row is a line inside the border, under the column titles.
    let ids = roster.list().ids();
    for (line, index) in window.clone().enumerate() {
        let y = list.y.saturating_add(2).saturating_add(line as u16);
        if let Some(id) = ids.get(index)
            && y < list.bottom().saturating_sub(1)
        {
            let row = Rect::new(list.x + 1, y, list.width.saturating_sub(2), 1);
            app.hits
                .add(row, crate::app::mouse::Target::RosterRow(id.to_string()));
        }
    }
}

/// What a roster row in view says about one teacher. A row whose figures are not read
/// yet says nothing of them.
struct Facts<'a> {
    row: &'a RosterRow,
    seen: String,
    seen_late: bool,
    due: String,
    due_now: bool,
}

impl<'a> Facts<'a> {
    fn of(row: &'a RosterRow, today: NaiveDate, gap_days: u32) -> Facts<'a> {
        let (seen, seen_late) = seen(row.last_observed, today, gap_days);
        let (due, due_now) = next_check_in(row.next_check_in, today);
        Facts {
            row,
            seen,
            seen_late,
            due,
            due_now,
        }
    }
}

/// The roster's column widths: the short facts (seen, check-in, ratings) as wide as
/// their widest value, the rest shared by the columns that carry text. When the room
/// runs short the school goes first, then the ratings; name and focus stay.
#[derive(Debug, PartialEq, Eq)]
struct Columns {
    name: u16,
    school: u16,
    focus: u16,
    seen: u16,
    due: u16,
    ratings: u16,
}

impl Widest {
    /// The columns' titles' widths: a column is at least as wide as its title.
    fn titles() -> Widest {
        Widest {
            name: text::width("Teacher"),
            school: text::width("School"),
            seen: text::width("Seen"),
            due: text::width("Check-in"),
            ratings: text::width("Ratings"),
        }
    }
}

impl Columns {
    fn lay_out(widest: Widest, school_column: bool, width: u16) -> Columns {
        let (seen, due, ratings) = (widest.seen, widest.due, widest.ratings);
        // A name gets a column more than it needs, to stand apart from what follows.
        let names = widest.name + 1;
        let schools = widest.school;
        // Borders (2), the selection mark (1) and a column of margin at the right.
        let inner = usize::from(width).saturating_sub(4);
        // Each column after the first is one space from the one before.
        let mut fixed = seen + due + 3;
        let text_min = NAME_MIN + FOCUS_MIN;
        let mut ratings = ratings;
        let mut school = school_column.then_some(schools);
        if inner < fixed + ratings + 1 + text_min + school.map_or(0, |_| SCHOOL_MIN + 1) {
            school = None;
        }
        if inner < fixed + ratings + 1 + text_min {
            ratings = 0;
        } else {
            fixed += ratings + 1;
        }
        let mut room = inner.saturating_sub(fixed + school.map_or(0, |_| 1));
        let school = school.map_or(0, |widest| widest.min(room / 4).max(SCHOOL_MIN));
        room = room.saturating_sub(school);
        let name = names.min((room * 2 / 5).max(NAME_MIN)).min(room);
        let focus = room - name;
        let narrow = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        Columns {
            name: narrow(name),
            school: narrow(school),
            focus: narrow(focus),
            seen: narrow(seen),
            due: narrow(due),
            ratings: narrow(ratings),
        }
    }
}
