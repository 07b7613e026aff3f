//! The conference brief on screen: the Markdown, as text, scrollable.

use super::{centered, theme};
use crate::app::brief::Brief;
use crate::app::keymap::{self, Context, Msg};
use crate::text;

fn key(msg: Msg) -> String {
    keymap::key_for(Context::Brief, msg)
}
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn render(brief: &Brief, frame: &mut Frame, area: Rect) {
    let popup = centered(area, area.width.saturating_sub(2).min(100), area.height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(
            " Brief · {} · {} write HTML · {} write Markdown · {} close ",
            text::line(&brief.teacher_name),
            key(Msg::WriteHtml),
            key(Msg::WriteMarkdown),
            key(Msg::Cancel)
        ))
        .border_style(theme::ACCENT);
    frame.render_widget(
        Paragraph::new(text::block(&brief.markdown).into_owned())
            .wrap(Wrap { trim: false })
            .scroll((brief.scroll, 0))
            .block(block),
        popup,
    );
}
