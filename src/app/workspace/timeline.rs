//! The timeline: every record of a teacher and the focus and goal changes, one line each,
//! newest first, and what its filter keeps.

use crate::model::{Kind, LocalTime, TeacherFile, local_day};
use chrono::NaiveDate;

/// One line of the timeline: any record, or a marker for a focus or goal change.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// When; a record of a day alone (a check-in, a measure, a marker) is at its noon.
    pub at: LocalTime,
    pub kind: Kind,
    pub id: String,
    /// A change of focus or goal, drawn as a marker.
    pub marker: bool,
    pub summary: String,
}

/// Everything of a teacher, newest first, with focus and goal changes as markers.
pub fn timeline(file: &TeacherFile) -> Vec<Entry> {
    let noon = |day: NaiveDate| {
        file.zone
            .at_wall(day.and_hms_opt(12, 0, 0).unwrap_or_default())
    };
    let mut entries = Vec::new();
    for focus in &file.focuses {
        entries.push(Entry {
            at: noon(focus.started_on),
            kind: Kind::Focus,
            id: focus.meta.id.clone(),
            marker: true,
            summary: format!("◆ focus set: {}", focus.statement),
        });
        if let (Some(ended), Some(outcome)) = (focus.ended_on, focus.outcome) {
            entries.push(Entry {
                at: noon(ended),
                kind: Kind::Focus,
                id: focus.meta.id.clone(),
                marker: true,
                summary: format!("◇ focus {outcome}: {}", focus.statement),
            });
        }
    }
    for goal in &file.goals {
        // The day the goal was set where the coach is, not the UTC day of its stamp.
        if let Some(day) = local_day(&goal.meta.created_at, file.zone) {
            entries.push(Entry {
                at: noon(day),
                kind: Kind::Goal,
                id: goal.meta.id.clone(),
                marker: true,
                summary: format!("◆ goal ({}): {}", goal.status, goal.statement),
            });
        }
    }
    for measure in &file.measures {
        let unit = file
            .goals
            .iter()
            .find(|g| g.meta.id == measure.goal_id)
            .map_or("", |g| g.unit.as_str());
        entries.push(Entry {
            at: noon(measure.measured_on),
            kind: Kind::Measure,
            id: measure.meta.id.clone(),
            marker: false,
            summary: format!("measured {} {}", measure.shown(unit), measure.note),
        });
    }
    for observation in &file.observations {
        let rating = observation
            .rating
            .map(|r| format!("rated {} · ", r.value()))
            .unwrap_or_default();
        let private = if observation.private {
            "private · "
        } else {
            ""
        };
        entries.push(Entry {
            at: observation.observed_at,
            kind: Kind::Observation,
            id: observation.meta.id.clone(),
            marker: false,
            summary: format!("{private}{rating}{}", first_line(&observation.evidence)),
        });
    }
    for check_in in &file.check_ins {
        entries.push(Entry {
            at: noon(check_in.held_on),
            kind: Kind::CheckIn,
            id: check_in.meta.id.clone(),
            marker: false,
            summary: format!(
                "{} check-in · {}",
                check_in.kind,
                first_line(&check_in.notes)
            ),
        });
    }
    let shared = file
        .observations
        .iter()
        .map(|o| {
            (
                Kind::Observation,
                &o.meta.id,
                o.feedback_shared_at,
                &o.feedback_next_step,
            )
        })
        .chain(file.check_ins.iter().map(|c| {
            (
                Kind::CheckIn,
                &c.meta.id,
                c.feedback_shared_at,
                &c.feedback_next_step,
            )
        }));
    for (kind, id, at, next_step) in shared {
        if let Some(at) = at {
            entries.push(Entry {
                at,
                kind,
                id: id.clone(),
                marker: false,
                summary: format!(
                    "Feedback shared {} · next step: {}",
                    at.format("%-d %b"),
                    first_line(next_step)
                ),
            });
        }
    }
    for support in &file.supports {
        let private = if support.private { "private · " } else { "" };
        entries.push(Entry {
            at: noon(support.given_on),
            kind: Kind::Support,
            id: support.meta.id.clone(),
            marker: false,
            summary: format!(
                "▲ {private}{} by {} · {}",
                support.kind.label(),
                support.given_by,
                first_line(&support.note)
            ),
        });
    }
    for action in &file.actions {
        if let Some(done) = action.done_on {
            entries.push(Entry {
                at: noon(done),
                kind: Kind::Action,
                id: action.meta.id.clone(),
                marker: false,
                summary: format!("✔ {} ({})", action.what, action.owner),
            });
        }
    }
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    // While older observations are not loaded yet, stop where they stop, so nothing older
    // shows out of order; scrolling down loads the next page.
    if !file.all_observations
        && let Some(oldest) = file.observations.last()
    {
        entries.retain(|entry| entry.at >= oldest.observed_at);
    }
    entries
}

/// The first line of a note.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// Which entries the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    Everything,
    Observations,
    CheckIns,
    Actions,
    Supports,
    Measures,
    /// Focus and goal changes only.
    Changes,
}

impl Show {
    const ORDER: [Show; 7] = [
        Show::Everything,
        Show::Observations,
        Show::CheckIns,
        Show::Actions,
        Show::Supports,
        Show::Measures,
        Show::Changes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Show::Everything => "everything",
            Show::Observations => "observations",
            Show::CheckIns => "check-ins",
            Show::Actions => "actions done",
            Show::Supports => "supports",
            Show::Measures => "measures",
            Show::Changes => "focus and goal changes",
        }
    }

    pub fn next(self) -> Show {
        let index = Show::ORDER.iter().position(|s| *s == self).unwrap_or(0);
        Show::ORDER[(index + 1) % Show::ORDER.len()]
    }

    fn keeps(self, entry: &Entry) -> bool {
        match self {
            Show::Everything => true,
            Show::Observations => entry.kind == Kind::Observation,
            Show::CheckIns => entry.kind == Kind::CheckIn,
            Show::Actions => entry.kind == Kind::Action,
            Show::Supports => entry.kind == Kind::Support,
            Show::Measures => entry.kind == Kind::Measure,
            Show::Changes => entry.marker,
        }
    }
}

/// The timeline's filter: a kind and a date range (either end open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineFilter {
    pub show: Show,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl TimelineFilter {
    pub fn is_set(&self) -> bool {
        *self != TimelineFilter::default()
    }

    /// "observations · 1 Oct 2026 – 23 Nov 2026"
    pub fn describe(&self) -> String {
        let range = match (self.from, self.to) {
            (None, None) => String::new(),
            (from, to) => format!(
                " · {} – {}",
                from.map_or("start".into(), |d| d.format("%-d %b %Y").to_string()),
                to.map_or("now".into(), |d| d.format("%-d %b %Y").to_string())
            ),
        };
        format!("{}{range}", self.show.label())
    }

    pub(super) fn keeps(&self, entry: &Entry) -> bool {
        let day = entry.at.date();
        self.show.keeps(entry)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
    }
}
