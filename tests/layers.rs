//! The layers hold: the screens and the exports draw domain values and never reach into
//! the store, and the domain itself knows nothing of SQL.

use std::fs;
use std::path::{Path, PathBuf};

/// Every Rust file under `src/<folder>`, with its text.
fn sources(folder: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, found: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder),
        &mut found,
    );
    assert!(!found.is_empty(), "no sources under src/{folder}");
    found
}

/// Whether the code names the store module: `crate::db` however it is spelled
/// (`crate::db::X`, `crate::{db, ...}`, `crate::{db::X, ...}`), or `super::db`.
fn names_the_store(text: &str) -> bool {
    let code: String = text.split_whitespace().collect();
    code.contains("crate::db")
        || code.contains("super::db")
        || code.match_indices("crate::{").any(|(at, _)| {
            let group = &code[at..];
            let group = &group[..group.find('}').unwrap_or(group.len())];
            group
                .split([',', '{'])
                .any(|item| item == "db" || item.starts_with("db::"))
        })
}

#[test]
fn screens_and_exports_never_use_the_store() {
    for folder in ["ui", "export"] {
        for (path, text) in sources(folder) {
            assert!(
                !names_the_store(&text),
                "{} uses the store: draw and export domain values (crate::model) instead",
                path.display()
            );
        }
    }
}

#[test]
fn the_domain_speaks_no_sql() {
    for (path, text) in sources("model") {
        assert!(!names_the_store(&text), "{} uses the store", path.display());
        assert!(!text.contains("rusqlite"), "{} uses SQLite", path.display());
    }
}

#[test]
fn every_spelling_of_a_store_import_is_caught() {
    for caught in [
        "use crate::db::TeacherFile;",
        "use crate::db;",
        "use crate::{\n    db::Hit,\n    text,\n};",
        "use crate::{dates, db};",
        "fn f(file: &crate::db::TeacherFile) {}",
        "use super::super::db::Hit;",
    ] {
        assert!(names_the_store(caught), "{caught}");
    }
    for allowed in [
        "use crate::model::TeacherFile;",
        "use crate::{dates, model::Hit};",
        "// the database is not read here",
    ] {
        assert!(!names_the_store(allowed), "{allowed}");
    }
}
