//! What a form holds, as kept in a draft: each field's typed text, chosen option or ticked
//! items under the form's own field id, so an interrupted form can be put back whole.

use super::{Field, Keyed, Kind};
use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt::Debug;

/// One field's content. A choice and a checklist keep the words shown, not positions, so
/// that a list that changed meanwhile (a goal added) cannot shift what was picked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldState {
    Text(String),
    Choice(String),
    Ticked(Vec<String>),
    Toggle(bool),
}

impl Field {
    /// The field's content; none for text shown only for context.
    pub fn state(&self) -> Option<FieldState> {
        match &self.kind {
            Kind::Choice(choice) => choice
                .options
                .get(choice.choice?)
                .map(|option| FieldState::Choice(option.clone())),
            Kind::Checks(checks) => Some(FieldState::Ticked(checks.ticked())),
            Kind::Toggle(toggle) => Some(FieldState::Toggle(toggle.on)),
            Kind::Info(_) => None,
            _ => Some(FieldState::Text(self.text())),
        }
    }

    /// Puts back a content kept by `state`; one that does not fit the field (another
    /// kind, an option no longer offered) is left out.
    pub fn restore(&mut self, state: &FieldState, now: NaiveDateTime) {
        match (&mut self.kind, state) {
            (Kind::Choice(choice), FieldState::Choice(picked)) => {
                if let Some(index) = choice.options.iter().position(|o| o == picked) {
                    choice.choice = Some(index);
                }
            }
            (Kind::Checks(checks), FieldState::Ticked(ticked)) => {
                for (item, on) in checks.items.iter().zip(checks.checked.iter_mut()) {
                    *on = ticked.contains(item);
                }
            }
            (Kind::Toggle(toggle), FieldState::Toggle(on)) => toggle.on = *on,
            (_, FieldState::Text(text)) => {
                if let Some(entry) = self.entry_mut() {
                    entry.set_text(text);
                }
            }
            _ => {}
        }
        self.revalidate(now);
    }
}

impl<Id: Copy + PartialEq + Debug + Serialize + DeserializeOwned> Keyed<Id> {
    /// Every field's content under its id.
    pub fn states(&self) -> Vec<(Value, FieldState)> {
        self.ids
            .iter()
            .zip(self.form.fields())
            .filter_map(|(id, field)| Some((serde_json::to_value(id).ok()?, field.state()?)))
            .collect()
    }

    /// Puts back what `states` kept; an id this form does not have is skipped.
    pub fn restore(&mut self, states: &[(Value, FieldState)], now: NaiveDateTime) {
        for (id, state) in states {
            if let Ok(id) = serde_json::from_value::<Id>(id.clone())
                && let Some(field) = self.field_mut(id)
            {
                field.restore(state, now);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    enum VisitField {
        Where,
        Notes,
        Rating,
        Seen,
        Private,
    }

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(10, 42, 0))
            .unwrap()
    }

    fn visit(ratings: &[&str]) -> Keyed<VisitField> {
        Keyed::new(
            "Visit",
            vec![
                (VisitField::Where, Field::info("Where", "Room 12")),
                (VisitField::Notes, Field::notes("Notes", "")),
                (
                    VisitField::Rating,
                    Field::choice("Rating", ratings.iter().map(|r| r.to_string()).collect(), 0),
                ),
                (
                    VisitField::Seen,
                    Field::checks("Seen", vec!["posted".into(), "named".into()], |_| false),
                ),
                (VisitField::Private, Field::toggle("Private", false)),
            ],
        )
    }

    #[test]
    fn a_form_is_put_back_whole_from_its_states() {
        let mut typed = visit(&["—", "1 not yet", "3 developing"]);
        let form = typed.form_mut();
        form.active = 1;
        for c in "Target posted\nand read aloud".chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            form.input(KeyEvent::new(code, KeyModifiers::NONE), now());
        }
        form.active = 2;
        form.input(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE), now());
        form.input(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE), now());
        typed.flip(VisitField::Private, now());
        let kept = serde_json::to_string(&typed.states()).unwrap();

        // The options moved meanwhile: the choice follows its words, not its position.
        let mut back = visit(&["—", "3 developing", "1 not yet"]);
        back.restore(&serde_json::from_str::<Vec<_>>(&kept).unwrap(), now());
        assert_eq!(
            back.notes(VisitField::Notes).unwrap(),
            "Target posted\nand read aloud"
        );
        assert_eq!(back.choice(VisitField::Rating), Ok(1));
        assert_eq!(back.ticked(VisitField::Seen), Ok(vec!["named".to_string()]));
        assert_eq!(back.toggle(VisitField::Private), Ok(true));
        assert!(
            back.form().is_dirty(),
            "a form put back asks before it is lost"
        );
    }
}
