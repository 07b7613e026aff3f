//! App state and the one `update` through which every change of it passes.

use crate::clock::Clock;
use crate::db::{RosterRow, Store};
use anyhow::Result;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The whole app: the store, what is on screen, and the status line.
pub struct App {
    pub store: Store,
    pub roster: Vec<RosterRow>,
    pub selected: usize,
    quit: bool,
}

impl App {
    pub fn new(store: Store) -> Result<App> {
        let roster = store.roster(false)?;
        Ok(App {
            store,
            roster,
            selected: 0,
            quit: false,
        })
    }

    pub fn clock(&self) -> Clock {
        self.store.clock()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Time passed without input.
    pub fn tick(&mut self) {}

    pub fn handle_event(&mut self, event: Event) {
        if let Event::Key(key) = event {
            self.handle_key(key);
        }
    }

    fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        match (key.code, key.modifiers) {
            (KeyCode::Char('q'), _) | (KeyCode::Char('c'), KeyModifiers::CONTROL) => {
                self.quit = true
            }
            (KeyCode::Down | KeyCode::Char('j'), _) => {
                self.selected = (self.selected + 1).min(self.roster.len().saturating_sub(1));
            }
            (KeyCode::Up | KeyCode::Char('k'), _) => {
                self.selected = self.selected.saturating_sub(1)
            }
            _ => {}
        }
    }
}
