//! A header row with text on both sides, as the roster, the workspace and capture draw it.

use crate::text;
use ratatui::text::{Line, Span};

/// `left` from the left edge and `right` ending one column before the right edge. When
/// both do not fit, `left` is cut (with `…`) so that `right` stays whole: the right side
/// holds short facts (a date, a cadence, a rating) that mean nothing when cut.
pub fn two_sided(left: Vec<Span<'static>>, right: Vec<Span<'static>>, width: u16) -> Line<'static> {
    let right_width: usize = right.iter().map(|s| text::width(&s.content)).sum();
    // One column between the sides, one at the edge.
    let mut room = usize::from(width).saturating_sub(right_width + 2);
    let mut spans = Vec::with_capacity(left.len() + right.len() + 1);
    let mut used = 0;
    for span in left {
        let span_width = text::width(&span.content);
        if span_width <= room {
            room -= span_width;
            used += span_width;
            spans.push(span);
            continue;
        }
        let cut = text::truncate(&span.content, room).into_owned();
        used += text::width(&cut);
        spans.push(Span::styled(cut, span.style));
        break;
    }
    let pad = usize::from(width).saturating_sub(used + right_width + 1);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.extend(right);
    Line::from(spans)
}

/// The first of `titles` (longest first) that fits on a border `width` columns wide
/// between its corners; the last one cut with `…` when none does.
pub fn title_that_fits(titles: &[String], width: u16) -> String {
    let room = usize::from(width).saturating_sub(2);
    titles
        .iter()
        .find(|title| text::width(title) <= room)
        .cloned()
        .unwrap_or_else(|| {
            let last = titles.last().map_or("", String::as_str);
            text::truncate(last, room).into_owned()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_right_side_ends_one_column_from_the_edge() {
        let line = two_sided(vec![" Lee, Min".into()], vec!["every 14d".into()], 30);
        assert_eq!(shown(&line), " Lee, Min           every 14d");
        assert_eq!(text::width(&shown(&line)), 29);
    }

    #[test]
    fn a_title_too_long_for_its_border_gives_way_to_a_shorter_one() {
        let titles = [
            " Actions · 6 on time · 3 late · 2 open ".to_string(),
            " Actions · 2 open ".to_string(),
        ];
        assert_eq!(title_that_fits(&titles, 60), titles[0]);
        assert_eq!(title_that_fits(&titles, 30), titles[1]);
        assert_eq!(title_that_fits(&titles, 12), " Actions…");
    }

    #[test]
    fn a_wide_left_side_is_cut_and_the_right_side_stays_whole() {
        let line = two_sided(
            vec![" Focus  ".into(), "Zoë Ødegård-Nakamura 中村".into()],
            vec!["every 14d".into()],
            30,
        );
        assert_eq!(shown(&line), " Focus  Zoë Ødegår… every 14d");
        let line = two_sided(
            vec![" 中村中村中村中村中村".into()],
            vec!["every 14d".into()],
            20,
        );
        assert_eq!(
            shown(&line),
            " 中村中…  every 14d",
            "no half of 村 left over"
        );
        assert_eq!(text::width(&shown(&line)), 19);
    }
}
