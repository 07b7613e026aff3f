//! A form on screen: moving between fields, the private toggle, `$EDITOR`, and saving,
//! which turns the typed values into one command for the write path.

use crate::app::{App, FormPopup, Popup, records};
use crate::app::{form::Form, records::Purpose};
use crate::db::{AnyRecord, Command};
use crate::model::Kind;
use crate::text;

impl App {
    pub(in crate::app) fn open_form(&mut self, form: Form, purpose: Purpose) {
        self.popups.push(Popup::Form(Box::new(FormPopup {
            form,
            purpose,
            review: None,
        })));
    }

    pub(in crate::app) fn move_field(&mut self, forward: bool) {
        let Some(popup) = self.top_form() else { return };
        let fields = popup.form.fields.len();
        match popup.review.as_mut() {
            // Tab cycles through the fields and then the "agreed last time" list.
            Some(review) if review.focused => {
                review.focused = false;
                popup.form.active = if forward { 0 } else { fields.saturating_sub(1) };
            }
            Some(review)
                if !review.actions.is_empty()
                    && ((forward && popup.form.active + 1 == fields)
                        || (!forward && popup.form.active == 0)) =>
            {
                review.focused = true;
            }
            _ if forward => popup.form.next_field(),
            _ => popup.form.prev_field(),
        }
    }

    pub(in crate::app) fn toggle_private(&mut self) {
        let now = self.now;
        if let Some(popup) = self.top_form()
            && let Some(field) = popup.form.field_mut("Private")
        {
            field.on = !field.on;
            field.revalidate(now);
        }
    }

    pub(in crate::app) fn request_editor(&mut self) {
        let Some(popup) = self.top_form() else { return };
        match popup.form.active_field() {
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
                    && let Some(field) = popup.form.fields.get_mut(popup.form.active)
                {
                    field.set_text(text.trim_end_matches('\n'));
                    field.revalidate(now);
                }
            }
            Err(error) => self.warn(error),
        }
    }

    pub(in crate::app) fn save_form(&mut self) {
        let now = self.now;
        let today = now.date();
        let Some(Popup::Form(mut popup)) = self.popups.pop() else {
            return;
        };
        let Some(values) = popup.form.values(now) else {
            self.popups.push(Popup::Form(popup));
            return;
        };
        // A finished visit is saved with its draft removed, in one transaction.
        if let Purpose::FinishVisit(visit) = &popup.purpose {
            let observation = records::visit_observation(visit, &values, now);
            let command = Command::Add(AnyRecord::Observation(observation));
            match self.apply_finishing_draft(command, &visit.draft_id) {
                Ok(_) => {
                    let name = text::line(&visit.teacher_name).into_owned();
                    self.leave_capture();
                    self.say(format!("Saved the visit to {name}"));
                }
                Err(error) => {
                    popup.form.error = Some(error);
                    self.popups.push(Popup::Form(popup));
                }
            }
            return;
        }
        // The timeline's dates are a view setting, not a record.
        if let Purpose::TimelineDates = &popup.purpose {
            let (from, to) = (values.date("From"), values.date("To"));
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                popup.form.error = Some("From is after To".into());
                self.popups.push(Popup::Form(popup));
                return;
            }
            if let Some(workspace) = self.workspace_mut() {
                workspace.filter.from = from;
                workspace.filter.to = to;
                workspace.select(0);
            }
            return;
        }
        // A round's mark is saved, then the next classroom comes up.
        if let Purpose::Mark {
            walkthrough,
            teacher_id,
            stepping,
        } = &popup.purpose
        {
            if let Err(error) = self.save_mark(walkthrough, teacher_id, *stepping, &values) {
                popup.form.error = Some(error);
                self.popups.push(Popup::Form(popup));
            }
            return;
        }
        // An action written during a check-in joins the check-in's list.
        if let Purpose::Action {
            teacher_id,
            for_check_in: true,
            ..
        } = &popup.purpose
        {
            let action = records::action_from(&values, teacher_id, None);
            if let Some(review) = self.top_form().and_then(|p| p.review.as_mut()) {
                review.new_actions.push(action);
            }
            return;
        }
        let command = match (&popup.purpose, &popup.review) {
            (
                Purpose::CheckIn {
                    teacher_id,
                    existing: None,
                },
                Some(review),
            ) => Ok(review.command(records::check_in_from(&values, teacher_id, None, today))),
            (purpose, _) => records::command(purpose, &values, today),
        };
        let result = command.and_then(|command| self.apply(command));
        match result {
            Ok(applied) => {
                // A problem reading back what was saved stays on screen.
                if self.status.is_none() {
                    self.say(saved_message(&applied));
                }
                // A teacher just added is selected in the roster.
                if let (Purpose::Teacher(None), Some(id)) = (&popup.purpose, applied.added_id()) {
                    self.roster.select_id(id);
                }
                // A measurement taken during a check-in shows in its brief at once.
                if let Purpose::Measure { goal, .. } = &popup.purpose
                    && let Some(value) = values.number("Value")
                    && let Some(review) = self.top_form().and_then(|p| p.review.as_mut())
                    && let Some((active, latest)) = review.goal.as_mut()
                    && active.meta.id == goal.meta.id
                {
                    *latest = Some(value);
                }
                // A new round starts at once with its first classroom.
                if let (Purpose::NewRound { .. }, Some(id)) = (&popup.purpose, applied.added_id()) {
                    let id = id.to_owned();
                    self.open_round(&id, true);
                }
            }
            Err(error) => {
                // A failed save keeps the form open with everything typed.
                popup.form.error = Some(error);
                self.popups.push(Popup::Form(popup));
            }
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
