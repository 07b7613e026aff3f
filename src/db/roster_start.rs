//! The roster header's counts, kept from one start to the next. Counting a district's
//! people by school and role reads every one of them (a quarter of a millisecond at 2,000),
//! and the first frame needs them; kept in `local_meta` with the file's count of writes
//! (which every write moves, the command line's and another window's too), they are read
//! back with two lookups for as long as nothing was written since.

use super::files::WRITES;
use super::{Result, Store, record};
use crate::model::{Role, RosterSummary};

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
    /// The header's counts of the people not archived (or of everyone), kept ones when
    /// nothing was written since they were kept.
    pub(super) fn roster_summary(&self, include_archived: bool) -> Result<RosterSummary> {
        if !include_archived && let Some(kept) = self.kept_summary()? {
            return Ok(kept);
        }
        count_roster(&self.conn, include_archived)
    }

    /// The kept counts, if they were kept at the file's present count of writes.
    fn kept_summary(&self) -> Result<Option<RosterSummary>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT (SELECT value FROM local_meta WHERE key = ?1),
                    (SELECT value FROM local_meta WHERE key = ?2)",
        )?;
        let (writes, kept): (Option<String>, Option<String>) =
            statement.query_row([WRITES, KEPT], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(writes
            .zip(kept)
            .and_then(|(writes, kept)| from_text(&kept, &writes)))
    }

    /// Keeps the counts of the people not archived for the next start, unless the kept
    /// ones are still right or the file is read-only. A write of its own, so the counts
    /// are kept at the count of writes it makes.
    pub fn keep_roster_summary(&mut self) -> Result<()> {
        if self.read_only || self.kept_summary()?.is_some() {
            return Ok(());
        }
        // Only if nobody is writing: the screen does not wait for a cache.
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let kept = self.keep_counts();
        self.conn.busy_timeout(super::open::BUSY_TIMEOUT)?;
        kept
    }

    fn keep_counts(&mut self) -> Result<()> {
        let tx = self.begin_write()?;
        let summary = count_roster(&tx, false)?;
        // A school's name is one line once cleaned; one that is not is not kept.
        if summary.schools.iter().any(|school| school.contains('\n')) {
            return Ok(());
        }
        let writes: String = tx.query_row(
            "SELECT value FROM local_meta WHERE key = ?1",
            [WRITES],
            |row| row.get(0),
        )?;
        tx.execute(
            "INSERT INTO local_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (KEPT, to_text(&writes, &summary)),
        )?;
        tx.commit()?;
        Ok(())
    }
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
}
