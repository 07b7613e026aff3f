//! Where a key goes: the contexts in force pick a binding from the key table; keys no
//! binding takes are typed into the form, search box, capture or filter that has them.

use crate::app::keymap::{Context, Key, Msg};
use crate::app::{App, Popup, Screen, keymap};
use crate::text;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

impl App {
    /// The key contexts in force, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.popups.last() {
            Some(Popup::Help { .. }) => vec![Context::Help, Context::Global],
            Some(Popup::Confirm(_)) => vec![Context::Confirm],
            Some(Popup::Search(_)) => vec![Context::Search],
            Some(Popup::Brief(_)) => vec![Context::Brief, Context::Global],
            Some(Popup::Form(popup)) => {
                let form = popup.form();
                let in_notes = form.active_field().is_some_and(|f| f.is_multi_line());
                match &popup.review {
                    Some(review) if review.focused => vec![Context::Review, Context::Form],
                    _ if form.enter_saves && in_notes => {
                        vec![Context::QuickForm, Context::Notes, Context::Form]
                    }
                    _ if form.enter_saves => vec![Context::QuickForm, Context::Form],
                    _ if in_notes => vec![Context::Notes, Context::Form],
                    _ => vec![Context::Form],
                }
            }
            None => match self.screen {
                Screen::Roster if self.roster.filtering => vec![Context::Filter],
                Screen::Roster => vec![Context::Roster, Context::Global],
                Screen::Workspace(_) => vec![Context::Workspace, Context::Global],
                Screen::Capture(_) => vec![Context::Capture],
                Screen::Rounds(ref rounds) if rounds.open.is_some() => {
                    vec![Context::Round, Context::Global]
                }
                Screen::Rounds(_) => vec![Context::Rounds, Context::Global],
                Screen::Agenda(_) => vec![Context::Agenda, Context::Global],
                Screen::Trash(_) => vec![Context::Trash, Context::Global],
                Screen::Time(_) => vec![Context::Time, Context::Global],
                Screen::School(_) => vec![Context::School, Context::Global],
                Screen::Readiness(ref view) if view.reading => {
                    vec![Context::ReadinessReview, Context::Global]
                }
                Screen::Readiness(_) => vec![Context::Readiness, Context::Global],
            },
        }
    }

    pub fn handle_event(&mut self, event: Event) {
        self.read_clock();
        // A key acts on the records as they are now, not as another window left them.
        self.notice_outside_changes();
        self.roster_before(&event);
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Paste(pasted) => self.handle_paste(&pasted),
            Event::Resize(width, height) => {
                self.size = (width, height);
                self.fit_time_spent();
            }
            // The wheel moves as ↑/↓ do, wherever they move (lists, help, the brief).
            Event::Mouse(mouse) if self.config.mouse => {
                // Over the detail pane the wheel scrolls the pane, as J/K do.
                let over_detail = self.popups.is_empty()
                    && self.hits.at(mouse.column, mouse.row)
                        == Some(crate::app::mouse::Target::Detail);
                let code = match mouse.kind {
                    MouseEventKind::ScrollDown if over_detail => {
                        return self.update(Msg::DetailDown);
                    }
                    MouseEventKind::ScrollUp if over_detail => {
                        return self.update(Msg::DetailUp);
                    }
                    MouseEventKind::ScrollDown => KeyCode::Down,
                    MouseEventKind::ScrollUp => KeyCode::Up,
                    // Only where nothing is on top: a form or question keeps the keyboard.
                    MouseEventKind::Down(MouseButton::Left) if self.popups.is_empty() => {
                        return self.click(mouse.column, mouse.row);
                    }
                    _ => return,
                };
                self.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
            }
            _ => {}
        }
    }

    /// A paste is text coming in: cleaned once here, whatever has the keyboard.
    pub(in crate::app) fn handle_paste(&mut self, pasted: &str) {
        let now = self.now;
        let pasted = match text::clean(pasted) {
            Ok(cleaned) => cleaned,
            Err(too_long) => {
                self.warn(format!("The paste was not taken: {too_long}"));
                return;
            }
        };
        let pasted = pasted.as_str();
        if self.popups.is_empty()
            && let Some(capture) = self.capture_mut()
        {
            // A pasted block becomes one stamped line per line.
            for line in pasted.lines() {
                if capture.input.paste(line) {
                    capture.stamp(now);
                }
            }
            self.save_visit_draft();
        } else if let Some(popup) = self.top_form() {
            popup.form_mut().paste(pasted, now);
            self.keep_form_draft(false);
        } else if let Some(Popup::Search(_)) = self.popups.last() {
            self.paste_in_search(pasted);
        } else if self.roster.filtering {
            self.roster.type_text(&text::line(pasted));
        }
    }

    pub(in crate::app) fn handle_key(&mut self, event: KeyEvent) {
        self.status = None;
        let key = Key::from_event(event);
        let contexts = self.contexts();
        let in_form = contexts.contains(&Context::Form) || contexts.contains(&Context::Capture);
        let mut msg = keymap::lookup(&contexts, key);
        if msg.is_none() && in_form && event.modifiers.contains(KeyModifiers::CONTROL) {
            msg = keymap::lookup(&[Context::Global], key);
        }
        if let Some(msg) = msg {
            self.update(msg);
            self.keep_form_draft(false);
            return;
        }
        let now = self.now;
        if !self.popups.is_empty() {
            if in_form {
                self.type_in_form(event);
                // Typing is written to the draft at most once a second.
                self.keep_form_draft(true);
            } else if contexts == [Context::Search] {
                self.type_in_search(event);
            }
        } else if let Some(capture) = self.capture_mut() {
            if capture.input.input(event) {
                capture.typed();
                // Typing is written to the draft at most once a second.
                if capture
                    .saved_at
                    .is_none_or(|at| (now - at).num_seconds() >= 1)
                {
                    self.save_visit_draft();
                }
            }
        } else if contexts == [Context::Filter] {
            let typing = !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match event.code {
                KeyCode::Char(c) if typing => self.roster.type_text(&c.to_string()),
                KeyCode::Backspace => self.roster.backspace(),
                _ => {}
            }
        }
    }

    /// ← and → in a form: a choice field changes its choice, a text field moves its cursor.
    pub(in crate::app) fn arrow_in_form(&mut self, forward: bool) {
        let code = if forward {
            KeyCode::Right
        } else {
            KeyCode::Left
        };
        self.type_in_form(KeyEvent::new(code, KeyModifiers::NONE));
    }

    /// ⏎ and Ctrl-U in a form, as the key table names them: ⏎ moves on from a one-line
    /// field (and saves from the last), starts a new line in notes; Ctrl-U empties the field.
    pub(in crate::app) fn form_key(&mut self, msg: Msg) {
        let now = self.now;
        let Some(popup) = self.top_form() else { return };
        let form = popup.form_mut();
        match msg {
            Msg::ClearField => form.clear_active(now),
            Msg::NewLine => {
                form.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), now);
            }
            _ if form.active + 1 == form.fields().len() => self.update(Msg::Save),
            _ => form.next_field(),
        }
    }

    pub(in crate::app) fn type_in_form(&mut self, event: KeyEvent) {
        let now = self.now;
        let Some(popup) = self.top_form() else { return };
        let on_group = matches!(&popup.purpose, super::records::Purpose::NewRound(round)
            if round.fields.active_id() == Some(super::records::RoundField::Group));
        let form = popup.form_mut();
        if event.code == KeyCode::Enter {
            // Alt-⏎: a new line in notes even where ⏎ saves (plain ⏎ is in the key table).
            form.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), now);
            return;
        }
        let changed = form.input(event, now);
        // A round's group, once chosen, ticks its classrooms (a choice picked by its
        // number has moved on to the next field by now).
        if changed
            && let super::records::Purpose::NewRound(round) = &mut popup.purpose
            && on_group
        {
            round.follow_group();
        }
        // A follow-up's or a support's fields suggest what fits the kind chosen.
        if changed && let Some(note) = popup.purpose.follow_kind() {
            self.say(note);
        }
    }
}
