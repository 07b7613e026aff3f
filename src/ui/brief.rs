//! The conference brief on screen: laid out for the terminal (headings, aligned tables,
//! wrapped lists), scrollable to its end.

use super::header::title_that_fits;
use super::{centered, theme};
use crate::app::brief::{Brief, Look, text_size};
use crate::app::keymap::{self, Context, Msg};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

fn key(msg: Msg) -> String {
    keymap::key_for(Context::Brief, msg)
}

fn style(look: Look) -> Style {
    match look {
        Look::Title => theme::title().add_modifier(Modifier::UNDERLINED),
        Look::Heading => theme::title(),
        Look::TableHeader => theme::dim().add_modifier(Modifier::BOLD),
        Look::Text => Style::default(),
        Look::Quiet => theme::dim(),
    }
}

pub fn render(brief: &Brief, frame: &mut Frame, area: Rect) {
    let (width, height) = text_size(area.width, area.height);
    let popup = centered(area, width + 2, height + 2);
    super::clear_around(frame, popup, area);
    let name = text::line(&brief.teacher_name);
    let titles = [
        format!(
            " Brief · {name} · {} write HTML · {} write Markdown · {} close ",
            key(Msg::WriteHtml),
            key(Msg::WriteMarkdown),
            key(Msg::Cancel)
        ),
        format!(" Brief · {name} "),
        " Brief ".to_string(),
    ];
    let lines = brief.lines(usize::from(width));
    let rows = usize::from(height);
    let last = lines.len().saturating_sub(rows);
    let offset = usize::from(brief.scroll).min(last);
    let mut block = Block::bordered()
        .title(title_that_fits(&titles, popup.width))
        .border_style(theme::accent());
    if lines.len() > rows {
        let shown_to = (offset + rows).min(lines.len());
        let cue = format!(" lines {}–{shown_to} of {} ", offset + 1, lines.len());
        if text::width(&cue) + 2 <= usize::from(popup.width) {
            block = block.title_bottom(Line::from(cue).right_aligned());
        }
    }
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(offset)
        .take(rows)
        .map(|line| Line::styled(line.text, style(line.look)))
        .collect();
    frame.render_widget(Paragraph::new(shown).block(block), popup);
}
