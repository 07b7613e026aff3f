//! The help overlay: every key, generated from the key table the app itself uses.

use super::{centered, theme};
use crate::app::keymap::{self, Msg};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn render(scroll: u16, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 64, area.height.saturating_sub(2));
    super::clear_around(frame, popup, area);
    let mut lines = Vec::new();
    for (context, keys) in keymap::help() {
        lines.push(Line::from(Span::styled(context.title(), theme::title())));
        for (key, hint) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", text::fit(&key, 16)), theme::key()),
                Span::raw(hint),
            ]));
        }
        lines.push(Line::default());
    }
    // The app stops the scroll at the last section, so every scroll key shows a change;
    // there (End) the view goes on to the very last line when the section is taller
    // than the window.
    let last = u16::try_from(keymap::help_line(keymap::Context::Global)).unwrap_or(u16::MAX);
    let visible = popup.height.saturating_sub(2);
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let scroll = if scroll >= last {
        last.max(total.saturating_sub(visible))
    } else {
        scroll
    };
    let key = |msg| keymap::key_for(keymap::Context::Help, msg);
    let block = Block::bordered()
        .title(format!(
            " Keys · {}{} scroll · {} close ",
            key(Msg::Up),
            key(Msg::Down),
            key(Msg::Cancel)
        ))
        .border_style(theme::accent());
    // Where the window is, as the brief says it: the list is longer than any screen.
    let first = scroll.saturating_add(1).min(total);
    let shown = scroll.saturating_add(visible).min(total);
    let block = if total > visible {
        block
            .title_bottom(Line::from(format!(" lines {first}–{shown} of {total} ")).right_aligned())
    } else {
        block
    };
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        popup,
    );
}
