//! The observation form (quick capture: ⏎ saves from any field), and the last step of a
//! captured visit: its rating.

use super::edit_or_add;
use crate::app::capture::Visit;
use crate::app::form::{Field, Keyed};
use crate::db::Command;
use crate::model::{AnyRecord, Focus, LocalTime, Observation, Rating, Teacher, Zone, when};
use crate::text;
use chrono::NaiveDateTime;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ObservationField {
    /// The focus the observation is on, shown for context.
    Focus,
    Rating,
    Evidence,
    /// Only when the focus has look-fors.
    LookFors,
    When,
    Minutes,
    Class,
    Private,
}

/// The form that records an observation of a teacher, or edits `existing`.
#[derive(Debug, Clone)]
pub struct ObservationForm {
    pub fields: Keyed<ObservationField>,
    pub teacher_id: String,
    /// The focus a new observation attaches to.
    pub focus: Option<Focus>,
    pub existing: Option<Observation>,
}

/// What a filled observation form says.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationValues {
    pub rating: Option<Rating>,
    pub evidence: String,
    pub look_fors_seen: Vec<String>,
    pub observed_at: NaiveDateTime,
    pub minutes: Option<u32>,
    pub class_period: String,
    pub private: bool,
}

/// The rating a choice among `model::rating_choices` stands for ("—" is none).
fn rating(choice: usize) -> Option<Rating> {
    u8::try_from(choice).ok().and_then(Rating::new)
}

impl ObservationForm {
    pub fn new(
        teacher: &Teacher,
        focus: Option<&Focus>,
        existing: Option<&Observation>,
        now: NaiveDateTime,
    ) -> ObservationForm {
        use ObservationField as F;
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
            (F::Focus, Field::info("Focus", &focus_text)),
            (
                F::Rating,
                Field::choice("Rating", crate::model::rating_choices(), rating),
            ),
            (
                F::Evidence,
                Field::notes("Evidence", &o.evidence).hint("what was seen and heard"),
            ),
        ];
        if let Some(focus) = focus
            && !focus.look_fors.is_empty()
        {
            let seen = &o.look_fors_seen;
            fields.push((
                F::LookFors,
                Field::checks("Look-fors", focus.look_fors.clone(), |item| {
                    seen.iter().any(|s| s == item)
                }),
            ));
        }
        let minutes = o.minutes.map(|m| m.to_string()).unwrap_or_default();
        fields.extend([
            (
                F::When,
                Field::date_time("When", &when).hint("now, or e.g. today 10:40"),
            ),
            (F::Minutes, Field::whole("Minutes", 0, 600, &minutes)),
            (
                F::Class,
                Field::line("Class", &o.class_period).hint("P3, 7B science"),
            ),
            (F::Private, Field::toggle("Private", o.private)),
        ]);
        let mut fields = Keyed::new(
            format!(
                "Observe {} · {}",
                text::line(&teacher.name),
                now.format("%a %-d %b %H:%M")
            ),
            fields,
        );
        fields.focus(F::Rating);
        // Quick capture: ⏎ saves from any field (Alt-⏎ starts a new line in the evidence).
        fields.form_mut().enter_saves = true;
        ObservationForm {
            fields,
            teacher_id: teacher.meta.id.clone(),
            focus: focus.cloned(),
            existing: existing.cloned(),
        }
    }

    pub fn values(&self, now: NaiveDateTime) -> Result<ObservationValues, String> {
        use ObservationField as F;
        let fields = &self.fields;
        let values = ObservationValues {
            rating: rating(fields.choice(F::Rating)?),
            evidence: fields.notes(F::Evidence)?,
            look_fors_seen: match fields.has(F::LookFors) {
                true => fields.ticked(F::LookFors)?,
                false => Vec::new(),
            },
            observed_at: fields.date_time(F::When, now)?,
            minutes: fields.whole(F::Minutes)?,
            class_period: fields.line(F::Class)?,
            private: fields.toggle(F::Private)?,
        };
        if values.rating.is_none() && values.evidence.is_empty() {
            return Err("Evidence: write what you saw, or give a rating".into());
        }
        Ok(values)
    }

    /// The command the form asks for. A time typed is read in `zone`, and may not be in
    /// the future.
    pub fn command(&self, now: LocalTime, zone: Zone) -> Result<Command, String> {
        let values = self.values(now.wall())?;
        let mut observation = self.existing.clone().unwrap_or_default();
        observation.teacher_id.clone_from(&self.teacher_id);
        if self.existing.is_none() {
            observation.focus_id = self.focus.as_ref().map(|f| f.meta.id.clone());
        }
        observation.rating = values.rating;
        observation.evidence = values.evidence;
        observation.look_fors_seen = values.look_fors_seen;
        let when = values.observed_at;
        // Now, or a time left as it was, keeps its offset (in the hour lived twice, the
        // wall time alone cannot say which of the two it was).
        if when == now.wall() {
            observation.observed_at = now;
        } else if self
            .existing
            .as_ref()
            .is_none_or(|o| o.observed_at.wall() != when)
        {
            observation.observed_at = zone.at_wall(when);
        }
        observation.observed_at =
            when::not_in_future(observation.observed_at, now).map_err(|e| format!("When: {e}"))?;
        observation.minutes = values.minutes;
        observation.class_period = values.class_period;
        observation.private = values.private;
        Ok(edit_or_add(self.existing.as_ref(), observation))
    }
}

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum VisitField {
    Rating,
    Class,
    Private,
}

/// The last step of a captured visit: the rating (and class, and privacy).
#[derive(Debug, Clone)]
pub struct FinishVisitForm {
    pub fields: Keyed<VisitField>,
    pub visit: Box<Visit>,
}

impl FinishVisitForm {
    pub fn new(visit: Visit, now: LocalTime) -> FinishVisitForm {
        let mut fields = Keyed::new(
            format!(
                "Rate the visit to {} · {} min",
                text::line(&visit.teacher_name),
                visit.minutes(now)
            ),
            vec![
                (
                    VisitField::Rating,
                    Field::choice("Rating", crate::model::rating_choices(), 0),
                ),
                (
                    VisitField::Class,
                    Field::line("Class", "").hint("P3, 7B science"),
                ),
                (VisitField::Private, Field::toggle("Private", false)),
            ],
        );
        fields.focus(VisitField::Rating);
        fields.form_mut().enter_saves = true;
        FinishVisitForm {
            fields,
            visit: Box::new(visit),
        }
    }

    /// The observation the rated visit becomes.
    pub fn observation(&self, now: LocalTime) -> Result<Observation, String> {
        let fields = &self.fields;
        let mut observation = self.visit.observation(
            now,
            rating(fields.choice(VisitField::Rating)?),
            fields.toggle(VisitField::Private)?,
            fields.line(VisitField::Class)?,
        );
        // The lines typed in the classroom come in here, as a form's notes do.
        observation.evidence =
            crate::text::clean(&observation.evidence).map_err(|e| format!("the evidence: {e}"))?;
        Ok(observation)
    }

    pub fn command(&self, now: LocalTime) -> Result<Command, String> {
        Ok(Command::Add(AnyRecord::Observation(self.observation(now)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, local_now, now};
    use crate::model::TeacherFile;

    fn focus() -> Focus {
        Focus {
            statement: "Warm-up".into(),
            look_fors: vec!["posted".into(), "names target".into()],
            ..Focus::default()
        }
    }

    #[test]
    fn an_edited_observation_reads_back_as_it_was() {
        let observation = Observation {
            observed_at: LocalTime::utc_wall(date(2026, 11, 20).and_hms_opt(9, 5, 0).unwrap()),
            minutes: Some(12),
            class_period: "P3".into(),
            evidence: "Target posted\nstudents read it aloud".into(),
            look_fors_seen: vec!["names target".into()],
            rating: Rating::new(3),
            private: true,
            ..Observation::default()
        };
        let form = ObservationForm::new(
            &Teacher::default(),
            Some(&focus()),
            Some(&observation),
            now(),
        );
        assert_eq!(
            form.values(now()),
            Ok(ObservationValues {
                rating: Rating::new(3),
                evidence: observation.evidence.clone(),
                look_fors_seen: observation.look_fors_seen.clone(),
                observed_at: observation.observed_at.wall(),
                minutes: Some(12),
                class_period: "P3".into(),
                private: true,
            })
        );
    }

    #[test]
    fn an_observation_without_look_fors_or_anything_typed_is_refused() {
        let mut form = ObservationForm::new(&Teacher::default(), None, None, now());
        assert!(!form.fields.has(ObservationField::LookFors));
        assert_eq!(
            form.values(now()),
            Err("Evidence: write what you saw, or give a rating".into())
        );
        assert!(form.fields.flip(ObservationField::Private, now()));
        form.fields.form_mut().input(
            crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char('2'),
                crossterm::event::KeyModifiers::NONE,
            ),
            now(),
        );
        let values = form.values(now()).unwrap();
        assert_eq!((values.rating, values.private), (Rating::new(2), true));
        assert_eq!(values.observed_at, now(), "an empty time is now");
    }

    #[test]
    fn a_rated_visit_becomes_a_private_observation_of_its_class() {
        let file = TeacherFile::default();
        let visit = Visit::start(&file, local_now());
        let mut form = FinishVisitForm::new(visit, local_now());
        assert!(form.fields.flip(VisitField::Private, now()));
        if let Some(class) = form.fields.field_mut(VisitField::Class) {
            class.entry_mut().unwrap().set_text("7B");
        }
        let observation = form.observation(local_now()).unwrap();
        assert_eq!(
            (observation.private, observation.class_period.as_str()),
            (true, "7B")
        );
        assert_eq!(observation.rating, None);
    }

    #[test]
    fn an_observation_dated_tomorrow_is_refused() {
        let mut form = ObservationForm::new(&Teacher::default(), None, None, now());
        if let Some(when) = form.fields.field_mut(ObservationField::When) {
            when.entry_mut().unwrap().set_text("tomorrow 9:00");
        }
        if let Some(evidence) = form.fields.field_mut(ObservationField::Evidence) {
            evidence.entry_mut().unwrap().set_text("Seen.");
        }
        let refused = form
            .command(local_now(), crate::model::Zone::Utc)
            .unwrap_err();
        assert!(
            refused.starts_with("When: Tue 24 Nov 2026 09:00 is in the future"),
            "{refused}"
        );
    }
}
