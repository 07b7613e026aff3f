//! Feedback for the teacher: a short note made from one observation or check-in, to hand
//! to the teacher. What goes into it is decided here, once: the focus, what was seen,
//! one strength and one next step, the actions agreed (with who and by when) and the next
//! check-in. Private notes never make feedback, and ratings go in only when asked for.

use super::{Action, AnyRecord, CheckIn, CheckInKind, Focus, Kind, LocalTime, Observation, Rating};
use super::{TeacherFile, action_order};
use chrono::NaiveDate;
use std::fmt;

/// The record a note is made from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source<'a> {
    Visit(&'a Observation),
    CheckIn(&'a CheckIn),
}

/// Why no note can be made from a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The record is private: private notes are never shared.
    Private(Kind),
    /// No live observation or check-in of the teacher has that id.
    NotFound,
    /// The teacher has no observation or check-in yet.
    NothingYet,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Private(kind) => write!(
                f,
                "this {kind} is private: no feedback is made from private notes \
                 (make it not private first if it is meant to be shared)"
            ),
            Refused::NotFound => {
                f.write_str("no observation or check-in of this teacher has that id")
            }
            Refused::NothingYet => {
                f.write_str("there is no observation or check-in to make feedback from yet")
            }
        }
    }
}

impl<'a> Source<'a> {
    /// The live observation or check-in `id` of the file, refused when it is private.
    pub fn find(file: &'a TeacherFile, id: &str) -> Result<Source<'a>, Refused> {
        let source = file
            .observations
            .iter()
            .find(|o| o.meta.id == id)
            .map(Source::Visit)
            .or_else(|| {
                file.check_ins
                    .iter()
                    .find(|c| c.meta.id == id)
                    .map(Source::CheckIn)
            })
            .ok_or(Refused::NotFound)?;
        source.shareable()
    }

    /// The latest observation or check-in of the file (by its day, a visit before a
    /// check-in of the same day), refused when it is private: a later private note is
    /// not passed over for an older one the coach did not ask for.
    pub fn latest(file: &'a TeacherFile) -> Result<Source<'a>, Refused> {
        let visit = file.observations.first();
        let check_in = file.check_ins.first();
        let source = match (visit, check_in) {
            (Some(visit), Some(check_in)) if check_in.held_on > visit.observed_at.date() => {
                Source::CheckIn(check_in)
            }
            (Some(visit), _) => Source::Visit(visit),
            (None, Some(check_in)) => Source::CheckIn(check_in),
            (None, None) => return Err(Refused::NothingYet),
        };
        source.shareable()
    }

    fn shareable(self) -> Result<Source<'a>, Refused> {
        if self.private() {
            return Err(Refused::Private(self.kind()));
        }
        Ok(self)
    }

    /// The record, as a change to it starts from.
    pub fn record(self) -> AnyRecord {
        match self {
            Source::Visit(visit) => AnyRecord::Observation(visit.clone()),
            Source::CheckIn(check_in) => AnyRecord::CheckIn(check_in.clone()),
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Source::Visit(_) => Kind::Observation,
            Source::CheckIn(_) => Kind::CheckIn,
        }
    }

    pub fn id(self) -> &'a str {
        match self {
            Source::Visit(visit) => &visit.meta.id,
            Source::CheckIn(check_in) => &check_in.meta.id,
        }
    }

    pub fn private(self) -> bool {
        match self {
            Source::Visit(visit) => visit.private,
            Source::CheckIn(check_in) => check_in.private,
        }
    }

    /// The day it happened.
    pub fn day(self) -> NaiveDate {
        match self {
            Source::Visit(visit) => visit.observed_at.date(),
            Source::CheckIn(check_in) => check_in.held_on,
        }
    }

    /// The focus it was about: a visit's own, or the focus in place on the check-in's day.
    pub fn focus(self, file: &'a TeacherFile) -> Option<&'a Focus> {
        match self {
            Source::Visit(visit) => {
                let id = visit.focus_id.as_deref()?;
                file.focuses.iter().find(|f| f.meta.id == id)
            }
            Source::CheckIn(check_in) => focus_on(file, check_in.held_on),
        }
    }

    /// The visit a check-in's next step is suggested from: the latest one shared-able
    /// (not private) on or before its day. A visit is its own.
    fn visit(self, file: &'a TeacherFile) -> Option<&'a Observation> {
        match self {
            Source::Visit(visit) => Some(visit),
            Source::CheckIn(check_in) => file
                .observations
                .iter()
                .find(|o| !o.private && o.observed_at.date() <= check_in.held_on),
        }
    }
}

/// The focus in place on `day`: started by then and not ended before it (the newest such).
fn focus_on(file: &TeacherFile, day: NaiveDate) -> Option<&Focus> {
    file.focuses
        .iter()
        .filter(|f| f.started_on <= day && f.ended_on.is_none_or(|ended| ended >= day))
        .max_by_key(|f| f.started_on)
        .or_else(|| file.active_focus())
}

/// The next step suggested for a note: the first of the focus's look-fors that was not
/// seen on the visit (`None` when every one was seen, or the focus has none).
pub fn suggested_next_step(focus: Option<&Focus>, seen: &[String]) -> Option<String> {
    let focus = focus?;
    focus
        .look_fors
        .iter()
        .find(|look_for| {
            let wanted = look_for.trim().to_lowercase();
            !seen.iter().any(|s| s.trim().to_lowercase() == wanted)
        })
        .map(|look_for| look_for.trim().to_owned())
}

/// The next step suggested for a note from `source`: for a check-in, from the latest
/// visit before it.
pub fn suggest(file: &TeacherFile, source: Source<'_>) -> Option<String> {
    let focus = source.focus(file);
    let seen = source
        .visit(file)
        .filter(|visit| focus.is_none_or(|f| visit.focus_id.as_deref() == Some(&f.meta.id)))
        .map_or(&[][..], |visit| visit.look_fors_seen.as_slice());
    suggested_next_step(focus, seen)
}

/// What the coach adds before the note is made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices {
    pub strength: String,
    pub next_step: String,
    /// Put the rating (a visit's, or the visits' since the last check-in) in the note.
    pub ratings: bool,
}

impl Choices {
    /// What the note still needs before it can be shared: a note gives the teacher one
    /// strength and one next step, never an empty line where either should be.
    pub fn missing(&self) -> Option<&'static str> {
        match (
            self.strength.trim().is_empty(),
            self.next_step.trim().is_empty(),
        ) {
            (true, true) => Some("a strength and a next step"),
            (true, false) => Some("a strength"),
            (false, true) => Some("a next step"),
            (false, false) => None,
        }
    }
}

/// What the note was made from, as it says so.
#[derive(Debug, Clone, PartialEq)]
pub enum Occasion {
    Visit {
        at: LocalTime,
        class_period: String,
    },
    CheckIn {
        held_on: NaiveDate,
        kind: CheckInKind,
    },
}

/// An action agreed, as the teacher reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    pub what: String,
    /// "you" for the teacher; otherwise as written ("coach", a name).
    pub who: String,
    pub due_on: Option<NaiveDate>,
}

/// A rating put in the note, with the day it was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeenRating {
    pub on: NaiveDate,
    pub rating: Rating,
}

/// The note for the teacher: only what may be shared, in the order it is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The teacher, as the note is addressed.
    pub teacher: String,
    /// The day the note is made.
    pub written_on: NaiveDate,
    pub occasion: Occasion,
    /// The focus (learning target), if there was one.
    pub focus: Option<String>,
    /// What was seen: a visit's evidence, a check-in's notes.
    pub seen: String,
    /// The focus's look-fors seen on the visit.
    pub look_fors_seen: Vec<String>,
    /// Empty unless the coach asked for ratings.
    pub ratings: Vec<SeenRating>,
    pub strength: String,
    pub next_step: String,
    /// Open actions of the teacher, those agreed at the check-in first.
    pub actions: Vec<Agreed>,
    pub next_check_in: Option<NaiveDate>,
}

impl Note {
    /// The note from `source` of `file` (a source found with [`Source::find`] or
    /// [`Source::latest`], so never a private one).
    pub fn new(
        file: &TeacherFile,
        source: Source<'_>,
        choices: &Choices,
        written_on: NaiveDate,
    ) -> Note {
        let (occasion, seen, look_fors_seen) = match source {
            Source::Visit(visit) => (
                Occasion::Visit {
                    at: visit.observed_at,
                    class_period: visit.class_period.trim().to_owned(),
                },
                visit.evidence.trim().to_owned(),
                visit.look_fors_seen.clone(),
            ),
            Source::CheckIn(check_in) => (
                Occasion::CheckIn {
                    held_on: check_in.held_on,
                    kind: check_in.kind,
                },
                check_in.notes.trim().to_owned(),
                Vec::new(),
            ),
        };
        Note {
            teacher: file.teacher.name.trim().to_owned(),
            written_on,
            occasion,
            focus: source.focus(file).map(|f| f.statement.trim().to_owned()),
            seen,
            look_fors_seen,
            ratings: if choices.ratings {
                ratings(file, source)
            } else {
                Vec::new()
            },
            strength: choices.strength.trim().to_owned(),
            next_step: choices.next_step.trim().to_owned(),
            actions: agreed(file, source),
            next_check_in: next_check_in(file, source),
        }
    }
}

/// `record` (the observation or check-in a note was made from) keeping that the note was
/// shared `at`, with its strength and next step. Another kind of record is left as it is.
pub fn shared(mut record: AnyRecord, note: &Note, at: LocalTime) -> AnyRecord {
    let (strength, next_step, shared_at) = match &mut record {
        AnyRecord::Observation(visit) => (
            &mut visit.feedback_strength,
            &mut visit.feedback_next_step,
            &mut visit.feedback_shared_at,
        ),
        AnyRecord::CheckIn(check_in) => (
            &mut check_in.feedback_strength,
            &mut check_in.feedback_next_step,
            &mut check_in.feedback_shared_at,
        ),
        _ => return record,
    };
    strength.clone_from(&note.strength);
    next_step.clone_from(&note.next_step);
    *shared_at = Some(at);
    record
}

/// The ratings a note may show: a visit's own; for a check-in, those of the visits (not
/// private) since the check-in before it (one the teacher was told of), up to its day,
/// oldest first.
fn ratings(file: &TeacherFile, source: Source<'_>) -> Vec<SeenRating> {
    let seen = |visit: &Observation| {
        visit.rating.map(|rating| SeenRating {
            on: visit.observed_at.date(),
            rating,
        })
    };
    match source {
        Source::Visit(visit) => seen(visit).into_iter().collect(),
        Source::CheckIn(check_in) => {
            let previous = file
                .check_ins
                .iter()
                .filter(|c| !c.private && c.held_on < check_in.held_on)
                .map(|c| c.held_on)
                .max();
            let mut shown: Vec<SeenRating> = file
                .observations
                .iter()
                .filter(|o| !o.private)
                .filter(|o| {
                    let day = o.observed_at.date();
                    day <= check_in.held_on && previous.is_none_or(|p| day > p)
                })
                .filter_map(seen)
                .collect();
            shown.reverse();
            shown
        }
    }
}

/// The teacher's open actions, those agreed at the check-in first, each group in the
/// action order (by due date). An action agreed at a private check-in stays out.
fn agreed(file: &TeacherFile, source: Source<'_>) -> Vec<Agreed> {
    let private_check_in = |action: &Action| {
        action
            .check_in_id
            .as_deref()
            .is_some_and(|id| file.check_ins.iter().any(|c| c.meta.id == id && c.private))
    };
    let from_source = |action: &Action| action.check_in_id.as_deref() == Some(source.id());
    let mut open: Vec<&Action> = file
        .open_actions()
        .filter(|action| !private_check_in(action))
        .collect();
    open.sort_by(|a, b| {
        from_source(b)
            .cmp(&from_source(a))
            .then_with(|| action_order(a, b))
    });
    open.into_iter()
        .map(|action| Agreed {
            what: action.what.trim().to_owned(),
            who: match action.owner.trim() {
                owner if owner.eq_ignore_ascii_case("teacher") => "you".to_owned(),
                owner => owner.to_owned(),
            },
            due_on: action.due_on,
        })
        .collect()
}

/// The next check-in: the one a check-in agreed; after a visit, the one the latest
/// check-in (not private) agreed, if it is still to come.
fn next_check_in(file: &TeacherFile, source: Source<'_>) -> Option<NaiveDate> {
    match source {
        Source::CheckIn(check_in) => check_in.next_on,
        Source::Visit(visit) => file
            .check_ins
            .iter()
            .find(|c| !c.private)
            .and_then(|c| c.next_on)
            .filter(|next| *next >= visit.observed_at.date()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_needs_a_strength_and_a_next_step() {
        let choices = |strength: &str, next_step: &str| Choices {
            strength: strength.into(),
            next_step: next_step.into(),
            ratings: false,
        };
        assert_eq!(
            choices("", " ").missing(),
            Some("a strength and a next step")
        );
        assert_eq!(
            choices(" ", "Name the target").missing(),
            Some("a strength")
        );
        assert_eq!(choices("Calm start", "").missing(), Some("a next step"));
        assert_eq!(choices("Calm start", "Name the target").missing(), None);
    }
    use crate::model::{Meta, Teacher};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn meta(id: &str) -> Meta {
        Meta {
            id: id.into(),
            ..Meta::default()
        }
    }

    fn focus() -> Focus {
        Focus {
            meta: meta("focus"),
            statement: "Warm-up connects to the day's learning target".into(),
            look_fors: vec![
                "Target posted".into(),
                "Warm-up refers to target".into(),
                "Students restate the target".into(),
            ],
            started_on: day(1),
            ..Focus::default()
        }
    }

    fn visit(id: &str, d: u32, seen: &[&str], rating: u8, private: bool) -> Observation {
        Observation {
            meta: meta(id),
            focus_id: Some("focus".into()),
            observed_at: LocalTime::utc_wall(day(d).and_hms_opt(10, 40, 0).unwrap()),
            evidence: format!("Evidence of {id}"),
            look_fors_seen: seen.iter().map(|s| s.to_string()).collect(),
            rating: Rating::new(rating),
            private,
            ..Observation::default()
        }
    }

    fn check_in(id: &str, d: u32, next: u32, private: bool) -> CheckIn {
        CheckIn {
            meta: meta(id),
            held_on: day(d),
            notes: format!("Notes of {id}"),
            next_on: Some(day(next)),
            private,
            ..CheckIn::default()
        }
    }

    fn action(id: &str, what: &str, owner: &str, due: u32, check_in: Option<&str>) -> Action {
        Action {
            meta: meta(id),
            what: what.into(),
            owner: owner.into(),
            due_on: Some(day(due)),
            check_in_id: check_in.map(str::to_owned),
            ..Action::default()
        }
    }

    /// Newest first, as a teacher's file holds them.
    fn file() -> TeacherFile {
        TeacherFile {
            teacher: Teacher {
                name: "Smith, Dan".into(),
                active_focus_id: Some("focus".into()),
                ..Teacher::default()
            },
            focuses: vec![focus()],
            observations: vec![
                visit("secret-visit", 20, &[], 1, true),
                visit("visit", 18, &["Target posted"], 3, false),
                visit("early-visit", 10, &[], 2, false),
            ],
            all_observations: true,
            check_ins: vec![
                check_in("check-in", 16, 30, false),
                check_in("secret-check-in", 12, 26, true),
                check_in("first-check-in", 5, 19, false),
            ],
            actions: vec![
                action(
                    "old",
                    "Share the warm-up bank",
                    "coach",
                    17,
                    Some("first-check-in"),
                ),
                action(
                    "new",
                    "Post the target before the bell",
                    "teacher",
                    27,
                    Some("check-in"),
                ),
                action(
                    "plan",
                    "Start the improvement plan paperwork",
                    "principal",
                    20,
                    Some("secret-check-in"),
                ),
            ],
            ..TeacherFile::default()
        }
    }

    #[test]
    fn a_private_observation_or_check_in_makes_no_feedback() {
        let file = file();
        assert_eq!(
            Source::find(&file, "secret-visit"),
            Err(Refused::Private(Kind::Observation))
        );
        assert_eq!(
            Source::find(&file, "secret-check-in"),
            Err(Refused::Private(Kind::CheckIn))
        );
        // The latest record is private: it is said, not passed over for an older one.
        assert_eq!(
            Source::latest(&file),
            Err(Refused::Private(Kind::Observation))
        );
        assert!(
            Refused::Private(Kind::CheckIn)
                .to_string()
                .contains("private")
        );
        assert_eq!(Source::find(&file, "nope"), Err(Refused::NotFound));
        assert_eq!(
            Source::latest(&TeacherFile::default()),
            Err(Refused::NothingYet)
        );
    }

    #[test]
    fn the_next_step_suggested_is_the_first_look_for_not_seen_on_the_visit() {
        let file = file();
        let visit = Source::find(&file, "visit").unwrap();
        assert_eq!(
            suggest(&file, visit).as_deref(),
            Some("Warm-up refers to target"),
            "Target posted was seen"
        );
        let focus = focus();
        let everything: Vec<String> = focus.look_fors.clone();
        assert_eq!(suggested_next_step(Some(&focus), &everything), None);
        assert_eq!(suggested_next_step(None, &[]), None);
        // Seen as typed with other case or spaces still counts as seen.
        let seen = vec![" target POSTED".to_string()];
        assert_eq!(
            suggested_next_step(Some(&focus), &seen).as_deref(),
            Some("Warm-up refers to target")
        );
        // A check-in's suggestion comes from the latest visit before it (not a private one).
        let check_in = Source::find(&file, "check-in").unwrap();
        assert_eq!(
            suggest(&file, check_in).as_deref(),
            Some("Target posted"),
            "the visit of the 10th saw nothing"
        );
    }

    #[test]
    fn a_note_from_a_visit_holds_what_was_seen_and_the_agreed_actions_but_no_rating_unasked() {
        let file = file();
        let source = Source::find(&file, "visit").unwrap();
        let choices = Choices {
            strength: " The target was posted before the bell ".into(),
            next_step: "Warm-up refers to target".into(),
            ratings: false,
        };
        let note = Note::new(&file, source, &choices, day(23));
        assert_eq!(note.teacher, "Smith, Dan");
        assert_eq!(
            note.focus.as_deref(),
            Some("Warm-up connects to the day's learning target")
        );
        assert_eq!(note.seen, "Evidence of visit");
        assert_eq!(note.look_fors_seen, ["Target posted"]);
        assert_eq!(note.strength, "The target was posted before the bell");
        assert!(note.ratings.is_empty(), "ratings only when asked for");
        let actions: Vec<(&str, &str)> = note
            .actions
            .iter()
            .map(|a| (a.what.as_str(), a.who.as_str()))
            .collect();
        assert_eq!(
            actions,
            [
                ("Share the warm-up bank", "coach"),
                ("Post the target before the bell", "you"),
            ],
            "by due date; the private check-in's action stays out"
        );
        assert_eq!(note.next_check_in, Some(day(30)));

        let asked = Choices {
            ratings: true,
            ..choices
        };
        let note = Note::new(&file, source, &asked, day(23));
        assert_eq!(
            note.ratings,
            [SeenRating {
                on: day(18),
                rating: Rating::new(3).unwrap()
            }]
        );
    }

    #[test]
    fn a_note_from_a_check_in_puts_its_own_actions_first_and_its_next_date() {
        let file = file();
        let source = Source::find(&file, "check-in").unwrap();
        let choices = Choices {
            ratings: true,
            ..Choices::default()
        };
        let note = Note::new(&file, source, &choices, day(23));
        assert_eq!(note.seen, "Notes of check-in");
        assert_eq!(note.actions[0].what, "Post the target before the bell");
        assert_eq!(note.actions.len(), 2);
        assert_eq!(note.next_check_in, Some(day(30)));
        // Ratings of the visits since the shared check-in before (the 5th), up to its day.
        let days: Vec<NaiveDate> = note.ratings.iter().map(|r| r.on).collect();
        assert_eq!(days, [day(10)]);
        assert_eq!(
            note.focus.as_deref(),
            Some("Warm-up connects to the day's learning target")
        );
    }
}
