//! The key table itself: every binding of the app, in the order help and footers show
//! them.

use super::{Context, Key, Msg};
use crossterm::event::KeyCode;

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub msg: Msg,
    /// What the key does, in a few words.
    pub hint: &'static str,
    /// Shown in the footer of its context (the rest appear in help only).
    pub footer: bool,
}

const fn bind(context: Context, key: Key, msg: Msg, hint: &'static str, footer: bool) -> Binding {
    Binding {
        context,
        key,
        msg,
        hint,
        footer,
    }
}

use Context as C;
use KeyCode as K;

/// Every binding of the app, in the order help and footers show them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Roster
    bind(C::Roster, Key::char('o'), Msg::Observe, "observe", true),
    bind(C::Roster, Key::char('c'), Msg::Capture, "capture", true),
    bind(C::Roster, Key::plain(K::Enter), Msg::Open, "open", true),
    bind(C::Roster, Key::char('/'), Msg::Filter, "filter", true),
    bind(C::Roster, Key::char('a'), Msg::AddTeacher, "add", true),
    bind(C::Roster, Key::char('s'), Msg::Search, "search", true),
    bind(C::Roster, Key::char('g'), Msg::Agenda, "agenda", true),
    bind(C::Roster, Key::char('w'), Msg::Rounds, "rounds", true),
    bind(C::Roster, Key::char('e'), Msg::EditTeacher, "edit", true),
    bind(C::Roster, Key::char('x'), Msg::ArchiveTeacher, "archive", false),
    bind(C::Roster, Key::char('A'), Msg::ToggleArchived, "show archived", false),
    bind(C::Roster, Key::char('T'), Msg::Trash, "trash", false),
    bind(C::Roster, Key::char('k'), Msg::Up, "up", false),
    bind(C::Roster, Key::char('j'), Msg::Down, "down", false),
    bind(C::Roster, Key::plain(K::Esc), Msg::ClearFilter, "clear filter", false),
    bind(C::Roster, Key::char('q'), Msg::Quit, "quit", false),
    // Filter
    bind(C::Filter, Key::plain(K::Enter), Msg::Open, "open", true),
    bind(C::Filter, Key::plain(K::Esc), Msg::ClearFilter, "clear", true),
    bind(C::Filter, Key::plain(K::Up), Msg::Up, "up", false),
    bind(C::Filter, Key::plain(K::Down), Msg::Down, "down", false),
    bind(C::Filter, Key::ctrl('q'), Msg::Quit, "quit", false),
    bind(C::Filter, Key::ctrl('c'), Msg::Quit, "quit", false),
    // Workspace
    bind(C::Workspace, Key::char('o'), Msg::Observe, "observe", true),
    bind(C::Workspace, Key::char('i'), Msg::Capture, "capture in room", false),
    bind(C::Workspace, Key::char('c'), Msg::CheckIn, "check-in", true),
    bind(C::Workspace, Key::char('f'), Msg::NewFocus, "focus", true),
    bind(C::Workspace, Key::char('F'), Msg::EndFocus, "end focus", false),
    bind(C::Workspace, Key::char('a'), Msg::Add, "add", true),
    bind(C::Workspace, Key::char('e'), Msg::Edit, "edit", false),
    bind(C::Workspace, Key::char('d'), Msg::Delete, "delete", false),
    bind(C::Workspace, Key::char('s'), Msg::Search, "search", false),
    bind(C::Workspace, Key::char(' '), Msg::ToggleDone, "action done", false),
    bind(C::Workspace, Key::char('m'), Msg::AddMeasure, "add measure", false),
    bind(C::Workspace, Key::char('p'), Msg::AddSupport, "support given", false),
    bind(C::Workspace, Key::char('t'), Msg::TimelineShow, "timeline: which kind", false),
    bind(C::Workspace, Key::char('r'), Msg::TimelineDates, "timeline: date range", false),
    bind(C::Workspace, Key::plain(K::Tab), Msg::NextTab, "tabs", true),
    bind(C::Workspace, Key::plain(K::BackTab), Msg::PrevTab, "previous tab", false),
    bind(C::Workspace, Key::char('1'), Msg::Tab(0), "Overview", false),
    bind(C::Workspace, Key::char('2'), Msg::Tab(1), "Goals", false),
    bind(C::Workspace, Key::char('3'), Msg::Tab(2), "Observations", false),
    bind(C::Workspace, Key::char('4'), Msg::Tab(3), "Check-ins", false),
    bind(C::Workspace, Key::char('5'), Msg::Tab(4), "Actions", false),
    bind(C::Workspace, Key::char('6'), Msg::Tab(5), "Timeline", false),
    bind(C::Workspace, Key::char('b'), Msg::Brief, "brief", true),
    bind(C::Workspace, Key::char('S'), Msg::Feedback, "share feedback with the teacher", false),
    bind(C::Workspace, Key::char('E'), Msg::EditTeacher, "edit teacher", false),
    bind(C::Workspace, Key::char('J'), Msg::DetailDown, "scroll detail down", false),
    bind(C::Workspace, Key::char('K'), Msg::DetailUp, "scroll detail up", false),
    bind(C::Workspace, Key::char('g'), Msg::Top, "first", false),
    bind(C::Workspace, Key::char('k'), Msg::Up, "up", false),
    bind(C::Workspace, Key::char('j'), Msg::Down, "down", false),
    bind(C::Workspace, Key::plain(K::Esc), Msg::Back, "roster", true),
    bind(C::Workspace, Key::char('q'), Msg::Quit, "quit", false),
    // Forms
    bind(C::Form, Key::ctrl('s'), Msg::Save, "save", true),
    bind(C::Form, Key::plain(K::Enter), Msg::NextOrSave, "next field", true),
    bind(C::Form, Key::plain(K::Tab), Msg::NextField, "next field", false),
    bind(C::Form, Key::plain(K::BackTab), Msg::PrevField, "previous field", false),
    bind(C::Form, Key::ctrl('u'), Msg::ClearField, "clear field", false),
    bind(C::Form, Key::ctrl('p'), Msg::TogglePrivate, "private", false),
    bind(C::Form, Key::ctrl('n'), Msg::AddNewAction, "new action", false),
    bind(C::Form, Key::ctrl('g'), Msg::AddGoalMeasure, "goal measure", false),
    bind(C::Form, Key::plain(K::Esc), Msg::Cancel, "cancel", true),
    bind(C::Form, Key::plain(K::Left), Msg::ChoicePrev, "previous choice", false),
    bind(C::Form, Key::plain(K::Right), Msg::ChoiceNext, "next choice", false),
    // Notes in a form
    bind(C::Notes, Key::plain(K::Enter), Msg::NewLine, "new line", true),
    bind(C::Notes, Key::plain(K::Tab), Msg::NextField, "next field", true),
    bind(C::Notes, Key::ctrl('e'), Msg::ExternalEditor, "$EDITOR", true),
    // Quick observation
    bind(C::QuickForm, Key::plain(K::Enter), Msg::Save, "save", true),
    bind(C::QuickForm, Key::plain(K::Tab), Msg::NextField, "more fields", true),
    bind(C::QuickForm, Key::ctrl('p'), Msg::TogglePrivate, "private", true),
    // Capture
    bind(C::Capture, Key::plain(K::Enter), Msg::Stamp, "stamp line", true),
    bind(C::Capture, Key::alt('1'), Msg::LookFor(0), "look-for 1…9", false),
    bind(C::Capture, Key::alt('2'), Msg::LookFor(1), "look-for 2", false),
    bind(C::Capture, Key::alt('3'), Msg::LookFor(2), "look-for 3", false),
    bind(C::Capture, Key::alt('4'), Msg::LookFor(3), "look-for 4", false),
    bind(C::Capture, Key::alt('5'), Msg::LookFor(4), "look-for 5", false),
    bind(C::Capture, Key::alt('6'), Msg::LookFor(5), "look-for 6", false),
    bind(C::Capture, Key::alt('7'), Msg::LookFor(6), "look-for 7", false),
    bind(C::Capture, Key::alt('8'), Msg::LookFor(7), "look-for 8", false),
    bind(C::Capture, Key::alt('9'), Msg::LookFor(8), "look-for 9", false),
    bind(C::Capture, Key::alt('a'), Msg::Tally(0), "students answering +1", false),
    bind(C::Capture, Key::alt('r'), Msg::Tally(1), "redirects +1", false),
    bind(C::Capture, Key::alt('A'), Msg::Untally(0), "students answering −1", false),
    bind(C::Capture, Key::alt('R'), Msg::Untally(1), "redirects −1", false),
    bind(C::Capture, Key::ctrl('u'), Msg::ClearField, "clear line", false),
    bind(C::Capture, Key::plain(K::Esc), Msg::FinishCapture, "finish and rate", true),
    // Brief
    bind(C::Brief, Key::char('h'), Msg::WriteHtml, "write HTML", true),
    bind(C::Brief, Key::char('m'), Msg::WriteMarkdown, "write Markdown", true),
    bind(C::Brief, Key::char('g'), Msg::Top, "first", false),
    bind(C::Brief, Key::char('k'), Msg::Up, "up", false),
    bind(C::Brief, Key::char('j'), Msg::Down, "down", false),
    bind(C::Brief, Key::plain(K::Esc), Msg::Cancel, "close", true),
    // Trash
    bind(C::Trash, Key::plain(K::Enter), Msg::Open, "restore", true),
    bind(C::Trash, Key::char('P'), Msg::Purge, "purge for good", true),
    bind(C::Trash, Key::plain(K::Esc), Msg::Back, "roster", true),
    bind(C::Trash, Key::char('g'), Msg::Top, "first", false),
    bind(C::Trash, Key::char('k'), Msg::Up, "up", false),
    bind(C::Trash, Key::char('j'), Msg::Down, "down", false),
    bind(C::Trash, Key::char('q'), Msg::Quit, "quit", false),
    // Agenda
    bind(C::Agenda, Key::plain(K::Enter), Msg::Open, "open teacher", true),
    bind(C::Agenda, Key::plain(K::Tab), Msg::NextTab, "next panel", true),
    bind(C::Agenda, Key::plain(K::BackTab), Msg::PrevTab, "previous panel", false),
    bind(C::Agenda, Key::char('g'), Msg::Top, "first", false),
    bind(C::Agenda, Key::char('k'), Msg::Up, "up", false),
    bind(C::Agenda, Key::char('j'), Msg::Down, "down", false),
    bind(C::Agenda, Key::plain(K::Esc), Msg::Back, "roster", true),
    bind(C::Agenda, Key::char('q'), Msg::Quit, "quit", false),
    bind(C::Agenda, Key::char('i'), Msg::Calendar, "calendar", true),
    // Walkthrough rounds
    bind(C::Rounds, Key::char('a'), Msg::Add, "new round", true),
    bind(C::Rounds, Key::plain(K::Enter), Msg::Open, "open", true),
    bind(C::Rounds, Key::char('g'), Msg::Top, "first", false),
    bind(C::Rounds, Key::char('k'), Msg::Up, "up", false),
    bind(C::Rounds, Key::char('j'), Msg::Down, "down", false),
    bind(C::Rounds, Key::plain(K::Esc), Msg::Back, "roster", true),
    bind(C::Rounds, Key::char('q'), Msg::Quit, "quit", false),
    bind(C::Round, Key::char('n'), Msg::NextUnmarked, "next unmarked", true),
    bind(C::Round, Key::plain(K::Enter), Msg::Open, "mark", true),
    bind(C::Round, Key::char('a'), Msg::Add, "new round", false),
    bind(C::Round, Key::char('g'), Msg::Top, "first", false),
    bind(C::Round, Key::char('k'), Msg::Up, "up", false),
    bind(C::Round, Key::char('j'), Msg::Down, "down", false),
    bind(C::Round, Key::plain(K::Esc), Msg::Back, "rounds", true),
    bind(C::Round, Key::char('f'), Msg::FollowUp, "follow up", true),
    bind(C::Round, Key::char('r'), Msg::Report, "write report", true),
    // Check-in review list
    bind(C::Review, Key::char(' '), Msg::MarkDone, "done", true),
    bind(C::Review, Key::char('>'), Msg::CarryOver, "carry over", true),
    bind(C::Review, Key::plain(K::Up), Msg::Up, "up", false),
    bind(C::Review, Key::plain(K::Down), Msg::Down, "down", false),
    bind(C::Review, Key::char('k'), Msg::Up, "up", false),
    bind(C::Review, Key::char('j'), Msg::Down, "down", false),
    // Questions
    bind(C::Confirm, Key::char('y'), Msg::Yes, "yes", true),
    bind(C::Confirm, Key::plain(K::Enter), Msg::Yes, "yes", false),
    bind(C::Confirm, Key::char('n'), Msg::No, "no", true),
    bind(C::Confirm, Key::plain(K::Esc), Msg::No, "no", false),
    // Search
    bind(C::Search, Key::plain(K::Enter), Msg::Open, "open", true),
    bind(C::Search, Key::plain(K::Up), Msg::Up, "previous", true),
    bind(C::Search, Key::plain(K::Down), Msg::Down, "next", true),
    bind(C::Search, Key::plain(K::Esc), Msg::Cancel, "close", true),
    bind(C::Search, Key::ctrl('u'), Msg::ClearFilter, "clear", false),
    bind(C::Search, Key::plain(K::PageUp), Msg::PageUp, "page up", false),
    bind(C::Search, Key::plain(K::PageDown), Msg::PageDown, "page down", false),
    bind(C::Search, Key::ctrl('q'), Msg::Quit, "quit", false),
    bind(C::Search, Key::ctrl('c'), Msg::Quit, "quit", false),
    // Help
    bind(C::Help, Key::plain(K::Esc), Msg::Cancel, "close", true),
    bind(C::Help, Key::char('?'), Msg::Cancel, "close", false),
    bind(C::Help, Key::char('q'), Msg::Cancel, "close", false),
    bind(C::Help, Key::char('g'), Msg::Top, "first section", false),
    // Everywhere outside text entry (`g` for "first" is bound per screen: the roster
    // takes it for the agenda)
    bind(C::Global, Key::plain(K::Up), Msg::Up, "up", false),
    bind(C::Global, Key::plain(K::Down), Msg::Down, "down", false),
    bind(C::Global, Key::plain(K::PageUp), Msg::PageUp, "page up", false),
    bind(C::Global, Key::plain(K::PageDown), Msg::PageDown, "page down", false),
    bind(C::Global, Key::plain(K::Home), Msg::Top, "first", false),
    bind(C::Global, Key::plain(K::End), Msg::Bottom, "last", false),
    bind(C::Global, Key::char('G'), Msg::Bottom, "last", false),
    bind(C::Global, Key::char('?'), Msg::Help, "help", true),
    bind(C::Global, Key::char('u'), Msg::Undo, "undo", false),
    bind(C::Global, Key::ctrl('r'), Msg::Redo, "redo", false),
    bind(C::Global, Key::ctrl('q'), Msg::Quit, "quit", false),
    bind(C::Global, Key::ctrl('c'), Msg::Quit, "quit", false),
];
