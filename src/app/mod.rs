//! App state and the one `update` through which every change of it passes: a key becomes
//! a `Msg` through the keymap, `update` applies it (calling the store when a user saves),
//! and rendering only reads the result.

pub mod check_in;
pub mod form;
pub mod keymap;
pub mod records;
pub mod roster;
pub mod search;
pub mod workspace;

use crate::db::{AnyRecord, Command, Store};
use crate::model::{Action, CheckIn, Focus, Goal, Kind, Measure, Observation};
use crate::text;
use anyhow::Result;
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
    Help { scroll: u16 },
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
    /// The time, read once per event so a frame shows one consistent "now".
    pub now: NaiveDateTime,
    pub screen: Screen,
    pub popups: Vec<Popup>,
    pub status: Option<Status>,
    pub roster: Roster,
    /// Text waiting to be edited in `$EDITOR` (the loop suspends the screen for it).
    editor_request: Option<String>,
    quit: bool,
}

impl App {
    pub fn new(store: Store) -> Result<App> {
        let rows = store.roster(false)?;
        let now = store.clock().now();
        Ok(App {
            store,
            now,
            screen: Screen::Roster,
            popups: Vec::new(),
            status: None,
            roster: Roster::new(rows),
            editor_request: None,
            quit: false,
        })
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.screen {
            Screen::Workspace(workspace) => Some(workspace),
            Screen::Roster => None,
        }
    }

    fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        match &mut self.screen {
            Screen::Workspace(workspace) => Some(workspace),
            Screen::Roster => None,
        }
    }

    fn top_form(&mut self) -> Option<&mut FormPopup> {
        match self.popups.last_mut() {
            Some(Popup::Form(popup)) => Some(popup),
            _ => None,
        }
    }

    /// Time passed without input: the clock moves.
    pub fn tick(&mut self) {
        self.now = self.store.clock().now();
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
            Some(Popup::Form(popup)) => match &popup.review {
                Some(review) if review.focused => vec![Context::Review, Context::Form],
                _ if popup.form.enter_saves => vec![Context::QuickForm, Context::Form],
                _ => vec![Context::Form],
            },
            None => match self.screen {
                Screen::Roster if self.roster.filtering => vec![Context::Filter],
                Screen::Roster => vec![Context::Roster, Context::Global],
                Screen::Workspace(_) => vec![Context::Workspace, Context::Global],
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
        if let Some(popup) = self.top_form() {
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
        let in_form = contexts.contains(&Context::Form);
        let mut msg = keymap::lookup(&contexts, key);
        if msg.is_none() && in_form && event.modifiers.contains(KeyModifiers::CONTROL) {
            msg = keymap::lookup(&[Context::Global], key);
        }
        if let Some(msg) = msg {
            self.update(msg);
            return;
        }
        if in_form {
            self.type_in_form(event);
        } else if contexts == [Context::Search] {
            self.type_in_search(event);
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
            },
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

    /// Re-reads the roster and the open teacher (one query each).
    fn reload(&mut self) {
        let include_archived = self.roster.show_archived;
        match self.store.roster(include_archived) {
            Ok(rows) => self.roster.set_rows(rows),
            Err(error) => self.warn(format!("cannot read the roster: {error}")),
        }
        let Some(id) = self.workspace().map(|w| w.file.teacher.meta.id.clone()) else {
            return;
        };
        match self.store.teacher_file(&id) {
            Ok(Some(file)) => {
                if let Some(workspace) = self.workspace_mut() {
                    workspace.reload(file);
                }
            }
            Ok(None) => self.screen = Screen::Roster,
            Err(error) => self.warn(format!("cannot read the teacher: {error}")),
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
            _ => {}
        }
    }

    fn edit_teacher(&mut self) {
        let teacher = match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.clone()),
            Screen::Roster => self.roster.selected_row().map(|r| r.teacher.clone()),
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
            Screen::Roster => self.store.teacher_file(&id).ok().flatten(),
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
            Msg::Back => self.screen = Screen::Roster,
            Msg::Up => workspace.move_by(-1),
            Msg::Down => workspace.move_by(1),
            Msg::PageUp => workspace.move_by(-10),
            Msg::PageDown => workspace.move_by(10),
            Msg::Top => workspace.select(0),
            Msg::Bottom => workspace.move_by(isize::MAX / 2),
            Msg::NextTab => workspace.tab = Tab::ALL[(workspace.tab.index() + 1) % Tab::ALL.len()],
            Msg::PrevTab => {
                workspace.tab =
                    Tab::ALL[(workspace.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()];
            }
            Msg::Tab(n) => workspace.tab = Tab::ALL[usize::from(n).min(Tab::ALL.len() - 1)],
            Msg::Observe => self.start_observation(),
            Msg::CheckIn => self.start_check_in(),
            Msg::NewFocus => self.new_focus(),
            Msg::EndFocus => self.end_focus(),
            Msg::EditTeacher => self.edit_teacher(),
            Msg::Add => self.add_on_tab(),
            Msg::Edit => self.edit_selected(),
            Msg::Delete => self.ask_delete(),
            Msg::ToggleDone => self.toggle_action_done(),
            Msg::AddMeasure => self.add_measure(),
            _ => {}
        }
    }

    fn file(&self) -> Option<&crate::db::TeacherFile> {
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
        match goal {
            Some(goal) => {
                let form = records::measure_form(&goal, None);
                self.open_form(
                    form,
                    Purpose::Measure {
                        goal,
                        existing: None,
                    },
                );
            }
            None => self.warn("Add a goal first (Goals tab, a)"),
        }
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
        let find = |id: &str| -> Option<AnyRecord> {
            match kind {
                Kind::Goal => file
                    .goals
                    .iter()
                    .find(|r| r.meta.id == id)
                    .cloned()
                    .map(AnyRecord::Goal),
                Kind::Measure => file
                    .measures
                    .iter()
                    .find(|r| r.meta.id == id)
                    .cloned()
                    .map(AnyRecord::Measure),
                Kind::Focus => file
                    .focuses
                    .iter()
                    .find(|r| r.meta.id == id)
                    .cloned()
                    .map(AnyRecord::Focus),
                Kind::Observation => file
                    .observations
                    .iter()
                    .find(|r| r.meta.id == id)
                    .cloned()
                    .map(AnyRecord::Observation),
                Kind::CheckIn => file
                    .check_ins
                    .iter()
                    .find(|r| r.meta.id == id)
                    .cloned()
                    .map(AnyRecord::CheckIn),
                Kind::Action => file
                    .actions
                    .iter()
                    .find(|r| r.meta.id == id)
                    .cloned()
                    .map(AnyRecord::Action),
                Kind::Teacher => Some(AnyRecord::Teacher(file.teacher.clone())),
            }
        };
        let Some(record) = find(&id) else { return };
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
            AnyRecord::Teacher(_) => {
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
fn describe(file: &crate::db::TeacherFile, kind: Kind, id: &str) -> String {
    let short = |s: &str| text::truncate(&text::line(s), 40).into_owned();
    let found = match kind {
        Kind::Goal => file
            .goals
            .iter()
            .find(|r| r.meta.id == id)
            .map(|g: &Goal| short(&g.statement)),
        Kind::Measure => file
            .measures
            .iter()
            .find(|r| r.meta.id == id)
            .map(|m: &Measure| {
                format!(
                    "{} on {}",
                    workspace::trim_number(m.value),
                    m.measured_on.format("%-d %b")
                )
            }),
        Kind::Focus => file
            .focuses
            .iter()
            .find(|r| r.meta.id == id)
            .map(|f: &Focus| short(&f.statement)),
        Kind::Observation => file
            .observations
            .iter()
            .find(|r| r.meta.id == id)
            .map(|o: &Observation| format!("of {}", o.observed_at.format("%-d %b %H:%M"))),
        Kind::CheckIn => file
            .check_ins
            .iter()
            .find(|r| r.meta.id == id)
            .map(|c: &CheckIn| format!("of {}", c.held_on.format("%-d %b"))),
        Kind::Action => file
            .actions
            .iter()
            .find(|r| r.meta.id == id)
            .map(|a: &Action| short(&a.what)),
        Kind::Teacher => Some(short(&file.teacher.name)),
    };
    match found {
        Some(what) => format!("the {kind} {what}"),
        None => format!("this {kind}"),
    }
}
