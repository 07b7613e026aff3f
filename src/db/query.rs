//! Reads: what the screens, exports and commands ask of the store.

use super::record::{self, Record};
use super::{Result, Store};
use crate::model::{
    Action, CheckIn, Focus, Goal, Measure, Observation, RosterRow, Support, Teacher, TeacherFile,
};
use chrono::NaiveDate;
use std::sync::LazyLock;

/// How many observations a page holds: what a list shows plus room to scroll.
pub const OBSERVATION_PAGE: usize = 150;

/// Observations read for a page: one more than it holds, to know whether there is more.
/// Written into the query, never bound: see [`limit`].
const PAGE_READ: usize = OBSERVATION_PAGE + 1;

/// A `LIMIT` clause of `n` rows (`None`: every row), to write into a query's text. SQLite
/// plans with a limit bound as a value, and so prepares the statement again (parsing
/// and planning it) each time the value is bound, however often it was run: opening the
/// ten-year teacher spent a tenth of its time so. Written into the text, a statement
/// kept for reuse is reused.
pub(super) fn limit(n: Option<usize>) -> String {
    match n {
        Some(n) => format!("LIMIT {n}"),
        None => String::new(),
    }
}

/// A teacher's whole live file in one query (see [`Store::teacher_file`]): a union of
/// every kind of record with the columns of all, the kind first.
static TEACHER_FILE: LazyLock<String> = LazyLock::new(|| {
    let all = record::all_columns(&[
        Teacher::COLUMNS,
        Goal::COLUMNS,
        Measure::COLUMNS,
        Focus::COLUMNS,
        Observation::COLUMNS,
        CheckIn::COLUMNS,
        Action::COLUMNS,
        Support::COLUMNS,
    ]);
    let of_teacher = "teacher_id = ?1";
    let arms = [
        record::union_arm::<Teacher>(&all, "id = ?1"),
        record::union_arm::<Goal>(&all, of_teacher),
        record::union_arm::<Measure>(
            &all,
            "goal_id IN (SELECT id FROM goal WHERE teacher_id = ?1 AND deleted_at IS NULL)",
        ),
        record::union_arm::<Focus>(&all, of_teacher),
        // Only the newest page: a long history loads further as it is scrolled.
        record::union_arm::<Observation>(&all, &NEWEST_PAGE),
        record::union_arm::<CheckIn>(&all, of_teacher),
        record::union_arm::<Action>(&all, of_teacher),
        record::union_arm::<Support>(&all, of_teacher),
    ];
    arms.join(" UNION ALL ")
});

/// The order and limit of a page of observations older than one shown.
static OLDER_PAGE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "datetime(observed_at) DESC, id DESC {}",
        limit(Some(PAGE_READ))
    )
});

/// A teacher's newest page of observations, as a filter of observations by id.
static NEWEST_PAGE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "observation.id IN (SELECT id FROM observation WHERE teacher_id = ?1 AND deleted_at IS NULL
         ORDER BY datetime(observed_at) DESC, id DESC {})",
        limit(Some(PAGE_READ))
    )
});

/// How a typed name matched the caseload.
#[derive(Debug, Clone, PartialEq)]
pub enum NameMatch {
    One(Box<Teacher>),
    /// Several teachers start with what was typed.
    Ambiguous(Vec<Teacher>),
    /// Nobody does; here is everyone, to choose from.
    Unknown(Vec<Teacher>),
}

impl Store {
    /// Finds an active teacher by a name typed, in any case and with or without accents
    /// (folded as the roster's filter folds: "zoe" for "Zoë"), that names only them (see
    /// [`crate::model::people::name_starts_with`]); an exact name always wins.
    /// Archived teachers are matched too when `include_archived` (e.g. to export an old
    /// teacher's record).
    pub fn match_teacher(&self, typed: &str, include_archived: bool) -> Result<NameMatch> {
        let typed = crate::text::fold(typed.trim());
        let teachers = self.teachers(include_archived)?;
        if let Some(exact) = teachers
            .iter()
            .find(|t| crate::text::fold(t.name.trim()) == typed)
        {
            return Ok(NameMatch::One(Box::new(exact.clone())));
        }
        let mut found: Vec<Teacher> = teachers
            .iter()
            .filter(|t| {
                !typed.is_empty()
                    && crate::model::people::name_starts_with(&crate::text::fold(&t.name), &typed)
            })
            .cloned()
            .collect();
        Ok(match found.len() {
            0 => NameMatch::Unknown(teachers),
            1 => NameMatch::One(Box::new(found.remove(0))),
            _ => NameMatch::Ambiguous(found),
        })
    }

    /// The page of a teacher's observations older than `oldest` (a keyset query), newest
    /// first, and whether that reached the first observation.
    ///
    /// A teacher's observations are ordered by the instant (`datetime()` of the stored
    /// time with its offset), as [`TeacherFile::sort`] orders them, so that the visits either
    /// side of the clocks going back keep the order they happened in and a page follows on
    /// from the last one shown. Sorting one teacher's rows costs little; the roster, which
    /// reads every teacher, keeps to the index (see [`Store::roster`]).
    pub fn older_observations(&self, oldest: &Observation) -> Result<(Vec<Observation>, bool)> {
        let mut page: Vec<Observation> = record::list(
            &self.conn,
            "teacher_id = ?1 AND (datetime(observed_at), id) < (datetime(?2), ?3)",
            &OLDER_PAGE,
            (
                &oldest.teacher_id,
                oldest.observed_at.stored(),
                &oldest.meta.id,
            ),
        )?;
        let complete = page.len() <= OBSERVATION_PAGE;
        page.truncate(OBSERVATION_PAGE);
        Ok((page, complete))
    }

    /// Reads the rest of a teacher's observations into `file` (exports need all of them).
    pub fn load_all_observations(&self, file: &mut TeacherFile) -> Result<()> {
        self.load_older_while(file, |_| true)
    }

    /// Reads older pages of a teacher's observations into `file` until it holds the
    /// observation `id` (or all of them): a file read again, after another window wrote,
    /// reaches back as far as it had been scrolled, and the selection stays where it was.
    pub fn load_observations_back_to(&self, file: &mut TeacherFile, id: &str) -> Result<()> {
        self.load_older_while(file, |file| {
            !file.observations.iter().any(|seen| seen.meta.id == id)
        })
    }

    fn load_older_while(
        &self,
        file: &mut TeacherFile,
        wanted: impl Fn(&TeacherFile) -> bool,
    ) -> Result<()> {
        while !file.all_observations && wanted(file) {
            let Some(oldest) = file.observations.last() else {
                file.all_observations = true;
                break;
            };
            let (page, complete) = self.older_observations(oldest)?;
            file.observations.extend(page);
            file.all_observations = complete;
        }
        Ok(())
    }

    /// Prepares the statement that opens a teacher, so that the first teacher opened is
    /// not also the statement's first run (a tenth of opening the ten-year teacher at a
    /// start): called once the first frame is on screen.
    pub fn prepare_teacher_file(&self) -> Result<()> {
        self.conn.prepare_cached(&TEACHER_FILE)?;
        Ok(())
    }

    /// A teacher's whole live file in one query; `None` if there is no such live teacher.
    pub fn teacher_file(&self, teacher_id: &str) -> Result<Option<TeacherFile>> {
        let mut statement = self.conn.prepare_cached(&TEACHER_FILE)?;
        let at_teacher = record::positions::<Teacher>(&statement)?;
        let at_goal = record::positions::<Goal>(&statement)?;
        let at_measure = record::positions::<Measure>(&statement)?;
        let at_focus = record::positions::<Focus>(&statement)?;
        let at_observation = record::positions::<Observation>(&statement)?;
        let at_check_in = record::positions::<CheckIn>(&statement)?;
        let at_action = record::positions::<Action>(&statement)?;
        let at_support = record::positions::<Support>(&statement)?;
        let mut rows = statement.query([teacher_id])?;
        let mut teacher = None;
        let mut file = TeacherFile::default();
        while let Some(row) = rows.next()? {
            // The kind is the first column (see `union_arm`).
            let kind = row.get_ref(0)?.as_str().map_err(|error| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(error),
                )
            })?;
            match kind {
                "teacher" => teacher = Some(Teacher::from_row_at(row, &at_teacher)?),
                "goal" => file.goals.push(Goal::from_row_at(row, &at_goal)?),
                "measure" => file.measures.push(Measure::from_row_at(row, &at_measure)?),
                "focus" => file.focuses.push(Focus::from_row_at(row, &at_focus)?),
                "observation" => file
                    .observations
                    .push(Observation::from_row_at(row, &at_observation)?),
                "check_in" => file
                    .check_ins
                    .push(CheckIn::from_row_at(row, &at_check_in)?),
                "support" => file.supports.push(Support::from_row_at(row, &at_support)?),
                _ => file.actions.push(Action::from_row_at(row, &at_action)?),
            }
        }
        let Some(teacher) = teacher else {
            return Ok(None);
        };
        file.teacher = teacher;
        file.zone = self.clock.zone();
        file.sort();
        // One more than a page was read to know whether there is more.
        file.all_observations = file.observations.len() <= OBSERVATION_PAGE;
        file.observations.truncate(OBSERVATION_PAGE);
        Ok(Some(file))
    }

    /// A record by id, trashed or not.
    pub fn get<R: Record>(&self, id: &str) -> Result<Option<R>> {
        Ok(record::get::<R>(&self.conn, id)?)
    }

    /// Teachers, by name; archived ones only when asked.
    pub fn teachers(&self, include_archived: bool) -> Result<Vec<Teacher>> {
        let filter = if include_archived {
            "1"
        } else {
            "archived = 0"
        };
        Ok(record::list(
            &self.conn,
            filter,
            "name COLLATE NOCASE, id",
            [],
        )?)
    }

    pub fn goals(&self, teacher_id: &str) -> Result<Vec<Goal>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "status = 'active' DESC, target_on, id",
            [teacher_id],
        )?)
    }

    pub fn measures(&self, goal_id: &str) -> Result<Vec<Measure>> {
        Ok(record::list(
            &self.conn,
            "goal_id = ?1",
            "measured_on, id",
            [goal_id],
        )?)
    }

    /// Every focus the teacher has had, newest first.
    pub fn focuses(&self, teacher_id: &str) -> Result<Vec<Focus>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "started_on DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// Observations, newest first (by the instant).
    pub fn observations(&self, teacher_id: &str) -> Result<Vec<Observation>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "datetime(observed_at) DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// Check-ins, newest first.
    pub fn check_ins(&self, teacher_id: &str) -> Result<Vec<CheckIn>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "held_on DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// A teacher's actions in [`crate::model::action_order`], ties by id. The `ORDER BY`
    /// spells that rule in SQL; a test holds the two to the same order.
    pub fn actions(&self, teacher_id: &str) -> Result<Vec<Action>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "done_on IS NOT NULL, CASE WHEN done_on IS NULL THEN coalesce(due_on, '9999') END, done_on DESC, id",
            [teacher_id],
        )?)
    }

    /// Supports given to a teacher, newest first.
    pub fn supports(&self, teacher_id: &str) -> Result<Vec<Support>> {
        Ok(record::list(
            &self.conn,
            "teacher_id = ?1",
            "given_on DESC, id DESC",
            [teacher_id],
        )?)
    }

    /// The roster in one query: live teachers with their focus, last visit, next check-in
    /// and latest ratings.
    ///
    /// Each teacher's figures are the first rows of a seek in an index of live rows in
    /// the order asked for (schema 6), so the cost follows the number of teachers, not the
    /// years of history. The last visit and latest ratings follow the stored wall-clock
    /// text, read off the index, rather than the instant, which would sort every teacher's
    /// visits on each read. They differ only for visits in the hour lived twice when the clocks go back
    /// (01:00 to 02:00, at night): the day of the last visit is the same either way.
    pub fn roster(&self, include_archived: bool) -> Result<Vec<RosterRow>> {
        roster_rows(&self.conn, include_archived, true, None)
    }

    /// The roster without what each teacher's row says beside the name (focus, last visit,
    /// next check-in and ratings stay empty): names, schools and subjects, enough to size
    /// the roster's text columns. One read of the teacher table, whatever the history; the
    /// rest is read for the rows wanted with [`Store::roster_facts`] (a school's people).
    pub fn roster_names(&self, include_archived: bool) -> Result<Vec<RosterRow>> {
        roster_rows(&self.conn, include_archived, false, None)
    }

    /// Reads the rest of one teacher's row into a row of [`Store::roster_names`]: the
    /// focus, and the same index seeks as [`Store::roster`] makes for each teacher.
    pub fn roster_facts(&self, row: &mut RosterRow) -> Result<()> {
        let sql = format!(
            "SELECT f.statement AS focus_statement, {ROSTER_FACTS}
             FROM teacher LEFT JOIN focus f ON f.id = teacher.active_focus_id AND f.deleted_at IS NULL
             WHERE teacher.id = ?1"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let focus = statement.column_index("focus_statement")?;
        let at = FactPositions::of(&statement)?;
        let mut rows = statement.query([&row.teacher.meta.id])?;
        if let Some(found) = rows.next()? {
            row.focus = found.get(focus)?;
            at.read(found, row)?;
        }
        Ok(())
    }
}

/// The roster's rows, with the focus and the figures (`whole`) or names only.
pub(super) fn roster_rows(
    conn: &rusqlite::Connection,
    include_archived: bool,
    whole: bool,
    limit: Option<usize>,
) -> Result<Vec<RosterRow>> {
    // The focus is a lookup per teacher in another table: at district scale, reading
    // it for every teacher costs more than the names themselves on a cold start. The
    // rows come in the order of the index of names, so the first few are read without
    // reading the rest (SQLite would take the index of people by school, schema 17,
    // and sort them all).
    let sql = format!(
        "SELECT {columns}{rest}
         FROM teacher INDEXED BY teacher_by_name {focus}
         WHERE teacher.deleted_at IS NULL AND (?1 OR teacher.archived = 0)
         ORDER BY teacher.name COLLATE NOCASE, teacher.id {limit}",
        columns = record::columns::<Teacher>(),
        limit = self::limit(limit),
        rest = if whole {
            format!(", f.statement AS focus_statement, {ROSTER_FACTS}")
        } else {
            String::new()
        },
        focus = if whole {
            "LEFT JOIN focus f ON f.id = teacher.active_focus_id AND f.deleted_at IS NULL"
        } else {
            ""
        },
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let at = record::positions::<Teacher>(&statement)?;
    let rest_at = if whole {
        Some((
            statement.column_index("focus_statement")?,
            FactPositions::of(&statement)?,
        ))
    } else {
        None
    };
    let rows = statement.query_map([include_archived], |row| {
        let mut roster_row = RosterRow {
            teacher: Teacher::from_row_at(row, &at)?,
            focus: None,
            last_observed: None,
            next_check_in: None,
            recent_ratings: Vec::new(),
        };
        if let Some((focus, facts_at)) = &rest_at {
            roster_row.focus = row.get(*focus)?;
            facts_at.read(row, &mut roster_row)?;
        }
        Ok(roster_row)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A teacher's roster figures, as columns of a query over `teacher`: each the first rows of
/// a seek in an index of live rows (schema 6), named where SQLite would take another (the
/// last visit, from the index of all visits, read a row of the table for each teacher).
const ROSTER_FACTS: &str = "
    (SELECT substr(o.observed_at, 1, 10) FROM observation o INDEXED BY observation_live_by_teacher
       WHERE o.teacher_id = teacher.id AND o.deleted_at IS NULL
       ORDER BY o.observed_at DESC LIMIT 1) AS last_observed,
    (SELECT c.next_on FROM check_in c
       WHERE c.teacher_id = teacher.id AND c.deleted_at IS NULL
       ORDER BY c.held_on DESC, c.id DESC LIMIT 1) AS next_check_in,
    (SELECT group_concat(rating, '') FROM (
       SELECT o.rating FROM observation o
       WHERE o.teacher_id = teacher.id AND o.deleted_at IS NULL AND o.rating IS NOT NULL
       ORDER BY o.observed_at DESC, o.id DESC LIMIT 8)) AS ratings";

/// Where the columns of [`ROSTER_FACTS`] are in a statement.
struct FactPositions {
    last_observed: usize,
    next_check_in: usize,
    ratings: usize,
}

impl FactPositions {
    fn of(statement: &rusqlite::Statement) -> rusqlite::Result<FactPositions> {
        Ok(FactPositions {
            last_observed: statement.column_index("last_observed")?,
            next_check_in: statement.column_index("next_check_in")?,
            ratings: statement.column_index("ratings")?,
        })
    }

    /// The figures of `row` of the query into the roster row.
    fn read(&self, row: &rusqlite::Row, into: &mut RosterRow) -> rusqlite::Result<()> {
        let ratings: Option<String> = row.get(self.ratings)?;
        let mut recent_ratings: Vec<u8> = ratings
            .unwrap_or_default()
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|digit| digit - b'0')
            .collect();
        recent_ratings.reverse();
        into.last_observed = parse_day(row.get(self.last_observed)?);
        into.next_check_in = parse_day(row.get(self.next_check_in)?);
        into.recent_ratings = recent_ratings;
        Ok(())
    }
}

pub(super) fn parse_day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::StatementStatus;

    /// A limit bound as a value makes SQLite prepare the statement again on every run,
    /// which costs opening a teacher and every search a parse and a plan.
    #[test]
    fn a_teacher_opened_again_and_a_search_made_again_reuse_their_statements() {
        let dir = tempfile::tempdir().unwrap();
        let clock = crate::clock::Clock::Fixed("2026-11-23T10:42:00".parse().unwrap());
        let store = Store::open(&dir.path().join("coachlog.db"), clock).unwrap();
        store.prepare_teacher_file().unwrap();
        for _ in 0..3 {
            assert!(store.teacher_file("01NOBODY").unwrap().is_none());
            store.older_observations(&Observation::default()).unwrap();
            store.search("exit tickets", 20).unwrap();
            store.search("e", 20).unwrap();
        }
        let statement = store.conn.prepare_cached(&TEACHER_FILE).unwrap();
        assert_eq!(statement.get_status(StatementStatus::Run), 3);
        assert_eq!(statement.get_status(StatementStatus::RePrepare), 0);
        for sql in super::super::search::statements_run(20) {
            let statement = store.conn.prepare_cached(&sql).unwrap();
            assert!(statement.get_status(StatementStatus::Run) >= 3, "{sql}");
            assert_eq!(statement.get_status(StatementStatus::RePrepare), 0, "{sql}");
        }
    }
}
