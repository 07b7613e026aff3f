//! A table whose columns have fixed widths, drawn cell by cell. ratatui's `Table` solves
//! three layouts on every draw (rows, the selection column, the columns); a fresh process
//! solving its first ones spent about a third of the roster's first frame on them. The
//! roster knows its widths already, so nothing is left to solve.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// One cell: its text, and the style laid over the whole cell first.
pub type Cell<'a> = (Line<'a>, Style);

/// A header line and rows of cells, each column `widths[i]` wide and one column apart, after
/// a column that marks the selected row with `mark`.
pub struct FixedTable<'a> {
    pub widths: Vec<u16>,
    pub header: Vec<Line<'a>>,
    pub header_style: Style,
    pub rows: Vec<Vec<Cell<'a>>>,
    /// The selected row, an index into `rows`.
    pub selected: Option<usize>,
    pub mark: &'a str,
    pub selected_style: Style,
}

impl FixedTable<'_> {
    /// Draws the header on the first line of `area` and a row on each line after it, as
    /// many as fit; a cell past the right edge is cut there.
    pub fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        // The selection column is there only while a row is selected, as in ratatui's.
        let mark_width = if self.selected.is_some() {
            u16::try_from(crate::text::width(self.mark)).unwrap_or(u16::MAX)
        } else {
            0
        };
        let line = |y: u16| Rect::new(area.x, y, area.width, 1);
        let cells = |y: u16| {
            let mut x = area.x.saturating_add(mark_width);
            self.widths.iter().map(move |width| {
                let cell = Rect::new(x, y, *width, 1).intersection(line(y));
                x = x.saturating_add(*width).saturating_add(1);
                cell
            })
        };
        buf.set_style(line(area.y), self.header_style);
        for (cell, title) in cells(area.y).zip(&self.header) {
            title.render(cell, buf);
        }
        let rows_y = (area.y + 1)..area.bottom();
        for (index, (row, y)) in self.rows.iter().zip(rows_y).enumerate() {
            for (cell, (text, style)) in cells(y).zip(row) {
                buf.set_style(cell, *style);
                text.render(cell, buf);
            }
            if self.selected == Some(index) {
                buf.set_stringn(area.x, y, self.mark, area.width.into(), Style::default());
                buf.set_style(line(y), self.selected_style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn lines(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn columns_sit_one_apart_after_the_mark_and_a_cell_past_the_edge_is_cut() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        let table = FixedTable {
            widths: vec![4, 6],
            header: vec![Line::from("Name"), Line::from("Seen").right_aligned()],
            header_style: bold,
            rows: vec![
                vec![
                    (Line::from("Ada"), Style::default()),
                    (Line::from("2d"), bold),
                ],
                vec![
                    (Line::from("Benedetta"), Style::default()),
                    (Line::from("overdue").right_aligned(), Style::default()),
                ],
                vec![(Line::from("Cy"), Style::default())],
            ],
            selected: Some(1),
            mark: "▶",
            selected_style: reversed,
        };
        let area = Rect::new(0, 0, 10, 3);
        let mut buf = Buffer::empty(area);
        table.render(area, &mut buf);
        // The header and two rows fit; the third row has no line. The second column
        // starts at 6 and is cut at the edge, four of its six columns shown.
        assert_eq!(lines(&buf), [" Name Seen", " Ada  2d  ", "▶Bene rdue"]);
        assert!(
            buf[(1, 0)].modifier.contains(Modifier::BOLD),
            "header style"
        );
        assert!(
            buf[(6, 1)].modifier.contains(Modifier::BOLD),
            "a cell's style"
        );
        assert!(!buf[(1, 1)].modifier.contains(Modifier::BOLD));
        for x in 0..10 {
            assert!(
                buf[(x, 2)].modifier.contains(Modifier::REVERSED),
                "selected row"
            );
            assert!(!buf[(x, 1)].modifier.contains(Modifier::REVERSED));
        }
    }
}
