//! App state and the one `update` through which every change of it passes: a key becomes
//! a `Msg` through the keymap (`input.rs`), `update` applies it, and every change to the
//! records goes through one write path (`write.rs`) that reloads what is on screen.
//! Rendering only reads the result: it gets `&App` and cannot reach the database.
//!
//! Each screen's logic lives next to its state: `roster.rs`, `workspace/`, `agenda.rs`,
//! `capture.rs`, `rounds.rs`, `search.rs`, `brief.rs`; popups (questions, help) in
//! `popup.rs` and forms in `form_popup.rs`.

pub mod agenda;
pub mod brief;
pub mod capture;
pub mod check_in;
pub mod clipboard;
mod draft;
mod feedback;
pub mod form;
mod form_popup;
mod input;
pub mod keymap;
pub mod list;
pub mod mouse;
mod popup;
pub mod prefetch;
pub mod readiness;
pub mod records;
pub mod roster;
pub mod rounds;
pub mod school;
pub mod search;
pub mod time_spent;
pub mod trash;
mod undo;
pub mod workspace;
mod write;

pub use popup::{Confirm, FormPopup, OnYes, Popup};

use crate::db::Store;
use crate::model::LocalTime;
use anyhow::Result;
use capture::Capture;
use check_in::Mark;
use chrono::{FixedOffset, NaiveDateTime};
use keymap::Msg;
use roster::Roster;
use workspace::Workspace;

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
    /// What was deleted, to restore or, asking first, to destroy.
    Trash(Box<trash::Trash>),
    /// Where the coach's time went.
    Time(Box<time_spent::TimeSpent>),
    /// One school at a glance.
    School(Box<school::SchoolView>),
    /// The schools reviewed for coaching, ranked two ways.
    Readiness(Box<readiness::ReadinessView>),
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// Where in `text` a file's path is: a status line too narrow for the whole message
    /// cuts the path's middle rather than take a second row (and hide the footer).
    pub path: Option<std::ops::Range<usize>>,
}

/// The whole app: the store, what is on screen, and the status line.
/// A screen a teacher's workspace was opened from, to go back to.
#[derive(Debug, Clone)]
enum BackTo {
    /// The school view: its schools, the one shown, and the person opened.
    School {
        names: Vec<String>,
        at: usize,
        person: String,
    },
    /// The agenda, as it was left (its panel and the lines selected).
    Agenda(Box<agenda::Agenda>),
}

pub struct App {
    store: Store,
    pub config: crate::config::Config,
    /// The time, read once per event so a frame shows one consistent "now".
    pub now: NaiveDateTime,
    /// The UTC offset in force at `now` (see [`App::local_now`]).
    pub now_offset: FixedOffset,
    pub screen: Screen,
    pub popups: Vec<Popup>,
    pub status: Option<Status>,
    /// What the last frame drew where, for the mouse.
    pub hits: mouse::Hits,
    pub roster: Roster,
    /// Text waiting to be edited in `$EDITOR` (the loop suspends the screen for it).
    editor_request: Option<String>,
    /// The roster changed while another screen was up; read it again on the way back.
    roster_stale: bool,
    /// Where Esc in a teacher's workspace goes back to, when not the roster.
    back_to: Option<BackTo>,
    /// The draft that keeps the open forms.
    form_draft: draft::Keeper,
    /// This session's changes, to undo and redo.
    history: undo::History,
    /// The file's data version when what is on screen was read: when another window or
    /// the command line commits, it moves, and the screen is read again.
    seen_version: Option<i64>,
    /// Searches run in the background, answered through the loop (see `search.rs`).
    background_search: bool,
    /// Whether the agenda's open actions are read off the screen's thread.
    background_agenda: bool,
    /// The read of the open actions asked for, for the main loop to start.
    agenda_request: Option<u64>,
    /// The agenda made ahead or last left, for `g` to open at once (see `agenda.rs`).
    agenda_ahead: Option<Box<agenda::Agenda>>,
    /// The teacher selected on the roster, read ahead (see `prefetch.rs`).
    prefetch: prefetch::Prefetch,
    quit: bool,
    /// The terminal's columns and rows, as last told by a resize (what scrolling needs
    /// to know where an end is).
    pub size: (u16, u16),
    /// The terminal's clipboard, and what waits to be copied to it (`feedback.rs`).
    clipboard: clipboard::Clipboard,
}

impl App {
    /// The app with the default settings.
    pub fn new(store: Store) -> Result<App> {
        App::with_config(store, crate::config::Config::default())
    }

    /// The app with these settings, for an 80×24 screen until a resize says otherwise.
    pub fn with_config(store: Store, config: crate::config::Config) -> Result<App> {
        App::for_screen(store, config, (80, 24))
    }

    /// The app for a screen of this many columns and rows: the first frame reads no
    /// more of the roster than it shows.
    pub fn for_screen(
        store: Store,
        config: crate::config::Config,
        size: (u16, u16),
    ) -> Result<App> {
        let now = store.clock().local_now();
        let drafts = store.drafts()?;
        let seen_version = store.data_version().ok();
        let mut app = App {
            store,
            config,
            now: now.wall(),
            now_offset: now.offset(),
            screen: Screen::Roster,
            popups: Vec::new(),
            status: None,
            hits: mouse::Hits::default(),
            roster: Roster::default(),
            editor_request: None,
            roster_stale: false,
            back_to: None,
            form_draft: draft::Keeper::default(),
            history: undo::History::default(),
            seen_version,
            background_search: false,
            background_agenda: false,
            agenda_request: None,
            agenda_ahead: None,
            prefetch: prefetch::Prefetch::default(),
            quit: false,
            size,
            clipboard: clipboard::Clipboard::default(),
        };
        app.read_roster_start()?;
        // Work left unfinished (closed, crashed, killed) is offered back first.
        app.offer_drafts(drafts);
        Ok(app)
    }

    /// The database file this app reads and writes (the view never reads it; tests and
    /// messages name it).
    pub fn db_path(&self) -> &std::path::Path {
        self.store.path()
    }

    /// Whether the file is open read-only (the user may not write it): shown on screen.
    pub fn read_only(&self) -> bool {
        self.store.is_read_only()
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

    /// Time passed without input: the clock moves, the drafts catch up, what another
    /// window or the command line changed meanwhile shows, and work is done ahead.
    pub fn tick(&mut self) {
        self.read_clock();
        self.save_drafts();
        self.notice_outside_changes();
        self.work_ahead();
    }

    /// Reads the clock once for the event being handled.
    fn read_clock(&mut self) {
        let now = self.store.clock().local_now();
        (self.now, self.now_offset) = (now.wall(), now.offset());
    }

    /// `now` with its UTC offset: visits are timed and saved by the instant, so a visit
    /// across the night the clocks go back has its real length.
    pub fn local_now(&self) -> LocalTime {
        LocalTime::new(self.now, self.now_offset)
    }

    /// The coach's zone, in which record stamps are shown as days.
    pub fn zone(&self) -> crate::model::Zone {
        self.store.clock().zone()
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            path: None,
        });
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            path: None,
        });
    }

    /// A message naming a file, `before` the path and `after` it; on a narrow terminal
    /// the path is what gets cut (in its middle), so the message keeps to one row.
    fn say_path(&mut self, (before, path, after): (&str, &std::path::Path, &str), error: bool) {
        let shown = path.display().to_string();
        let at = before.len();
        self.status = Some(Status {
            path: Some(at..at + shown.len()),
            text: format!("{before}{shown}{after}"),
            error,
        });
    }

    /// Applies one message to the app.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Quit => self.ask_quit(),
            Msg::Help => self.open_help(),
            Msg::Search => self.open_search(),
            Msg::Undo => self.undo(),
            Msg::Redo => self.redo(),
            Msg::Yes => self.answer(true),
            Msg::No => self.answer(false),
            Msg::Save => self.save_form(),
            Msg::Cancel => self.cancel(),
            Msg::NextField | Msg::PrevField => self.move_field(msg == Msg::NextField),
            Msg::ChoicePrev | Msg::ChoiceNext => self.arrow_in_form(msg == Msg::ChoiceNext),
            Msg::TogglePrivate => self.toggle_private(),
            Msg::ExternalEditor => self.request_editor(),
            Msg::NextOrSave | Msg::NewLine => self.form_key(msg),
            Msg::ClearField if self.top_form().is_some() => self.form_key(msg),
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
            Msg::WriteHtml | Msg::WriteMarkdown
                if self.popups.is_empty() && self.school().is_some() =>
            {
                self.update_school(msg)
            }
            Msg::WriteHtml | Msg::WriteMarkdown
                if self.popups.is_empty() && self.readiness().is_some() =>
            {
                self.update_readiness(msg)
            }
            Msg::WriteHtml => self.write_brief(brief::Format::Html),
            Msg::WriteMarkdown => self.write_brief(brief::Format::Markdown),
            Msg::Calendar => self.write_calendar(),
            _ if matches!(self.popups.last(), Some(Popup::Brief(_))) => self.scroll_brief(msg),
            _ if matches!(self.popups.last(), Some(Popup::Search(_))) => self.update_search(msg),
            _ if self
                .top_form()
                .is_some_and(|p| p.review.as_ref().is_some_and(|r| r.focused)) =>
            {
                if let Some(review) = self.top_form().and_then(|p| p.review.as_mut()) {
                    match msg {
                        Msg::Up => review.list.move_by(-1),
                        Msg::Down => review.list.move_by(1),
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
                Screen::Trash(_) => self.update_trash(msg),
                Screen::Time(_) => self.update_time_spent(msg),
                Screen::School(_) => self.update_school(msg),
                Screen::Readiness(_) => self.update_readiness(msg),
            },
        }
    }

    fn selected_teacher_id(&self) -> Option<String> {
        match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.meta.id.clone()),
            Screen::Capture(c) => Some(c.visit.teacher_id.clone()),
            Screen::Rounds(_)
            | Screen::Agenda(_)
            | Screen::Trash(_)
            | Screen::Time(_)
            | Screen::School(_)
            | Screen::Readiness(_) => None,
            Screen::Roster => self
                .roster
                .selected_row()
                .map(|r| r.teacher.meta.id.clone()),
        }
    }

    fn open_teacher(&mut self, id: &str) -> Option<Box<Workspace>> {
        // Opened from the roster unless the caller says otherwise (after this).
        self.back_to = None;
        if let Some(workspace) = self.take_read_ahead(id) {
            return Some(workspace);
        }
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

    fn file(&self) -> Option<&crate::model::TeacherFile> {
        self.workspace().map(|w| &w.file)
    }
}
