//! Windows over the screen: forms, yes/no questions, help, the brief and search. The
//! last one has the keyboard; Esc and "no" close it, asking first before typed text is lost.

use crate::app::draft::OpenForms;
use crate::app::{App, Screen, brief, search};
use crate::app::{
    capture::{Capture, Visit},
    check_in::Review,
    form::Form,
    keymap::{self, Context, Msg},
    list::PAGE,
    records::Purpose,
};
use crate::db::Command;

/// A form on screen: what it is for, with its fields.
#[derive(Debug, Clone)]
pub struct FormPopup {
    pub purpose: Purpose,
    /// The brief of a check-in form.
    pub review: Option<Review>,
}

impl FormPopup {
    pub fn form(&self) -> &Form {
        self.purpose.form()
    }

    pub fn form_mut(&mut self) -> &mut Form {
        self.purpose.form_mut()
    }

    /// Whether closing it would lose something: typed text, or in a check-in a mark, a
    /// new action or a measurement.
    pub fn is_dirty(&self) -> bool {
        self.form().is_dirty() || self.review.as_ref().is_some_and(Review::is_dirty)
    }
}

/// What a "yes" does.
#[derive(Debug, Clone)]
pub enum OnYes {
    /// Apply a command and say `done` in the status line.
    Apply(Box<Command>, String),
    /// Close the top form, losing what was typed.
    DiscardForm,
    Quit,
    /// Go back into an unfinished visit.
    ResumeVisit(Box<Visit>),
    /// Open again the forms of a draft (by its id).
    ResumeForms(String, Box<OpenForms>),
}

/// A yes/no question.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: String,
    pub on_yes: OnYes,
}

impl Confirm {
    /// Whether the question offers back work an earlier run left unfinished.
    pub fn offers_work_back(&self) -> bool {
        matches!(self.on_yes, OnYes::ResumeVisit(_) | OnYes::ResumeForms(..))
    }
}

/// A window over the screen; the last one has the keyboard.
#[derive(Debug, Clone)]
pub enum Popup {
    Form(Box<FormPopup>),
    Confirm(Confirm),
    Help {
        scroll: u16,
    },
    /// The conference brief of the teacher in the workspace.
    Brief(Box<brief::Brief>),
    Search(Box<search::Search>),
}

impl App {
    /// Opens the help scrolled to the section of the screen it was called from.
    pub(in crate::app) fn open_help(&mut self) {
        let here = self.contexts().first().copied().unwrap_or(Context::Global);
        let line = keymap::help_line(here);
        self.popups.push(Popup::Help {
            scroll: u16::try_from(line).unwrap_or(0),
        });
    }

    /// Scrolls the help; it goes no further than the last section at the top, so every
    /// key moves what is shown.
    pub(in crate::app) fn scroll_help(&mut self, msg: Msg) {
        let last = u16::try_from(keymap::help_line(Context::Global)).unwrap_or(u16::MAX);
        let page = PAGE as u16;
        if let Some(Popup::Help { scroll }) = self.popups.last_mut() {
            *scroll = match msg {
                Msg::Up => scroll.saturating_sub(1),
                Msg::Down => scroll.saturating_add(1),
                Msg::PageUp => scroll.saturating_sub(page),
                Msg::PageDown => scroll.saturating_add(page),
                Msg::Top => 0,
                Msg::Bottom => last,
                _ => *scroll,
            }
            .min(last);
        }
    }

    pub(in crate::app) fn ask_quit(&mut self) {
        // Asked again while asked whether to quit: yes.
        if matches!(
            self.popups.last(),
            Some(Popup::Confirm(Confirm {
                on_yes: OnYes::Quit,
                ..
            }))
        ) {
            self.quit = true;
            return;
        }
        // A visit in progress is kept as a draft and offered back on the next start; when
        // its draft cannot be written, quitting would lose it, so that is asked first.
        self.save_visit_draft();
        let question = if self.capture().is_some_and(|c| c.unsaved) {
            Some("The visit could not be kept as a draft: quit and lose it?")
        } else if self
            .popups
            .iter()
            .any(|p| matches!(p, Popup::Form(f) if f.is_dirty()))
        {
            Some("Quit and lose what you typed in the open form?")
        } else {
            None
        };
        match question {
            Some(question) => self.popups.push(Popup::Confirm(Confirm {
                question: question.into(),
                on_yes: OnYes::Quit,
            })),
            None => self.quit = true,
        }
    }

    pub(in crate::app) fn answer(&mut self, yes: bool) {
        let Some(Popup::Confirm(confirm)) = self.popups.pop() else {
            return;
        };
        if !yes {
            return;
        }
        match confirm.on_yes {
            OnYes::Quit => {
                // What the open forms held is given up: their draft goes too.
                self.popups.retain(|popup| !matches!(popup, Popup::Form(_)));
                self.keep_form_draft(false);
                self.quit = true;
            }
            OnYes::ResumeForms(draft_id, forms) => {
                let later = self.put_off_other_drafts();
                self.hold_draft(&draft_id);
                self.resume_forms(draft_id, &forms);
                self.say_put_off(later);
            }
            OnYes::DiscardForm => {
                self.popups.pop();
            }
            OnYes::Apply(command, done) => match self.apply(*command) {
                Ok(_) => self.say(done),
                Err(error) => self.warn(error),
            },
            OnYes::ResumeVisit(visit) => {
                let later = self.put_off_other_drafts();
                self.hold_draft(&visit.draft_id);
                let mut capture = Capture::new(*visit, false);
                capture.unsaved = false;
                capture.saved_at = Some(self.now);
                self.screen = Screen::Capture(Box::new(capture));
                self.say_put_off(later);
            }
        }
    }

    /// One unfinished draft is taken up at a time: the questions about the others go, so
    /// that what is typed next goes into the draft taken up, not into a question over it.
    /// They are kept and offered again at the next start.
    fn put_off_other_drafts(&mut self) -> usize {
        let before = self.popups.len();
        self.popups.retain(|popup| {
            !matches!(
                popup,
                Popup::Confirm(Confirm {
                    on_yes: OnYes::ResumeVisit(_) | OnYes::ResumeForms(..),
                    ..
                })
            )
        });
        before - self.popups.len()
    }

    fn say_put_off(&mut self, later: usize) {
        match later {
            0 => {}
            1 => self.say("One more unfinished draft is kept; it is offered at the next start"),
            n => self.say(format!(
                "{n} more unfinished drafts are kept; they are offered at the next start"
            )),
        }
    }

    pub(in crate::app) fn cancel(&mut self) {
        match self.popups.last() {
            Some(Popup::Form(popup)) if popup.is_dirty() => {
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
}
