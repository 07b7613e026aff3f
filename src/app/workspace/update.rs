//! The workspace's keys: tabs, lists, and the forms each tab opens.

use crate::app::keymap::{self, Context, Msg};
use crate::app::list::PAGE;
use crate::app::records::{
    ActionForm, EndFocusForm, FocusForm, GoalForm, Purpose, SupportForm, TimelineDatesForm,
};
use crate::app::undo::describe_record;
use crate::app::workspace::Tab;
use crate::app::{App, Confirm, OnYes, Popup};
use crate::db::Command;
use crate::model::{Action, Kind};
use crate::text;

impl App {
    pub(in crate::app) fn update_workspace(&mut self, msg: Msg) {
        let Some(workspace) = self.workspace_mut() else {
            return;
        };
        match msg {
            Msg::Back => self.leave_workspace(),
            Msg::Up => workspace.list_mut().move_by(-1),
            Msg::PageUp => workspace.list_mut().page_up(PAGE),
            Msg::Top => workspace.list_mut().home(),
            Msg::NextTab => workspace.tab = Tab::ALL[(workspace.tab.index() + 1) % Tab::ALL.len()],
            Msg::PrevTab => {
                workspace.tab =
                    Tab::ALL[(workspace.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()];
            }
            Msg::Tab(n) => workspace.tab = Tab::ALL[usize::from(n).min(Tab::ALL.len() - 1)],
            Msg::Observe => self.start_observation(),
            Msg::Capture => self.start_capture(),
            Msg::CheckIn => self.start_check_in(),
            Msg::NewFocus => self.new_focus(),
            Msg::EndFocus => self.end_focus(),
            Msg::EditTeacher => self.edit_teacher(),
            Msg::Add => self.add_on_tab(),
            Msg::Edit => self.edit_selected(),
            Msg::Delete => self.ask_delete(),
            Msg::ToggleDone => self.toggle_action_done(),
            Msg::AddMeasure => self.add_measure(),
            Msg::AddSupport => self.add_support(),
            Msg::Brief => self.show_brief(),
            Msg::Feedback => self.start_feedback(),
            Msg::DetailDown | Msg::DetailUp => {
                // The pane as the screen lays it out now (status and footer lines aside).
                let (width, height) = (self.size.0, self.size.1.saturating_sub(2));
                let today = self.now.date();
                let Some(workspace) = self.workspace_mut() else {
                    return;
                };
                let end = crate::ui::detail_end(workspace, today, width, height);
                workspace.scroll_detail(if msg == Msg::DetailDown { 1 } else { -1 }, end);
            }
            Msg::Down | Msg::PageDown | Msg::Bottom => {
                let list = workspace.list_mut();
                match msg {
                    Msg::Down => list.move_by(1),
                    Msg::PageDown => list.page_down(PAGE),
                    _ => list.end(),
                }
                self.load_older_if_near_end();
            }
            Msg::TimelineShow => {
                workspace.tab = Tab::Timeline;
                workspace.filter.show = workspace.filter.show.next();
                workspace.select(0);
            }
            Msg::TimelineDates => {
                workspace.tab = Tab::Timeline;
                let form = TimelineDatesForm::new(workspace.filter.from, workspace.filter.to);
                self.open_form(Purpose::TimelineDates(form));
            }
            _ => {}
        }
    }

    /// Loads the next page of older observations when the list is scrolled near its end.
    pub(in crate::app) fn load_older_if_near_end(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        if !workspace.wants_older() {
            return;
        }
        let Some(oldest) = workspace.file.observations.last().cloned() else {
            return;
        };
        match self.store.older_observations(&oldest) {
            Ok((page, complete)) => {
                if let Some(workspace) = self.workspace_mut() {
                    workspace.file.observations.extend(page);
                    workspace.file.all_observations = complete;
                    workspace.sync();
                }
            }
            Err(error) => self.warn(format!("cannot read older observations: {error}")),
        }
    }

    pub(in crate::app) fn new_focus(&mut self) {
        let Some(file) = self.file() else { return };
        let form = FocusForm::new(file, None);
        self.open_form(Purpose::Focus(form));
    }

    pub(in crate::app) fn end_focus(&mut self) {
        let Some(file) = self.file() else { return };
        match file.active_focus() {
            Some(focus) => {
                let form = EndFocusForm::new(&file.teacher.meta.id, focus);
                self.open_form(Purpose::EndFocus(form));
            }
            None => self.warn(format!(
                "There is no active focus to end; {} sets one",
                keymap::key_for(Context::Workspace, Msg::NewFocus)
            )),
        }
    }

    pub(in crate::app) fn add_on_tab(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let teacher_id = workspace.file.teacher.meta.id.clone();
        match workspace.tab {
            Tab::Goals => self.open_form(Purpose::Goal(GoalForm::new(&teacher_id, None))),
            Tab::Observations | Tab::Timeline => self.start_observation(),
            Tab::CheckIns => self.start_check_in(),
            Tab::Overview | Tab::Actions => {
                self.open_form(Purpose::Action(ActionForm::new(&teacher_id, None)))
            }
        }
    }

    /// The form for support given to the teacher, under the active focus.
    pub(in crate::app) fn add_support(&mut self) {
        let Some(file) = self.file() else { return };
        let form = SupportForm::new(
            &file.teacher.meta.id,
            file.teacher.active_focus_id.as_deref(),
            &self.given_by(),
            None,
        );
        self.open_form(Purpose::Support(form));
    }

    /// Who gives a support unless the form says otherwise: the author the settings name,
    /// else "coach".
    pub(in crate::app) fn given_by(&self) -> String {
        self.config
            .author
            .clone()
            .unwrap_or_else(|| "coach".to_owned())
    }

    pub(in crate::app) fn add_measure(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let goal = match workspace.tab {
            Tab::Goals => workspace.file.goals.get(workspace.selected()).cloned(),
            _ => workspace.file.goals.first().cloned(),
        };
        let missing = format!(
            "Add a goal first (Goals tab, {})",
            keymap::key_for(Context::Workspace, Msg::Add)
        );
        self.open_measure_form(goal, &missing);
    }

    pub(in crate::app) fn ask_delete(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let Some((kind, id)) = workspace.selected_record() else {
            self.warn("Select a record on a list tab to delete it");
            return;
        };
        let what = describe(&workspace.file, kind, &id);
        self.popups.push(Popup::Confirm(Confirm {
            question: format!("Move {what} to the trash?"),
            on_yes: OnYes::Apply(
                Box::new(Command::Delete { kind, id }),
                format!("Moved to the trash: {what}"),
            ),
        }));
    }

    pub(in crate::app) fn toggle_action_done(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let action: Option<&Action> = match workspace.tab {
            Tab::Actions => workspace.file.actions.get(workspace.selected()),
            _ => None,
        };
        let Some(action) = action else {
            self.warn(format!(
                "{} marks an action done on the Actions tab",
                keymap::key_for(Context::Workspace, Msg::ToggleDone)
            ));
            return;
        };
        let done_on = match action.done_on {
            Some(_) => None,
            None => Some(self.now.date()),
        };
        // Only the done date is written, and only if no other window changed it meanwhile.
        let done = Action {
            done_on,
            ..action.clone()
        };
        let command = Command::revise(action.clone(), done);
        let what = text::line(&action.what).into_owned();
        match self.apply(command) {
            Ok(_) if done_on.is_some() => self.say(format!("Done: {what}")),
            Ok(_) => self.say(format!("Open again: {what}")),
            Err(error) => self.warn(error),
        }
    }
}

/// A few words naming a record, for questions and messages.
fn describe(file: &crate::model::TeacherFile, kind: Kind, id: &str) -> String {
    match file.record(kind, id) {
        Some(record) => describe_record(&record),
        None => format!("this {kind}"),
    }
}
