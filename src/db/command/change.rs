//! Changing a row field by field: only the fields that change are written, and only while
//! they still hold what the change was based on. Forms, toggles and undo all write this
//! way, so that two windows on one file never write each other's changes back.

use super::Writer;
use crate::db::record::{self, Record, TRASH};
use crate::db::{Applied, Error, Result};
use crate::model::{AnyRecord, Focus, Goal, with_any};
use rusqlite::types::Value;

impl Writer<'_> {
    /// Writes `after` over `before` (the row as it is now): only the fields that differ,
    /// with this change's stamps, logged as one change. When nothing differs, nothing is
    /// written or logged.
    pub(super) fn write_changes<R: Record>(&mut self, before: R, mut after: R) -> Result<R> {
        let changed: Vec<&str> = record::fields(&after)
            .into_iter()
            .zip(record::fields(&before))
            .filter(|((_, new), (_, old))| new != old)
            .map(|((column, _), _)| column)
            .collect();
        if changed.is_empty() {
            return Ok(before);
        }
        let deleted_at = after.meta().deleted_at.clone();
        after.meta_mut().clone_from(before.meta());
        after.meta_mut().deleted_at = deleted_at;
        self.stamp_meta(&mut after);
        record::update_fields(self.conn, &after, &changed)?;
        self.log(Some(before), Some(after.clone()));
        Ok(after)
    }

    /// Writes the fields where `edited` differs from `opened` (the record as a form or
    /// screen showed it), each only if the row still holds the opened value. Fields the
    /// user did not change keep whatever the row holds now.
    pub(super) fn revise<R: Record>(&mut self, opened: R, edited: AnyRecord) -> Result<R> {
        let edited = R::from_any(edited).ok_or_else(mixed_kinds)?;
        let current = self.load::<R>(&opened.meta().id)?;
        if current.meta().deleted_at.is_some() && opened.meta().deleted_at.is_none() {
            return Err(Error::Trashed { kind: R::KIND });
        }
        let mut changed = Vec::new();
        let now = record::fields(&current);
        let typed = record::fields(&edited);
        for (((column, was), (_, yours)), (_, theirs)) in
            record::fields(&opened).into_iter().zip(typed).zip(now)
        {
            // Unchanged by the user, or already as the user wants it: nothing to write.
            if column == TRASH || yours == was || yours == theirs {
                continue;
            }
            if theirs != was {
                return Err(self.conflict(&current, column, &theirs, &yours));
            }
            changed.push(column);
        }
        let after = record::with_fields(&current, &edited, &changed);
        self.validate(&after.clone().into_any(), Some(&current.clone().into_any()))?;
        self.write_changes(current, after)
    }

    /// Takes back every change of `applied`, last first: each row goes back to what it was
    /// before (a row the change added goes to the trash), but only while it still is
    /// exactly as the change left it.
    pub(super) fn undo(&mut self, applied: Applied) -> Result<()> {
        for change in applied.changes.into_iter().rev() {
            let Some(left) = change.after else {
                return Err(Error::Invalid(format!(
                    "the {} {} cannot be brought back this way",
                    change.kind, change.id
                )));
            };
            with_any!(left, left => self.undo_row(left, change.before))?;
        }
        Ok(())
    }

    fn undo_row<R: Record>(&mut self, left: R, before: Option<AnyRecord>) -> Result<()> {
        let target = match before {
            Some(before) => R::from_any(before).ok_or_else(mixed_kinds)?,
            None => {
                let mut trashed = left.clone();
                trashed.meta_mut().deleted_at = Some(self.stamp.clone());
                trashed
            }
        };
        let current = self.load::<R>(&left.meta().id)?;
        if current.meta().deleted_at.is_some() && left.meta().deleted_at.is_none() {
            return Err(Error::Trashed { kind: R::KIND });
        }
        for ((column, theirs), (_, yours)) in record::fields(&current)
            .into_iter()
            .zip(record::fields(&left))
        {
            if theirs != yours {
                return Err(self.conflict(&current, column, &theirs, &yours));
            }
        }
        if target.meta().deleted_at.is_none() {
            self.validate(
                &target.clone().into_any(),
                Some(&current.clone().into_any()),
            )?;
        }
        let every: Vec<&str> = record::fields(&target)
            .into_iter()
            .map(|(column, _)| column)
            .collect();
        let after = record::with_fields(&current, &target, &every);
        self.write_changes(current, after).map(drop)
    }

    fn conflict<R: Record>(
        &self,
        current: &R,
        column: &str,
        theirs: &Value,
        yours: &Value,
    ) -> Error {
        Error::Conflict {
            kind: R::KIND,
            id: current.meta().id.clone(),
            field: record::label(column),
            theirs: self.shown(column, theirs),
            yours: self.shown(column, yours),
        }
    }

    /// A field's value as a person reads it: text quoted, a focus or goal by its statement.
    fn shown(&self, column: &str, value: &Value) -> String {
        let quoted =
            |text: &str| format!("'{}'", crate::text::truncate(&crate::text::line(text), 40));
        match (column, value) {
            (TRASH, Value::Null) => "no".into(),
            (TRASH, _) => "yes".into(),
            ("archived" | "private", Value::Integer(0)) => "no".into(),
            ("archived" | "private", Value::Integer(_)) => "yes".into(),
            (_, Value::Null) => "none".into(),
            ("active_focus_id" | "focus_id", Value::Text(id)) => {
                match record::get::<Focus>(self.conn, id) {
                    Ok(Some(focus)) => quoted(&focus.statement),
                    _ => quoted(id),
                }
            }
            ("goal_id", Value::Text(id)) => match record::get::<Goal>(self.conn, id) {
                Ok(Some(goal)) => quoted(&goal.statement),
                _ => quoted(id),
            },
            (_, Value::Text(text)) => quoted(text),
            (_, Value::Integer(n)) => n.to_string(),
            (_, Value::Real(x)) => crate::text::number(*x),
            (_, Value::Blob(_)) => "(data)".into(),
        }
    }
}

fn mixed_kinds() -> Error {
    Error::Invalid("a change names two kinds of record for one row".into())
}
