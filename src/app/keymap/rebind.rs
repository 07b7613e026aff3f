//! The key table in force: the built-in one with the user's own keys put in (`[keys]` in
//! the settings, e.g. `"roster.observe" = "O"`). Kept per thread, like the theme: the app
//! sets it once at start, and each test draws with its own.

use super::{BINDINGS, Binding, Context, Key, Msg};
use crossterm::event::{KeyCode, KeyModifiers};
use std::cell::RefCell;

thread_local! {
    static TABLE: RefCell<Vec<Binding>> = RefCell::new(BINDINGS.to_vec());
}

/// Runs `f` on the key table in force.
pub(super) fn with_table<T>(f: impl FnOnce(&[Binding]) -> T) -> T {
    TABLE.with(|table| f(&table.borrow()))
}

/// A context's name in the settings.
fn context_name(context: Context) -> String {
    format!("{context:?}").to_lowercase()
}

/// A message's name in the settings (`Msg::AddTeacher` is `add_teacher`); none for the
/// numbered ones (look-fors, tallies, tabs), which keep their keys.
fn msg_name(msg: Msg) -> Option<String> {
    let debug = format!("{msg:?}");
    if debug.contains('(') {
        return None;
    }
    let mut name = String::new();
    for (at, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() && at > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    Some(name)
}

/// An action's name in the settings: `roster.observe`, `workspace.check_in`.
pub fn action_name(binding: &Binding) -> Option<String> {
    Some(format!(
        "{}.{}",
        context_name(binding.context),
        msg_name(binding.msg)?
    ))
}

/// Every action that can be rebound, once, with its key in force (as the settings write
/// it) and what it does, in the order of the key table.
pub fn actions() -> Vec<(String, String, &'static str)> {
    let mut seen = std::collections::HashSet::new();
    TABLE.with(|table| {
        table
            .borrow()
            .iter()
            .filter_map(|b| {
                let name = action_name(b)?;
                seen.insert(name.clone())
                    .then(|| (name, written(b.key), b.hint))
            })
            .collect()
    })
}

/// `key` as the settings write it, so that [`parse_key`] reads it back.
pub fn written(key: Key) -> String {
    let base = match key.code {
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Up => "Up".to_string(),
        KeyCode::Down => "Down".to_string(),
        KeyCode::Left => "Left".to_string(),
        KeyCode::Right => "Right".to_string(),
        _ => Key {
            code: key.code,
            modifiers: KeyModifiers::NONE,
        }
        .label(),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_lowercase())
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// A key as written in the settings: `o`, `O`, `Ctrl-o`, `Alt-x`, `Enter`, `Esc`, `Tab`,
/// `Shift-Tab`, `Space`, `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`, `Del`, `F1`…`F12`.
pub fn parse_key(written: &str) -> Option<Key> {
    let written = written.trim();
    let (modifiers, rest) = if let Some(rest) = strip_prefix_ci(written, "ctrl-") {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = strip_prefix_ci(written, "alt-") {
        (KeyModifiers::ALT, rest)
    } else {
        (KeyModifiers::NONE, written)
    };
    let code = match rest.to_ascii_lowercase().as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" | "s-tab" | "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "del" | "delete" => KeyCode::Delete,
        lower => {
            if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                (1..=12).contains(&n).then_some(KeyCode::F(n))?
            } else {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() || c.is_control() {
                    return None;
                }
                // Control keys are read lower-case (see `Key::from_event`).
                if modifiers == KeyModifiers::CONTROL {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
        }
    };
    Some(Key { code, modifiers })
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Puts the user's keys (action name, key as written) into the table in force on this
/// thread, starting again from the built-in one; returns a line for each that could not be
/// taken (an unknown action, a key that does not read, a key another action of the same
/// screen has, naming both). What cannot be taken keeps its built-in key.
pub fn rebind(keys: &[(String, String)]) -> Vec<String> {
    let mut table = BINDINGS.to_vec();
    let mut problems = Vec::new();
    for (action, written) in keys {
        let Some(key) = parse_key(written) else {
            problems.push(format!(
                "keys: \"{written}\" for {action} is not a key coachlog reads (write e.g. O, Ctrl-o, Alt-x, F2, Enter)"
            ));
            continue;
        };
        let chosen: Vec<usize> = table
            .iter()
            .enumerate()
            .filter(|(_, b)| action_name(b).as_deref() == Some(action.as_str()))
            .map(|(index, _)| index)
            .collect();
        let Some(&first) = chosen.first() else {
            problems.push(format!(
                "keys: {action} is not an action coachlog knows (`coachlog config --keys` lists them all)"
            ));
            continue;
        };
        let context = table[first].context;
        let taken = table.iter().find(|b| {
            b.context == context && b.key == key && action_name(b).as_deref() != Some(action)
        });
        if let Some(other) = taken {
            problems.push(format!(
                "keys: {written} for {action} is already {}'s key; {action} keeps {}",
                action_name(other).unwrap_or_else(|| format!("{:?}", other.msg)),
                table[first].key.label()
            ));
            continue;
        }
        // The action's first key becomes the new one; its other keys (k for ↑) stay.
        table[first].key = key;
    }
    TABLE.with(|current| *current.borrow_mut() = table);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_listed_once_with_a_key_that_reads_back() {
        let listed = actions();
        let names: std::collections::HashSet<&str> =
            listed.iter().map(|(name, _, _)| name.as_str()).collect();
        assert_eq!(names.len(), listed.len(), "each action once");
        assert!(
            listed
                .iter()
                .any(|(name, key, hint)| name == "workspace.add_support"
                    && key == "p"
                    && *hint == "support given"),
            "{listed:?}"
        );
        for (name, key, _) in &listed {
            let read = parse_key(key).unwrap_or_else(|| panic!("{name}: {key} does not read"));
            assert_eq!(written(read), *key, "{name}");
            // Rebinding an action to its own key is taken without a word.
            assert_eq!(
                rebind(&[(name.clone(), key.clone())]),
                Vec::<String>::new(),
                "{name} = {key}"
            );
        }
        rebind(&[]);
    }

    #[test]
    fn keys_read_as_written_in_the_settings() {
        assert_eq!(parse_key("O"), Some(Key::char('O')));
        assert_eq!(parse_key("Ctrl-O"), Some(Key::ctrl('o')));
        assert_eq!(parse_key("alt-x"), Some(Key::alt('x')));
        assert_eq!(parse_key("F2"), Some(Key::plain(KeyCode::F(2))));
        assert_eq!(parse_key("Space"), Some(Key::char(' ')));
        assert_eq!(parse_key("PgDn"), Some(Key::plain(KeyCode::PageDown)));
        assert_eq!(parse_key("F13"), None);
        assert_eq!(parse_key("oo"), None);
        assert_eq!(parse_key(""), None);
    }

    #[test]
    fn a_rebound_key_replaces_the_actions_key_and_a_clash_names_both() {
        let problems = rebind(&[
            ("roster.observe".into(), "O".into()),
            ("roster.capture".into(), "a".into()),
            ("roster.nothing".into(), "z".into()),
            ("roster.filter".into(), "Ctrl-Shift-q".into()),
        ]);
        assert_eq!(
            problems,
            [
                "keys: a for roster.capture is already roster.add_teacher's key; roster.capture keeps c",
                "keys: roster.nothing is not an action coachlog knows (`coachlog config --keys` lists them all)",
                "keys: \"Ctrl-Shift-q\" for roster.filter is not a key coachlog reads (write e.g. O, Ctrl-o, Alt-x, F2, Enter)",
            ]
        );
        let roster = [Context::Roster];
        assert_eq!(
            super::super::lookup(&roster, Key::char('O')),
            Some(Msg::Observe)
        );
        assert_eq!(super::super::lookup(&roster, Key::char('o')), None);
        assert_eq!(
            super::super::lookup(&roster, Key::char('c')),
            Some(Msg::Capture)
        );
        rebind(&[]);
        assert_eq!(
            super::super::lookup(&roster, Key::char('o')),
            Some(Msg::Observe)
        );
    }
}
