//! `coachlog import roster.csv`: teachers from a spreadsheet or the school's
//! student-information system. Columns are found by their header, whatever its case
//! and spacing; a teacher already in the caseload (by name) is updated, a new one added.

use crate::db::{Applied, Command, Store};
use crate::model::{AnyRecord, Teacher};
use crate::text;
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use std::process::ExitCode;

/// What a header can be called, each compared with case, spaces, `_`, `-` and `.` left out.
const NAMES: [(Column, &[&str]); 8] = [
    (
        Column::Name,
        &["name", "teacher", "teachername", "fullname", "staffname"],
    ),
    (
        Column::First,
        &["first", "firstname", "givenname", "forename"],
    ),
    (Column::Last, &["last", "lastname", "surname", "familyname"]),
    (
        Column::School,
        &["school", "schoolname", "building", "campus"],
    ),
    (
        Column::Subject,
        &[
            "subject",
            "course",
            "coursename",
            "coursetitle",
            "subjectarea",
        ],
    ),
    (Column::Grade, &["grade", "grades", "gradelevel"]),
    (Column::Email, &["email", "emailaddress", "mail"]),
    (
        Column::Cadence,
        &["cadence", "cadencedays", "checkincadence", "checkindays"],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    First,
    Last,
    School,
    Subject,
    Grade,
    Email,
    Cadence,
}

fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which column of the file each field is in.
#[derive(Debug, Default)]
struct Layout {
    at: Vec<(Column, usize)>,
    /// Headers no field takes, ignored.
    extra: Vec<String>,
}

impl Layout {
    fn read(headers: &[String]) -> Layout {
        let mut layout = Layout::default();
        for (index, header) in headers.iter().enumerate() {
            let key = header_key(header);
            let column = NAMES
                .iter()
                .find(|(_, names)| names.contains(&key.as_str()))
                .map(|(column, _)| *column);
            match column {
                // The first column of a field is the one read (e.g. subject before course).
                Some(column) if layout.index(column).is_none() => layout.at.push((column, index)),
                _ if !header.trim().is_empty() => layout.extra.push(header.trim().to_owned()),
                _ => {}
            }
        }
        layout
    }

    fn index(&self, column: Column) -> Option<usize> {
        self.at.iter().find(|(c, _)| *c == column).map(|(_, i)| *i)
    }

    fn has_name(&self) -> bool {
        self.index(Column::Name).is_some()
            || self.index(Column::First).is_some()
            || self.index(Column::Last).is_some()
    }
}

/// Each row of the file (its line number and what it comes to), and notes on columns.
#[derive(Debug)]
pub(super) struct Plan {
    rows: Vec<(u64, Outcome)>,
    notes: Vec<String>,
}

/// What one row of the file comes to.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    Add(Box<Teacher>),
    Update {
        before: Box<Teacher>,
        after: Box<Teacher>,
        changes: Vec<String>,
    },
    Unchanged(String),
    Skip(String),
}

/// A name as the store compares it for duplicates (case folded in every script), with
/// runs of spaces as one: "SMITH,  DAN" in a spreadsheet is "Smith, Dan" here.
fn folded(name: &str) -> String {
    let spaced: Vec<&str> = name.split_whitespace().collect();
    spaced.join(" ").to_uppercase().to_lowercase()
}

/// Days between check-ins as a spreadsheet may write them: "14", "14 days", "7d".
fn cadence(typed: &str) -> Result<u32, String> {
    let digits = typed
        .trim()
        .trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace());
    digits
        .parse::<u32>()
        .ok()
        .filter(|days| (1..=365).contains(days))
        .ok_or_else(|| format!("the cadence \"{typed}\" is not a number of days from 1 to 365"))
}

/// "Grade 7 Science" from a grade ("7", "Grade 7", "K") and a subject ("Science").
fn subject_and_grade(subject: &str, grade: &str) -> String {
    let grade = match grade {
        "" => String::new(),
        g if g.to_lowercase().starts_with("grade") => g.to_owned(),
        g => format!("Grade {g}"),
    };
    [grade.as_str(), subject]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The roster read and compared with the teachers already here (archived ones too),
/// row by row with each row's line number. Only a missing name column is an error: a
/// row that cannot be used is skipped, with the reason.
///
/// A new teacher without a cadence column starts with a check-in every `days`.
pub(super) fn plan(csv: &str, existing: &[Teacher], days: u32) -> Result<Plan, String> {
    let csv = csv.trim_start_matches('\u{feff}');
    // The line a record starts on, counted in the file: after CRLF the reader's own
    // count, and its byte offset, stop at the LF before the record (so it is counted).
    let line_at = |position: Option<&csv::Position>| {
        position.map_or(0, |p| {
            let byte = usize::try_from(p.byte())
                .map_or(csv.len(), |byte| byte.saturating_add(1))
                .min(csv.len());
            1 + csv.as_bytes()[..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(csv.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("its header row cannot be read ({e})"))?
        .iter()
        .map(|h| text::clean_line(h).unwrap_or_default())
        .collect();
    let layout = Layout::read(&headers);
    if !layout.has_name() {
        return Err(format!(
            "it has no name column: the header row needs name, or first name and last name \
             (it has: {})",
            headers.join(", ")
        ));
    }
    let mut notes = Vec::new();
    if layout.index(Column::Email).is_some() {
        notes.push("the email column was not imported: coachlog keeps no email addresses".into());
    }
    if !layout.extra.is_empty() {
        notes.push(format!("columns ignored: {}", layout.extra.join(", ")));
    }
    let mut seen: Vec<(String, u64)> = Vec::new();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = line_at(error.position());
                rows.push((
                    line,
                    Outcome::Skip(format!("it cannot be read as CSV ({error})")),
                ));
                continue;
            }
        };
        let line = line_at(record.position());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let outcome =
            row(&layout, &record, (existing, days), &mut seen, line).unwrap_or_else(Outcome::Skip);
        rows.push((line, outcome));
    }
    Ok(Plan { rows, notes })
}

fn row(
    layout: &Layout,
    record: &csv::StringRecord,
    (existing, days): (&[Teacher], u32),
    seen: &mut Vec<(String, u64)>,
    line: u64,
) -> Result<Outcome, String> {
    let cell = |column: Column| -> Result<String, String> {
        let raw = layout
            .index(column)
            .and_then(|i| record.get(i))
            .unwrap_or("");
        text::clean_line(raw).map_err(|e| format!("a cell is too long: {e}"))
    };
    let (first, last) = (cell(Column::First)?, cell(Column::Last)?);
    let name = match cell(Column::Name)? {
        name if !name.is_empty() => name,
        _ if !first.is_empty() && !last.is_empty() => format!("{last}, {first}"),
        _ => format!("{last}{first}"),
    };
    if name.is_empty() {
        return Err("it has no name".into());
    }
    let key = folded(&name);
    if let Some((_, earlier)) = seen.iter().find(|(k, _)| *k == key) {
        return Err(format!("{name} is already on line {earlier}"));
    }
    seen.push((key.clone(), line));
    let cadence = match cell(Column::Cadence)? {
        days if days.is_empty() => None,
        days => Some(cadence(&days)?),
    };
    let school = cell(Column::School)?;
    let subject = subject_and_grade(&cell(Column::Subject)?, &cell(Column::Grade)?);
    // An active teacher of that name before an archived one.
    let here = existing
        .iter()
        .filter(|t| folded(&t.name) == key)
        .min_by_key(|t| t.archived);
    let Some(before) = here else {
        return Ok(Outcome::Add(Box::new(Teacher {
            name,
            school,
            subject,
            cadence_days: cadence.unwrap_or(days),
            ..Teacher::default()
        })));
    };
    // An empty cell leaves what is here as it is.
    let mut after = before.clone();
    let mut changes = Vec::new();
    for (what, new, old) in [
        ("school", school, &mut after.school),
        ("subject", subject, &mut after.subject),
    ] {
        if !new.is_empty() && new != *old {
            changes.push(format!("{what} \"{old}\" → \"{new}\""));
            *old = new;
        }
    }
    if let Some(days) = cadence.filter(|days| *days != before.cadence_days) {
        changes.push(format!("cadence {} → {days} days", before.cadence_days));
        after.cadence_days = days;
    }
    if changes.is_empty() {
        return Ok(Outcome::Unchanged(before.name.clone()));
    }
    Ok(Outcome::Update {
        before: Box::new(before.clone()),
        after: Box::new(after),
        changes,
    })
}

/// Reads the roster, says what each row does, and (unless a dry run) applies it in one
/// transaction. A roster with no usable row changes nothing and fails.
pub(super) fn import(
    store: &mut Store,
    csv: &str,
    shown: &str,
    (dry_run, days): (bool, u32),
) -> Result<ExitCode> {
    let existing = store.teachers(true)?;
    let Plan { rows, notes } =
        plan(csv, &existing, days).map_err(|why| anyhow!("{shown} was not imported: {why}"))?;
    let mut out = std::io::stdout().lock();
    let (add, update) = if dry_run {
        ("would add", "would update")
    } else {
        ("added", "updated")
    };
    let (mut added, mut updated, mut unchanged, mut skipped) = (0, 0, 0, 0);
    for (line, outcome) in &rows {
        match outcome {
            Outcome::Add(teacher) => {
                added += 1;
                writeln!(out, "{add} {}", text::line(&teacher.name))?;
            }
            Outcome::Update {
                before, changes, ..
            } => {
                updated += 1;
                let archived = if before.archived { " (archived)" } else { "" };
                writeln!(
                    out,
                    "{update} {}{archived}: {}",
                    text::line(&before.name),
                    text::line(&changes.join("; "))
                )?;
            }
            Outcome::Unchanged(_) => unchanged += 1,
            Outcome::Skip(why) => {
                skipped += 1;
                writeln!(out, "line {line} skipped: {}", text::line(why))?;
            }
        }
    }
    for note in &notes {
        writeln!(out, "note: {}", text::line(note))?;
    }
    writeln!(
        out,
        "{added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped"
    )?;
    if added + updated + unchanged == 0 {
        bail!("{shown} has no row that could be imported; nothing was changed");
    }
    if dry_run {
        writeln!(out, "dry run: nothing was changed")?;
        return Ok(ExitCode::SUCCESS);
    }
    drop(out);
    if !apply(store, rows, shown)?.changes.is_empty() {
        super::import::say_how_to_undo()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Every add and update in one transaction, as one `Applied`, kept to be taken back as
/// one step (`coachlog import --undo`).
fn apply(store: &mut Store, rows: Vec<(u64, Outcome)>, shown: &str) -> Result<Applied> {
    store.batch(|store| {
        let mut all = Applied::default();
        for (_, outcome) in rows {
            let command = match outcome {
                Outcome::Add(teacher) => Command::Add(AnyRecord::Teacher(*teacher)),
                Outcome::Update { after, .. } => Command::Edit(AnyRecord::Teacher(*after)),
                Outcome::Unchanged(_) | Outcome::Skip(_) => continue,
            };
            all.changes.extend(store.apply(command)?.changes);
        }
        store.remember_import(shown, &all)?;
        Ok::<_, anyhow::Error>(all)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    fn teacher(name: &str, school: &str, archived: bool) -> Teacher {
        Teacher {
            meta: Meta {
                id: format!("id-{name}"),
                ..Meta::default()
            },
            name: name.into(),
            school: school.into(),
            cadence_days: 14,
            archived,
            ..Teacher::default()
        }
    }

    fn outcomes(csv: &str, existing: &[Teacher]) -> Vec<(u64, Outcome)> {
        plan(csv, existing, 14).unwrap().rows
    }

    #[test]
    fn columns_are_found_by_name_whatever_their_case_spacing_and_order() {
        let csv = "\u{feff}Email , LAST_NAME,First Name,Course,Grade Level,School Name,Room\r\n\
                   dan@x.org,Smith,Dan,\"Science, Earth\",7,Eastside,12\r\n";
        let Plan { rows, notes } = plan(csv, &[], 14).unwrap();
        let Outcome::Add(added) = &rows[0].1 else {
            panic!("{rows:?}")
        };
        assert_eq!(added.name, "Smith, Dan");
        assert_eq!(added.subject, "Grade 7 Science, Earth");
        assert_eq!(added.school, "Eastside");
        assert_eq!(added.cadence_days, 14);
        assert_eq!(
            notes,
            vec![
                "the email column was not imported: coachlog keeps no email addresses".to_string(),
                "columns ignored: Room".to_string()
            ]
        );
    }

    #[test]
    fn a_teacher_already_here_is_updated_by_name_and_empty_cells_keep_what_is_there() {
        let here = [teacher("Smith, Dan", "Eastside", false)];
        let rows = outcomes("name,school,subject,cadence\n\"SMITH,  DAN\",,,\n", &here);
        assert_eq!(rows[0].1, Outcome::Unchanged("Smith, Dan".into()));
        let rows = outcomes(
            "name,school,subject,cadence\n\"smith, dan\",Northgate,,7 days\n",
            &here,
        );
        let Outcome::Update { after, changes, .. } = &rows[0].1 else {
            panic!("{rows:?}")
        };
        assert_eq!(after.name, "Smith, Dan", "the name keeps its spelling here");
        assert_eq!(after.meta.id, "id-Smith, Dan");
        assert_eq!(
            (after.school.as_str(), after.cadence_days),
            ("Northgate", 7)
        );
        assert_eq!(
            changes,
            &[
                "school \"Eastside\" → \"Northgate\"".to_string(),
                "cadence 14 → 7 days".into()
            ]
        );
        let same = outcomes("name,school\n\"Smith, Dan\",Eastside\n", &here);
        assert_eq!(same[0].1, Outcome::Unchanged("Smith, Dan".into()));
    }

    #[test]
    fn each_skipped_row_says_why() {
        let csv = "last,first,cadence\n,,14\nLee,Min,often\nPark,Eve,7\npark,eve,7\n,,\n";
        let rows = outcomes(csv, &[]);
        let skipped: Vec<(u64, String)> = rows
            .iter()
            .filter_map(|(line, o)| match o {
                Outcome::Skip(why) => Some((*line, why.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            skipped,
            vec![
                (2, "it has no name".to_string()),
                (
                    3,
                    "the cadence \"often\" is not a number of days from 1 to 365".into()
                ),
                (5, "park, eve is already on line 4".into()),
            ]
        );
        assert_eq!(rows.len(), 4, "the blank line is not a row");
    }

    #[test]
    fn a_file_without_a_name_column_is_refused() {
        let error = plan("school,subject\nEastside,Math\n", &[], 14).unwrap_err();
        assert!(
            error.contains("no name column") && error.contains("school, subject"),
            "{error}"
        );
    }

    #[test]
    fn the_active_teacher_of_a_name_is_updated_before_an_archived_one() {
        let here = [
            teacher("Lee, Min", "Old", true),
            teacher("Lee, Min", "Eastside", false),
        ];
        let rows = outcomes("name,school\n\"Lee, Min\",Northgate\n", &here);
        let Outcome::Update { before, .. } = &rows[0].1 else {
            panic!("{rows:?}")
        };
        assert!(!before.archived);
    }
}
