//! Full-text search over every note: evidence, check-in notes and reflections, goals,
//! focuses and their look-fors, actions and measure notes.
//!
//! The index (`local_search`) is kept in step by triggers the connection that writes makes
//! before its first write (`search/triggers.rs`); this file turns what a person types into
//! a query that cannot fail and reads the hits back.

mod starts;
mod triggers;

use super::query::limit;
use super::{Result, Store};
use crate::model::{Hit, Kind, MATCH_END, MATCH_START, Zone, local_day};
use chrono::NaiveDate;
use std::sync::LazyLock;

/// How `snippet()` marks matches before they become `«…»`: characters a note is not
/// expected to hold (and that display would show as `�` if one did).
const RAW_START: char = '\u{2}';
const RAW_END: char = '\u{3}';

/// Tokens of context around the matched words in an excerpt.
const EXCERPT_TOKENS: u8 = 12;

/// What a person typed as an FTS5 query that cannot be a syntax error: every word is
/// quoted (so `AND`, `NEAR`, `"`, `*`, `(` and `col:` are just text), all words must
/// appear, and every word also matches as the start of a longer one ("explai" finds
/// "explained", "s" finds "students": the index keeps prefixes of one to three
/// characters, schema 7). `None` when nothing searchable was typed.
fn fts_query(typed: &str) -> Option<String> {
    let phrases = phrases(typed);
    (!phrases.is_empty()).then(|| phrases.join(" "))
}

/// Each word of [`fts_query`], as a phrase of its own.
fn phrases(typed: &str) -> Vec<String> {
    // FTS5 ends a quoted word at a NUL, leaving the quote open: a syntax error.
    let typed = typed.replace('\0', " ");
    typed
        .split_whitespace()
        // A word without a letter or digit holds no token; it would only match nothing.
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect()
}

/// Whether what was typed holds a word to search for (a letter or a digit).
pub fn searchable(typed: &str) -> bool {
    fts_query(typed).is_some()
}

/// The `snippet()` text made one clean line with `«…»` marks.
fn excerpt(raw: &str) -> String {
    let marked: String = raw
        .chars()
        .map(|c| match c {
            MATCH_START => '‹',
            MATCH_END => '›',
            RAW_START => MATCH_START,
            RAW_END => MATCH_END,
            c => c,
        })
        .collect();
    marked.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn kind_of(table: &str) -> Option<Kind> {
    Kind::ALL
        .into_iter()
        .find(|kind| super::record::table(*kind) == table)
}

/// The day a hit shows: a record stamp (an undated action, a goal) as the day it fell on
/// in `zone`; a date, or an observation's wall-clock time, as the day it names.
fn day_of(text: Option<String>, zone: Zone) -> Option<NaiveDate> {
    let text = text?;
    local_day(&text, zone).or_else(|| NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok())
}

/// The hits in order of rank, each teacher's hits brought together under the place of
/// that teacher's best one.
fn group_by_teacher(ranked: Vec<Hit>) -> Vec<Hit> {
    let mut teachers: Vec<&str> = Vec::new();
    for hit in &ranked {
        if !teachers.contains(&hit.teacher_id.as_str()) {
            teachers.push(&hit.teacher_id);
        }
    }
    let place: Vec<usize> = ranked
        .iter()
        .map(|hit| {
            teachers
                .iter()
                .position(|id| *id == hit.teacher_id)
                .unwrap_or(0)
        })
        .collect();
    let mut placed: Vec<(usize, Hit)> = place.into_iter().zip(ranked).collect();
    // Stable: within a teacher the rank order stays.
    placed.sort_by_key(|(place, _)| *place);
    placed.into_iter().map(|(_, hit)| hit).collect()
}

/// How many of the newest matching notes are ranked: a query matching more (one letter,
/// a common word, in a district's years of notes) ranks the newest this many, so that
/// answering takes the same time whatever the size of the file.
const CANDIDATES: usize = 2_000;

/// Live matches of live teachers (archived ones included), best first. A measure belongs
/// to its goal's teacher and is found only while the goal is live.
///
/// In steps, so that the cost follows the page shown rather than the notes matched:
/// `top` ranks the newest [`CANDIDATES`] matches (rowids only, read off the index in rowid
/// order) and keeps the best `{limit}`; `found` reads their excerpts in one more pass over those
/// newest matches (from the oldest kept up: a lookup of each by rowid would run the
/// query again for each, which costs the most for a word matching many notes); the
/// dates and the teacher are read for those only.
///
/// `{rank}` is how a match ranks: by relevance ([`BY_RELEVANCE`]) or newest first
/// ([`NEWEST_FIRST`]). The limits are written into the text (see [`super::query::limit`]).
const SEARCH: &str = "
    WITH {top}, found AS MATERIALIZED (
        SELECT rowid AS id, kind, record_id, teacher_id,
               snippet(local_search, 0, char(2), char(3), '…', ?2) AS excerpt
        FROM local_search
        -- The unary + keeps the IN a filter, not a lookup by rowid per value.
        WHERE local_search MATCH ?1 AND rowid >= (SELECT min(id) FROM top)
          AND +rowid IN (SELECT id FROM top)
    )
    SELECT s.kind, s.record_id, t.id AS teacher_id, t.name, t.archived, s.excerpt,
           CASE s.kind
               WHEN 'observation' THEN (SELECT observed_at FROM observation WHERE id = s.record_id)
               WHEN 'check_in' THEN (SELECT held_on FROM check_in WHERE id = s.record_id)
               WHEN 'focus' THEN (SELECT started_on FROM focus WHERE id = s.record_id)
               WHEN 'measure' THEN (SELECT measured_on FROM measure WHERE id = s.record_id)
               WHEN 'action' THEN (SELECT coalesce(due_on, created_at) FROM action WHERE id = s.record_id)
               WHEN 'goal' THEN (SELECT created_at FROM goal WHERE id = s.record_id)
               WHEN 'support' THEN (SELECT given_on FROM support WHERE id = s.record_id)
           END AS day,
           CASE s.kind
               WHEN 'observation' THEN (SELECT private FROM observation WHERE id = s.record_id)
               WHEN 'check_in' THEN (SELECT private FROM check_in WHERE id = s.record_id)
               WHEN 'support' THEN (SELECT private FROM support WHERE id = s.record_id)
               ELSE 0
           END AS private
    FROM top JOIN found s ON s.id = top.id
    JOIN teacher t ON t.deleted_at IS NULL AND t.id = CASE s.kind
        WHEN 'measure' THEN (
            SELECT g.teacher_id FROM measure m JOIN goal g ON g.id = m.goal_id
            WHERE m.id = s.record_id AND g.deleted_at IS NULL)
        ELSE s.teacher_id
    END
    ORDER BY top.rank, s.record_id";

/// The `top` of [`SEARCH`] ranked among the newest matches.
const RANKED_TOP: &str = "
    candidate AS MATERIALIZED (
        SELECT rowid AS id, {rank} AS rank FROM local_search
        WHERE local_search MATCH ?1 ORDER BY rowid DESC {candidates}
    ), top AS MATERIALIZED (
        SELECT id, rank FROM candidate ORDER BY rank, id {limit}
    )";

/// The `top` of [`SEARCH`] given, newest first: the rowids as a JSON array in `?3`.
const GIVEN_TOP: &str = "
    top AS MATERIALIZED (SELECT value AS id, -value AS rank FROM json_each(?3))";

/// SQLite's ranking of full-text matches, which weighs each word by how few notes hold
/// it: it counts every note holding each word, so a word in most notes (one letter, a
/// common word) costs tens of milliseconds in a district's file, whatever the limits.
const BY_RELEVANCE: &str = "bm25(local_search)";

/// The newest match first.
const NEWEST_FIRST: &str = "-rowid";

/// Whether `phrase` is in at least [`CANDIDATES`] notes: a word that common is not weighed
/// (see [`BY_RELEVANCE`]), and reading this many of its matches costs little.
static COMMON: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT count(*) FROM (
             SELECT rowid FROM local_search WHERE local_search MATCH ?1 {}
         )",
        limit(Some(CANDIDATES))
    )
});

/// [`SEARCH`] ranking by `rank`, for `limit` hits.
fn search(rank: &str, limit: usize) -> String {
    SEARCH
        .replace("{top}", RANKED_TOP)
        .replace("{rank}", rank)
        .replace("{candidates}", &self::limit(Some(CANDIDATES)))
        .replace("{limit}", &self::limit(Some(limit)))
}

/// [`SEARCH`] for a `top` given (see [`GIVEN_TOP`]).
static GIVEN: LazyLock<String> = LazyLock::new(|| SEARCH.replace("{top}", GIVEN_TOP));

/// The hits a search statement reads, in its order.
fn hits(
    statement: &mut rusqlite::Statement,
    params: impl rusqlite::Params,
    zone: Zone,
) -> Result<Vec<Hit>> {
    let rows = statement.query_map(params, |row| {
        let kind: String = row.get("kind")?;
        let Some(kind) = kind_of(&kind) else {
            return Ok(None);
        };
        Ok(Some(Hit {
            teacher_id: row.get("teacher_id")?,
            teacher_name: row.get("name")?,
            teacher_archived: row.get("archived")?,
            kind,
            record_id: row.get("record_id")?,
            date: day_of(row.get("day")?, zone).unwrap_or_default(),
            excerpt: excerpt(&row.get::<_, String>("excerpt")?),
            private: row.get::<_, Option<bool>>("private")?.unwrap_or(false),
        }))
    })?;
    let mut ranked = Vec::new();
    for row in rows {
        ranked.extend(row?);
    }
    Ok(ranked)
}

/// The statements a search for `limit` hits runs when no word typed is common (the
/// other ranking is the same statement but for the rank).
#[cfg(test)]
pub(super) fn statements_run(limit: usize) -> [String; 2] {
    [search(BY_RELEVANCE, limit), COMMON.clone()]
}

impl Store {
    /// Notes holding every word typed (each also as the start of a longer one), at most
    /// `limit`, ranked by relevance (among the newest [`CANDIDATES`] matches), or newest
    /// first when a word typed is in that many notes or more, and grouped by teacher in
    /// the order of each teacher's best hit. Any input is safe: query syntax is taken as text.
    /// Trashed records and the records of trashed teachers are never found; archived
    /// teachers' are. Nothing searchable typed finds nothing. A start typed longer than the
    /// index's prefixes is matched by the whole words it starts where that is the same
    /// answer (see `starts`), without merging their lists.
    pub fn search(&self, typed: &str, limit: usize) -> Result<Vec<Hit>> {
        let phrases = phrases(typed);
        if phrases.is_empty() {
            return Ok(Vec::new());
        }
        if let Some((exact, top)) = self.newest_past_prefixes(&phrases, limit)? {
            let ids = serde_json::to_string(&top).unwrap_or_default();
            let mut statement = self.conn.prepare_cached(&GIVEN)?;
            let params = rusqlite::params![exact, EXCERPT_TOKENS, ids];
            return Ok(group_by_teacher(hits(
                &mut statement,
                params,
                self.clock.zone(),
            )?));
        }
        let common = self.any_common(&phrases)?;
        let query = phrases.join(" ");
        let rank = if common { NEWEST_FIRST } else { BY_RELEVANCE };
        let mut statement = self.conn.prepare_cached(&search(rank, limit))?;
        let hits = hits(
            &mut statement,
            rusqlite::params![query, EXCERPT_TOKENS],
            self.clock.zone(),
        )?;
        Ok(group_by_teacher(hits))
    }

    /// The newest `n` notes matching `query`, newest first.
    fn newest_matches(&self, query: &str, n: usize) -> Result<Vec<i64>> {
        let sql = format!(
            "SELECT rowid FROM local_search WHERE local_search MATCH ?1 ORDER BY rowid DESC {}",
            limit(Some(n))
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([query], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether any of the phrases is common (see [`COMMON`]).
    fn any_common(&self, phrases: &[String]) -> Result<bool> {
        let mut count = self.conn.prepare_cached(&COMMON)?;
        for phrase in phrases {
            let found: i64 = count.query_row([phrase], |row| row.get(0))?;
            if usize::try_from(found).is_ok_and(|found| found >= CANDIDATES) {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// What a search in the background found, for the request numbered `generation`.
#[derive(Debug)]
pub struct Found {
    pub generation: u64,
    pub hits: Result<Vec<Hit>>,
}

/// Searches on a thread of its own, with its own read-only connection, so that typing
/// never waits for a query: a newer request interrupts the query running for an older
/// one, and only the newest waiting request is run. Results come back as [`Found`]
/// messages for the caller to hand to the screen; dropping the searcher ends the thread.
pub struct Searcher {
    worker: super::background::Worker<(u64, String), Found>,
    interrupt: rusqlite::InterruptHandle,
}

impl Searcher {
    /// Starts searching `store` (a connection of its own) for at most `limit` notes a query.
    pub fn start(store: Store, limit: usize) -> Result<Searcher> {
        let interrupt = store.conn.get_interrupt_handle();
        store.keep_few_pages(super::SEARCH_PAGES_KIB)?;
        // Typing ran ahead: only the newest query is still wanted.
        let worker =
            super::background::worker("search", move |(generation, typed): (u64, String)| {
                let hits = store.search(&typed, limit);
                Found { generation, hits }
            })?;
        Ok(Searcher { worker, interrupt })
    }

    /// Asks for `typed`, numbered `generation`; a query still running for an older request
    /// stops (its answer comes back as an error, for a request nobody waits for).
    pub fn ask(&self, generation: u64, typed: String) {
        self.interrupt.interrupt();
        self.worker.ask((generation, typed));
    }

    /// An answer, if one came back.
    pub fn answer(&self) -> Option<Found> {
        self.worker.answer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_quoted_and_matches_as_the_start_of_longer_ones() {
        assert_eq!(
            fts_query("explai warm-up").as_deref(),
            Some("\"explai\"* \"warm-up\"*")
        );
        assert_eq!(fts_query("a").as_deref(), Some("\"a\"*"));
        assert_eq!(
            fts_query("say \"hi\" AND (NEAR").as_deref(),
            Some("\"say\"* \"\"\"hi\"\"\"* \"AND\"* \"(NEAR\"*")
        );
    }

    #[test]
    fn nothing_searchable_is_no_query() {
        for typed in ["", "   ", "*", "\" ( ) -", "😀"] {
            assert_eq!(fts_query(typed), None, "{typed:?}");
            assert!(!searchable(typed));
        }
    }

    #[test]
    fn excerpts_mark_matches_and_keep_the_notes_own_guillemets_apart() {
        assert_eq!(
            excerpt("…she said «\u{2}explained\u{3}»\n  the target…"),
            "…she said ‹«explained»› the target…"
        );
    }

    #[test]
    fn hits_gather_under_each_teachers_best() {
        let hit = |teacher: &str, record: &str| Hit {
            teacher_id: teacher.into(),
            teacher_name: teacher.into(),
            teacher_archived: false,
            kind: Kind::Observation,
            record_id: record.into(),
            date: NaiveDate::default(),
            excerpt: String::new(),
            private: false,
        };
        let grouped = group_by_teacher(vec![
            hit("b", "1"),
            hit("a", "2"),
            hit("b", "3"),
            hit("a", "4"),
        ]);
        let order: Vec<&str> = grouped.iter().map(|h| h.record_id.as_str()).collect();
        assert_eq!(order, ["1", "3", "2", "4"]);
    }
}
