//! The status line's message laid out on the rows it may take.

use crate::text;
use std::ops::Range;

/// The fewest columns a path is cut to, to keep a message on one row: less would not
/// say which file.
const SHORTEST_PATH: usize = 12;

/// A message on at most two rows of `width` columns, each after a space, cut between
/// words; what does not fit in two is cut with `…`. A short remark in brackets, such as
/// "(readable by you only)", stays on one row. A message naming a file (`path`, where in
/// `message` it is) keeps to one row, so the footer stays, by cutting the path's middle.
pub fn rows(message: &str, path: Option<Range<usize>>, width: usize) -> Vec<String> {
    let room = width.saturating_sub(1).max(1);
    if let Some(one_row) = path.and_then(|path| path_cut(message, path, room)) {
        return vec![format!(" {one_row}")];
    }
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

/// `message` in `room` columns with its path's middle cut out, if that is all it takes.
fn path_cut(message: &str, path: Range<usize>, room: usize) -> Option<String> {
    let before = text::line(message.get(..path.start)?);
    let file = text::line(message.get(path.clone())?);
    let after = text::line(message.get(path.end..)?);
    let rest = text::width(&before) + text::width(&after);
    if rest + text::width(&file) <= room {
        return Some(format!("{before}{file}{after}"));
    }
    let left = room
        .checked_sub(rest)
        .filter(|left| *left >= SHORTEST_PATH)?;
    Some(format!("{before}{}{after}", middle_cut(&file, left)))
}

/// A path cut to `width` columns in its middle, marked with `…`: its start (where it is)
/// and its end (the file's name, whole when it leaves the start a few columns).
fn middle_cut(path: &str, width: usize) -> String {
    let keep = width.saturating_sub(1);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let end = if text::width(name) + 4 <= keep {
        text::width(name) + 1
    } else {
        keep * 2 / 3
    };
    let start = text::truncate(path, keep - end + 1);
    let start = start.trim_end_matches('…');
    format!("{start}…{}", text::tail(path, end))
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
            rows(
                "Wrote /tmp/x/Okafor brief.html (readable by you only)",
                None,
                40
            ),
            [" Wrote /tmp/x/Okafor brief.html", " (readable by you only)"]
        );
    }

    #[test]
    fn past_two_rows_the_message_is_cut_with_an_ellipsis() {
        let shown = rows("one two three four five six seven eight nine ten", None, 12);
        assert_eq!(shown, [" one two", " three four…"]);
        assert_eq!(rows("short", None, 40), [" short"]);
    }

    fn wrote(path: &str) -> (String, Option<Range<usize>>) {
        (
            format!("Wrote {path} (readable by you only)"),
            Some(6..6 + path.len()),
        )
    }

    #[test]
    fn a_path_too_long_for_the_row_is_cut_in_its_middle_keeping_the_file_name() {
        let (message, path) = wrote("/home/coach/Documents/coachlog/Okafor brief 2026-11-23.html");
        let shown = rows(&message, path.clone(), 60);
        assert_eq!(
            shown,
            [" Wrote /home/coac…ief 2026-11-23.html (readable by you only)"]
        );
        assert_eq!(text::width(&shown[0]), 60);
        // Wide enough, the whole path.
        assert_eq!(rows(&message, path, 120), [format!(" {message}")]);
        // A short name is kept whole, the folder cut.
        let (message, path) = wrote("/home/coach/Documents/coachlog/briefs/Lee brief.md");
        assert_eq!(
            rows(&message, path, 60),
            [" Wrote /home/coach/Docu…/Lee brief.md (readable by you only)"]
        );
    }

    #[test]
    fn a_path_is_never_cut_to_nothing_the_message_wraps_instead() {
        let (message, path) = wrote("/home/coach/Documents/coachlog/Okafor brief.html");
        let shown = rows(&message, path, 36);
        assert_eq!(shown.len(), 2, "{shown:?}");
    }
}
