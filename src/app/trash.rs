//! The trash: what was deleted, with what it was and when. ⏎ brings a record back;
//! purging asks first and is the only way anything is ever destroyed.

use super::keymap::{self, Context, Msg};
use super::list::{List, PAGE};
use super::{App, Confirm, OnYes, Popup, Screen};
use crate::db::Command;
use crate::model::{Kind, Trashed};
use crate::text;

/// The trash screen: every trashed record, most recently deleted first.
#[derive(Debug, Clone, Default)]
pub struct Trash {
    pub items: Vec<Trashed>,
    pub list: List<(Kind, String)>,
}

impl Trash {
    fn new(items: Vec<Trashed>) -> Trash {
        let mut trash = Trash::default();
        trash.set_items(items);
        trash
    }

    fn set_items(&mut self, items: Vec<Trashed>) {
        self.list
            .set_items(items.iter().map(|t| (t.kind, t.id.clone())).collect());
        self.items = items;
    }

    pub fn selected(&self) -> Option<&Trashed> {
        self.list.selected().and_then(|i| self.items.get(i))
    }
}

/// "the observation of Okafor, Ngozi (Waited three seconds…)".
fn describe(item: &Trashed) -> String {
    let summary = text::truncate(&text::line(&item.summary), 40).into_owned();
    match (item.teacher.is_empty(), item.kind) {
        (_, Kind::Teacher) | (true, _) => format!("the {} {summary}", item.kind),
        (false, kind) => format!(
            "the {kind} of {} ({summary})",
            text::truncate(&text::line(&item.teacher), 30)
        ),
    }
}

impl App {
    pub fn trash(&self) -> Option<&Trash> {
        match &self.screen {
            Screen::Trash(trash) => Some(trash),
            _ => None,
        }
    }

    /// Opens the trash (one query).
    pub(super) fn show_trash(&mut self) {
        match self.store.trash() {
            Ok(items) => self.screen = Screen::Trash(Box::new(Trash::new(items))),
            Err(error) => self.warn(format!("cannot read the trash: {error}")),
        }
    }

    /// Reads the trash again after a change, keeping the selection on the same record.
    pub(super) fn refresh_trash(&mut self) {
        match self.store.trash() {
            Ok(items) => {
                if let Screen::Trash(trash) = &mut self.screen {
                    trash.set_items(items);
                }
            }
            Err(error) => self.warn(format!("cannot read the trash: {error}")),
        }
    }

    pub(super) fn update_trash(&mut self, msg: Msg) {
        let Screen::Trash(trash) = &mut self.screen else {
            return;
        };
        match msg {
            Msg::Up => trash.list.move_by(-1),
            Msg::Down => trash.list.move_by(1),
            Msg::PageUp => trash.list.page_up(PAGE),
            Msg::PageDown => trash.list.page_down(PAGE),
            Msg::Top => trash.list.home(),
            Msg::Bottom => trash.list.end(),
            Msg::Back => self.show_roster(),
            Msg::Open => {
                let Some(item) = trash.selected().cloned() else {
                    return;
                };
                let command = Command::Restore {
                    kind: item.kind,
                    id: item.id.clone(),
                };
                match self.apply(command) {
                    Ok(_) => self.say(format!("Restored {}", describe(&item))),
                    Err(error) => self.warn(error),
                }
            }
            Msg::Purge => {
                let Some(item) = trash.selected().cloned() else {
                    return;
                };
                let what = describe(&item);
                let yes = keymap::key_for(Context::Confirm, Msg::Yes);
                self.popups.push(Popup::Confirm(Confirm {
                    question: format!(
                        "Destroy {what} for good, with everything that belongs to it? \
                         This cannot be undone ({yes} destroys)"
                    ),
                    on_yes: OnYes::Apply(
                        Box::new(Command::Purge {
                            kind: item.kind,
                            id: item.id,
                        }),
                        format!("Destroyed {what}"),
                    ),
                }));
            }
            _ => {}
        }
    }
}
