//! `e` in the workspace: the form that edits the selected record.

use crate::app::App;
use crate::app::records::{
    ActionForm, CheckInForm, FocusForm, GoalForm, MeasureForm, ObservationForm, Purpose,
    SupportForm,
};
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
        let purpose = match record {
            AnyRecord::Goal(goal) => Purpose::Goal(GoalForm::new(&teacher_id, Some(&goal))),
            AnyRecord::Measure(measure) => {
                let Some(goal) = file.goals.iter().find(|g| g.meta.id == measure.goal_id) else {
                    return;
                };
                Purpose::Measure(MeasureForm::new(goal, Some(&measure)))
            }
            AnyRecord::Focus(focus) => Purpose::Focus(FocusForm::new(file, Some(&focus))),
            AnyRecord::Observation(observation) => {
                let focus = observation
                    .focus_id
                    .as_ref()
                    .and_then(|id| file.focuses.iter().find(|f| &f.meta.id == id));
                let form = ObservationForm::new(&file.teacher, focus, Some(&observation), now);
                Purpose::Observation(form)
            }
            AnyRecord::CheckIn(check_in) => {
                Purpose::CheckIn(CheckInForm::new(&file.teacher, Some(&check_in)))
            }
            AnyRecord::Action(action) => {
                Purpose::Action(ActionForm::new(&teacher_id, Some(&action)))
            }
            AnyRecord::Support(support) => Purpose::Support(SupportForm::new(
                &teacher_id,
                support.focus_id.as_deref(),
                &self.given_by(),
                Some(&support),
            )),
            AnyRecord::Teacher(_)
            | AnyRecord::Walkthrough(_)
            | AnyRecord::School(_)
            | AnyRecord::ReadinessReview(_) => {
                self.edit_teacher();
                return;
            }
        };
        self.open_form(purpose);
    }
}
