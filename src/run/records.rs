//! The commands that read and write records: observe, search, trash, teacher add and list.

use super::say_error;
use crate::cli::{Observe, Search, TeacherAdd};
use crate::db::{NameMatch, Store};
use crate::model::{AnyRecord, Observation, Rating, Teacher};
use crate::text;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::process::ExitCode;

/// The teacher a typed name means, or the candidates printed and exit code 2.
pub fn resolve_teacher(
    store: &Store,
    typed: &str,
    include_archived: bool,
) -> Result<Result<Teacher, ExitCode>> {
    let (message, candidates) = match store.match_teacher(typed, include_archived)? {
        NameMatch::One(teacher) => return Ok(Ok(*teacher)),
        NameMatch::Ambiguous(candidates) => (
            format!(
                "\"{}\" matches more than one teacher; type more of the name:",
                text::line(typed)
            ),
            candidates,
        ),
        NameMatch::Unknown(candidates) if candidates.is_empty() => (
            "there are no teachers yet; add one with: coachlog teacher add NAME".to_string(),
            candidates,
        ),
        NameMatch::Unknown(candidates) => (
            format!(
                "no teacher matches \"{}\"; the teachers are:",
                text::line(typed)
            ),
            candidates,
        ),
    };
    let mut err = std::io::stderr().lock();
    writeln!(err, "coachlog: {message}")?;
    for teacher in candidates {
        writeln!(err, "  {}", text::line(&teacher.name))?;
    }
    Ok(Err(ExitCode::from(2)))
}

pub(super) fn observe(store: &mut Store, observe: Observe) -> Result<ExitCode> {
    let teacher = match resolve_teacher(store, &observe.teacher, false)? {
        Ok(teacher) => teacher,
        Err(code) => return Ok(code),
    };
    let (now, zone) = (store.clock().local_now(), store.clock().zone());
    let observed_at = match &observe.at {
        Some(when) => crate::dates::parse_date_time(when, now.wall())
            .map_err(|e| e.to_string())
            .map(|at| zone.at_wall(at))
            .and_then(|at| crate::model::when::not_in_future(at, now))
            .map_err(|e| anyhow!("--at: {e}"))?,
        None => now,
    };
    let evidence = text::clean(observe.text.join(" ").trim())
        .map_err(|e| anyhow!("the evidence was not saved: {e}"))?;
    if evidence.trim().is_empty() {
        anyhow::bail!("the evidence is empty: write what you saw after the options");
    }
    let observation = Observation {
        teacher_id: teacher.meta.id.clone(),
        observed_at,
        minutes: observe.minutes,
        evidence,
        rating: observe.rating.and_then(Rating::new),
        private: observe.private,
        ..Observation::default()
    };
    let applied = store.apply(crate::db::Command::Add(AnyRecord::Observation(observation)))?;
    let Some(AnyRecord::Observation(saved)) = applied.changes.first().and_then(|c| c.after.clone())
    else {
        anyhow::bail!("the observation was not saved");
    };
    let focus = match &saved.focus_id {
        Some(id) => store
            .get::<crate::model::Focus>(id)?
            .map(|f| text::line(&f.statement).into_owned())
            .unwrap_or_default(),
        None => "no active focus".to_string(),
    };
    let rating = saved.rating.map_or("not rated".to_string(), |r| {
        format!("rated {} {}", r.value(), r.label())
    });
    let private = if saved.private { " · private" } else { "" };
    writeln!(
        std::io::stdout(),
        "saved observation of {} · {} · {rating}{private}\nfocus: {focus}\n{}",
        text::line(&teacher.name),
        saved.observed_at.format("%a %-d %b %Y %H:%M"),
        text::block(&saved.evidence)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// One line a note: teacher, kind, date and the words around the match, like grep:
/// exit 1 when nothing matches.
pub(super) fn search(store: &Store, search: Search) -> Result<ExitCode> {
    let typed = search.words.join(" ");
    if !crate::db::searchable(&typed) {
        say_error("nothing to search for: give words from a note, e.g. coachlog search warm-up");
        return Ok(ExitCode::from(2));
    }
    let hits = store.search(&typed, usize::try_from(search.limit).unwrap_or(usize::MAX))?;
    if hits.is_empty() {
        say_error(&format!("no note matches \"{typed}\""));
        return Ok(ExitCode::FAILURE);
    }
    let names: Vec<String> = hits
        .iter()
        .map(|hit| text::line(&hit.teacher_name).into_owned())
        .collect();
    let name_width = names
        .iter()
        .map(|name| text::width(name))
        .max()
        .unwrap_or(0);
    let columns = terminal_columns();
    let mut out = std::io::stdout().lock();
    for (hit, name) in hits.iter().zip(&names) {
        let name = text::fit(name, name_width);
        let mut marks = String::new();
        if hit.private {
            marks.push_str(" (private)");
        }
        if hit.teacher_archived {
            marks.push_str(" (archived)");
        }
        let line = format!(
            "{name}  {}  {}  {}{marks}",
            text::fit(hit.kind.label(), 11),
            hit.date.format("%e %b %Y"),
            text::line(&hit.excerpt),
        );
        match columns {
            Some(columns) => writeln!(out, "{}", text::truncate(&line, columns))?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How wide a line of output may be: `COLUMNS` when set, else the terminal's width when
/// the output is a terminal; `None` (whole lines) when it goes to a file or a pipe.
fn terminal_columns() -> Option<usize> {
    use std::io::IsTerminal;
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|&columns| columns > 0);
    from_env.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(columns, _)| usize::from(columns))
            .filter(|&columns| columns > 0)
    })
}

pub(super) fn trash(store: &Store) -> Result<ExitCode> {
    let trashed = store.trash()?;
    let mut out = std::io::stdout().lock();
    if trashed.is_empty() {
        writeln!(out, "the trash is empty")?;
    }
    let zone = store.clock().zone();
    for item in trashed {
        // The day it was deleted where the coach is, not the UTC day of its stamp.
        let day = crate::model::local_day(&item.deleted_at, zone)
            .map_or_else(|| item.deleted_at.clone(), |day| day.to_string());
        writeln!(
            out,
            "{}  {}  {}  {}  {}",
            day,
            text::fit(item.kind.label(), 11),
            text::fit(&text::line(&item.teacher), 20),
            item.id,
            text::truncate(&text::line(&item.summary), 60)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn add_teacher(store: &mut Store, add: TeacherAdd, days: u32) -> Result<ExitCode> {
    let line = |typed: &str, what: &str| {
        text::clean_line(typed).map_err(|e| anyhow!("the {what} was not saved: {e}"))
    };
    let teacher = Teacher {
        name: line(&add.name, "name")?,
        school: line(&add.school, "school")?,
        subject: line(&add.subject, "subject")?,
        cadence_days: add.cadence.unwrap_or(days),
        role: add.role,
        tags: crate::model::people::parse_tags(&add.tags.join(","))
            .map_err(|why| anyhow!("nobody was added: {why}"))?,
        ..Teacher::default()
    };
    store.apply(crate::db::Command::Add(AnyRecord::Teacher(teacher.clone())))?;
    writeln!(std::io::stdout(), "added {}", text::line(&teacher.name))?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn list_teachers(
    store: &Store,
    all: bool,
    pick: &crate::model::people::Selection,
) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let picked: Vec<_> = store
        .teachers(all)?
        .into_iter()
        .filter(|t| pick.holds(t))
        .collect();
    if picked.is_empty() && pick != &crate::model::people::Selection::default() {
        // Nothing on standard output (a script reads an empty list), and a word on why.
        eprintln!("coachlog: no one matches {}", text::line(&pick.to_string()));
    }
    for teacher in picked {
        let mut more = String::new();
        if !teacher.role.is_teacher() {
            more.push_str(&format!("\t{}", teacher.role));
        }
        if !teacher.tags.is_empty() {
            let tags: Vec<String> = teacher
                .tags
                .iter()
                .map(|tag| format!("#{}", text::line(tag)))
                .collect();
            more.push_str(&format!("\t{}", tags.join(" ")));
        }
        if teacher.archived {
            more.push_str("\tarchived");
        }
        writeln!(
            out,
            "{}\t{}\t{}\tevery {}d{more}",
            text::line(&teacher.name),
            text::line(&teacher.school),
            text::line(&teacher.subject),
            teacher.cadence_days,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
