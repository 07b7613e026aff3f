//! Every change a user makes is a `Command`, applied in one transaction, returning what
//! it changed (before and after). Undo, an audit trail and sync can hook in here, once.

mod change;
mod readiness;
mod rules;
mod school;

use rules::required;

use super::files::count_write;
use super::record::{self, Record};
use super::{Error, Result, Store};
use crate::model::{
    Action, AnyRecord, CheckIn, Focus, Kind, Measure, Outcome, School, Teacher, with_any,
};
use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior};
use serde::{Deserialize, Serialize};

/// A change a user asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add a new record of any kind; its id and stamps are assigned here. A focus added
    /// this way becomes the active one (see `SetFocus`). An observation or a support
    /// without a focus attaches to the teacher's active focus.
    Add(AnyRecord),
    /// Replace a record's fields, found by its id, with these (for code that has just
    /// read the record). Only the fields that differ from the row are written.
    Edit(AnyRecord),
    /// The change a user made to a record shown on screen: the fields where `edited`
    /// differs from `opened` are written, each only if the row still holds the opened
    /// value (else `Error::Conflict`, and nothing is saved); every other field keeps what
    /// the row holds now, so a change made meanwhile in another window stays.
    Revise {
        opened: Box<AnyRecord>,
        edited: Box<AnyRecord>,
    },
    /// Make `focus` the teacher's active focus. If one is active it is closed with
    /// `previous_outcome` (required then) on the new focus's start date.
    SetFocus {
        focus: Focus,
        previous_outcome: Option<Outcome>,
    },
    /// Close the active focus without starting another.
    EndFocus {
        teacher_id: String,
        outcome: Outcome,
        on: NaiveDate,
    },
    /// Hold a check-in: save it, mark reviewed actions done, move carried ones to a new
    /// due date, add the new actions it ended with (linked to it) and the goal measurements
    /// taken during it: all of it or, if any part is refused, none.
    HoldCheckIn {
        check_in: CheckIn,
        done: Vec<String>,
        carried: Vec<(String, Option<NaiveDate>)>,
        new_actions: Vec<Action>,
        measures: Vec<Measure>,
    },
    /// Mark an action done on a date, or open again with `None`.
    SetActionDone {
        id: String,
        done_on: Option<NaiveDate>,
    },
    /// Move a record to the trash.
    Delete { kind: Kind, id: String },
    /// Bring a record back from the trash.
    Restore { kind: Kind, id: String },
    /// Destroy a record that is in the trash, with what belongs to it. Nothing else ever
    /// destroys anything, and a purge cannot be undone.
    Purge { kind: Kind, id: String },
    /// Add several records at once (a follow-up for each teacher a round found needing
    /// support): all of them or none, undone as one step.
    AddAll(Vec<AnyRecord>),
    /// Several changes at once (a new focus for each teacher a round found needing
    /// support, each closing the one it replaces): all of them or none, undone as one step.
    All(Vec<Command>),
    /// Take back what a command changed: each row back to what it was before (a record it
    /// added goes to the trash), last change first, but only while every row is still as
    /// the command left it (else `Error::Conflict`, and nothing is changed). Undoing what
    /// an undo returned does the change again.
    Undo(Applied),
}

impl Command {
    /// The change a user made to `opened`, shown on screen, making it `edited`.
    pub fn revise(opened: impl Into<AnyRecord>, edited: impl Into<AnyRecord>) -> Command {
        Command::Revise {
            opened: Box::new(opened.into()),
            edited: Box::new(edited.into()),
        }
    }
}

/// One row a command changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: Kind,
    pub id: String,
    pub before: Option<AnyRecord>,
    pub after: Option<AnyRecord>,
}

/// What a command changed, in the order it changed it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Applied {
    pub changes: Vec<Change>,
}

impl Applied {
    /// The id of the first record the command added (e.g. the new teacher).
    pub fn added_id(&self) -> Option<&str> {
        self.changes
            .iter()
            .find(|change| change.before.is_none())
            .map(|change| change.id.as_str())
    }
}

impl Store {
    /// Begins a write of its own (`BEGIN IMMEDIATE`), counted as every write is, so that
    /// an older log of the file can be told from its own (see [`count_write`]).
    pub(super) fn begin_write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        count_write(&tx)?;
        Ok(tx)
    }

    /// Applies one command in one `BEGIN IMMEDIATE` transaction: all of it, or nothing.
    /// Inside [`Store::batch`] it runs in a savepoint of the batch's transaction.
    pub fn apply(&mut self, command: Command) -> Result<Applied> {
        self.keep_index_in_step()?;
        let stamp = self.clock.stamp();
        let (author, replica_id) = (self.author.clone(), self.replica_id.clone());
        let run = |conn: &Connection| {
            let mut writer = Writer {
                conn,
                stamp,
                author: &author,
                replica_id: &replica_id,
                applied: Applied::default(),
            };
            writer.run(command).map(|()| writer.applied)
        };
        if self.in_batch {
            let savepoint = self.conn.savepoint()?;
            let applied = run(&savepoint)?;
            savepoint.commit()?;
            Ok(applied)
        } else {
            let tx = self.begin_write()?;
            let applied = run(&tx)?;
            tx.commit()?;
            Ok(applied)
        }
    }

    /// Runs many commands in one transaction (e.g. loading a school): all of them or,
    /// if `work` fails, the commit fails or `work` panics, none.
    pub fn batch<T, E: From<Error>>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        if self.in_batch {
            return work(self);
        }
        self.keep_index_in_step()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(Error::from)?;
        self.in_batch = true;
        let batch = OpenBatch { store: self };
        count_write(&batch.store.conn).map_err(Error::from)?;
        let value = work(batch.store)?;
        batch
            .store
            .conn
            .execute_batch("COMMIT")
            .map_err(Error::from)?;
        Ok(value)
    }
}

/// A batch's open transaction. However the batch ends (an error, a failed `COMMIT`, a
/// panic), dropping this rolls back what is still open, so that the connection is never
/// left inside a transaction that later writes would join or trip over.
struct OpenBatch<'a> {
    store: &'a mut Store,
}

impl Drop for OpenBatch<'_> {
    fn drop(&mut self) {
        self.store.in_batch = false;
        if !self.store.conn.is_autocommit() {
            // Never panics (this may run while unwinding); the rollback's own failure cannot
            // be reported better than the cause.
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
    }
}

mod purge;

struct Writer<'a> {
    conn: &'a Connection,
    stamp: String,
    author: &'a str,
    replica_id: &'a str,
    applied: Applied,
}

impl Writer<'_> {
    fn run(&mut self, command: Command) -> Result<()> {
        match command {
            Command::Add(AnyRecord::Focus(focus)) => self.set_focus(focus, None),
            Command::Add(AnyRecord::Observation(mut observation)) => {
                if observation.focus_id.is_none() {
                    observation.focus_id = self
                        .load::<Teacher>(&observation.teacher_id)?
                        .active_focus_id;
                }
                self.add(observation).map(drop)
            }
            Command::Add(AnyRecord::Support(mut support)) => {
                if support.focus_id.is_none() {
                    support.focus_id = self.load::<Teacher>(&support.teacher_id)?.active_focus_id;
                }
                self.add(support).map(drop)
            }
            Command::Add(AnyRecord::Teacher(mut person)) => {
                self.spell_school(&mut person)?;
                let person = self.add(person)?;
                self.ensure_school(&person.school)
            }
            Command::Add(any) => with_any!(any, record => self.add(record).map(drop)),
            Command::Edit(AnyRecord::School(school)) => {
                let before = self.load::<School>(&school.meta.id)?;
                let after = self.edit(school)?;
                self.rename_school_people(&before.name, &after.name)
            }
            Command::Edit(AnyRecord::Teacher(mut person)) => {
                self.spell_school(&mut person)?;
                let person = self.edit(person)?;
                self.ensure_school(&person.school)
            }
            Command::Edit(any) => with_any!(any, record => self.edit(record).map(drop)),
            Command::Revise { opened, edited } => match *opened {
                AnyRecord::School(opened) => {
                    let before = self.load::<School>(&opened.meta.id)?;
                    let after = self.revise(opened, *edited)?;
                    self.rename_school_people(&before.name, &after.name)
                }
                AnyRecord::Teacher(opened) => {
                    let mut edited = *edited;
                    if let AnyRecord::Teacher(person) = &mut edited {
                        self.spell_school(person)?;
                    }
                    let person = self.revise(opened, edited)?;
                    self.ensure_school(&person.school)
                }
                opened => with_any!(opened, opened => self.revise(opened, *edited).map(drop)),
            },
            Command::Undo(applied) => self.undo(applied),
            Command::AddAll(records) => records
                .into_iter()
                .try_for_each(|record| self.run(Command::Add(record))),
            Command::All(commands) => commands
                .into_iter()
                .try_for_each(|command| self.run(command)),
            Command::SetFocus {
                focus,
                previous_outcome,
            } => self.set_focus(focus, previous_outcome),
            Command::EndFocus {
                teacher_id,
                outcome,
                on,
            } => {
                let teacher = self.load::<Teacher>(&teacher_id)?;
                if !self.close_active_focus(teacher, Some(outcome), on)? {
                    return Err(Error::Invalid("this teacher has no active focus".into()));
                }
                Ok(())
            }
            Command::HoldCheckIn {
                check_in,
                done,
                carried,
                new_actions,
                measures,
            } => {
                self.hold_check_in(check_in, done, carried, new_actions)?;
                measures
                    .into_iter()
                    .try_for_each(|measure| self.add(measure).map(drop))
            }
            Command::SetActionDone { id, done_on } => {
                let mut action = self.load::<Action>(&id)?;
                action.done_on = done_on;
                self.edit(action).map(drop)
            }
            Command::Delete { kind, id } => self.set_deleted(kind, &id, true),
            Command::Restore { kind, id } => self.set_deleted(kind, &id, false),
            Command::Purge { kind, id } => self.purge(kind, &id),
        }
    }

    fn load<R: Record>(&self, id: &str) -> Result<R> {
        record::get::<R>(self.conn, id)?.ok_or_else(|| Error::NotFound {
            kind: R::KIND,
            id: id.to_owned(),
        })
    }

    fn stamp_meta<R: Record>(&self, record: &mut R) {
        let meta = record.meta_mut();
        meta.updated_at.clone_from(&self.stamp);
        meta.author = self.author.to_owned();
        meta.replica_id = self.replica_id.to_owned();
    }

    fn add<R: Record>(&mut self, mut record: R) -> Result<R> {
        self.validate(&record.clone().into_any(), None)?;
        let meta = record.meta_mut();
        if meta.id.is_empty() {
            meta.id = super::new_id();
        }
        meta.created_at.clone_from(&self.stamp);
        meta.deleted_at = None;
        self.stamp_meta(&mut record);
        record::insert(self.conn, &record)?;
        self.log(None, Some(record.clone()));
        Ok(record)
    }

    /// Gives the record's row these fields (read in this transaction, so nothing can have
    /// changed them meanwhile); its place in or out of the trash stays.
    fn edit<R: Record>(&mut self, record: R) -> Result<R> {
        let before = self.load::<R>(&record.meta().id)?;
        let after = record::with_fields(&before, &record, R::COLUMNS);
        self.validate(&after.clone().into_any(), Some(&before.clone().into_any()))?;
        self.write_changes(before, after)
    }

    fn log<R: Record>(&mut self, before: Option<R>, after: Option<R>) {
        let id = after
            .as_ref()
            .or(before.as_ref())
            .map(|record| record.meta().id.clone())
            .unwrap_or_default();
        self.applied.changes.push(Change {
            kind: R::KIND,
            id,
            before: before.map(Record::into_any),
            after: after.map(Record::into_any),
        });
    }

    /// Closes the teacher's active focus, if any; returns whether one was closed.
    fn close_active_focus(
        &mut self,
        mut teacher: Teacher,
        outcome: Option<Outcome>,
        on: NaiveDate,
    ) -> Result<bool> {
        let Some(active_id) = teacher.active_focus_id.clone() else {
            return Ok(false);
        };
        let Some(outcome) = outcome else {
            return Err(Error::Invalid(format!(
                "{} already has an active focus: say how it ended (achieved, dropped or replaced)",
                teacher.name
            )));
        };
        let mut active = self.load::<Focus>(&active_id)?;
        active.ended_on = Some(on.max(active.started_on));
        active.outcome = Some(outcome);
        self.edit(active)?;
        teacher.active_focus_id = None;
        self.edit(teacher)?;
        Ok(true)
    }

    fn set_focus(&mut self, mut focus: Focus, previous_outcome: Option<Outcome>) -> Result<()> {
        let teacher = self.load::<Teacher>(&focus.teacher_id)?;
        self.close_active_focus(teacher, previous_outcome, focus.started_on)?;
        focus.ended_on = None;
        focus.outcome = None;
        let focus = self.add(focus)?;
        let mut teacher = self.load::<Teacher>(&focus.teacher_id)?;
        teacher.active_focus_id = Some(focus.meta.id);
        self.edit(teacher).map(drop)
    }

    fn hold_check_in(
        &mut self,
        check_in: CheckIn,
        done: Vec<String>,
        carried: Vec<(String, Option<NaiveDate>)>,
        new_actions: Vec<Action>,
    ) -> Result<()> {
        let held_on = check_in.held_on;
        let check_in = self.add(check_in)?;
        for id in done {
            let mut action = self.load::<Action>(&id)?;
            action.done_on = Some(held_on);
            self.edit(action)?;
        }
        for (id, due_on) in carried {
            let mut action = self.load::<Action>(&id)?;
            action.due_on = due_on;
            self.edit(action)?;
        }
        for mut action in new_actions {
            action.teacher_id.clone_from(&check_in.teacher_id);
            action.check_in_id = Some(check_in.meta.id.clone());
            self.add(action)?;
        }
        Ok(())
    }

    fn set_deleted(&mut self, kind: Kind, id: &str, deleted: bool) -> Result<()> {
        let any = load_any(self.conn, kind, id)?;
        with_any!(any, record => self.tombstone(record, deleted))
    }

    fn tombstone<R: Record>(&mut self, record: R, deleted: bool) -> Result<()> {
        let mut after = record.clone();
        after.meta_mut().deleted_at = deleted.then(|| self.stamp.clone());
        let any = self.write_changes(record, after)?.into_any();
        // A trashed focus is no longer the active one.
        if let (true, AnyRecord::Focus(focus)) = (deleted, any) {
            let mut teacher = self.load::<Teacher>(&focus.teacher_id)?;
            if teacher.active_focus_id.as_deref() == Some(focus.meta.id.as_str()) {
                teacher.active_focus_id = None;
                self.edit(teacher)?;
            }
        }
        Ok(())
    }
}

/// Loads a record of any kind by id, trashed or not.
pub(super) fn load_any(conn: &Connection, kind: Kind, id: &str) -> Result<AnyRecord> {
    fn get<R: Record>(conn: &Connection, id: &str) -> Result<Option<AnyRecord>> {
        Ok(record::get::<R>(conn, id)?.map(Record::into_any))
    }
    use crate::model::*;
    let found = match kind {
        Kind::Teacher => get::<Teacher>(conn, id)?,
        Kind::Goal => get::<Goal>(conn, id)?,
        Kind::Measure => get::<Measure>(conn, id)?,
        Kind::Focus => get::<Focus>(conn, id)?,
        Kind::Observation => get::<Observation>(conn, id)?,
        Kind::CheckIn => get::<CheckIn>(conn, id)?,
        Kind::Action => get::<Action>(conn, id)?,
        Kind::Support => get::<Support>(conn, id)?,
        Kind::Walkthrough => get::<Walkthrough>(conn, id)?,
        Kind::School => get::<School>(conn, id)?,
        Kind::ReadinessReview => get::<ReadinessReview>(conn, id)?,
    };
    found.ok_or_else(|| Error::NotFound {
        kind,
        id: id.to_owned(),
    })
}
