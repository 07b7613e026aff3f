//! How each record maps to its table: one generic insert, update and select serve all kinds.

use crate::model::{
    Action, AnyRecord, CheckIn, Focus, Goal, Kind, Measure, Meta, Observation, ReadinessReview,
    School, Support, Teacher, Walkthrough,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Statement, params_from_iter};

const DATE: &str = "%Y-%m-%d";
const META_COLUMNS: [&str; 6] = [
    "id",
    "created_at",
    "updated_at",
    "author",
    "replica_id",
    "deleted_at",
];

/// The table that holds this kind of record.
pub fn table(kind: Kind) -> &'static str {
    match kind {
        Kind::Teacher => "teacher",
        Kind::Goal => "goal",
        Kind::Measure => "measure",
        Kind::Focus => "focus",
        Kind::Observation => "observation",
        Kind::CheckIn => "check_in",
        Kind::Action => "action",
        Kind::Support => "support",
        Kind::Walkthrough => "walkthrough",
        Kind::School => "school",
        Kind::ReadinessReview => "readiness_review",
    }
}

mod column;
pub use column::Column;

/// Where each of a kind's columns (bookkeeping first, then its own) is in a statement's
/// result: found once per statement rather than by name for every field of every row,
/// which cost a third of reading a teacher's file (60 columns compared by name).
pub(super) fn positions<R: Record>(statement: &Statement<'_>) -> rusqlite::Result<Vec<usize>> {
    META_COLUMNS
        .iter()
        .chain(R::COLUMNS)
        .map(|name| statement.column_index(name))
        .collect()
}

/// The next position of a kind's columns, in the order of [`positions`].
fn next_position(positions: &mut std::slice::Iter<'_, usize>) -> rusqlite::Result<usize> {
    positions
        .next()
        .copied()
        .ok_or_else(|| rusqlite::Error::InvalidColumnIndex(usize::MAX))
}

/// The value at `index` of `row`, read as its column form says.
pub(super) fn column<T: Column>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    T::from_sql(row.get_ref(index)?).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            row.get_ref_unwrap(index).data_type(),
            Box::new(error),
        )
    })
}

fn meta_from_row(row: &Row<'_>, at: &mut std::slice::Iter<'_, usize>) -> rusqlite::Result<Meta> {
    Ok(Meta {
        id: column(row, next_position(at)?)?,
        created_at: column(row, next_position(at)?)?,
        updated_at: column(row, next_position(at)?)?,
        author: column(row, next_position(at)?)?,
        replica_id: column(row, next_position(at)?)?,
        deleted_at: column(row, next_position(at)?)?,
    })
}

fn meta_values(meta: &Meta) -> [Value; 6] {
    [
        meta.id.to_sql(),
        meta.created_at.to_sql(),
        meta.updated_at.to_sql(),
        meta.author.to_sql(),
        meta.replica_id.to_sql(),
        meta.deleted_at.to_sql(),
    ]
}

/// A kind of record and its row form.
pub trait Record: Sized + Clone {
    const KIND: Kind;
    /// The record's own columns, after the bookkeeping ones.
    const COLUMNS: &'static [&'static str];
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    fn values(&self) -> Vec<Value>;
    /// The record in a row, its columns found by name. A statement read row by row
    /// finds them once with [`positions`] and reads each row with [`Record::from_row_at`].
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Self::from_row_at(row, &positions::<Self>(row.as_ref())?)
    }
    /// The record in a row whose columns are at `positions` (see [`positions`]).
    fn from_row_at(row: &Row<'_>, positions: &[usize]) -> rusqlite::Result<Self>;
    fn into_any(self) -> AnyRecord;
    /// The record inside `any`, if it is of this kind.
    fn from_any(any: AnyRecord) -> Option<Self>;
    /// Copies the named columns' fields from `from` (other names are ignored).
    fn take_columns(&mut self, from: &Self, columns: &[&str]);
}

macro_rules! record {
    ($ty:ident, [$($field:ident),+ $(,)?]) => {
        impl Record for $ty {
            const KIND: Kind = Kind::$ty;
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];
            fn meta(&self) -> &Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.meta
            }
            fn values(&self) -> Vec<Value> {
                vec![$(Column::to_sql(&self.$field)),+]
            }
            fn from_row_at(row: &Row<'_>, positions: &[usize]) -> rusqlite::Result<Self> {
                let at = &mut positions.iter();
                Ok(Self { meta: meta_from_row(row, at)?, $($field: column(row, next_position(at)?)?),+ })
            }
            fn into_any(self) -> AnyRecord {
                AnyRecord::$ty(self)
            }
            fn from_any(any: AnyRecord) -> Option<Self> {
                match any {
                    AnyRecord::$ty(record) => Some(record),
                    _ => None,
                }
            }
            fn take_columns(&mut self, from: &Self, columns: &[&str]) {
                $(if columns.contains(&stringify!($field)) {
                    self.$field.clone_from(&from.$field);
                })+
            }
        }
    };
}

record!(
    Teacher,
    [
        name,
        school,
        subject,
        cadence_days,
        archived,
        active_focus_id,
        role,
        tags
    ]
);
record!(
    Goal,
    [
        teacher_id, statement, why, measure, unit, baseline, target, target_on, status
    ]
);
record!(Measure, [goal_id, measured_on, value, out_of, note]);
record!(
    Focus,
    [
        teacher_id, goal_id, statement, look_fors, started_on, ended_on, outcome, tallies
    ]
);
record!(
    Observation,
    [
        teacher_id,
        focus_id,
        observed_at,
        minutes,
        class_period,
        evidence,
        look_fors_seen,
        tallies,
        rating,
        private,
        walkthrough_id,
        practice_mark,
        feedback_strength,
        feedback_next_step,
        feedback_shared_at
    ]
);
record!(
    CheckIn,
    [
        teacher_id,
        held_on,
        kind,
        notes,
        reflection,
        next_on,
        private,
        feedback_strength,
        feedback_next_step,
        feedback_shared_at,
        minutes
    ]
);
record!(
    Action,
    [teacher_id, check_in_id, what, owner, due_on, done_on]
);
record!(Walkthrough, [practice, held_on, teacher_ids, notes]);
record!(
    Support,
    [
        teacher_id, focus_id, kind, given_on, given_by, note, minutes, private
    ]
);

record!(School, [name, notes]);
record!(
    ReadinessReview,
    [
        school_id,
        reviewed_on,
        ratings,
        achievement,
        self_selected_out,
        recommendation,
        rationale,
        notes,
        plan,
        review_on
    ]
);

/// Every column of a record kind, each qualified by `table.` for use in joins.
pub(super) fn columns<R: Record>() -> String {
    let table = table(R::KIND);
    let columns: Vec<String> = META_COLUMNS
        .iter()
        .chain(R::COLUMNS)
        .map(|column| format!("{table}.{column}"))
        .collect();
    columns.join(", ")
}

/// One arm of a `UNION ALL` over several kinds: every column in `all` (NULL where the kind
/// has none), so one query can read records of every kind by column name.
/// `filter` is static text, so no runtime string (let alone typed text) becomes SQL.
pub(super) fn union_arm<R: Record>(all: &[&'static str], filter: &'static str) -> String {
    let table = table(R::KIND);
    let columns: Vec<String> = all
        .iter()
        .map(|column| {
            if META_COLUMNS.contains(column) || R::COLUMNS.contains(column) {
                format!("{table}.{column} AS {column}")
            } else {
                format!("NULL AS {column}")
            }
        })
        .collect();
    format!(
        "SELECT '{table}' AS record_kind, {} FROM {table} WHERE {table}.deleted_at IS NULL AND ({filter})",
        columns.join(", ")
    )
}

/// Every column name of the given kinds, bookkeeping first, each once.
pub(super) fn all_columns(kinds: &[&'static [&'static str]]) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = META_COLUMNS.to_vec();
    for columns in kinds {
        for column in *columns {
            if !all.contains(column) {
                all.push(column);
            }
        }
    }
    all
}

/// `SELECT <all columns> FROM <table>` for a record kind.
pub(super) fn select<R: Record>() -> String {
    format!("SELECT {} FROM {}", columns::<R>(), table(R::KIND))
}

pub(super) fn insert<R: Record>(conn: &Connection, record: &R) -> rusqlite::Result<()> {
    let columns: Vec<&str> = META_COLUMNS.iter().chain(R::COLUMNS).copied().collect();
    let marks: Vec<String> = (1..=columns.len()).map(|n| format!("?{n}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        table(R::KIND),
        columns.join(", "),
        marks.join(", ")
    );
    let values = meta_values(record.meta())
        .into_iter()
        .chain(record.values());
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

/// The column that says whether a row is in the trash: a field of every record, as far as
/// comparing and writing changes go.
pub(super) const TRASH: &str = "deleted_at";

/// A record's own columns and the trash column, each with its value.
pub(super) fn fields<R: Record>(record: &R) -> Vec<(&'static str, Value)> {
    R::COLUMNS
        .iter()
        .copied()
        .zip(record.values())
        .chain([(TRASH, record.meta().deleted_at.to_sql())])
        .collect()
}

/// `record` with the named fields (own columns or the trash column) taken from `from`.
pub(super) fn with_fields<R: Record>(record: &R, from: &R, columns: &[&str]) -> R {
    let mut merged = record.clone();
    merged.take_columns(from, columns);
    if columns.contains(&TRASH) {
        merged
            .meta_mut()
            .deleted_at
            .clone_from(&from.meta().deleted_at);
    }
    merged
}

/// Writes only the named fields of `record` (own columns or the trash column) and its
/// stamps (`updated_at`, author, replica): a field nobody changed is never written, so a
/// change made to it meanwhile by another window stays.
pub(super) fn update_fields<R: Record>(
    conn: &Connection,
    record: &R,
    columns: &[&str],
) -> rusqlite::Result<usize> {
    let meta = record.meta();
    let mut sets = vec!["updated_at = ?2", "author = ?3", "replica_id = ?4"]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let mut values = vec![
        meta.id.to_sql(),
        meta.updated_at.to_sql(),
        meta.author.to_sql(),
        meta.replica_id.to_sql(),
    ];
    // Column names come from the static table of each kind, never from typed text.
    for (column, value) in fields(record) {
        if columns.contains(&column) {
            values.push(value);
            sets.push(format!("{column} = ?{}", values.len()));
        }
    }
    let sql = format!(
        "UPDATE {} SET {} WHERE id = ?1",
        table(R::KIND),
        sets.join(", ")
    );
    conn.prepare_cached(&sql)?.execute(params_from_iter(values))
}

/// A column as a person names it, for messages about a change.
pub fn label(column: &str) -> String {
    let known = match column {
        TRASH => "In the trash",
        "cadence_days" => "Check-in cadence",
        "active_focus_id" => "Active focus",
        "focus_id" => "Focus",
        "goal_id" => "Goal",
        "teacher_id" => "Teacher",
        "check_in_id" => "Check-in",
        "walkthrough_id" => "Round",
        "teacher_ids" => "Classrooms",
        "look_fors" => "Look-fors",
        "observed_at" | "held_on" | "measured_on" | "given_on" => "Date",
        "target_on" => "Target date",
        "next_on" => "Next check-in",
        "due_on" => "Due",
        "done_on" => "Done",
        "owner" | "given_by" => "Who",
        "feedback_shared_at" => "Feedback shared",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_owned();
    }
    let words = column.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(super) fn get<R: Record>(conn: &Connection, id: &str) -> rusqlite::Result<Option<R>> {
    let sql = format!("{} WHERE id = ?1", select::<R>());
    conn.prepare_cached(&sql)?
        .query_row([id], R::from_row)
        .optional()
}

/// Live records matching a `WHERE` clause (without the word), in the given order. Both are
/// static text, so no runtime string (let alone typed text) becomes SQL: values are bound.
pub(super) fn list<R: Record>(
    conn: &Connection,
    filter: &'static str,
    order: &'static str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<R>> {
    let sql = format!(
        "{} WHERE deleted_at IS NULL AND ({filter}) ORDER BY {order}",
        select::<R>()
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let at = positions::<R>(&statement)?;
    let rows = statement.query_map(params, |row| R::from_row_at(row, &at))?;
    rows.collect()
}
