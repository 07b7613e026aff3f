//! `coachlog support add` and `support list`: supports given to a teacher, from the shell.

use super::resolve_teacher;
use crate::cli::SupportAdd;
use crate::db::{Command, Store};
use crate::model::{AnyRecord, Support, SupportKind, when};
use crate::text;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::process::ExitCode;

/// Records the support under the teacher's active focus and says what was saved.
pub(super) fn add(store: &mut Store, add: SupportAdd, author: Option<&str>) -> Result<ExitCode> {
    let teacher = match resolve_teacher(store, &add.teacher, false)? {
        Ok(teacher) => teacher,
        Err(code) => return Ok(code),
    };
    let kind = SupportKind::from_words(&add.kind).map_err(|e| anyhow!("--kind: {e}"))?;
    let today = store.clock().today();
    let given_on = match &add.on {
        Some(typed) => crate::dates::parse_date(typed, today)
            .map_err(|e| e.to_string())
            .and_then(|day| when::not_after_today(day, today))
            .map_err(|e| anyhow!("--on: {e}"))?,
        None => today,
    };
    let given_by = text::clean_line(add.by.as_deref().or(author).unwrap_or("coach").trim())
        .map_err(|e| anyhow!("who gave it was not saved: {e}"))?;
    let note = text::clean(add.note.trim()).map_err(|e| anyhow!("the note was not saved: {e}"))?;
    let support = Support {
        teacher_id: teacher.meta.id.clone(),
        focus_id: teacher.active_focus_id.clone(),
        kind,
        given_on,
        given_by,
        note,
        minutes: Some(add.minutes.unwrap_or_else(|| kind.default_minutes())),
        private: add.private,
        ..Support::default()
    };
    store.apply(Command::Add(AnyRecord::Support(support.clone())))?;
    let private = if support.private { " · private" } else { "" };
    writeln!(
        std::io::stdout(),
        "saved support for {} · {} · {} · by {} · {} min{private}",
        text::line(&teacher.name),
        support.given_on.format("%a %-d %b %Y"),
        kind.label(),
        text::line(&support.given_by),
        support.minutes.unwrap_or_default(),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// One support a line, newest first, tab-separated: day, kind, who, minutes, note.
pub(super) fn list(store: &Store, typed: &str) -> Result<ExitCode> {
    let teacher = match resolve_teacher(store, typed, true)? {
        Ok(teacher) => teacher,
        Err(code) => return Ok(code),
    };
    let supports = store.supports(&teacher.meta.id)?;
    let mut out = std::io::stdout().lock();
    if supports.is_empty() {
        writeln!(
            out,
            "no support recorded for {} yet; coachlog support add records one",
            text::line(&teacher.name)
        )?;
    }
    for support in supports {
        let private = if support.private { "\tprivate" } else { "" };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}{private}",
            support.given_on,
            support.kind.label(),
            text::line(&support.given_by),
            support
                .minutes
                .map_or_else(|| "—".to_owned(), |m| format!("{m} min")),
            text::line(&support.note),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
