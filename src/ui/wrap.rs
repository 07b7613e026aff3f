//! Laying text out on rows ourselves where the row count matters before drawing: pieces
//! that must stay whole (a look-for with its number and tick, a classroom with its box)
//! and evidence whose wrapped rows decide what stays in view.

use crate::text;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `words`, made one line, folded to `width` after an indent of `indent` columns, in
/// `style`.
pub fn folded(words: &str, indent: usize, width: usize, style: Style) -> Vec<Line<'static>> {
    text::wrap(&text::line(words), width.saturating_sub(indent).max(1))
        .into_iter()
        .map(|row| Line::styled(format!("{}{row}", " ".repeat(indent)), style))
        .collect()
}

/// Width of a piece made of spans.
fn width_of(spans: &[Span]) -> usize {
    spans.iter().map(|s| text::width(&s.content)).sum()
}

/// Places `pieces` on rows of `width`, each whole (one wider than a row is cut with …),
/// `gap` columns apart. The first row starts with `lead` (a label), the others with as
/// many spaces, so the pieces line up under each other.
pub fn pieces<'a>(
    lead: Vec<Span<'a>>,
    pieces: Vec<Vec<Span<'a>>>,
    gap: usize,
    width: usize,
) -> Vec<Line<'a>> {
    placed(lead, pieces, gap, width).0
}

/// [`pieces`], and the row each piece went to.
pub fn placed<'a>(
    lead: Vec<Span<'a>>,
    pieces: Vec<Vec<Span<'a>>>,
    gap: usize,
    width: usize,
) -> (Vec<Line<'a>>, Vec<usize>) {
    let indent = width_of(&lead);
    let room = width.saturating_sub(indent).max(1);
    let mut rows: Vec<Vec<Span<'a>>> = vec![lead];
    let mut used = 0;
    let mut at = Vec::with_capacity(pieces.len());
    for mut piece in pieces {
        let mut wide = width_of(&piece);
        if wide > room {
            let joined: String = piece.iter().map(|s| s.content.as_ref()).collect();
            let style = piece.first().map(|s| s.style).unwrap_or_default();
            piece = vec![Span::styled(
                text::truncate(&joined, room).into_owned(),
                style,
            )];
            wide = room;
        }
        let spacing = if used == 0 { 0 } else { gap };
        if used > 0 && used + spacing + wide > room {
            rows.push(vec![Span::raw(" ".repeat(indent))]);
            used = 0;
        } else if spacing > 0 {
            if let Some(row) = rows.last_mut() {
                row.push(Span::raw(" ".repeat(spacing)));
            }
            used += spacing;
        }
        used += wide;
        at.push(rows.len() - 1);
        if let Some(row) = rows.last_mut() {
            row.extend(piece);
        }
    }
    (rows.into_iter().map(Line::from).collect(), at)
}

/// `line` cut into rows of at most `width` columns at spaces (a word longer than a row
/// is split), no row starting with the space it was cut at.
pub fn words(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row = String::new();
    for word in line.split(' ') {
        let mut word = word.to_string();
        loop {
            let sep = usize::from(!row.is_empty());
            if text::width(&row) + sep + text::width(&word) <= width {
                if sep == 1 {
                    row.push(' ');
                }
                row.push_str(&word);
                break;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
                continue;
            }
            // A word wider than a row: as much as fits, the rest on the next.
            let mut head = String::new();
            let mut chars = word.chars();
            for c in chars.by_ref() {
                if text::width(&head) + text::width(&c.to_string()) > width {
                    rows.push(std::mem::take(&mut head));
                    head.push(c);
                    break;
                }
                head.push(c);
            }
            word = format!("{head}{}", chars.as_str());
            if text::width(&word) <= width {
                row = word;
                break;
            }
        }
    }
    rows.push(row);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn pieces_stay_whole_and_line_up_under_the_label() {
        let look_fors = ["✔ 1 posted", "☐ 2 names target", "☐ 3 students explain"]
            .iter()
            .map(|p| vec![Span::raw(*p)])
            .collect();
        let rows = pieces(vec![Span::raw("Look-fors  ")], look_fors, 3, 40);
        assert_eq!(
            plain(&rows),
            [
                "Look-fors  ✔ 1 posted   ☐ 2 names target",
                "           ☐ 3 students explain"
            ]
        );
    }

    #[test]
    fn words_wrap_at_spaces_and_split_only_a_word_too_long() {
        assert_eq!(
            words("Kelly answers; T praises her reasoning", 16),
            ["Kelly answers; T", "praises her", "reasoning"]
        );
        assert_eq!(words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(words("", 10), [""]);
    }
}
