//! Text cleaned at the door: whatever enters coachlog (the command line, a form, a paste,
//! the editor, an import) passes through [`clean`] once before it is kept.

/// The most characters one piece of text may hold (a note of about 15,000 words).
pub const MAX_CHARS: usize = 100_000;

/// Text longer than [`MAX_CHARS`], refused whole rather than cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// How many characters it had, once cleaned.
    pub chars: usize,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "it is {} characters long, and a note may hold at most {}; shorten it and try again",
            thousands(self.chars),
            thousands(MAX_CHARS)
        )
    }
}

impl std::error::Error for TooLong {}

/// "123,456".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What a character is to the cleaner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// Kept as it is.
    Text,
    /// A line break of any convention (CR, CRLF, NEL, LS, PS): kept as `\n`.
    Break,
    /// Never kept: control characters (C0 but tab and line breaks, DEL, C1), bidi
    /// embeddings, overrides, isolates and marks, zero-width spaces and joiners of no
    /// script, the BOM, and other invisible format characters.
    Dropped,
    /// ZWJ (U+200D) or ZWNJ (U+200C): kept only inside a word where it does something.
    Joiner,
    /// A tag character (U+E0020..U+E007F): kept only in an emoji tag sequence (the flags
    /// of Scotland, England and Wales), where it follows the black flag or another tag.
    Tag,
}

fn sort(c: char) -> Sort {
    match c {
        '\t' | '\n' => Sort::Text,
        '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Sort::Break,
        '\u{200c}' | '\u{200d}' => Sort::Joiner,
        '\u{e0020}'..='\u{e007f}' => Sort::Tag,
        c if c.is_control() => Sort::Dropped,
        // Zero-width space, LRM, RLM; bidi embeddings and overrides; word joiner and
        // invisible operators; bidi isolates and deprecated format characters; the
        // Arabic letter mark; the BOM (zero-width no-break space); interlinear
        // annotation marks; the Mongolian vowel separator; the language tag.
        '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{061c}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{180e}'
        | '\u{e0001}' => Sort::Dropped,
        _ => Sort::Text,
    }
}

/// Whether a joiner between `before` and `after` is part of real text: both sides are
/// visible characters outside ASCII (an emoji, a letter or mark of a script that joins,
/// such as Persian, Arabic or Devanagari). Between ASCII letters, at the start or end, by a
/// space or beside another joiner it joins nothing and only hides something.
fn joins(before: Option<char>, after: Option<char>) -> bool {
    let visible = |c: Option<char>| {
        c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace() && sort(c) == Sort::Text)
    };
    visible(before) && visible(after)
}

/// Cleans text from any entrance: control characters (C0 and C1, but tab and line
/// break), bidi overrides, embeddings, isolates and marks, zero-width and BOM characters
/// are removed; every line break becomes `\n`. Refuses (rather than cuts) text of more
/// than [`MAX_CHARS`] characters, saying how long it is.
///
/// Two invisible characters are real text in places and are kept there: the zero-width
/// joiner inside an emoji sequence (👩‍🏫 is one picture, not 👩 and 🏫) and the zero-width
/// non-joiner in Persian and Indic words (می‌خواهم, a name spelled with it is another
/// spelling without it). Each is kept only between two visible non-ASCII characters;
/// likewise the tag characters of the subdivision flags only after the black flag.
pub fn clean(input: &str) -> Result<String, TooLong> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len());
    let mut kept = 0usize;
    let mut index = 0;
    while let Some(&c) = chars.get(index) {
        // A terminal escape sequence goes whole, not just its ESC: `ESC[31mRed` is "Red".
        if let Some(length) = escape_sequence(&chars[index..]) {
            index += length;
            continue;
        }
        index += 1;
        let keep = match sort(c) {
            Sort::Text => Some(c),
            Sort::Break => {
                // CRLF is one break.
                if c == '\r' && chars.get(index) == Some(&'\n') {
                    index += 1;
                }
                Some('\n')
            }
            Sort::Dropped => None,
            Sort::Joiner => {
                let after = chars[index..]
                    .iter()
                    .copied()
                    .find(|&next| sort(next) != Sort::Dropped);
                joins(out.chars().next_back(), after).then_some(c)
            }
            Sort::Tag => {
                let after_flag_or_tag = out
                    .chars()
                    .next_back()
                    .is_some_and(|before| before == '\u{1f3f4}' || sort(before) == Sort::Tag);
                after_flag_or_tag.then_some(c)
            }
        };
        if let Some(c) = keep {
            out.push(c);
            kept += 1;
        }
    }
    if kept > MAX_CHARS {
        return Err(TooLong { chars: kept });
    }
    Ok(out)
}

/// The length of the terminal escape sequence at the start of `chars`, if one starts
/// there: CSI (`ESC [` or U+009B, parameters, one final byte), OSC, DCS, SOS, PM and APC
/// strings (up to BEL or `ESC \\`, or the end), and two-character escapes (`ESC c`).
fn escape_sequence(chars: &[char]) -> Option<usize> {
    let (&first, rest) = chars.split_first()?;
    let (introducer, body) = match first {
        '\u{1b}' => match rest.split_first() {
            Some((&second, body)) => (second, body),
            None => return Some(1),
        },
        // The one-byte introducers are taken as such only when parameters follow: alone,
        // as a spreadsheet may leave one, they are a stray control, dropped by themselves.
        '\u{9b}' | '\u{9d}' if !rest.first().is_some_and(|c| matches!(c, '0'..='?')) => {
            return None;
        }
        '\u{9b}' => ('[', rest),
        '\u{9d}' => (']', rest),
        _ => return None,
    };
    let lead = chars.len() - body.len();
    match introducer {
        // CSI: parameter and intermediate bytes, then one final byte.
        '[' => {
            let parameters = body
                .iter()
                .take_while(|c| matches!(c, '\u{20}'..='\u{3f}'))
                .count();
            let ended = body
                .get(parameters)
                .is_some_and(|c| matches!(c, '\u{40}'..='\u{7e}'));
            Some(lead + parameters + usize::from(ended))
        }
        // Strings: up to BEL or the string terminator.
        ']' | 'P' | 'X' | '^' | '_' => {
            let mut length = 0;
            while let Some(&c) = body.get(length) {
                length += 1;
                if c == '\u{7}' || c == '\u{9c}' {
                    break;
                }
                if c == '\u{1b}' && body.get(length) == Some(&'\\') {
                    length += 1;
                    break;
                }
            }
            Some(lead + length)
        }
        // Any other escape is the ESC and the one character after it.
        c if c.is_ascii() && !c.is_ascii_control() => Some(lead),
        _ => Some(1),
    }
}

/// [`clean`] for one-line text (a name, a school, who will do an action): tabs and line
/// breaks become spaces, and the ends are trimmed.
pub fn clean_line(input: &str) -> Result<String, TooLong> {
    let cleaned = clean(input)?;
    Ok(cleaned
        .trim()
        .chars()
        .map(|c| if matches!(c, '\n' | '\t') { ' ' } else { c })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(input: &str) -> String {
        clean(input).unwrap()
    }

    #[test]
    fn controls_and_escape_sequences_are_removed_tabs_and_newlines_kept() {
        assert_eq!(cleaned("ok\x1b[2J\x07 done\u{9b}31m"), "ok done");
        assert_eq!(cleaned("a\tb\nc\0d\x7fe"), "a\tb\ncde");
        assert_eq!(
            cleaned("one\r\ntwo\rthree\u{85}four\u{2028}five"),
            "one\ntwo\nthree\nfour\nfive"
        );
    }

    #[test]
    fn bidi_overrides_isolates_and_marks_are_removed() {
        // The "Trojan Source" trick: text that reads differently from how it is stored.
        assert_eq!(cleaned("ab\u{202e}cd\u{202c}ef"), "abcdef");
        assert_eq!(cleaned("\u{2066}x\u{2067}y\u{2068}z\u{2069}"), "xyz");
        assert_eq!(cleaned("a\u{200e}b\u{200f}c\u{61c}d"), "abcd");
    }

    #[test]
    fn zero_width_and_bom_characters_are_removed() {
        assert_eq!(cleaned("\u{feff}Smith, Dan"), "Smith, Dan");
        assert_eq!(cleaned("ad\u{200b}min\u{2060}"), "admin");
        assert_eq!(
            cleaned("ad\u{200d}min a\u{200c}b"),
            "admin ab",
            "joiners between ASCII letters join nothing"
        );
        assert_eq!(cleaned("\u{200d}start end\u{200c}"), "start end");
    }

    #[test]
    fn joiners_that_make_real_text_are_kept() {
        // Emoji sequences: a teacher, a rainbow flag (with its variation selector), a
        // coder with a skin tone.
        for emoji in ["👩\u{200d}🏫", "🏳\u{fe0f}\u{200d}🌈", "👨🏽\u{200d}💻"] {
            assert_eq!(cleaned(emoji), emoji);
        }
        // Persian "I want" and a Hindi conjunct shown half-formed.
        assert_eq!(cleaned("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(cleaned("क्\u{200d}ष"), "क्\u{200d}ष");
        // A run of joiners keeps one; a joiner beside a removed control still sees through it.
        assert_eq!(cleaned("👩\u{200d}\u{200d}🏫"), "👩\u{200d}🏫");
        assert_eq!(cleaned("👩\u{200d}\u{7}🏫"), "👩\u{200d}🏫");
    }

    #[test]
    fn tag_characters_are_kept_only_in_a_flag() {
        let scotland = "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
        assert_eq!(cleaned(scotland), scotland);
        assert_eq!(
            cleaned("hi\u{e0069}\u{e0067}\u{e006e}"),
            "hi",
            "hidden ASCII"
        );
    }

    #[test]
    fn text_that_needs_no_cleaning_is_unchanged() {
        let note = "Zoë Ødegård-Nakamura 中村 explained the target; 24/28 on task. 👍";
        assert_eq!(cleaned(note), note);
        assert_eq!(cleaned(""), "");
    }

    #[test]
    fn too_long_text_is_refused_with_its_length() {
        assert_eq!(cleaned(&"a".repeat(MAX_CHARS)).len(), MAX_CHARS);
        let error = clean(&"a".repeat(MAX_CHARS + 1)).unwrap_err();
        assert_eq!(error.chars, 100_001);
        assert_eq!(
            error.to_string(),
            "it is 100,001 characters long, and a note may hold at most 100,000; shorten it and try again"
        );
        // What is removed does not count.
        assert!(clean(&format!("{}{}", "a".repeat(MAX_CHARS), "\u{7}".repeat(50))).is_ok());
    }

    #[test]
    fn one_line_text_folds_its_breaks() {
        assert_eq!(clean_line("  Smith,\nDan\t\u{1b} ").unwrap(), "Smith, Dan");
    }

    #[test]
    fn a_terminal_escape_sequence_goes_whole_not_just_its_escape() {
        assert_eq!(clean("\u{1b}[31mRed\u{1b}[0m").unwrap(), "Red");
        assert_eq!(clean("\u{1b}]0;pwned\u{7}Title").unwrap(), "Title");
        assert_eq!(
            clean("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b").unwrap(),
            "alinkb"
        );
        assert_eq!(clean("\u{9b}2JCleared").unwrap(), "Cleared");
        assert_eq!(clean("\u{1b}cReset").unwrap(), "Reset");
        assert_eq!(clean("ends in ESC\u{1b}").unwrap(), "ends in ESC");
        assert_eq!(clean("unfinished \u{1b}[31").unwrap(), "unfinished ");
    }
}
