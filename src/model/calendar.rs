//! What goes into the coach's calendar: each teacher's next check-in and each open action
//! with a due date, one all-day entry apiece, on its day, or on today when it is already
//! late (a calendar shows nothing for what is past, and it is still to be done).

use super::{OpenAction, RosterRow};
use chrono::NaiveDate;

/// One all-day entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stays the same from one export to the next, so that importing a newer file moves
    /// the entry rather than adding it twice.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

fn day(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// The entries, by day and then by summary. Archived teachers have no check-ins due.
pub fn entries(rows: &[RosterRow], actions: &[OpenAction], today: NaiveDate) -> Vec<Entry> {
    let on = |due: NaiveDate| due.max(today);
    let late = |due: NaiveDate| {
        if due < today {
            format!(" (due {})", day(due))
        } else {
            String::new()
        }
    };
    let mut entries: Vec<Entry> = rows
        .iter()
        .filter(|row| !row.teacher.archived)
        .filter_map(|row| {
            let due = row.next_check_in?;
            let focus = row
                .focus
                .as_deref()
                .map(|focus| format!("Focus: {focus}\n"))
                .unwrap_or_default();
            Some(Entry {
                uid: format!("check-in-{}@coachlog", row.teacher.meta.id),
                date: on(due),
                summary: format!("Check-in: {}{}", row.teacher.name, late(due)),
                description: format!(
                    "{focus}Every {} days; due {}.",
                    row.teacher.cadence_days,
                    day(due)
                ),
            })
        })
        .collect();
    entries.extend(actions.iter().filter_map(|action| {
        let due = action.due_on?;
        let teacher = &action.teacher_name;
        Some(Entry {
            uid: format!("action-{}@coachlog", action.id),
            date: on(due),
            summary: format!("{teacher}: {}{}", action.what, late(due)),
            description: format!(
                "Action agreed with {teacher}, owned by {}; due {}.",
                action.owner,
                day(due)
            ),
        })
    }));
    entries.sort_by(|a, b| (a.date, &a.summary).cmp(&(b.date, &b.summary)));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, Teacher};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn row(id: &str, name: &str, next: Option<&str>, archived: bool) -> RosterRow {
        RosterRow {
            teacher: Teacher {
                meta: Meta {
                    id: id.into(),
                    ..Meta::default()
                },
                name: name.into(),
                cadence_days: 14,
                archived,
                ..Teacher::default()
            },
            focus: Some("Warm-up posted".into()),
            last_observed: None,
            next_check_in: next.map(date),
            recent_ratings: Vec::new(),
        }
    }

    fn action(id: &str, what: &str, due: Option<&str>) -> OpenAction {
        OpenAction {
            id: id.into(),
            teacher_name: "Smith, Dan".into(),
            what: what.into(),
            owner: "teacher".into(),
            due_on: due.map(date),
            ..OpenAction::default()
        }
    }

    #[test]
    fn due_check_ins_and_open_actions_with_a_date_each_make_one_entry_in_day_order() {
        let today = date("2026-11-23");
        let rows = [
            row("T1", "Smith, Dan", Some("2026-11-30"), false),
            row("T2", "Lee, Min", Some("2026-11-16"), false),
            row("T3", "Park, Eve", None, false),
            row("T4", "Gone, Al", Some("2026-11-25"), true),
        ];
        let actions = [
            action("A1", "Post the warm-up", Some("2026-11-26")),
            action("A3", "Read the article", None),
            action("A4", "Try think-pair-share", Some("2026-11-19")),
        ];
        let entries = entries(&rows, &actions, today);
        let listed: Vec<(String, &str, &str)> = entries
            .iter()
            .map(|e| (e.date.to_string(), e.summary.as_str(), e.uid.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "2026-11-23".into(),
                    "Check-in: Lee, Min (due 16 Nov 2026)",
                    "check-in-T2@coachlog"
                ),
                (
                    "2026-11-23".into(),
                    "Smith, Dan: Try think-pair-share (due 19 Nov 2026)",
                    "action-A4@coachlog"
                ),
                (
                    "2026-11-26".into(),
                    "Smith, Dan: Post the warm-up",
                    "action-A1@coachlog"
                ),
                (
                    "2026-11-30".into(),
                    "Check-in: Smith, Dan",
                    "check-in-T1@coachlog"
                ),
            ]
        );
        assert_eq!(
            entries[3].description,
            "Focus: Warm-up posted\nEvery 14 days; due 30 Nov 2026."
        );
        assert_eq!(
            entries[2].description,
            "Action agreed with Smith, Dan, owned by teacher; due 26 Nov 2026."
        );
    }
}
