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
        "wrote {} records to {}",
        records,
        text::line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads FILE and merges it in: a caseload export (JSON) or a roster (CSV).
pub(super) fn import(store: &mut Store, import: Import) -> Result<ExitCode> {
    let shown = text::line(&import.file.display().to_string()).into_owned();
    let bytes = std::fs::read(&import.file).map_err(|e| anyhow!("cannot read {shown}: {e}"))?;
    let contents = String::from_utf8(bytes).map_err(|_| {
        anyhow!("{shown} is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and import it again")
    })?;
    // A caseload export is a JSON object; anything else is read as a roster.
    if !contents
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return super::roster::import(store, &contents, &shown, import.dry_run);
    }
    let caseload = crate::export::caseload::read(&contents)
        .map_err(|why| anyhow!("{shown} was not imported: {why}"))?;
    let imported = store
        .import(caseload.into_records(), import.dry_run)
        .map_err(|e| anyhow!("{shown} was not imported: {e}"))?;
    report(&imported, import.dry_run)?;
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
