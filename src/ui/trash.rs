//! The trash: each deleted record with what it was, whose, and when it was deleted.

use super::theme;
use crate::app::App;
use crate::app::keymap::{self, Context, Msg};
use crate::app::trash::Trash;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

pub fn render(app: &App, trash: &Trash, frame: &mut Frame, area: Rect) {
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let count = match trash.items.len() {
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" Trash · {count}"), theme::title())),
        header,
    );
    let title = format!(
        " Deleted · {} restore · {} purge for good ",
        keymap::key_for(Context::Trash, Msg::Open),
        keymap::key_for(Context::Trash, Msg::Purge)
    );
    if trash.items.is_empty() {
        let hint = format!(
            "The trash is empty. Deleting a record ({} on a workspace list) moves it here; \
             nothing is destroyed until you purge it.",
            keymap::key_for(Context::Workspace, Msg::Delete)
        );
        frame.render_widget(
            Paragraph::new(hint)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(" Deleted ")),
            body,
        );
        return;
    }
    let width = usize::from(body.width.saturating_sub(4));
    // When, what kind, whose, then as much of the record's words as fits.
    let teacher_width = (width / 4).clamp(8, 24);
    let summary_width = width.saturating_sub(11 + 13 + teacher_width + 2);
    let items: Vec<ListItem> = trash
        .items
        .iter()
        .map(|item| {
            let day = crate::model::local_day(&item.deleted_at, app.zone())
                .map(|day| crate::dates::short_day(day, app.now.date()))
                .unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::styled(text::fit(&day, 11).into_owned(), theme::dim()),
                Span::raw(text::fit(item.kind.label(), 13).into_owned()),
                Span::raw(text::fit(&text::line(&item.teacher), teacher_width).into_owned()),
                Span::raw("  "),
                Span::raw(text::truncate(&text::line(&item.summary), summary_width).into_owned()),
            ]))
        })
        .collect();
    let height = usize::from(body.height.saturating_sub(2));
    let start = trash.list.visible_range(height).start;
    app.hits.add_lines(body, start, items.len());
    let mut state = ListState::default()
        .with_offset(start)
        .with_selected(trash.list.selected());
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(title))
            .highlight_style(theme::selected())
            .highlight_symbol("▶"),
        body,
        &mut state,
    );
}
