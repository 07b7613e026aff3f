//! A readiness plan: the steps a school takes before coaching starts (what, by whom, by
//! when), written in a form one step a line.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One step of a readiness plan: what, by whom, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PlanStep {
    pub what: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
}

/// A plan's steps in the order they are shown (on screen and on the pages): by due date,
/// the undated last, steps due the same day (and the undated) in the order written.
pub fn steps_by_due(plan: &[PlanStep]) -> Vec<&PlanStep> {
    let mut steps: Vec<&PlanStep> = plan.iter().collect();
    steps.sort_by_key(|step| (step.due_on.is_none(), step.due_on));
    steps
}

/// A day of a readiness plan as typed (a step's due date, the day the plan is
/// reviewed), against `today`: a day and month without a year is the next such day on or
/// after the day of the review, `reviewed_on`, never one already past. What is wrong is
/// said in a few words, to fit under a form's field.
pub fn plan_day(
    typed: &str,
    today: NaiveDate,
    reviewed_on: NaiveDate,
) -> Result<NaiveDate, String> {
    crate::dates::parse_due_date(typed, today, reviewed_on).map_err(|error| error.brief())
}

/// A plan written one step a line, "what / owner / due" (owner and due may be left
/// out), as the form takes it; the due date is read by `parse_day`. Blank lines are
/// skipped; a line that cannot be read says which and why.
pub fn parse_plan(
    text: &str,
    parse_day: impl Fn(&str) -> Result<NaiveDate, String>,
) -> Result<Vec<PlanStep>, String> {
    let mut steps = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split(" / ").map(str::trim);
        let what = parts.next().unwrap_or_default().to_string();
        let owner = parts.next().unwrap_or_default().to_string();
        let due = parts.next().unwrap_or_default();
        if what.is_empty() {
            return Err(format!("line {}: say what is to be done first", n + 1));
        }
        if parts.next().is_some() {
            return Err(format!(
                "line {}: write what / who / when, with \" / \" between them",
                n + 1
            ));
        }
        let due_on = if due.is_empty() {
            None
        } else {
            Some(parse_day(due).map_err(|why| format!("line {}: {why}", n + 1))?)
        };
        steps.push(PlanStep {
            what,
            owner,
            due_on,
        });
    }
    Ok(steps)
}

/// A plan as the form shows it, one step a line ("what / owner / due").
pub fn plan_text(plan: &[PlanStep]) -> String {
    plan.iter()
        .map(|step| {
            let due = step
                .due_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            let mut line = step.what.clone();
            if !step.owner.is_empty() || !due.is_empty() {
                line.push_str(" / ");
                line.push_str(&step.owner);
            }
            if !due.is_empty() {
                line.push_str(" / ");
                line.push_str(&due);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
