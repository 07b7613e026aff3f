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

/// What is out of sight, `above` and `below` lines, and the keys that bring it:
/// " ↓ 4 more · J ", " ↑ 2 more · K ", " ↑ 2 ↓ 4 · K/J "; none when everything shows.
pub fn cue(above: usize, below: usize, (up, down): (&str, &str)) -> Option<String> {
    match (above, below) {
        (0, 0) => None,
        (0, _) => Some(format!(" ↓ {below} more · {down} ")),
        (_, 0) => Some(format!(" ↑ {above} more · {up} ")),
        _ => Some(format!(" ↑ {above} ↓ {below} · {up}/{down} ")),
    }
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
    let below = lines.len().saturating_sub(offset + height);
    if let Some(cue) = cue(offset, below, (up, down))
        && text::width(&cue) + 2 <= usize::from(area.width)
    {
        block = block.title_bottom(Line::from(cue).right_aligned());
    }
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
