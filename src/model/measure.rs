//! A measurement as people write it: `86`, `86%`, `7,5`, `24/28` or `24 of 28`, and the rules
//! on it: what a measure counts as against its goal, how it is shown, and what is out of range.

use super::Measure;
use crate::text;

/// A typed amount: a value, and the whole it is a part of (`24/28` is 24 of 28).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub out_of: Option<f64>,
}

/// Whether a goal's unit is a percentage.
fn is_percent(unit: &str) -> bool {
    unit.trim() == "%"
}

/// The whole a unit such as `/28` names, if it does.
fn unit_whole(unit: &str) -> Option<f64> {
    unit.trim().strip_prefix('/')?.trim().parse::<f64>().ok()
}

/// One number as typed: `86`, `7.5`, a decimal comma `7,5`, thousands `1,200`.
fn number(typed: &str) -> Result<f64, String> {
    let typed = typed.trim();
    let commas = typed.matches(',').count();
    let normal = match typed.split_once(',') {
        // `1,200` and `12,345,678`: every group after a comma has three digits.
        Some(_)
            if typed
                .split(',')
                .skip(1)
                .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) =>
        {
            typed.replace(',', "")
        }
        // `7,5`: one comma, a decimal one, and no point besides.
        Some(_) if commas == 1 && !typed.contains('.') => typed.replace(',', "."),
        Some(_) => return Err(format!("\"{}\" is not a number", text::line(typed))),
        None => typed.to_owned(),
    };
    match normal.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(format!("\"{}\" is not a number", text::line(typed))),
    }
}

/// Reads an amount as typed; empty is none.
pub fn parse_amount(typed: &str) -> Result<Option<Amount>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let lower = typed.to_lowercase();
    let parts = lower.split_once('/').or_else(|| lower.split_once(" of "));
    let amount = match parts {
        Some((part, whole)) => Amount {
            value: number(part)?,
            out_of: Some(number(whole)?),
        },
        None => Amount {
            value: number(lower.trim_end_matches('%'))?,
            out_of: None,
        },
    };
    Ok(Some(amount))
}

/// Refuses an amount its goal's unit cannot hold, saying why: a percent outside 0–100, a
/// part of nothing, a part larger than its whole, a count above the unit's whole.
pub fn check_amount(amount: Amount, unit: &str) -> Result<Amount, String> {
    let shown = |n: f64| text::number(n);
    if let Some(whole) = amount.out_of {
        if whole <= 0.0 {
            return Err(format!(
                "{} of {} is a part of nothing",
                shown(amount.value),
                shown(whole)
            ));
        }
        if amount.value < 0.0 || amount.value > whole {
            return Err(format!(
                "{} of {} is more than the whole or less than none",
                shown(amount.value),
                shown(whole)
            ));
        }
        return Ok(amount);
    }
    if is_percent(unit) && !(0.0..=100.0).contains(&amount.value) {
        return Err(format!(
            "{}% is not a percent from 0 to 100",
            shown(amount.value)
        ));
    }
    if let Some(whole) = unit_whole(unit)
        && !(0.0..=whole).contains(&amount.value)
    {
        return Err(format!(
            "{} is not a count from 0 to {}",
            shown(amount.value),
            shown(whole)
        ));
    }
    Ok(amount)
}

/// How a value reads against its goal's unit, wherever it is shown: a percent to the
/// whole percent (`79%`, as in `22/28 (79%)`), any other unit with the number as people
/// write it (`12 minutes`, `2.5/4`).
pub fn shown_value(value: f64, unit: &str) -> String {
    if is_percent(unit) {
        format!("{}%", text::number(value.round() + 0.0))
    } else {
        text::measured(value, unit)
    }
}

impl Measure {
    /// What the measure counts as against its goal: a part of a whole is a percent when the
    /// goal is in percent (24/28 is 85.7%), otherwise the value itself.
    pub fn score(&self, unit: &str) -> f64 {
        match self.out_of {
            Some(whole) if is_percent(unit) && whole > 0.0 => self.value / whole * 100.0,
            _ => self.value,
        }
    }

    /// How the measure reads: `24/28 (86%)`, `24/28`, `86%`, `12 minutes`.
    pub fn shown(&self, unit: &str) -> String {
        match self.out_of {
            Some(whole) if is_percent(unit) => format!(
                "{}/{} ({})",
                text::number(self.value),
                text::number(whole),
                shown_value(self.score(unit), unit)
            ),
            Some(whole) => format!("{}/{}", text::number(self.value), text::number(whole)),
            None => shown_value(self.value, unit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(typed: &str) -> Amount {
        parse_amount(typed).unwrap().unwrap()
    }

    #[test]
    fn a_part_of_a_whole_is_kept_as_both_numbers() {
        assert_eq!(
            amount("24/28"),
            Amount {
                value: 24.0,
                out_of: Some(28.0)
            }
        );
        assert_eq!(
            amount(" 24 / 28 "),
            Amount {
                value: 24.0,
                out_of: Some(28.0)
            }
        );
        assert_eq!(
            amount("24 of 28"),
            Amount {
                value: 24.0,
                out_of: Some(28.0)
            }
        );
        assert_eq!(
            amount("86%"),
            Amount {
                value: 86.0,
                out_of: None
            }
        );
        assert_eq!(parse_amount("  "), Ok(None));
    }

    #[test]
    fn a_decimal_comma_or_point_means_a_decimal_and_thousands_stay_thousands() {
        assert_eq!(amount("7,5").value, 7.5);
        assert_eq!(amount("7.5").value, 7.5);
        assert_eq!(amount("1,200").value, 1200.0);
        assert_eq!(amount("12,345,678").value, 12_345_678.0);
        assert!(parse_amount("1,2,3").unwrap_err().contains("not a number"));
        assert!(
            parse_amount("seven")
                .unwrap_err()
                .contains("\"seven\" is not a number")
        );
        assert!(parse_amount("24/").is_err());
    }

    #[test]
    fn values_a_unit_cannot_hold_are_refused_with_the_reason() {
        let check = |typed: &str, unit: &str| check_amount(amount(typed), unit);
        assert!(
            check("150", "%")
                .unwrap_err()
                .contains("150% is not a percent from 0 to 100")
        );
        assert!(check("-5", "%").is_err());
        assert!(check("100", "%").is_ok());
        assert!(
            check("30/28", "%")
                .unwrap_err()
                .contains("more than the whole")
        );
        assert!(check("3/0", "%").unwrap_err().contains("part of nothing"));
        assert!(
            check("29", "/28")
                .unwrap_err()
                .contains("not a count from 0 to 28")
        );
        assert!(check("24", "/28").is_ok());
        assert!(check("150", "minutes").is_ok(), "a word unit has no range");
    }

    #[test]
    fn a_part_counts_as_a_percent_against_a_percent_goal_and_shows_both() {
        let measure = Measure {
            value: 24.0,
            out_of: Some(28.0),
            ..Measure::default()
        };
        assert!((measure.score("%") - 85.714).abs() < 0.01);
        assert_eq!(measure.shown("%"), "24/28 (86%)");
        assert_eq!(measure.score("/28"), 24.0);
        assert_eq!(measure.shown("/28"), "24/28");
        let plain = Measure {
            value: 86.0,
            ..Measure::default()
        };
        assert_eq!(
            (plain.score("%"), plain.shown("%")),
            (86.0, "86%".to_string())
        );
    }

    #[test]
    fn a_percent_reads_the_same_everywhere_to_the_whole_percent() {
        let measure = Measure {
            value: 22.0,
            out_of: Some(28.0),
            ..Measure::default()
        };
        assert_eq!(measure.shown("%"), "22/28 (79%)");
        assert_eq!(shown_value(measure.score("%"), "%"), "79%", "not 78.57%");
        assert_eq!(shown_value(86.5, "%"), "87%");
        assert_eq!(shown_value(0.2, "%"), "0%", "not -0%");
        assert_eq!(
            shown_value(2.5, "/4"),
            "2.5/4",
            "a count keeps its decimals"
        );
        assert_eq!(shown_value(12.0, "minutes"), "12 minutes");
    }
}
