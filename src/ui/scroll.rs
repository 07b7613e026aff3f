//! A bordered pane of lines that scrolls: shown from an offset, never past its last page,
//! with a cue on its bottom border when more is above or below, naming the keys.

use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The farthest `lines` lines scroll in a bordered pane `area`: where the last line is
/// at the bottom.
pub fn last_offset(lines: usize, area: Rect) -> u16 {
    let height = usize::from(area.height.saturating_sub(2));
    u16::try_from(lines.saturating_sub(height)).unwrap_or(u16::MAX)
}

/// `lines` in `block` over `area`, from `offset` (at most the last page), with a cue
/// such as "↓ 4 more · J" when they do not all fit; `up` and `down` are the keys' names.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    mut block: Block,
    lines: Vec<Line>,
    offset: u16,
    (up, down): (&str, &str),
) {
    let height = usize::from(area.height.saturating_sub(2));
    let offset = usize::from(offset.min(last_offset(lines.len(), area)));
    if lines.len() > height {
        let below = lines.len() - offset - height;
        let cue = match (offset, below) {
            (0, _) => format!(" ↓ {below} more · {down} "),
            (_, 0) => format!(" ↑ {offset} more · {up} "),
            _ => format!(" ↑ {offset} ↓ {below} · {up}/{down} "),
        };
        if text::width(&cue) + 2 <= usize::from(area.width) {
            block = block.title_bottom(Line::from(cue).right_aligned());
        }
    }
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
