//! `coachlog time`: where the coach's time went, as a table, Markdown or CSV.

use crate::cli::{TimeArgs, TimeBy, TimeFormat};
use crate::db::Store;
use crate::model::time_spent::{Grouping, Period, time_report};
use anyhow::{Result, anyhow, bail};
use std::process::ExitCode;

pub(super) fn time(store: &Store, args: TimeArgs) -> Result<ExitCode> {
    let today = store.clock().today();
    let day = |typed: &Option<String>, option: &str| {
        typed
            .as_deref()
            .map(|typed| {
                crate::dates::parse_date(typed, today).map_err(|e| anyhow!("{option}: {e}"))
            })
            .transpose()
    };
    let period = Period {
        since: day(&args.since, "--since")?,
        until: day(&args.until, "--until")?,
    };
    if let (Some(since), Some(until)) = (period.since, period.until)
        && since > until
    {
        bail!("--since {since} is after --until {until}: no day is in between");
    }
    let grouping = match args.by {
        TimeBy::Person => Grouping::Person,
        TimeBy::School => Grouping::School,
        TimeBy::Role => Grouping::Role,
        TimeBy::Kind => Grouping::Kind,
    };
    let (people, activities) = store.time_spent()?;
    let mut report = time_report(&people, &activities, period, grouping);
    if args.anonymous {
        report = report.anonymous();
    }
    let written = match args.format {
        TimeFormat::Text => crate::export::time_spent::text(&report),
        TimeFormat::Md => crate::export::time_spent::markdown(&report),
        TimeFormat::Csv => crate::export::time_spent::csv(&report),
    };
    super::export::deliver(
        &written,
        args.output.as_deref(),
        args.force,
        "the time report to ",
    )
}
