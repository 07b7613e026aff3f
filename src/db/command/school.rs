//! The rules on a school's record: a name, no two live schools by the same name, and a
//! new name given to its people in the same command (they link to it by name).

use super::super::{Error, Result};
use super::{Writer, required};
use crate::model::{School, Teacher, school_key};

impl Writer<'_> {
    pub(super) fn check_school(&self, school: &School) -> Result<()> {
        required(&school.name, "the school's name")?;
        let key = school_key(&school.name);
        let mut others = self
            .conn
            .prepare_cached("SELECT name FROM school WHERE deleted_at IS NULL AND id <> ?1")?;
        for other in others.query_map([&school.meta.id], |row| row.get::<_, String>(0))? {
            let other = other?;
            if school_key(&other) == key {
                return Err(Error::Invalid(format!(
                    "there is already a school named \"{other}\"; use another name"
                )));
            }
        }
        Ok(())
    }

    /// The live school named `name` in any case or spacing, as its record spells it.
    fn school_named(&self, name: &str) -> Result<Option<String>> {
        let key = school_key(name);
        if key.is_empty() {
            return Ok(None);
        }
        let mut schools = self
            .conn
            .prepare_cached("SELECT name FROM school WHERE deleted_at IS NULL")?;
        let known = schools
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(known.into_iter().find(|other| school_key(other) == key))
    }

    /// A person's school spelled as the school's record spells it ("eastside middle"
    /// becomes "Eastside Middle"), so one school reads the same everywhere.
    pub(super) fn spell_school(&self, person: &mut Teacher) -> Result<()> {
        if let Some(spelled) = self.school_named(&person.school)? {
            person.school = spelled;
        }
        Ok(())
    }

    /// Makes the school a person names a record of its own, when no live school has that
    /// name yet (in any case): a school is never only a word on its people.
    pub(super) fn ensure_school(&mut self, name: &str) -> Result<()> {
        if school_key(name).is_empty() || self.school_named(name)?.is_some() {
            return Ok(());
        }
        self.add(School {
            name: name.trim().to_string(),
            ..School::default()
        })
        .map(drop)
    }

    /// Gives everyone who names the school `old` (in any case, trashed or archived too)
    /// the name `new`, when the school's name was changed.
    pub(super) fn rename_school_people(&mut self, old: &str, new: &str) -> Result<()> {
        if old.trim() == new.trim() || school_key(old).is_empty() {
            return Ok(());
        }
        let key = school_key(old);
        let mut people = self.conn.prepare_cached("SELECT id, school FROM teacher")?;
        let named: Vec<String> = people
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?
            .filter_map(|row| match row {
                Ok((id, school)) => (school_key(&school) == key).then_some(Ok(id)),
                Err(error) => Some(Err(error)),
            })
            .collect::<rusqlite::Result<_>>()?;
        for id in named {
            let mut person = self.load::<Teacher>(&id)?;
            person.school = new.trim().to_string();
            self.edit(person)?;
        }
        Ok(())
    }
}
