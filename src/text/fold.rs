//! Words as the search index holds them. The index (SQLite's `unicode61` tokenizer with
//! `remove_diacritics 2`) splits a note into runs of letters and digits and folds each to
//! lower case without its accents, so that "resume" finds "Résumé". Where a search
//! has to tell, outside the index, which words of a note start as typed, it folds them
//! the same way here.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` folded as the index folds it: lower case, and a Latin letter's accents taken
/// off ("Zoë Ødegård" is "zoe ødegard"; "ø", a letter of its own, stays, and so do the
/// accents of other scripts, as the index keeps them).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        // A combining accent of its own (text taken apart) is dropped, as the index does.
        if !('\u{300}'..='\u{36f}').contains(&c) {
            folded.push(unaccented(c).unwrap_or(c));
        }
    }
    folded
}

/// The plain Latin letter `c` is with its accents off, when it is one.
fn unaccented(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let mut parts = std::iter::once(c).nfd();
    let base = parts.next().filter(char::is_ascii_alphabetic)?;
    parts.all(is_combining_mark).then_some(base)
}

/// The words of `folded` (text [`fold`]ed), as the index splits them: runs of letters,
/// digits and private-use characters. Other marks (a Devanagari vowel sign, Hebrew
/// points) end a word there, as they do in the index.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !in_word(c))
        .filter(|word| !word.is_empty())
}

/// Whether the index counts `c` as part of a word (Unicode's letters, numbers and
/// private-use characters).
fn in_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let private = matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}');
    (c.is_alphanumeric() && !is_combining_mark(c)) || private
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_fold_away_and_letters_of_their_own_stay() {
        assert_eq!(
            fold("Zoë Ødegård-Nakamura 中村"),
            "zoe ødegard-nakamura 中村"
        );
        assert_eq!(fold("RÉSUMÉ"), "resume");
        // Already taken apart: the accent is a mark of its own, still dropped.
        assert_eq!(fold("Re\u{301}sume\u{301}"), "resume");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let folded = fold("Exit-tickets: 3 of 24 «Élèves»!");
        let words: Vec<&str> = words(&folded).collect();
        assert_eq!(words, ["exit", "tickets", "3", "of", "24", "eleves"]);
    }

    #[test]
    fn words_fold_as_the_search_index_folds_them() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');",
        )
        .unwrap();
        let texts = [
            "Zoë Ødegård-Nakamura 中村 naïve café façade Ångström Łódź",
            "Straße İstanbul ﬁnal Œuvre Ǘber ÇA ñandú Ελληνικά Русский",
            "Re\u{301}sume\u{301} e\u{0308} हिन्दी नमस्ते العربية שָׁלוֹם 한국어 ไทย",
            "students' 3rd ½ x² ① ‐dash — tab\there 😀emoji \u{e000}private",
        ];
        for text in texts {
            conn.execute("DELETE FROM t", []).unwrap();
            conn.execute("INSERT INTO t (body) VALUES (?1)", [text])
                .unwrap();
            let mut index: Vec<String> = conn
                .prepare("SELECT term FROM v")
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            index.sort();
            let folded = fold(text);
            let mut ours: Vec<&str> = words(&folded).collect();
            ours.sort();
            ours.dedup();
            assert_eq!(ours, index, "{text}");
        }
    }
}
