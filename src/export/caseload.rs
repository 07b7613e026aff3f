//! The whole caseload as one JSON file, to move it to another computer or merge two
//! coaches' files: every record of every kind, trash and private notes included, each
//! with its id and stamps, so an import can merge record by record.
//!
//! The format (README, "Moving a caseload"): an object with `format`
//! (`"coachlog-caseload"`), `version` (bumped when a field changes meaning or goes
//! away; a newer version is refused), `exported_at` (the day), and one list per kind:
//! `teachers`, `goals`, `measures`, `focuses`, `walkthroughs`, `observations`,
//! `check_ins`, `actions`, each in id order, each record with `id`, `created_at`,
//! `updated_at`, `author`, `replica_id` and `deleted_at` beside its own fields.

use crate::model::Caseload;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

/// What a whole-caseload export says it is.
pub const FORMAT: &str = "coachlog-caseload";
/// Bumped when a field changes meaning or goes away.
pub const VERSION: u64 = 1;

#[derive(Serialize)]
struct File<'a> {
    format: &'static str,
    version: u64,
    exported_at: NaiveDate,
    #[serde(flatten)]
    caseload: &'a Caseload,
}

/// The caseload as pretty JSON, terminal-safe (see `safe_json`), the same bytes for the
/// same records on the same day.
pub fn write(caseload: &Caseload, today: NaiveDate) -> String {
    super::safe_json::to_string(&File {
        format: FORMAT,
        version: VERSION,
        exported_at: today,
        caseload,
    })
}

/// Reads a whole-caseload export, every piece of text in it cleaned as all text coming
/// in is (`text::clean`). The error says what is wrong with the file in a sentence.
pub fn read(json: &str) -> Result<Caseload, String> {
    let mut file: Value = serde_json::from_str(json.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("it is not valid JSON ({e})"))?;
    match file.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(super::json::FORMAT) => {
            return Err(
                "it is one teacher's export; import takes a whole caseload, \
                        written by coachlog export --all -f json"
                    .into(),
            );
        }
        _ => {
            return Err(format!(
                "it is not a coachlog caseload export (no \"format\": \"{FORMAT}\")"
            ));
        }
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(version) if version <= VERSION && version > 0 => {}
        Some(version) => {
            return Err(format!(
                "it was written by a newer coachlog (caseload format version {version}; this \
                 one reads up to {VERSION}); update coachlog to import it"
            ));
        }
        None => return Err("it has no format version".into()),
    }
    clean_strings(&mut file, &mut String::new())?;
    let mut caseload: Caseload = serde_json::from_value(file)
        .map_err(|e| format!("a record in it is not complete ({e})"))?;
    // Groups are one word each, as typed in coachlog ("blended pilot" is "blended-pilot").
    for teacher in &mut caseload.teachers {
        teacher.tags = crate::model::people::tidy_tags(&teacher.tags);
    }
    Ok(caseload)
}

/// Cleans every string in the file; a text too long is named by where it is.
fn clean_strings(value: &mut Value, path: &mut String) -> Result<(), String> {
    match value {
        Value::String(text) => {
            *text = crate::text::clean(text).map_err(|e| format!("{path}: {e}"))?;
        }
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                clean_strings(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                clean_strings(field, path)?;
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, Teacher};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn one_teacher(name: &str) -> Caseload {
        Caseload {
            teachers: vec![Teacher {
                meta: Meta {
                    id: "01T".into(),
                    created_at: "2026-09-01T08:00:00.000Z".into(),
                    updated_at: "2026-09-01T08:00:00.000Z".into(),
                    author: "coach".into(),
                    replica_id: "R1".into(),
                    deleted_at: Some("2026-10-01T08:00:00.000Z".into()),
                },
                name: name.into(),
                cadence_days: 14,
                ..Teacher::default()
            }],
            ..Caseload::default()
        }
    }

    #[test]
    fn a_caseload_reads_back_as_it_was_written() {
        let caseload = one_teacher("Lee, Min");
        let json = write(&caseload, day());
        let file: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(file["format"], FORMAT);
        assert_eq!(file["version"], 1);
        assert_eq!(file["exported_at"], "2026-11-23");
        assert_eq!(
            file["teachers"][0]["deleted_at"],
            "2026-10-01T08:00:00.000Z"
        );
        assert_eq!(file["observations"], serde_json::json!([]));
        assert_eq!(read(&json), Ok(caseload));
    }

    #[test]
    fn text_in_an_import_is_cleaned_and_a_long_note_named_by_where_it_is() {
        let json = write(&one_teacher("Lee,\u{202e} Min\u{9b}"), day());
        assert_eq!(read(&json).unwrap().teachers[0].name, "Lee, Min");
        let long = write(&one_teacher(&"x".repeat(100_001)), day());
        let error = read(&long).unwrap_err();
        assert!(
            error.starts_with("teachers[0].name: it is 100,001 characters"),
            "{error}"
        );
    }

    #[test]
    fn groups_in_an_import_are_one_word_each_as_typed_ones_are() {
        let mut caseload = one_teacher("Lee, Min");
        caseload.teachers[0].tags = vec!["blended pilot".into(), "Blended-Pilot".into()];
        let json = write(&caseload, day());
        assert_eq!(read(&json).unwrap().teachers[0].tags, ["blended-pilot"]);
    }

    #[test]
    fn other_files_are_refused_saying_what_they_are() {
        assert!(read("name,school").unwrap_err().contains("not valid JSON"));
        let teacher = r#"{"format": "coachlog-teacher", "version": 1}"#;
        assert!(read(teacher).unwrap_err().contains("one teacher's export"));
        let newer = r#"{"format": "coachlog-caseload", "version": 2}"#;
        assert!(read(newer).unwrap_err().contains("newer coachlog"));
        let other = r#"{"format": "something", "version": 1}"#;
        assert!(read(other).unwrap_err().contains("not a coachlog caseload"));
        let broken = r#"{"format": "coachlog-caseload", "version": 1, "teachers": [{"id": "x"}]}"#;
        assert!(read(broken).unwrap_err().contains("not complete"));
    }
}
