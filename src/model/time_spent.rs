//! Where the coach's time goes.

use super::CheckInKind;

impl CheckInKind {
    /// The minutes a check-in of this kind usually takes of the coach's time, offered when
    /// none is typed: a feedback talk is short, a conference long.
    pub fn default_minutes(self) -> u32 {
        match self {
            CheckInKind::Coaching | CheckInKind::Leader => 30,
            CheckInKind::Feedback => 20,
            CheckInKind::Conference => 45,
        }
    }
}
