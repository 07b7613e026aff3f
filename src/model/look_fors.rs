//! What the look-fors captured in class say over a focus's visits: how often each was
//! seen, and whether it held lately ("warm-up posted: 7 of 9 visits, the last 4 in a row").

use super::{Focus, Observation};

/// One look-for of a focus over its visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookForRate {
    pub look_for: String,
    /// Visits it was seen on.
    pub seen: usize,
    /// Visits made on the focus.
    pub visits: usize,
    /// The newest visits in a row it was seen on.
    pub streak: usize,
}

impl LookForRate {
    /// In words: "warm-up posted: 7 of 9 visits, the last 4 in a row".
    pub fn words(&self) -> String {
        let visits = |n: usize| match n {
            1 => "1 visit".to_owned(),
            n => format!("{n} visits"),
        };
        let how = match (self.seen, self.streak) {
            (0, _) => format!("not seen yet ({})", visits(self.visits)),
            (seen, _) if seen == self.visits => match seen {
                1 => "seen on the 1 visit".to_owned(),
                _ => format!("seen on all {}", visits(seen)),
            },
            (seen, 0) => format!("{seen} of {}, not on the last", visits(self.visits)),
            (seen, 1) => format!("{seen} of {}, the last one too", visits(self.visits)),
            (seen, streak) => format!(
                "{seen} of {}, the last {streak} in a row",
                visits(self.visits)
            ),
        };
        format!("{}: {how}", self.look_for.trim())
    }
}

/// Each of the focus's look-fors over `visits` (its observations, oldest first); none
/// when it has no visits yet.
pub fn look_for_rates(focus: &Focus, visits: &[&Observation]) -> Vec<LookForRate> {
    if visits.is_empty() {
        return Vec::new();
    }
    focus
        .look_fors
        .iter()
        .filter(|look_for| !look_for.trim().is_empty())
        .map(|look_for| {
            let seen_on = |o: &&&Observation| o.look_fors_seen.contains(look_for);
            LookForRate {
                look_for: look_for.clone(),
                seen: visits.iter().filter(seen_on).count(),
                visits: visits.len(),
                streak: visits.iter().rev().take_while(seen_on).count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(seen: &[&str]) -> Observation {
        Observation {
            look_fors_seen: seen.iter().map(|s| (*s).to_owned()).collect(),
            ..Observation::default()
        }
    }

    #[test]
    fn each_look_for_is_counted_over_the_visits_with_its_latest_run() {
        let focus = Focus {
            look_fors: vec![
                "warm-up posted".into(),
                "target stated".into(),
                "exit ticket".into(),
                " ".into(),
                "cold call".into(),
            ],
            ..Focus::default()
        };
        let mut visits: Vec<Observation> = (0..5).map(|_| visit(&["warm-up posted"])).collect();
        visits.insert(0, visit(&["target stated", "exit ticket"]));
        visits.insert(0, visit(&["warm-up posted", "target stated"]));
        visits.insert(0, visit(&[]));
        visits.insert(0, visit(&["warm-up posted", "exit ticket"]));
        // Oldest first: wt+et, wt+ts, nothing, ts+et, then wt five times.
        visits.swap(1, 2);
        let shown: Vec<&Observation> = visits.iter().collect();
        let words: Vec<String> = look_for_rates(&focus, &shown)
            .iter()
            .map(LookForRate::words)
            .collect();
        assert_eq!(
            words,
            [
                "warm-up posted: 7 of 9 visits, the last 5 in a row",
                "target stated: 2 of 9 visits, not on the last",
                "exit ticket: 2 of 9 visits, not on the last",
                "cold call: not seen yet (9 visits)",
            ]
        );
        assert!(look_for_rates(&focus, &[]).is_empty());
    }

    #[test]
    fn one_visit_and_every_visit_read_right() {
        let rate = |seen, visits, streak| {
            LookForRate {
                look_for: "warm-up posted".into(),
                seen,
                visits,
                streak,
            }
            .words()
        };
        assert_eq!(rate(1, 1, 1), "warm-up posted: seen on the 1 visit");
        assert_eq!(rate(4, 4, 4), "warm-up posted: seen on all 4 visits");
        assert_eq!(
            rate(2, 4, 1),
            "warm-up posted: 2 of 4 visits, the last one too"
        );
        assert_eq!(rate(0, 1, 0), "warm-up posted: not seen yet (1 visit)");
    }
}
