//! The roster: every teacher with what needs attention, filtered as you type.

use crate::app::list::{List, PAGE};
use crate::model::RosterRow;

#[derive(Debug, Clone, Default)]
pub struct Roster {
    rows: Vec<RosterRow>,
    /// Indexes into `rows` that match the filter.
    visible: Vec<usize>,
    pub filter: String,
    pub filtering: bool,
    pub show_archived: bool,
    /// The teachers shown, by id: the selection follows the teacher, not the row.
    list: List<String>,
}

impl Roster {
    pub fn new(rows: Vec<RosterRow>) -> Roster {
        let mut roster = Roster::default();
        roster.set_rows(rows);
        roster
    }

    /// Replaces the rows, keeping the same teacher selected when still there.
    pub fn set_rows(&mut self, rows: Vec<RosterRow>) {
        self.rows = rows;
        self.refilter();
    }

    /// Every row, whatever the filter.
    pub fn all(&self) -> &[RosterRow] {
        &self.rows
    }

    /// All rows, filtered or not.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    pub fn visible(&self) -> impl Iterator<Item = &RosterRow> {
        self.visible.iter().filter_map(|&i| self.rows.get(i))
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The selection and scroll of the visible rows.
    pub fn list(&self) -> &List<String> {
        &self.list
    }

    pub fn selected(&self) -> usize {
        self.list.index()
    }

    pub fn selected_row(&self) -> Option<&RosterRow> {
        self.list
            .selected()
            .and_then(|n| self.visible.get(n))
            .and_then(|&i| self.rows.get(i))
    }

    pub fn select_id(&mut self, id: &str) {
        self.list.select_id(&id.to_owned());
    }

    pub fn type_text(&mut self, text: &str) {
        self.filter.push_str(text);
        self.refilter();
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.refilter();
    }

    pub fn clear_filter(&mut self) {
        self.filter.clear();
        self.filtering = false;
        self.refilter();
    }

    /// A teacher matches when every word typed appears in their name, school, subject or focus.
    fn refilter(&mut self) {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                let haystack = format!(
                    "{} {} {} {}",
                    row.teacher.name,
                    row.teacher.school,
                    row.teacher.subject,
                    row.focus.as_deref().unwrap_or("")
                )
                .to_lowercase();
                words.iter().all(|word| haystack.contains(word))
            })
            .map(|(i, _)| i)
            .collect();
        let ids = self
            .visible
            .iter()
            .filter_map(|&i| self.rows.get(i))
            .map(|row| row.teacher.meta.id.clone())
            .collect();
        self.list.set_items(ids);
    }
}

use crate::app::keymap::{self, Context, Msg};
use crate::app::records::{ObservationForm, Purpose, TeacherForm};
use crate::app::{Confirm, OnYes, Popup, Screen};
use crate::db::Command;
use crate::text;

impl super::App {
    pub(in crate::app) fn update_roster(&mut self, msg: Msg) {
        let needs_teacher = matches!(
            msg,
            Msg::Open | Msg::EditTeacher | Msg::ArchiveTeacher | Msg::Observe | Msg::Capture
        );
        if needs_teacher && self.selected_teacher_id().is_none() {
            // A key that acts on the selected teacher says why it does nothing.
            let add = keymap::key_for(Context::Roster, Msg::AddTeacher);
            self.say(if self.roster.filter.is_empty() {
                format!("No teacher yet: press {add} to add one")
            } else {
                "No teacher matches the filter: Esc clears it".to_string()
            });
            return;
        }
        match msg {
            Msg::Up => self.roster.list.move_by(-1),
            Msg::Down => self.roster.list.move_by(1),
            Msg::PageUp => self.roster.list.page_up(PAGE),
            Msg::PageDown => self.roster.list.page_down(PAGE),
            Msg::Top => self.roster.list.home(),
            Msg::Bottom => self.roster.list.end(),
            Msg::Filter => self.roster.filtering = true,
            Msg::ClearFilter => self.roster.clear_filter(),
            Msg::Open => {
                self.roster.filtering = false;
                if let Some(id) = self.selected_teacher_id()
                    && let Some(workspace) = self.open_teacher(&id)
                {
                    self.screen = Screen::Workspace(workspace);
                }
            }
            Msg::AddTeacher => {
                let form = TeacherForm::with_rhythm(None, self.config.check_in_days);
                self.open_form(Purpose::Teacher(form));
            }
            Msg::EditTeacher => self.edit_teacher(),
            Msg::ToggleArchived => {
                self.roster.show_archived = !self.roster.show_archived;
                self.reload();
                self.say(if self.roster.show_archived {
                    "Showing archived teachers too"
                } else {
                    "Showing active teachers"
                });
            }
            Msg::ArchiveTeacher => self.ask_archive(),
            Msg::Observe => self.start_observation(),
            Msg::Capture => self.start_capture(),
            Msg::Rounds => self.show_rounds(),
            Msg::Agenda => self.show_agenda(),
            Msg::Trash => self.show_trash(),
            _ => {}
        }
    }

    pub(in crate::app) fn edit_teacher(&mut self) {
        let teacher = match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.clone()),
            Screen::Roster => self.roster.selected_row().map(|r| r.teacher.clone()),
            Screen::Capture(_) | Screen::Rounds(_) | Screen::Agenda(_) | Screen::Trash(_) => None,
        };
        if let Some(teacher) = teacher {
            self.open_form(Purpose::Teacher(TeacherForm::new(Some(&teacher))));
        }
    }

    pub(in crate::app) fn ask_archive(&mut self) {
        let Some(row) = self.roster.selected_row() else {
            return;
        };
        let opened = row.teacher.clone();
        let mut teacher = opened.clone();
        let name = text::line(&teacher.name).into_owned();
        let (question, done) = if teacher.archived {
            (
                format!("Bring {name} back to the roster?"),
                format!("{name} is back on the roster"),
            )
        } else {
            (
                format!(
                    "Archive {name}? Their record is kept; {} shows archived teachers.",
                    keymap::key_for(Context::Roster, Msg::ToggleArchived)
                ),
                format!("Archived {name}"),
            )
        };
        teacher.archived = !teacher.archived;
        self.popups.push(Popup::Confirm(Confirm {
            question,
            on_yes: OnYes::Apply(Box::new(Command::revise(opened, teacher)), done),
        }));
    }

    /// Opens the observation form for the selected teacher, prefilled with the active focus.
    pub(in crate::app) fn start_observation(&mut self) {
        let Some(id) = self.selected_teacher_id() else {
            return;
        };
        let file = match &self.screen {
            Screen::Workspace(w) => Some(w.file.clone()),
            _ => self.store.teacher_file(&id).ok().flatten(),
        };
        let Some(file) = file else { return };
        let form = ObservationForm::new(&file.teacher, file.active_focus(), None, self.now);
        self.open_form(Purpose::Observation(form));
    }
}
