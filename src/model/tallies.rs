//! Tallies a focus defines ("students on task" out of the class size, "redirects"), counted
//! in class and read back over the focus's visits: each tally's counts by day, the latest,
//! the mean, the change since the first count, and a sentence that says it
//! ("students on task: 19 of 28 on the last visit (68%), up from 9 of 28 on the first;
//! 5 visits"). A visit that did not count a tally is a gap in its series, not a zero.

use super::{Focus, Observation};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// At most this many tallies a focus defines: one Alt key each in class.
pub const MAX_TALLIES: usize = 9;

/// What a visit counts when its focus defines no tallies of its own: what every visit
/// counted before focuses could say.
pub const DEFAULT_TALLIES: [&str; 2] = ["students answering", "redirects"];

/// A count a focus asks for on each visit: "students on task" out of 28, or "redirects".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TallyDef {
    pub name: String,
    /// The whole a count is a part of (the class size), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of: Option<u32>,
}

impl TallyDef {
    /// A tally with no whole.
    pub fn named(name: &str) -> TallyDef {
        TallyDef {
            name: name.to_owned(),
            out_of: None,
        }
    }

    /// As the focus form and the command line take it: "students on task / 28", "redirects".
    pub fn written(&self) -> String {
        match self.out_of {
            Some(whole) => format!("{} / {whole}", self.name),
            None => self.name.clone(),
        }
    }

    /// A count as the screen shows it: "19/28", or "3".
    pub fn shown(&self, count: u32) -> String {
        match self.out_of {
            Some(whole) => format!("{count}/{whole}"),
            None => count.to_string(),
        }
    }

    /// A count in words: "19 of 28", or "3".
    fn said(&self, count: u32) -> String {
        match self.out_of {
            Some(whole) => format!("{count} of {whole}"),
            None => count.to_string(),
        }
    }

    /// The share of the whole a count is (19 of 28 is 0.68), when there is a whole.
    pub fn share(&self, count: u32) -> Option<f64> {
        self.out_of
            .filter(|whole| *whole > 0)
            .map(|whole| f64::from(count) / f64::from(whole))
    }

    /// The count a visit kept of this tally, if it kept one.
    pub fn count_in(&self, visit: &Observation) -> Option<u32> {
        visit.tallies.get(&self.name).copied().or_else(|| {
            let name = self.name.trim();
            visit
                .tallies
                .iter()
                .find(|(counted, _)| counted.trim().eq_ignore_ascii_case(name))
                .map(|(_, count)| *count)
        })
    }
}

/// The tallies a visit on `focus` counts: its own, else the two every visit counted
/// before a focus could define them (so a focus made before then captures as it did).
pub fn tallies_of(focus: Option<&Focus>) -> Vec<TallyDef> {
    match focus {
        Some(focus) if !focus.tallies.is_empty() => focus.tallies.clone(),
        _ => DEFAULT_TALLIES
            .iter()
            .map(|name| TallyDef::named(name))
            .collect(),
    }
}

/// Reads one tally as written: "students on task / 28" (a count out of 28) or "redirects".
/// A number that is not a whole number above zero is refused, saying what was typed.
pub fn parse_tally(written: &str) -> Result<TallyDef, String> {
    let written = written.trim();
    let (name, out_of) = match written.rsplit_once('/') {
        None => (written, None),
        Some((name, whole)) => {
            let whole = whole.trim();
            let out_of = match whole.parse::<u32>() {
                Ok(n) if n > 0 => n,
                Ok(_) => {
                    return Err(format!(
                        "\"{}\": a count out of 0 says nothing; give the class size after \"/\" or leave the \"/\" out",
                        text::line(written)
                    ));
                }
                Err(_) if whole.is_empty() => {
                    return Err(format!(
                        "\"{}\": after \"/\" give the class size, e.g. \"students on task / 28\", or leave the \"/\" out",
                        text::line(written)
                    ));
                }
                Err(_) => {
                    return Err(format!(
                        "\"{}\": \"{}\" is not a whole number; after \"/\" give the class size, e.g. \"students on task / 28\"",
                        text::line(written),
                        text::line(whole)
                    ));
                }
            };
            (name.trim(), Some(out_of))
        }
    };
    if name.is_empty() {
        return Err(format!(
            "\"{}\": a tally needs a name, e.g. \"students on task / 28\"",
            text::line(written)
        ));
    }
    Ok(TallyDef {
        name: name.to_owned(),
        out_of,
    })
}

/// Reads a focus's tallies, one a line (blank lines skipped): each as [`parse_tally`]
/// reads it, no name twice, at most [`MAX_TALLIES`]. The first problem is said with its
/// line number.
pub fn parse_tallies(written: &str) -> Result<Vec<TallyDef>, String> {
    let mut tallies: Vec<TallyDef> = Vec::new();
    for (index, line) in written.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let tally = parse_tally(line).map_err(|error| format!("line {}: {error}", index + 1))?;
        if tallies
            .iter()
            .any(|t| t.name.eq_ignore_ascii_case(&tally.name))
        {
            return Err(format!(
                "line {}: \"{}\" is there twice",
                index + 1,
                text::line(&tally.name)
            ));
        }
        tallies.push(tally);
    }
    if tallies.len() > MAX_TALLIES {
        return Err(format!(
            "{} tallies: at most {MAX_TALLIES}, one Alt key each in class",
            tallies.len()
        ));
    }
    Ok(tallies)
}

/// One count of a tally on one visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TallyPoint {
    pub day: NaiveDate,
    pub count: u32,
}

/// One tally of a focus over its visits.
#[derive(Debug, Clone, PartialEq)]
pub struct TallySeries {
    pub tally: TallyDef,
    /// Each visit on the focus, oldest first: its count, or `None` when it kept none.
    pub visits: Vec<(NaiveDate, Option<u32>)>,
}

impl TallySeries {
    /// The visits that counted it, oldest first.
    pub fn points(&self) -> Vec<TallyPoint> {
        self.visits
            .iter()
            .filter_map(|(day, count)| count.map(|count| TallyPoint { day: *day, count }))
            .collect()
    }

    pub fn first(&self) -> Option<TallyPoint> {
        self.points().first().copied()
    }

    pub fn latest(&self) -> Option<TallyPoint> {
        self.points().last().copied()
    }

    /// The mean count over the visits that counted it.
    pub fn mean(&self) -> Option<f64> {
        let points = self.points();
        let sum: f64 = points.iter().map(|p| f64::from(p.count)).sum();
        (!points.is_empty()).then(|| sum / points.len() as f64)
    }

    /// The latest count less the first (0 with one count, none with none).
    pub fn change(&self) -> Option<i64> {
        Some(i64::from(self.latest()?.count) - i64::from(self.first()?.count))
    }

    /// In words: "students on task: 19 of 28 on the last visit (68%), up from 9 of 28 on
    /// the first; 5 visits". Visits that counted nothing are left out of "5 visits" and
    /// said apart ("counted on 4 of 6 visits"); when the last visit did not count it, the
    /// latest count is "on the last visit that counted it".
    pub fn words(&self) -> String {
        let name = text::line(self.tally.name.trim()).into_owned();
        let visits = |n: usize| match n {
            1 => "1 visit".to_owned(),
            n => format!("{n} visits"),
        };
        let points = self.points();
        let (Some(first), Some(latest)) = (points.first(), points.last()) else {
            return format!("{name}: not counted yet ({})", visits(self.visits.len()));
        };
        let share = |count: u32| {
            self.tally
                .share(count)
                .map(|share| format!(" ({})", percent(share)))
                .unwrap_or_default()
        };
        // The bars show a visit that did not count it: the count is not that visit's.
        let last = match self.visits.last() {
            Some((_, Some(_))) => "the last visit",
            _ => "the last visit that counted it",
        };
        let mut words = format!(
            "{name}: {} on {last}{}",
            self.tally.said(latest.count),
            share(latest.count)
        );
        if points.len() > 1 {
            let way = match latest.count.cmp(&first.count) {
                std::cmp::Ordering::Greater => "up from",
                std::cmp::Ordering::Less => "down from",
                std::cmp::Ordering::Equal => "as",
            };
            words.push_str(&format!(
                ", {way} {} on the first",
                self.tally.said(first.count)
            ));
        }
        if points.len() == self.visits.len() {
            words.push_str(&format!("; {}", visits(points.len())));
        } else {
            words.push_str(&format!(
                "; counted on {} of {}",
                points.len(),
                visits(self.visits.len())
            ));
        }
        words
    }

    /// The counts as a run of bars, one a visit, the newest `width` visits: the share of
    /// the whole when there is one, else the count against the largest. A visit that kept
    /// no count is `·`. Plain characters, so it reads without colour.
    pub fn sparkline(&self, width: usize) -> String {
        const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        let shown = &self.visits[self.visits.len().saturating_sub(width)..];
        let top = match self.tally.out_of {
            Some(whole) => f64::from(whole),
            None => f64::from(shown.iter().filter_map(|(_, c)| *c).max().unwrap_or(0)),
        };
        shown
            .iter()
            .map(|(_, count)| match count {
                None => '·',
                Some(_) if top <= 0.0 => BARS[0],
                Some(count) => {
                    let level = (f64::from(*count) / top).clamp(0.0, 1.0) * 7.0;
                    BARS[level.round() as usize]
                }
            })
            .collect()
    }
}

/// A share as a whole percent: 0.678 is "68%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).round())
}

/// Each tally of `focus` over `visits` (its observations, oldest first): the ones it
/// defines, every one of them; or, when it defines none, those of the two kept before
/// focuses could that some visit counted. None when it has no visits yet.
pub fn tally_series(focus: &Focus, visits: &[&Observation]) -> Vec<TallySeries> {
    if visits.is_empty() {
        return Vec::new();
    }
    let defined = !focus.tallies.is_empty();
    tallies_of(Some(focus))
        .into_iter()
        .filter(|tally| !tally.name.trim().is_empty())
        .map(|tally| TallySeries {
            visits: visits
                .iter()
                .map(|visit| (visit.observed_at.date(), tally.count_in(visit)))
                .collect(),
            tally,
        })
        .filter(|series| defined || series.visits.iter().any(|(_, c)| c.is_some()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalTime;
    use chrono::NaiveDateTime;

    fn on_task(out_of: Option<u32>) -> TallyDef {
        TallyDef {
            name: "students on task".into(),
            out_of,
        }
    }

    fn visit(day: u32, counts: &[(&str, u32)]) -> Observation {
        let at =
            NaiveDateTime::parse_from_str(&format!("2026-10-{day:02}T09:40"), "%Y-%m-%dT%H:%M")
                .unwrap();
        Observation {
            observed_at: LocalTime::utc_wall(at),
            tallies: counts.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect(),
            ..Observation::default()
        }
    }

    fn focus(tallies: Vec<TallyDef>) -> Focus {
        Focus {
            tallies,
            ..Focus::default()
        }
    }

    #[test]
    fn a_tally_is_a_name_with_an_optional_class_size() {
        assert_eq!(parse_tally("students on task / 28"), Ok(on_task(Some(28))));
        assert_eq!(parse_tally(" students on task/28 "), Ok(on_task(Some(28))));
        assert_eq!(parse_tally("redirects"), Ok(TallyDef::named("redirects")));
        assert_eq!(on_task(Some(28)).written(), "students on task / 28");
        assert_eq!(
            parse_tally(&on_task(Some(28)).written()),
            Ok(on_task(Some(28))),
            "what the form shows reads back the same"
        );
    }

    #[test]
    fn a_bad_class_size_says_what_was_typed_and_what_to_write() {
        assert_eq!(
            parse_tally("students on task / twenty"),
            Err("\"students on task / twenty\": \"twenty\" is not a whole number; after \"/\" give the class size, e.g. \"students on task / 28\"".into())
        );
        assert!(parse_tally("on task / 0").unwrap_err().contains("out of 0"));
        assert!(
            parse_tally("on task / -3")
                .unwrap_err()
                .contains("\"-3\" is not a whole number")
        );
        assert!(
            parse_tally("on task /")
                .unwrap_err()
                .contains("give the class size")
        );
        assert!(parse_tally(" / 28").unwrap_err().contains("needs a name"));
    }

    #[test]
    fn a_focus_lists_its_tallies_one_a_line_and_names_the_bad_line() {
        assert_eq!(
            parse_tallies("students on task / 28\n\n  redirects \n"),
            Ok(vec![on_task(Some(28)), TallyDef::named("redirects")])
        );
        assert_eq!(parse_tallies(""), Ok(vec![]));
        let bad = parse_tallies("redirects\nstudents on task / lots").unwrap_err();
        assert!(bad.starts_with("line 2: "), "{bad}");
        assert_eq!(
            parse_tallies("redirects\nRedirects"),
            Err("line 2: \"Redirects\" is there twice".into())
        );
        let ten: Vec<String> = (1..=10).map(|n| format!("tally {n}")).collect();
        assert!(
            parse_tallies(&ten.join("\n"))
                .unwrap_err()
                .starts_with("10 tallies: at most 9")
        );
    }

    #[test]
    fn a_focus_without_tallies_counts_the_two_it_always_did() {
        let names = |tallies: Vec<TallyDef>| -> Vec<String> {
            tallies.into_iter().map(|t| t.name).collect()
        };
        assert_eq!(names(tallies_of(None)), DEFAULT_TALLIES);
        assert_eq!(names(tallies_of(Some(&focus(vec![])))), DEFAULT_TALLIES);
        assert_eq!(
            names(tallies_of(Some(&focus(vec![on_task(Some(28))])))),
            ["students on task"]
        );
    }

    #[test]
    fn a_tally_over_its_visits_has_a_latest_a_mean_and_a_change() {
        let focus = focus(vec![on_task(Some(28)), TallyDef::named("redirects")]);
        let visits = [
            visit(1, &[("students on task", 9), ("redirects", 14)]),
            visit(8, &[("students on task", 13), ("redirects", 9)]),
            visit(15, &[("students on task", 15)]),
            visit(22, &[("students on task", 16), ("redirects", 4)]),
            visit(29, &[("students on task", 19), ("redirects", 2)]),
        ];
        let visits: Vec<&Observation> = visits.iter().collect();
        let series = tally_series(&focus, &visits);
        let on_task = &series[0];
        assert_eq!(on_task.points().len(), 5);
        assert_eq!(on_task.latest().map(|p| p.count), Some(19));
        assert_eq!(on_task.mean(), Some(14.4));
        assert_eq!(on_task.change(), Some(10));
        assert_eq!(
            on_task.words(),
            "students on task: 19 of 28 on the last visit (68%), up from 9 of 28 on the first; 5 visits"
        );
        assert_eq!(
            series[1].words(),
            "redirects: 2 on the last visit, down from 14 on the first; counted on 4 of 5 visits"
        );
        assert_eq!(series[1].mean(), Some(7.25));
    }

    #[test]
    fn a_visit_that_did_not_count_is_a_gap_not_a_zero() {
        let focus = focus(vec![TallyDef::named("redirects")]);
        let visits = [
            visit(1, &[("redirects", 8)]),
            visit(8, &[]),
            visit(15, &[("redirects", 0)]),
            visit(22, &[("other", 3)]),
        ];
        let visits: Vec<&Observation> = visits.iter().collect();
        let series = &tally_series(&focus, &visits)[0];
        assert_eq!(
            series.points().iter().map(|p| p.count).collect::<Vec<_>>(),
            [8, 0],
            "the two visits that counted nothing are not zeros"
        );
        assert_eq!(series.mean(), Some(4.0));
        assert_eq!(
            series.latest().map(|p| p.day.to_string()),
            Some("2026-10-15".into())
        );
        assert_eq!(series.sparkline(10), "█·▁·");
        assert_eq!(
            series.words(),
            "redirects: 0 on the last visit that counted it, down from 8 on the first; counted on 2 of 4 visits"
        );
    }

    #[test]
    fn a_count_from_before_the_last_visits_says_it_is_from_the_last_visit_that_counted_it() {
        let focus = focus(vec![TallyDef::named("redirects")]);
        let visits = [
            visit(1, &[("redirects", 12)]),
            visit(8, &[]),
            visit(15, &[]),
        ];
        let visits: Vec<&Observation> = visits.iter().collect();
        let series = &tally_series(&focus, &visits)[0];
        assert_eq!(series.sparkline(10), "█··");
        assert_eq!(
            series.words(),
            "redirects: 12 on the last visit that counted it; counted on 1 of 3 visits"
        );
    }

    #[test]
    fn a_tally_counted_once_or_never_reads_right() {
        let defined = focus(vec![on_task(Some(28)), TallyDef::named("redirects")]);
        let visits = [visit(1, &[("Students on task", 19)]), visit(8, &[])];
        let visits: Vec<&Observation> = visits.iter().collect();
        let series = tally_series(&defined, &visits);
        assert_eq!(
            series[0].words(),
            "students on task: 19 of 28 on the last visit that counted it (68%); counted on 1 of 2 visits",
            "a name counted in another case is the same tally"
        );
        assert_eq!(series[0].change(), Some(0));
        assert_eq!(series[1].words(), "redirects: not counted yet (2 visits)");
        assert_eq!(series[1].mean(), None);
        assert!(tally_series(&defined, &[]).is_empty());
    }

    #[test]
    fn an_old_focus_shows_only_the_usual_tallies_it_counted() {
        let visits = [visit(1, &[("redirects", 3), ("questions", 6)])];
        let visits: Vec<&Observation> = visits.iter().collect();
        let series = tally_series(&focus(vec![]), &visits);
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].words(), "redirects: 3 on the last visit; 1 visit");
    }

    #[test]
    fn the_sparkline_reads_the_share_of_the_class_or_the_count_against_the_most() {
        let counts = |tally: TallyDef, counts: &[u32]| TallySeries {
            tally,
            visits: counts
                .iter()
                .map(|c| (NaiveDate::default(), Some(*c)))
                .collect(),
        };
        assert_eq!(
            counts(on_task(Some(28)), &[0, 7, 14, 21, 28]).sparkline(8),
            "▁▃▅▆█"
        );
        assert_eq!(counts(on_task(Some(28)), &[14, 14]).sparkline(8), "▅▅");
        assert_eq!(
            counts(TallyDef::named("redirects"), &[14, 7, 0]).sparkline(8),
            "█▅▁"
        );
        assert_eq!(
            counts(TallyDef::named("redirects"), &[0, 0]).sparkline(8),
            "▁▁"
        );
        assert_eq!(
            counts(TallyDef::named("redirects"), &[1, 2, 3, 4]).sparkline(2),
            "▆█",
            "the newest visits, scaled among themselves"
        );
    }
}
