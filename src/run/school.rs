//! `coachlog school`: a school at a glance, as Markdown or a printable HTML page.

use crate::cli::{SchoolExport, SchoolFormat};
use crate::db::Store;
use crate::model::school_key;
use crate::text;
use anyhow::{Result, anyhow};
use std::process::ExitCode;

/// The school whose name `typed` is a unique start of (case folded), else why not.
fn resolve(names: &[String], typed: &str) -> Result<String> {
    let start = school_key(typed);
    let all = || {
        names
            .iter()
            .map(|n| text::line(n).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if names.is_empty() {
        return Err(anyhow!(
            "no one here names a school yet; give people a school first"
        ));
    }
    if let Some(exact) = names.iter().find(|n| school_key(n) == start) {
        return Ok(exact.clone());
    }
    let found: Vec<&String> = names
        .iter()
        .filter(|n| !start.is_empty() && school_key(n).starts_with(&start))
        .collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(anyhow!(
            "no school's name starts with \"{}\"; the schools are: {}",
            text::line(typed.trim()),
            all()
        )),
        several => Err(anyhow!(
            "\"{}\" starts the names of {} schools ({}); type more of the name",
            text::line(typed.trim()),
            several.len(),
            several
                .iter()
                .map(|n| text::line(n).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

pub(super) fn school(store: &Store, args: SchoolExport, gap_days: u32) -> Result<ExitCode> {
    let name = resolve(&store.school_names()?, &args.name)?;
    let today = store.clock().today();
    let summary = store
        .school_summary(&name, today, gap_days)?
        .ok_or_else(|| anyhow!("{} is no longer there", text::line(&name)))?;
    let written = match args.format.unwrap_or(SchoolFormat::Md) {
        SchoolFormat::Md => crate::export::school::markdown(&summary, today),
        SchoolFormat::Html => crate::export::school::html(&summary, today),
    };
    super::export::deliver(&written, args.output.as_deref(), args.force, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_is_named_by_a_unique_start_of_its_name_in_any_case() {
        let names = vec![
            "Eastside Middle".to_string(),
            "East High".into(),
            "Northgate".into(),
        ];
        assert_eq!(resolve(&names, "north").unwrap(), "Northgate");
        assert_eq!(resolve(&names, "EASTSIDE").unwrap(), "Eastside Middle");
        let several = resolve(&names, "east").unwrap_err().to_string();
        assert!(
            several.contains("2 schools (Eastside Middle, East High)"),
            "{several}"
        );
        let none = resolve(&names, "west").unwrap_err().to_string();
        assert!(none.contains("the schools are: Eastside Middle, East High, Northgate"));
    }
}
