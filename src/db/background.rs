//! Reads on a thread of their own, each with its own read-only connection, so that a key
//! never waits for them: search as you type, and the agenda's open actions (thousands at
//! district scale, tens of milliseconds to read).

use super::{Error, Result, Store};
use crate::model::ActionOrder;
use std::sync::mpsc;

/// A thread that answers requests, asked and answered through the main loop. Dropping it
/// ends the thread.
pub struct Worker<Request, Answer> {
    requests: mpsc::Sender<Request>,
    found: mpsc::Receiver<Answer>,
}

impl<Request, Answer> Worker<Request, Answer> {
    /// Asks for `request`.
    pub fn ask(&self, request: Request) {
        // A thread that ended (it cannot, short of a panic) just answers nothing.
        let _ = self.requests.send(request);
    }

    /// An answer, if one came back.
    pub fn answer(&self) -> Option<Answer> {
        self.found.try_recv().ok()
    }
}

/// Starts a thread named `name` that answers requests with `answer`, the newest waiting
/// request only (the older ones are no longer wanted), until either end is dropped.
pub fn worker<Request: Send + 'static, Answer: Send + 'static>(
    name: &str,
    mut answer: impl FnMut(Request) -> Answer + Send + 'static,
) -> Result<Worker<Request, Answer>> {
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
    Ok(Worker { requests, found })
}

/// Reads the agenda's open actions in order ([`Store::open_action_order`]) on request (a
/// generation number); answers come back numbered as asked.
pub type ActionsReader = Worker<u64, (u64, Result<ActionOrder>)>;

impl ActionsReader {
    /// Starts reading from `store` (a connection of its own).
    pub fn start(store: Store) -> Result<ActionsReader> {
        // The open actions are read in one pass over their index: pages kept would only
        // weigh on memory.
        store.keep_few_pages(super::READ_ONCE_PAGES_KIB)?;
        worker("open actions reader", move |generation| {
            (generation, store.open_action_order())
        })
    }
}
