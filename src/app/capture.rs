//! In-classroom capture: the minutes in a room. Each line typed is evidence stamped with
//! the time it was entered; Alt keys mark look-fors and count tallies without ever
//! fighting the typing. The visit is a draft until it is rated and saved.

use super::form::Entry;
use crate::model::{LocalTime, Observation, Rating, TallyDef, TeacherFile, tallies_of};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything about a visit in progress: what is written to the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub draft_id: String,
    pub teacher_id: String,
    pub teacher_name: String,
    pub focus_id: Option<String>,
    pub focus: Option<String>,
    pub look_fors: Vec<String>,
    /// When the visit started, with its UTC offset (a draft from before offsets were kept
    /// reads in this machine's zone).
    pub started: LocalTime,
    /// Evidence lines with the time each was entered.
    pub lines: Vec<(NaiveDateTime, String)>,
    /// The line being typed, not yet stamped.
    pub typing: String,
    pub seen: Vec<bool>,
    /// The count of each tally, in the order of [`Visit::tally_defs`].
    pub tallies: Vec<u32>,
    /// Which tallies the coach counted, in the same order: one counted down to 0 is a
    /// zero ("no redirects"), one never touched a gap in its series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counted: Vec<bool>,
    /// What the visit counts: the focus's tallies when it started. A draft from before
    /// focuses named them has none here and counts the two every visit counted then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counting: Vec<TallyDef>,
}

impl Visit {
    /// A new visit to the teacher, on the active focus, starting now.
    pub fn start(file: &TeacherFile, now: LocalTime) -> Visit {
        let focus = file.active_focus();
        let look_fors = focus.map(|f| f.look_fors.clone()).unwrap_or_default();
        let counting = tallies_of(focus);
        Visit {
            draft_id: ulid::Ulid::new().to_string(),
            teacher_id: file.teacher.meta.id.clone(),
            teacher_name: file.teacher.name.clone(),
            focus_id: focus.map(|f| f.meta.id.clone()),
            focus: focus.map(|f| f.statement.clone()),
            seen: vec![false; look_fors.len()],
            look_fors,
            started: now,
            lines: Vec::new(),
            typing: String::new(),
            tallies: vec![0; counting.len()],
            counted: vec![false; counting.len()],
            counting,
        }
    }

    /// The tallies this visit counts, in key order.
    pub fn tally_defs(&self) -> Vec<TallyDef> {
        match self.counting.is_empty() {
            true => tallies_of(None),
            false => self.counting.clone(),
        }
    }

    /// Whether anything was captured worth keeping.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
            && self.typing.trim().is_empty()
            && !self.seen.contains(&true)
            && self.tallies.iter().all(|&n| n == 0)
    }

    /// What was captured, for the question that offers a visit back: "2 lines",
    /// "0 lines, 3 look-fors, 7 tallies counted" (look-fors seen and tallies only when
    /// there are some).
    pub fn captured(&self) -> String {
        let count = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        let seen = self.seen.iter().filter(|on| **on).count();
        let tallied: u32 = self.tallies.iter().sum();
        // The line being typed is kept and comes back too.
        let typing = usize::from(!self.typing.trim().is_empty());
        let mut said = vec![count(self.lines.len() + typing, "line", "lines")];
        if seen > 0 {
            said.push(count(seen, "look-for", "look-fors"));
        }
        if tallied > 0 {
            let tallied = usize::try_from(tallied).unwrap_or(usize::MAX);
            said.push(count(tallied, "tally counted", "tallies counted"));
        }
        said.join(", ")
    }

    /// Minutes in the room so far (at least one), by the instant: the clocks going back
    /// during a visit do not shorten it.
    pub fn minutes(&self, now: LocalTime) -> u32 {
        let seconds = (now - self.started).num_seconds().max(0);
        u32::try_from((seconds + 59) / 60)
            .unwrap_or(u32::MAX)
            .max(1)
    }

    /// The observation this visit becomes, with `rating`.
    pub fn observation(
        &self,
        now: LocalTime,
        rating: Option<Rating>,
        private: bool,
        class_period: String,
    ) -> Observation {
        let mut evidence: Vec<String> = self
            .lines
            .iter()
            .map(|(at, line)| format!("{}  {line}", at.format("%H:%M")))
            .collect();
        if !self.typing.trim().is_empty() {
            evidence.push(format!("{}  {}", now.format("%H:%M"), self.typing.trim()));
        }
        // A tally never counted is a gap in its series; one counted down to 0 is a zero.
        let counted = |i: usize| self.counted.get(i).copied().unwrap_or(false);
        let tallies: BTreeMap<String, u32> = self
            .tally_defs()
            .into_iter()
            .zip(&self.tallies)
            .enumerate()
            .filter(|(i, (_, n))| **n > 0 || counted(*i))
            .map(|(_, (tally, n))| (tally.name, *n))
            .collect();
        Observation {
            teacher_id: self.teacher_id.clone(),
            focus_id: self.focus_id.clone(),
            observed_at: self.started,
            minutes: Some(self.minutes(now)),
            class_period,
            evidence: evidence.join("\n"),
            look_fors_seen: self
                .look_fors
                .iter()
                .zip(&self.seen)
                .filter(|(_, seen)| **seen)
                .map(|(look_for, _)| look_for.clone())
                .collect(),
            tallies,
            rating,
            private,
            ..Observation::default()
        }
    }
}

/// The capture screen: the visit plus the line being typed.
#[derive(Debug, Clone)]
pub struct Capture {
    pub visit: Visit,
    pub input: Entry,
    /// When the draft was last written, for "draft saved".
    pub saved_at: Option<NaiveDateTime>,
    /// Whether the draft is behind what is on screen.
    pub unsaved: bool,
    /// The workspace to go back to (the teacher's id), or the roster.
    pub return_to_workspace: bool,
}

impl Capture {
    pub fn new(visit: Visit, return_to_workspace: bool) -> Capture {
        let stamp = keymap::key_for(keymap::Context::Capture, Msg::Stamp);
        let input = Entry::line()
            .with_text(&visit.typing)
            .hint(&format!("(what you see and hear; {stamp} stamps the line)"));
        Capture {
            visit,
            input,
            saved_at: None,
            unsaved: true,
            return_to_workspace,
        }
    }

    /// Stamps the typed line with the time; an empty line is ignored.
    pub fn stamp(&mut self, now: NaiveDateTime) {
        let line = self.input.text();
        if line.is_empty() {
            return;
        }
        self.visit.lines.push((now, line));
        self.input.set_text("");
        self.visit.typing.clear();
        self.unsaved = true;
    }

    pub fn toggle_look_for(&mut self, index: usize) {
        if let Some(seen) = self.visit.seen.get_mut(index) {
            *seen = !*seen;
            self.unsaved = true;
        }
    }

    pub fn tally(&mut self, index: usize, delta: i32) {
        if let Some(count) = self.visit.tallies.get_mut(index) {
            *count = count.saturating_add_signed(delta);
            let counted = &mut self.visit.counted;
            if counted.len() <= index {
                counted.resize(index + 1, false);
            }
            counted[index] = true;
            self.unsaved = true;
        }
    }

    /// Keeps the visit's copy of the typed line in step with the input.
    pub fn typed(&mut self) {
        self.visit.typing = self.input.text();
        self.unsaved = true;
    }

    /// The draft body to write.
    pub fn body(&self) -> String {
        serde_json::to_string(&self.visit).unwrap_or_default()
    }
}

use crate::app::records::{FinishVisitForm, Purpose};
use crate::app::{Screen, keymap, keymap::Msg};

impl super::App {
    /// Writes the visit in progress to its draft if it is behind. A failure is shown and
    /// retried on the next change; what was typed stays on screen.
    pub(in crate::app) fn save_visit_draft(&mut self) {
        let now = self.now;
        let Some(capture) = self.capture_mut() else {
            return;
        };
        if !capture.unsaved {
            return;
        }
        let (id, teacher, body) = (
            capture.visit.draft_id.clone(),
            capture.visit.teacher_id.clone(),
            capture.body(),
        );
        match self.store.save_draft(&id, &teacher, &body) {
            Ok(()) => {
                if let Some(capture) = self.capture_mut() {
                    capture.unsaved = false;
                    capture.saved_at = Some(now);
                }
            }
            Err(error) => self.warn(format!("the draft could not be saved: {error}")),
        }
    }

    /// Starts capturing a visit to the selected teacher.
    pub(in crate::app) fn start_capture(&mut self) {
        let Some(id) = self.selected_teacher_id() else {
            return;
        };
        let from_workspace = matches!(self.screen, Screen::Workspace(_));
        let file = match &self.screen {
            Screen::Workspace(w) => Some(w.file.clone()),
            _ => self.store.teacher_file(&id).ok().flatten(),
        };
        let Some(file) = file else { return };
        let visit = Visit::start(&file, self.local_now());
        self.screen = Screen::Capture(Box::new(Capture::new(visit, from_workspace)));
        self.save_visit_draft();
    }

    pub(in crate::app) fn update_capture(&mut self, msg: Msg) {
        let (now, local_now) = (self.now, self.local_now());
        let Some(capture) = self.capture_mut() else {
            return;
        };
        match msg {
            Msg::Stamp => capture.stamp(now),
            Msg::ClearField => {
                capture.input.set_text("");
                capture.typed();
            }
            Msg::LookFor(n) => {
                let count = capture.visit.seen.len();
                if usize::from(n) < count {
                    capture.toggle_look_for(usize::from(n));
                } else {
                    let key = |n: usize| {
                        let n = u8::try_from(n).unwrap_or(0);
                        keymap::key_for(keymap::Context::Capture, Msg::LookFor(n))
                    };
                    self.warn(match count {
                        0 => "The focus has no look-fors to mark".to_string(),
                        1 => format!("The focus has 1 look-for: {} marks it", key(0)),
                        n => format!(
                            "The focus has {n} look-fors: {}…{} mark them",
                            key(0),
                            key(n - 1)
                        ),
                    });
                }
            }
            Msg::Tally(n) | Msg::Untally(n) if usize::from(n) >= capture.visit.tallies.len() => {
                let count = capture.visit.tallies.len();
                let key = |n: usize| {
                    let n = u8::try_from(n).unwrap_or(0);
                    keymap::key_for(keymap::Context::Capture, Msg::Tally(n))
                };
                self.warn(match count {
                    0 => "The focus has no tallies to count".to_string(),
                    1 => format!("The focus has 1 tally: {} counts it", key(0)),
                    n => {
                        let keys: Vec<String> = (0..n).map(key).collect();
                        format!("The focus has {n} tallies: {} count them", keys.join(", "))
                    }
                });
            }
            Msg::Tally(n) => capture.tally(usize::from(n), 1),
            Msg::Untally(n) => capture.tally(usize::from(n), -1),
            Msg::FinishCapture => {
                capture.typed();
                if capture.visit.is_empty() {
                    let id = capture.visit.draft_id.clone();
                    if let Err(error) = self.store.delete_draft(&id) {
                        self.warn(format!("the empty draft could not be removed: {error}"));
                    }
                    self.leave_capture();
                    self.say("Nothing was captured, so nothing was saved");
                    return;
                }
                let visit = capture.visit.clone();
                self.save_visit_draft();
                self.open_form(Purpose::FinishVisit(FinishVisitForm::new(visit, local_now)));
                return;
            }
            _ => return,
        }
        self.save_visit_draft();
    }

    /// Back to where the visit was started from.
    pub(in crate::app) fn leave_capture(&mut self) {
        let Some(capture) = self.capture() else {
            return;
        };
        let teacher_id = capture.visit.teacher_id.clone();
        let to_workspace = capture.return_to_workspace;
        let workspace = if to_workspace {
            self.open_teacher(&teacher_id)
        } else {
            None
        };
        match workspace {
            Some(workspace) => self.screen = Screen::Workspace(workspace),
            None => self.show_roster(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn hours_behind(hours: i32) -> FixedOffset {
        FixedOffset::west_opt(hours * 3600).unwrap()
    }

    #[test]
    fn what_a_visit_captured_counts_the_line_being_typed() {
        let start = LocalTime::new(at("2026-11-23T09:30"), hours_behind(5));
        let mut visit = Visit::start(&TeacherFile::default(), start);
        assert_eq!(visit.captured(), "0 lines");
        visit.typing = "quick note".into();
        assert_eq!(visit.captured(), "1 line");
        visit
            .lines
            .push((at("2026-11-23T09:31"), "Warm-up on the board".into()));
        assert_eq!(visit.captured(), "2 lines");
        visit.typing = "  ".into();
        assert_eq!(visit.captured(), "1 line");
    }

    #[test]
    fn a_visit_across_the_clocks_going_back_lasts_its_real_minutes() {
        // New York, 1 November 2026: in at 01:50 daylight time, out at 01:05 standard time.
        let visit = Visit::start(
            &TeacherFile::default(),
            LocalTime::new(at("2026-11-01T01:50"), hours_behind(4)),
        );
        let out = LocalTime::new(at("2026-11-01T01:05"), hours_behind(5));
        assert_eq!(visit.minutes(out), 15);
        let observation = visit.observation(out, None, false, String::new());
        assert_eq!(observation.minutes, Some(15));
        assert_eq!(
            observation.observed_at.format("%H:%M %z").to_string(),
            "01:50 -0400",
            "the visit keeps the offset it started in"
        );
    }

    #[test]
    fn a_visit_counts_the_tallies_its_focus_defines_in_their_order() {
        use crate::model::{Focus, Meta};
        let focus = Focus {
            meta: Meta {
                id: "focus-1".into(),
                ..Meta::default()
            },
            tallies: vec![
                TallyDef {
                    name: "students on task".into(),
                    out_of: Some(28),
                },
                TallyDef::named("redirects"),
            ],
            ..Focus::default()
        };
        let mut file = TeacherFile {
            focuses: vec![focus.clone()],
            ..TeacherFile::default()
        };
        file.teacher.active_focus_id = Some("focus-1".into());
        let started = LocalTime::utc_wall(at("2026-11-23T10:42"));
        let mut capture = Capture::new(Visit::start(&file, started), false);
        assert_eq!(capture.visit.tally_defs(), focus.tallies);
        for _ in 0..19 {
            capture.tally(0, 1);
        }
        let observation = capture
            .visit
            .observation(started, None, false, String::new());
        assert_eq!(
            observation.tallies,
            BTreeMap::from([("students on task".to_string(), 19)]),
            "redirects never counted: a gap, not a zero"
        );
        // Counted up and back down: no redirects this visit, a zero in the series.
        capture.tally(1, 1);
        capture.tally(1, -1);
        let observation = capture
            .visit
            .observation(started, None, false, String::new());
        assert_eq!(
            observation.tallies,
            BTreeMap::from([
                ("redirects".to_string(), 0),
                ("students on task".to_string(), 19)
            ])
        );
        let resumed: Visit = serde_json::from_str(&capture.body()).unwrap();
        assert_eq!(resumed, capture.visit, "the draft keeps what it counts");
    }

    #[test]
    fn a_draft_from_before_focuses_named_tallies_counts_the_usual_two() {
        let visit = Visit::start(
            &TeacherFile::default(),
            LocalTime::utc_wall(at("2026-11-23T10:42")),
        );
        let mut draft = serde_json::to_value(&visit).unwrap();
        draft.as_object_mut().unwrap().remove("counting");
        draft["tallies"] = serde_json::json!([2, 1]);
        let resumed: Visit = serde_json::from_value(draft).unwrap();
        let names: Vec<String> = resumed.tally_defs().into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["students answering", "redirects"]);
        let observation = resumed.observation(resumed.started, None, false, String::new());
        assert_eq!(observation.tallies.get("students answering"), Some(&2));
        assert_eq!(observation.tallies.get("redirects"), Some(&1));
    }

    #[test]
    fn a_draft_saved_before_offsets_were_kept_is_still_offered_back() {
        let visit = Visit::start(
            &TeacherFile::default(),
            LocalTime::utc_wall(at("2026-11-23T10:42")),
        );
        let mut draft = serde_json::to_value(&visit).unwrap();
        assert_eq!(draft["started"], "2026-11-23T10:42:00+00:00");
        draft["started"] = "2026-11-23T10:42:00".into();
        let resumed: Visit = serde_json::from_value(draft).unwrap();
        assert_eq!(resumed.started.wall(), at("2026-11-23T10:42"));
    }
}
