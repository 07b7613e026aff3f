//! `coachlog round list` and `coachlog round report`.

use crate::cli::{RoundCommand, RoundFormat, RoundReport};
use crate::db::Store;
use crate::model::{Round, Walkthrough, trend};
use crate::text;
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use std::process::ExitCode;

pub(super) fn round(store: &Store, command: RoundCommand) -> Result<ExitCode> {
    match command {
        RoundCommand::List => list(store),
        RoundCommand::Report(report) => self::report(store, report),
    }
}

/// One line a round, newest first: id, day, practice, how it came out.
fn list(store: &Store) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for walkthrough in store.walkthroughs()? {
        let summary = store
            .round(&walkthrough.meta.id)?
            .map(|round| round.tally().summary())
            .unwrap_or_default();
        writeln!(
            out,
            "{}\t{}\t{}\t{summary}",
            walkthrough.meta.id,
            walkthrough.held_on,
            text::line(&walkthrough.practice)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The round `typed` names: `last`, its id, or the start of one id only.
fn find(rounds: &[Walkthrough], typed: &str) -> Result<Walkthrough> {
    let typed = typed.trim();
    if typed.eq_ignore_ascii_case("last") {
        return rounds
            .first()
            .cloned()
            .ok_or_else(|| anyhow!("there is no walkthrough round yet"));
    }
    let matching: Vec<&Walkthrough> = rounds
        .iter()
        .filter(|w| crate::model::id_starts_with(&w.meta.id, typed))
        .collect();
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] => bail!(
            "no round has the id {}; coachlog round list shows them",
            text::line(typed)
        ),
        many => bail!(
            "{} rounds have ids starting {}; type more of it (coachlog round list shows them)",
            many.len(),
            text::line(typed)
        ),
    }
}

/// The report of a round as `format`, with the trend of its practice over every round
/// that looked for it.
fn report_text(store: &Store, round: &Round, format: RoundFormat) -> Result<String> {
    let practice = &round.walkthrough.practice;
    let trend = trend(&store.rounds_on(practice)?, practice);
    Ok(match format {
        RoundFormat::Md => crate::export::round::markdown(round, &trend),
        RoundFormat::Html => crate::export::round::html(round, &trend),
        RoundFormat::Csv => crate::export::round::csv(round),
    })
}

fn report(store: &Store, report: RoundReport) -> Result<ExitCode> {
    if report.id.trim().len() < 4 && !report.id.trim().eq_ignore_ascii_case("last") {
        bail!("type at least 4 characters of the round's id, or last");
    }
    let walkthrough = find(&store.walkthroughs()?, &report.id)?;
    let round = store
        .round(&walkthrough.meta.id)?
        .ok_or_else(|| anyhow!("that round is no longer there"))?;
    let written = report_text(store, &round, report.format.unwrap_or(RoundFormat::Md))?;
    super::export::deliver(
        &written,
        report.output.as_deref(),
        report.force,
        "the round report to ",
    )
}
