//! The status line's message laid out on the rows it may take.

use crate::text;

/// A message on at most two rows of `width` columns, each after a space, cut between
/// words; what does not fit in two is cut with `…`. A short remark in brackets, such as
/// "(readable by you only)", stays on one row.
pub fn rows(message: &str, width: usize) -> Vec<String> {
    let room = width.saturating_sub(1).max(1);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for unit in units(&text::line(message), room) {
        if text::width(&unit) > room {
            // Wider than a row on its own: split where it must be.
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            let mut pieces = text::wrap(&unit, room);
            row = pieces.pop().unwrap_or_default();
            rows.extend(pieces);
        } else if row.is_empty() {
            row = unit;
        } else if text::width(&row) + 1 + text::width(&unit) <= room {
            row.push(' ');
            row.push_str(&unit);
        } else {
            rows.push(std::mem::replace(&mut row, unit));
        }
    }
    rows.push(row);
    if rows.len() > 2 {
        let rest = rows.split_off(1).join(" ");
        rows.push(text::truncate(&rest, room).into_owned());
    }
    rows.into_iter().map(|row| format!(" {row}")).collect()
}

/// The words of `message`, the words of a bracketed remark joined into one when it fits
/// in `room` columns.
fn units(message: &str, room: usize) -> Vec<String> {
    let words: Vec<&str> = message.split(' ').filter(|w| !w.is_empty()).collect();
    let mut units = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let word = words[at];
        let close = (word.starts_with('(') && !word.ends_with(')'))
            .then(|| (at + 1..words.len()).find(|&i| words[i].ends_with(')')))
            .flatten();
        if let Some(close) = close {
            let remark = words[at..=close].join(" ");
            if text::width(&remark) <= room {
                units.push(remark);
                at = close + 1;
                continue;
            }
        }
        units.push(word.to_owned());
        at += 1;
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_remark_goes_to_the_next_row_whole() {
        assert_eq!(
            rows("Wrote /tmp/x/Okafor brief.html (readable by you only)", 40),
            [" Wrote /tmp/x/Okafor brief.html", " (readable by you only)"]
        );
    }

    #[test]
    fn past_two_rows_the_message_is_cut_with_an_ellipsis() {
        let shown = rows("one two three four five six seven eight nine ten", 12);
        assert_eq!(shown, [" one two", " three four…"]);
        assert_eq!(rows("short", 40), [" short"]);
    }
}
