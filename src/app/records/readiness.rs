//! The readiness review form: a school, the day it was reviewed, a rating for each
//! criterion with the evidence, its achievement figure, whether it sat out, and the
//! recommendation with its rationale, plan ("what / owner / due" a line) and review date.
//! Saving adds a new review: the latest is the one in force.

use super::{DATE_HINT, day, number};
use crate::app::form::{Field, FieldState, Keyed};
use crate::db::Command;
use crate::model::readiness::{
    CriterionRating, Recommendation, parse_achievement, parse_plan, plan_day, plan_text,
};
use crate::model::{AnyRecord, ReadinessReview, School};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::sync::Mutex;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ReadinessField {
    School,
    Reviewed,
    /// The rating of the criterion at this place in the form's criteria.
    Criterion(usize),
    Evidence,
    Achievement,
    SatOut,
    Recommendation,
    Rationale,
    Plan,
    ReviewOn,
    Notes,
}

/// The form that adds a readiness review of one of `schools`.
#[derive(Debug, Clone)]
pub struct ReadinessForm {
    pub fields: Keyed<ReadinessField>,
    /// Every school record, in the order the School field offers them.
    pub schools: Vec<School>,
    /// The criteria rated, in the order of their fields.
    pub criteria: Vec<String>,
    /// The criteria a school without a review is rated on.
    pub settings_criteria: Vec<String>,
    /// The review in force of each school reviewed: a school's new review starts from it.
    pub in_force: Vec<ReadinessReview>,
    /// The school the fields were made for (the School field's choice then).
    pub school: usize,
    /// The School field's choice as last followed (see [`ReadinessForm::follow_school`]).
    chosen: usize,
    /// What every field held when the form was made, to tell whether anything was typed.
    built: Vec<(serde_json::Value, FieldState)>,
}

/// A criterion's name as a field label, whole: the form wraps a long one under itself,
/// so that a principal reads what is rated. Labels live as long as the program: each
/// distinct name is kept once, so opening the form again costs nothing more.
fn label(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let Ok(mut names) = NAMES.lock() else {
        return "criterion";
    };
    if let Some(kept) = names.get(name) {
        return kept;
    }
    let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(kept);
    kept
}

/// A rating as the form offers it: "not rated", then 1 to 4.
fn rating_options() -> Vec<String> {
    std::iter::once("not rated".to_owned())
        .chain(crate::model::readiness::RATING_RANGE.map(|r| r.to_string()))
        .collect()
}

/// The recommendations as the form offers them, "not decided" first.
fn recommendation_options() -> Vec<String> {
    std::iter::once("not decided".to_owned())
        .chain(Recommendation::ALL.iter().map(|r| r.label().to_owned()))
        .collect()
}

impl ReadinessForm {
    /// A new review of one of `schools` (the one at `school`). A school with a review in
    /// force (one of `in_force`) starts from it, on its own criteria; another is rated on
    /// `criteria` (the settings').
    pub fn new(
        schools: &[School],
        school: usize,
        criteria: &[String],
        in_force: &[ReadinessReview],
    ) -> ReadinessForm {
        use ReadinessField as F;
        let school = school.min(schools.len().saturating_sub(1));
        let last = schools
            .get(school)
            .and_then(|s| in_force.iter().find(|r| r.school_id == s.meta.id));
        let fresh = ReadinessReview::on_criteria("", NaiveDate::default(), criteria);
        let was = last.unwrap_or(&fresh);
        let names: Vec<String> = schools.iter().map(|s| s.name.clone()).collect();
        let mut fields = vec![
            (F::School, Field::choice("School", names, school)),
            (
                F::Reviewed,
                Field::date("Reviewed", "")
                    .required()
                    .hint(DATE_HINT)
                    .default_to("today"),
            ),
        ];
        for (n, rated) in was.ratings.iter().enumerate() {
            let choice = usize::from(rated.rating.unwrap_or(0));
            fields.push((
                F::Criterion(n),
                Field::choice(label(&rated.criterion), rating_options(), choice),
            ));
        }
        let evidence: Vec<String> = was
            .ratings
            .iter()
            .flat_map(|r| r.evidence.lines().map(|l| format!("{}: {l}", r.criterion)))
            .collect();
        let recommendation = was
            .recommendation
            .and_then(|r| Recommendation::ALL.iter().position(|a| *a == r))
            .map_or(0, |at| at + 1);
        fields.extend([
            (
                F::Evidence,
                Field::notes("Evidence", &evidence.join("\n"))
                    .hint("staff collaboration: PLCs meet weekly"),
            ),
            (
                F::Achievement,
                Field::number("Achievement", &number(was.achievement))
                    .read_by(parse_achievement)
                    .hint("% proficient, 0 to 100, blank if not known"),
            ),
            (F::SatOut, Field::toggle("Sat out", was.self_selected_out)),
            (
                F::Recommendation,
                Field::choice("Recommendation", recommendation_options(), recommendation),
            ),
            (F::Rationale, Field::notes("Rationale", &was.rationale)),
            (
                F::Plan,
                Field::notes("Plan", &plan_text(&was.plan))
                    .hint("what / owner / due, a step a line"),
            ),
            (
                F::ReviewOn,
                Field::date("Review on", &day(was.review_on))
                    .due_from("today")
                    .hint(DATE_HINT),
            ),
            (F::Notes, Field::notes("Private notes", &was.notes)),
        ]);
        let mut fields = Keyed::new("Readiness review", fields);
        fields.focus(F::School);
        let built = fields.states();
        ReadinessForm {
            fields,
            schools: schools.to_vec(),
            criteria: was.ratings.iter().map(|r| r.criterion.clone()).collect(),
            settings_criteria: criteria.to_vec(),
            in_force: in_force.to_vec(),
            school,
            chosen: school,
            built,
        }
    }

    /// Whether a field other than the School differs from what the form was made with.
    fn typed(&self) -> bool {
        let school = serde_json::to_value(ReadinessField::School).ok();
        let others = |states: Vec<(serde_json::Value, FieldState)>| -> Vec<_> {
            states
                .into_iter()
                .filter(|(id, _)| Some(id) != school.as_ref())
                .collect()
        };
        others(self.fields.states()) != others(self.built.clone())
    }

    /// Follows a change of the School field. While nothing else was typed, the form is
    /// made again on the school chosen, from its review in force and on its criteria.
    /// Once something was typed, it is all kept (the criteria too) and only the school
    /// changes: what the user is told is returned. Called as a choice changes; cheap when
    /// the school is the same.
    pub fn follow_school(&mut self) -> Option<String> {
        self.follow_reviewed();
        let choice = self.fields.choice(ReadinessField::School).ok()?;
        if choice == self.chosen {
            return None;
        }
        self.chosen = choice;
        if !self.typed() {
            *self = ReadinessForm::new(
                &self.schools,
                choice,
                &self.settings_criteria,
                &self.in_force,
            );
            return None;
        }
        // Back on the school the fields were made for: nothing to say.
        if choice == self.school {
            return None;
        }
        let school = self.schools.get(choice)?;
        let name = crate::text::line(school.name.trim()).into_owned();
        let reviewed = self.in_force.iter().any(|r| r.school_id == school.meta.id);
        Some(if reviewed {
            format!("Kept what you typed; the review of {name} in force was not loaded")
        } else {
            format!("Kept what you typed, now for {name}")
        })
    }

    /// Keeps the Review on field reading a day and month without a year as the next
    /// such day from the day reviewed, as the plan's due dates are (see `plan_day`).
    fn follow_reviewed(&mut self) {
        use ReadinessField as F;
        let reviewed = self
            .fields
            .field(F::Reviewed)
            .and_then(Field::entry)
            .map(crate::app::form::Entry::value_text)
            .unwrap_or_default();
        if let Some(review_on) = self.fields.field_mut(F::ReviewOn) {
            review_on.set_due_from(&reviewed);
        }
    }

    /// The name of the school the review is for (the School field's choice), as shown.
    pub fn chosen_name(&self) -> Option<String> {
        let choice = self.fields.choice(ReadinessField::School).ok()?;
        let school = self.schools.get(choice)?;
        Some(crate::text::line(school.name.trim()).into_owned())
    }

    /// The id of the school the review is for (the School field's choice).
    pub fn school_id(&self) -> Option<&str> {
        let choice = self.fields.choice(ReadinessField::School).ok()?;
        self.schools.get(choice).map(|s| s.meta.id.as_str())
    }

    /// The review the form describes. The evidence is matched to its criterion by the
    /// words before the first colon of each line; lines that name none are kept on the
    /// first criterion's evidence.
    pub fn review(&self, today: NaiveDate) -> Result<ReadinessReview, String> {
        use ReadinessField as F;
        let fields = &self.fields;
        let school = self
            .schools
            .get(fields.choice(F::School)?)
            .ok_or("School: there is no school to review; add one first")?;
        let reviewed_on = fields.needed(F::Reviewed, fields.date(F::Reviewed, today)?)?;
        let mut review = ReadinessReview::on_criteria(&school.meta.id, reviewed_on, &self.criteria);
        for (n, rated) in review.ratings.iter_mut().enumerate() {
            let choice = fields.choice(F::Criterion(n))?;
            rated.rating = u8::try_from(choice).ok().filter(|&r| r > 0);
        }
        spread_evidence(&fields.notes(F::Evidence)?, &mut review.ratings);
        review.achievement = fields.number(F::Achievement)?;
        review.self_selected_out = fields.toggle(F::SatOut)?;
        let choice = fields.choice(F::Recommendation)?;
        review.recommendation = choice
            .checked_sub(1)
            .and_then(|at| Recommendation::ALL.get(at).copied());
        review.rationale = fields.notes(F::Rationale)?;
        review.plan = parse_plan(&fields.notes(F::Plan)?, |text| {
            plan_day(text, today, reviewed_on)
        })
        .map_err(|why| format!("Plan: {why}"))?;
        review.review_on = fields.due_date(F::ReviewOn, today, reviewed_on)?;
        review.notes = fields.notes(F::Notes)?;
        Ok(review)
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        Ok(Command::Add(AnyRecord::ReadinessReview(
            self.review(today)?,
        )))
    }
}

/// Puts each line of `evidence` on the criterion it names ("staff collaboration: PLCs
/// meet weekly"); a line naming no criterion goes to the first.
fn spread_evidence(evidence: &str, ratings: &mut [CriterionRating]) {
    for line in evidence.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let named = line.split_once(':').and_then(|(name, said)| {
            let name = name.trim().to_lowercase();
            ratings
                .iter()
                .position(|r| r.criterion.to_lowercase() == name)
                .map(|at| (at, said.trim()))
        });
        let (at, said) = named.unwrap_or((0, line));
        if let Some(rated) = ratings.get_mut(at) {
            if !rated.evidence.is_empty() {
                rated.evidence.push('\n');
            }
            rated.evidence.push_str(said);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, now, type_text};

    fn schools() -> Vec<School> {
        ["Ash Elementary", "Birch Middle"]
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let mut school = School {
                    name: (*name).into(),
                    ..School::default()
                };
                school.meta.id = format!("s{n}");
                school
            })
            .collect()
    }

    fn criteria() -> Vec<String> {
        vec![
            "staff collaboration".into(),
            "current student results".into(),
        ]
    }

    #[test]
    fn an_untouched_form_is_an_unrated_undecided_review_dated_today() {
        let form = ReadinessForm::new(&schools(), 1, &criteria(), &[]);
        let review = form.review(now().date()).unwrap();
        assert_eq!(review.school_id, "s1");
        assert_eq!(review.reviewed_on, now().date());
        assert_eq!(review.unrated(), 2);
        assert_eq!(review.recommendation, None);
        assert!(review.plan.is_empty() && review.review_on.is_none());
    }

    #[test]
    fn ratings_evidence_recommendation_and_plan_are_read_into_the_review() {
        use ReadinessField as F;
        let mut form = ReadinessForm::new(&schools(), 0, &criteria(), &[]);
        form.fields.focus(F::Criterion(0));
        type_text(form.fields.form_mut(), "3");
        form.fields.focus(F::Criterion(1));
        type_text(form.fields.form_mut(), "2");
        form.fields.focus(F::Evidence);
        type_text(
            form.fields.form_mut(),
            "Current student results: flat for two years\nthe staff were candid",
        );
        form.fields.focus(F::Recommendation);
        type_text(form.fields.form_mut(), "5");
        form.fields.focus(F::Plan);
        type_text(form.fields.form_mut(), "Set norms / principal / 2027-01-15");
        let review = form.review(now().date()).unwrap();
        let ratings: Vec<Option<u8>> = review.ratings.iter().map(|r| r.rating).collect();
        assert_eq!(ratings, [Some(3), Some(2)]);
        assert_eq!(review.ratings[0].evidence, "the staff were candid");
        assert_eq!(review.ratings[1].evidence, "flat for two years");
        assert_eq!(review.recommendation, Some(Recommendation::ReadinessPlan));
        assert_eq!(review.plan[0].owner, "principal");
        assert_eq!(review.plan[0].due_on, Some(date(2027, 1, 15)));
    }

    #[test]
    fn a_long_criterion_is_labelled_whole_and_read_by_its_place() {
        let long = "principal readiness and understanding of the coach's role".to_string();
        let form = ReadinessForm::new(&schools(), 0, std::slice::from_ref(&long), &[]);
        let field = form.fields.field(ReadinessField::Criterion(0)).unwrap();
        assert_eq!(field.label(), long, "the form wraps it, whole");
        let review = form.review(now().date()).unwrap();
        assert_eq!(
            review.ratings[0].criterion, long,
            "the review keeps the full name"
        );
    }

    #[test]
    fn days_without_a_year_in_the_plan_are_the_next_ones_from_the_day_reviewed() {
        use ReadinessField as F;
        let mut form = ReadinessForm::new(&schools(), 0, &criteria(), &[]);
        form.fields.focus(F::Plan);
        type_text(form.fields.form_mut(), "Set norms / principal / 1 mar");
        form.fields.focus(F::ReviewOn);
        type_text(form.fields.form_mut(), "15 oct");
        form.follow_school();
        let review = form.review(now().date()).unwrap();
        assert_eq!(
            review.plan[0].due_on,
            Some(date(2027, 3, 1)),
            "not last March"
        );
        assert_eq!(review.review_on, Some(date(2027, 10, 15)));
        let on_screen = form.fields.date(F::ReviewOn, now().date());
        assert_eq!(
            on_screen,
            Ok(Some(date(2027, 10, 15))),
            "as the field shows it"
        );
        // A review written up later, of a visit in the spring: its autumn.
        form.fields.focus(F::Reviewed);
        type_text(form.fields.form_mut(), "2026-04-02");
        form.follow_school();
        let review = form.review(now().date()).unwrap();
        assert_eq!(review.plan[0].due_on, Some(date(2027, 3, 1)));
        assert_eq!(review.review_on, Some(date(2026, 10, 15)));
        let on_screen = form.fields.date(F::ReviewOn, now().date());
        assert_eq!(on_screen, Ok(Some(date(2026, 10, 15))));
    }

    #[test]
    fn a_plan_day_that_is_in_no_year_is_named_in_a_few_words() {
        use ReadinessField as F;
        let mut form = ReadinessForm::new(&schools(), 0, &criteria(), &[]);
        form.fields.focus(F::Plan);
        type_text(
            form.fields.form_mut(),
            "Set norms\nVisit / principal / 31 feb",
        );
        assert_eq!(
            form.review(now().date()).unwrap_err(),
            "Plan: line 2: \"31 feb\" is not a date: there is no 31 February"
        );
    }

    #[test]
    fn a_school_with_a_review_starts_from_it_on_its_own_criteria() {
        let mut last =
            ReadinessReview::on_criteria("s1", date(2026, 10, 1), &["collaboration".to_string()]);
        last.ratings[0].rating = Some(2);
        last.ratings[0].evidence = "PLCs are new".into();
        last.recommendation = Some(Recommendation::Cohort2);
        let mut form = ReadinessForm::new(&schools(), 0, &criteria(), std::slice::from_ref(&last));
        assert_eq!(
            form.review(now().date()).unwrap().ratings.len(),
            2,
            "Ash: the settings'"
        );
        // Birch is picked: the form is made again from its review.
        type_text(form.fields.form_mut(), "2");
        form.follow_school();
        let review = form.review(now().date()).unwrap();
        assert_eq!(review.school_id, "s1");
        assert_eq!(
            review.reviewed_on,
            now().date(),
            "a new review, dated today"
        );
        assert_eq!(review.ratings, last.ratings);
        assert_eq!(review.recommendation, Some(Recommendation::Cohort2));
    }

    #[test]
    fn a_school_chosen_after_typing_keeps_what_was_typed_and_says_so() {
        use ReadinessField as F;
        let mut last =
            ReadinessReview::on_criteria("s1", date(2026, 10, 1), &["collaboration".to_string()]);
        last.ratings[0].rating = Some(2);
        last.rationale = "Birch's own reasons".into();
        let mut form = ReadinessForm::new(&schools(), 0, &criteria(), std::slice::from_ref(&last));
        form.fields.focus(F::Criterion(1));
        type_text(form.fields.form_mut(), "3");
        // Back up to the School field, and on to Birch.
        form.fields.focus(F::School);
        type_text(form.fields.form_mut(), "2");
        let note = form.follow_school();
        assert_eq!(
            note.as_deref(),
            Some("Kept what you typed; the review of Birch Middle in force was not loaded")
        );
        let review = form.review(now().date()).unwrap();
        assert_eq!(review.school_id, "s1", "the school changed");
        let ratings: Vec<(&str, Option<u8>)> = review
            .ratings
            .iter()
            .map(|r| (r.criterion.as_str(), r.rating))
            .collect();
        assert_eq!(
            ratings,
            [
                ("staff collaboration", None),
                ("current student results", Some(3))
            ],
            "the criteria and the rating typed stay"
        );
        assert_eq!(review.rationale, "", "Birch's review was not loaded");
        // Back to Ash, whose fields these are: nothing more to say, nothing lost.
        form.fields.focus(F::School);
        type_text(form.fields.form_mut(), "1");
        assert_eq!(form.follow_school(), None);
        assert_eq!(
            form.review(now().date()).unwrap().ratings[1].rating,
            Some(3)
        );
    }

    #[test]
    fn a_school_without_a_review_chosen_after_typing_is_named() {
        let mut form = ReadinessForm::new(&schools(), 1, &criteria(), &[]);
        form.fields.focus(ReadinessField::Achievement);
        type_text(form.fields.form_mut(), "61");
        form.fields.focus(ReadinessField::School);
        type_text(form.fields.form_mut(), "1");
        assert_eq!(
            form.follow_school().as_deref(),
            Some("Kept what you typed, now for Ash Elementary")
        );
        let review = form.review(now().date()).unwrap();
        assert_eq!(
            (review.school_id.as_str(), review.achievement),
            ("s0", Some(61.0))
        );
    }
}
