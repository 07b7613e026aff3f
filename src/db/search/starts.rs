//! A start of a word typed past the prefixes the index keeps (one to three characters).
//!
//! FTS5 answers such a start ("stud") by merging, in memory, the lists of every word it
//! starts: for a common word in a district's years of notes that is hundreds of thousands
//! of notes and megabytes, on every key. A list of whole words is read without a merge,
//! so the words are found first: among the newest notes holding the start's first three
//! characters (read off the prefix index), the words that start as typed, folded as the
//! index folds them. Those words then find the newest notes that hold them, and stand for
//! the start typed as far back as those notes reach.

use super::{CANDIDATES, Result, Store};
use crate::text::{fold, words};
use std::collections::BTreeSet;

/// How many of the newest notes holding the first characters typed are read for the words
/// that start as typed: as many as a common word is ranked among.
const SAMPLE: usize = CANDIDATES;

/// The characters of a start the index keeps as a prefix of its own.
const PREFIX_CHARS: usize = 3;

/// The word of `phrase` (as `phrases` quotes it), folded as the index folds it, when it is
/// one word longer than the prefixes the index keeps. A shorter start is read off those
/// prefixes at once, and a phrase of several words is matched as typed.
pub(super) fn long_start(phrase: &str) -> Option<String> {
    let folded = fold(phrase.strip_prefix('"')?.strip_suffix("\"*")?);
    let mut found = words(&folded);
    let start = found.next()?;
    (found.next().is_none() && start == folded && start.chars().count() > PREFIX_CHARS)
        .then(|| start.to_owned())
}

/// The query for the notes a sample is taken from: each long start by its first
/// characters, every other phrase as typed. `None` when no start typed is long.
fn prefixes_query(phrases: &[String]) -> Option<String> {
    let mut any_long = false;
    let parts: Vec<String> = phrases
        .iter()
        .map(|phrase| match long_start(phrase) {
            Some(start) => {
                any_long = true;
                let prefix: String = start.chars().take(PREFIX_CHARS).collect();
                format!("\"{prefix}\"*")
            }
            None => phrase.clone(),
        })
        .collect();
    any_long.then(|| parts.join(" "))
}

/// A query matching, for each long start typed, any of the words of `bodies` that start
/// so (`("students" OR "study") AND "to"*`); every other phrase as typed. `None` when a
/// long start starts none of the words.
pub(super) fn exact_words(phrases: &[String], bodies: &[String]) -> Option<String> {
    let starts: Vec<Option<String>> = phrases.iter().map(|phrase| long_start(phrase)).collect();
    let mut starting: Vec<BTreeSet<String>> = vec![BTreeSet::new(); phrases.len()];
    for body in bodies {
        let folded = fold(body);
        for word in words(&folded) {
            for (start, found) in starts.iter().zip(&mut starting) {
                let Some(start) = start else { continue };
                if word.starts_with(start.as_str()) && !found.contains(word) {
                    found.insert(word.to_owned());
                }
            }
        }
    }
    let mut groups = Vec::with_capacity(phrases.len());
    for ((phrase, start), found) in phrases.iter().zip(&starts).zip(starting) {
        if start.is_none() {
            groups.push(phrase.clone());
        } else if found.is_empty() {
            return None;
        } else {
            let quoted: Vec<String> = found.iter().map(|word| format!("\"{word}\"")).collect();
            groups.push(format!("({})", quoted.join(" OR ")));
        }
    }
    Some(groups.join(" AND "))
}

impl Store {
    /// For phrases with a long start among them that are in at least [`CANDIDATES`] notes
    /// (so ranked newest first): the query of whole words that stands for them, and the
    /// newest `limit` notes it matches, newest first. `None` when no start is long, or
    /// the phrases are rarer than that, or the words found cannot vouch for the notes
    /// (older than the sample, or spelled in a way the sample did not hold): the caller
    /// then matches the starts as typed, at the cost of the merge.
    pub(super) fn newest_past_prefixes(
        &self,
        phrases: &[String],
        limit: usize,
    ) -> Result<Option<(String, Vec<i64>)>> {
        let Some(prefixes) = prefixes_query(phrases) else {
            return Ok(None);
        };
        let (ids, bodies): (Vec<i64>, Vec<String>) = {
            let mut sample = self.conn.prepare_cached(&format!(
                "SELECT rowid, body FROM local_search WHERE local_search MATCH ?1
                 ORDER BY rowid DESC {}",
                super::limit(Some(SAMPLE))
            ))?;
            let rows = sample.query_map([&prefixes], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<(i64, String)>>>()?
                .into_iter()
                .unzip()
        };
        let Some(exact) = exact_words(phrases, &bodies) else {
            return Ok(None);
        };
        drop(bodies);
        let newest = self.newest_matches(&exact, CANDIDATES)?;
        if newest.len() < CANDIDATES {
            return Ok(None);
        }
        let top = newest.get(..limit).unwrap_or(&newest).to_vec();
        // Every note from the sample's oldest on holding the start is in the sample, so
        // the words found match all of them; an older note may hold another word.
        let sampled_all = ids.len() < SAMPLE;
        let reach = ids.iter().min().copied().unwrap_or_default();
        if !sampled_all && top.last().is_some_and(|oldest| *oldest < reach) {
            return Ok(None);
        }
        Ok(Some((exact, top)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::phrases;
    use super::*;

    #[test]
    fn a_long_start_typed_is_matched_by_the_words_it_starts_in_the_notes_found() {
        let bodies = [
            "Students tried two strategies; one STUDENT's study.".to_owned(),
            "Exit tickets, studied. Stüdent in Zürich".to_owned(),
        ];
        let typed = |text: &str| phrases(text);
        assert_eq!(
            exact_words(&typed("stud"), &bodies).as_deref(),
            Some("(\"student\" OR \"students\" OR \"studied\" OR \"study\")")
        );
        assert_eq!(
            exact_words(&typed("Exit STÜD to"), &bodies).as_deref(),
            Some(
                "(\"exit\") AND (\"student\" OR \"students\" OR \"studied\" OR \"study\") \
                 AND \"to\"*"
            )
        );
        assert_eq!(
            exact_words(&typed("rubric"), &bodies),
            None,
            "in none of them"
        );
    }

    #[test]
    fn the_sample_is_taken_by_the_first_three_characters_of_each_long_start() {
        let typed = |text: &str| prefixes_query(&phrases(text));
        assert_eq!(typed("Stüdents").as_deref(), Some("\"stu\"*"));
        assert_eq!(typed("exit to").as_deref(), Some("\"exi\"* \"to\"*"));
        assert_eq!(typed("stu"), None, "read off the prefixes");
        assert_eq!(typed("warm-up"), None, "several words");
        assert_eq!(
            typed("exit warm-up").as_deref(),
            Some("\"exi\"* \"warm-up\"*")
        );
    }
}
