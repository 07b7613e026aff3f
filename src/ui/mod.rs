//! Rendering only: draws the app's state, never queries the database or changes state.

mod agenda;
mod brief;
mod capture;
mod chart;
mod fixed_table;
mod form;
mod header;
mod help;
mod readiness;
mod roster;
mod rounds;
mod school;
mod scroll;
mod search;
mod status;
pub mod theme;
mod time_spent;
mod trash;
mod workspace;
mod wrap;

pub use readiness::{
    ReviewPane as ReadinessReviewPane, Rows as ReadinessRows, review_pane as readiness_review_pane,
    rows as readiness_rows,
};
pub use roster::rows_shown as roster_rows_shown;
pub use time_spent::report_lines as time_report_lines;
pub use workspace::detail_end;

/// How far the school view's "At a glance" pane scrolls on a screen of `width` ×
/// `height` (the terminal less the status line and the footer): at most, and to its goal
/// measure compared.
pub fn school_glance_ends(
    app: &App,
    view: &crate::app::school::SchoolView,
    width: u16,
    height: u16,
) -> (u16, u16) {
    school::glance_ends(app, view, Rect::new(0, 0, width, height))
}

use crate::app::keymap;
use crate::app::{App, Popup, Screen};
use crate::text;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// The smallest terminal the layout is drawn in; below it a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// `area` less its last `lines`, and those lines. Worked out here rather than by a
/// [`ratatui::layout::Layout`], whose solver is most of the cost of a start's first frame.
pub fn split_bottom(area: Rect, lines: u16) -> (Rect, Rect) {
    let lines = lines.min(area.height);
    let top = Rect {
        height: area.height - lines,
        ..area
    };
    let bottom = Rect {
        y: area.y + top.height,
        height: lines,
        ..area
    };
    (top, bottom)
}

/// `area`'s first `lines`, and the rest below them.
pub fn split_top(area: Rect, lines: u16) -> (Rect, Rect) {
    split_bottom(area, area.height.saturating_sub(lines))
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    app.hits.clear();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = format!(
            "coachlog needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. \
             Make it larger, or press {} to quit.",
            area.width,
            area.height,
            keymap::key_for(keymap::Context::Global, keymap::Msg::Quit)
        );
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let (body, status_and_footer) = split_bottom(area, 2);
    let (status, footer) = split_bottom(status_and_footer, 1);
    match &app.screen {
        Screen::Roster => roster::render(app, frame, body),
        Screen::Workspace(workspace) => workspace::render(app, workspace, frame, body),
        Screen::Capture(capture) => capture::render(app, capture, frame, body),
        Screen::Rounds(rounds) => rounds::render(app, rounds, frame, body),
        Screen::Agenda(agenda) => agenda::render(app, agenda, frame, body),
        Screen::Trash(trash) => trash::render(app, trash, frame, body),
        Screen::Time(screen) => time_spent::render(app, screen, frame, body),
        Screen::School(view) => school::render(app, view, frame, body),
        Screen::Readiness(view) => readiness::render(app, view, frame, body),
    }
    for popup in &app.popups {
        match popup {
            Popup::Form(popup) => form::render(app, popup, frame, body),
            Popup::Confirm(confirm) => render_confirm(confirm, frame, body),
            Popup::Help { scroll } => help::render(*scroll, frame, body),
            Popup::Brief(brief) => brief::render(brief, frame, body),
            Popup::Search(search) => search::render(search, frame, body),
        }
    }
    let message = match &app.status {
        Some(message) if message.error => Some((
            format!("! {}", message.text),
            message.path.clone().map(|at| at.start + 2..at.end + 2),
            theme::error(),
        )),
        Some(message) => Some((message.text.clone(), message.path.clone(), theme::ok())),
        None if app.read_only() => Some((
            "! read-only: you may not write this file; you can read, search and export".into(),
            None,
            theme::error(),
        )),
        None => None,
    };
    let rows = message.map_or_else(Vec::new, |(message, path, style)| {
        status::rows(&message, path, usize::from(status.width))
            .into_iter()
            .map(|row| Line::from(Span::styled(row, style)))
            .collect()
    });
    // A message too long for its row takes the footer's too, so nothing of it is lost
    // while it is up; the keys come back with the next key.
    if rows.len() > 1 {
        let both = Rect::new(status.x, status.y, status.width, 2);
        frame.render_widget(Paragraph::new(rows), both);
        return;
    }
    frame.render_widget(Paragraph::new(rows), status);
    render_footer(&app.contexts(), frame, footer);
}

/// The keys that matter here, straight from the key table, as many as fit; the help key,
/// which leads to all the others, always keeps its place at the end.
fn render_footer(contexts: &[keymap::Context], frame: &mut Frame, area: Rect) {
    let hints = keymap::footer(contexts);
    let width = |(key, hint): &(String, &str)| text::width(key) + text::width(hint) + 3;
    let help = hints.iter().find(|(_, hint)| *hint == "help").cloned();
    let mut room = usize::from(area.width).saturating_sub(help.as_ref().map_or(0, width));
    let mut spans = Vec::new();
    let push = |(key, hint): &(String, &str), spans: &mut Vec<Span>| {
        spans.push(Span::styled(format!(" {key}"), theme::key()));
        spans.push(Span::styled(format!(" {hint} "), theme::dim()));
    };
    for entry in hints.iter().filter(|(_, hint)| *hint != "help") {
        if width(entry) > room {
            break;
        }
        room -= width(entry);
        push(entry, &mut spans);
    }
    if let Some(help) = &help {
        push(help, &mut spans);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_confirm(confirm: &crate::app::Confirm, frame: &mut Frame, area: Rect) {
    let question = confirm.question.as_str();
    // Work left by an earlier run is offered back: nothing is lost whichever the answer.
    let title = if confirm.offers_work_back() {
        " Unfinished work "
    } else {
        " Are you sure? "
    };
    let key = |msg| keymap::key_for(keymap::Context::Confirm, msg);
    let width = u16::try_from(text::width(question) + 6)
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(4))
        .max(30.min(area.width));
    // As many rows as the question wraps to, and the keys below it.
    let question_rows = wrap::words(&text::line(question), usize::from(width.saturating_sub(2)));
    let height = u16::try_from(question_rows.len() + 3).unwrap_or(u16::MAX);
    let popup = centered(area, width, height);
    clear_around(frame, popup, area);
    let block = Block::bordered().title(title).border_style(theme::accent());
    let lines = vec![
        Line::from(text::line(question).into_owned()),
        Line::from(vec![
            Span::styled(format!(" {}", key(keymap::Msg::Yes)), theme::key()),
            Span::raw(" yes   "),
            Span::styled(key(keymap::Msg::No), theme::key()),
            Span::raw(" no"),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        popup,
    );
}

/// Clears a popup's rectangle and a column either side of it (within `bounds`), so that
/// no border or letter of the screen beneath runs into the popup's side borders.
pub fn clear_around(frame: &mut Frame, popup: Rect, bounds: Rect) {
    let x = popup.x.saturating_sub(1).max(bounds.x);
    let right = (popup.right() + 1).min(bounds.right());
    frame.render_widget(
        Clear,
        Rect::new(x, popup.y, right.saturating_sub(x), popup.height),
    );
}

/// A rectangle of the given size centred in `area` (shrunk to fit).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Takes the colours off every cell, for a terminal told `NO_COLOR`. crossterm then writes
/// a colour as `ESC [ m`, which resets every attribute as well: a selected row lost its
/// reverse, and bold text its bold, at the first coloured cell. A frame with no colours
/// in it has none to write.
pub fn without_colours(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        cell.set_fg(Color::Reset).set_bg(Color::Reset);
    }
}

/// Ratings as a one-line chart: ▁ not yet … ▇ consistent.
pub fn sparkline(ratings: &[u8]) -> String {
    ratings
        .iter()
        .map(|r| match r {
            1 => '▁',
            2 => '▃',
            3 => '▅',
            _ => '▇',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{split_bottom, split_top};
    use ratatui::layout::Rect;

    #[test]
    fn a_split_gives_every_line_to_one_side() {
        let area = Rect::new(2, 3, 80, 24);
        assert_eq!(
            split_bottom(area, 2),
            (Rect::new(2, 3, 80, 22), Rect::new(2, 25, 80, 2))
        );
        assert_eq!(
            split_top(area, 1),
            (Rect::new(2, 3, 80, 1), Rect::new(2, 4, 80, 23))
        );
        // More lines than there are: the side asked for takes them all.
        assert_eq!(split_bottom(area, 30), (Rect::new(2, 3, 80, 0), area));
        assert_eq!(split_top(area, 30), (area, Rect::new(2, 27, 80, 0)));
    }
}
