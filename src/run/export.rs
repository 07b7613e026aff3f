//! `coachlog export`: one teacher's brief or record, or the whole caseload.

use super::resolve_teacher;
use crate::cli::{Export, ExportFormat};
use crate::db::Store;
use crate::text;
use anyhow::{Context, Result, anyhow};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn export(store: &Store, export: Export) -> Result<ExitCode> {
    let Some(typed_teacher) = export.teacher.as_deref() else {
        return super::import::export_all(store, export);
    };
    let today = store.clock().today();
    let since = match &export.since {
        Some(typed) => {
            Some(crate::dates::parse_date(typed, today).map_err(|e| anyhow!("--since: {e}"))?)
        }
        None => None,
    };
    let teacher = match resolve_teacher(store, typed_teacher, true)? {
        Ok(teacher) => teacher,
        Err(code) => return Ok(code),
    };
    let mut file = store.teacher_file(&teacher.meta.id)?.ok_or_else(|| {
        anyhow!(
            "{} is no longer in the caseload; nothing was exported",
            text::line(&teacher.name)
        )
    })?;
    // The file holds the newest page of observations; an export is of the whole history.
    store.load_all_observations(&mut file)?;
    let options = crate::export::Options {
        since,
        include_private: export.include_private,
        today,
    };
    let written = match export.format.unwrap_or(ExportFormat::Md) {
        ExportFormat::Md => crate::export::markdown(&file, &options),
        ExportFormat::Html => crate::export::html(&file, &options),
        ExportFormat::Json => crate::export::json(&file, &options),
    };
    deliver(&written, export.output.as_deref(), export.force, "")
}

/// `coachlog calendar`: the check-ins due and open actions with a due date, as `.ics`.
pub(super) fn calendar(store: &Store, args: crate::cli::CalendarArgs) -> Result<ExitCode> {
    let written = calendar_text(store)?;
    let Some(path) = args.output else {
        std::io::stdout().lock().write_all(written.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    write_private_file(&path, written.as_bytes(), args.force)?;
    let events = written.matches("BEGIN:VEVENT").count();
    // An empty calendar says why, lest it read as a failure to find the dates.
    let why = if events == 0 {
        ": no check-in is due and no open action has a due date; a teacher with no check-in yet has no date until the first one is held"
    } else {
        ""
    };
    let _ = writeln!(
        std::io::stderr(),
        "wrote {events} entries to {}{why}",
        text::line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// The calendar as of now: every teacher's next check-in, every open action with a date.
fn calendar_text(store: &Store) -> Result<String> {
    Ok(crate::export::calendar::write(
        &store.roster(false)?,
        &store.open_actions()?,
        store.clock().today(),
        store.clock().local_now().utc(),
    ))
}

/// Writes `written` to `output`, a file readable by its owner only (an existing one kept
/// unless `force`), and says so on standard error ("wrote {what}FILE"); without a file, to
/// standard output.
pub(super) fn deliver(
    written: &str,
    output: Option<&Path>,
    force: bool,
    what: &str,
) -> Result<ExitCode> {
    let Some(path) = output else {
        std::io::stdout().lock().write_all(written.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    write_private_file(path, written.as_bytes(), force)?;
    let _ = writeln!(
        std::io::stderr(),
        "wrote {what}{}",
        text::line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a file readable by its owner only, whole or not at all (see
/// [`crate::private_file::write`]); an existing file is kept unless `replace`.
pub(crate) fn write_private_file(path: &Path, contents: &[u8], replace: bool) -> Result<()> {
    match crate::private_file::write(path, contents, replace) {
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(anyhow!(
            "{} already exists; nothing was written. Choose another file or add --force to replace it",
            path.display()
        )),
        other => other.with_context(|| format!("cannot write {}", path.display())),
    }
}
