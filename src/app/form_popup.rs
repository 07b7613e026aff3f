//! A form on screen: moving between fields, the private toggle, `$EDITOR`, and saving,
//! which turns the typed values into one command for the write path.

use crate::app::records::{Purpose, Submit};
use crate::app::{App, FormPopup, Popup};
use crate::model::Kind;
use crate::text;

impl App {
    pub(in crate::app) fn open_form(&mut self, purpose: Purpose) {
        self.popups.push(Popup::Form(Box::new(FormPopup {
            purpose,
            review: None,
        })));
    }

    pub(in crate::app) fn move_field(&mut self, forward: bool) {
        let Some(popup) = self.top_form() else { return };
        let form = popup.purpose.form_mut();
        let fields = form.fields().len();
        match popup.review.as_mut() {
            // Tab cycles through the fields and then the "agreed last time" list.
            Some(review) if review.focused => {
                review.focused = false;
                form.active = if forward { 0 } else { fields.saturating_sub(1) };
            }
            Some(review)
                if !review.actions.is_empty()
                    && ((forward && form.active + 1 == fields)
                        || (!forward && form.active == 0)) =>
            {
                review.focused = true;
            }
            _ if forward => form.next_field(),
            _ => form.prev_field(),
        }
    }

    pub(in crate::app) fn toggle_private(&mut self) {
        let now = self.now;
        if let Some(popup) = self.top_form() {
            popup.purpose.flip_private(now);
        }
    }

    pub(in crate::app) fn request_editor(&mut self) {
        let Some(popup) = self.top_form() else { return };
        match popup.form().active_field() {
            Some(field) if field.is_text() => {
                let text = field.text();
                self.editor_request = Some(text);
            }
            _ => self.warn("Move to a text field to edit it in your editor"),
        }
    }

    /// Text the user asked to edit in `$EDITOR`, taken once by the main loop.
    pub fn take_editor_request(&mut self) -> Option<String> {
        self.editor_request.take()
    }

    /// The result of an `$EDITOR` session: the new text goes into the field it came from.
    pub fn finish_editor(&mut self, edited: Result<String, String>) {
        let now = self.now;
        match edited {
            Ok(text) => {
                if let Some(popup) = self.top_form()
                    && let Some(field) = popup.form_mut().active_field_mut()
                    && let Some(entry) = field.entry_mut()
                {
                    entry.set_text(text.trim_end_matches('\n'));
                    field.revalidate(now);
                }
            }
            Err(error) => self.warn(error),
        }
    }

    /// Saves the top form: its values become one change through the write path (or an
    /// action collected into a check-in, or the timeline's dates). A failed save keeps the
    /// form open with everything typed and the reason.
    pub(in crate::app) fn save_form(&mut self) {
        let now = self.now;
        let Some(Popup::Form(mut popup)) = self.popups.pop() else {
            return;
        };
        if !popup.form_mut().validate(now) {
            self.popups.push(Popup::Form(popup));
            return;
        }
        let (local_now, zone) = (self.local_now(), self.store.clock().zone());
        let submitted = popup.purpose.submit(popup.review.as_ref(), local_now, zone);
        let command = match submitted {
            Ok(Submit::Write(command)) => command,
            Ok(Submit::CollectAction(action)) => {
                if let Some(review) = self.top_form().and_then(|p| p.review.as_mut()) {
                    review.new_actions.push(action);
                }
                return;
            }
            // The brief shows the measurement at once; it is saved with the check-in.
            Ok(Submit::CollectMeasure(measure)) => {
                if let Some(review) = self.top_form().and_then(|p| p.review.as_mut()) {
                    review.take_measure(measure);
                }
                return;
            }
            // Kept on its record through the write path, then handed over.
            Ok(Submit::ShareFeedback(request)) => {
                if let Err(error) = self.share_feedback(request) {
                    popup.form_mut().error = Some(error);
                    self.popups.push(Popup::Form(popup));
                }
                return;
            }
            Ok(Submit::ShowDates { from, to }) => {
                if let Some(workspace) = self.workspace_mut() {
                    workspace.filter.from = from;
                    workspace.filter.to = to;
                    workspace.select(0);
                }
                return;
            }
            Err(error) => {
                popup.form_mut().error = Some(error);
                self.popups.push(Popup::Form(popup));
                return;
            }
        };
        // A finished visit is saved with its draft removed, in one transaction.
        let applied = match &popup.purpose {
            Purpose::FinishVisit(finish) => {
                self.apply_finishing_draft(command, &finish.visit.draft_id)
            }
            _ => self.apply_form(command),
        };
        let applied = match applied {
            Ok(applied) => applied,
            Err(error) => {
                popup.form_mut().error = Some(error);
                self.popups.push(Popup::Form(popup));
                return;
            }
        };
        // A record just added is selected where it is listed.
        if let Some(id) = applied.added_id()
            && let Some(workspace) = self.workspace_mut()
        {
            workspace.select_id(id);
        }
        let saved = match &popup.purpose {
            // One record for each teacher: the message and the undo name them all.
            Purpose::FollowUp(follow_up) => {
                let (saved, name) = follow_up.done();
                self.history.name_last(&applied, name);
                saved
            }
            _ => saved_message(&applied),
        };
        // A problem reading back what was saved stays on screen.
        if self.status.is_none() {
            self.say(saved);
        }
        match &popup.purpose {
            Purpose::FinishVisit(finish) => {
                let name = text::line(&finish.visit.teacher_name).into_owned();
                self.leave_capture();
                self.say(format!("Saved the visit to {name}"));
            }
            // A round's mark is saved, then the next classroom comes up.
            Purpose::Mark(mark) => self.open_round(&mark.walkthrough.meta.id, mark.stepping),
            Purpose::FollowUp(follow_up) => self.open_round(&follow_up.walkthrough_id, false),
            // A new round starts at once with its first classroom.
            Purpose::NewRound(_) => {
                if let Some(id) = applied.added_id().map(str::to_owned) {
                    self.open_round(&id, true);
                }
            }
            // The readiness screen stays on the school just reviewed.
            Purpose::Readiness(review) => {
                if let Some(school_id) = review.school_id() {
                    self.select_readiness_school(school_id);
                }
            }
            // A teacher just added is selected in the roster.
            Purpose::Teacher(teacher) if teacher.existing.is_none() => {
                if let Some(id) = applied.added_id() {
                    self.roster.select_id(id);
                }
            }
            _ => {}
        }
    }
}

/// "Saved the observation", "Saved the check-in and 2 actions".
fn saved_message(applied: &crate::db::Applied) -> String {
    let Some(first) = applied.changes.first() else {
        return "Nothing to save".into();
    };
    let added_actions = applied
        .changes
        .iter()
        .skip(1)
        .filter(|c| c.kind == Kind::Action && c.before.is_none())
        .count();
    let extra = match added_actions {
        0 => String::new(),
        1 => " and 1 new action".into(),
        n => format!(" and {n} new actions"),
    };
    format!("Saved the {}{extra}", first.kind)
}
