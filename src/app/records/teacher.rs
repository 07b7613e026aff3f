//! The person form: name, role, school, subject, groups and check-in cadence.

use super::edit_or_add;
use crate::app::form::{Field, Keyed};
use crate::db::Command;
use crate::model::people::{parse_tags, tags_text};
use crate::model::{Role, Teacher};
use crate::text;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TeacherField {
    Name,
    School,
    Subject,
    Cadence,
    Role,
    Tags,
}

/// The form that adds a teacher, or edits `existing`.
#[derive(Debug, Clone)]
pub struct TeacherForm {
    pub fields: Keyed<TeacherField>,
    pub existing: Option<Teacher>,
}

/// What a filled teacher form says.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherValues {
    pub name: String,
    pub school: String,
    pub subject: String,
    pub cadence_days: u32,
    pub role: Role,
    pub tags: Vec<String>,
}

impl TeacherForm {
    pub fn new(existing: Option<&Teacher>) -> TeacherForm {
        TeacherForm::with_rhythm(existing, crate::model::DEFAULT_CHECK_IN_DAYS)
    }

    /// The form, a new teacher starting with a check-in every `days` (the config's).
    pub fn with_rhythm(existing: Option<&Teacher>, days: u32) -> TeacherForm {
        let t = existing.cloned().unwrap_or(Teacher {
            cadence_days: days,
            ..Teacher::default()
        });
        // A new teacher's rhythm is a default, replaced by what is typed.
        let (cadence, default_cadence) = if existing.is_some() {
            (t.cadence_days.to_string(), String::new())
        } else {
            (String::new(), t.cadence_days.to_string())
        };
        let title = match existing {
            Some(t) => format!("Edit {}", text::line(&t.name)),
            None => "New teacher".to_string(),
        };
        let fields = Keyed::new(
            title,
            vec![
                (
                    TeacherField::Name,
                    Field::line("Name", &t.name).required().hint("Smith, Dan"),
                ),
                (TeacherField::School, Field::line("School", &t.school)),
                (
                    TeacherField::Subject,
                    Field::line("Subject", &t.subject).hint("Grade 7 Science"),
                ),
                (
                    TeacherField::Cadence,
                    Field::whole("Check-in every", 1, 365, &cadence)
                        .required()
                        .hint("days")
                        .default_to(&default_cadence),
                ),
                (
                    TeacherField::Role,
                    Field::choice(
                        "Role",
                        Role::ALL.iter().map(|r| r.label().to_string()).collect(),
                        Role::ALL.iter().position(|r| *r == t.role).unwrap_or(0),
                    ),
                ),
                (
                    TeacherField::Tags,
                    Field::line("Groups", &tags_text(&t.tags)).hint("pilot, PLC 7"),
                ),
            ],
        );
        TeacherForm {
            fields,
            existing: existing.cloned(),
        }
    }

    /// The form with the groups already in use shown in its empty Groups field, so that a
    /// new person joins "blended-pilot" rather than starting a "pilot" beside it.
    pub fn known_groups(mut self, groups: &[String]) -> TeacherForm {
        if groups.is_empty() {
            return self;
        }
        let named: Vec<&str> = groups.iter().take(6).map(String::as_str).collect();
        let more = if groups.len() > named.len() {
            ", …"
        } else {
            ""
        };
        let words = format!("in use: {}{more}", named.join(", "));
        if let Some(field) = self.fields.field_mut(TeacherField::Tags) {
            *field = field.clone().hint(words);
        }
        self
    }

    pub fn values(&self) -> Result<TeacherValues, String> {
        use TeacherField as F;
        let fields = &self.fields;
        Ok(TeacherValues {
            name: fields.line(F::Name)?,
            school: fields.line(F::School)?,
            subject: fields.line(F::Subject)?,
            cadence_days: fields.needed(F::Cadence, fields.whole(F::Cadence)?)?,
            role: Role::ALL
                .get(fields.choice(F::Role)?)
                .copied()
                .unwrap_or_default(),
            tags: parse_tags(&fields.line(F::Tags)?).map_err(|why| format!("Groups: {why}"))?,
        })
    }

    pub fn command(&self) -> Result<Command, String> {
        let values = self.values()?;
        let mut teacher = self.existing.clone().unwrap_or_default();
        teacher.name = values.name;
        teacher.school = values.school;
        teacher.subject = values.subject;
        teacher.cadence_days = values.cadence_days;
        teacher.role = values.role;
        teacher.tags = values.tags;
        Ok(edit_or_add(self.existing.as_ref(), teacher))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{now, type_text};
    use crate::model::AnyRecord;

    fn smith() -> Teacher {
        Teacher {
            name: "Smith, Dan".into(),
            school: "Eastside".into(),
            subject: "Grade 7 Science".into(),
            cadence_days: 7,
            ..Teacher::default()
        }
    }

    #[test]
    fn an_edited_teacher_reads_back_as_it_was() {
        let form = TeacherForm::new(Some(&smith()));
        assert_eq!(
            form.values(),
            Ok(TeacherValues {
                name: "Smith, Dan".into(),
                school: "Eastside".into(),
                subject: "Grade 7 Science".into(),
                cadence_days: 7,
                role: Role::Teacher,
                tags: vec![],
            })
        );
    }

    #[test]
    fn a_new_teacher_starts_with_a_fortnightly_check_in_and_needs_a_name() {
        let mut form = TeacherForm::new(None);
        assert!(!form.fields.form_mut().validate(now()));
        assert_eq!(form.values(), Err("Name: required".to_string()));
        type_text(form.fields.form_mut(), "Park, Eve");
        let values = form.values().unwrap();
        assert_eq!(
            (values.name.as_str(), values.cadence_days),
            ("Park, Eve", 14)
        );
    }

    #[test]
    fn a_renamed_cadence_label_still_saves_the_typed_cadence() {
        let mut form = TeacherForm::new(Some(&smith()));
        let field = form.fields.field_mut(TeacherField::Cadence).unwrap();
        field.header.label = "Meet every";
        let Ok(Command::Revise { edited, .. }) = form.command() else {
            panic!("an edited teacher")
        };
        let AnyRecord::Teacher(teacher) = *edited else {
            panic!("a teacher")
        };
        assert_eq!(teacher.cadence_days, 7, "not a default of 14");
        assert_eq!(
            form.fields
                .field_mut(TeacherField::Cadence)
                .unwrap()
                .label(),
            "Meet every"
        );
    }

    #[test]
    fn an_emptied_cadence_is_refused_not_replaced_by_a_default() {
        let mut form = TeacherForm::new(Some(&smith()));
        let field = form.fields.field_mut(TeacherField::Cadence).unwrap();
        field.entry_mut().unwrap().set_text("");
        assert_eq!(
            form.command().map(|_| ()),
            Err("Check-in every: required".to_string())
        );
    }
}
