//! What the roster's first frame reads, kept from one start to the next: the header's
//! counts and the first rows. Counting a district's people by school and role reads every
//! one of them (a quarter of a millisecond at 2,000), and each of the first rows is a
//! teacher, a focus and three index seeks; kept in `local_meta` with the file's count of
//! writes (which every write moves, the command line's and another window's too), they
//! are read back with one statement for as long as nothing was written since.

use super::files::WRITES;
use super::open::SCHEMA_VERSION;
use super::query::roster_rows;
use super::{Result, Store, record};
use crate::model::{Role, RosterRow, RosterSummary};
use serde::{Deserialize, Serialize};

/// The fewest first rows kept: a taller screen at the next start than at this one, up to
/// about fifty lines, still finds them kept.
const ROWS_KEPT: usize = 44;

/// Where the first rows are kept.
const PAGE: &str = "roster_page";

/// The roster's first rows as kept: at which count of writes and schema, and how many
/// were asked for (fewer are the whole roster).
#[derive(Serialize, Deserialize)]
struct Page {
    writes: String,
    schema: i64,
    asked: usize,
    rows: Vec<RosterRow>,
}

impl Page {
    /// The first `limit` rows of the roster, if these were kept at `writes` and hold them.
    fn first(self, writes: &str, limit: usize) -> Option<Vec<RosterRow>> {
        let whole = self.rows.len() < self.asked;
        if self.writes != writes
            || self.schema != SCHEMA_VERSION
            || !whole && self.rows.len() < limit
        {
            return None;
        }
        let mut rows = self.rows;
        rows.truncate(limit);
        Some(rows)
    }
}

/// What is kept, as read: the count of writes, the counts and the first rows as text.
struct Kept {
    writes: Option<String>,
    summary: Option<String>,
    page: Option<String>,
}

impl Kept {
    fn summary(&self) -> Option<RosterSummary> {
        from_text(self.summary.as_deref()?, self.writes.as_deref()?)
    }

    fn first(&self, limit: usize) -> Option<Vec<RosterRow>> {
        let page: Page = serde_json::from_str(self.page.as_deref()?).ok()?;
        page.first(self.writes.as_deref()?, limit)
    }
}

/// Where the counts are kept.
const KEPT: &str = "roster_summary";

/// The counts as kept: the count of writes they were made at, then one value a line.
fn to_text(writes: &str, summary: &RosterSummary) -> String {
    let count = |role: Role| summary.roles.iter().filter(|r| **r == role).count();
    let mut text = format!(
        "{writes}\n{}\n{} {} {}",
        u8::from(summary.someone_without_school),
        count(Role::Teacher),
        count(Role::Leader),
        count(Role::Coach),
    );
    for school in &summary.schools {
        text.push('\n');
        text.push_str(school);
    }
    text
}

/// The counts kept at `writes`, if that is what `text` holds and it reads whole.
fn from_text(text: &str, writes: &str) -> Option<RosterSummary> {
    let mut lines = text.split('\n');
    if lines.next()? != writes {
        return None;
    }
    let someone_without_school = match lines.next()? {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    let counts: Vec<usize> = lines
        .next()?
        .split(' ')
        .map(str::parse)
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    let [teachers, leaders, coaches] = counts.as_slice() else {
        return None;
    };
    let mut roles = Vec::with_capacity(teachers + leaders + coaches);
    for (role, count) in [
        (Role::Teacher, *teachers),
        (Role::Leader, *leaders),
        (Role::Coach, *coaches),
    ] {
        roles.extend(std::iter::repeat_n(role, count));
    }
    Some(RosterSummary {
        roles,
        schools: lines.map(str::to_owned).collect(),
        someone_without_school,
    })
}

impl Store {
    /// The first `limit` rows of [`Store::roster`], and what the roster's header needs of
    /// everyone else: the first frame of a district's roster reads no more. Those of the
    /// roster without the archived are read kept when nothing was written since.
    pub fn roster_start(
        &self,
        include_archived: bool,
        limit: usize,
    ) -> Result<(Vec<RosterRow>, RosterSummary)> {
        let kept = if include_archived {
            None
        } else {
            Some(self.kept()?)
        };
        let rows = match kept.as_ref().and_then(|kept| kept.first(limit)) {
            Some(rows) => rows,
            None => roster_rows(&self.conn, include_archived, true, Some(limit))?,
        };
        let summary = match kept.as_ref().and_then(Kept::summary) {
            Some(summary) => summary,
            None => count_roster(&self.conn, include_archived)?,
        };
        Ok((rows, summary))
    }

    /// The file's count of writes, which every write coachlog makes moves (`None` in a
    /// file nothing was written to yet): what was read at one count is still right at it.
    pub fn count_of_writes(&self) -> Result<Option<String>> {
        Ok(count_of_writes(&self.conn)?)
    }

    fn kept(&self) -> Result<Kept> {
        let mut statement = self.conn.prepare_cached(
            "SELECT (SELECT value FROM local_meta WHERE key = ?1),
                    (SELECT value FROM local_meta WHERE key = ?2),
                    (SELECT value FROM local_meta WHERE key = ?3)",
        )?;
        Ok(statement.query_row([WRITES, KEPT, PAGE], |row| {
            Ok(Kept {
                writes: row.get(0)?,
                summary: row.get(1)?,
                page: row.get(2)?,
            })
        })?)
    }

    /// Keeps what the next start's first frame reads of the roster without the archived,
    /// `shown` rows of it at least, unless what is kept is still right or the file is
    /// read-only. A write of its own, so all is kept at the count of writes it makes.
    pub fn keep_roster_start(&mut self, shown: usize) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        let kept = self.kept()?;
        if kept.summary().is_some() && kept.first(shown).is_some() {
            return Ok(());
        }
        // Only if nobody is writing: the screen does not wait for a cache.
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let written = self.keep(shown.max(ROWS_KEPT));
        self.conn.busy_timeout(super::open::BUSY_TIMEOUT)?;
        written
    }

    fn keep(&mut self, asked: usize) -> Result<()> {
        let tx = self.begin_write()?;
        let summary = count_roster(&tx, false)?;
        // Counted by `begin_write`, so there is one.
        let writes = count_of_writes(&tx)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        let page = Page {
            rows: roster_rows(&tx, false, true, Some(asked))?,
            writes: writes.clone(),
            schema: SCHEMA_VERSION,
            asked,
        };
        let mut keep = tx.prepare_cached(
            "INSERT INTO local_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?;
        // A school's name is one line once cleaned; one that is not is not kept.
        if !summary.schools.iter().any(|school| school.contains('\n')) {
            keep.execute((KEPT, to_text(&writes, &summary)))?;
        }
        let page = serde_json::to_string(&page)
            .map_err(|error| super::Error::Invalid(error.to_string()))?;
        keep.execute((PAGE, page))?;
        drop(keep);
        tx.commit()?;
        Ok(())
    }
}

/// The count of writes as kept in the file, on `conn` (a transaction's own, when keeping).
fn count_of_writes(conn: &rusqlite::Connection) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT (SELECT value FROM local_meta WHERE key = ?1)")?
        .query_row([WRITES], |row| row.get(0))
}

/// Counts the people by school and role, in the order of an index of live people by
/// school and role (schema 17): no sort, and nothing of the table read. Names that differ
/// only by spaces around them are one school.
fn count_roster(conn: &rusqlite::Connection, include_archived: bool) -> Result<RosterSummary> {
    let mut summary = RosterSummary::default();
    let mut groups = conn.prepare_cached(
        "SELECT school, role, count(*) FROM teacher
         WHERE deleted_at IS NULL AND (?1 OR archived = 0)
         GROUP BY school, role",
    )?;
    let mut found = groups.query([include_archived])?;
    while let Some(group) = found.next()? {
        let (school, role, count): (String, Role, i64) = (
            group.get::<_, String>(0)?.trim().to_owned(),
            record::column(group, 1)?,
            group.get(2)?,
        );
        let count = usize::try_from(count).unwrap_or(0);
        if school.is_empty() {
            summary.someone_without_school = true;
        } else if !summary.schools.contains(&school) {
            summary.schools.push(school);
        }
        summary.roles.extend(std::iter::repeat_n(role, count));
    }
    summary.schools.sort_unstable();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_counts_read_back_whole_and_only_at_their_count_of_writes() {
        let summary = RosterSummary {
            roles: vec![Role::Teacher, Role::Teacher, Role::Leader, Role::Coach],
            schools: vec!["Eastside Middle".into(), "Westfield · K-8".into()],
            someone_without_school: true,
        };
        let text = to_text("41", &summary);
        assert_eq!(from_text(&text, "41"), Some(summary));
        assert_eq!(from_text(&text, "42"), None, "written since");
        assert_eq!(from_text("41\n2\n1 0 0", "41"), None, "damaged");
        assert_eq!(from_text("41\n0\n1 0", "41"), None, "a count missing");
        let nobody = RosterSummary::default();
        assert_eq!(from_text(&to_text("7", &nobody), "7"), Some(nobody));
    }

    fn page(writes: &str, asked: usize, people: usize) -> Page {
        let row = |n: usize| RosterRow {
            teacher: crate::model::Teacher {
                name: format!("Baker {n:02}"),
                ..Default::default()
            },
            focus: Some("Wait time after questions".into()),
            last_observed: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
            next_check_in: None,
            recent_ratings: vec![3, 4],
        };
        Page {
            writes: writes.into(),
            schema: SCHEMA_VERSION,
            asked,
            rows: (0..people.min(asked)).map(row).collect(),
        }
    }

    #[test]
    fn kept_rows_serve_a_start_only_at_their_count_of_writes_and_when_they_hold_the_screen() {
        let names = |rows: Option<Vec<RosterRow>>| {
            rows.map(|rows| {
                rows.iter()
                    .map(|r| r.teacher.name.clone())
                    .collect::<Vec<_>>()
            })
        };
        let first = names(page("9", 44, 100).first("9", 2));
        assert_eq!(first, Some(vec!["Baker 00".into(), "Baker 01".into()]));
        assert_eq!(page("9", 44, 100).first("9", 44).map(|r| r.len()), Some(44));
        assert!(
            page("9", 44, 100).first("9", 45).is_none(),
            "a taller screen"
        );
        assert!(page("9", 44, 100).first("10", 2).is_none(), "written since");
        let whole = page("9", 44, 5).first("9", 60);
        assert_eq!(
            whole.map(|r| r.len()),
            Some(5),
            "fewer than asked: everyone"
        );
        let older = Page {
            schema: SCHEMA_VERSION - 1,
            ..page("9", 44, 5)
        };
        assert!(older.first("9", 2).is_none(), "kept by an older schema");
        let text = serde_json::to_string(&page("9", 44, 3)).unwrap();
        let back: Page = serde_json::from_str(&text).unwrap();
        assert_eq!(back.rows, page("9", 44, 3).rows, "read back whole");
    }
}
