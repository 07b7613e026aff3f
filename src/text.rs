//! Text from the database or a paste is shown as text: control characters and escape
//! sequences never reach the terminal raw. Text coming in is cleaned once, at the door
//! (`clean.rs`).

mod clean;
mod fold;

pub use clean::{MAX_CHARS, TooLong, clean, clean_line};
pub use fold::{fold, words};

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Controls, bidi overrides, isolates and marks, and the zero-width space. The joiners
/// (ZWJ, ZWNJ) are not here: they are real text in emoji and in Persian and Indic words,
/// and `clean` keeps them only there.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line for display: line breaks and tabs become spaces, other control characters
/// (ESC, BEL, C1 controls, bidi overrides) become a visible `�`.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// Multi-line text for display: keeps line breaks, makes every other control visible.
pub fn block(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                '\r' => ' ',
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// Columns a terminal gives `text`, counted the way the screen draws it: by grapheme, so
/// a wide character (CJK, most emoji) takes two, an accent or other combining mark takes
/// none, and an emoji sequence joined into one picture counts once.
pub fn width(text: &str) -> usize {
    // Most names and notes are plain ASCII: a column each, no need to find graphemes
    // (most of measuring a district's two thousand names).
    if printable_ascii(text) {
        return text.len();
    }
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Whether every byte of `text` is a printable ASCII character (one column each).
fn printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The longest start of `text` made of whole graphemes that fits in `width` columns,
/// without the spaces it ends with (so a cut reads "Northgate…", not "Northgate …"), and
/// the columns it takes.
fn head(text: &str, width: usize) -> (&str, usize) {
    if printable_ascii(text) {
        let kept = text[..width.min(text.len())].trim_end();
        return (kept, kept.len());
    }
    head_by_graphemes(text, width)
}

/// [`head`], grapheme by grapheme: for text that is not plain ASCII.
fn head_by_graphemes(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = text.len();
    for (at, grapheme) in text.grapheme_indices(true) {
        used += UnicodeWidthStr::width(grapheme);
        if used > width {
            end = at;
            break;
        }
    }
    let kept = text[..end].trim_end();
    (kept, self::width(kept))
}

/// The end of `text` that fits in `width` columns, whole graphemes only.
pub fn tail(text: &str, width: usize) -> &str {
    let mut used = 0;
    let mut start = text.len();
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        used += UnicodeWidthStr::width(grapheme);
        if used > width {
            break;
        }
        start = at;
    }
    &text[start..]
}

/// Shortens to at most `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if self::width(text) <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let (kept, _) = head(text, width - 1);
    Cow::Owned(format!("{kept}…"))
}

/// Exactly `width` columns, for text laid out in a column: cut with `…` when too wide,
/// padded with spaces when narrower. A wide character that would be split by the cut is
/// left out and its place padded, so whatever follows stays in line.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    let total = self::width(text);
    if total == width {
        return Cow::Borrowed(text);
    }
    if total < width {
        return Cow::Owned(format!("{text}{}", " ".repeat(width - total)));
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let (kept, used) = head(text, width - 1);
    Cow::Owned(format!("{kept}…{}", " ".repeat(width - 1 - used)))
}

/// Text folded into lines of at most `width` columns, between words where it can be and
/// inside a word only when one word is wider than a line. Line breaks in `text` are kept;
/// `text` is expected to be shown already (see [`block`]).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut current = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let mut word = word;
            let mut word_width = self::width(word);
            if used > 0 && used + 1 + word_width <= width {
                current.push(' ');
                current.push_str(word);
                used += 1 + word_width;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut current));
            }
            // A word wider than the line is cut into pieces that fill it.
            while word_width > width {
                let (piece, _) = head(word, width);
                let piece = if piece.is_empty() {
                    word.graphemes(true).next().unwrap_or(word)
                } else {
                    piece
                };
                lines.push(piece.to_string());
                word = word[piece.len()..].trim_start();
                word_width = self::width(word);
            }
            current.push_str(word);
            used = word_width;
        }
        lines.push(current);
    }
    lines
}

/// A number as people write it: `86`, `2.5`, `1.25` (no needless decimals).
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A measured value with its unit: `86%`, `24/28`, `12 minutes` (a word unit gets a space).
pub fn measured(value: f64, unit: &str) -> String {
    let unit = line(unit.trim());
    match unit.chars().next() {
        Some(c) if c.is_alphanumeric() => format!("{} {unit}", number(value)),
        _ => format!("{}{unit}", number(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tail_keeps_whole_characters_from_the_end() {
        assert_eq!(tail("brief.html", 4), "html");
        assert_eq!(tail("a美b", 2), "b");
        assert_eq!(tail("a美b", 3), "美b");
        assert_eq!(tail("ab", 9), "ab");
    }

    #[test]
    fn escape_sequences_in_notes_are_shown_not_obeyed() {
        let note = "ok\x1b[2J\x07 done\u{9b}31m";
        let shown = line(note);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert_eq!(shown, "ok\u{fffd}[2J\u{fffd} done\u{fffd}31m");
    }

    #[test]
    fn blocks_keep_line_breaks_and_lines_fold_them() {
        assert_eq!(block("a\nb\x1b"), "a\nb\u{fffd}");
        assert_eq!(line("a\nb\tc"), "a b c");
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn joiners_in_emoji_and_persian_names_are_shown_as_they_are() {
        // A form shows a record's text through `block`: a name spelled with ZWNJ must
        // come back from an edit as it was, not with a replacement mark.
        for text in ["👩\u{200d}🏫", "می\u{200c}خواهم"] {
            assert_eq!(line(text), text);
            assert_eq!(block(text), text);
        }
        assert_eq!(line("a\u{200b}\u{202e}b"), "a\u{fffd}\u{fffd}b");
    }

    #[test]
    fn truncate_counts_columns_and_marks_the_cut() {
        assert_eq!(truncate("Warm-up connects", 8), "Warm-up…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("Northgate Academy", 11), "Northgate…");
        assert_eq!(truncate("日本語の文", 5), "日本…");
        assert_eq!(
            truncate("日本語の文", 4),
            "日…",
            "never half a wide character"
        );
        assert_eq!(truncate("Zoe\u{308}lle", 4), "Zoe\u{308}…");
    }

    #[test]
    fn width_counts_terminal_columns_not_characters() {
        assert_eq!(width("Smith, Dan"), 10);
        assert_eq!(
            width("Zoë Ødegård"),
            11,
            "precomposed accents take one column each"
        );
        assert_eq!(width("Zoe\u{308}"), 3, "a combining mark takes no column");
        assert_eq!(width("中村"), 4, "CJK takes two columns a character");
        assert_eq!(width("ok 👍"), 5, "an emoji takes two");
        assert_eq!(
            width("👩\u{200d}🏫"),
            2,
            "a joined emoji sequence is one picture"
        );
        assert_eq!(width("a\u{200b}b"), 2, "a zero-width space takes none");
        assert_eq!(width(""), 0);
    }

    #[test]
    fn plain_ascii_is_measured_and_cut_as_graphemes_would_be() {
        let printable: String = (0x20u8..0x7f).map(char::from).collect();
        for text in [
            printable.as_str(),
            "Okafor, Ngozi  ",
            "  lead",
            "a  b   c",
            "",
        ] {
            let slow: usize = text.graphemes(true).map(UnicodeWidthStr::width).sum();
            assert_eq!(width(text), slow, "{text:?}");
            for cut in 0..=text.len() + 2 {
                assert_eq!(
                    head(text, cut),
                    head_by_graphemes(text, cut),
                    "{text:?} at {cut}"
                );
            }
        }
    }

    #[test]
    fn wrap_breaks_between_words_and_keeps_line_breaks() {
        assert_eq!(
            wrap("Students explained the target to a partner.", 16),
            ["Students", "explained the", "target to a", "partner."]
        );
        assert_eq!(wrap("one\n\ntwo", 10), ["one", "", "two"]);
        assert_eq!(wrap("Ødegård-Nakamura", 6), ["Ødegår", "d-Naka", "mura"]);
        assert_eq!(wrap("中村太郎", 3), ["中", "村", "太", "郎"]);
        for line in wrap("a long sentence of evidence seen in the room today", 9) {
            assert!(width(&line) <= 9, "{line:?}");
        }
    }

    #[test]
    fn fit_pads_short_text_to_the_column() {
        assert_eq!(fit("Lee", 6), "Lee   ");
        assert_eq!(fit("Zoë", 5), "Zoë  ");
        assert_eq!(fit("Zoe\u{308}", 5), "Zoe\u{308}  ");
        assert_eq!(fit("中村", 6), "中村  ");
        assert!(matches!(fit("exact", 5), Cow::Borrowed("exact")));
    }

    #[test]
    fn fit_cuts_long_text_with_an_ellipsis_to_exactly_the_column() {
        assert_eq!(fit("Okafor, Ngozi", 8), "Okafor,…");
        assert_eq!(
            fit("Okafor, Ngozi", 9),
            "Okafor,… ",
            "no space before the …"
        );
        assert_eq!(fit("Ødegård-Nakamura", 8), "Ødegård…");
        // The mark stays with its letter: cut before "e\u{308}", never between them.
        assert_eq!(fit("Zoe\u{308}lle", 4), "Zoe\u{308}…");
        assert_eq!(fit("Noe\u{308}l", 3), "No…");
        assert_eq!(fit("👍👍👍", 5), "👍👍…");
        assert_eq!(fit("👩\u{200d}🏫 coach", 3), "👩\u{200d}🏫…");
        assert_eq!(fit("a\u{200b}bcdef", 3), "a\u{200b}b…");
        assert_eq!(fit("anything", 0), "");
        assert_eq!(fit("anything", 1), "…");
    }

    #[test]
    fn a_cut_through_a_wide_character_pads_with_a_space_instead() {
        // 中村太郎 is 8 columns; in 6, "中村" (4) and "…" (1) leave one column that half
        // of 太 cannot fill.
        assert_eq!(fit("中村太郎", 6), "中村… ");
        assert_eq!(width(&fit("中村太郎", 6)), 6);
        assert_eq!(fit("中村太郎", 5), "中村…");
        assert_eq!(fit("Zoë中村", 5), "Zoë… ");
        for columns in 0..12 {
            let fitted = fit("Zoë Ødegård-Nakamura 中村", columns);
            assert_eq!(width(&fitted), columns, "{fitted:?}");
        }
    }
}
