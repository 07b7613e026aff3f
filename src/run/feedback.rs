//! `coachlog feedback`: the note for the teacher from an observation or a check-in, kept
//! on its record and written to standard output or a file.

use super::export::write_private_file;
use super::resolve_teacher;
use crate::cli::{Feedback, FeedbackFormat};
use crate::db::{Command, Store};
use crate::model::TeacherFile;
use crate::model::feedback::{Choices, Note, Source, shared, suggest};
use crate::text;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::process::ExitCode;

pub(super) fn feedback(store: &mut Store, args: Feedback) -> Result<ExitCode> {
    let teacher = match resolve_teacher(store, &args.teacher, true)? {
        Ok(teacher) => teacher,
        Err(code) => return Ok(code),
    };
    let name = text::line(&teacher.name).into_owned();
    let mut file = store
        .teacher_file(&teacher.meta.id)?
        .ok_or_else(|| anyhow!("{name} is no longer in the caseload; no feedback was made"))?;
    // An id may name an older observation than the first page holds.
    if args.id.is_some() {
        store.load_all_observations(&mut file)?;
    }
    let source = match &args.id {
        Some(typed) => {
            let id = full_id(&file, typed)?;
            Source::find(&file, &id)
        }
        None => Source::latest(&file),
    }
    .map_err(|refused| anyhow!("{name}: {refused}; no feedback was made"))?;
    let clean = |typed: &str, what: &str| {
        text::clean_line(typed)
            .map_err(|e| anyhow!("the {what} was not taken: {e}; no feedback was made"))
    };
    let choices = Choices {
        strength: clean(&args.strength, "strength")?,
        next_step: match &args.next_step {
            Some(typed) => clean(typed, "next step")?,
            None => suggest(&file, source).unwrap_or_default(),
        },
        ratings: args.ratings,
    };
    if let Some(missing) = choices.missing() {
        let mut asks = Vec::new();
        if choices.strength.trim().is_empty() {
            asks.push("--strength \"...\"");
        }
        if choices.next_step.trim().is_empty() {
            asks.push(match args.next_step {
                None => "--next-step \"...\" (no look-for of the focus is left to suggest one)",
                Some(_) => "--next-step \"...\"",
            });
        }
        let how = asks.join(" and ");
        return Err(anyhow!(
            "{name}: the note needs {missing}: say it with {how}; no feedback was made"
        ));
    }
    let today = store.clock().today();
    let note = Note::new(&file, source, &choices, today);
    let written = match args.format {
        FeedbackFormat::Text => crate::export::feedback::text(&note),
        FeedbackFormat::Md => crate::export::feedback::markdown(&note),
        FeedbackFormat::Html => crate::export::feedback::html(&note),
    };
    let opened = source.record();
    let shared = shared(opened.clone(), &note, store.clock().local_now());

    // Written first: the record says it was shared only once the note is out.
    match &args.output {
        None => std::io::stdout().lock().write_all(written.as_bytes())?,
        Some(path) => write_private_file(path, written.as_bytes(), args.force)?,
    }
    store.apply(Command::revise(opened, shared))?;
    if let Some(path) = &args.output {
        let _ = writeln!(
            std::io::stderr(),
            "wrote {}",
            text::line(&path.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The id of the teacher's observation or check-in that `typed` is a unique start of
/// (case aside, as ids are shown).
fn full_id(file: &TeacherFile, typed: &str) -> Result<String> {
    let wanted = typed.trim().to_uppercase();
    if wanted.is_empty() {
        return Err(anyhow!("--id: give an observation's or check-in's id"));
    }
    let ids = file
        .observations
        .iter()
        .map(|o| &o.meta.id)
        .chain(file.check_ins.iter().map(|c| &c.meta.id));
    let matching: Vec<&String> = ids
        .filter(|id| crate::model::id_starts_with(id, typed))
        .collect();
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(anyhow!(
            "--id: no observation or check-in of {} starts with \"{}\"",
            text::line(&file.teacher.name),
            text::line(typed)
        )),
        _ => Err(anyhow!(
            "--id: \"{}\" starts more than one id; type more of it",
            text::line(typed)
        )),
    }
}
