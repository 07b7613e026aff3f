//! Text from the database or a paste is shown as text: control characters and escape
//! sequences never reach the terminal raw.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

/// Shortens to at most `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
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
    fn truncate_counts_columns_and_marks_the_cut() {
        assert_eq!(truncate("Warm-up connects", 8), "Warm-up…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("日本語の文", 5), "日本…");
    }
}
