//! The roster: every teacher with what needs attention, filtered as you type.

use crate::model::RosterRow;

#[derive(Debug, Clone, Default)]
pub struct Roster {
    rows: Vec<RosterRow>,
    /// Indexes into `rows` that match the filter.
    visible: Vec<usize>,
    pub filter: String,
    pub filtering: bool,
    pub show_archived: bool,
    selected: usize,
}

impl Roster {
    pub fn new(rows: Vec<RosterRow>) -> Roster {
        let mut roster = Roster::default();
        roster.set_rows(rows);
        roster
    }

    /// Replaces the rows, keeping the same teacher selected when still there.
    pub fn set_rows(&mut self, rows: Vec<RosterRow>) {
        let keep = self.selected_row().map(|r| r.teacher.meta.id.clone());
        self.rows = rows;
        self.refilter();
        if let Some(id) = keep {
            self.select_id(&id);
        }
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

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_row(&self) -> Option<&RosterRow> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }

    pub fn select_id(&mut self, id: &str) {
        if let Some(position) = self
            .visible
            .iter()
            .position(|&i| self.rows.get(i).is_some_and(|r| r.teacher.meta.id == id))
        {
            self.selected = position;
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
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
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }
}

use crate::app::records::{ObservationForm, Purpose, TeacherForm};
use crate::app::{Confirm, OnYes, Popup, Screen, keymap::Msg};
use crate::db::Command;
use crate::model::AnyRecord;
use crate::text;

impl super::App {
    pub(in crate::app) fn update_roster(&mut self, msg: Msg) {
        match msg {
            Msg::Up => self.roster.move_by(-1),
            Msg::Down => self.roster.move_by(1),
            Msg::PageUp => self.roster.move_by(-10),
            Msg::PageDown => self.roster.move_by(10),
            Msg::Top => self.roster.move_by(isize::MIN / 2),
            Msg::Bottom => self.roster.move_by(isize::MAX / 2),
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
            Msg::AddTeacher => self.open_form(Purpose::Teacher(TeacherForm::new(None))),
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
            _ => {}
        }
    }

    pub(in crate::app) fn edit_teacher(&mut self) {
        let teacher = match &self.screen {
            Screen::Workspace(w) => Some(w.file.teacher.clone()),
            Screen::Roster => self.roster.selected_row().map(|r| r.teacher.clone()),
            Screen::Capture(_) | Screen::Rounds(_) | Screen::Agenda(_) => None,
        };
        if let Some(teacher) = teacher {
            self.open_form(Purpose::Teacher(TeacherForm::new(Some(&teacher))));
        }
    }

    pub(in crate::app) fn ask_archive(&mut self) {
        let Some(row) = self.roster.selected_row() else {
            return;
        };
        let mut teacher = row.teacher.clone();
        let name = text::line(&teacher.name).into_owned();
        let (question, done) = if teacher.archived {
            (
                format!("Bring {name} back to the roster?"),
                format!("{name} is back on the roster"),
            )
        } else {
            (
                format!("Archive {name}? Their record is kept; A shows archived teachers."),
                format!("Archived {name}"),
            )
        };
        teacher.archived = !teacher.archived;
        self.popups.push(Popup::Confirm(Confirm {
            question,
            on_yes: OnYes::Apply(Box::new(Command::Edit(AnyRecord::Teacher(teacher))), done),
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
