//! The teacher selected on the roster, read ahead on a thread of its own: ⏎ then opens a
//! workspace already built. Opening a teacher with ten years of history reads some nine
//! hundred records and sorts them into a timeline (a few milliseconds); read while the
//! coach looks at the roster, it costs the key nothing.
//!
//! A file read ahead is taken only at the file's count of writes it was read at, which
//! every write moves (this window's, another's and the command line's): anything written
//! since, and the teacher is read afresh at the key, as without it.

use super::workspace::Workspace;
use super::{App, Screen};
use crate::db::{Result, Store};
use std::time::{Duration, Instant};

/// How long the selection rests on a teacher before the teacher is read ahead: a burst of
/// keys through the roster reads nobody (each read is milliseconds of a processor and
/// megabytes of memory for a teacher with years of history), a look at one row does.
pub const REST: Duration = Duration::from_millis(100);

/// A teacher's workspace read ahead, at a count of writes.
pub struct ReadAhead {
    id: String,
    writes: Option<String>,
    workspace: Box<Workspace>,
}

/// Reads the teacher asked for on a connection of its own and builds the workspace; the
/// newest request only (the coach moved on from the older ones).
pub type TeacherReader = crate::db::Worker<String, Option<ReadAhead>>;

impl TeacherReader {
    /// Starts reading from `store` (a connection of its own).
    pub fn start(store: Store) -> Result<TeacherReader> {
        // Its pages are read once each (a ten-year teacher's records fill some nine hundred,
        // 3.6 MB): kept, they would only weigh on memory.
        store.keep_few_pages(crate::db::READ_ONCE_PAGES_KIB)?;
        crate::db::worker("teacher reader", move |id: String| {
            // The count first: a write between the two reads is then seen as one since.
            let writes = store.count_of_writes().ok()?;
            let file = store.teacher_file(&id).ok()??;
            Some(ReadAhead {
                id,
                writes,
                workspace: Box::new(Workspace::new(file)),
            })
        })
    }
}

/// What the app read ahead, and what it asked for.
#[derive(Default)]
pub(super) struct Prefetch {
    /// Whether a reader runs (the loop starts one once the first frame is on screen).
    on: bool,
    /// How long the selection rests before a teacher is asked for.
    rest: Duration,
    /// The teacher selected and since when, not asked for yet.
    resting: Option<(String, Instant)>,
    /// The teacher last asked for.
    asked: Option<String>,
    ready: Option<ReadAhead>,
}

impl App {
    /// From now on, the teacher selected on the roster is read ahead, through the loop,
    /// once the selection has rested on them for `rest` ([`REST`]).
    pub fn read_ahead_in_background(&mut self, rest: Duration) {
        self.prefetch.on = true;
        self.prefetch.rest = rest;
    }

    /// The teacher to read ahead, if the roster's selection has rested on one not asked
    /// for yet. What was read ahead of another teacher is let go.
    pub fn take_read_ahead_request(&mut self) -> Option<String> {
        if !self.prefetch.on || !matches!(self.screen, Screen::Roster) {
            return None;
        }
        let id = &self.roster.selected_row()?.teacher.meta.id;
        let prefetch = &mut self.prefetch;
        if prefetch.asked.as_ref() == Some(id) {
            return None;
        }
        let now = Instant::now();
        let since = match &prefetch.resting {
            Some((resting, since)) if resting == id => *since,
            _ => {
                prefetch.resting = Some((id.clone(), now));
                now
            }
        };
        if now.duration_since(since) < prefetch.rest {
            return None;
        }
        prefetch.resting = None;
        prefetch.ready = None;
        prefetch.asked = Some(id.clone());
        prefetch.asked.clone()
    }

    /// How long until the selection will have rested long enough to read a teacher ahead,
    /// if it rests on one: the loop wakes by then.
    pub fn read_ahead_due(&self) -> Option<Duration> {
        if !matches!(self.screen, Screen::Roster) {
            return None;
        }
        let (_, since) = self.prefetch.resting.as_ref()?;
        Some(self.prefetch.rest.saturating_sub(since.elapsed()))
    }

    /// A teacher read ahead, kept if still the one asked for.
    pub fn read_ahead_found(&mut self, read: Option<ReadAhead>) {
        if let Some(read) = read
            && self.prefetch.asked.as_ref() == Some(&read.id)
        {
            self.prefetch.ready = Some(read);
        }
    }

    /// Forgets what was read ahead: the roster asks again.
    pub(super) fn forget_read_ahead(&mut self) {
        self.prefetch.asked = None;
        self.prefetch.resting = None;
        self.prefetch.ready = None;
    }

    /// The workspace of `id` read ahead, if nothing was written since it was read. Either
    /// way what was read ahead is spent, and the roster asks again when it is back.
    pub(super) fn take_read_ahead(&mut self, id: &str) -> Option<Box<Workspace>> {
        self.prefetch.asked = None;
        let read = self.prefetch.ready.take()?;
        let writes = self.store.count_of_writes().ok()?;
        (read.id == id && read.writes == writes).then_some(read.workspace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Command;
    use crate::model::{AnyRecord, Teacher};

    /// What was read ahead is what ⏎ opens, unless anything was written since.
    #[test]
    fn a_teacher_read_ahead_is_taken_only_at_the_count_of_writes_it_was_read_at() {
        let dir = tempfile::tempdir().unwrap();
        let clock = crate::clock::Clock::Fixed("2026-11-23T10:42:00".parse().unwrap());
        let mut store = Store::open(&dir.path().join("coachlog.db"), clock).unwrap();
        let add = |store: &mut Store, name: &str| {
            let teacher = Teacher {
                name: name.into(),
                cadence_days: 14,
                ..Teacher::default()
            };
            let applied = store.apply(Command::Add(AnyRecord::Teacher(teacher)));
            applied.unwrap().added_id().unwrap().to_owned()
        };
        let id = add(&mut store, "Adams, Kofi");
        let reader = TeacherReader::start(Store::open_beside(store.path(), clock).unwrap());
        let reader = reader.unwrap();
        let mut app = App::new(store).unwrap();
        app.read_ahead_in_background(Duration::ZERO);
        for written_since in [false, true] {
            assert_eq!(app.take_read_ahead_request(), Some(id.clone()));
            reader.ask(id.clone());
            let read = loop {
                if let Some(read) = reader.answer() {
                    break read;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            };
            app.read_ahead_found(read);
            if written_since {
                add(&mut app.store, "Baker, Lin");
            }
            let taken = app.take_read_ahead(&id);
            assert_eq!(
                taken.is_some(),
                !written_since,
                "written since: {written_since}"
            );
            assert!(app.prefetch.ready.is_none(), "spent either way");
        }
    }
}
