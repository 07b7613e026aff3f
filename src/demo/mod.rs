//! The demo school: a semester of coaching records at a fictional middle school, loaded
//! into an empty database so a new user (or a screenshot) sees the app with real work in it.
//!
//! The records live in `assets/demo.json` with absolute dates around an `anchor` day; the
//! loader moves every date by (today - anchor) so the demo always looks current, and writes
//! everything through `Store::apply`, the same commands a user's keystrokes become.

use crate::db::{Applied, Command, Store};
use crate::model::{
    Action, AnyRecord, CheckIn, Focus, Goal, Kind, Measure, Observation, Outcome, Rating, Teacher,
};
use chrono::NaiveDate;
use std::collections::HashMap;

mod schools;
mod shape;

use shape::*;

const DEMO_JSON: &str = include_str!("../../assets/demo.json");

/// What the demo school put into the database.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DemoSummary {
    /// The coach whose caseload the demo shows.
    pub coach: String,
    /// Teachers added, archived ones included.
    pub teachers: usize,
    pub observations: usize,
    pub check_ins: usize,
    pub actions: usize,
}

/// Why the demo school could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo data that ships with coachlog is damaged ({0}); please report this")]
    Parse(#[from] serde_json::Error),
    #[error(
        "this database already has {teachers} teacher(s); the demo school only goes into an empty one. Start a new file with --db PATH and load the demo there"
    )]
    NotEmpty { teachers: usize },
    #[error("the demo dates cannot be moved from {anchor} to {today}: that is too far away")]
    OutOfRange { anchor: NaiveDate, today: NaiveDate },
    #[error("the demo data is inconsistent for {teacher}: {problem}; please report this")]
    Inconsistent { teacher: String, problem: String },
    #[error("could not save the demo school: {0}")]
    Store(#[from] crate::db::Error),
    #[error("saving the demo school did not return the new {0}'s id; nothing more was loaded")]
    NoId(Kind),
}

/// Loads the demo school into an empty database, every date moved by `today - anchor`.
pub fn load(store: &mut Store, today: NaiveDate) -> Result<DemoSummary, DemoError> {
    let school = parse()?;
    let teachers = store.teachers(true)?.len();
    if teachers > 0 {
        return Err(DemoError::NotEmpty { teachers });
    }
    let shift = Shift {
        days: today.signed_duration_since(school.anchor),
        zone: store.clock().zone(),
        anchor: school.anchor,
        today,
    };
    // Try the earliest and latest dates first, so a shift too far is refused before
    // anything is written.
    let (first, last) = (school.dates().min(), school.dates().max());
    for date in [first, last].into_iter().flatten() {
        shift.date(date)?;
    }
    let mut summary = DemoSummary {
        coach: school.coach.clone(),
        ..DemoSummary::default()
    };
    // One transaction: the whole school or nothing, and one sync to disk instead of hundreds.
    store.batch(|store| {
        for teacher in &school.teachers {
            load_teacher(store, teacher, &shift, &mut summary)?;
        }
        summary.observations += schools::load(store, &school, &shift)?;
        Ok::<_, DemoError>(())
    })?;
    Ok(summary)
}

fn parse() -> Result<DemoSchool, DemoError> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

// --- writing one teacher ------------------------------------------------------------------

/// The id of the first record of `kind` a command added.
fn added(applied: &Applied, kind: Kind) -> Result<String, DemoError> {
    applied
        .changes
        .iter()
        .find(|change| change.kind == kind && change.before.is_none())
        .map(|change| change.id.clone())
        .ok_or(DemoError::NoId(kind))
}

/// One step of a teacher's semester, in the order it has to reach the store.
enum Step<'a> {
    /// A focus ends with no successor starting the same day.
    End(NaiveDate, Outcome),
    /// A focus starts, closing the previous one if it ends that day.
    Start(&'a DemoFocus, Option<Outcome>),
    Observe(&'a DemoObservation),
}

fn load_teacher(
    store: &mut Store,
    demo: &DemoTeacher,
    shift: &Shift,
    summary: &mut DemoSummary,
) -> Result<(), DemoError> {
    let teacher = Teacher {
        name: demo.name.clone(),
        school: demo.school.clone(),
        subject: demo.subject.clone(),
        cadence_days: demo.cadence_days,
        role: demo.role,
        tags: demo.tags.clone(),
        ..Teacher::default()
    };
    let applied = store.apply(Command::Add(AnyRecord::Teacher(teacher)))?;
    let mut writer = TeacherWriter {
        teacher_id: added(&applied, Kind::Teacher)?,
        store,
        demo,
        shift,
    };
    summary.teachers += 1;
    let goal_ids = writer.goals()?;
    summary.observations += writer.semester(&goal_ids)?;
    let (check_ins, actions) = writer.check_ins()?;
    summary.check_ins += check_ins;
    summary.actions += actions;
    writer.supports()?;
    if demo.archived {
        writer.archive()?;
    }
    Ok(())
}

/// Writes one teacher's records, once the teacher is in the store.
struct TeacherWriter<'a> {
    store: &'a mut Store,
    demo: &'a DemoTeacher,
    shift: &'a Shift,
    teacher_id: String,
}

impl<'a> TeacherWriter<'a> {
    fn inconsistent(&self, problem: String) -> DemoError {
        DemoError::Inconsistent {
            teacher: self.demo.name.clone(),
            problem,
        }
    }

    /// Adds the goals and their measures; returns each goal's id by its key in the file.
    fn goals(&mut self) -> Result<HashMap<&'a str, String>, DemoError> {
        let mut goal_ids = HashMap::new();
        for goal in &self.demo.goals {
            let record = Goal {
                teacher_id: self.teacher_id.clone(),
                statement: goal.statement.clone(),
                why: goal.why.clone(),
                measure: goal.measure.clone(),
                unit: goal.unit.clone(),
                baseline: goal.baseline,
                target: goal.target,
                target_on: self.shift.maybe(goal.target_on)?,
                status: goal.status,
                ..Goal::default()
            };
            let applied = self.store.apply(Command::Add(AnyRecord::Goal(record)))?;
            let goal_id = added(&applied, Kind::Goal)?;
            for measure in &goal.measures {
                let record = Measure {
                    goal_id: goal_id.clone(),
                    measured_on: self.shift.date(measure.measured_on)?,
                    value: measure.value,
                    note: measure.note.clone(),
                    ..Measure::default()
                };
                self.store.apply(Command::Add(AnyRecord::Measure(record)))?;
            }
            goal_ids.insert(goal.key.as_str(), goal_id);
        }
        Ok(goal_ids)
    }

    /// Adds focus changes and visits together, by date, so that each visit names the focus
    /// active that day and the store's own active focus agrees with it (a visit before any
    /// focus, or between two, belongs to none). Returns the number of visits.
    fn semester(&mut self, goal_ids: &HashMap<&str, String>) -> Result<usize, DemoError> {
        let steps = semester(self.demo).map_err(|problem| self.inconsistent(problem))?;
        let mut active: Option<(String, &DemoFocus)> = None;
        let mut visits = 0;
        for step in steps {
            match step {
                Step::End(on, outcome) => {
                    self.store.apply(Command::EndFocus {
                        teacher_id: self.teacher_id.clone(),
                        outcome,
                        on: self.shift.date(on)?,
                    })?;
                    active = None;
                }
                Step::Start(focus, previous_outcome) => {
                    let goal_id = match &focus.goal {
                        None => None,
                        Some(key) => {
                            Some(goal_ids.get(key.as_str()).cloned().ok_or_else(|| {
                                self.inconsistent(format!(
                                    "a focus serves goal \"{key}\", which is not there"
                                ))
                            })?)
                        }
                    };
                    let record = Focus {
                        teacher_id: self.teacher_id.clone(),
                        goal_id,
                        statement: focus.statement.clone(),
                        look_fors: focus.look_fors.clone(),
                        tallies: focus.tallies.clone(),
                        started_on: self.shift.date(focus.started_on)?,
                        ..Focus::default()
                    };
                    let applied = self.store.apply(Command::SetFocus {
                        focus: record,
                        previous_outcome,
                    })?;
                    active = Some((added(&applied, Kind::Focus)?, focus));
                }
                Step::Observe(observation) => {
                    let focus = active.as_ref();
                    let record = self.observation(observation, focus)?;
                    self.store
                        .apply(Command::Add(AnyRecord::Observation(record)))?;
                    visits += 1;
                }
            }
        }
        Ok(visits)
    }

    fn observation(
        &self,
        observation: &DemoObservation,
        focus: Option<&(String, &DemoFocus)>,
    ) -> Result<Observation, DemoError> {
        let rating = match observation.rating {
            None => None,
            Some(value) => Some(Rating::new(value).ok_or_else(|| {
                self.inconsistent(format!("a rating of {value} (ratings go from 1 to 4)"))
            })?),
        };
        let look_fors = focus.map_or(&[][..], |(_, focus)| &focus.look_fors[..]);
        if let Some(unknown) = observation
            .look_fors_seen
            .iter()
            .find(|seen| !look_fors.contains(seen))
        {
            return Err(self.inconsistent(format!(
                "the visit of {} saw \"{unknown}\", which is not a look-for of the focus then",
                observation.observed_at
            )));
        }
        Ok(Observation {
            teacher_id: self.teacher_id.clone(),
            focus_id: focus.map(|(id, _)| id.clone()),
            observed_at: self.shift.time(observation.observed_at)?,
            minutes: observation.minutes,
            class_period: observation.class_period.clone(),
            evidence: observation.evidence.clone(),
            look_fors_seen: observation.look_fors_seen.clone(),
            tallies: observation.tallies.clone(),
            rating,
            private: observation.private,
            ..Observation::default()
        })
    }

    /// Holds each check-in with the actions it ended in, then marks the kept ones done on
    /// the day they were done. Returns the numbers of check-ins and actions.
    fn check_ins(&mut self) -> Result<(usize, usize), DemoError> {
        let mut actions = 0;
        for check_in in &self.demo.check_ins {
            let record = CheckIn {
                teacher_id: self.teacher_id.clone(),
                held_on: self.shift.date(check_in.held_on)?,
                kind: check_in.kind,
                notes: check_in.notes.clone(),
                reflection: check_in.reflection.clone(),
                next_on: self.shift.maybe(check_in.next_on)?,
                private: check_in.private,
                // The demo's conversations took their kind's usual time.
                minutes: Some(check_in.kind.default_minutes()),
                ..CheckIn::default()
            };
            let mut new_actions = Vec::with_capacity(check_in.actions.len());
            for action in &check_in.actions {
                new_actions.push(Action {
                    what: action.what.clone(),
                    owner: action.owner.clone(),
                    due_on: self.shift.maybe(action.due_on)?,
                    ..Action::default()
                });
            }
            let applied = self.store.apply(Command::HoldCheckIn {
                check_in: record,
                done: vec![],
                carried: vec![],
                new_actions,
                measures: vec![],
            })?;
            let action_ids: Vec<String> = applied
                .changes
                .iter()
                .filter(|change| change.kind == Kind::Action && change.before.is_none())
                .map(|change| change.id.clone())
                .collect();
            if action_ids.len() != check_in.actions.len() {
                return Err(DemoError::NoId(Kind::Action));
            }
            for (id, action) in action_ids.into_iter().zip(&check_in.actions) {
                actions += 1;
                if let Some(done_on) = action.done_on {
                    self.store.apply(Command::SetActionDone {
                        id,
                        done_on: Some(self.shift.date(done_on)?),
                    })?;
                }
            }
        }
        Ok((self.demo.check_ins.len(), actions))
    }

    /// Adds the supports given, each under the focus that was active on its day.
    fn supports(&mut self) -> Result<(), DemoError> {
        if self.demo.supports.is_empty() {
            return Ok(());
        }
        let focuses: Vec<crate::model::Focus> = self
            .store
            .teacher_file(&self.teacher_id)?
            .map(|file| file.focuses)
            .unwrap_or_default();
        for support in &self.demo.supports {
            let given_on = self.shift.date(support.given_on)?;
            let focus_id = focuses
                .iter()
                .find(|f| f.started_on <= given_on && f.ended_on.is_none_or(|end| given_on < end))
                .map(|f| f.meta.id.clone());
            self.store
                .apply(Command::Add(AnyRecord::Support(crate::model::Support {
                    teacher_id: self.teacher_id.clone(),
                    focus_id,
                    kind: support.kind,
                    given_on,
                    given_by: support.given_by.clone(),
                    note: support.note.clone(),
                    minutes: support.minutes,
                    ..crate::model::Support::default()
                })))?;
        }
        Ok(())
    }

    /// Archives the teacher last, as a coach would when someone leaves mid-year.
    fn archive(&mut self) -> Result<(), DemoError> {
        let mut teacher = self
            .store
            .get::<Teacher>(&self.teacher_id)?
            .ok_or(DemoError::NoId(Kind::Teacher))?;
        teacher.archived = true;
        self.store
            .apply(Command::Edit(AnyRecord::Teacher(teacher)))?;
        Ok(())
    }
}

/// A teacher's focus changes and visits in the order they happened. On one day, a focus
/// ends, then the next starts, then that day's visits are added (they belong to the new one).
fn semester(demo: &DemoTeacher) -> Result<Vec<Step<'_>>, String> {
    let mut focuses: Vec<&DemoFocus> = demo.focuses.iter().collect();
    focuses.sort_by_key(|focus| focus.started_on);
    let mut steps: Vec<(NaiveDate, u8, Step<'_>)> = Vec::new();
    let mut previous: Option<&DemoFocus> = None;
    for focus in focuses.iter().copied().map(Some).chain([None]) {
        let starts_on = focus.map(|focus| focus.started_on);
        let mut closes_with = None;
        if let Some(before) = previous {
            match (before.ended_on, before.outcome) {
                (Some(ended), Some(outcome)) if Some(ended) == starts_on => {
                    closes_with = Some(outcome);
                }
                (Some(ended), Some(outcome))
                    if starts_on.is_none_or(|starts| ended < starts)
                        && ended >= before.started_on =>
                {
                    steps.push((ended, 0, Step::End(ended, outcome)));
                }
                (None, None) if starts_on.is_none() => {}
                _ => {
                    return Err(format!(
                        "the focus \"{}\" needs an end date and an outcome on or before the next focus starts",
                        before.statement
                    ));
                }
            }
        }
        if let Some(focus) = focus {
            steps.push((focus.started_on, 1, Step::Start(focus, closes_with)));
        }
        previous = focus;
    }
    for observation in &demo.observations {
        let day = observation.observed_at.date();
        steps.push((day, 2, Step::Observe(observation)));
    }
    // Stable: visits on one day keep the file's order.
    steps.sort_by_key(|(day, rank, _)| (*day, *rank));
    Ok(steps.into_iter().map(|(_, _, step)| step).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use chrono::TimeDelta;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// A fresh database in a temporary folder, its clock frozen at 10:42 on `today`.
    fn empty_store(today: NaiveDate) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let clock = Clock::Fixed(today.and_hms_opt(10, 42, 0).unwrap());
        let store = Store::open(&dir.path().join("demo.db"), clock).unwrap();
        (dir, store)
    }

    fn loaded(today: &str) -> (tempfile::TempDir, Store, DemoSummary) {
        let today = day(today);
        let (dir, mut store) = empty_store(today);
        let summary = load(&mut store, today).unwrap();
        (dir, store, summary)
    }

    fn teacher(store: &Store, name: &str) -> Teacher {
        store
            .teachers(true)
            .unwrap()
            .into_iter()
            .find(|teacher| teacher.name == name)
            .unwrap_or_else(|| panic!("no teacher named {name}"))
    }

    fn all_observations(store: &Store) -> Vec<Observation> {
        let mut all = Vec::new();
        for teacher in store.teachers(true).unwrap() {
            all.extend(store.observations(&teacher.meta.id).unwrap());
        }
        all
    }

    #[test]
    fn demo_file_parses_with_no_unknown_fields() {
        let school = parse().unwrap();
        assert_eq!(school.anchor, day("2026-11-23"));
        assert!(!school.teachers.is_empty());

        let mut value: serde_json::Value = serde_json::from_str(DEMO_JSON).unwrap();
        value["teachers"][0]["nickname"] = "Danny".into();
        let error = serde_json::from_value::<DemoSchool>(value).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `nickname`"),
            "{error}"
        );
    }

    #[test]
    fn the_demo_has_two_schools_a_leader_each_a_pilot_across_both_and_a_round_in_the_second() {
        let (_dir, store, _) = loaded("2026-11-23");
        let people = store.teachers(true).unwrap();
        let schools =
            crate::model::school::distinct_schools(people.iter().map(|p| p.school.as_str()));
        assert_eq!(schools, ["Eastside Middle", "Northgate Middle"]);
        // The district's other schools are records with no people: they are reviewed
        // for readiness.
        assert_eq!(store.schools().unwrap().len(), 8);
        for school in &schools {
            let leaders: Vec<&Teacher> = people
                .iter()
                .filter(|t| &t.school == school && t.role == crate::model::Role::Leader)
                .collect();
            assert_eq!(leaders.len(), 1, "{school}");
            let goals = store.goals(&leaders[0].meta.id).unwrap();
            assert!(goals[0].statement.contains("blended-program data"));
            assert!(!store.measures(&goals[0].meta.id).unwrap().is_empty());
            let pilot = people
                .iter()
                .filter(|t| &t.school == school && t.tags.iter().any(|g| g == "blended-pilot"));
            assert!(pilot.count() >= 2, "the pilot group reaches {school}");
        }
        let northgate = store
            .school_summary("Northgate Middle", day("2026-11-23"), 14)
            .unwrap()
            .unwrap();
        assert_eq!(northgate.rounds.len(), 1);
        assert_eq!(northgate.rounds[0].rate(), Some(67));
    }

    #[test]
    fn demo_school_loads_every_record_it_declares() {
        let (_dir, store, summary) = loaded("2026-11-23");

        let school = parse().unwrap();
        let check_ins = school.teachers.iter().flat_map(|t| &t.check_ins);
        let expected = DemoSummary {
            coach: school.coach.clone(),
            teachers: school.teachers.len(),
            observations: school
                .teachers
                .iter()
                .map(|t| t.observations.len())
                .sum::<usize>()
                + school.rounds.iter().map(|r| r.marks.len()).sum::<usize>(),
            check_ins: check_ins.clone().count(),
            actions: check_ins.map(|check_in| check_in.actions.len()).sum(),
        };
        assert_eq!(summary, expected);
        assert_eq!(summary.coach, "Ms. Rivera");
        assert!((12..=16).contains(&summary.teachers), "{summary:?}");
        assert!((120..=200).contains(&summary.observations), "{summary:?}");
        assert!((60..=90).contains(&summary.check_ins), "{summary:?}");
        assert!((100..=150).contains(&summary.actions), "{summary:?}");

        let teachers = store.teachers(true).unwrap();
        assert_eq!(teachers.len(), summary.teachers);
        let mut in_store = (0, 0, 0);
        for teacher in &teachers {
            let id = &teacher.meta.id;
            in_store.0 += store.observations(id).unwrap().len();
            in_store.1 += store.check_ins(id).unwrap().len();
            in_store.2 += store.actions(id).unwrap().len();
        }
        assert_eq!(
            in_store,
            (summary.observations, summary.check_ins, summary.actions)
        );
        assert_eq!(store.check().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn smith_works_on_one_focus_and_his_ratings_rise() {
        let (_dir, store, _) = loaded("2026-11-23");
        let smith = teacher(&store, "Smith, Dan");
        let focus_id = smith.active_focus_id.clone().unwrap();
        let focus = store.get::<Focus>(&focus_id).unwrap().unwrap();
        assert_eq!(
            focus.statement,
            "Connect the warm-up to the day's learning target"
        );
        assert_eq!(focus.ended_on, None);

        let mut on_focus: Vec<Observation> = store
            .observations(&smith.meta.id)
            .unwrap()
            .into_iter()
            .filter(|observation| observation.focus_id.as_deref() == Some(focus_id.as_str()))
            .collect();
        on_focus.sort_by_key(|observation| observation.observed_at);
        let ratings: Vec<u8> = on_focus
            .iter()
            .filter_map(|observation| observation.rating.map(Rating::value))
            .collect();
        assert!(ratings.len() >= 5, "{ratings:?}");
        assert_eq!(ratings.first(), Some(&1), "{ratings:?}");
        assert_eq!(ratings.last(), Some(&3), "{ratings:?}");
        // The focus counts students on task out of the class, and the count rises.
        let visits: Vec<&Observation> = on_focus.iter().collect();
        let on_task = &crate::model::tally_series(&focus, &visits)[0];
        assert_eq!(on_task.tally.out_of, Some(28));
        assert!(on_task.change() > Some(10), "{}", on_task.words());

        // The broad September focus was replaced the day the warm-up focus started.
        let earlier: Vec<Focus> = store
            .focuses(&smith.meta.id)
            .unwrap()
            .into_iter()
            .filter(|old| old.meta.id != focus_id)
            .collect();
        assert_eq!(earlier.len(), 1);
        assert_eq!(earlier[0].outcome, Some(Outcome::Replaced));
        assert_eq!(earlier[0].ended_on, Some(focus.started_on));
    }

    #[test]
    fn every_visit_belongs_to_the_focus_active_that_day() {
        let (_dir, store, _) = loaded("2026-11-23");
        let mut unattached = 0;
        for teacher in store.teachers(true).unwrap() {
            let focuses = store.focuses(&teacher.meta.id).unwrap();
            for observation in store.observations(&teacher.meta.id).unwrap() {
                let day = observation.observed_at.date();
                let active = focuses.iter().find(|focus| {
                    focus.started_on <= day && focus.ended_on.is_none_or(|ended| day < ended)
                });
                assert_eq!(
                    observation.focus_id.as_deref(),
                    active.map(|focus| focus.meta.id.as_str()),
                    "{} on {}",
                    teacher.name,
                    observation.observed_at
                );
                if let Some(focus) = active {
                    for seen in &observation.look_fors_seen {
                        assert!(focus.look_fors.contains(seen), "{seen}");
                    }
                } else {
                    unattached += 1;
                }
            }
        }
        // Some visits happened before a focus was set, and stay without one.
        assert!(unattached > 0);
    }

    #[test]
    fn the_roster_shows_every_situation_a_coach_meets() {
        let (_dir, store, _) = loaded("2026-11-23");
        let today = day("2026-11-23");
        let roster = store.roster(false).unwrap();
        let row = |name: &str| {
            roster
                .iter()
                .find(|row| row.teacher.name == name)
                .unwrap_or_else(|| panic!("{name} not on the roster"))
        };

        let brandt = row("Brandt, Felix");
        assert_eq!(brandt.focus, None);
        assert_eq!(brandt.last_observed, None);
        assert!(
            store
                .observations(&brandt.teacher.meta.id)
                .unwrap()
                .is_empty()
        );

        let okafor = row("Okafor, Ngozi");
        assert!(okafor.next_check_in.unwrap() < today);
        assert!(okafor.last_observed.unwrap() <= today - TimeDelta::days(21));

        assert_eq!(row("Lee, Min").next_check_in, Some(today));

        let archived: Vec<Teacher> = store
            .teachers(true)
            .unwrap()
            .into_iter()
            .filter(|teacher| teacher.archived)
            .collect();
        assert_eq!(archived.len(), 1);
        assert!(
            roster
                .iter()
                .all(|row| row.teacher.name != archived[0].name)
        );
    }

    #[test]
    fn loading_later_moves_every_date_by_the_same_days() {
        let (_dir, now, _) = loaded("2026-11-23");
        let (_later_dir, later, _) = loaded("2027-03-01");
        let latest = |store: &Store| {
            all_observations(store)
                .into_iter()
                .map(|observation| observation.observed_at)
                .max()
                .unwrap()
        };
        let shifted = latest(&later) - latest(&now);
        assert_eq!(shifted, TimeDelta::days(98));
        assert_eq!(latest(&now).date(), day("2026-11-20"));

        let lee = teacher(&later, "Lee, Min");
        let next = later.check_ins(&lee.meta.id).unwrap()[0].next_on;
        assert_eq!(
            next,
            Some(day("2027-03-01")),
            "Lee is due on the day loaded"
        );
        assert_eq!(later.check().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn the_demo_goes_only_into_an_empty_database() {
        let today = day("2026-11-23");
        let (_dir, mut store) = empty_store(today);
        let applied = store
            .apply(Command::Add(AnyRecord::Teacher(Teacher {
                name: "Real, Teacher".into(),
                cadence_days: 14,
                ..Teacher::default()
            })))
            .unwrap();
        assert!(applied.added_id().is_some());

        let error = load(&mut store, today).unwrap_err();
        assert!(matches!(error, DemoError::NotEmpty { teachers: 1 }));
        assert!(error.to_string().contains("--db"), "{error}");
        assert_eq!(store.teachers(true).unwrap().len(), 1);
    }

    #[test]
    fn a_date_too_far_away_is_refused_before_anything_is_written() {
        let (_dir, mut store) = empty_store(day("2026-11-23"));
        for today in [NaiveDate::MAX, NaiveDate::MIN] {
            let error = load(&mut store, today).unwrap_err();
            assert!(matches!(error, DemoError::OutOfRange { .. }), "{error}");
            assert!(error.to_string().contains("too far away"), "{error}");
        }
        assert!(store.teachers(true).unwrap().is_empty());
    }
}
