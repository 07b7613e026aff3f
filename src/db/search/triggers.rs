//! The search index's triggers. Schemas 3 to 17 kept them in the file, where every
//! connection parsed them on opening it (40 % of the schema: half a millisecond before the
//! first frame); schema 18 took them out. The connection that writes makes them, as TEMP
//! triggers gone when it closes, before its first write: the same triggers, word for word.

use super::super::{Result, Store};

/// The records the search reads. Each table's rows are `kind` = its name in the index, and
/// each is kept in step by the same three triggers.
const INDEXED: [&str; 7] = [
    "goal",
    "measure",
    "focus",
    "observation",
    "check_in",
    "action",
    "support",
];

/// What keeps the full-text index (`local_search`) in step with its content table.
const CONTENT: &str = "
CREATE TEMP TRIGGER IF NOT EXISTS local_search_text_insert AFTER INSERT ON main.local_search_text BEGIN
    INSERT INTO local_search (rowid, body, kind, record_id, teacher_id)
    VALUES (new.id, new.body, new.kind, new.record_id, new.teacher_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS local_search_text_delete AFTER DELETE ON main.local_search_text BEGIN
    INSERT INTO local_search (local_search, rowid, body, kind, record_id, teacher_id)
    VALUES ('delete', old.id, old.body, old.kind, old.record_id, old.teacher_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS local_search_text_update AFTER UPDATE ON main.local_search_text BEGIN
    INSERT INTO local_search (local_search, rowid, body, kind, record_id, teacher_id)
    VALUES ('delete', old.id, old.body, old.kind, old.record_id, old.teacher_id);
    INSERT INTO local_search (rowid, body, kind, record_id, teacher_id)
    VALUES (new.id, new.body, new.kind, new.record_id, new.teacher_id);
END;
";

/// The three triggers that keep a record table's rows in the content table.
fn record_triggers(table: &str) -> String {
    format!(
        "
CREATE TEMP TRIGGER IF NOT EXISTS local_search_{table}_insert AFTER INSERT ON main.{table} BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = '{table}';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = '{table}';
END;
CREATE TEMP TRIGGER IF NOT EXISTS local_search_{table}_update AFTER UPDATE ON main.{table} BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = '{table}';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = '{table}';
END;
CREATE TEMP TRIGGER IF NOT EXISTS local_search_{table}_delete AFTER DELETE ON main.{table} BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = '{table}';
END;
"
    )
}

fn triggers() -> String {
    INDEXED.iter().fold(CONTENT.to_string(), |sql, table| {
        sql + &record_triggers(table)
    })
}

impl Store {
    /// Makes the search index's triggers on this connection, once, before it writes.
    pub(in crate::db) fn keep_index_in_step(&mut self) -> Result<()> {
        if !self.index_triggers {
            self.conn.execute_batch(&triggers())?;
            self.index_triggers = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// A trigger's text with its spaces, `TEMP`, `IF NOT EXISTS` and `main.` taken out.
    fn plain(sql: &str) -> String {
        let words: Vec<&str> = sql.split_whitespace().collect();
        words
            .join(" ")
            .replace("TEMP ", "")
            .replace("IF NOT EXISTS ", "")
            .replace(" main.", " ")
    }

    fn trigger_texts(conn: &Connection, schema: &str) -> Vec<(String, String)> {
        let sql = format!("SELECT name, sql FROM {schema} WHERE type = 'trigger' ORDER BY name");
        let mut statement = conn.prepare(&sql).unwrap();
        let rows = statement
            .query_map([], |row| {
                Ok((row.get(0)?, plain(&row.get::<_, String>(1)?)))
            })
            .unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn the_triggers_made_are_the_ones_the_file_kept_up_to_schema_17() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &crate::db::open::MIGRATIONS[..17] {
            conn.execute_batch(sql).unwrap();
        }
        let kept = trigger_texts(&conn, "sqlite_schema");
        assert_eq!(kept.len(), 24);
        conn.execute_batch(crate::db::open::MIGRATIONS[17]).unwrap();
        assert!(trigger_texts(&conn, "sqlite_schema").is_empty());
        conn.execute_batch(&triggers()).unwrap();
        assert_eq!(trigger_texts(&conn, "sqlite_temp_schema"), kept);
    }
}
