//! What an upgrade must keep: every row of every record table, value for value, by the
//! columns the file had before; only a person's tags may change, each made one word by
//! the rule new tags follow (migration 15: "blended pilot" → "blended-pilot").

use rusqlite::types::Value;
use std::collections::BTreeMap;
use std::path::Path;

pub type Rows = BTreeMap<String, Vec<Vec<(String, Value)>>>;

/// Every row of each record table the file has, by its columns as they are.
pub fn record_rows(path: &Path) -> Rows {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'local_search%' AND name NOT LIKE 'sqlite_%' AND name <> 'local_meta'")
        .unwrap();
    let tables: Vec<String> = tables
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut statement = conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
                .unwrap();
            let columns: Vec<String> = statement
                .column_names()
                .iter()
                .map(|c| c.to_string())
                .collect();
            let rows = statement
                .query_map([], |row| {
                    Ok(columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (c.clone(), row.get::<_, Value>(i).unwrap()))
                        .collect::<Vec<_>>())
                })
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            (table, rows)
        })
        .collect()
}

/// What a value of `table.column` is after an upgrade: the same, but for a person's
/// tags, rewritten one word each.
fn upgraded(table: &str, column: &str, value: &Value) -> Value {
    match (table, column, value) {
        ("teacher", "tags", Value::Text(json)) => {
            let tags: Vec<String> = serde_json::from_str(json).unwrap();
            let tidy = coachlog::model::people::tidy_tags(&tags);
            if tidy == tags {
                value.clone()
            } else {
                Value::Text(serde_json::to_string(&tidy).unwrap())
            }
        }
        _ => value.clone(),
    }
}

/// Every row of `before` is in `after`, each column it had holding the same value (a
/// person's tags as the upgrade rewrites them).
pub fn assert_kept(before: &Rows, after: &Rows) {
    assert!(before.values().map(Vec::len).sum::<usize>() > 10);
    for (table, rows) in before {
        let now = &after[table];
        assert_eq!(rows.len(), now.len(), "{table}: as many rows");
        for (old, new) in rows.iter().zip(now) {
            for (column, value) in old {
                let kept = new.iter().find(|(c, _)| c == column);
                assert_eq!(
                    kept.map(|(_, v)| v),
                    Some(&upgraded(table, column, value)),
                    "{table}.{column} of {:?}",
                    old[0].1
                );
            }
        }
    }
}
