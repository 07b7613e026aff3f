//! A field's options or checklist on the rows of a form, each option whole; a long list
//! as a window that follows the cursor.

use crate::app::form::{Field, Kind};
use crate::text;
use crate::ui::{theme, wrap};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Rows of choices or a checklist: each option whole, wrapped under the first.
pub(super) fn option_lines(field: &Field, active: bool, width: u16) -> Option<Vec<Line<'static>>> {
    let selected = |on: bool| {
        if on {
            theme::selected()
        } else {
            Style::default()
        }
    };
    let (pieces, cursor, hint): (Vec<Vec<Span<'static>>>, usize, bool) = match &field.kind {
        Kind::Choice(choice) => (
            choice
                .options
                .iter()
                .enumerate()
                .map(|(i, option)| {
                    let chosen = choice.choice == Some(i);
                    let label = if chosen {
                        format!("[{}]", text::line(option))
                    } else {
                        text::line(option).into_owned()
                    };
                    vec![Span::styled(label, selected(chosen && active))]
                })
                .collect(),
            choice.choice.unwrap_or(0),
            false,
        ),
        Kind::Checks(checks) => (
            checks
                .items
                .iter()
                .zip(&checks.checked)
                .enumerate()
                .map(|(i, (item, on))| {
                    // Digits tick the first nine; ↑/↓ and Space reach any.
                    let number = if i < 9 {
                        format!("{} ", i + 1)
                    } else {
                        String::new()
                    };
                    let mark = if *on { "✔" } else { "☐" };
                    vec![
                        Span::styled(number, theme::key()),
                        Span::styled(
                            format!("{mark} {}", text::line(item)),
                            selected(active && i == checks.cursor),
                        ),
                    ]
                })
                .collect(),
            checks.cursor,
            checks.items.len() > 9,
        ),
        _ => return None,
    };
    Some(option_window(pieces, cursor, hint, usize::from(width)))
}

/// The most rows a list of options or a checklist takes in a form.
const OPTION_ROWS: usize = 6;

/// What reaches items past the ninth, which no digit ticks.
const ANY_HINT: &str = "(↑↓ Space: any)";

/// Options laid out on rows of `width`; when they take more than [`OPTION_ROWS`], a
/// window of them that holds the one at `cursor`, with how many more are above and below.
fn option_window(
    pieces: Vec<Vec<Span<'static>>>,
    cursor: usize,
    hint: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let mut with_hint = pieces.clone();
    if hint {
        with_hint.push(vec![Span::styled(ANY_HINT, theme::dim())]);
    }
    let lines = wrap::pieces(Vec::new(), with_hint, 2, width);
    if lines.len() <= OPTION_ROWS {
        return lines;
    }
    let (mut lines, rows) = wrap::placed(Vec::new(), pieces, 2, width);
    let at = rows.get(cursor).copied().unwrap_or(0);
    let total = lines.len();
    // Rows for options: all but one for a mark at the top or the foot, all but two in
    // the middle, the cursor on the last of them once it is past the first ones.
    let (first, shown) = if at < OPTION_ROWS - 1 {
        (0, OPTION_ROWS - 1)
    } else if at + 2 >= total {
        (total - (OPTION_ROWS - 1), OPTION_ROWS - 1)
    } else {
        (at + 3 - OPTION_ROWS, OPTION_ROWS - 2)
    };
    let above = rows.iter().filter(|&&row| row < first).count();
    let below = rows.iter().filter(|&&row| row >= first + shown).count();
    let mut marks = [
        (above > 0).then(|| format!("↑ {above} more")),
        (below > 0).then(|| format!("↓ {below} more")),
    ];
    if hint && let Some(last) = marks.iter_mut().rev().flatten().next() {
        last.push_str("  ");
        last.push_str(ANY_HINT);
    }
    let mark = |text: String| Line::styled(text::truncate(&text, width).into_owned(), theme::dim());
    let [top, foot] = marks;
    let mut window: Vec<Line<'static>> = top.into_iter().map(mark).collect();
    window.extend(lines.drain(first..first + shown));
    window.extend(foot.map(mark));
    window
}
