//! App state and the one `update` through which every change of it passes: a key becomes
//! a `Msg` through the keymap, `update` applies it (calling the store when a user saves),
//! and rendering only reads the result.

pub mod agenda;
pub mod brief;
pub mod capture;
pub mod check_in;
pub mod form;
pub mod keymap;
pub mod records;
pub mod roster;
pub mod rounds;
pub mod search;
pub mod workspace;

use crate::db::{Command, Store};
use crate::model::{Action, AnyRecord, Kind};
use crate::text;
use anyhow::Result;
use capture::{Capture, Visit};
use check_in::{Mark, Review};
use chrono::NaiveDateTime;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use form::Form;
use keymap::{Context, Key, Msg};
use records::Purpose;
use roster::Roster;
use workspace::{Tab, Workspace};

/// The screen under any popups.
#[derive(Debug, Clone)]
pub enum Screen {
    Roster,
    Workspace(Box<Workspace>),
    /// In a classroom, capturing a visit.
    Capture(Box<Capture>),
    /// Walkthrough rounds.
    Rounds(Box<rounds::Rounds>),
    /// The agenda across all teachers.
    Agenda(Box<agenda::Agenda>),
}

/// A form on screen, with what it is for.
#[derive(Debug, Clone)]
pub struct FormPopup {
    pub form: Form,
    pub purpose: Purpose,
    /// The brief of a check-in form.
    pub review: Option<Review>,
}

/// What a "yes" does.
#[derive(Debug, Clone)]
pub enum OnYes {
    /// Apply a command and say `done` in the status line.
    Apply(Box<Command>, String),
    /// Close the top form, losing what was typed.
    DiscardForm,
    Quit,
    /// Go back into an unfinished visit.
    ResumeVisit(Box<Visit>),
}

/// A yes/no question.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: String,
    pub on_yes: OnYes,
}

/// A window over the screen; the last one has the keyboard.
#[derive(Debug, Clone)]
pub enum Popup {
    Form(Box<FormPopup>),
    Confirm(Confirm),
    Help {
        scroll: u16,
    },
    /// The conference brief of the teacher in the workspace.
    Brief(Box<brief::Brief>),
    Search(Box<search::Search>),
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The whole app: the store, what is on screen, and the status line.
pub struct App {
    pub store: Store,
    pub config: crate::config::Config,
    /// The time, read once per event so a frame shows one consistent "now".
    pub now: NaiveDateTime,
    pub screen: Screen,
    pub popups: Vec<Popup>,
    pub status: Option<Status>,
    pub roster: Roster,
    /// Text waiting to be edited in `$EDITOR` (the loop suspends the screen for it).
    editor_request: Option<String>,
    /// The roster changed while another screen was up; read it again on the way back.
    roster_stale: bool,
    quit: bool,
}

impl App {
    /// The app with the default settings.
    pub fn new(store: Store) -> Result<App> {
        App::with_config(store, crate::config::Config::default())
    }

    pub fn with_config(store: Store, config: crate::config::Config) -> Result<App> {
        let rows = store.roster(false)?;
        let now = store.clock().now();
        let drafts = store.drafts()?;
        let mut app = App {
            store,
            config,
            now,
            screen: Screen::Roster,
            popups: Vec::new(),
            status: None,
            roster: Roster::new(rows),
            editor_request: None,
            roster_stale: false,
            quit: false,
        };
        // A visit left unfinished (closed, crashed, killed) is offered back first.
        for draft in drafts {
            match serde_json::from_str::<Visit>(&draft.body) {
                Ok(visit) => app.popups.push(Popup::Confirm(Confirm {
                    question: format!(
                        "Resume the unfinished visit to {} (started {}, {} line{})? n keeps it for later",
                        text::line(&visit.teacher_name),
                        visit.started.format("%a %-d %b %H:%M"),
                        visit.lines.len(),
                        if visit.lines.len() == 1 { "" } else { "s" }
                    ),
                    on_yes: OnYes::ResumeVisit(Box::new(visit)),
                })),
                Err(error) => app.warn(format!("a saved draft could not be read ({error}); it is kept in the file")),
            }
        }
        Ok(app)
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.screen {
            Screen::Workspace(workspace) => Some(workspace),
            _ => None,
        }
    }

    fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        match &mut self.screen {
            Screen::Workspace(workspace) => Some(workspace),
            _ => None,
        }
    }

    pub fn capture(&self) -> Option<&Capture> {
        match &self.screen {
            Screen::Capture(capture) => Some(capture),
            _ => None,
        }
    }

    fn capture_mut(&mut self) -> Option<&mut Capture> {
        match &mut self.screen {
            Screen::Capture(capture) => Some(capture),
            _ => None,
        }
    }

    fn top_form(&mut self) -> Option<&mut FormPopup> {
        match self.popups.last_mut() {
            Some(Popup::Form(popup)) => Some(popup),
            _ => None,
        }
    }

    /// Time passed without input: the clock moves, and a visit's draft catches up.
    pub fn tick(&mut self) {
        self.now = self.store.clock().now();
        self.save_visit_draft();
    }

    /// Writes the visit in progress to its draft if it is behind. A failure is shown and
    /// retried on the next change; what was typed stays on screen.
    fn save_visit_draft(&mut self) {
        let now = self.now;
        let Some(capture) = self.capture_mut() else {
            return;
        };
        if !capture.unsaved {
            return;
        }
        let (id, teacher, body) = (
            capture.visit.draft_id.clone(),
            capture.visit.teacher_id.clone(),
            capture.body(),
        );
        match self.store.save_draft(&id, &teacher, &body) {
            Ok(()) => {
                if let Some(capture) = self.capture_mut() {
                    capture.unsaved = false;
                    capture.saved_at = Some(now);
                }
            }
            Err(error) => self.warn(format!("the draft could not be saved: {error}")),
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// The key contexts in force, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.popups.last() {
            Some(Popup::Help { .. }) => vec![Context::Help, Context::Global],
            Some(Popup::Confirm(_)) => vec![Context::Confirm],
            Some(Popup::Search(_)) => vec![Context::Search],
            Some(Popup::Brief(_)) => vec![Context::Brief, Context::Global],
            Some(Popup::Form(popup)) => match &popup.review {
                Some(review) if review.focused => vec![Context::Review, Context::Form],
                _ if popup.form.enter_saves => vec![Context::QuickForm, Context::Form],
                _ => vec![Context::Form],
            },
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
            },
        }
    }

    pub fn handle_event(&mut self, event: Event) {
        self.now = self.store.clock().now();
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Paste(pasted) => self.handle_paste(&pasted),
            _ => {}
        }
    }

    fn handle_paste(&mut self, pasted: &str) {
        let now = self.now;
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
            popup.form.paste(pasted, now);
        } else if let Some(Popup::Search(_)) = self.popups.last() {
            self.paste_in_search(pasted);
        } else if self.roster.filtering {
            self.roster.type_text(&text::line(pasted));
        }
    }

    fn handle_key(&mut self, event: KeyEvent) {
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
            return;
        }
        let now = self.now;
        if !self.popups.is_empty() {
            if in_form {
                self.type_in_form(event);
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
            match event.code {
                KeyCode::Char(c) => self.roster.type_text(&c.to_string()),
                KeyCode::Backspace => self.roster.backspace(),
                _ => {}
            }
        }
    }

    fn type_in_form(&mut self, event: KeyEvent) {
        let now = self.now;
        let Some(popup) = self.top_form() else { return };
        let field = popup.form.active_field();
        let single_line = field.is_some_and(|f| f.kind != form::FieldKind::Text);
        let is_last = popup.form.active + 1 == popup.form.fields.len();
        let plain_enter = event.code == KeyCode::Enter && event.modifiers.is_empty();
        if event.code == KeyCode::Enter && !plain_enter {
            // Alt-⏎ or Shift-⏎: a new line in notes even where ⏎ saves.
            let newline = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
            popup.form.input(newline, now);
            return;
        }
        if event.code == KeyCode::Enter && single_line {
            if is_last {
                self.update(Msg::Save);
            } else {
                popup.form.next_field();
            }
            return;
        }
        popup.form.input(event, now);
    }

    /// Applies one message to the app.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Quit => self.ask_quit(),
            Msg::Help => self.popups.push(Popup::Help { scroll: 0 }),
            Msg::Search => self.open_search(),
            Msg::Yes => self.answer(true),
            Msg::No => self.answer(false),
            Msg::Save => self.save_form(),
            Msg::Cancel => self.cancel(),
            Msg::NextField | Msg::PrevField => self.move_field(msg == Msg::NextField),
            Msg::TogglePrivate => self.toggle_private(),
            Msg::ExternalEditor => self.request_editor(),
            Msg::AddNewAction => self.open_new_action_for_check_in(),
            Msg::AddGoalMeasure => self.open_measure_for_check_in(),
            Msg::MarkDone | Msg::CarryOver => {
                if let Some(review) = self.top_form().and_then(|p| p.review.as_mut()) {
                    review.toggle(if msg == Msg::MarkDone {
                        Mark::Done
                    } else {
                        Mark::Carry
                    });
                }
            }
            _ if matches!(self.popups.last(), Some(Popup::Help { .. })) => self.scroll_help(msg),
            Msg::WriteHtml => self.write_brief(brief::Format::Html),
            Msg::WriteMarkdown => self.write_brief(brief::Format::Markdown),
            _ if matches!(self.popups.last(), Some(Popup::Brief(_))) => self.scroll_brief(msg),
            _ if matches!(self.popups.last(), Some(Popup::Search(_))) => self.update_search(msg),
            _ if self
                .top_form()
                .is_some_and(|p| p.review.as_ref().is_some_and(|r| r.focused)) =>
            {
                if let Some(review) = self.top_form().and_then(|p| p.review.as_mut()) {
                    match msg {
                        Msg::Up => review.move_by(-1),
                        Msg::Down => review.move_by(1),
                        _ => {}
                    }
                }
            }
            _ => match self.screen {
                Screen::Roster => self.update_roster(msg),
                Screen::Workspace(_) => self.update_workspace(msg),
                Screen::Capture(_) => self.update_capture(msg),
                Screen::Rounds(_) => self.update_rounds(msg),
                Screen::Agenda(_) => self.update_agenda(msg),
            },
        }
    }

    /// The agenda across all teachers (one query: the open actions).
    fn show_agenda(&mut self) {
        let actions = match self.store.open_actions() {
            Ok(actions) => actions,
            Err(error) => return self.warn(format!("cannot read the open actions: {error}")),
        };
        let rows: Vec<crate::model::RosterRow> = self.roster.all().to_vec();
        let agenda = agenda::Agenda::new(
            &rows,
            actions,
            self.now.date(),
            self.config.coverage_gap_days,
        );
        self.screen = Screen::Agenda(Box::new(agenda));
    }

    fn update_agenda(&mut self, msg: Msg) {
        let Screen::Agenda(agenda) = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Up => agenda.move_by(-1),
            Msg::Down => agenda.move_by(1),
            Msg::PageUp => agenda.move_by(-10),
            Msg::PageDown => agenda.move_by(10),
            Msg::NextTab => agenda.next_panel(),
            Msg::PrevTab => agenda.prev_panel(),
            Msg::Back => self.show_roster(),
            Msg::Open => {
                if let Some(id) = agenda.selected_teacher().map(str::to_owned)
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.roster.select_id(&id);
                    self.screen = Screen::Workspace(workspace);
                }
            }
            _ => {}
        }
    }

    /// Starts capturing a visit to the selected teacher.
    fn start_capture(&mut self) {
        let Some(id) = self.selected_teacher_id() else {
            return;
        };
        let from_workspace = matches!(self.screen, Screen::Workspace(_));
        let file = match &self.screen {
            Screen::Workspace(w) => Some(w.file.clone()),
            _ => self.store.teacher_file(&id).ok().flatten(),
        };
        let Some(file) = file else { return };
        let visit = Visit::start(&file, self.now);
        self.screen = Screen::Capture(Box::new(Capture::new(visit, from_workspace)));
        self.save_visit_draft();
    }

    fn update_capture(&mut self, msg: Msg) {
        let now = self.now;
        let Some(capture) = self.capture_mut() else {
            return;
        };
        match msg {
            Msg::Stamp => capture.stamp(now),
            Msg::LookFor(n) => capture.toggle_look_for(usize::from(n)),
            Msg::Tally(n) => capture.tally(usize::from(n), 1),
            Msg::Untally(n) => capture.tally(usize::from(n), -1),
            Msg::FinishCapture => {
                capture.typed();
                if capture.visit.is_empty() {
                    let id = capture.visit.draft_id.clone();
                    if let Err(error) = self.store.delete_draft(&id) {
                        self.warn(format!("the empty draft could not be removed: {error}"));
                    }
                    self.leave_capture();
                    self.say("Nothing was captured, so nothing was saved");
                    return;
                }
                let visit = capture.visit.clone();
                self.save_visit_draft();
                let form = records::finish_visit_form(&visit, now);
                self.open_form(form, Purpose::FinishVisit(Box::new(visit)));
                return;
            }
            _ => return,
        }
        self.save_visit_draft();
    }

    /// Back to where the visit was started from.
    fn leave_capture(&mut self) {
        let Some(capture) = self.capture() else {
            return;
        };
        let teacher_id = capture.visit.teacher_id.clone();
        let to_workspace = capture.return_to_workspace;
        // The visit changed the roster (last seen, ratings) and the teacher's file.
        self.roster_stale = true;
        let workspace = if to_workspace {
            self.open_teacher(&teacher_id)
        } else {
            None
        };
        match workspace {
            Some(workspace) => self.screen = Screen::Workspace(workspace),
            None => self.show_roster(),
        }
    }

    fn scroll_help(&mut self, msg: Msg) {
        if let Some(Popup::Help { scroll }) = self.popups.last_mut() {
            *scroll = match msg {
                Msg::Up => scroll.saturating_sub(1),
                Msg::Down => scroll.saturating_add(1),
                Msg::PageUp => scroll.saturating_sub(10),
                Msg::PageDown => scroll.saturating_add(10),
                Msg::Top => 0,
                _ => *scroll,
            };
        }
    }

    fn ask_quit(&mut self) {
        // A visit in progress is kept as a draft and offered back on the next start.
        if self.capture().is_some() {
            self.save_visit_draft();
            if self.capture().is_some_and(|c| !c.unsaved) {
                self.quit = true;
                return;
            }
        }
        let typing = self
            .popups
            .iter()
            .any(|p| matches!(p, Popup::Form(f) if f.form.is_dirty()));
        if typing {
            self.popups.push(Popup::Confirm(Confirm {
                question: "Quit and lose what you typed in the open form?".into(),
                on_yes: OnYes::Quit,
            }));
        } else {
            self.quit = true;
        }
    }

    fn answer(&mut self, yes: bool) {
        let Some(Popup::Confirm(confirm)) = self.popups.pop() else {
            return;
        };
        if !yes {
            return;
        }
        match confirm.on_yes {
            OnYes::Quit => self.quit = true,
            OnYes::DiscardForm => {
                self.popups.pop();
            }
            OnYes::Apply(command, done) => match self.apply(*command) {
                Ok(_) => self.say(done),
                Err(error) => self.warn(error),
            },
            OnYes::ResumeVisit(visit) => {
                let mut capture = Capture::new(*visit, false);
                capture.unsaved = false;
                capture.saved_at = Some(self.now);
                self.screen = Screen::Capture(Box::new(capture));
            }
        }
    }

    fn cancel(&mut self) {
        match self.popups.last() {
            Some(Popup::Form(popup)) if popup.form.is_dirty() => {
                self.popups.push(Popup::Confirm(Confirm {
                    question: "Throw away what you typed?".into(),
                    on_yes: OnYes::DiscardForm,
                }));
            }
            Some(_) => {
                self.popups.pop();
            }
            None => {}
        }
    }

    fn move_field(&mut self, forward: bool) {
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

    fn toggle_private(&mut self) {
        let now = self.now;
        if let Some(popup) = self.top_form()
            && let Some(field) = popup.form.field_mut("Private")
        {
            field.on = !field.on;
            field.revalidate(now);
        }
    }

    fn request_editor(&mut self) {
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

    /// Applies a command and reloads what is on screen.
    fn apply(&mut self, command: Command) -> Result<crate::db::Applied, String> {
        let applied = self.store.apply(command).map_err(|e| e.to_string())?;
        self.reload();
        Ok(applied)
    }

    /// Re-reads what is on screen after a change (one query): the open teacher, or the
    /// roster. A roster not on screen is read again when it comes back.
    fn reload(&mut self) {
        let Some(id) = self.workspace().map(|w| w.file.teacher.meta.id.clone()) else {
            self.reload_roster();
            return;
        };
        self.roster_stale = true;
        match self.store.teacher_file(&id) {
            Ok(Some(file)) => {
                if let Some(workspace) = self.workspace_mut() {
                    workspace.reload(file);
                }
            }
            Ok(None) => self.show_roster(),
            Err(error) => self.warn(format!("cannot read the teacher: {error}")),
        }
    }

    fn reload_roster(&mut self) {
        match self.store.roster(self.roster.show_archived) {
            Ok(rows) => {
                self.roster.set_rows(rows);
                self.roster_stale = false;
            }
            Err(error) => self.warn(format!("cannot read the roster: {error}")),
        }
    }

    /// Back to the roster, read again if it changed meanwhile.
    pub(crate) fn show_roster(&mut self) {
        self.screen = Screen::Roster;
        if self.roster_stale {
            self.reload_roster();
        }
    }

    fn save_form(&mut self) {
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
            match self.store.apply_from_draft(command, &visit.draft_id) {
                Ok(_) => {
                    let name = text::line(&visit.teacher_name).into_owned();
                    self.leave_capture();
                    self.say(format!("Saved the visit to {name}"));
                }
                Err(error) => {
                    popup.form.error = Some(error.to_string());
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

    fn open_form(&mut self, form: Form, purpose: Purpose) {
        self.popups.push(Popup::Form(Box::new(FormPopup {
            form,
            purpose,
            review: None,
        })));
    }

    fn selected_teacher_id(&self) -> Option<String> {
        match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.meta.id.clone()),
            Screen::Capture(c) => Some(c.visit.teacher_id.clone()),
            Screen::Rounds(_) | Screen::Agenda(_) => None,
            Screen::Roster => self
                .roster
                .selected_row()
                .map(|r| r.teacher.meta.id.clone()),
        }
    }

    fn open_teacher(&mut self, id: &str) -> Option<Box<Workspace>> {
        match self.store.teacher_file(id) {
            Ok(Some(file)) => Some(Box::new(Workspace::new(file))),
            Ok(None) => {
                self.warn("That teacher is no longer in the roster");
                None
            }
            Err(error) => {
                self.warn(format!("cannot open the teacher: {error}"));
                None
            }
        }
    }

    fn update_roster(&mut self, msg: Msg) {
        match msg {
            Msg::Up => self.roster.move_by(-1),
            Msg::Down => self.roster.move_by(1),
            Msg::PageUp => self.roster.move_by(-10),
            Msg::PageDown => self.roster.move_by(10),
            Msg::Top => self.roster.move_by(isize::MIN / 2),
            Msg::Bottom => self.roster.move_by(isize::MAX / 2),
            Msg::Filter => self.roster.filtering = true,
            Msg::ClearFilter => self.roster.clear_filter(),
            Msg::Open => {
                self.roster.filtering = false;
                if let Some(id) = self.selected_teacher_id()
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.screen = Screen::Workspace(workspace);
                }
            }
            Msg::AddTeacher => self.open_form(records::teacher_form(None), Purpose::Teacher(None)),
            Msg::EditTeacher => self.edit_teacher(),
            Msg::ToggleArchived => {
                self.roster.show_archived = !self.roster.show_archived;
                self.reload();
                self.say(if self.roster.show_archived {
                    "Showing archived teachers too"
                } else {
                    "Showing active teachers"
                });
            }
            Msg::ArchiveTeacher => self.ask_archive(),
            Msg::Observe => self.start_observation(),
            Msg::Capture => self.start_capture(),
            Msg::Rounds => self.show_rounds(),
            Msg::Agenda => self.show_agenda(),
            _ => {}
        }
    }

    fn edit_teacher(&mut self) {
        let teacher = match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.clone()),
            Screen::Roster => self.roster.selected_row().map(|r| r.teacher.clone()),
            Screen::Capture(_) | Screen::Rounds(_) | Screen::Agenda(_) => None,
        };
        if let Some(teacher) = teacher {
            self.open_form(
                records::teacher_form(Some(&teacher)),
                Purpose::Teacher(Some(teacher)),
            );
        }
    }

    fn ask_archive(&mut self) {
        let Some(row) = self.roster.selected_row() else {
            return;
        };
        let mut teacher = row.teacher.clone();
        let name = text::line(&teacher.name).into_owned();
        let (question, done) = if teacher.archived {
            (
                format!("Bring {name} back to the roster?"),
                format!("{name} is back on the roster"),
            )
        } else {
            (
                format!("Archive {name}? Their record is kept; A shows archived teachers."),
                format!("Archived {name}"),
            )
        };
        teacher.archived = !teacher.archived;
        self.popups.push(Popup::Confirm(Confirm {
            question,
            on_yes: OnYes::Apply(Box::new(Command::Edit(AnyRecord::Teacher(teacher))), done),
        }));
    }

    /// Opens the observation form for the selected teacher, prefilled with the active focus.
    fn start_observation(&mut self) {
        let Some(id) = self.selected_teacher_id() else {
            return;
        };
        let file = match &self.screen {
            Screen::Workspace(w) => Some(w.file.clone()),
            _ => self.store.teacher_file(&id).ok().flatten(),
        };
        let Some(file) = file else { return };
        let focus = file.active_focus().cloned();
        let form = records::observation_form(&file.teacher, focus.as_ref(), None, self.now);
        self.open_form(
            form,
            Purpose::Observation {
                teacher_id: id,
                focus,
                existing: None,
            },
        );
    }

    fn update_workspace(&mut self, msg: Msg) {
        let Some(workspace) = self.workspace_mut() else {
            return;
        };
        match msg {
            Msg::Back => self.show_roster(),
            Msg::Up => workspace.move_by(-1),
            Msg::PageUp => workspace.move_by(-10),
            Msg::Top => workspace.select(0),
            Msg::NextTab => workspace.tab = Tab::ALL[(workspace.tab.index() + 1) % Tab::ALL.len()],
            Msg::PrevTab => {
                workspace.tab =
                    Tab::ALL[(workspace.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()];
            }
            Msg::Tab(n) => workspace.tab = Tab::ALL[usize::from(n).min(Tab::ALL.len() - 1)],
            Msg::Observe => self.start_observation(),
            Msg::Capture => self.start_capture(),
            Msg::CheckIn => self.start_check_in(),
            Msg::NewFocus => self.new_focus(),
            Msg::EndFocus => self.end_focus(),
            Msg::EditTeacher => self.edit_teacher(),
            Msg::Add => self.add_on_tab(),
            Msg::Edit => self.edit_selected(),
            Msg::Delete => self.ask_delete(),
            Msg::ToggleDone => self.toggle_action_done(),
            Msg::AddMeasure => self.add_measure(),
            Msg::Brief => self.show_brief(),
            Msg::Down | Msg::PageDown | Msg::Bottom => {
                workspace.move_by(match msg {
                    Msg::Down => 1,
                    Msg::PageDown => 10,
                    _ => isize::MAX / 2,
                });
                self.load_older_if_near_end();
            }
            Msg::TimelineShow => {
                workspace.tab = Tab::Timeline;
                workspace.filter.show = workspace.filter.show.next();
                workspace.select(0);
            }
            Msg::TimelineDates => {
                workspace.tab = Tab::Timeline;
                let form = records::timeline_dates_form(workspace.filter.from, workspace.filter.to);
                self.open_form(form, Purpose::TimelineDates);
            }
            _ => {}
        }
    }

    /// Loads the next page of older observations when the list is scrolled near its end.
    fn load_older_if_near_end(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        if !workspace.wants_older() {
            return;
        }
        let Some(oldest) = workspace.file.observations.last().cloned() else {
            return;
        };
        match self.store.older_observations(&oldest) {
            Ok((page, complete)) => {
                if let Some(workspace) = self.workspace_mut() {
                    workspace.file.observations.extend(page);
                    workspace.file.all_observations = complete;
                }
            }
            Err(error) => self.warn(format!("cannot read older observations: {error}")),
        }
    }

    fn file(&self) -> Option<&crate::model::TeacherFile> {
        self.workspace().map(|w| &w.file)
    }

    fn start_check_in(&mut self) {
        let Some(file) = self.file() else { return };
        let review = Review::new(file);
        let form = records::check_in_form(&file.teacher, None, self.now.date());
        let purpose = Purpose::CheckIn {
            teacher_id: file.teacher.meta.id.clone(),
            existing: None,
        };
        self.popups.push(Popup::Form(Box::new(FormPopup {
            form,
            purpose,
            review: Some(review),
        })));
    }

    fn open_new_action_for_check_in(&mut self) {
        let Some(popup) = self.top_form() else { return };
        let Purpose::CheckIn { teacher_id, .. } = &popup.purpose else {
            return;
        };
        if popup.review.is_none() {
            return;
        }
        let purpose = Purpose::Action {
            teacher_id: teacher_id.clone(),
            existing: None,
            for_check_in: true,
        };
        self.open_form(records::action_form(None), purpose);
    }

    /// During a check-in: a measurement of the active goal, saved at once.
    fn open_measure_for_check_in(&mut self) {
        let goal = match self.top_form().and_then(|p| p.review.as_ref()) {
            Some(review) => review.goal.as_ref().map(|(goal, _)| goal.clone()),
            None => return,
        };
        self.open_measure_form(goal, "This teacher has no active goal to measure");
    }

    /// The form for a new measurement of `goal`, or `missing` said when there is none.
    fn open_measure_form(&mut self, goal: Option<crate::model::Goal>, missing: &str) {
        match goal {
            Some(goal) => {
                let form = records::measure_form(&goal, None);
                let purpose = Purpose::Measure {
                    goal,
                    existing: None,
                };
                self.open_form(form, purpose);
            }
            None => self.warn(missing),
        }
    }

    fn new_focus(&mut self) {
        let Some(file) = self.file() else { return };
        let (form, goal_ids) = records::focus_form(file, None);
        let purpose = Purpose::Focus {
            teacher_id: file.teacher.meta.id.clone(),
            goal_ids,
            existing: None,
            replacing: file.active_focus().cloned(),
        };
        self.open_form(form, purpose);
    }

    fn end_focus(&mut self) {
        let Some(file) = self.file() else { return };
        match file.active_focus() {
            Some(focus) => {
                let form = records::end_focus_form(focus);
                let purpose = Purpose::EndFocus {
                    teacher_id: file.teacher.meta.id.clone(),
                };
                self.open_form(form, purpose);
            }
            None => self.warn("There is no active focus to end; f sets one"),
        }
    }

    fn add_on_tab(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let teacher_id = workspace.file.teacher.meta.id.clone();
        match workspace.tab {
            Tab::Goals => self.open_form(
                records::goal_form(None),
                Purpose::Goal {
                    teacher_id,
                    existing: None,
                },
            ),
            Tab::Observations | Tab::Timeline => self.start_observation(),
            Tab::CheckIns => self.start_check_in(),
            Tab::Overview | Tab::Actions => self.open_form(
                records::action_form(None),
                Purpose::Action {
                    teacher_id,
                    existing: None,
                    for_check_in: false,
                },
            ),
        }
    }

    fn add_measure(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let goal = match workspace.tab {
            Tab::Goals => workspace.file.goals.get(workspace.selected()).cloned(),
            _ => workspace.file.goals.first().cloned(),
        };
        self.open_measure_form(goal, "Add a goal first (Goals tab, a)");
    }

    fn edit_selected(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let file = &workspace.file;
        let teacher_id = file.teacher.meta.id.clone();
        let Some((kind, id)) = workspace.selected_record().or_else(|| {
            // On the Overview, e edits the active focus (or the teacher when there is none).
            file.active_focus()
                .map(|f| (Kind::Focus, f.meta.id.clone()))
        }) else {
            self.edit_teacher();
            return;
        };
        let Some(record) = file.record(kind, &id) else {
            return;
        };
        let now = self.now;
        let (form, purpose) = match record {
            AnyRecord::Goal(goal) => (
                records::goal_form(Some(&goal)),
                Purpose::Goal {
                    teacher_id,
                    existing: Some(goal),
                },
            ),
            AnyRecord::Measure(measure) => {
                let Some(goal) = file
                    .goals
                    .iter()
                    .find(|g| g.meta.id == measure.goal_id)
                    .cloned()
                else {
                    return;
                };
                (
                    records::measure_form(&goal, Some(&measure)),
                    Purpose::Measure {
                        goal,
                        existing: Some(measure),
                    },
                )
            }
            AnyRecord::Focus(focus) => {
                let (form, goal_ids) = records::focus_form(file, Some(&focus));
                (
                    form,
                    Purpose::Focus {
                        teacher_id,
                        goal_ids,
                        existing: Some(focus),
                        replacing: None,
                    },
                )
            }
            AnyRecord::Observation(observation) => {
                let focus = observation
                    .focus_id
                    .as_ref()
                    .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id))
                    .cloned();
                let form = records::observation_form(
                    &file.teacher,
                    focus.as_ref(),
                    Some(&observation),
                    now,
                );
                (
                    form,
                    Purpose::Observation {
                        teacher_id,
                        focus,
                        existing: Some(observation),
                    },
                )
            }
            AnyRecord::CheckIn(check_in) => (
                records::check_in_form(&file.teacher, Some(&check_in), now.date()),
                Purpose::CheckIn {
                    teacher_id,
                    existing: Some(check_in),
                },
            ),
            AnyRecord::Action(action) => (
                records::action_form(Some(&action)),
                Purpose::Action {
                    teacher_id,
                    existing: Some(action),
                    for_check_in: false,
                },
            ),
            AnyRecord::Teacher(_) | AnyRecord::Walkthrough(_) => {
                self.edit_teacher();
                return;
            }
        };
        self.open_form(form, purpose);
    }

    fn ask_delete(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let Some((kind, id)) = workspace.selected_record() else {
            self.warn("Select a record on a list tab to delete it");
            return;
        };
        let what = describe(&workspace.file, kind, &id);
        self.popups.push(Popup::Confirm(Confirm {
            question: format!("Move {what} to the trash?"),
            on_yes: OnYes::Apply(
                Box::new(Command::Delete { kind, id }),
                format!("Moved {what} to the trash"),
            ),
        }));
    }

    fn toggle_action_done(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let action: Option<&Action> = match workspace.tab {
            Tab::Actions => workspace.file.actions.get(workspace.selected()),
            _ => None,
        };
        let Some(action) = action else {
            self.warn("Space marks an action done on the Actions tab");
            return;
        };
        let done_on = match action.done_on {
            Some(_) => None,
            None => Some(self.now.date()),
        };
        let command = Command::SetActionDone {
            id: action.meta.id.clone(),
            done_on,
        };
        let what = text::line(&action.what).into_owned();
        match self.apply(command) {
            Ok(_) if done_on.is_some() => self.say(format!("Done: {what}")),
            Ok(_) => self.say(format!("Open again: {what}")),
            Err(error) => self.warn(error),
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

/// A few words naming a record, for questions and messages.
fn describe(file: &crate::model::TeacherFile, kind: Kind, id: &str) -> String {
    let short = |s: &str| text::truncate(&text::line(s), 40).into_owned();
    let what = match file.record(kind, id) {
        Some(AnyRecord::Goal(g)) => short(&g.statement),
        Some(AnyRecord::Measure(m)) => format!(
            "{} on {}",
            text::number(m.value),
            m.measured_on.format("%-d %b")
        ),
        Some(AnyRecord::Focus(f)) => short(&f.statement),
        Some(AnyRecord::Observation(o)) => format!("of {}", o.observed_at.format("%-d %b %H:%M")),
        Some(AnyRecord::CheckIn(c)) => format!("of {}", c.held_on.format("%-d %b")),
        Some(AnyRecord::Action(a)) => short(&a.what),
        Some(AnyRecord::Teacher(t)) => short(&t.name),
        Some(AnyRecord::Walkthrough(w)) => short(&w.practice),
        None => return format!("this {kind}"),
    };
    format!("the {kind} {what}")
}
