//! The form of each record, and how a filled form becomes one store command.

use super::form::{Field, FieldKind, Form, Values};
use crate::db::Command;
use crate::model::{
    Action, AnyRecord, CheckIn, CheckInKind, Focus, Goal, GoalStatus, LocalTime, Measure,
    Observation, Outcome, Rating, Teacher, TeacherFile, Zone,
};
use crate::text;
use chrono::{NaiveDate, NaiveDateTime};

/// What a form is for: the record it adds or edits, and what it needs to know.
#[derive(Debug, Clone)]
pub enum Purpose {
    Teacher(Option<Teacher>),
    Goal {
        teacher_id: String,
        existing: Option<Goal>,
    },
    Measure {
        goal: Goal,
        existing: Option<Measure>,
    },
    Focus {
        teacher_id: String,
        goal_ids: Vec<String>,
        existing: Option<Focus>,
        /// The active focus this one replaces (its outcome is asked).
        replacing: Option<Focus>,
    },
    EndFocus {
        teacher_id: String,
    },
    Observation {
        teacher_id: String,
        focus: Option<Focus>,
        existing: Option<Observation>,
    },
    CheckIn {
        teacher_id: String,
        existing: Option<CheckIn>,
    },
    Action {
        teacher_id: String,
        existing: Option<Action>,
    },
    /// A new action agreed in the check-in being written: collected into it, and saved
    /// with it.
    CheckInAction {
        teacher_id: String,
    },
    /// Rating a captured visit; saving it turns the draft into an observation.
    FinishVisit(Box<super::capture::Visit>),
    /// The timeline's date range.
    TimelineDates,
    /// A new walkthrough round over these teachers (in the form's checklist order).
    NewRound {
        teacher_ids: Vec<String>,
    },
    /// One classroom's mark in a round.
    Mark {
        walkthrough: Box<crate::model::Walkthrough>,
        teacher_id: String,
        /// Go on to the next unmarked classroom after saving.
        stepping: bool,
    },
}

const RATINGS: [&str; 5] = [
    "—",
    "1 not yet",
    "2 beginning",
    "3 developing",
    "4 consistent",
];
const DATE_HINT: &str = "today, fri, +14d, 2026-12-01";

fn words<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
    all.iter().map(ToString::to_string).collect()
}

fn day(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn number(value: Option<f64>) -> String {
    value.map(crate::text::number).unwrap_or_default()
}

pub fn teacher_form(existing: Option<&Teacher>) -> Form {
    let t = existing.cloned().unwrap_or(Teacher {
        cadence_days: 14,
        ..Teacher::default()
    });
    let title = match existing {
        Some(t) => format!("Edit {}", text::line(&t.name)),
        None => "New teacher".to_string(),
    };
    Form::new(
        title,
        vec![
            Field::new("Name", FieldKind::Line)
                .required()
                .hint("Smith, Dan")
                .with_text(&t.name),
            Field::new("School", FieldKind::Line).with_text(&t.school),
            Field::new("Subject", FieldKind::Line)
                .hint("Grade 7 Science")
                .with_text(&t.subject),
            Field::new("Check-in every", FieldKind::Whole { min: 1, max: 365 })
                .required()
                .hint("days")
                .with_text(&t.cadence_days.to_string()),
        ],
    )
}

pub fn goal_form(existing: Option<&Goal>) -> Form {
    let g = existing.cloned().unwrap_or_default();
    let status = GoalStatus::ALL
        .iter()
        .position(|s| *s == g.status)
        .unwrap_or(0);
    Form::new(
        if existing.is_some() {
            "Edit goal"
        } else {
            "New goal"
        },
        vec![
            Field::new("Goal", FieldKind::Line)
                .required()
                .hint("Students on task in the first 10 minutes")
                .with_text(&g.statement),
            Field::new("Why", FieldKind::Text).with_text(&g.why),
            Field::new("Measure", FieldKind::Line)
                .hint("what is counted, e.g. students on task")
                .with_text(&g.measure),
            Field::new("Unit", FieldKind::Line)
                .hint("% or /28")
                .with_text(&g.unit),
            Field::new("Baseline", FieldKind::Number).with_text(&number(g.baseline)),
            Field::new("Target", FieldKind::Number).with_text(&number(g.target)),
            Field::new("By", FieldKind::Date)
                .hint(DATE_HINT)
                .with_text(&day(g.target_on)),
            Field::new("Status", FieldKind::Choice(words(GoalStatus::ALL))).with_choice(status),
        ],
    )
}

pub fn measure_form(goal: &Goal, existing: Option<&Measure>) -> Form {
    let m = existing.cloned().unwrap_or_default();
    let on = if existing.is_some() {
        day(Some(m.measured_on))
    } else {
        "today".into()
    };
    let value = if existing.is_some() {
        number(Some(m.value))
    } else {
        String::new()
    };
    Form::new(
        format!("Measure · {}", text::line(&goal.statement)),
        vec![
            Field::new("Value", FieldKind::Number)
                .required()
                .hint("e.g. 24")
                .with_text(&value),
            Field::new("On", FieldKind::Date)
                .required()
                .hint(DATE_HINT)
                .with_text(&on),
            Field::new("Note", FieldKind::Line)
                .hint("24/28 on task")
                .with_text(&m.note),
        ],
    )
}

pub fn focus_form(file: &TeacherFile, existing: Option<&Focus>) -> (Form, Vec<String>) {
    let f = existing.cloned().unwrap_or_default();
    let goals: Vec<&Goal> = file
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .collect();
    let mut goal_names = vec!["none".to_string()];
    goal_names.extend(
        goals
            .iter()
            .map(|g| text::truncate(&text::line(&g.statement), 40).into_owned()),
    );
    let goal_ids: Vec<String> = goals.iter().map(|g| g.meta.id.clone()).collect();
    let goal_choice = f
        .goal_id
        .as_ref()
        .and_then(|id| goal_ids.iter().position(|g| g == id))
        .map_or(if goal_ids.len() == 1 { 1 } else { 0 }, |i| i + 1);
    let started = if existing.is_some() {
        day(Some(f.started_on))
    } else {
        "today".into()
    };
    let mut fields = vec![
        Field::new("Focus", FieldKind::Line)
            .required()
            .hint("Warm-up connects to the day's learning target")
            .with_text(&f.statement),
        Field::new("Look-fors", FieldKind::Text)
            .hint("one a line: what an observer sees when it is in place")
            .with_text(&f.look_fors.join("\n")),
        Field::new("Serves goal", FieldKind::Choice(goal_names)).with_choice(goal_choice),
        Field::new("Started", FieldKind::Date)
            .required()
            .hint(DATE_HINT)
            .with_text(&started),
    ];
    let title = match (existing, file.active_focus()) {
        (Some(_), _) => "Edit focus".to_string(),
        (None, Some(active)) => {
            fields.push(
                Field::new("Current focus", FieldKind::Choice(words(Outcome::ALL))).with_choice(2),
            );
            format!(
                "New focus (replaces \"{}\")",
                text::truncate(&text::line(&active.statement), 30)
            )
        }
        (None, None) => "New focus".to_string(),
    };
    (Form::new(title, fields), goal_ids)
}

pub fn end_focus_form(focus: &Focus) -> Form {
    Form::new(
        format!(
            "End focus \"{}\"",
            text::truncate(&text::line(&focus.statement), 40)
        ),
        vec![
            Field::new("Outcome", FieldKind::Choice(words(Outcome::ALL))),
            Field::new("Ended", FieldKind::Date)
                .required()
                .hint(DATE_HINT)
                .with_text("today"),
        ],
    )
}

pub fn observation_form(
    teacher: &Teacher,
    focus: Option<&Focus>,
    existing: Option<&Observation>,
    now: NaiveDateTime,
) -> Form {
    let o = existing.cloned().unwrap_or_default();
    let rating = o.rating.map_or(0, |r| usize::from(r.value()));
    let when = if existing.is_some() {
        o.observed_at.format("%Y-%m-%d %H:%M").to_string()
    } else {
        String::new()
    };
    let focus_text = focus.map_or(
        "no active focus: f sets one in the workspace".to_string(),
        |f| text::line(&f.statement).into_owned(),
    );
    let mut fields = vec![
        Field::new("Focus", FieldKind::Info).with_text(&focus_text),
        Field::new("Rating", FieldKind::Choice(words(&RATINGS))).with_choice(rating),
        Field::new("Evidence", FieldKind::Text)
            .hint("what was seen and heard")
            .with_text(&o.evidence),
    ];
    if let Some(focus) = focus
        && !focus.look_fors.is_empty()
    {
        fields.push(
            Field::new("Look-fors", FieldKind::Checks(focus.look_fors.clone()))
                .with_checked(&o.look_fors_seen),
        );
    }
    fields.extend([
        Field::new("When", FieldKind::DateTime)
            .hint("now, or e.g. today 10:40")
            .with_text(&when),
        Field::new("Minutes", FieldKind::Whole { min: 0, max: 600 })
            .with_text(&o.minutes.map(|m| m.to_string()).unwrap_or_default()),
        Field::new("Class", FieldKind::Line)
            .hint("P3, 7B science")
            .with_text(&o.class_period),
        Field::new("Private", FieldKind::Toggle).with_on(o.private),
    ]);
    let mut form = Form::new(
        format!(
            "Observe {} · {}",
            text::line(&teacher.name),
            now.format("%a %-d %b %H:%M")
        ),
        fields,
    );
    form.focus("Rating");
    // Quick capture: ⏎ saves from any field (Alt-⏎ starts a new line in the evidence).
    form.enter_saves = true;
    form
}

/// The timeline's date range: either end may stay empty.
pub fn timeline_dates_form(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Form {
    Form::new(
        "Timeline dates",
        vec![
            Field::new("From", FieldKind::Date)
                .hint("e.g. 2026-09-01, -30d; empty: the start")
                .with_text(&day(from)),
            Field::new("To", FieldKind::Date)
                .hint("e.g. today; empty: now")
                .with_text(&day(to)),
        ],
    )
}

/// The last step of a captured visit: the rating (and class, and privacy).
pub fn finish_visit_form(visit: &super::capture::Visit, now: LocalTime) -> Form {
    let mut form = Form::new(
        format!(
            "Rate the visit to {} · {} min",
            text::line(&visit.teacher_name),
            visit.minutes(now)
        ),
        vec![
            Field::new("Rating", FieldKind::Choice(words(&RATINGS))),
            Field::new("Class", FieldKind::Line).hint("P3, 7B science"),
            Field::new("Private", FieldKind::Toggle),
        ],
    );
    form.active = 0;
    form.enter_saves = true;
    form
}

/// The observation a rated visit becomes.
pub fn visit_observation(
    visit: &super::capture::Visit,
    values: &Values,
    now: LocalTime,
) -> Observation {
    let rating = u8::try_from(values.choice("Rating"))
        .ok()
        .and_then(Rating::new);
    visit.observation(now, rating, values.toggle("Private"), values.text("Class"))
}

pub fn check_in_form(teacher: &Teacher, existing: Option<&CheckIn>, today: NaiveDate) -> Form {
    let c = existing.cloned().unwrap_or_default();
    let kind = CheckInKind::ALL
        .iter()
        .position(|k| *k == c.kind)
        .unwrap_or(0);
    let held = if existing.is_some() {
        day(Some(c.held_on))
    } else {
        "today".into()
    };
    let next = match existing {
        Some(c) => day(c.next_on),
        None => day(today.checked_add_days(chrono::Days::new(u64::from(teacher.cadence_days)))),
    };
    let mut form = Form::new(
        format!("Check-in · {}", text::line(&teacher.name)),
        vec![
            Field::new("Kind", FieldKind::Choice(words(CheckInKind::ALL))).with_choice(kind),
            Field::new("Held", FieldKind::Date)
                .required()
                .hint(DATE_HINT)
                .with_text(&held),
            Field::new("Notes", FieldKind::Text).with_text(&c.notes),
            Field::new("Reflection", FieldKind::Text)
                .hint("the teacher's own words")
                .with_text(&c.reflection),
            Field::new("Next check-in", FieldKind::Date)
                .hint(DATE_HINT)
                .with_text(&next),
            Field::new("Private", FieldKind::Toggle).with_on(c.private),
        ],
    );
    form.focus("Notes");
    form
}

pub fn action_form(existing: Option<&Action>) -> Form {
    let a = existing.cloned().unwrap_or(Action {
        owner: "teacher".into(),
        ..Action::default()
    });
    let mut fields = vec![
        Field::new("What", FieldKind::Line)
            .required()
            .hint("Post warm-up before bell")
            .with_text(&a.what),
        Field::new("Who", FieldKind::Line)
            .required()
            .hint("teacher, coach, principal or a name")
            .with_text(&a.owner),
        Field::new("Due", FieldKind::Date)
            .hint(DATE_HINT)
            .with_text(&day(a.due_on)),
    ];
    if existing.is_some() {
        fields.push(
            Field::new("Done", FieldKind::Date)
                .hint(DATE_HINT)
                .with_text(&day(a.done_on)),
        );
    }
    Form::new(
        if existing.is_some() {
            "Edit action"
        } else {
            "New action"
        },
        fields,
    )
}

/// What a filled form asks for.
#[derive(Debug, Clone)]
pub enum Submit {
    /// One change, through the write path.
    Write(Command),
    /// An action collected into the check-in being written.
    Collect(Action),
    /// The timeline's date range (a view setting, not a record).
    ShowDates {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

/// What a filled form asks for, or what is wrong with it. `review` is the brief of a new
/// check-in: the marks made there and the actions agreed are saved with the check-in.
/// A time typed is read in `zone`.
pub fn submit(
    purpose: &Purpose,
    review: Option<&super::check_in::Review>,
    values: &Values,
    now: LocalTime,
    zone: Zone,
) -> Result<Submit, String> {
    let today = now.date();
    Ok(Submit::Write(match purpose {
        Purpose::Teacher(existing) => {
            let mut teacher = existing.clone().unwrap_or_default();
            teacher.name = values.text("Name");
            teacher.school = values.text("School");
            teacher.subject = values.text("Subject");
            teacher.cadence_days = values.whole("Check-in every").unwrap_or(14);
            edit_or_add(existing.is_some(), AnyRecord::Teacher(teacher))
        }
        Purpose::Goal {
            teacher_id,
            existing,
        } => {
            let mut goal = existing.clone().unwrap_or_default();
            goal.teacher_id.clone_from(teacher_id);
            goal.statement = values.text("Goal");
            goal.why = values.text("Why");
            goal.measure = values.text("Measure");
            goal.unit = values.text("Unit");
            goal.baseline = values.number("Baseline");
            goal.target = values.number("Target");
            goal.target_on = values.date("By");
            goal.status = GoalStatus::ALL[values.choice("Status").min(GoalStatus::ALL.len() - 1)];
            edit_or_add(existing.is_some(), AnyRecord::Goal(goal))
        }
        Purpose::Measure { goal, existing } => {
            let mut measure = existing.clone().unwrap_or_default();
            measure.goal_id.clone_from(&goal.meta.id);
            measure.value = values.number("Value").ok_or("Value: required")?;
            measure.measured_on = values.date("On").unwrap_or(today);
            measure.note = values.text("Note");
            edit_or_add(existing.is_some(), AnyRecord::Measure(measure))
        }
        Purpose::Focus {
            teacher_id,
            goal_ids,
            existing,
            replacing,
        } => {
            let mut focus = existing.clone().unwrap_or_default();
            focus.teacher_id.clone_from(teacher_id);
            focus.statement = values.text("Focus");
            focus.look_fors = values
                .text("Look-fors")
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect();
            focus.goal_id = values
                .choice("Serves goal")
                .checked_sub(1)
                .and_then(|i| goal_ids.get(i).cloned());
            focus.started_on = values.date("Started").unwrap_or(today);
            if existing.is_some() {
                Command::Edit(AnyRecord::Focus(focus))
            } else {
                let previous_outcome = replacing.as_ref().map(|_| {
                    Outcome::ALL[values.choice("Current focus").min(Outcome::ALL.len() - 1)]
                });
                Command::SetFocus {
                    focus,
                    previous_outcome,
                }
            }
        }
        Purpose::EndFocus { teacher_id } => Command::EndFocus {
            teacher_id: teacher_id.clone(),
            outcome: Outcome::ALL[values.choice("Outcome").min(Outcome::ALL.len() - 1)],
            on: values.date("Ended").unwrap_or(today),
        },
        Purpose::Observation {
            teacher_id,
            focus,
            existing,
        } => {
            let mut observation = existing.clone().unwrap_or_default();
            observation.teacher_id.clone_from(teacher_id);
            if existing.is_none() {
                observation.focus_id = focus.as_ref().map(|f| f.meta.id.clone());
            }
            observation.rating = u8::try_from(values.choice("Rating"))
                .ok()
                .and_then(Rating::new);
            observation.evidence = values.text("Evidence");
            observation.look_fors_seen = values.checks("Look-fors");
            let when = values.date_time("When").ok_or("When: not a time")?;
            // Now, or a time left as it was, keeps its offset (the hour lived twice).
            if when == now.wall() {
                observation.observed_at = now;
            } else if existing
                .as_ref()
                .is_none_or(|o| o.observed_at.wall() != when)
            {
                observation.observed_at = zone.at_wall(when);
            }
            observation.minutes = values.whole("Minutes");
            observation.class_period = values.text("Class");
            observation.private = values.toggle("Private");
            if observation.rating.is_none() && observation.evidence.is_empty() {
                return Err("Evidence: write what you saw, or give a rating".into());
            }
            edit_or_add(existing.is_some(), AnyRecord::Observation(observation))
        }
        Purpose::CheckIn {
            teacher_id,
            existing,
        } => {
            let check_in = check_in_from(values, teacher_id, existing.as_ref(), today);
            match (existing, review) {
                (None, Some(review)) => review.command(check_in),
                _ => edit_or_add(existing.is_some(), AnyRecord::CheckIn(check_in)),
            }
        }
        Purpose::TimelineDates => {
            let (from, to) = (values.date("From"), values.date("To"));
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                return Err("From is after To".into());
            }
            return Ok(Submit::ShowDates { from, to });
        }
        Purpose::CheckInAction { teacher_id } => {
            return Ok(Submit::Collect(action_from(values, teacher_id, None)));
        }
        Purpose::NewRound { teacher_ids } => {
            let checked = values.checked("Classrooms");
            let teacher_ids: Vec<String> = teacher_ids
                .iter()
                .zip(checked)
                .filter(|(_, on)| *on)
                .map(|(id, _)| id.clone())
                .collect();
            Command::Add(AnyRecord::Walkthrough(crate::model::Walkthrough {
                practice: values.text("Practice"),
                held_on: values.date("Day").unwrap_or(today),
                teacher_ids,
                ..crate::model::Walkthrough::default()
            }))
        }
        Purpose::Mark {
            walkthrough,
            teacher_id,
            ..
        } => Command::Add(AnyRecord::Observation(super::rounds::mark_observation(
            walkthrough,
            teacher_id,
            values.choice("Practice"),
            values.text("Note"),
            now,
        ))),
        Purpose::FinishVisit(visit) => Command::Add(AnyRecord::Observation(visit_observation(
            visit, values, now,
        ))),
        Purpose::Action {
            teacher_id,
            existing,
        } => edit_or_add(
            existing.is_some(),
            AnyRecord::Action(action_from(values, teacher_id, existing.as_ref())),
        ),
    }))
}

/// The check-in a filled check-in form describes.
pub fn check_in_from(
    values: &Values,
    teacher_id: &str,
    existing: Option<&CheckIn>,
    today: NaiveDate,
) -> CheckIn {
    let mut check_in = existing.cloned().unwrap_or_default();
    check_in.teacher_id = teacher_id.to_owned();
    check_in.kind = CheckInKind::ALL[values.choice("Kind").min(CheckInKind::ALL.len() - 1)];
    check_in.held_on = values.date("Held").unwrap_or(today);
    check_in.notes = values.text("Notes");
    check_in.reflection = values.text("Reflection");
    check_in.next_on = values.date("Next check-in");
    check_in.private = values.toggle("Private");
    check_in
}

/// The action a filled action form describes.
pub fn action_from(values: &Values, teacher_id: &str, existing: Option<&Action>) -> Action {
    let mut action = existing.cloned().unwrap_or_default();
    action.teacher_id = teacher_id.to_owned();
    action.what = values.text("What");
    action.owner = values.text("Who");
    action.due_on = values.date("Due");
    if existing.is_some() {
        action.done_on = values.date("Done");
    }
    action
}

fn edit_or_add(editing: bool, record: AnyRecord) -> Command {
    if editing {
        Command::Edit(record)
    } else {
        Command::Add(record)
    }
}
