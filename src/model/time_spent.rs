//! Where the coach's time goes: the minutes of observations, walkthrough marks, check-ins
//! and supports, summed by person, school, role or kind of activity over a period, with
//! how many activities have no minutes known. A report holds only minutes, days and who:
//! a record's words never reach it, private or not (the time is not the note).

use super::{Caseload, CheckIn, CheckInKind, Observation, Role, Support, SupportKind, Teacher};
use chrono::{Datelike, Days, NaiveDate};
use std::collections::HashMap;

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

/// What kind of work a piece of the coach's time was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityKind {
    Observation,
    /// A classroom's mark in a walkthrough round (an observation of its own).
    WalkthroughMark,
    CheckIn(CheckInKind),
    Support(SupportKind),
}

impl ActivityKind {
    /// How a person says it: "observation", "coaching check-in", "support: peer visit".
    /// A check-in's kind comes before the word check-in: "leader check-in" is a kind of
    /// conversation, not a person's role (beside "school leader" in a split by role,
    /// "check-in: leader" read as time spent with leaders).
    pub fn label(self) -> String {
        match self {
            ActivityKind::Observation => "observation".into(),
            ActivityKind::WalkthroughMark => "walkthrough mark".into(),
            ActivityKind::CheckIn(kind) => format!("{kind} check-in"),
            ActivityKind::Support(kind) => format!("support: {}", kind.label()),
        }
    }
}

/// One piece of the coach's time: with whom, on which day, what kind, how long (when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub person_id: String,
    pub on: NaiveDate,
    pub kind: ActivityKind,
    pub minutes: Option<u32>,
}

impl Activity {
    /// A visit or a round's mark, on the day of the coach's clock when it was seen.
    pub fn of_observation(observation: &Observation) -> Activity {
        Activity {
            person_id: observation.teacher_id.clone(),
            on: observation.observed_at.date(),
            kind: if observation.walkthrough_id.is_some() {
                ActivityKind::WalkthroughMark
            } else {
                ActivityKind::Observation
            },
            minutes: observation.minutes,
        }
    }

    pub fn of_check_in(check_in: &CheckIn) -> Activity {
        Activity {
            person_id: check_in.teacher_id.clone(),
            on: check_in.held_on,
            kind: ActivityKind::CheckIn(check_in.kind),
            minutes: check_in.minutes,
        }
    }

    pub fn of_support(support: &Support) -> Activity {
        Activity {
            person_id: support.teacher_id.clone(),
            on: support.given_on,
            kind: ActivityKind::Support(support.kind),
            minutes: support.minutes,
        }
    }
}

/// The activities of a caseload's live observations, check-ins and supports (what is in
/// the trash took time once, but the coach took it back out of the record).
pub fn activities(caseload: &Caseload) -> Vec<Activity> {
    let live = |deleted_at: &Option<String>| deleted_at.is_none();
    let observations = caseload
        .observations
        .iter()
        .filter(|o| live(&o.meta.deleted_at))
        .map(Activity::of_observation);
    let check_ins = caseload
        .check_ins
        .iter()
        .filter(|c| live(&c.meta.deleted_at))
        .map(Activity::of_check_in);
    let supports = caseload
        .supports
        .iter()
        .filter(|s| live(&s.meta.deleted_at))
        .map(Activity::of_support);
    observations.chain(check_ins).chain(supports).collect()
}

/// What the time is summed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    Person,
    School,
    Role,
    #[default]
    Kind,
}

impl Grouping {
    /// In the order the screen's key steps through them.
    pub const ALL: [Grouping; 4] = [
        Grouping::Kind,
        Grouping::Role,
        Grouping::Person,
        Grouping::School,
    ];

    /// The word for a row's heading: "person", "school", "role", "kind".
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Person => "person",
            Grouping::School => "school",
            Grouping::Role => "role",
            Grouping::Kind => "kind",
        }
    }

    /// The next grouping on the screen (kind, role, person, school, then kind again).
    pub fn next(self) -> Grouping {
        let at = Grouping::ALL.iter().position(|g| *g == self).unwrap_or(0);
        Grouping::ALL[(at + 1) % Grouping::ALL.len()]
    }
}

/// The days a report covers, both ends included; an end not given is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Period {
    /// Everything ever recorded.
    pub const ALL: Period = Period {
        since: None,
        until: None,
    };

    /// The `days` days that end with `today`.
    pub fn last_days(today: NaiveDate, days: u64) -> Period {
        Period {
            since: today.checked_sub_days(Days::new(days.saturating_sub(1))),
            until: Some(today),
        }
    }

    /// This school year so far: from the last 1 August on or before `today`.
    pub fn school_year(today: NaiveDate) -> Period {
        let year = if today.month() >= 8 {
            today.year()
        } else {
            today.year() - 1
        };
        Period {
            since: NaiveDate::from_ymd_opt(year, 8, 1),
            until: Some(today),
        }
    }

    pub fn holds(self, day: NaiveDate) -> bool {
        self.since.is_none_or(|since| day >= since) && self.until.is_none_or(|until| day <= until)
    }

    /// How a sentence says when: "from 1 Aug 2026 to 28 Nov 2026", "since 1 Aug 2026",
    /// "until 28 Nov 2026", or "yet" for all time ("Nothing recorded yet").
    pub fn during(self) -> String {
        let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
        match (self.since, self.until) {
            (Some(since), Some(until)) => format!("from {} to {}", day(since), day(until)),
            (Some(since), None) => format!("since {}", day(since)),
            (None, Some(until)) => format!("until {}", day(until)),
            (None, None) => "yet".into(),
        }
    }

    /// "1 Aug 2026 – 28 Nov 2026", "since 1 Aug 2026", "until …", "all time".
    pub fn describe(self) -> String {
        let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
        match (self.since, self.until) {
            (Some(since), Some(until)) => format!("{} – {}", day(since), day(until)),
            (Some(since), None) => format!("since {}", day(since)),
            (None, Some(until)) => format!("until {}", day(until)),
            (None, None) => "all time".into(),
        }
    }
}

/// One line of a report: a person, school, role or kind of activity, or the total.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeRow {
    /// A name, a school, a role or a kind, as a person reads it.
    pub label: String,
    /// The person's role, on a line of a person.
    pub role: Option<Role>,
    /// Observations, marks, check-ins and supports counted.
    pub activities: usize,
    /// The minutes of those whose minutes are known.
    pub minutes: u64,
    /// Those whose minutes are not known (counted as activities, not as minutes).
    pub unknown: usize,
}

impl TimeRow {
    fn add(&mut self, activity: &Activity) {
        self.activities += 1;
        match activity.minutes {
            Some(minutes) => self.minutes += u64::from(minutes),
            None => self.unknown += 1,
        }
    }
}

/// Where the time went over a period, grouped one way: lines with the most minutes first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeReport {
    pub grouping: Grouping,
    pub period: Period,
    pub rows: Vec<TimeRow>,
    pub total: TimeRow,
    /// Whether people are numbered rather than named.
    pub anonymous: bool,
}

impl TimeReport {
    /// The share of all known minutes a line took, in whole percent; `None` when no
    /// minutes are known at all.
    pub fn share(&self, row: &TimeRow) -> Option<u32> {
        (self.total.minutes > 0)
            .then(|| ((row.minutes as f64) * 100.0 / (self.total.minutes as f64)).round() as u32)
    }

    /// The report with each person named by role and place in the report ("Teacher 1",
    /// "Leader 1", "Teacher 2"…, numbered per role in the report's order, not by id), for
    /// someone who may see the time but not who it went to. Schools, roles and kinds
    /// name no one and stay.
    pub fn anonymous(mut self) -> TimeReport {
        if self.grouping == Grouping::Person {
            let mut numbers: HashMap<Role, usize> = HashMap::new();
            for row in &mut self.rows {
                let role = row.role.unwrap_or_default();
                let number = numbers.entry(role).or_default();
                *number += 1;
                row.label = format!("{} {number}", role_title(role));
            }
        }
        self.anonymous = true;
        self
    }
}

/// "Teacher", "Leader", "Coach": how a numbered person is called.
fn role_title(role: Role) -> &'static str {
    match role {
        Role::Teacher => "Teacher",
        Role::Leader => "Leader",
        Role::Coach => "Coach",
    }
}

/// Sums the activities with the live people of `people` within `period` by `grouping`.
/// An activity with someone not among them (in the trash) is left out.
pub fn time_report(
    people: &[Teacher],
    activities: &[Activity],
    period: Period,
    grouping: Grouping,
) -> TimeReport {
    let people: HashMap<&str, &Teacher> = people
        .iter()
        .filter(|p| p.meta.deleted_at.is_none())
        .map(|p| (p.meta.id.as_str(), p))
        .collect();
    let mut rows: HashMap<String, TimeRow> = HashMap::new();
    let mut total = TimeRow {
        label: "total".into(),
        ..TimeRow::default()
    };
    for activity in activities.iter().filter(|a| period.holds(a.on)) {
        let Some(person) = people.get(activity.person_id.as_str()) else {
            continue;
        };
        let (key, label, role) = match grouping {
            Grouping::Person => (
                person.meta.id.clone(),
                person.name.clone(),
                Some(person.role),
            ),
            Grouping::School => {
                let school = person.school.trim();
                let label = if school.is_empty() {
                    "(no school)".to_owned()
                } else {
                    school.to_owned()
                };
                (label.to_lowercase(), label, None)
            }
            Grouping::Role => (person.role.to_string(), person.role.label().into(), None),
            Grouping::Kind => (activity.kind.label(), activity.kind.label(), None),
        };
        rows.entry(key)
            .or_insert_with(|| TimeRow {
                label,
                role,
                ..TimeRow::default()
            })
            .add(activity);
        total.add(activity);
    }
    let mut rows: Vec<TimeRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.minutes
            .cmp(&a.minutes)
            .then(b.activities.cmp(&a.activities))
            .then_with(|| a.label.cmp(&b.label))
    });
    TimeReport {
        grouping,
        period,
        rows,
        total,
        anonymous: false,
    }
}

/// Minutes as a person reads a length of time: "45 min", "2 h", "12 h 05 min".
pub fn duration(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LocalTime, Meta};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn person(id: &str, name: &str, school: &str, role: Role) -> Teacher {
        Teacher {
            meta: Meta {
                id: id.into(),
                ..Meta::default()
            },
            name: name.into(),
            school: school.into(),
            role,
            ..Teacher::default()
        }
    }

    fn people() -> Vec<Teacher> {
        vec![
            person("T1", "Smith, Dan", "Eastside", Role::Teacher),
            person("T2", "Okafor, Ngozi", "Westside", Role::Teacher),
            person("L1", "Reyes, Ana", "Eastside", Role::Leader),
        ]
    }

    fn activity(person: &str, on: NaiveDate, kind: ActivityKind, minutes: Option<u32>) -> Activity {
        Activity {
            person_id: person.into(),
            on,
            kind,
            minutes,
        }
    }

    /// Nov 2026: Smith observed twice (20 + unknown) and coached (30), Okafor given
    /// co-planning (45), Reyes in a leader check-in (60); one of Smith's in October.
    fn month() -> Vec<Activity> {
        use ActivityKind as A;
        vec![
            activity("T1", day(11, 2), A::Observation, Some(20)),
            activity("T1", day(11, 3), A::WalkthroughMark, None),
            activity(
                "T1",
                day(11, 9),
                A::CheckIn(CheckInKind::Coaching),
                Some(30),
            ),
            activity(
                "T2",
                day(11, 10),
                A::Support(SupportKind::CoPlanning),
                Some(45),
            ),
            activity("L1", day(11, 30), A::CheckIn(CheckInKind::Leader), Some(60)),
            activity("T1", day(10, 31), A::Observation, Some(15)),
        ]
    }

    const NOVEMBER: Period = Period {
        since: NaiveDate::from_ymd_opt(2026, 11, 1),
        until: NaiveDate::from_ymd_opt(2026, 11, 30),
    };

    fn line<'a>(report: &'a TimeReport, label: &str) -> &'a TimeRow {
        report
            .rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("no line {label}: {report:?}"))
    }

    #[test]
    fn minutes_are_summed_by_person_with_counts_shares_and_the_unknown() {
        let report = time_report(&people(), &month(), NOVEMBER, Grouping::Person);
        let labels: Vec<&str> = report.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Reyes, Ana", "Smith, Dan", "Okafor, Ngozi"],
            "most minutes first"
        );
        let smith = line(&report, "Smith, Dan");
        assert_eq!(
            (smith.activities, smith.minutes, smith.unknown),
            (3, 50, 1),
            "the mark without minutes counts as an activity, not as minutes"
        );
        assert_eq!(smith.role, Some(Role::Teacher));
        assert_eq!(
            (
                report.total.activities,
                report.total.minutes,
                report.total.unknown
            ),
            (5, 155, 1)
        );
        assert_eq!(report.share(smith), Some(32), "50 of 155 minutes");
        assert_eq!(report.share(line(&report, "Reyes, Ana")), Some(39));
        assert_eq!(report.share(&report.total), Some(100));
    }

    #[test]
    fn minutes_are_summed_by_school_role_and_kind_of_activity() {
        let by_school = time_report(&people(), &month(), NOVEMBER, Grouping::School);
        assert_eq!(line(&by_school, "Eastside").minutes, 110);
        assert_eq!(line(&by_school, "Westside").minutes, 45);
        let by_role = time_report(&people(), &month(), NOVEMBER, Grouping::Role);
        assert_eq!(line(&by_role, "teacher").minutes, 95);
        assert_eq!(line(&by_role, "school leader").minutes, 60);
        let by_kind = time_report(&people(), &month(), NOVEMBER, Grouping::Kind);
        let kinds: Vec<(&str, u64, usize)> = by_kind
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.minutes, r.activities))
            .collect();
        assert_eq!(
            kinds,
            [
                ("leader check-in", 60, 1),
                ("support: co-planning", 45, 1),
                ("coaching check-in", 30, 1),
                ("observation", 20, 1),
                ("walkthrough mark", 0, 1),
            ]
        );
        assert_eq!(by_kind.share(line(&by_kind, "walkthrough mark")), Some(0));
    }

    #[test]
    fn people_without_a_school_are_summed_together_whatever_the_case_of_a_school() {
        let mut people = people();
        people[1].school = "  eastside ".into();
        people.push(person("C1", "Lee, Min", "", Role::Coach));
        let mut activities = month();
        activities.push(activity(
            "C1",
            day(11, 5),
            ActivityKind::Observation,
            Some(10),
        ));
        let report = time_report(&people, &activities, NOVEMBER, Grouping::School);
        assert_eq!(report.rows.len(), 2, "{report:?}");
        assert_eq!(line(&report, "Eastside").minutes, 155);
        assert_eq!(line(&report, "(no school)").minutes, 10);
    }

    #[test]
    fn a_period_holds_both_its_first_and_last_day() {
        let october_31 = time_report(
            &people(),
            &month(),
            Period {
                since: Some(day(10, 31)),
                until: Some(day(11, 2)),
            },
            Grouping::Kind,
        );
        assert_eq!(october_31.total.activities, 2);
        assert_eq!(october_31.total.minutes, 35);
        let all = time_report(&people(), &month(), Period::ALL, Grouping::Kind);
        assert_eq!(all.total.activities, 6);
        let thirty = Period::last_days(day(11, 30), 30);
        assert_eq!(thirty.since, Some(day(11, 1)));
        assert!(thirty.holds(day(11, 1)) && thirty.holds(day(11, 30)));
        assert!(!thirty.holds(day(10, 31)) && !thirty.holds(day(12, 1)));
    }

    #[test]
    fn the_school_year_starts_on_the_last_first_of_august() {
        assert_eq!(Period::school_year(day(11, 28)).since, Some(day(8, 1)));
        assert_eq!(Period::school_year(day(8, 1)).since, Some(day(8, 1)));
        assert_eq!(
            Period::school_year(day(7, 31)).since,
            NaiveDate::from_ymd_opt(2025, 8, 1)
        );
        assert_eq!(Period::school_year(day(7, 31)).until, Some(day(7, 31)));
    }

    #[test]
    fn what_is_in_the_trash_takes_no_time() {
        let trashed = Meta {
            deleted_at: Some("2026-11-20T10:00:00.000Z".into()),
            ..Meta::default()
        };
        let caseload = Caseload {
            observations: vec![
                Observation {
                    teacher_id: "T1".into(),
                    observed_at: LocalTime::utc_wall(day(11, 2).and_hms_opt(9, 0, 0).unwrap()),
                    minutes: Some(20),
                    ..Observation::default()
                },
                Observation {
                    meta: trashed.clone(),
                    teacher_id: "T1".into(),
                    minutes: Some(500),
                    ..Observation::default()
                },
            ],
            check_ins: vec![CheckIn {
                meta: trashed.clone(),
                teacher_id: "T1".into(),
                minutes: Some(500),
                ..CheckIn::default()
            }],
            supports: vec![Support {
                meta: trashed.clone(),
                teacher_id: "T1".into(),
                minutes: Some(500),
                ..Support::default()
            }],
            ..Caseload::default()
        };
        let activities = activities(&caseload);
        assert_eq!(
            activities,
            [activity(
                "T1",
                day(11, 2),
                ActivityKind::Observation,
                Some(20)
            )]
        );
        // Nor does time with someone who is in the trash.
        let mut people = people();
        people[0].meta.deleted_at = trashed.deleted_at;
        let report = time_report(&people, &month(), NOVEMBER, Grouping::Person);
        assert!(report.rows.iter().all(|r| r.label != "Smith, Dan"));
        assert_eq!(report.total.minutes, 105);
    }

    #[test]
    fn private_records_count_in_the_time_and_marks_are_their_own_kind() {
        let caseload = Caseload {
            observations: vec![Observation {
                teacher_id: "T1".into(),
                walkthrough_id: Some("W1".into()),
                private: true,
                evidence: "confidential".into(),
                ..Observation::default()
            }],
            check_ins: vec![CheckIn {
                teacher_id: "T1".into(),
                kind: CheckInKind::Conference,
                private: true,
                minutes: Some(45),
                ..CheckIn::default()
            }],
            ..Caseload::default()
        };
        let kinds: Vec<(ActivityKind, Option<u32>)> = activities(&caseload)
            .into_iter()
            .map(|a| (a.kind, a.minutes))
            .collect();
        assert_eq!(
            kinds,
            [
                (ActivityKind::WalkthroughMark, None),
                (ActivityKind::CheckIn(CheckInKind::Conference), Some(45)),
            ]
        );
    }

    #[test]
    fn an_anonymous_report_numbers_people_per_role_in_its_own_order() {
        let mut people = people();
        people.push(person("L2", "Park, Jo", "Westside", Role::Leader));
        let mut activities = month();
        activities.push(activity(
            "L2",
            day(11, 4),
            ActivityKind::Observation,
            Some(5),
        ));
        let report = time_report(&people, &activities, NOVEMBER, Grouping::Person).anonymous();
        let labels: Vec<&str> = report.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Leader 1", "Teacher 1", "Teacher 2", "Leader 2"]);
        assert!(report.anonymous);
        let by_school = time_report(&people, &activities, NOVEMBER, Grouping::School).anonymous();
        assert!(
            by_school.rows.iter().any(|r| r.label == "Eastside"),
            "a school is not a person"
        );
    }

    #[test]
    fn no_minutes_known_has_no_share() {
        let activities = [activity("T1", day(11, 3), ActivityKind::Observation, None)];
        let report = time_report(&people(), &activities, NOVEMBER, Grouping::Kind);
        assert_eq!(report.total.unknown, 1);
        assert_eq!(report.share(&report.total), None);
    }

    #[test]
    fn a_length_of_time_reads_in_hours_and_minutes() {
        assert_eq!(duration(0), "0 min");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(duration(725), "12 h 05 min");
    }

    #[test]
    fn a_check_in_reads_as_a_kind_of_check_in_never_as_a_role() {
        let kinds: Vec<String> = CheckInKind::ALL
            .iter()
            .map(|k| ActivityKind::CheckIn(*k).label())
            .collect();
        assert_eq!(
            kinds,
            [
                "coaching check-in",
                "feedback check-in",
                "conference check-in",
                "leader check-in"
            ]
        );
    }

    #[test]
    fn a_period_reads_in_a_sentence() {
        assert_eq!(NOVEMBER.during(), "from 1 Nov 2026 to 30 Nov 2026");
        let since = Period {
            since: Some(day(11, 1)),
            until: None,
        };
        assert_eq!(since.during(), "since 1 Nov 2026");
        assert_eq!(Period::ALL.during(), "yet");
    }

    #[test]
    fn each_kind_of_check_in_has_its_usual_time() {
        let usual: Vec<u32> = CheckInKind::ALL
            .iter()
            .map(|k| k.default_minutes())
            .collect();
        assert_eq!(usual, [30, 20, 45, 30]);
    }

    #[test]
    fn the_grouping_key_steps_through_all_four_and_comes_back() {
        let mut seen = vec![Grouping::default()];
        for _ in 0..4 {
            seen.push(seen[seen.len() - 1].next());
        }
        assert_eq!(
            seen,
            [
                Grouping::Kind,
                Grouping::Role,
                Grouping::Person,
                Grouping::School,
                Grouping::Kind
            ]
        );
    }
}
