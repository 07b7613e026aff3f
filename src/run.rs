//! What each command line does: headless subcommands, or the TUI.

use crate::cli::{Cli, Command, TeacherAdd, TeacherCommand};
use crate::clock::Clock;
use crate::db::{AnyRecord, Store};
use crate::model::Teacher;
use crate::text;
use anyhow::{Context, Result, anyhow};
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs the command line; errors come back as one human sentence for `main` to print.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let clock = Clock::from_env().map_err(|message| anyhow!(message))?;
    let path = database_path(cli.db)?;
    let mut store = Store::open(&path, clock)?;
    match cli.command {
        None => crate::tui::run(store).map(|()| ExitCode::SUCCESS),
        Some(Command::Check) => check(&store),
        Some(Command::Backup { output }) => backup(&store, output),
        Some(Command::Teacher(TeacherCommand::Add(add))) => add_teacher(&mut store, add),
        Some(Command::Teacher(TeacherCommand::List { all })) => list_teachers(&store, all),
    }
}

fn database_path(chosen: Option<PathBuf>) -> Result<PathBuf> {
    match chosen {
        Some(path) if !path.as_os_str().is_empty() => Ok(path),
        _ => crate::db::default_path()
            .context("cannot find a data folder for this user; choose a file with --db PATH"),
    }
}

fn check(store: &Store) -> Result<ExitCode> {
    let problems = store.check()?;
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
                .with_context(|| format!("cannot create {}", folder.display()))?;
            let stamp = store.clock().now().format("%Y%m%d-%H%M%S");
            folder.join(format!("coachlog-{stamp}.db"))
        }
    };
    store.backup_to(&target)?;
    println!("backed up to {}", target.display());
    Ok(ExitCode::SUCCESS)
}

fn add_teacher(store: &mut Store, add: TeacherAdd) -> Result<ExitCode> {
    let teacher = Teacher {
        name: add.name.trim().to_owned(),
        school: add.school.trim().to_owned(),
        subject: add.subject.trim().to_owned(),
        cadence_days: add.cadence,
        ..Teacher::default()
    };
    store.apply(crate::db::Command::Add(AnyRecord::Teacher(teacher.clone())))?;
    println!("added {}", text::line(&teacher.name));
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
