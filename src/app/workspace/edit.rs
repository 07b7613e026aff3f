//! `e` in the workspace: the form that edits the selected record.

use crate::app::records::Purpose;
use crate::app::{App, records};
use crate::model::AnyRecord;
use crate::model::Kind;

impl App {
    pub(in crate::app) fn edit_selected(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let file = &workspace.file;
        let teacher_id = file.teacher.meta.id.clone();
        let Some((kind, id)) = workspace.selected_record().or_else(|| {
            // On the Overview, e edits the active focus (or the teacher when there is none).
            file.active_focus()
                .map(|f| (Kind::Focus, f.meta.id.clone()))
        }) else {
            self.edit_teacher();
            return;
        };
        let Some(record) = file.record(kind, &id) else {
            return;
        };
        let now = self.now;
        let (form, purpose) = match record {
            AnyRecord::Goal(goal) => (
                records::goal_form(Some(&goal)),
                Purpose::Goal {
                    teacher_id,
                    existing: Some(goal),
                },
            ),
            AnyRecord::Measure(measure) => {
                let Some(goal) = file
                    .goals
                    .iter()
                    .find(|g| g.meta.id == measure.goal_id)
                    .cloned()
                else {
                    return;
                };
                (
                    records::measure_form(&goal, Some(&measure)),
                    Purpose::Measure {
                        goal,
                        existing: Some(measure),
                    },
                )
            }
            AnyRecord::Focus(focus) => {
                let (form, goal_ids) = records::focus_form(file, Some(&focus));
                (
                    form,
                    Purpose::Focus {
                        teacher_id,
                        goal_ids,
                        existing: Some(focus),
                        replacing: None,
                    },
                )
            }
            AnyRecord::Observation(observation) => {
                let focus = observation
                    .focus_id
                    .as_ref()
                    .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id))
                    .cloned();
                let form = records::observation_form(
                    &file.teacher,
                    focus.as_ref(),
                    Some(&observation),
                    now,
                );
                (
                    form,
                    Purpose::Observation {
                        teacher_id,
                        focus,
                        existing: Some(observation),
                    },
                )
            }
            AnyRecord::CheckIn(check_in) => (
                records::check_in_form(&file.teacher, Some(&check_in), now.date()),
                Purpose::CheckIn {
                    teacher_id,
                    existing: Some(check_in),
                },
            ),
            AnyRecord::Action(action) => (
                records::action_form(Some(&action)),
                Purpose::Action {
                    teacher_id,
                    existing: Some(action),
                },
            ),
            AnyRecord::Teacher(_) | AnyRecord::Walkthrough(_) => {
                self.edit_teacher();
                return;
            }
        };
        self.open_form(form, purpose);
    }
}
