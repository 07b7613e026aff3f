//! The help overlay: every key, generated from the key table the app itself uses.

use super::{centered, theme};
use crate::app::keymap;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(scroll: u16, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 64, area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let mut lines = Vec::new();
    for (context, keys) in keymap::help() {
        lines.push(Line::from(Span::styled(context.title(), theme::TITLE)));
        for (key, hint) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", text::fit(&key, 16)), theme::KEY),
                Span::raw(hint),
            ]));
        }
        lines.push(Line::default());
    }
    let max_scroll = (lines.len() as u16).saturating_sub(popup.height.saturating_sub(2));
    let block = Block::bordered()
        .title(" Keys · ↑↓ scroll · Esc close ")
        .border_style(theme::ACCENT);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}
