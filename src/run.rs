//! What each command line does: headless subcommands, or the TUI.

use crate::cli::{Cli, Command, Export, ExportFormat, Observe, Search, TeacherAdd, TeacherCommand};
use crate::clock::Clock;
use crate::db::{NameMatch, Store};
use crate::model::{AnyRecord, Observation, Rating, Teacher};
use crate::text;
use anyhow::{Context, Result, anyhow};
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod import;
mod roster;

/// The whole program: parse the command line, run it, and turn the outcome into an exit
/// code with at most one line on stderr.
pub fn main() -> ExitCode {
    use clap::Parser;
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped early (`| head -1`) is not a failure: what the command
        // wrote to the file was committed before its output was.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            say_error(&one_line(&error));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes in one line, each cause said once: an error that already
/// quotes its cause is not followed by it again.
fn one_line(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// `--help` and `--version` print as clap writes them; a usage mistake is one line.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help piped into a reader that stops early is not an error either.
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            // The first paragraph says what is wrong, its indented lines name what (the
            // missing argument); usage and tips follow after a blank line.
            let rendered = error.to_string();
            let words: Vec<&str> = rendered
                .trim_start()
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            let joined = words.join(" ");
            let first = match joined.strip_prefix("error: ") {
                Some(rest) => rest,
                None if joined.is_empty() => "the command line is not understood",
                None => joined.as_str(),
            };
            say_error(&format!("{first}; see coachlog --help"));
            ExitCode::from(2)
        }
    }
}

/// One line on stderr; a closed stderr is ignored rather than a panic.
fn say_error(message: &str) {
    let _ = writeln!(std::io::stderr(), "coachlog: {}", text::line(message));
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command line; errors come back as one human sentence for `main` to print.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let clock = Clock::from_env().map_err(|message| anyhow!(message))?;
    // The demo lives in a private temp folder, removed on exit; the user's file is never opened.
    let demo_dir = if cli.demo { Some(demo_folder()?) } else { None };
    let path = match &demo_dir {
        Some(dir) => dir.path().join("demo.db"),
        None => database_path(cli.db)?,
    };
    // A backup put in place of the database: the database is not opened, it may be damaged.
    if let Some(Command::Restore { what }) = &cli.command
        && demo_dir.is_none()
        && Path::new(what).is_file()
    {
        return restore_file(&path, Path::new(what), clock);
    }
    let mut store = Store::open(&path, clock).map_err(|error| damaged(&path, error))?;
    if demo_dir.is_some() {
        crate::demo::load(&mut store, clock.today())?;
    }
    match cli.command {
        None => {
            let config = crate::config::Config::load(crate::config::path().as_deref())
                .map_err(|m| anyhow!(m))?;
            // The day's backup, on the first start of the day (not of the demo's file).
            let kept = if demo_dir.is_some() {
                0
            } else {
                config.backups_kept
            };
            let notice = store
                .daily_backup(kept)
                .err()
                .map(|error| format!("The daily backup failed: {error}"));
            crate::tui::run(store, config, notice).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Check) => check(&store),
        Some(Command::Backup { output }) => backup(&store, output),
        Some(Command::Trash) => trash(&store),
        Some(Command::Restore { what }) => {
            let id = what.to_string_lossy().into_owned();
            let applied = store.restore(&id)?;
            let (kind, id) = applied
                .changes
                .first()
                .map_or(("record", id.as_str()), |c| (c.kind.label(), c.id.as_str()));
            writeln!(std::io::stdout(), "restored the {kind} {}", text::line(id))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Observe(observe)) => self::observe(&mut store, observe),
        Some(Command::Search(search)) => self::search(&store, search),
        Some(Command::Teacher(TeacherCommand::Add(add))) => add_teacher(&mut store, add),
        Some(Command::Teacher(TeacherCommand::List { all })) => list_teachers(&store, all),
        Some(Command::Export(export)) => self::export(&store, export),
        Some(Command::Import(import)) => import::import(&mut store, import),
    }
}

/// A private folder for the demo (`tempdir` alone follows the umask: often world-readable).
fn demo_folder() -> Result<tempfile::TempDir> {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .prefix("coachlog-demo-")
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .context("cannot create a folder for the demo")
}

/// `coachlog restore FILE`: the backup checked and put in place of the database.
fn restore_file(db: &Path, backup: &Path, clock: Clock) -> Result<ExitCode> {
    let restored = crate::db::restore_file(db, backup, clock)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "restored {} as {}",
        text::line(&backup.display().to_string()),
        text::line(&db.display().to_string())
    )?;
    if let Some(previous) = restored.previous {
        writeln!(
            out,
            "the database it replaced is kept as {}",
            text::line(&previous.display().to_string())
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn database_path(chosen: Option<PathBuf>) -> Result<PathBuf> {
    match chosen {
        Some(path) if !path.as_os_str().is_empty() => Ok(path),
        _ => crate::db::default_path()
            .context(
                "cannot find a data folder for this user (HOME must be an absolute path); choose a file with --db PATH",
            ),
    }
}

/// SQLite's bare "database disk image is malformed" said with the file it is about and
/// what to do; any other error as it is.
fn damaged(path: &Path, error: crate::db::Error) -> anyhow::Error {
    let corrupt = matches!(
        &error,
        crate::db::Error::Sqlite(inner)
            if inner.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt)
    );
    if !corrupt {
        return error.into();
    }
    anyhow!(
        "{} is damaged ({error}); nothing was changed. Put a backup in its place with coachlog restore FILE",
        path.display()
    )
}

fn check(store: &Store) -> Result<ExitCode> {
    let problems = store
        .check()
        .map_err(|error| damaged(store.path(), error))?;
    let mut out = std::io::stdout().lock();
    if problems.is_empty() {
        writeln!(out, "ok")?;
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        writeln!(out, "{}", text::line(problem))?;
    }
    Ok(ExitCode::FAILURE)
}

fn backup(store: &Store, output: Option<PathBuf>) -> Result<ExitCode> {
    let target = match output {
        Some(path) => path,
        None => {
            let folder = store
                .path()
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join("backups");
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&folder)
                .with_context(|| format!("cannot create the folder {}", folder.display()))?;
            let stamp = store.clock().now().format("%Y%m%d-%H%M%S");
            folder.join(format!("coachlog-{stamp}.db"))
        }
    };
    store.backup_to(&target)?;
    writeln!(std::io::stdout(), "backed up to {}", target.display())?;
    Ok(ExitCode::SUCCESS)
}

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

fn observe(store: &mut Store, observe: Observe) -> Result<ExitCode> {
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
fn search(store: &Store, search: Search) -> Result<ExitCode> {
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

fn trash(store: &Store) -> Result<ExitCode> {
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

fn add_teacher(store: &mut Store, add: TeacherAdd) -> Result<ExitCode> {
    let line = |typed: &str, what: &str| {
        text::clean_line(typed).map_err(|e| anyhow!("the {what} was not saved: {e}"))
    };
    let teacher = Teacher {
        name: line(&add.name, "name")?,
        school: line(&add.school, "school")?,
        subject: line(&add.subject, "subject")?,
        cadence_days: add.cadence,
        ..Teacher::default()
    };
    store.apply(crate::db::Command::Add(AnyRecord::Teacher(teacher.clone())))?;
    writeln!(std::io::stdout(), "added {}", text::line(&teacher.name))?;
    Ok(ExitCode::SUCCESS)
}

fn list_teachers(store: &Store, all: bool) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for teacher in store.teachers(all)? {
        let archived = if teacher.archived { "\tarchived" } else { "" };
        writeln!(
            out,
            "{}\t{}\t{}\tevery {}d{archived}",
            text::line(&teacher.name),
            text::line(&teacher.school),
            text::line(&teacher.subject),
            teacher.cadence_days,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn export(store: &Store, export: Export) -> Result<ExitCode> {
    let Some(typed_teacher) = export.teacher.as_deref() else {
        return import::export_all(store, export);
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
    let Some(path) = export.output else {
        std::io::stdout().lock().write_all(written.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    write_private_file(&path, written.as_bytes(), export.force)?;
    let _ = writeln!(
        std::io::stderr(),
        "wrote {}",
        text::line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a file readable by its owner only, whole or not at all: the text goes to a
/// temporary file beside it that is then renamed into place. An existing file is kept
/// unless `replace`.
pub(crate) fn write_private_file(path: &Path, contents: &[u8], replace: bool) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let cannot = || format!("cannot write {}", path.display());
    let exists = || {
        anyhow!(
            "{} already exists; nothing was written. Choose another file or add --force to replace it",
            path.display()
        )
    };
    if !replace && path.exists() {
        return Err(exists());
    }
    // NamedTempFile creates the file 0600.
    let mut temporary = tempfile::NamedTempFile::new_in(folder).with_context(cannot)?;
    temporary.write_all(contents).with_context(cannot)?;
    temporary.as_file().sync_all().with_context(cannot)?;
    let placed = if replace {
        temporary.persist(path).map(drop)
    } else {
        temporary.persist_noclobber(path).map(drop)
    };
    match placed {
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        other => other.map_err(|error| error.error).with_context(cannot),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_folder_is_private_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let folder = demo_folder().unwrap();
        let mode = std::fs::metadata(folder.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn an_error_that_quotes_its_cause_is_not_followed_by_it_again() {
        let os = std::io::Error::from_raw_os_error(21);
        let error = anyhow::Error::new(crate::db::Error::Io {
            what: "cannot read /home/coach".into(),
            source: os,
        })
        .context("cannot open the database");
        let line = one_line(&error);
        assert_eq!(line.matches("os error 21").count(), 1, "{line}");
        assert!(line.starts_with("cannot open the database: cannot read /home/coach: "));
    }
}
