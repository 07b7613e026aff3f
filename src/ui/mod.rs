//! Rendering only: draws the app's state, never queries the database or changes state.

use crate::app::App;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let today = app.clock().today();
    frame.render_widget(
        Paragraph::new(format!(
            " coachlog · {} teachers   {}",
            app.roster.len(),
            today.format("%a %-d %b %Y")
        )),
        header,
    );
    let items: Vec<ListItem> = app
        .roster
        .iter()
        .map(|row| {
            let focus = row.focus.as_deref().unwrap_or("no focus yet");
            ListItem::new(Line::from(format!(
                "{:<20} {}",
                text::truncate(&text::line(&row.teacher.name), 20),
                text::line(focus)
            )))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(" Roster "))
            .highlight_symbol("▶")
            .highlight_style(Style::new().add_modifier(Modifier::REVERSED)),
        body,
        &mut state,
    );
    frame.render_widget(Paragraph::new(" ↑↓ move  q quit"), footer);
}
