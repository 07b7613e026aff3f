//! Purging: the one way anything is ever destroyed. Only a record already in the trash can
//! be purged; it goes with everything that belongs to it, and records that merely point to
//! it (an observation's focus, an action's check-in) are kept and let go of it.

use super::super::record::{self, Record};
use super::super::{Error, Result};
use super::{Writer, load_any};
use crate::model::{Action, Focus, Kind, Observation, Support, Teacher, with_any};

/// Rows of `R` matching `filter`, in the trash or not.
fn every<R: Record>(
    writer: &Writer<'_>,
    filter: &'static str,
    id: &str,
) -> rusqlite::Result<Vec<R>> {
    let sql = format!("{} WHERE {filter}", record::select::<R>());
    let mut statement = writer.conn.prepare(&sql)?;
    let rows = statement.query_map([id], R::from_row)?;
    rows.collect()
}

/// What belongs to a teacher, deleted with them (children before parents).
const TEACHER_ROWS: [&str; 9] = [
    "DELETE FROM measure WHERE goal_id IN (SELECT id FROM goal WHERE teacher_id = ?1)",
    "UPDATE teacher SET active_focus_id = NULL WHERE id = ?1",
    "DELETE FROM action WHERE teacher_id = ?1",
    "DELETE FROM support WHERE teacher_id = ?1",
    "DELETE FROM observation WHERE teacher_id = ?1",
    "DELETE FROM check_in WHERE teacher_id = ?1",
    "DELETE FROM focus WHERE teacher_id = ?1",
    "DELETE FROM goal WHERE teacher_id = ?1",
    "DELETE FROM local_draft WHERE teacher_id = ?1",
];

impl Writer<'_> {
    pub(super) fn purge(&mut self, kind: Kind, id: &str) -> Result<()> {
        let any = load_any(self.conn, kind, id)?;
        if any.meta().deleted_at.is_none() {
            return Err(Error::Invalid(format!(
                "the {kind} is not in the trash: only what is in the trash can be purged"
            )));
        }
        match kind {
            Kind::Teacher => {
                for sql in TEACHER_ROWS {
                    self.conn.execute(sql, [id])?;
                }
            }
            Kind::Goal => {
                self.conn
                    .execute("DELETE FROM measure WHERE goal_id = ?1", [id])?;
                for mut focus in every::<Focus>(self, "goal_id = ?1", id)? {
                    focus.goal_id = None;
                    self.edit(focus)?;
                }
            }
            Kind::Focus => {
                for mut observation in every::<Observation>(self, "focus_id = ?1", id)? {
                    observation.focus_id = None;
                    self.edit(observation)?;
                }
                for mut support in every::<Support>(self, "focus_id = ?1", id)? {
                    support.focus_id = None;
                    self.edit(support)?;
                }
                for mut teacher in every::<Teacher>(self, "active_focus_id = ?1", id)? {
                    teacher.active_focus_id = None;
                    self.edit(teacher)?;
                }
            }
            Kind::CheckIn => {
                for mut action in every::<Action>(self, "check_in_id = ?1", id)? {
                    action.check_in_id = None;
                    self.edit(action)?;
                }
            }
            Kind::Walkthrough => {
                for mut observation in every::<Observation>(self, "walkthrough_id = ?1", id)? {
                    observation.walkthrough_id = None;
                    self.edit(observation)?;
                }
            }
            // A school's readiness reviews belong to it, and go with it.
            Kind::School => {
                self.conn
                    .execute("DELETE FROM readiness_review WHERE school_id = ?1", [id])?;
            }
            Kind::Measure
            | Kind::Observation
            | Kind::Action
            | Kind::Support
            | Kind::ReadinessReview => {}
        }
        let sql = match kind {
            Kind::Teacher => "DELETE FROM teacher WHERE id = ?1",
            Kind::Goal => "DELETE FROM goal WHERE id = ?1",
            Kind::Measure => "DELETE FROM measure WHERE id = ?1",
            Kind::Focus => "DELETE FROM focus WHERE id = ?1",
            Kind::Observation => "DELETE FROM observation WHERE id = ?1",
            Kind::CheckIn => "DELETE FROM check_in WHERE id = ?1",
            Kind::Action => "DELETE FROM action WHERE id = ?1",
            Kind::Support => "DELETE FROM support WHERE id = ?1",
            Kind::Walkthrough => "DELETE FROM walkthrough WHERE id = ?1",
            // People name their school; they keep the name when its record goes.
            Kind::School => "DELETE FROM school WHERE id = ?1",
            Kind::ReadinessReview => "DELETE FROM readiness_review WHERE id = ?1",
        };
        self.conn.execute(sql, [id])?;
        with_any!(any, record => self.log(Some(record), None));
        Ok(())
    }
}
