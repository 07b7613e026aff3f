//! The step of the upgrade that makes every group's tag one word (migration 15).

use crate::model::people::tidy_tags;
use rusqlite::Connection;

/// Rewrites the tags of every person (trashed ones too) by the rule new tags follow:
/// one word each, the same tag once. A row whose tags are already so is not written; a
/// row whose tags cannot be read as a list is left as it was, for `check` to report.
pub(super) fn one_word_tags(conn: &Connection) -> rusqlite::Result<()> {
    let mut people = conn.prepare("SELECT id, tags FROM teacher ORDER BY id")?;
    let people: Vec<(String, String)> = people
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut write = conn.prepare("UPDATE teacher SET tags = ?2 WHERE id = ?1")?;
    for (id, kept) in people {
        let Ok(tags) = serde_json::from_str::<Vec<String>>(&kept) else {
            continue;
        };
        let tidy = tidy_tags(&tags);
        if tidy != tags {
            let json = serde_json::to_string(&tidy)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            write.execute((&id, &json))?;
        }
    }
    Ok(())
}
