//! The one key table: it drives key handling, the footer hints and the help overlay, so
//! the three can never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. Lookups try the innermost context first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere outside text entry.
    Global,
    Roster,
    /// Typing a roster filter.
    Filter,
    Workspace,
    /// A form: plain keys type text, so only control keys are bound here.
    Form,
    /// Notes in a form (several lines): ⏎ starts a new line, `$EDITOR` can take over.
    Notes,
    /// A quick form (an observation): ⏎ saves from any field.
    QuickForm,
    /// The "agreed last time" list of a check-in.
    Review,
    /// Capturing a visit: plain keys type evidence, Alt keys mark and count.
    Capture,
    /// The agenda across all teachers.
    Agenda,
    /// The conference brief on screen.
    Brief,
    /// The trash.
    Trash,
    /// Where the coach's time went.
    Time,
    /// The list of walkthrough rounds.
    Rounds,
    /// One walkthrough round and its classrooms.
    Round,
    /// One school at a glance.
    School,
    /// The schools reviewed for coaching, ranked two ways.
    Readiness,
    /// One school's readiness review, shown on its own.
    ReadinessReview,
    Confirm,
    Help,
    /// The search box: plain keys type the words to find.
    Search,
}

impl Context {
    /// The title of the context's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Roster => "Roster",
            Context::Filter => "Filtering the roster",
            Context::Workspace => "Teacher workspace",
            Context::Form => "Forms",
            Context::Notes => "Forms: in notes",
            Context::QuickForm => "Quick observation",
            Context::Review => "Check-in: agreed last time",
            Context::Capture => "In the classroom (capture)",
            Context::Agenda => "Agenda",
            Context::Brief => "Conference brief",
            Context::Trash => "Trash",
            Context::Time => "Where the time went",
            Context::Rounds => "Walkthrough rounds",
            Context::Round => "A walkthrough round",
            Context::School => "School view",
            Context::Readiness => "Readiness for coaching",
            Context::ReadinessReview => "Readiness: a school's review on its own",
            Context::Confirm => "Questions",
            Context::Help => "Help",
            Context::Search => "Searching notes",
        }
    }
}

/// What a key asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    Quit,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Filter,
    ClearFilter,
    AddTeacher,
    EditTeacher,
    ArchiveTeacher,
    ToggleArchived,
    Observe,
    CheckIn,
    NewFocus,
    EndFocus,
    Add,
    Edit,
    Delete,
    ToggleDone,
    AddMeasure,
    /// Record support given to the teacher (training, co-planning…).
    AddSupport,
    NextTab,
    PrevTab,
    Tab(u8),
    Save,
    Cancel,
    NextField,
    PrevField,
    /// ⏎ in a one-line field: the next field, or a save on the last one.
    NextOrSave,
    /// ⏎ in notes: a new line.
    NewLine,
    /// Ctrl-U: empties the field (or the line) being typed.
    ClearField,
    ChoiceNext,
    ChoicePrev,
    TogglePrivate,
    ExternalEditor,
    AddNewAction,
    MarkDone,
    CarryOver,
    Yes,
    No,
    Capture,
    Stamp,
    FinishCapture,
    LookFor(u8),
    Tally(u8),
    Untally(u8),
    Rounds,
    /// The school view of the selected person's school.
    School,
    /// The next school, in the school view.
    NextSchool,
    NextUnmarked,
    Agenda,
    TimelineShow,
    TimelineDates,
    AddGoalMeasure,
    Brief,
    WriteHtml,
    WriteMarkdown,
    Calendar,
    Report,
    FollowUp,
    Search,
    Trash,
    Purge,
    Undo,
    Redo,
    DetailUp,
    DetailDown,
    /// Feedback for the teacher from an observation or check-in.
    Feedback,
    /// Where the coach's time went (the Time screen).
    TimeSpent,
    /// The Time screen's next grouping: kind, role, person, school.
    Grouping,
    /// The Time screen's next period: 30 days, this school year, all.
    Period,
    /// The readiness screen: the schools reviewed for coaching, ranked two ways.
    Readiness,
}

/// A key with its modifiers, written as the footer shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    pub const fn alt(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::ALT,
        }
    }

    /// How the key is written in hints: `⏎`, `Esc`, `Ctrl-S`, `a`.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Enter => "⏎".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }

    /// The key of a terminal event, with Shift folded into the character.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::BackTab => {
                modifiers = KeyModifiers::NONE;
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }
}

mod bindings;
mod rebind;

pub use bindings::{BINDINGS, Binding};
use rebind::with_table;
pub use rebind::{action_name, actions, parse_key, rebind, written};

use Context as C;

/// The message bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Msg> {
    with_table(|table| {
        contexts.iter().find_map(|context| {
            table
                .iter()
                .find(|binding| binding.context == *context && binding.key == key)
                .map(|binding| binding.msg)
        })
    })
}

/// The footer hints for the given contexts, innermost first, one per message; a key an
/// inner context takes for itself is not offered with an outer meaning.
pub fn footer(contexts: &[Context]) -> Vec<(String, &'static str)> {
    with_table(|table| {
        let mut seen = Vec::new();
        let mut hints = Vec::new();
        for (depth, context) in contexts.iter().enumerate() {
            for binding in table.iter().filter(|b| b.context == *context && b.footer) {
                let shadowed = lookup(&contexts[..depth], binding.key).is_some();
                if !shadowed && !seen.contains(&binding.msg) {
                    seen.push(binding.msg);
                    hints.push((binding.key.label(), binding.hint));
                }
            }
        }
        hints
    })
}

/// The key and hint of the first binding of `msg` in `context`.
pub fn hint_for(context: Context, msg: Msg) -> Option<(String, &'static str)> {
    with_table(|table| {
        table
            .iter()
            .find(|b| b.context == context && b.msg == msg)
            .map(|b| (b.key.label(), b.hint))
    })
}

/// How the key of `msg` in `context` is written (`⏎`, `Ctrl-S`, `a`), for hints in screen
/// text: a key named on screen is always the key the table binds. Looks in Global when
/// the context does not bind it; empty when nothing does (a test keeps that from happening).
pub fn key_for(context: Context, msg: Msg) -> String {
    [context, Context::Global]
        .iter()
        .find_map(|context| hint_for(*context, msg))
        .map(|(key, _)| key)
        .unwrap_or_default()
}

/// Two keys of a run written as one, sharing their start: `Alt-1…9`.
pub fn key_range(context: Context, first: Msg, last: Msg) -> String {
    let (first, last) = (key_for(context, first), key_for(context, last));
    let shared: usize = first
        .chars()
        .zip(last.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    format!("{first}…{}", &last[shared..])
}

/// The sections of the help overlay, in the order it shows them.
const HELP_ORDER: [Context; 21] = [
    C::Roster,
    C::Filter,
    C::Workspace,
    C::Form,
    C::Notes,
    C::QuickForm,
    C::Capture,
    C::Agenda,
    C::Brief,
    C::Rounds,
    C::Round,
    C::School,
    C::Readiness,
    C::ReadinessReview,
    C::Trash,
    C::Time,
    C::Review,
    C::Search,
    C::Confirm,
    C::Help,
    C::Global,
];

/// The line of the help overlay where `context`'s section starts (its title; each section
/// is a title, its keys and a blank line).
pub fn help_line(context: Context) -> usize {
    help()
        .iter()
        .take_while(|(c, _)| *c != context)
        .map(|(_, keys)| keys.len() + 2)
        .sum()
}

/// Messages of one numbered run (Alt-1…Alt-9 mark look-fors 1 to 9, Alt-a, Alt-r… count
/// tallies 1 to 9), shown as one row.
fn run_of(msg: Msg) -> Msg {
    match msg {
        Msg::LookFor(_) => Msg::LookFor(0),
        Msg::Tally(_) => Msg::Tally(0),
        Msg::Untally(_) => Msg::Untally(0),
        other => other,
    }
}

/// A run's keys so far with one more: a range when they follow on (`Alt-1…9`), else each
/// written after the first without what they share (`Alt-a/r/s`).
fn run_keys(context: Context, written: &str, first: Msg, next: &Binding) -> String {
    if matches!(first, Msg::LookFor(_)) {
        return key_range(context, first, next.msg);
    }
    let start = key_for(context, first);
    let label = next.key.label();
    let shared: usize = start
        .chars()
        .zip(label.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    format!("{written}/{}", &label[shared..])
}

/// Help sections: each context with all its keys, keys sharing a message joined ("k/↑"),
/// a numbered run written once ("Alt-1…9", "Alt-a/r/s/d/f/g/h/j/k").
pub fn help() -> Vec<(Context, Vec<(String, &'static str)>)> {
    with_table(|table| {
        let mut sections: Vec<(Context, Vec<(String, &'static str)>)> = Vec::new();
        for context in HELP_ORDER {
            let mut rows: Vec<(Msg, String, &'static str)> = Vec::new();
            for binding in table.iter().filter(|b| b.context == context) {
                if run_of(binding.msg) != binding.msg {
                    if let Some(row) = rows
                        .iter_mut()
                        .find(|(msg, _, _)| *msg == run_of(binding.msg))
                    {
                        row.1 = run_keys(context, &row.1, row.0, binding);
                    }
                    continue;
                }
                match rows.iter_mut().find(|(msg, _, _)| *msg == binding.msg) {
                    Some(row) => {
                        row.1.push('/');
                        row.1.push_str(&binding.key.label());
                    }
                    None => rows.push((binding.msg, binding.key.label(), binding.hint)),
                }
            }
            sections.push((
                context,
                rows.into_iter()
                    .map(|(_, keys, hint)| (keys, hint))
                    .collect(),
            ));
        }
        sections
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.context == b.context && a.key == b.key),
                    "{:?} {} bound twice",
                    a.context,
                    a.key.label()
                );
            }
        }
    }

    #[test]
    fn inner_contexts_win_over_global() {
        let contexts = [Context::Help, Context::Global];
        assert_eq!(lookup(&contexts, Key::char('?')), Some(Msg::Cancel));
        assert_eq!(lookup(&[Context::Global], Key::char('?')), Some(Msg::Help));
    }

    #[test]
    fn footer_and_help_come_from_the_table() {
        let footer = footer(&[Context::Roster, Context::Global]);
        assert_eq!(footer.first(), Some(&("o".to_string(), "observe")));
        assert!(footer.contains(&("?".to_string(), "help")));
        let help = help();
        let roster = &help.iter().find(|(c, _)| *c == Context::Roster).unwrap().1;
        assert!(roster.contains(&("x".to_string(), "archive")));
        let global = &help.iter().find(|(c, _)| *c == Context::Global).unwrap().1;
        assert!(global.contains(&("Ctrl-Q/Ctrl-C".to_string(), "quit")));
    }

    #[test]
    fn keys_named_in_screen_text_are_the_bound_keys() {
        assert_eq!(key_for(Context::Roster, Msg::ToggleArchived), "A");
        assert_eq!(key_for(Context::Filter, Msg::ClearFilter), "Esc");
        assert_eq!(key_for(Context::Form, Msg::Save), "Ctrl-S");
        assert_eq!(key_for(Context::Roster, Msg::Quit), "q");
        assert_eq!(
            key_for(Context::Agenda, Msg::Bottom),
            "End",
            "falls back to Global"
        );
        assert_eq!(key_for(Context::Capture, Msg::Agenda), "", "not bound");
    }

    #[test]
    fn help_writes_each_binding_once_and_a_numbered_run_as_one_row() {
        let help = help();
        let capture = &help.iter().find(|(c, _)| *c == Context::Capture).unwrap().1;
        let runs: Vec<&String> = capture
            .iter()
            .map(|(keys, _)| keys)
            .filter(|keys| keys.contains("Alt-") && keys.contains('1'))
            .collect();
        assert_eq!(runs, ["Alt-1…9"]);
        assert!(!capture.iter().any(|(keys, _)| keys == "Alt-2"));
        let tallies: Vec<&String> = capture
            .iter()
            .map(|(keys, _)| keys)
            .filter(|keys| keys.starts_with("Alt-a") || keys.starts_with("Alt-A"))
            .collect();
        assert_eq!(tallies, ["Alt-a/r/s/d/f/g/h/j/k", "Alt-A/R/S/D/F/G/H/J/K"]);
        for (context, rows) in &help {
            let mut keys: Vec<&str> = rows
                .iter()
                .flat_map(|(k, _)| {
                    if k == "/" {
                        vec!["/"]
                    } else {
                        k.split('/').collect()
                    }
                })
                .collect();
            let count = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), count, "a key written twice in {context:?}");
        }
    }

    /// The screens that also take the keys of every screen (Global), each with its own
    /// context in front.
    const SCREENS: [Context; 10] = [
        Context::Roster,
        Context::Workspace,
        Context::Rounds,
        Context::Round,
        Context::School,
        Context::Readiness,
        Context::ReadinessReview,
        Context::Agenda,
        Context::Trash,
        Context::Brief,
    ];

    #[test]
    fn a_key_listed_for_every_screen_means_the_same_on_each() {
        for screen in SCREENS {
            for global in BINDINGS.iter().filter(|b| b.context == Context::Global) {
                let here = lookup(&[screen, Context::Global], global.key);
                assert_eq!(
                    here,
                    Some(global.msg),
                    "{} is \"{}\" everywhere but something else on the {} screen",
                    global.key.label(),
                    global.hint,
                    screen.title()
                );
            }
        }
    }

    #[test]
    fn the_footer_offers_no_key_an_inner_context_took() {
        let in_help = footer(&[Context::Help, Context::Global]);
        assert!(in_help.contains(&("Esc".to_string(), "close")));
        assert!(
            !in_help.iter().any(|(key, _)| key == "?"),
            "? closes the help, so it is not offered as \"help\" there: {in_help:?}"
        );
        let quick_notes = footer(&[Context::QuickForm, Context::Notes, Context::Form]);
        assert!(quick_notes.contains(&("⏎".to_string(), "save")));
        assert!(!quick_notes.contains(&("⏎".to_string(), "new line")));
        assert!(quick_notes.contains(&("Ctrl-E".to_string(), "$EDITOR")));
        let one_line = footer(&[Context::Form]);
        assert!(one_line.contains(&("⏎".to_string(), "next field")));
        assert!(
            !one_line.iter().any(|(key, _)| key == "Ctrl-E"),
            "$EDITOR is offered only where there are notes to edit"
        );
    }

    #[test]
    fn help_sections_start_where_the_overlay_draws_them() {
        assert_eq!(help_line(Context::Roster), 0);
        let roster_keys = help()[0].1.len();
        assert_eq!(help_line(Context::Filter), roster_keys + 2);
        assert!(help_line(Context::Global) > help_line(Context::Workspace));
    }

    #[test]
    fn shifted_letters_and_control_keys_read_as_written() {
        let shifted = KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(shifted), Key::char('A'));
        let ctrl = KeyEvent::new(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(ctrl), Key::ctrl('s'));
        assert_eq!(Key::ctrl('s').label(), "Ctrl-S");
    }
}
