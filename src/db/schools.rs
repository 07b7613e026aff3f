//! Schools: their records, the step that makes one for each school name already on
//! people when a file is upgraded, and what a school's summary is read from.

use super::record;
use super::{Result, Store};
use crate::clock::Clock;
use crate::model::{
    Goal, Measure, Meta, RosterRow, Round, School, SchoolSummary, Teacher, school::TrackedGoal,
    school_key,
};
use rusqlite::{Connection, OptionalExtension};

/// Adds a school record for each school named on people (trashed ones too, who may come
/// back) that has none yet: one per name with case folded, spelled as the person added
/// first spells it. Run in the migration's transaction, so an upgrade makes them all or
/// none; run again it adds nothing.
pub(super) fn schools_from_names(conn: &Connection, clock: Clock) -> rusqlite::Result<()> {
    let mut names = conn.prepare("SELECT school FROM teacher ORDER BY created_at, id")?;
    let names: Vec<String> = names
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut known = conn.prepare("SELECT name FROM school")?;
    let known: Vec<String> = known
        .query_map([], |row| row.get::<_, String>(0))?
        .map(|name| name.map(|n| school_key(&n)))
        .collect::<rusqlite::Result<_>>()?;
    let missing: Vec<String> =
        crate::model::school::distinct_schools(names.iter().map(|n| n.as_str()))
            .into_iter()
            .filter(|name| !known.contains(&school_key(name)))
            .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let local = |key: &str| -> rusqlite::Result<Option<String>> {
        conn.query_row(
            "SELECT value FROM local_meta WHERE key = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()
    };
    let replica_id = match local("replica_id")? {
        Some(id) => id,
        None => {
            let id = super::new_id();
            conn.execute(
                "INSERT INTO local_meta (key, value) VALUES ('replica_id', ?1)",
                [&id],
            )?;
            id
        }
    };
    let author = local("author")?.unwrap_or_else(super::open::default_author);
    let stamp = clock.stamp();
    for name in missing {
        let school = School {
            meta: Meta {
                id: super::new_id(),
                created_at: stamp.clone(),
                updated_at: stamp.clone(),
                author: author.clone(),
                replica_id: replica_id.clone(),
                deleted_at: None,
            },
            name,
            notes: String::new(),
        };
        record::insert(conn, &school)?;
    }
    Ok(())
}

impl Store {
    /// Every live school record, by name.
    pub fn schools(&self) -> Result<Vec<School>> {
        Ok(record::list(
            &self.conn,
            "1",
            "name COLLATE NOCASE, id",
            [],
        )?)
    }

    /// The school known by this name (case folded), if it has a live record.
    pub fn school_named(&self, name: &str) -> Result<Option<School>> {
        let key = school_key(name);
        Ok(self
            .schools()?
            .into_iter()
            .find(|school| school_key(&school.name) == key))
    }

    /// The names of every school: the live records' and those named on live people
    /// without one, each once, by name.
    pub fn school_names(&self) -> Result<Vec<String>> {
        let records = self.schools()?;
        let people = self.teachers(false)?;
        let names = records
            .iter()
            .map(|s| s.name.as_str())
            .chain(people.iter().map(|p| p.school.as_str()));
        Ok(crate::model::school::distinct_schools(names))
    }

    /// A school at a glance, as of `today` (see [`SchoolSummary`]): its people's roster
    /// rows, every round, and its people's goals with their measures. `None` when no
    /// live record and nobody names a school by that name.
    pub fn school_summary(
        &self,
        name: &str,
        today: chrono::NaiveDate,
        gap_days: u32,
    ) -> Result<Option<SchoolSummary>> {
        let key = school_key(name);
        let record = self.school_named(name)?;
        let mut rows: Vec<RosterRow> = self
            .roster_names(false)?
            .into_iter()
            .filter(|row| school_key(&row.teacher.school) == key)
            .collect();
        if record.is_none() && rows.is_empty() {
            return Ok(None);
        }
        for row in &mut rows {
            self.roster_facts(row)?;
        }
        let mut rounds: Vec<Round> = Vec::new();
        for walkthrough in self.walkthroughs()? {
            if let Some(round) = self.round(&walkthrough.meta.id)? {
                rounds.push(round);
            }
        }
        let mut tracked: Vec<(Teacher, Goal, Vec<Measure>)> = Vec::new();
        for row in &rows {
            for goal in self.goals(&row.teacher.meta.id)? {
                let measures = self.measures(&goal.meta.id)?;
                tracked.push((row.teacher.clone(), goal, measures));
            }
        }
        let goals: Vec<TrackedGoal<'_>> = tracked
            .iter()
            .map(|(person, goal, measures)| (person, goal, measures.as_slice()))
            .collect();
        let spelled = record
            .map(|school| school.name)
            .or_else(|| rows.first().map(|row| row.teacher.school.clone()))
            .unwrap_or_else(|| name.to_string());
        Ok(Some(SchoolSummary::new(
            &spelled, &rows, &rounds, &goals, today, gap_days,
        )))
    }
}
