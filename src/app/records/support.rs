//! The support form: what kind of support a teacher was given, on which day, by whom, for
//! how many minutes, and a note.

use super::{DATE_HINT, day, edit_or_add, pick};
use crate::app::form::{Field, Keyed};
use crate::db::Command;
use crate::model::{Support, SupportKind, when};
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SupportField {
    Kind,
    Given,
    By,
    Minutes,
    Note,
    Private,
}

/// The form that adds a support given to a teacher, or edits `existing`.
#[derive(Debug, Clone)]
pub struct SupportForm {
    pub fields: Keyed<SupportField>,
    pub teacher_id: String,
    /// The focus active when the form opened: a new support is given under it.
    pub focus_id: Option<String>,
    pub existing: Option<Support>,
    /// The kind whose usual time the Minutes field shows.
    minutes_for: SupportKind,
}

/// Minutes: as typed, or (shown in its place) the usual time of the kind chosen.
fn minutes_field(kind: SupportKind, typed: &str) -> Field {
    Field::whole("Minutes", 0, 1440, typed)
        .hint("blank: the kind's usual time")
        .default_to(&kind.default_minutes().to_string())
}

/// The kinds as the form offers them: "co-planning", "peer visit".
fn kind_labels() -> Vec<String> {
    SupportKind::ALL
        .iter()
        .map(|kind| kind.label().to_owned())
        .collect()
}

impl SupportForm {
    /// A new support is given today by `given_by` (the configured author, else "coach").
    pub fn new(
        teacher_id: &str,
        focus_id: Option<&str>,
        given_by: &str,
        existing: Option<&Support>,
    ) -> SupportForm {
        use SupportField as F;
        let s = existing.cloned().unwrap_or_default();
        let kind = SupportKind::ALL
            .iter()
            .position(|k| *k == s.kind)
            .unwrap_or(0);
        let given = if existing.is_some() {
            day(Some(s.given_on))
        } else {
            String::new()
        };
        let minutes = s.minutes.map(|m| m.to_string()).unwrap_or_default();
        let title = if existing.is_some() {
            "Edit support"
        } else {
            "Support given"
        };
        let mut fields = Keyed::new(
            title,
            vec![
                (F::Kind, Field::choice("Kind", kind_labels(), kind)),
                (
                    F::Given,
                    Field::date("Given", &given)
                        .required()
                        .hint(DATE_HINT)
                        .default_to(if existing.is_some() { "" } else { "today" }),
                ),
                (
                    F::By,
                    Field::line("By", &s.given_by)
                        .required()
                        .hint("coach, principal or a name")
                        .default_to(if existing.is_some() { "" } else { given_by }),
                ),
                (F::Minutes, minutes_field(s.kind, &minutes)),
                (F::Note, Field::notes("Note", &s.note)),
                (F::Private, Field::toggle("Private", s.private)),
            ],
        );
        fields.focus(F::Kind);
        SupportForm {
            fields,
            teacher_id: teacher_id.to_owned(),
            focus_id: existing.map_or(focus_id.map(str::to_owned), |s| s.focus_id.clone()),
            existing: existing.cloned(),
            minutes_for: s.kind,
        }
    }

    /// Shows the usual time of the kind chosen in an empty Minutes field; called when
    /// the kind changes. Minutes typed stay.
    pub fn follow_kind(&mut self) {
        use SupportField as F;
        let Ok(choice) = self.fields.choice(F::Kind) else {
            return;
        };
        let kind = pick(SupportKind::ALL, choice);
        if kind == self.minutes_for {
            return;
        }
        self.minutes_for = kind;
        if let Some(minutes) = self.fields.field_mut(F::Minutes) {
            *minutes = minutes_field(kind, &minutes.text());
        }
    }

    /// The support the form describes; no minutes typed are the kind's usual time.
    pub fn support(&self, today: NaiveDate) -> Result<Support, String> {
        use SupportField as F;
        let fields = &self.fields;
        let kind = pick(SupportKind::ALL, fields.choice(F::Kind)?);
        let mut support = self.existing.clone().unwrap_or_default();
        support.teacher_id.clone_from(&self.teacher_id);
        support.focus_id.clone_from(&self.focus_id);
        support.kind = kind;
        support.given_on = when::not_after_today(
            fields.needed(F::Given, fields.date(F::Given, today)?)?,
            today,
        )
        .map_err(|e| format!("Given: {e}"))?;
        support.given_by = fields.line(F::By)?;
        // Nothing typed is the usual time of the kind chosen, whatever the field shows.
        let typed = fields
            .field(F::Minutes)
            .map(Field::text)
            .unwrap_or_default();
        support.minutes = Some(if typed.trim().is_empty() {
            kind.default_minutes()
        } else {
            fields
                .whole(F::Minutes)?
                .unwrap_or_else(|| kind.default_minutes())
        });
        support.note = fields.notes(F::Note)?;
        support.private = fields.toggle(F::Private)?;
        Ok(support)
    }

    pub fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let support = self.support(today)?;
        Ok(edit_or_add(self.existing.as_ref(), support))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, now, type_text};

    #[test]
    fn a_new_support_is_given_today_by_the_coach_for_its_kinds_usual_time() {
        let mut form = SupportForm::new("t1", Some("F1"), "coach", None);
        // Co-planning is the second kind.
        type_text(form.fields.form_mut(), "2");
        let support = form.support(now().date()).unwrap();
        assert_eq!(support.kind, SupportKind::CoPlanning);
        assert_eq!(support.given_on, now().date());
        assert_eq!(support.given_by, "coach");
        assert_eq!(support.minutes, Some(45));
        assert_eq!(support.focus_id.as_deref(), Some("F1"));
        assert_eq!(support.teacher_id, "t1");
    }

    #[test]
    fn the_minutes_field_shows_the_usual_time_of_the_kind_chosen() {
        let mut form = SupportForm::new("t1", None, "coach", None);
        let shown = |form: &SupportForm| {
            let field = form.fields.field(SupportField::Minutes).unwrap();
            field.entry().unwrap().default_text().map(str::to_owned)
        };
        assert_eq!(shown(&form).as_deref(), Some("45"), "co-planning");
        type_text(form.fields.form_mut(), "4");
        form.follow_kind();
        assert_eq!(shown(&form).as_deref(), Some("50"), "peer visit");
        assert_eq!(form.support(now().date()).unwrap().minutes, Some(50));
        form.fields.focus(SupportField::Minutes);
        type_text(form.fields.form_mut(), "20");
        form.fields.focus(SupportField::Kind);
        type_text(form.fields.form_mut(), "1");
        form.follow_kind();
        assert_eq!(form.support(now().date()).unwrap().minutes, Some(20));
    }

    #[test]
    fn an_edited_support_reads_back_as_it_was() {
        let support = Support {
            kind: SupportKind::PeerVisit,
            given_on: date(2026, 11, 10),
            given_by: "Ms. Rivera".into(),
            note: "Watched Okafor's warm-up".into(),
            minutes: Some(50),
            focus_id: Some("F0".into()),
            private: true,
            ..Support::default()
        };
        let form = SupportForm::new("t1", Some("F1"), "coach", Some(&support));
        let read = form.support(now().date()).unwrap();
        assert_eq!(
            read,
            Support {
                teacher_id: "t1".into(),
                ..support
            },
            "the focus it was given under stays"
        );
    }

    #[test]
    fn a_support_given_tomorrow_is_refused() {
        let mut form = SupportForm::new("t1", None, "coach", None);
        form.fields.focus(SupportField::Given);
        type_text(form.fields.form_mut(), "tomorrow");
        let refused = form.support(now().date()).unwrap_err();
        assert!(refused.starts_with("Given: "), "{refused}");
    }
}
