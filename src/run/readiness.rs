//! `coachlog readiness`: the readiness recommendation, as Markdown or a printable page.

use crate::cli::{ReadinessExport, SchoolFormat};
use crate::db::Store;
use anyhow::Result;
use std::process::ExitCode;

pub(super) fn readiness(store: &Store, args: ReadinessExport) -> Result<ExitCode> {
    let board = store.readiness_board()?;
    let today = store.clock().today();
    let written = match args.format.unwrap_or(SchoolFormat::Md) {
        SchoolFormat::Md => crate::export::readiness::markdown(&board, today),
        SchoolFormat::Html => crate::export::readiness::html(&board, today),
    };
    super::export::deliver(&written, args.output.as_deref(), args.force, "")
}
