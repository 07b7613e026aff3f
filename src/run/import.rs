//! `coachlog export --all` and `coachlog import`: the whole caseload out as JSON, and
//! back in, merged record by record.

use crate::cli::{Export, ExportFormat, Import};
use crate::db::{Imported, Store};
use crate::model::Kind;
use crate::text;
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use std::process::ExitCode;

/// Every record, trash and private notes included, as JSON (to standard output or a
/// private file).
pub(super) fn export_all(store: &Store, export: Export) -> Result<ExitCode> {
    if export
        .format
        .is_some_and(|format| format != ExportFormat::Json)
    {
        bail!("--all writes the whole caseload as JSON only; use -f json (or leave -f out)");
    }
    let caseload = store.caseload()?;
    let written = crate::export::caseload::write(&caseload, store.clock().today());
    let Some(path) = export.output else {
        std::io::stdout().lock().write_all(written.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    super::export::write_private_file(&path, written.as_bytes(), export.force)?;
    let records: usize = Kind::ALL.iter().map(|kind| caseload.count(*kind)).sum();
    let _ = writeln!(
        std::io::stderr(),
        "wrote {} to {}",
        records_word(records),
        text::line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads FILE and merges it in: a caseload export (JSON) or a roster (CSV); or takes the
/// last import back.
pub(super) fn import(store: &mut Store, import: Import, days: u32) -> Result<ExitCode> {
    let Some(file) = import.file.filter(|_| !import.undo) else {
        return undo(store);
    };
    let shown = text::line(&file.display().to_string()).into_owned();
    let bytes = std::fs::read(&file).map_err(|e| anyhow!("cannot read {shown}: {e}"))?;
    let contents = String::from_utf8(bytes).map_err(|_| {
        anyhow!("{shown} is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and import it again")
    })?;
    // A caseload export is a JSON object; anything else is read as a roster.
    if !contents
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return super::roster::import(store, &contents, &shown, (import.dry_run, days));
    }
    let caseload = crate::export::caseload::read(&contents)
        .map_err(|why| anyhow!("{shown} was not imported: {why}"))?;
    let imported = store
        .batch(|store| {
            let imported = store.import(caseload.into_records(), import.dry_run)?;
            if !import.dry_run {
                store.remember_import(&shown, &imported.applied)?;
            }
            Ok::<_, crate::db::Error>(imported)
        })
        .map_err(|e| anyhow!("{shown} was not imported: {e}"))?;
    report(&imported, import.dry_run)?;
    if !import.dry_run && !imported.applied.changes.is_empty() {
        say_how_to_undo()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "1 record", "2 records".
fn records_word(n: usize) -> String {
    match n {
        1 => "1 record".to_owned(),
        n => format!("{n} records"),
    }
}

/// After an import: how to take it back.
pub(super) fn say_how_to_undo() -> Result<()> {
    writeln!(
        std::io::stdout().lock(),
        "to take this import back: coachlog import --undo"
    )?;
    Ok(())
}

/// `coachlog import --undo`: the last import taken back, or why not.
fn undo(store: &mut Store) -> Result<ExitCode> {
    let taken = store
        .undo_last_import()
        .map_err(|e| anyhow!("the last import was not taken back: {e}"))?;
    let changes = &taken.applied.changes;
    let added = changes.iter().filter(|c| c.before.is_none()).count();
    let when = crate::model::local_day(&taken.at, store.clock().zone())
        .map(|day| day.format(" of %-d %b %Y").to_string())
        .unwrap_or_default();
    writeln!(
        std::io::stdout().lock(),
        "took back the import of {}{when}: {} it changed put back as they were, {} it added moved to the trash",
        text::line(&taken.source),
        records_word(changes.len() - added),
        records_word(added),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// "added: 2 teachers, 10 observations" / "updated: nothing" / "skipped …".
fn report(imported: &Imported, dry_run: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let (added, updated, skipped) = if dry_run {
        ("would add", "would update", "would skip")
    } else {
        ("added", "updated", "skipped")
    };
    writeln!(out, "{added}: {}", counts(&imported.changed(true)))?;
    writeln!(out, "{updated}: {}", counts(&imported.changed(false)))?;
    writeln!(
        out,
        "{skipped} (the same or newer here): {}",
        counts(&imported.skipped_by_kind())
    )?;
    if dry_run {
        writeln!(out, "dry run: nothing was changed")?;
    }
    Ok(())
}

/// "2 teachers, 1 check-in", or "nothing".
fn counts(by_kind: &[(Kind, usize)]) -> String {
    if by_kind.is_empty() {
        return "nothing".into();
    }
    let parts: Vec<String> = by_kind
        .iter()
        .map(|(kind, n)| match (n, kind) {
            (1, kind) => format!("1 {kind}"),
            (n, Kind::Focus) => format!("{n} focuses"),
            (n, kind) => format!("{n} {kind}s"),
        })
        .collect();
    parts.join(", ")
}
