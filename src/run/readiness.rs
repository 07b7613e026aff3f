//! `coachlog readiness`: the readiness recommendation, as Markdown or a printable page.

use super::export::write_private_file;
use crate::cli::{ReadinessExport, SchoolFormat};
use crate::db::Store;
use crate::text;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

pub(super) fn readiness(store: &Store, args: ReadinessExport) -> Result<ExitCode> {
    let board = store.readiness_board()?;
    let today = store.clock().today();
    let written = match args.format.unwrap_or(SchoolFormat::Md) {
        SchoolFormat::Md => crate::export::readiness::markdown(&board, today),
        SchoolFormat::Html => crate::export::readiness::html(&board, today),
    };
    let Some(path) = args.output else {
        std::io::stdout().lock().write_all(written.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    write_private_file(&path, written.as_bytes(), args.force)?;
    let _ = writeln!(
        std::io::stderr(),
        "wrote {}",
        text::line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}
