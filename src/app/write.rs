//! The one write path: every change to the records goes through `App::apply` (or
//! `App::apply_finishing_draft`, when the change finishes a draft), which applies the command
//! in one transaction, marks the roster stale, reloads what is on screen and keeps the
//! change for undo (`undo.rs`, whose undo and redo take the same path). No other code in
//! `app` writes records, so no screen can show what was true before a change.

use crate::app::{App, Screen};
use crate::db::{Applied, Command};

impl App {
    /// Applies a command and reloads what is on screen.
    pub(in crate::app) fn apply(&mut self, command: Command) -> Result<Applied, String> {
        self.write(command, None)
    }

    /// Applies a command and removes the draft it came from, in one transaction.
    pub(in crate::app) fn apply_finishing_draft(
        &mut self,
        command: Command,
        draft_id: &str,
    ) -> Result<Applied, String> {
        self.write(command, Some(draft_id))
    }

    /// A change the user made: applied, and kept so that it can be undone.
    fn write(&mut self, command: Command, draft_id: Option<&str>) -> Result<Applied, String> {
        let applied = self
            .commit(command, draft_id)
            .map_err(|error| error.to_string())?;
        self.history.record(&applied);
        Ok(applied)
    }

    /// Applies a command (removing the draft it finishes, if any) and reloads what is on
    /// screen. Undo and redo call it directly: they are not changes to be undone.
    pub(in crate::app) fn commit(
        &mut self,
        command: Command,
        draft_id: Option<&str>,
    ) -> Result<Applied, crate::db::Error> {
        let applied = match draft_id {
            Some(draft_id) => self.store.apply_from_draft(command, draft_id),
            None => self.store.apply(command),
        }?;
        // Any change can move a teacher's last visit, ratings or next check-in.
        self.roster_stale = true;
        self.reload();
        Ok(applied)
    }

    /// Re-reads what is on screen (one query): the roster, the open teacher, the agenda or
    /// the open round. A roster not on screen is read again when it comes back.
    pub(in crate::app) fn reload(&mut self) {
        match &self.screen {
            Screen::Roster => self.reload_roster(),
            Screen::Agenda(_) => self.refresh_agenda(),
            Screen::Trash(_) => self.refresh_trash(),
            Screen::Time(_) => self.refresh_time_spent(),
            Screen::Readiness(_) => self.refresh_readiness(),
            Screen::Workspace(workspace) => {
                let id = workspace.file.teacher.meta.id.clone();
                // As far back as the observations had been scrolled.
                let observations = &workspace.file.observations;
                let reach = observations
                    .last()
                    .filter(|_| observations.len() > crate::db::OBSERVATION_PAGE)
                    .map(|oldest| oldest.meta.id.clone());
                let read = self
                    .store
                    .teacher_file(&id)
                    .and_then(|file| match (file, reach) {
                        (Some(mut file), Some(oldest)) => self
                            .store
                            .load_observations_back_to(&mut file, &oldest)
                            .map(|()| Some(file)),
                        (file, _) => Ok(file),
                    });
                match read {
                    Ok(Some(file)) => {
                        if let Some(workspace) = self.workspace_mut() {
                            workspace.reload(file);
                        }
                    }
                    Ok(None) => self.show_roster(),
                    Err(error) => self.warn(format!("cannot read the teacher: {error}")),
                }
            }
            Screen::Rounds(_) => self.refresh_rounds(),
            Screen::School(_) => self.refresh_school(),
            // A visit in progress is the user's own text: it is never replaced from the file.
            Screen::Capture(_) => {}
        }
    }

    /// Reads the screen again if another connection (a second window, the command line)
    /// committed to the file since it was read; the selection stays on the same record.
    /// A form or a visit on screen is never replaced: the screen under it is read again.
    /// Costs one `PRAGMA data_version` when nothing changed.
    pub(in crate::app) fn notice_outside_changes(&mut self) {
        let Ok(version) = self.store.data_version() else {
            return;
        };
        if self.seen_version == Some(version) {
            return;
        }
        self.seen_version = Some(version);
        self.roster_stale = true;
        self.reload();
    }

    pub(in crate::app) fn reload_roster(&mut self) {
        // Something was written, or may have been: a teacher read ahead is read again.
        self.forget_read_ahead();
        match self.store.roster(self.roster.show_archived) {
            Ok(rows) => {
                self.roster.set_rows(rows);
                self.roster_stale = false;
            }
            Err(error) => self.warn(format!("cannot read the roster: {error}")),
        }
    }

    /// Back to the roster, read again if it changed meanwhile.
    /// Leaves a teacher's workspace for the screen it was opened from: the school view or
    /// the agenda, else the roster.
    pub(in crate::app) fn leave_workspace(&mut self) {
        match self.back_to.take() {
            Some(super::BackTo::School { names, at, person }) => {
                self.back_to_school(names, at, &person)
            }
            // As it was left, then read again (a change made meanwhile shows).
            Some(super::BackTo::Agenda(agenda)) => {
                self.screen = Screen::Agenda(agenda);
                self.refresh_agenda();
            }
            None => self.show_roster(),
        }
    }

    pub(in crate::app) fn show_roster(&mut self) {
        self.back_to = None;
        self.screen = Screen::Roster;
        if self.roster_stale {
            self.reload_roster();
        }
    }
}
