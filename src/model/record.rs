//! Any record as one value: what the change log, the trash and exports carry.

use super::{
    Action, CheckIn, Focus, Goal, Kind, Measure, Meta, Observation, ReadinessReview, School,
    Support, Teacher, Walkthrough,
};
use serde::{Deserialize, Serialize};

/// Any record, as carried by the change log and exports. In JSON its kind and its fields
/// are apart (`{"kind": "check_in", "record": {…}}`): a check-in has a `kind` of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
pub enum AnyRecord {
    Teacher(Teacher),
    Goal(Goal),
    Measure(Measure),
    Focus(Focus),
    Observation(Observation),
    CheckIn(CheckIn),
    Action(Action),
    Support(Support),
    Walkthrough(Walkthrough),
    School(School),
    ReadinessReview(ReadinessReview),
}

/// Runs `$body` with `$record` bound to the record inside any variant.
macro_rules! with_any {
    ($any:expr, $record:ident => $body:expr) => {
        match $any {
            $crate::model::AnyRecord::Teacher($record) => $body,
            $crate::model::AnyRecord::Goal($record) => $body,
            $crate::model::AnyRecord::Measure($record) => $body,
            $crate::model::AnyRecord::Focus($record) => $body,
            $crate::model::AnyRecord::Observation($record) => $body,
            $crate::model::AnyRecord::CheckIn($record) => $body,
            $crate::model::AnyRecord::Action($record) => $body,
            $crate::model::AnyRecord::Support($record) => $body,
            $crate::model::AnyRecord::Walkthrough($record) => $body,
            $crate::model::AnyRecord::School($record) => $body,
            $crate::model::AnyRecord::ReadinessReview($record) => $body,
        }
    };
}
pub(crate) use with_any;

impl AnyRecord {
    pub fn kind(&self) -> Kind {
        match self {
            AnyRecord::Teacher(_) => Kind::Teacher,
            AnyRecord::Goal(_) => Kind::Goal,
            AnyRecord::Measure(_) => Kind::Measure,
            AnyRecord::Focus(_) => Kind::Focus,
            AnyRecord::Observation(_) => Kind::Observation,
            AnyRecord::CheckIn(_) => Kind::CheckIn,
            AnyRecord::Action(_) => Kind::Action,
            AnyRecord::Support(_) => Kind::Support,
            AnyRecord::Walkthrough(_) => Kind::Walkthrough,
            AnyRecord::School(_) => Kind::School,
            AnyRecord::ReadinessReview(_) => Kind::ReadinessReview,
        }
    }

    pub fn meta(&self) -> &Meta {
        with_any!(self, record => &record.meta)
    }

    pub fn id(&self) -> &str {
        &self.meta().id
    }
}

macro_rules! from_record {
    ($($ty:ident),+) => {$(
        impl From<$ty> for AnyRecord {
            fn from(record: $ty) -> AnyRecord {
                AnyRecord::$ty(record)
            }
        }
    )+};
}
from_record!(
    Teacher,
    Goal,
    Measure,
    Focus,
    Observation,
    CheckIn,
    Action,
    Support,
    Walkthrough,
    School,
    ReadinessReview
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_in_the_change_log_says_what_kind_it_is_and_keeps_its_id() {
        let action = Action {
            meta: Meta {
                id: "A1".into(),
                ..Meta::default()
            },
            what: "Sort tickets".into(),
            ..Action::default()
        };
        let any = AnyRecord::from(action.clone());
        assert_eq!(any.kind(), Kind::Action);
        assert_eq!(any.id(), "A1");
        let json = serde_json::to_value(&any).unwrap();
        assert_eq!(json["kind"], "action");
        assert_eq!(json["record"]["what"], "Sort tickets");
        let back: AnyRecord = serde_json::from_value(json).unwrap();
        assert_eq!(back, AnyRecord::Action(action));
    }

    #[test]
    fn a_check_in_with_a_kind_of_its_own_reads_back_as_written() {
        let check_in = AnyRecord::CheckIn(super::super::CheckIn {
            kind: super::super::CheckInKind::Coaching,
            ..Default::default()
        });
        let json = serde_json::to_string(&check_in).unwrap();
        let back: AnyRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, check_in);
    }
}

/// A record in the trash, as the trash lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trashed {
    pub kind: Kind,
    pub id: String,
    /// The teacher it belongs to (empty for a walkthrough round).
    pub teacher: String,
    /// When it was deleted: a UTC stamp.
    pub deleted_at: String,
    /// A few words of it: a name, a statement, the start of a note.
    pub summary: String,
}
