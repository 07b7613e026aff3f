//! A note found by full-text search: what the search screen lists and the command line
//! prints, with the matched words marked in its excerpt.

use super::Kind;
use chrono::NaiveDate;

/// Where the matched words start and end in an excerpt.
pub const MATCH_START: char = '«';
pub const MATCH_END: char = '»';

/// One note that matches, with enough to show it and to jump to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub teacher_id: String,
    pub teacher_name: String,
    /// The teacher is archived (their notes are still found).
    pub teacher_archived: bool,
    pub kind: Kind,
    pub record_id: String,
    /// The record's own date: when observed, held, started, measured; an action's due
    /// date; otherwise the day it was written.
    pub date: NaiveDate,
    /// A few words around the match on one line, matched words between `«` and `»`.
    /// A `«` or `»` in the note itself is shown as `‹` or `›`, so the marks are the app's.
    /// Not yet made safe for a terminal: pass it through `text::line` like any note.
    pub excerpt: String,
    /// A private observation or check-in.
    pub private: bool,
}

impl Hit {
    /// The excerpt in pieces, each with whether it is a matched word.
    pub fn excerpt_parts(&self) -> Vec<(&str, bool)> {
        let mut parts = Vec::new();
        let mut start = 0;
        let mut matched = false;
        for (at, c) in self.excerpt.char_indices() {
            if c == MATCH_START || c == MATCH_END {
                if at > start {
                    parts.push((&self.excerpt[start..at], matched));
                }
                matched = c == MATCH_START;
                start = at + c.len_utf8();
            }
        }
        if start < self.excerpt.len() {
            parts.push((&self.excerpt[start..], matched));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_found_note_shows_its_matched_words_apart_from_the_rest() {
        let hit = Hit {
            teacher_id: String::new(),
            teacher_name: String::new(),
            teacher_archived: false,
            kind: Kind::Observation,
            record_id: String::new(),
            date: NaiveDate::default(),
            excerpt: "«Students» «explained» the ‹target›".into(),
            private: false,
        };
        assert_eq!(
            hit.excerpt_parts(),
            vec![
                ("Students", true),
                (" ", false),
                ("explained", true),
                (" the ‹target›", false)
            ]
        );
    }
}
