//! How each kind of value is stored in a column: text, numbers, days, times with their
//! offset, lists and maps as JSON, word-valued enums as their word.

use super::DATE;
use crate::model::readiness::{CriterionRating, PlanStep};
use crate::model::{
    CheckInKind, GoalStatus, LocalTime, Outcome, PracticeMark, Rating, Recommendation, Role,
    SupportKind, TallyDef,
};
use chrono::NaiveDate;
use rusqlite::types::{FromSqlError, FromSqlResult, Value, ValueRef};
use std::collections::BTreeMap;

/// A value that has a column form.
pub trait Column: Sized {
    fn to_sql(&self) -> Value;
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self>;
}

fn text_of(value: ValueRef<'_>) -> FromSqlResult<&str> {
    value.as_str()
}

fn other(error: impl std::error::Error + Send + Sync + 'static) -> FromSqlError {
    FromSqlError::Other(Box::new(error))
}

impl Column for String {
    fn to_sql(&self) -> Value {
        Value::Text(self.clone())
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_of(value).map(str::to_owned)
    }
}

impl Column for bool {
    fn to_sql(&self) -> Value {
        Value::Integer(i64::from(*self))
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_i64().map(|n| n != 0)
    }
}

impl Column for u32 {
    fn to_sql(&self) -> Value {
        Value::Integer(i64::from(*self))
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        u32::try_from(n).map_err(|_| FromSqlError::OutOfRange(n))
    }
}

impl Column for f64 {
    fn to_sql(&self) -> Value {
        Value::Real(*self)
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Integer(n) => Ok(n as f64),
            other => other.as_f64(),
        }
    }
}

impl Column for NaiveDate {
    fn to_sql(&self) -> Value {
        Value::Text(self.format(DATE).to_string())
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = text_of(value)?;
        match crate::model::parse_iso_day(text) {
            Some(day) => Ok(day),
            None => NaiveDate::parse_from_str(text, DATE).map_err(other),
        }
    }
}

/// `2026-11-23T10:42-05:00`: SQLite's `datetime()` reads it as the instant. A row written
/// before offsets were kept (`2026-11-23T10:42`) reads in this machine's zone, the one it
/// was written in; nothing is rewritten.
impl Column for LocalTime {
    fn to_sql(&self) -> Value {
        Value::Text(self.stored())
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = text_of(value)?;
        LocalTime::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("\"{text}\" is not a time").into()))
    }
}

impl Column for Rating {
    fn to_sql(&self) -> Value {
        Value::Integer(i64::from(self.value()))
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        u8::try_from(n)
            .ok()
            .and_then(Rating::new)
            .ok_or(FromSqlError::OutOfRange(n))
    }
}

/// Lists and maps are stored as JSON text.
macro_rules! json_column {
    ($($ty:ty),+) => {$(
        impl Column for $ty {
            fn to_sql(&self) -> Value {
                Value::Text(serde_json::to_string(self).unwrap_or_default())
            }
            fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
                serde_json::from_str(text_of(value)?).map_err(other)
            }
        }
    )+};
}
json_column!(
    Vec<String>,
    BTreeMap<String, u32>,
    Vec<TallyDef>,
    Vec<CriterionRating>,
    Vec<PlanStep>
);

/// Word-valued enums are stored as their word.
macro_rules! word_column {
    ($($ty:ty),+) => {$(
        impl Column for $ty {
            fn to_sql(&self) -> Value {
                Value::Text(self.as_str().to_owned())
            }
            fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
                text_of(value)?.parse().map_err(|message: String| FromSqlError::Other(message.into()))
            }
        }
    )+};
}
word_column!(
    GoalStatus,
    Outcome,
    CheckInKind,
    PracticeMark,
    Role,
    SupportKind,
    Recommendation
);

impl<T: Column> Column for Option<T> {
    fn to_sql(&self) -> Value {
        self.as_ref().map_or(Value::Null, Column::to_sql)
    }
    fn from_sql(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Null => Ok(None),
            other => T::from_sql(other).map(Some),
        }
    }
}
