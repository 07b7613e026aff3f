//! The timeline's date range: a view setting, not a record.

use super::day;
use crate::app::form::{Field, Keyed};
use chrono::NaiveDate;

/// A field of the form, by id (also how a draft keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DatesField {
    From,
    To,
}

/// The timeline's date range: either end may stay empty.
#[derive(Debug, Clone)]
pub struct TimelineDatesForm {
    pub fields: Keyed<DatesField>,
}

impl TimelineDatesForm {
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> TimelineDatesForm {
        let fields = Keyed::new(
            "Timeline dates",
            vec![
                (
                    DatesField::From,
                    Field::date("From", &day(from)).hint("e.g. 2026-09-01, -30d; empty: the start"),
                ),
                (
                    DatesField::To,
                    Field::date("To", &day(to)).hint("e.g. today; empty: now"),
                ),
            ],
        );
        TimelineDatesForm { fields }
    }

    /// The range typed, refused when it ends before it starts.
    pub fn range(
        &self,
        today: NaiveDate,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
        let from = self.fields.date(DatesField::From, today)?;
        let to = self.fields.date(DatesField::To, today)?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err("From is after To".into());
        }
        Ok((from, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::records::test_support::{date, now};

    #[test]
    fn a_range_reads_back_and_one_that_ends_before_it_starts_is_refused() {
        let (from, to) = (Some(date(2026, 9, 1)), Some(date(2026, 11, 1)));
        let today = now().date();
        assert_eq!(
            TimelineDatesForm::new(from, to).range(today),
            Ok((from, to))
        );
        assert_eq!(
            TimelineDatesForm::new(None, None).range(today),
            Ok((None, None))
        );
        assert_eq!(
            TimelineDatesForm::new(to, from).range(today),
            Err("From is after To".into())
        );
    }
}
