//! Reads on a thread of their own, each with its own read-only connection, so that a key
//! never waits for them: search as you type, and the agenda's open actions (thousands at
//! district scale, tens of milliseconds to read).

use super::{Error, Result, Store};
use crate::model::Action;
use std::sync::mpsc;

/// Starts a thread named `name` that answers requests with `answer`, the newest waiting
/// request only (the older ones are no longer wanted), until either channel is dropped.
pub fn worker<Request: Send + 'static, Answer: Send + 'static>(
    name: &str,
    mut answer: impl FnMut(Request) -> Answer + Send + 'static,
) -> Result<(mpsc::Sender<Request>, mpsc::Receiver<Answer>)> {
    let (requests, waiting) = mpsc::channel::<Request>();
    let (answers, found) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            while let Ok(mut request) = waiting.recv() {
                while let Ok(newer) = waiting.try_recv() {
                    request = newer;
                }
                if answers.send(answer(request)).is_err() {
                    break;
                }
            }
        })
        .map_err(|source| Error::Io {
            what: format!("cannot start the {name} in the background"),
            source,
        })?;
    Ok((requests, found))
}

/// Open actions with their teacher's name, as [`Store::open_actions`] gives them.
pub type OpenActions = Vec<(Action, String)>;

/// Reads the open actions on request; answers come back numbered as asked. Dropping the
/// reader ends the thread.
pub struct ActionsReader {
    requests: mpsc::Sender<u64>,
    found: mpsc::Receiver<(u64, Result<OpenActions>)>,
}

impl ActionsReader {
    /// Starts reading from `store` (a connection of its own).
    pub fn start(store: Store) -> Result<ActionsReader> {
        // The open actions are read in one pass over their index: pages kept would only
        // weigh on memory.
        store.keep_few_pages(super::BACKGROUND_PAGES_KIB)?;
        let (requests, found) = worker("open actions reader", move |generation| {
            (generation, store.open_actions())
        })?;
        Ok(ActionsReader { requests, found })
    }

    /// Asks for the open actions, numbered `generation`.
    pub fn ask(&self, generation: u64) {
        // A thread that ended (it cannot, short of a panic) just answers nothing.
        let _ = self.requests.send(generation);
    }

    /// An answer, if one came back.
    pub fn answer(&self) -> Option<(u64, Result<OpenActions>)> {
        self.found.try_recv().ok()
    }
}
