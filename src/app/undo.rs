//! Undo and redo of the changes made since the app started. Each change the write path
//! applies is kept with the rows it changed (before and after); undoing it is one more
//! command through the same path (`Command::Undo`), which the store refuses when another
//! window changed those rows since. What an undo did is what a redo takes back.

use crate::app::{App, Popup};
use crate::db::{Applied, Command, Error};
use crate::model::AnyRecord;
use crate::text;

/// How many changes are kept to undo (and undone ones to redo).
const DEPTH: usize = 200;

/// This session's changes: the ones to undo, newest last, and the undone ones to redo.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

#[derive(Debug, Clone)]
struct Step {
    /// What the store changed (for a step on the redo list: what the undo changed).
    applied: Applied,
    /// A few words naming the record, for refusals: "the observation of 23 Nov 10:42 (…)".
    what: String,
    /// What the change did to it, for the status line: "adding the observation of …".
    did: String,
}

impl History {
    /// A new change: it can be undone, and what was undone before can no longer be redone.
    /// A purge destroyed what it changed (it says so when it asks): it is not listed.
    pub(in crate::app) fn record(&mut self, applied: &Applied) {
        if applied.changes.is_empty() {
            return;
        }
        self.redo.clear();
        if applied.changes.iter().any(|change| change.after.is_none()) {
            return;
        }
        let (what, did) = describe_applied(applied);
        push(
            &mut self.undo,
            Step {
                applied: applied.clone(),
                what,
                did,
            },
        );
    }
}

impl History {
    /// Names the change just recorded in words of its own ("the follow-up with 2
    /// teachers"), where naming the first record it added would tell only part of it.
    pub(in crate::app) fn name_last(&mut self, applied: &Applied, name: String) {
        if applied.changes.is_empty() {
            return;
        }
        if let Some(step) = self.undo.last_mut() {
            step.what.clone_from(&name);
            step.did = name;
        }
    }

    /// The observation or check-in the last change added, if that is what it did (the
    /// visit or check-in just saved).
    pub(in crate::app) fn just_added(&self) -> Option<&AnyRecord> {
        let change = self.undo.last()?.applied.changes.first()?;
        match (&change.before, &change.after) {
            (None, Some(added @ (AnyRecord::Observation(_) | AnyRecord::CheckIn(_)))) => {
                Some(added)
            }
            _ => None,
        }
    }
}

fn push(steps: &mut Vec<Step>, step: Step) {
    steps.push(step);
    if steps.len() > DEPTH {
        steps.remove(0);
    }
}

impl App {
    /// Takes back the last change made since the app started.
    pub(in crate::app) fn undo(&mut self) {
        self.step_history(true);
    }

    /// Does again the last change undone.
    pub(in crate::app) fn redo(&mut self) {
        self.step_history(false);
    }

    fn step_history(&mut self, undo: bool) {
        let (done, none, refused) = if undo {
            ("Undid", "Nothing to undo", "Not undone")
        } else {
            ("Redid", "Nothing to redo", "Not redone")
        };
        // A form on screen was opened on the records as they are; changing them under it
        // would make its save a conflict with this very window.
        if self.popups.iter().any(|p| matches!(p, Popup::Form(_))) {
            self.warn(format!("{refused}: save or close the form first"));
            return;
        }
        let taken = if undo {
            self.history.undo.pop()
        } else {
            self.history.redo.pop()
        };
        let Some(step) = taken else {
            self.say(none);
            return;
        };
        match self.commit(Command::Undo(step.applied.clone()), None) {
            Ok(applied) => {
                self.say(format!("{done} {}", step.did));
                let back = Step {
                    applied,
                    what: step.what,
                    did: step.did,
                };
                let other = if undo {
                    &mut self.history.redo
                } else {
                    &mut self.history.undo
                };
                push(other, back);
            }
            Err(error) => {
                self.warn(refusal(refused, &step.what, &error));
                // A record purged since can never come back: its step is dropped.
                if matches!(error, Error::NotFound { .. }) {
                    return;
                }
                // Nothing changed: the step stays where it was.
                let same = if undo {
                    &mut self.history.undo
                } else {
                    &mut self.history.redo
                };
                same.push(step);
            }
        }
    }
}

/// Why an undo or redo was refused, naming the record and, when another window changed
/// it, the field and both values.
fn refusal(refused: &str, what: &str, error: &Error) -> String {
    match error {
        Error::Conflict {
            field,
            theirs,
            yours,
            ..
        } => format!(
            "{refused}: {what} was changed in another window ({field} is now {theirs}; this window left it as {yours}). Nothing was changed"
        ),
        Error::Trashed { .. } => format!(
            "{refused}: {what} was moved to the trash in another window. Nothing was changed"
        ),
        Error::NotFound { .. } => {
            format!("{refused}: {what} was purged from the trash since; it cannot come back")
        }
        other => format!("{refused}: {other}"),
    }
}

/// Which record a command was about (the one it added, else the first it changed), and
/// what it did to it: "adding the observation of 23 Nov 10:42 (Students explained…)",
/// "moving the goal … to the trash", "the change to the teacher Smith, Dan".
fn describe_applied(applied: &Applied) -> (String, String) {
    let main = applied
        .changes
        .iter()
        .find(|change| change.before.is_none())
        .or(applied.changes.first());
    let Some(change) = main else {
        return ("the change".to_string(), "the change".to_string());
    };
    let trashed =
        |record: Option<&AnyRecord>| record.is_some_and(|r| r.meta().deleted_at.is_some());
    let record = change.after.as_ref().or(change.before.as_ref());
    let what = record.map_or_else(|| "a record".to_string(), describe_record);
    let did = match (change.before.as_ref(), change.after.as_ref()) {
        (None, _) => format!("adding {what}"),
        (before, after) if !trashed(before) && trashed(after) => {
            format!("moving {what} to the trash")
        }
        (before, after) if trashed(before) && !trashed(after) => format!("bringing back {what}"),
        _ => format!("the change to {what}"),
    };
    (what, did)
}

/// A few words naming a record, for questions and messages: "the observation of 23 Nov
/// 10:42", "the goal Students on task…".
pub(in crate::app) fn describe_record(record: &AnyRecord) -> String {
    let short = |s: &str| text::truncate(&text::line(s), 40).into_owned();
    let what = match record {
        AnyRecord::Goal(g) => short(&g.statement),
        AnyRecord::Measure(m) => format!(
            "{} on {}",
            text::number(m.value),
            m.measured_on.format("%-d %b")
        ),
        AnyRecord::Focus(f) => short(&f.statement),
        AnyRecord::Observation(o) => with_words(
            format!("of {}", o.observed_at.format("%-d %b %H:%M")),
            &o.evidence,
        ),
        AnyRecord::CheckIn(c) => with_words(format!("of {}", c.held_on.format("%-d %b")), &c.notes),
        AnyRecord::Action(a) => short(&a.what),
        AnyRecord::Support(s) => with_words(
            format!("({}) of {}", s.kind.label(), s.given_on.format("%-d %b")),
            &s.note,
        ),
        AnyRecord::Teacher(t) => short(&t.name),
        AnyRecord::Walkthrough(w) => short(&w.practice),
        AnyRecord::School(s) => short(&s.name),
        AnyRecord::ReadinessReview(r) => format!("of {}", r.reviewed_on.format("%-d %b %Y")),
    };
    format!("the {} {what}", record.kind())
}

/// "of 23 Nov 10:42 (Students explained the…)": a time alone does not tell two records of
/// one minute apart.
fn with_words(when: String, words: &str) -> String {
    let words = text::line(words);
    let words = words.trim();
    if words.is_empty() {
        when
    } else {
        format!("{when} ({})", text::truncate(words, 30))
    }
}
