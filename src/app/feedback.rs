//! Feedback for the teacher inside the app: one key on an observation or check-in (or
//! right after saving one) opens a small form; saving it keeps the strength, next step and
//! time on the record (through the write path, so it can be undone), puts the note on the
//! clipboard (OSC 52) and writes it, owner-only, beside the briefs.

use super::clipboard::{self, Terminal};
use super::records::{FeedbackForm, FeedbackRequest, Purpose};
use super::workspace::Tab;
use super::{App, keymap};
use crate::db::Command;
use crate::model::feedback::{Note, Source, shared};
use crate::model::{AnyRecord, Kind, TeacherFile};
use crate::text;

impl App {
    /// Tells the app which terminal it draws on, for the clipboard.
    pub fn set_clipboard_terminal(&mut self, terminal: Terminal) {
        self.clipboard.terminal = terminal;
    }

    /// The clipboard sequence waiting to be written to the terminal, taken once by the
    /// main loop.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.pending.take()
    }

    /// The observation or check-in feedback is asked for: the one selected on its tab (or
    /// on the timeline), else the one just saved for this teacher.
    fn feedback_target(&self) -> Option<(String, String)> {
        let workspace = self.workspace()?;
        let teacher_id = workspace.file.teacher.meta.id.clone();
        let selected = match workspace.tab {
            Tab::Observations | Tab::CheckIns | Tab::Timeline => workspace
                .selected_record()
                .filter(|(kind, _)| matches!(kind, Kind::Observation | Kind::CheckIn))
                .map(|(_, id)| id),
            _ => None,
        };
        let just_saved = || match self.history.just_added()? {
            AnyRecord::Observation(visit) if visit.teacher_id == teacher_id => {
                Some(visit.meta.id.clone())
            }
            AnyRecord::CheckIn(check_in) if check_in.teacher_id == teacher_id => {
                Some(check_in.meta.id.clone())
            }
            _ => None,
        };
        let id = selected.or_else(just_saved)?;
        Some((teacher_id, id))
    }

    /// The teacher's file as it is now, with every observation read when `id` is an
    /// older one than the screen holds.
    fn file_holding(&mut self, teacher_id: &str, id: &str) -> Result<TeacherFile, String> {
        let mut file = match self.store.teacher_file(teacher_id) {
            Ok(Some(file)) => file,
            Ok(None) => return Err("That teacher is no longer in the roster".into()),
            Err(error) => return Err(format!("cannot read the teacher: {error}")),
        };
        if !file.all_observations && Source::find(&file, id).is_err() {
            self.store
                .load_all_observations(&mut file)
                .map_err(|error| format!("cannot read the teacher's history: {error}"))?;
        }
        Ok(file)
    }

    /// Opens the feedback form, or says why there is none to make.
    pub(super) fn start_feedback(&mut self) {
        let Some((teacher_id, id)) = self.feedback_target() else {
            return self.warn(format!(
                "{} makes feedback from an observation or a check-in: select one on its tab",
                keymap::key_for(keymap::Context::Workspace, keymap::Msg::Feedback)
            ));
        };
        let file = match self.file_holding(&teacher_id, &id) {
            Ok(file) => file,
            Err(error) => return self.warn(error),
        };
        match Source::find(&file, &id) {
            Ok(source) => {
                let form = FeedbackForm::new(&file, source);
                self.open_form(Purpose::Feedback(form));
            }
            Err(refused) => self.warn(capitalized(&refused.to_string())),
        }
    }

    /// Makes the note asked for, keeps it on its record, and hands it over: to the
    /// clipboard when the terminal takes it, and always to a file. An error keeps the form
    /// open.
    pub(super) fn share_feedback(&mut self, request: FeedbackRequest) -> Result<(), String> {
        let id = match &request.opened {
            AnyRecord::Observation(visit) => visit.meta.id.clone(),
            AnyRecord::CheckIn(check_in) => check_in.meta.id.clone(),
            _ => return Err("feedback is made from an observation or a check-in".into()),
        };
        let file = self.file_holding(&request.teacher_id, &id)?;
        let source =
            Source::find(&file, &id).map_err(|refused| capitalized(&refused.to_string()))?;
        let today = self.now.date();
        let note = Note::new(&file, source, &request.choices, today);
        let name = text::line(&file.teacher.name).into_owned();
        let plain = crate::export::feedback::text(&note);

        let kept = shared(request.opened.clone(), &note, self.local_now());
        self.apply(Command::revise(request.opened, kept))?;

        let stem = format!("{name} feedback {}", self.now.format("%Y-%m-%d"));
        let kept = self.write_private_out(&stem, "txt", &plain);
        match (clipboard::osc52(&plain, &self.clipboard.terminal), kept) {
            (Ok(sequence), Ok(path)) => {
                self.clipboard.pending = Some(sequence);
                let before = format!("Feedback for {name} copied to the clipboard; also in ");
                self.say_path((&before, &path, ""), false);
            }
            (Ok(sequence), Err(error)) => {
                self.clipboard.pending = Some(sequence);
                self.warn(format!(
                    "Feedback for {name} copied to the clipboard, but not kept in a file: {error}"
                ));
            }
            (Err(why), Ok(path)) => {
                let before =
                    format!("Not copied to the clipboard ({why}): the feedback for {name} is in ");
                self.say_path((&before, &path, ""), true);
            }
            (Err(why), Err(error)) => self.warn(format!(
                "Feedback kept on the record, but not copied ({why}) and not written: {error}"
            )),
        }
        Ok(())
    }
}

/// A sentence for the status line: its first letter a capital.
fn capitalized(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
