//! The rules on actions: where each stands (kept, late, open, overdue), the ledger that
//! counts them, and the order they are listed in.

use super::Action;
use chrono::NaiveDate;
use std::cmp::Ordering;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    /// Not done; `overdue_days` when its due date has passed.
    Open { overdue_days: Option<i64> },
    /// Done on or before its due date, or it had none.
    Kept,
    /// Done after its due date.
    Late { days: i64 },
}

impl Action {
    /// Where the action stands as of `today`: an open action is overdue from the day
    /// after its due date; a done one is late when done after it.
    pub fn state(&self, today: NaiveDate) -> ActionState {
        let days = crate::dates::days_between;
        match (self.done_on, self.due_on) {
            (Some(done), Some(due)) if done > due => ActionState::Late {
                days: days(due, done),
            },
            (Some(_), _) => ActionState::Kept,
            (None, Some(due)) if due < today => ActionState::Open {
                overdue_days: Some(days(due, today)),
            },
            (None, _) => ActionState::Open { overdue_days: None },
        }
    }
}

/// How a teacher's actions went: kept on time, done late, still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ledger {
    /// Done by the due date (or done, with no due date).
    pub on_time: usize,
    pub late: usize,
    pub open: usize,
    /// Open and past their due date.
    pub overdue: usize,
}

impl Ledger {
    /// The ledger of these actions as of `today`.
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a Action>, today: NaiveDate) -> Ledger {
        actions
            .into_iter()
            .map(|action| action.state(today))
            .collect()
    }
}

impl FromIterator<ActionState> for Ledger {
    fn from_iter<I: IntoIterator<Item = ActionState>>(states: I) -> Ledger {
        let mut ledger = Ledger::default();
        for state in states {
            match state {
                ActionState::Kept => ledger.on_time += 1,
                ActionState::Late { .. } => ledger.late += 1,
                ActionState::Open { overdue_days } => {
                    ledger.open += 1;
                    if overdue_days.is_some() {
                        ledger.overdue += 1;
                    }
                }
            }
        }
        ledger
    }
}

/// The order actions are listed in: open ones first by due date (undated last), then
/// done ones, the most recently done first. Ties are left to the caller: the store breaks
/// them by id, exports by the action's text and then its id.
pub fn action_order(a: &Action, b: &Action) -> Ordering {
    let open_first = |action: &Action| {
        (
            action.done_on.is_some(),
            action
                .done_on
                .is_none()
                .then_some(action.due_on.unwrap_or(NaiveDate::MAX)),
        )
    };
    open_first(a)
        .cmp(&open_first(b))
        .then_with(|| b.done_on.cmp(&a.done_on))
}

/// What the agenda orders an open action by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaPlace<'a> {
    /// "teacher", "coach", "principal" or a name; told apart whatever its case.
    pub owner: &'a str,
    pub due_on: Option<NaiveDate>,
    pub teacher_name: &'a str,
    pub what: &'a str,
    /// What breaks the ties left (two actions saying the same, for the same teacher and
    /// day): the order they were written in, say.
    pub tie: i64,
}

/// Puts open actions in the agenda's order: grouped by owner (whatever the case it was
/// typed in), the owner with the most pressing action first; within an owner, by due
/// date (undated last), then by teacher and by what the action says, so that the order
/// does not hang on record ids. In place: a district has thousands open, so each is told
/// apart by `place` from text kept apart from them (`'s`), not a string of its own.
pub fn agenda_order<'s, T>(actions: &mut [T], place: impl Fn(&T) -> AgendaPlace<'s>) {
    let due = |place: &AgendaPlace| place.due_on.unwrap_or(NaiveDate::MAX);
    actions.sort_unstable_by(|a, b| {
        let (a, b) = (place(a), place(b));
        (due(&a), a.teacher_name, a.what, a.tie).cmp(&(due(&b), b.teacher_name, b.what, b.tie))
    });
    let mut first_due: std::collections::HashMap<String, NaiveDate> =
        std::collections::HashMap::new();
    for action in actions.iter() {
        let place = place(action);
        let first = first_due
            .entry(place.owner.to_lowercase())
            .or_insert(NaiveDate::MAX);
        *first = (*first).min(due(&place));
    }
    let mut owners: Vec<(NaiveDate, String)> = first_due
        .into_iter()
        .map(|(owner, first)| (first, owner))
        .collect();
    owners.sort_unstable();
    let rank: std::collections::HashMap<String, usize> = owners
        .into_iter()
        .enumerate()
        .map(|(rank, (_, owner))| (owner, rank))
        .collect();
    // Stable: each owner's actions keep the order above.
    actions.sort_by_cached_key(|action| rank.get(&place(action).owner.to_lowercase()).copied());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meta;

    #[test]
    fn the_agenda_groups_actions_by_owner_most_pressing_first_and_by_due_date_within() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d);
        // (owner, due, teacher, what, the order written in)
        let mut actions = vec![
            ("teacher", day(27), "Smith, Dan", "Post warm-up", 1),
            ("Coach", None, "Lee, Min", "Read the article", 2),
            ("coach", day(21), "Smith, Dan", "Share exit tickets", 3),
            ("teacher", day(24), "Lee, Min", "Try a stem", 4),
            ("teacher", day(24), "Lee, Min", "Sort the tickets", 5),
            ("Zoë", day(30), "Abbott, Ada", "Plan the unit", 6),
            ("ZOË", day(22), "Abbott, Ada", "Plan the unit", 7),
            ("teacher", day(24), "Lee, Min", "Sort the tickets", 0),
        ];
        agenda_order(&mut actions, |&(owner, due_on, teacher_name, what, tie)| {
            AgendaPlace {
                owner,
                due_on,
                teacher_name,
                what,
                tie,
            }
        });
        let order: Vec<i64> = actions.iter().map(|action| action.4).collect();
        // coach (first due the 21st), Zoë (22nd), then teacher (24th): within each, by
        // due date, undated last, then teacher and what it says, then the order written.
        assert_eq!(order, [3, 2, 7, 6, 0, 5, 4, 1]);
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn action(what: &str, due: Option<&str>, done: Option<&str>) -> Action {
        Action {
            meta: Meta {
                id: what.into(),
                ..Meta::default()
            },
            what: what.into(),
            due_on: due.map(day),
            done_on: done.map(day),
            ..Action::default()
        }
    }

    const TODAY: &str = "2026-11-23";

    #[test]
    fn an_action_done_by_its_due_date_is_kept() {
        let done_that_day = action("a", Some("2026-11-20"), Some("2026-11-20"));
        assert_eq!(done_that_day.state(day(TODAY)), ActionState::Kept);
        let done_early = action("a", Some("2026-11-20"), Some("2026-11-02"));
        assert_eq!(done_early.state(day(TODAY)), ActionState::Kept);
    }

    #[test]
    fn an_action_done_without_a_due_date_counts_as_kept() {
        let undated = action("a", None, Some("2026-11-20"));
        assert_eq!(undated.state(day(TODAY)), ActionState::Kept);
    }

    #[test]
    fn an_action_done_after_its_due_date_counts_as_late() {
        let late = action("a", Some("2026-11-20"), Some("2026-11-22"));
        assert_eq!(late.state(day(TODAY)), ActionState::Late { days: 2 });
    }

    #[test]
    fn an_open_action_is_overdue_only_once_its_due_date_has_passed() {
        let due_today = action("a", Some(TODAY), None);
        assert_eq!(
            due_today.state(day(TODAY)),
            ActionState::Open { overdue_days: None }
        );
        let due_friday = action("a", Some("2026-11-21"), None);
        assert_eq!(
            due_friday.state(day(TODAY)),
            ActionState::Open {
                overdue_days: Some(2)
            }
        );
        let undated = action("a", None, None);
        assert_eq!(
            undated.state(day(TODAY)),
            ActionState::Open { overdue_days: None }
        );
    }

    #[test]
    fn the_ledger_counts_actions_kept_late_open_and_overdue() {
        let actions = [
            action("sort tickets", Some("2026-11-20"), None),
            action("plan groups", Some("2026-11-30"), None),
            action("post routine", Some("2026-09-20"), Some("2026-09-18")),
            action("share data", Some("2026-10-10"), Some("2026-10-14")),
            action("read chapter", None, Some("2026-11-02")),
        ];
        assert_eq!(
            Ledger::of(&actions, day(TODAY)),
            Ledger {
                on_time: 2,
                late: 1,
                open: 2,
                overdue: 1
            }
        );
        assert_eq!(Ledger::of(&[], day(TODAY)), Ledger::default());
    }

    #[test]
    fn open_actions_come_first_by_due_date_then_done_ones_newest_first() {
        let mut actions = [
            action("done long ago", Some("2026-09-01"), Some("2026-09-02")),
            action("undated open", None, None),
            action("due later", Some("2026-12-01"), None),
            action("done lately", None, Some("2026-11-20")),
            action("due sooner", Some("2026-11-01"), None),
        ];
        actions.sort_by(action_order);
        let order: Vec<&str> = actions.iter().map(|a| a.what.as_str()).collect();
        assert_eq!(
            order,
            [
                "due sooner",
                "due later",
                "undated open",
                "done lately",
                "done long ago"
            ]
        );
    }

    #[test]
    fn actions_alike_in_the_order_are_left_for_the_caller_to_break_the_tie() {
        let a = action("a", Some("2026-11-01"), None);
        let b = action("b", Some("2026-11-01"), None);
        assert_eq!(action_order(&a, &b), Ordering::Equal);
        let c = action("c", Some("2026-10-01"), Some("2026-11-02"));
        let d = action("d", None, Some("2026-11-02"));
        assert_eq!(action_order(&c, &d), Ordering::Equal, "done the same day");
    }
}
