//! What each command line does: headless subcommands, or the TUI.

use crate::cli::{Cli, Command, SupportCommand, TeacherCommand};
use crate::clock::Clock;
use crate::db::Store;
use crate::text;
use anyhow::{Context, Result, anyhow};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod export;
mod feedback;
mod import;
mod readiness;
mod records;
mod roster;
mod rounds;
mod school;
mod supports;
mod time_spent;

use export::export;
pub use records::resolve_teacher;
use records::{add_teacher, list_teachers, observe, search, trash};

/// The whole program: parse the command line, run it, and turn the outcome into an exit
/// code with at most one line on stderr.
pub fn main() -> ExitCode {
    use clap::Parser;
    crate::platform::one_heap();
    // A shell asking what to complete (`COMPLETE=bash coachlog -- …`) is answered and
    // the process ends here; nothing is opened but, for `--teacher`, the names.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let env_db = std::env::var_os("COACHLOG_DB");
    let cli = match Cli::plain_launch(&args, env_db.as_deref()) {
        Some(cli) => cli,
        None => match Cli::try_parse() {
            Ok(cli) => cli,
            Err(error) => return usage_error(&error),
        },
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
    // Completions and the manual describe the command line: no database is opened.
    match cli.command {
        Some(Command::Completions { shell }) => return completions(shell),
        Some(Command::Man) => return manual(),
        _ => {}
    }
    let config_path = crate::config::path();
    let crate::config::Loaded { config, problems } =
        crate::config::Config::load(config_path.as_deref());
    // The school's words for the rating scale, in every screen and export.
    crate::model::set_rating_labels(&config.rating_labels);
    if let Some(Command::Config { keys }) = cli.command {
        return show_config(config_path.as_deref(), &config, &problems, keys);
    }
    // Said before anything is opened: nothing is created or backed up for a view that
    // cannot be drawn.
    if cli.command.is_none()
        && let Some(why) = crate::tui::cannot_draw()
    {
        return Err(anyhow!(why));
    }
    let clock = Clock::from_env().map_err(|message| anyhow!(message))?;
    // The demo lives in a private temp folder, removed on exit; the user's file is never opened.
    let demo_dir = if cli.demo { Some(demo_folder()?) } else { None };
    let path = match &demo_dir {
        Some(dir) => dir.path().join("demo.db"),
        None => database_path(cli.db.or_else(|| config.database.clone()))?,
    };
    // A backup put in place of the database: the database is not opened, it may be damaged.
    if let Some(Command::Restore { what }) = &cli.command
        && demo_dir.is_none()
        && Path::new(what).is_file()
    {
        return restore_file(&path, Path::new(what), clock);
    }
    // A check reads a file as it is: a damaged one is never written to.
    let open = match cli.command {
        Some(Command::Check { .. }) => Store::open_to_check,
        _ => Store::open,
    };
    let mut store = open(&path, clock).map_err(|error| damaged(&path, error))?;
    if let Some(author) = &config.author {
        store.set_author(author);
    }
    // A mistake in the settings: said once, on the status line or on standard error.
    let settings_problem = problems.first().map(|first| match problems.len() {
        1 => first.clone(),
        n => format!("{first} (and {} more: coachlog config lists them)", n - 1),
    });
    if cli.command.is_some() {
        for problem in &problems {
            let _ = writeln!(std::io::stderr(), "coachlog: {problem}");
        }
    }
    if demo_dir.is_some() {
        crate::demo::load(&mut store, clock.today())?;
    }
    match cli.command {
        None => {
            // The day's backup, on the first start of the day (not of the demo's file).
            let kept = if demo_dir.is_some() {
                0
            } else {
                config.backups_kept
            };
            let backup = store.daily_backup_job(kept);
            crate::tui::run(store, config, settings_problem, backup).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man) => manual(),
        Some(Command::Config { keys }) => {
            show_config(config_path.as_deref(), &config, &problems, keys)
        }
        Some(Command::Check { quick }) => check(&store, quick),
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
        Some(Command::Support(SupportCommand::Add(add))) => {
            supports::add(&mut store, add, config.author.as_deref())
        }
        Some(Command::Support(SupportCommand::List { teacher })) => {
            supports::list(&store, &teacher)
        }
        Some(Command::Teacher(TeacherCommand::Add(add))) => {
            add_teacher(&mut store, add, config.check_in_days)
        }
        Some(Command::Teacher(TeacherCommand::List {
            all,
            role,
            tags,
            school,
        })) => {
            let pick = crate::model::people::Selection { role, tags, school };
            list_teachers(&store, all, &pick)
        }
        Some(Command::Export(export)) => self::export(&store, export),
        Some(Command::Feedback(args)) => feedback::feedback(&mut store, args),
        Some(Command::Calendar(args)) => export::calendar(&store, args),
        Some(Command::Round(round)) => rounds::round(&store, round),
        Some(Command::Time(args)) => time_spent::time(&store, args),
        Some(Command::School(args)) => school::school(&store, args, config.coverage_gap_days),
        Some(Command::Readiness(args)) => readiness::readiness(&store, args),
        Some(Command::Import(import)) => import::import(&mut store, import, config.check_in_days),
    }
}

/// A private folder for the demo (`tempdir` alone follows the umask: often world-readable).
fn demo_folder() -> Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("coachlog-demo-");
    crate::platform::owner_only(&mut builder, true);
    builder
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

/// The shell's completion script: it asks coachlog what to offer as the user types, so
/// every subcommand and option completes, and `--teacher` completes the teachers' names.
fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        clap_complete::Shell::Elvish => &Elvish,
        other => return Err(anyhow!("no completion for {other} yet")),
    };
    let mut out = Vec::new();
    completer.write_registration("COMPLETE", "coachlog", "coachlog", "coachlog", &mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The database a shell completes `--teacher` from: `COACHLOG_DB`, else the settings'
/// `database`, else the default file (the command line's own `--db` is not seen then).
pub(crate) fn completion_database() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("COACHLOG_DB").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let config_path = crate::config::path();
    let loaded = crate::config::Config::load(config_path.as_deref());
    database_path(loaded.config.database).ok()
}

/// The manual page, in roff.
fn manual() -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `coachlog config`: where the file is, each setting in effect (as it would be written
/// in the file), then what is wrong in the file, if anything (exit 1 then).
fn show_config(
    path: Option<&Path>,
    config: &crate::config::Config,
    problems: &[String],
    keys: bool,
) -> Result<ExitCode> {
    let mut problems = problems.to_vec();
    problems.extend(crate::app::keymap::rebind(&config.keys));
    let mut out = std::io::stdout().lock();
    if keys {
        writeln!(out, "[keys]")?;
        for (action, key, hint) in crate::app::keymap::actions() {
            let line = format!("{action:?} = {key:?}");
            writeln!(out, "{line:<40} # {hint}")?;
        }
    } else {
        match path {
            Some(path) => {
                let state = if path.exists() {
                    ""
                } else {
                    " (not there yet: every setting is at its default)"
                };
                writeln!(out, "# {}{state}", text::line(&path.display().to_string()))?;
            }
            None => writeln!(
                out,
                "# no settings file: HOME is not an absolute path; set COACHLOG_CONFIG"
            )?,
        }
        for (key, value) in config.lines() {
            match value.strip_prefix("# ") {
                Some(default) => writeln!(out, "# {key} = …  ({default})")?,
                None => writeln!(out, "{key} = {value}")?,
            }
        }
    }
    drop(out);
    for problem in &problems {
        writeln!(std::io::stderr(), "coachlog: {problem}")?;
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
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
    // SQLite's generic error, met reading a file that is ours, is a damaged schema too
    // ("malformed database schema", an index or table definition that no longer parses).
    // So is a value that no longer reads as what was written (text that is not UTF-8).
    let corrupt = match &error {
        crate::db::Error::Sqlite(inner @ rusqlite::Error::SqliteFailure(..)) => matches!(
            inner.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::Unknown)
        ),
        crate::db::Error::Sqlite(
            rusqlite::Error::Utf8Error(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..),
        ) => true,
        _ => false,
    };
    if !corrupt {
        return error.into();
    }
    anyhow!(
        "{} is damaged ({error}); nothing was changed. Put a backup in its place with coachlog restore FILE",
        path.display()
    )
}

fn check(store: &Store, quick: bool) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let problems = if quick {
        store.quick_check()
    } else {
        store.check()
    }
    .map_err(|error| damaged(store.path(), error))?;
    let took = started.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    if problems.is_empty() {
        writeln!(out, "ok")?;
        // On stderr, so that stdout stays `ok`; a file with problems gets only those.
        if quick {
            eprintln!(
                "quick check took {took:.1} s; without --quick, each index is matched to its table too"
            );
        } else {
            eprintln!(
                "full check took {took:.1} s; `coachlog check --quick` skips matching indexes to tables"
            );
        }
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
            crate::platform::create_private_dir_all(&folder)
                .with_context(|| format!("cannot create the folder {}", folder.display()))?;
            let stamp = store.clock().now().format("%Y%m%d-%H%M%S");
            folder.join(format!("coachlog-{stamp}.db"))
        }
    };
    store.backup_to(&target)?;
    writeln!(std::io::stdout(), "backed up to {}", target.display())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
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
