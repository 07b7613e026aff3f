//! Generated caseloads for the benches: teachers with years of coaching history, written
//! through the store's own commands inside one `Store::batch` transaction.
//!
//! A frozen clock and a seeded generator make every run build the same records, ids
//! included, so numbers from two runs measure the same data. Teacher `i` gets the same
//! history whatever the size of the caseload: the 50-teacher file is the first 50 of the
//! 500-teacher one.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use coachlog::clock::Clock;
use coachlog::db::{Command, Error, Store};
use coachlog::model::{
    Action, AnyRecord, CheckIn, CheckInKind, Focus, Goal, GoalStatus, LocalTime, Measure, Meta,
    Observation, Outcome, Rating, Teacher,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Monday 23 November 2026, 10:42: "now" in every generated file.
/// The measurement settings every bench uses: 20 samples over 3 s after 1 s of warm-up
/// (slow groups lengthen their own measurement time), overridable from the command line.
pub fn criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|day| day.and_hms_opt(10, 42, 0))
        .expect("a valid date")
}

pub fn clock() -> Clock {
    Clock::Fixed(now())
}

/// School days in a year: 36 weeks of five days. The weeks between are the summer.
pub const SCHOOL_DAYS: u32 = 180;
/// A new focus every 12 weeks: three a year.
const FOCUS_EVERY: u32 = 60;
/// A check-in every two weeks: 18 a year.
const CHECK_IN_EVERY: u32 = 10;
const GOALS_A_YEAR: usize = 2;
const MEASURES_A_GOAL: u32 = 8;
const ACTIONS_A_CHECK_IN: usize = 2;

/// A tiny xorshift64* generator: the same seed gives the same numbers on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Any seed, 0 included, becomes a non-zero state.
        Rng((seed ^ 0x2545_F491_4F6C_DD1D).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u32, high: u32) -> u32 {
        low + (self.next_u64() % u64::from(high - low + 1)) as u32
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.between(1, 100) <= percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// `count` sentences from `pool`, one after another.
    fn sentences(&mut self, pool: &[&str], count: u32) -> String {
        (0..count)
            .map(|_| *self.pick(pool))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `teachers` teachers, each with `years` school years of history ending today.
#[derive(Debug, Clone, Copy)]
pub struct Cohort {
    pub teachers: usize,
    pub years: u32,
}

/// Writes the cohorts' teachers and their histories in one transaction; returns the
/// teachers' ids in the order of the cohorts. Leaves the store's clock at [`now`].
pub fn fill(store: &mut Store, cohorts: &[Cohort]) -> Result<Vec<String>, Error> {
    let result = store.batch(|store| {
        let mut ids = Vec::new();
        for cohort in cohorts {
            for _ in 0..cohort.teachers {
                let index = ids.len();
                ids.push(History::write(store, index, cohort.years)?);
            }
        }
        Ok(ids)
    });
    store.set_clock(clock());
    result
}

/// A generated database file in its own temporary folder (removed when dropped).
pub struct Caseload {
    dir: tempfile::TempDir,
    pub path: PathBuf,
    /// Teachers in the order generated: the first cohort first.
    pub teacher_ids: Vec<String>,
    /// The file's size once closed (its write-ahead log folded in).
    pub bytes: u64,
    pub generated_in: Duration,
}

impl Caseload {
    /// Generates a file and says on stderr how big it is and how long it took.
    pub fn generate(cohorts: &[Cohort]) -> Caseload {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("coachlog.db");
        let started = Instant::now();
        let mut store = Store::open(&path, clock()).expect("a new database");
        let teacher_ids = fill(&mut store, cohorts).expect("generated records");
        drop(store);
        let generated_in = started.elapsed();
        let bytes = std::fs::metadata(&path).expect("the file").len();
        let caseload = Caseload {
            dir,
            path,
            teacher_ids,
            bytes,
            generated_in,
        };
        eprintln!(
            "generated {}: {:.1} MB in {:.1?}",
            describe(cohorts),
            caseload.bytes as f64 / 1e6,
            caseload.generated_in
        );
        caseload
    }

    pub fn open(&self) -> Store {
        Store::open(&self.path, clock()).expect("the generated database")
    }

    /// A copy of the file in a fresh folder, for benches that write.
    pub fn copy(&self) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("coachlog.db");
        std::fs::copy(&self.path, &path).expect("a copy of the generated database");
        (dir, path)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// "500 teachers × 1 year", "1 teacher × 10 years + 499 teachers × 1 year".
pub fn describe(cohorts: &[Cohort]) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    cohorts
        .iter()
        .map(|c| {
            format!(
                "{} × {}",
                plural(c.teachers, "teacher", "teachers"),
                plural(c.years as usize, "year", "years")
            )
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A ULID stamped with the record's own time and random bits from the generator.
fn ulid(rng: &mut Rng, at: NaiveDateTime) -> String {
    let millis = u64::try_from(at.and_utc().timestamp_millis()).unwrap_or_default();
    let random = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
    ulid::Ulid::from_parts(millis, random).to_string()
}

/// Unique "Last, First" names for the first 1,200 teachers, numbered after that.
fn teacher_name(index: usize) -> String {
    let last = LAST_NAMES[index % LAST_NAMES.len()];
    let round = index / LAST_NAMES.len();
    let first = FIRST_NAMES[round % FIRST_NAMES.len()];
    match round / FIRST_NAMES.len() {
        0 => format!("{last}, {first}"),
        n => format!("{last}, {first} {}", n + 1),
    }
}

/// The Monday school year `year` (0 the oldest) of `years` starts; the newest one ends
/// on the Friday before [`now`] (a Monday).
fn school_start(years: u32, year: u32) -> NaiveDate {
    let weeks_back = 52 * i64::from(years - year) - 16;
    now().date() - TimeDelta::weeks(weeks_back)
}

fn school_day(start: NaiveDate, day: u32) -> NaiveDate {
    start + TimeDelta::days(i64::from(day / 5 * 7 + day % 5))
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, minute, 0).expect("a valid time")
}

/// The focus a teacher works on, as the generator needs to know it.
struct ActiveFocus {
    id: String,
    look_fors: Vec<String>,
    started: u32,
}

/// One teacher's history being written, school day by school day.
struct History<'a> {
    store: &'a mut Store,
    rng: Rng,
    teacher_id: String,
    /// Actions to be reviewed as done at the next check-in (done, but late).
    to_review: Vec<String>,
}

impl History<'_> {
    fn write(store: &mut Store, index: usize, years: u32) -> Result<String, Error> {
        let mut rng = Rng::new(index as u64);
        let joined = at(school_start(years, 0) - TimeDelta::days(7), 15, 30);
        let teacher = Teacher {
            name: teacher_name(index),
            school: rng.pick(SCHOOLS).to_string(),
            subject: rng.pick(SUBJECTS).to_string(),
            cadence_days: 14,
            ..Teacher::default()
        };
        let mut history = History {
            teacher_id: ulid(&mut rng, joined),
            store,
            rng,
            to_review: Vec::new(),
        };
        let teacher = Teacher {
            meta: Meta {
                id: history.teacher_id.clone(),
                ..Default::default()
            },
            ..teacher
        };
        history.apply(joined, Command::Add(AnyRecord::Teacher(teacher)))?;
        for year in 0..years {
            history.school_year(school_start(years, year), year + 1 == years)?;
        }
        Ok(history.teacher_id)
    }

    fn apply(&mut self, when: NaiveDateTime, command: Command) -> Result<(), Error> {
        self.store.set_clock(Clock::Fixed(when));
        self.store.apply(command).map(drop)
    }

    fn school_year(&mut self, start: NaiveDate, newest: bool) -> Result<(), Error> {
        let day = |d: u32| school_day(start, d);
        let goals = self.goals(day(0), day(SCHOOL_DAYS - 1))?;
        let check_in_offset = self.rng.between(0, CHECK_IN_EVERY - 1);
        let mut next_visit = self.rng.between(0, 4);
        let mut focus: Option<ActiveFocus> = None;
        for d in 0..SCHOOL_DAYS {
            if d % FOCUS_EVERY == 0 {
                let goal = &goals[(d / FOCUS_EVERY) as usize * GOALS_A_YEAR / 3];
                focus = Some(self.set_focus(day(d), d, goal, focus.is_some())?);
            }
            for (g, goal) in goals.iter().enumerate() {
                if let Some(j) = measure_number(d, g)
                    && j < MEASURES_A_GOAL
                {
                    self.measure(day(d), goal, j)?;
                }
            }
            if d == next_visit {
                let focus = focus.as_ref().expect("a focus from the first day");
                self.observe(day(d), d, focus)?;
                next_visit += self.rng.between(3, 7);
            }
            if d % CHECK_IN_EVERY == check_in_offset {
                self.check_in(day(d))?;
            }
        }
        if !newest {
            let last = day(SCHOOL_DAYS - 1);
            let outcome = self.outcome();
            self.apply(
                at(last, 15, 0),
                Command::EndFocus {
                    teacher_id: self.teacher_id.clone(),
                    outcome,
                    on: last,
                },
            )?;
            for (g, mut goal) in goals.into_iter().enumerate() {
                goal.status = if g == 0 || self.rng.chance(60) {
                    GoalStatus::Met
                } else {
                    GoalStatus::Dropped
                };
                self.apply(at(last, 15, 10), Command::Edit(AnyRecord::Goal(goal)))?;
            }
        }
        Ok(())
    }

    /// The year's goals, set on its first day, due on its last.
    fn goals(&mut self, first: NaiveDate, last: NaiveDate) -> Result<Vec<Goal>, Error> {
        let mut goals = Vec::with_capacity(GOALS_A_YEAR);
        for g in 0..GOALS_A_YEAR {
            let when = at(first, 7, 30 + g as u32);
            let (statement, measure, unit) = *self.rng.pick(GOALS);
            let baseline = f64::from(self.rng.between(25, 55));
            let goal = Goal {
                meta: Meta {
                    id: ulid(&mut self.rng, when),
                    ..Default::default()
                },
                teacher_id: self.teacher_id.clone(),
                statement: statement.into(),
                why: self.rng.sentences(WHYS, 2),
                measure: measure.into(),
                unit: unit.into(),
                baseline: Some(baseline),
                target: Some(baseline + f64::from(self.rng.between(25, 40))),
                target_on: Some(last),
                status: GoalStatus::Active,
            };
            self.apply(when, Command::Add(AnyRecord::Goal(goal.clone())))?;
            goals.push(goal);
        }
        Ok(goals)
    }

    /// Measure `j` of a goal, climbing from the baseline towards the target.
    fn measure(&mut self, day: NaiveDate, goal: &Goal, j: u32) -> Result<(), Error> {
        let when = at(day, 12, 15);
        let (baseline, target) = (goal.baseline.unwrap_or(0.0), goal.target.unwrap_or(0.0));
        let progress = f64::from(j + 1) / f64::from(MEASURES_A_GOAL);
        let noise = f64::from(self.rng.between(0, 10)) - 5.0;
        let measure = Measure {
            meta: Meta {
                id: ulid(&mut self.rng, when),
                ..Default::default()
            },
            goal_id: goal.meta.id.clone(),
            measured_on: day,
            value: (baseline + (target - baseline) * progress + noise).round(),
            out_of: None,
            note: self.rng.pick(MEASURE_NOTES).to_string(),
        };
        self.apply(when, Command::Add(AnyRecord::Measure(measure)))
    }

    fn outcome(&mut self) -> Outcome {
        match self.rng.between(1, 100) {
            1..=50 => Outcome::Achieved,
            51..=85 => Outcome::Replaced,
            _ => Outcome::Dropped,
        }
    }

    fn set_focus(
        &mut self,
        day: NaiveDate,
        d: u32,
        goal: &Goal,
        replacing: bool,
    ) -> Result<ActiveFocus, Error> {
        let when = at(day, 7, 45);
        let (statement, look_fors) = *self.rng.pick(FOCUSES);
        let focus = Focus {
            meta: Meta {
                id: ulid(&mut self.rng, when),
                ..Default::default()
            },
            teacher_id: self.teacher_id.clone(),
            goal_id: Some(goal.meta.id.clone()),
            statement: statement.into(),
            look_fors: look_fors.iter().map(|s| s.to_string()).collect(),
            tallies: Vec::new(),
            started_on: day,
            ended_on: None,
            outcome: None,
        };
        let active = ActiveFocus {
            id: focus.meta.id.clone(),
            look_fors: focus.look_fors.clone(),
            started: d,
        };
        let previous_outcome = replacing.then(|| self.outcome());
        self.apply(
            when,
            Command::SetFocus {
                focus,
                previous_outcome,
            },
        )?;
        Ok(active)
    }

    /// A visit: 2-4 sentences of evidence, a rating that climbs as the focus takes hold.
    fn observe(&mut self, day: NaiveDate, d: u32, focus: &ActiveFocus) -> Result<(), Error> {
        let minute_of_day = 8 * 60 + self.rng.between(0, 6 * 60 + 30);
        let when = at(day, minute_of_day / 60, minute_of_day % 60);
        let progress = f64::from(d - focus.started) / f64::from(FOCUS_EVERY);
        let noise = f64::from(self.rng.between(0, 20)) / 10.0 - 1.0;
        let rating = if self.rng.chance(90) {
            Rating::new((1.5 + 2.5 * progress + noise).round().clamp(1.0, 4.0) as u8)
        } else {
            None
        };
        let look_fors_seen = focus
            .look_fors
            .iter()
            .filter(|_| self.rng.chance(50))
            .cloned()
            .collect();
        let mut tallies = BTreeMap::new();
        if self.rng.chance(30) {
            tallies.insert("students answering".to_string(), self.rng.between(2, 15));
        }
        let sentences = self.rng.between(2, 4);
        let observation = Observation {
            meta: Meta {
                id: ulid(&mut self.rng, when),
                ..Default::default()
            },
            teacher_id: self.teacher_id.clone(),
            focus_id: Some(focus.id.clone()),
            observed_at: LocalTime::utc_wall(when),
            minutes: Some(self.rng.between(10, 25)),
            class_period: format!("Period {}", self.rng.between(1, 6)),
            evidence: self.rng.sentences(EVIDENCE, sentences),
            look_fors_seen,
            tallies,
            rating,
            private: self.rng.chance(5),
            ..Observation::default()
        };
        self.apply(when, Command::Add(AnyRecord::Observation(observation)))
    }

    /// A check-in that reviews late actions as done and ends in two new ones. Most actions
    /// are then done on time, some at the next check-in, a few never.
    fn check_in(&mut self, day: NaiveDate) -> Result<(), Error> {
        let when = at(day, 15, 30);
        let kind = match self.rng.between(1, 10) {
            1..=7 => CheckInKind::Coaching,
            8 | 9 => CheckInKind::Feedback,
            _ => CheckInKind::Conference,
        };
        let notes_length = self.rng.between(2, 3);
        let check_in = CheckIn {
            meta: Meta {
                id: ulid(&mut self.rng, when),
                ..Default::default()
            },
            teacher_id: self.teacher_id.clone(),
            held_on: day,
            kind,
            notes: self.rng.sentences(NOTES, notes_length),
            reflection: self.rng.pick(REFLECTIONS).to_string(),
            next_on: Some(day + TimeDelta::days(14)),
            private: self.rng.chance(5),
            ..CheckIn::default()
        };
        let actions: Vec<Action> = (0..ACTIONS_A_CHECK_IN)
            .map(|_| {
                let due_in = *self.rng.pick(&[7, 14]);
                Action {
                    meta: Meta {
                        id: ulid(&mut self.rng, when),
                        ..Default::default()
                    },
                    teacher_id: self.teacher_id.clone(),
                    check_in_id: None,
                    what: self.rng.pick(ACTIONS).to_string(),
                    owner: if self.rng.chance(70) {
                        "teacher"
                    } else {
                        "coach"
                    }
                    .into(),
                    due_on: Some(day + TimeDelta::days(due_in)),
                    done_on: None,
                }
            })
            .collect();
        let command = Command::HoldCheckIn {
            check_in,
            done: std::mem::take(&mut self.to_review),
            carried: Vec::new(),
            new_actions: actions.clone(),
            measures: Vec::new(),
        };
        self.apply(when, command)?;
        for action in actions {
            let due_on = action.due_on.unwrap_or(day);
            let done_on = day + TimeDelta::days(i64::from(self.rng.between(1, 7)));
            match self.rng.between(1, 100) {
                1..=75 if done_on <= due_on && done_on < now().date() => {
                    let command = Command::SetActionDone {
                        id: action.meta.id,
                        done_on: Some(done_on),
                    };
                    self.apply(at(done_on, 16, 0), command)?;
                }
                1..=95 if due_on < now().date() => self.to_review.push(action.meta.id),
                // Never done: late, or open when still due.
                _ => {}
            }
        }
        Ok(())
    }
}

/// Which measure of goal `g` is taken on school day `d`, if one is: every 22 days.
fn measure_number(d: u32, g: usize) -> Option<u32> {
    let first = 10 + 3 * g as u32;
    (d >= first && (d - first).is_multiple_of(22)).then(|| (d - first) / 22)
}

const LAST_NAMES: &[&str] = &[
    "Abbott", "Adeyemi", "Alvarez", "Anand", "Baker", "Bianchi", "Brandt", "Castillo", "Chen",
    "Costa", "Dawson", "Delgado", "Dubois", "Eriksen", "Farah", "Fischer", "Garcia", "Gupta",
    "Hansen", "Hughes", "Ibrahim", "Jensen", "Kaur", "Kowalski", "Larsen", "Lopez", "Mensah",
    "Moreau", "Nakamura", "Novak", "Okafor", "Olsen", "Patel", "Quinn", "Rossi", "Santos", "Smith",
    "Tanaka", "Walsh", "Yilmaz",
];

const FIRST_NAMES: &[&str] = &[
    "Ada", "Ben", "Carla", "Dan", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jonas", "Kemi", "Liam",
    "Maya", "Nils", "Olga", "Pia", "Raj", "Sara", "Tomas", "Uma", "Vera", "Wes", "Xin", "Yara",
    "Zoe", "Amir", "Bea", "Cole", "Dina", "Emil",
];

const SCHOOLS: &[&str] = &[
    "Eastside Middle",
    "Riverbend Elementary",
    "North High",
    "Lakeview K-8",
    "Westfield Middle",
];

const SUBJECTS: &[&str] = &[
    "Grade 3",
    "Grade 5",
    "Grade 6 Math",
    "Grade 7 Science",
    "Grade 8 ELA",
    "Grade 9 Biology",
    "Grade 10 History",
    "Grade 11 Chemistry",
    "Art",
    "Physical Education",
];

const GOALS: &[(&str, &str, &str)] = &[
    (
        "Students on task in the first 10 minutes",
        "students on task at minute 10",
        "%",
    ),
    (
        "Every student answers at least once a lesson",
        "students who answered",
        "%",
    ),
    (
        "Exit tickets show the learning target was met",
        "exit tickets at mastery",
        "%",
    ),
    ("Transitions take under a minute", "smooth transitions", "%"),
    (
        "Students use evidence when they explain",
        "explanations citing evidence",
        "%",
    ),
];

const WHYS: &[&str] = &[
    "The first minutes set the lesson's pace.",
    "Quiet students were falling behind unnoticed.",
    "Department data showed a gap in this strand.",
    "The teacher asked for help with this.",
    "It came up in every walkthrough last term.",
];

const MEASURE_NOTES: &[&str] = &[
    "",
    "counted from the back of the room",
    "after the fire drill",
    "substitute the day before",
    "new seating plan",
];

const FOCUSES: &[(&str, &[&str])] = &[
    (
        "Cold call with wait time",
        &[
            "names after the question",
            "3 seconds of wait time",
            "no hands up",
        ],
    ),
    (
        "Do Now ready at the door",
        &[
            "task on the board",
            "students start unprompted",
            "timer shown",
        ],
    ),
    (
        "Check for understanding before moving on",
        &["whiteboards up", "reteach when under 80%", "hinge question"],
    ),
    (
        "Turn and talk with a sentence stem",
        &["stem posted", "partners assigned", "listening for reports"],
    ),
    (
        "Narrate the positive",
        &["names students on task", "no sarcasm", "calm voice"],
    ),
    (
        "Clear learning target",
        &["target posted", "target said aloud", "students restate it"],
    ),
];

const EVIDENCE: &[&str] = &[
    "Teacher asked why the plant leaned towards the window and waited before naming a student.",
    "Three students at the back table had not started the task after five minutes.",
    "The Do Now was on the board and most students began before the bell.",
    "Teacher circulated and checked four notebooks, giving short written feedback.",
    "Two students explained their answers using the data table without prompting.",
    "The transition to groups took about two minutes and was noisy.",
    "Whiteboards went up; teacher noticed half were wrong and re-explained with a new example.",
    "Students used the sentence stem when reporting back to the class.",
    "The learning target was said aloud and one student restated it in her own words.",
    "Teacher narrated what on-task students were doing and the room settled.",
    "A student asked a question that the teacher turned back to the class.",
    "Exit tickets were collected at the door; teacher sorted them while students left.",
    "Phones were out at two tables and teacher did not address it.",
    "Wait time after questions was mostly under one second.",
    "The hinge question split the class and led to a good discussion.",
    "Partners were assigned and most pairs talked about the prompt.",
];

const NOTES: &[&str] = &[
    "We looked at the exit tickets together and sorted them into three piles.",
    "Rehearsed the opening of tomorrow's lesson twice, with timings.",
    "Talked about the back table and agreed on a seating change.",
    "Watched a two-minute clip from the last visit and named what worked.",
    "Planned the hinge question for Thursday's lesson.",
    "The teacher brought data from the last quiz; the trend is up.",
    "Discussed which students never answer and how to bring them in.",
    "Agreed the focus is nearly in place and talked about what could come next.",
];

const REFLECTIONS: &[&str] = &[
    "I can feel the room is calmer at the start.",
    "Wait time still feels uncomfortable, but it works.",
    "I want to try this with my other sections too.",
    "The seating change helped more than I expected.",
    "I am not sure the quieter students are with me yet.",
];

const ACTIONS: &[&str] = &[
    "Post the Do Now before the bell",
    "Try the hinge question in period 3",
    "Film ten minutes of the lesson",
    "Observe a colleague's opening routine",
    "Move the back table closer to the board",
    "Bring exit tickets to the next check-in",
    "Share the sentence stems with the department",
    "Visit again during the transition to groups",
];
