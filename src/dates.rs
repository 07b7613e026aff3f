//! Friendly dates for coachlog: parsing what coaches type into forms and CLI
//! flags, and the short human forms shown across the UI.
//!
//! Everything here is pure: "today" / "now" is always passed in, never read
//! from the clock, and no input makes any function panic.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use std::fmt;

const FORMS: &str =
    "today, yesterday, tomorrow, +14d, -3d, +2w, fri, last fri, 2026-12-01 or 12/01";
const UNRECOGNISED: &str = "not a form I recognise";
const REQUIRED: &str = "a date is required";
const OUT_OF_RANGE: &str = "that date is out of range";
const MAX_OFFSET_DAYS: i64 = 3650;
const MAX_INPUT_CHARS: usize = 64;
const SHOWN_INPUT_CHARS: usize = 40;
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;
const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Monday"),
    (Weekday::Tue, "Tuesday"),
    (Weekday::Wed, "Wednesday"),
    (Weekday::Thu, "Thursday"),
    (Weekday::Fri, "Friday"),
    (Weekday::Sat, "Saturday"),
    (Weekday::Sun, "Sunday"),
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The forms a date may be typed in, in a few words (a form's hint).
pub const SHORT_FORMS: &str = "today, fri, +14d, 2026-12-01";

/// The year of a day and month typed without one.
#[derive(Debug, Clone, Copy)]
enum NoYear {
    /// Today's year (a day that happened, or soon will).
    ThisYear,
    /// The next such day on or after this day (a day something is due).
    From(NaiveDate),
}

/// Why a typed date was not understood. Display text is one human sentence
/// naming the input and the accepted forms, e.g.
/// `"31/02" is not a date (there is no month 31; dates are month/day): try today, yesterday, tomorrow, +14d, -3d, +2w, fri, last fri, 2026-12-01 or 12/01`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text as typed, with surrounding whitespace removed.
    pub input: String,
    /// What was wrong, as a short phrase, e.g. "there is no 30 February 2026".
    pub reason: String,
}

impl DateError {
    fn new(input: &str, reason: impl Into<String>) -> Self {
        DateError {
            input: input.to_string(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.input.is_empty() {
            return write!(f, "{}: try {FORMS}", self.reason);
        }
        let mut shown: String = self.input.chars().take(SHOWN_INPUT_CHARS).collect();
        if self.input.chars().nth(SHOWN_INPUT_CHARS).is_some() {
            shown.push('…');
        }
        // `{:?}` quotes the input and escapes control characters (terminal-safe).
        write!(f, "{shown:?} is not a date")?;
        if self.reason != UNRECOGNISED {
            write!(f, " ({})", self.reason)?;
        }
        write!(f, ": try {FORMS}")
    }
}

impl DateError {
    /// The error in a few words, to fit under a form's field: the input (cut short) and
    /// what is wrong with it, or the forms to try when it is not a date at all.
    pub fn brief(&self) -> String {
        const SHOWN: usize = 16;
        let mut shown: String = self.input.chars().take(SHOWN).collect();
        if self.input.chars().nth(SHOWN).is_some() {
            shown.push('…');
        }
        if self.reason == UNRECOGNISED {
            format!("{shown:?} is not a date: try {SHORT_FORMS}")
        } else {
            format!("{shown:?} is not a date: {}", self.reason)
        }
    }
}

impl std::error::Error for DateError {}

/// Parse a friendly date against an injected `today` (never reads the clock).
///
/// Case-insensitive; surrounding whitespace is ignored. Accepts `today`,
/// `yesterday`, `tomorrow` (and `tod`, `yest`, `tom`); offsets `+14d`, `-3d`,
/// `+2w`, `+1m` (calendar months, clamped to month end), `14d`, `+14`, at most
/// 3650 days either way; weekdays `fri` / `next fri` (strictly after today),
/// `last fri` (strictly before), `this fri` (today or later); ISO `2026-12-01`;
/// US month/day `12/01`, `12/01/2026`, `12/1/26`; and `1 dec`, `dec 1`,
/// `1 december 2026`. A date without a year uses `today`'s year.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_with(input, today, NoYear::ThisYear)
}

/// A day something is due, typed as [`parse_date`] takes it, except that a day and month
/// without a year (`1 mar`, `3/1`) is the next such day on or after `from`, not the one
/// in today's year: a step due "1 mar" written in November is due next March.
pub fn parse_due_date(
    input: &str,
    today: NaiveDate,
    from: NaiveDate,
) -> Result<NaiveDate, DateError> {
    parse_with(input, today, NoYear::From(from))
}

fn parse_with(input: &str, today: NaiveDate, no_year: NoYear) -> Result<NaiveDate, DateError> {
    let trimmed = input.trim();
    tokenize(trimmed)
        .and_then(|tokens| date_from_tokens(&tokens, today, no_year))
        .map_err(|reason| DateError::new(trimmed, reason))
}

/// Parse a date with an optional time, e.g. "today 10:42", "yesterday 9:05",
/// "monday 9:05" (the latest Monday, today included: times are of things that happened),
/// "2026-11-20 14:00", "10:42" (today at 10:42), "now" (returns `now`).
/// Without a time, the time of `now` is kept for "today", and 00:00 is NOT
/// used: for other dates use `now`'s time too.
///
/// Times are `H:MM` or `H:MM:SS` (24-hour), or with `am`/`pm` (`9:05am`,
/// `2 pm`); the time may come first or last, optionally after `at`.
pub fn parse_date_time(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime, DateError> {
    let trimmed = input.trim();
    let fail = |reason: String| DateError::new(trimmed, reason);
    let mut tokens = tokenize(trimmed).map_err(fail)?;
    if tokens.len() >= 2 && tokens.last().is_some_and(|t| t == "am" || t == "pm") {
        let meridiem = tokens.pop().unwrap_or_default();
        if let Some(prev) = tokens.last_mut() {
            prev.push_str(&meridiem);
        }
    }
    if let [only] = tokens.as_slice()
        && only == "now"
    {
        return Ok(now);
    }
    let mut time = None;
    if let Some(parsed) = tokens.last().and_then(|t| parse_time(t)) {
        time = Some(parsed.map_err(fail)?);
        tokens.pop();
        if tokens.last().is_some_and(|t| t == "at") {
            tokens.pop();
        }
    } else if let Some(parsed) = tokens.first().and_then(|t| parse_time(t)) {
        time = Some(parsed.map_err(fail)?);
        tokens.remove(0);
    }
    let date = match tokens.as_slice() {
        [] => now.date(),
        // A moment named by its weekday is one already lived: "monday" on a Monday is
        // today, on a Wednesday two days ago (a due date's "mon" is the next one).
        [only] if weekday(only).is_some() => {
            let wd = weekday(only).ok_or_else(|| fail(UNRECOGNISED.to_string()))?;
            if now.date().weekday() == wd {
                now.date()
            } else {
                on_weekday(now.date(), wd, "last").map_err(fail)?
            }
        }
        _ => date_from_tokens(&tokens, now.date(), NoYear::ThisYear).map_err(fail)?,
    };
    Ok(date.and_time(time.unwrap_or(now.time())))
}

/// Short day label: "today", "tomorrow", "yesterday"; within the next 6 days
/// the weekday and day ("Thu 26"); otherwise "26 Nov" in `today`'s year, or
/// "26 Nov 2025" in any other year.
pub fn short_day(date: NaiveDate, today: NaiveDate) -> String {
    match days_between(today, date) {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        2..=6 => format!("{} {}", short(weekday_name(date.weekday())), date.day()),
        _ if date.year() == today.year() => {
            format!("{} {}", date.day(), short(month_name(date.month())))
        }
        _ => format!(
            "{} {} {}",
            date.day(),
            short(month_name(date.month())),
            date.year()
        ),
    }
}

/// Due-date label: "today", "overdue 4d" (any past date), "tomorrow",
/// "in 3d" (2 to 6 days ahead), otherwise the [`short_day`] form.
pub fn relative_due(date: NaiveDate, today: NaiveDate) -> String {
    match days_between(today, date) {
        0 => "today".to_string(),
        n if n < 0 => format!("overdue {}d", n.unsigned_abs()),
        n @ 2..=6 => format!("in {n}d"),
        _ => short_day(date, today),
    }
}

/// Full unambiguous day label, e.g. "Mon 23 Nov 2026".
pub fn long_day(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        short(weekday_name(date.weekday())),
        date.day(),
        short(month_name(date.month())),
        date.year()
    )
}

/// Whole days from `from` to `to` (`to - from`): negative when `to` is earlier.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

fn tokenize(s: &str) -> Result<Vec<String>, String> {
    if s.is_empty() {
        return Err(REQUIRED.to_string());
    }
    if s.chars().count() > MAX_INPUT_CHARS {
        return Err("that is too long to be a date".to_string());
    }
    let lower = s.to_lowercase().replace(',', " ");
    Ok(lower.split_whitespace().map(str::to_string).collect())
}

fn date_from_tokens(
    tokens: &[String],
    today: NaiveDate,
    no_year: NoYear,
) -> Result<NaiveDate, String> {
    match tokens {
        [one] => single(one, today, no_year),
        [a, b] => match weekday(b) {
            Some(wd) => on_weekday(today, wd, a),
            None => day_month(a, b, None, (today, no_year)),
        },
        [a, b, year] => day_month(a, b, Some(year), (today, no_year)),
        _ => Err(UNRECOGNISED.to_string()),
    }
}

fn single(tok: &str, today: NaiveDate, no_year: NoYear) -> Result<NaiveDate, String> {
    let named = if prefix_of(tok, "today", 3) {
        Some(Some(today))
    } else if prefix_of(tok, "tomorrow", 3) {
        Some(today.succ_opt())
    } else if prefix_of(tok, "yesterday", 4) {
        Some(today.pred_opt())
    } else {
        None
    };
    if let Some(date) = named {
        return date.ok_or_else(|| OUT_OF_RANGE.to_string());
    }
    if let Some(date) = offset(tok, today)? {
        return Ok(date);
    }
    if let Some(wd) = weekday(tok) {
        return on_weekday(today, wd, "next");
    }
    let iso: Vec<&str> = tok.split('-').collect();
    if let [y, m, d] = iso.as_slice()
        && let (Some(y), Some(m), Some(d)) = (num(y, 4, 4), num(m, 1, 2), num(d, 1, 2))
    {
        return make_date(y as i32, m, d);
    }
    let us: Vec<&str> = tok.split('/').collect();
    if let [m, d, rest @ ..] = us.as_slice()
        && rest.len() <= 1
        && let (Some(m), Some(d)) = (num(m, 1, 2), num(d, 1, 2))
    {
        if m > 12 {
            return Err(format!("there is no month {m}; dates are month/day"));
        }
        return match rest.first() {
            Some(y) => make_date(year(y)?, m, d),
            None => without_year(m, d, today, no_year),
        };
    }
    if num(tok, 1, 9).is_some() {
        return Err(format!(
            "a bare number is ambiguous: write +{tok} for {tok} days ahead, or month/day"
        ));
    }
    Err(UNRECOGNISED.to_string())
}

/// `Ok(None)` when `tok` is not shaped like an offset at all.
fn offset(tok: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let (negative, signed, rest) = if let Some(r) = tok.strip_prefix('+') {
        (false, true, r)
    } else if let Some(r) = tok.strip_prefix('-') {
        (true, true, r)
    } else {
        (false, false, tok)
    };
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, unit) = rest.split_at(split);
    if !signed && (digits.is_empty() || unit.is_empty()) {
        return Ok(None);
    }
    if digits.is_empty() {
        return Err("an offset needs a number, e.g. +14d or -3d".to_string());
    }
    let too_far = || format!("too far away: offsets are limited to {MAX_OFFSET_DAYS} days");
    let n: u32 = digits.parse().map_err(|_| too_far())?;
    let days = |count: u32| {
        let d = Days::new(u64::from(count));
        if negative {
            today.checked_sub_days(d)
        } else {
            today.checked_add_days(d)
        }
    };
    let target = match unit {
        "" | "d" | "day" | "days" => days(n),
        "w" | "wk" | "wks" | "week" | "weeks" => days(n.saturating_mul(7)),
        "m" | "mo" | "month" | "months" => {
            let m = Months::new(n);
            if negative {
                today.checked_sub_months(m)
            } else {
                today.checked_add_months(m)
            }
        }
        _ if !signed => return Ok(None),
        _ => {
            return Err(format!(
                "unknown unit {unit:?}: use d (days), w (weeks) or m (months)"
            ));
        }
    };
    match target {
        Some(d) if days_between(today, d).abs() <= MAX_OFFSET_DAYS => Ok(Some(d)),
        _ => Err(too_far()),
    }
}

fn on_weekday(today: NaiveDate, wd: Weekday, which: &str) -> Result<NaiveDate, String> {
    let ahead =
        u64::from((7 + wd.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7);
    let target = match which {
        "this" => today.checked_add_days(Days::new(ahead)),
        "next" => today.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead })),
        "last" => today.checked_sub_days(Days::new(7 - ahead)),
        _ => return Err(UNRECOGNISED.to_string()),
    };
    target.ok_or_else(|| OUT_OF_RANGE.to_string())
}

fn day_month(
    a: &str,
    b: &str,
    y: Option<&str>,
    (today, no_year): (NaiveDate, NoYear),
) -> Result<NaiveDate, String> {
    let (m, d) = match (month(a), day(b), day(a), month(b)) {
        (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => (m, d),
        _ => return Err(UNRECOGNISED.to_string()),
    };
    match y {
        Some(y) => make_date(year(y)?, m, d),
        None => without_year(m, d, today, no_year),
    }
}

/// A day and month typed without a year, in the year `no_year` says.
fn without_year(m: u32, d: u32, today: NaiveDate, no_year: NoYear) -> Result<NaiveDate, String> {
    let from = match no_year {
        NoYear::ThisYear => return make_date(today.year(), m, d),
        NoYear::From(from) => from,
    };
    if !(1..=12).contains(&m) {
        return Err(format!("there is no month {m}"));
    }
    // Within eight years every day there is comes round (29 February included).
    (from.year()..=from.year().saturating_add(8))
        .filter(|y| YEARS.contains(y))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| *date >= from)
        .ok_or_else(|| format!("there is no {d} {}", month_name(m)))
}

fn make_date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&m) {
        return Err(format!("there is no month {m}"));
    }
    if !YEARS.contains(&y) {
        return Err(format!("year {y} is out of range"));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("there is no {d} {} {y}", month_name(m)))
}

/// `Some(Err)` when `tok` looks like a time but is not a valid one.
fn parse_time(tok: &str) -> Option<Result<NaiveTime, String>> {
    let (body, meridiem) = match (tok.strip_suffix("am"), tok.strip_suffix("pm")) {
        (Some(b), _) => (b, Some(0)),
        (_, Some(b)) => (b, Some(12)),
        _ => (tok, None),
    };
    let looks_like_time = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == ':')
        && (meridiem.is_some() || body.contains(':'));
    if !looks_like_time {
        return None;
    }
    let bad = || format!("{tok} is not a time of day: use 24-hour HH:MM, e.g. 14:30");
    let parts: Vec<&str> = body.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h] => (num(h, 1, 2), Some(0), Some(0)),
        [h, m] => (num(h, 1, 2), num(m, 2, 2), Some(0)),
        [h, m, s] => (num(h, 1, 2), num(m, 2, 2), num(s, 2, 2)),
        _ => (None, None, None),
    };
    let (Some(mut h), Some(m), Some(s)) = (h, m, s) else {
        return Some(Err(bad()));
    };
    if let Some(add) = meridiem {
        if !(1..=12).contains(&h) {
            return Some(Err(bad()));
        }
        h = h % 12 + add;
    }
    Some(NaiveTime::from_hms_opt(h, m, s).ok_or_else(bad))
}

/// `s` as a number if it is `min..=max` ASCII digits.
fn num(s: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if ok { s.parse().ok() } else { None }
}

fn year(s: &str) -> Result<i32, String> {
    match (num(s, 2, 2), num(s, 4, 4)) {
        (Some(yy), _) => Ok(2000 + yy as i32),
        (_, Some(yyyy)) => Ok(yyyy as i32),
        _ => Err(format!("{s:?} is not a year: write 2026 or 26")),
    }
}

fn day(s: &str) -> Option<u32> {
    let s = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| s.strip_suffix(suffix))
        .unwrap_or(s);
    num(s, 1, 2)
}

fn month(tok: &str) -> Option<u32> {
    let i = MONTHS.iter().position(|name| prefix_of(tok, name, 3))?;
    u32::try_from(i + 1).ok()
}

fn weekday(tok: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(_, name)| prefix_of(tok, name, 3))
        .map(|(wd, _)| *wd)
}

/// `tok` is at least `min` bytes and a case-insensitive prefix of `word`.
fn prefix_of(tok: &str, word: &str, min: usize) -> bool {
    tok.len() >= min
        && word
            .as_bytes()
            .get(..tok.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(tok.as_bytes()))
}

fn weekday_name(wd: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(w, _)| *w == wd)
        .map_or("", |(_, name)| name)
}

fn month_name(m: u32) -> &'static str {
    m.checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("")
}

fn short(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    /// Monday 23 November 2026.
    fn today() -> NaiveDate {
        ymd(2026, 11, 23)
    }

    fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
        date.and_hms_opt(h, m, 0).expect("valid test time")
    }

    fn ok(input: &str) -> NaiveDate {
        parse_date(input, today()).unwrap_or_else(|e| panic!("{input:?} should parse: {e}"))
    }

    /// Asserts `input` is rejected, the message names it, and returns the reason.
    fn bad(input: &str) -> String {
        let err = parse_date(input, today()).expect_err(input);
        let msg = err.to_string();
        assert!(msg.contains(&format!("\"{}\"", input.trim())), "{msg}");
        assert!(msg.ends_with(&format!("try {FORMS}")), "{msg}");
        assert_eq!(err.input, input.trim());
        err.reason
    }

    #[test]
    fn named_days_and_abbreviations() {
        assert_eq!(ok("today"), today());
        assert_eq!(ok("yesterday"), ymd(2026, 11, 22));
        assert_eq!(ok("tomorrow"), ymd(2026, 11, 24));
        assert_eq!(ok("tod"), today());
        assert_eq!(ok("yest"), ymd(2026, 11, 22));
        assert_eq!(ok("tom"), ymd(2026, 11, 24));
        assert_eq!(ok("  ToMoRRoW \t"), ymd(2026, 11, 24));
        assert_eq!(ok("TODAY"), today());
    }

    #[test]
    fn too_short_or_wrong_abbreviations_are_rejected() {
        for input in ["to", "ye", "yes", "t", "todayy", "tomorrows"] {
            assert_eq!(bad(input), UNRECOGNISED, "{input}");
        }
    }

    #[test]
    fn day_and_week_offsets() {
        assert_eq!(ok("+14d"), ymd(2026, 12, 7));
        assert_eq!(ok("-3d"), ymd(2026, 11, 20));
        assert_eq!(ok("+2w"), ymd(2026, 12, 7));
        assert_eq!(ok("-1w"), ymd(2026, 11, 16));
        assert_eq!(ok("14d"), ymd(2026, 12, 7));
        assert_eq!(ok("+14"), ymd(2026, 12, 7));
        assert_eq!(ok("-14"), ymd(2026, 11, 9));
        assert_eq!(ok("+0d"), today());
        assert_eq!(ok("3W"), ymd(2026, 12, 14));
        assert_eq!(ok("+2weeks"), ymd(2026, 12, 7));
        assert_eq!(ok("+10days"), ymd(2026, 12, 3));
    }

    #[test]
    fn month_offsets_clamp_to_month_end() {
        assert_eq!(ok("+1m"), ymd(2026, 12, 23));
        assert_eq!(ok("-1m"), ymd(2026, 10, 23));
        assert_eq!(ok("+2m"), ymd(2027, 1, 23));
        let on = |input: &str, d: NaiveDate| parse_date(input, d);
        assert_eq!(on("+1m", ymd(2026, 1, 31)), Ok(ymd(2026, 2, 28)));
        assert_eq!(on("+1m", ymd(2028, 1, 31)), Ok(ymd(2028, 2, 29)));
        assert_eq!(on("-1m", ymd(2026, 3, 31)), Ok(ymd(2026, 2, 28)));
        assert_eq!(on("+3m", ymd(2026, 1, 31)), Ok(ymd(2026, 4, 30)));
        assert_eq!(on("+12m", ymd(2028, 2, 29)), Ok(ymd(2029, 2, 28)));
    }

    #[test]
    fn offsets_roll_over_the_year() {
        assert_eq!(parse_date("+2w", ymd(2026, 12, 25)), Ok(ymd(2027, 1, 8)));
        assert_eq!(parse_date("-1w", ymd(2027, 1, 3)), Ok(ymd(2026, 12, 27)));
        assert_eq!(
            parse_date("tomorrow", ymd(2026, 12, 31)),
            Ok(ymd(2027, 1, 1))
        );
        assert_eq!(
            parse_date("yesterday", ymd(2028, 3, 1)),
            Ok(ymd(2028, 2, 29))
        );
    }

    #[test]
    fn offset_limits() {
        assert_eq!(ok("+3650d"), ymd(2036, 11, 20));
        assert_eq!(ok("-3650"), ymd(2016, 11, 25));
        assert_eq!(ok("+521w"), ymd(2036, 11, 17));
        assert_eq!(ok("+119m"), ymd(2036, 10, 23));
        for input in [
            "+3651d",
            "-3651d",
            "+522w",
            "+120m",
            "+99999d",
            "+4294967296d",
        ] {
            assert!(bad(input).contains("too far away"), "{input}");
        }
        assert!(bad("+99999999999999999999999m").contains("limited to 3650 days"));
    }

    #[test]
    fn malformed_offsets_say_why() {
        assert!(bad("+d").contains("needs a number"));
        assert!(bad("-").contains("needs a number"));
        assert!(bad("+3x").contains("unknown unit \"x\""));
        assert!(bad("++1d").contains("needs a number"));
        assert!(bad("14").contains("bare number"));
        assert_eq!(bad("14x"), UNRECOGNISED);
    }

    #[test]
    fn weekdays_are_strictly_after_today() {
        assert_eq!(ok("fri"), ymd(2026, 11, 27));
        assert_eq!(ok("Friday"), ymd(2026, 11, 27));
        assert_eq!(ok("next fri"), ymd(2026, 11, 27));
        assert_eq!(ok("tue"), ymd(2026, 11, 24));
        assert_eq!(ok("tues"), ymd(2026, 11, 24));
        assert_eq!(ok("wednesday"), ymd(2026, 11, 25));
        assert_eq!(ok("thurs"), ymd(2026, 11, 26));
        assert_eq!(ok("SAT"), ymd(2026, 11, 28));
        assert_eq!(ok("sun"), ymd(2026, 11, 29));
        // Today is Monday: "mon" is a week away, "this mon" is today.
        assert_eq!(ok("mon"), ymd(2026, 11, 30));
        assert_eq!(ok("next monday"), ymd(2026, 11, 30));
        assert_eq!(ok("this mon"), today());
        assert_eq!(ok("this fri"), ymd(2026, 11, 27));
        assert_eq!(ok("this sun"), ymd(2026, 11, 29));
    }

    #[test]
    fn a_time_on_a_weekday_is_the_latest_such_day_today_included() {
        let monday = today().and_hms_opt(10, 42, 0).unwrap();
        let at = |typed: &str| parse_date_time(typed, monday).unwrap();
        assert_eq!(at("monday"), monday);
        assert_eq!(at("mon 9:05"), today().and_hms_opt(9, 5, 0).unwrap());
        assert_eq!(at("fri").date(), ymd(2026, 11, 20));
        assert_eq!(at("sunday 14:00").date(), ymd(2026, 11, 22));
        // Dates alone keep their forward meaning: a due date's "mon" is next week's.
        assert_eq!(ok("mon"), ymd(2026, 11, 30));
    }

    #[test]
    fn last_weekday_is_strictly_before_today() {
        assert_eq!(ok("last fri"), ymd(2026, 11, 20));
        assert_eq!(ok("last sun"), ymd(2026, 11, 22));
        assert_eq!(ok("last mon"), ymd(2026, 11, 16));
        assert_eq!(ok("LAST  Tuesday"), ymd(2026, 11, 17));
    }

    #[test]
    fn weekday_equal_to_today_on_a_friday() {
        let friday = ymd(2026, 11, 27);
        assert_eq!(parse_date("fri", friday), Ok(ymd(2026, 12, 4)));
        assert_eq!(parse_date("next fri", friday), Ok(ymd(2026, 12, 4)));
        assert_eq!(parse_date("this fri", friday), Ok(friday));
        assert_eq!(parse_date("last fri", friday), Ok(ymd(2026, 11, 20)));
        assert_eq!(parse_date("thu", friday), Ok(ymd(2026, 12, 3)));
        assert_eq!(parse_date("last sat", friday), Ok(ymd(2026, 11, 21)));
    }

    #[test]
    fn iso_dates() {
        assert_eq!(ok("2026-12-01"), ymd(2026, 12, 1));
        assert_eq!(ok("2026-12-1"), ymd(2026, 12, 1));
        assert_eq!(ok("2025-1-5"), ymd(2025, 1, 5));
        assert_eq!(ok("2028-02-29"), ymd(2028, 2, 29));
    }

    #[test]
    fn invalid_iso_dates_name_the_problem() {
        assert_eq!(bad("2026-02-30"), "there is no 30 February 2026");
        assert_eq!(bad("2027-02-29"), "there is no 29 February 2027");
        assert_eq!(bad("2026-13-01"), "there is no month 13");
        assert_eq!(bad("2026-00-10"), "there is no month 0");
        assert_eq!(bad("2026-04-31"), "there is no 31 April 2026");
        assert_eq!(bad("1899-12-31"), "year 1899 is out of range");
        assert_eq!(bad("2026-12-001"), UNRECOGNISED);
        assert_eq!(bad("26-12-01"), UNRECOGNISED);
        assert_eq!(bad("2026-12-01-01"), UNRECOGNISED);
    }

    #[test]
    fn us_month_day_dates() {
        assert_eq!(ok("12/01"), ymd(2026, 12, 1));
        assert_eq!(ok("1/5"), ymd(2026, 1, 5));
        assert_eq!(ok("12/01/2026"), ymd(2026, 12, 1));
        assert_eq!(ok("12/1/26"), ymd(2026, 12, 1));
        assert_eq!(ok("2/29/28"), ymd(2028, 2, 29));
        assert_eq!(ok("01/02/2027"), ymd(2027, 1, 2));
    }

    #[test]
    fn invalid_us_dates_name_the_problem() {
        assert_eq!(bad("13/01"), "there is no month 13; dates are month/day");
        assert_eq!(bad("31/02"), "there is no month 31; dates are month/day");
        assert_eq!(bad("2/30"), "there is no 30 February 2026");
        assert_eq!(bad("2/29/27"), "there is no 29 February 2027");
        assert_eq!(bad("0/10"), "there is no month 0");
        assert!(bad("12/01/202").contains("is not a year"));
        assert_eq!(bad("12/01/2026/1"), UNRECOGNISED);
        assert_eq!(bad("12/"), UNRECOGNISED);
    }

    #[test]
    fn a_due_date_without_a_year_is_the_next_such_day_from_the_day_given() {
        let due = |input: &str, from: NaiveDate| parse_due_date(input, today(), from);
        let from = ymd(2026, 11, 23);
        assert_eq!(due("1 mar", from), Ok(ymd(2027, 3, 1)), "not last March");
        assert_eq!(due("3/1", from), Ok(ymd(2027, 3, 1)));
        assert_eq!(due("23 nov", from), Ok(from), "the day itself counts");
        assert_eq!(due("15 dec", from), Ok(ymd(2026, 12, 15)));
        assert_eq!(due("29 feb", from), Ok(ymd(2028, 2, 29)));
        assert_eq!(due("1 mar 2026", from), Ok(ymd(2026, 3, 1)), "a year given");
        assert_eq!(due("+14d", from), Ok(ymd(2026, 12, 7)), "relative to today");
        // From a review held in the spring, "1 oct" is that autumn.
        assert_eq!(due("1 oct", ymd(2026, 4, 2)), Ok(ymd(2026, 10, 1)));
        let never = due("31 feb", from).unwrap_err();
        assert_eq!(never.reason, "there is no 31 February", "in no year");
        assert_eq!(due("13 40", from).unwrap_err().reason, UNRECOGNISED);
        assert_eq!(
            due("40 jan", from).unwrap_err().reason,
            "there is no 40 January"
        );
    }

    #[test]
    fn a_brief_error_fits_under_a_field_and_says_what_is_wrong() {
        let brief = |input: &str| parse_date(input, today()).unwrap_err().brief();
        assert_eq!(
            brief("32/13"),
            "\"32/13\" is not a date: there is no month 32; dates are month/day"
        );
        assert_eq!(
            brief("someday"),
            "\"someday\" is not a date: try today, fri, +14d, 2026-12-01"
        );
        assert_eq!(
            brief("a very long thing typed in"),
            "\"a very long thin…\" is not a date: try today, fri, +14d, 2026-12-01"
        );
    }

    #[test]
    fn day_and_month_names() {
        assert_eq!(ok("1 dec"), ymd(2026, 12, 1));
        assert_eq!(ok("dec 1"), ymd(2026, 12, 1));
        assert_eq!(ok("1 december 2026"), ymd(2026, 12, 1));
        assert_eq!(ok("December 1, 2027"), ymd(2027, 12, 1));
        assert_eq!(ok("1st Dec"), ymd(2026, 12, 1));
        assert_eq!(ok("sept 22nd 25"), ymd(2025, 9, 22));
        assert_eq!(ok("29 feb 2028"), ymd(2028, 2, 29));
        assert_eq!(bad("30 feb"), "there is no 30 February 2026");
        assert!(bad("1 dec 202").contains("is not a year"));
        assert_eq!(bad("de 1"), UNRECOGNISED);
    }

    #[test]
    fn empty_input_is_required() {
        for input in ["", "   ", "\t\n"] {
            let err = parse_date(input, today()).expect_err("empty");
            assert_eq!(err.reason, "a date is required");
            assert_eq!(err.input, "");
            assert_eq!(err.to_string(), format!("a date is required: try {FORMS}"));
        }
    }

    #[test]
    fn unrecognised_inputs() {
        for input in [
            "someday",
            "fri fri",
            "next",
            "next week",
            "last someday",
            "mon 1 dec x",
            ",",
        ] {
            assert_eq!(bad(input), UNRECOGNISED, "{input}");
        }
    }

    #[test]
    fn error_messages_read_as_one_sentence() {
        let err = parse_date("someday", today()).expect_err("someday");
        assert_eq!(
            err.to_string(),
            "\"someday\" is not a date: try today, yesterday, tomorrow, +14d, -3d, +2w, \
             fri, last fri, 2026-12-01 or 12/01"
        );
        let err = parse_date(" 2026-02-30 ", today()).expect_err("feb 30");
        assert_eq!(
            err.to_string(),
            format!("\"2026-02-30\" is not a date (there is no 30 February 2026): try {FORMS}")
        );
    }

    #[test]
    fn long_and_control_inputs_are_shown_safely() {
        let long = "x".repeat(100);
        let err = parse_date(&long, today()).expect_err("long");
        assert_eq!(err.reason, "that is too long to be a date");
        assert!(
            err.to_string()
                .starts_with(&format!("\"{}…\"", "x".repeat(40)))
        );
        let err = parse_date("\u{1b}[31mred", today()).expect_err("escape");
        assert!(!err.to_string().contains('\u{1b}'));
        assert!(err.to_string().contains("\\u{1b}[31mred"));
    }

    #[test]
    fn odd_inputs_never_panic() {
        let mut inputs: Vec<String> = [
            "ｆｒｉ",
            "🙂",
            "İ",
            "İİİ tod",
            "\u{0}",
            "12/🙂",
            "2026-1🙂-01",
            "+🙂d",
            "-",
            "+",
            "/",
            "//",
            "--",
            "::",
            ":",
            "am",
            "pm",
            "1/2/3/4",
            "99999999999999999999/1",
            "2026-99999999999-01",
            "+4294967296m",
            "+1m1",
            "-0",
            "0/0/0",
            "𝟙𝟚/𝟘𝟙",
            "next 🙂",
            "at",
            "at 25:61",
            "12:",
            ":30",
            "0:00pm",
            "99pm",
            "1:2:3:4",
            "today 10:42 am pm",
            "now now",
            "\u{202e}today",
            "1 dec 99999999999",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.push("a".repeat(10_000));
        inputs.push("1".repeat(10_000));
        inputs.push(format!("+{}d", "9".repeat(60)));
        inputs.push("mon ".repeat(15));
        let days = [today(), NaiveDate::MIN, NaiveDate::MAX];
        for day in days {
            for input in &inputs {
                if let Err(e) = parse_date(input, day) {
                    assert!(!e.to_string().is_empty());
                }
                let now = at(day, 23, 59);
                if let Err(e) = parse_date_time(input, now) {
                    assert!(!e.to_string().is_empty());
                }
            }
            for input in [
                "yesterday",
                "tomorrow",
                "+1d",
                "-1d",
                "+1m",
                "-1m",
                "fri",
                "last fri",
            ] {
                let _ = parse_date(input, day);
            }
            let _ = (
                short_day(day, today()),
                relative_due(today(), day),
                long_day(day),
            );
            let _ = days_between(NaiveDate::MIN, NaiveDate::MAX);
        }
        assert!(parse_date("+1d", NaiveDate::MAX).is_err());
        assert!(parse_date("yesterday", NaiveDate::MIN).is_err());
    }

    #[test]
    fn date_times_with_explicit_times() {
        let now = at(today(), 16, 5);
        let dt = |input: &str| parse_date_time(input, now);
        assert_eq!(dt("today 10:42"), Ok(at(today(), 10, 42)));
        assert_eq!(dt("yesterday 9:05"), Ok(at(ymd(2026, 11, 22), 9, 5)));
        assert_eq!(dt("2026-11-20 14:00"), Ok(at(ymd(2026, 11, 20), 14, 0)));
        assert_eq!(dt("10:42"), Ok(at(today(), 10, 42)));
        assert_eq!(dt("tomorrow at 7:30"), Ok(at(ymd(2026, 11, 24), 7, 30)));
        assert_eq!(dt("10:42 last fri"), Ok(at(ymd(2026, 11, 20), 10, 42)));
        assert_eq!(dt("12/01 0:00"), Ok(at(ymd(2026, 12, 1), 0, 0)));
        assert_eq!(dt("1 dec 2026 23:59"), Ok(at(ymd(2026, 12, 1), 23, 59)));
        let with_secs = today().and_hms_opt(10, 42, 30).expect("valid");
        assert_eq!(dt("today 10:42:30"), Ok(with_secs));
    }

    #[test]
    fn date_times_with_am_pm() {
        let now = at(today(), 16, 5);
        let dt = |input: &str| parse_date_time(input, now);
        assert_eq!(dt("9:05am"), Ok(at(today(), 9, 5)));
        assert_eq!(dt("today 2:30pm"), Ok(at(today(), 14, 30)));
        // A moment named by weekday is the latest one: last Friday.
        assert_eq!(dt("fri 2 PM"), Ok(at(ymd(2026, 11, 20), 14, 0)));
        assert_eq!(dt("12am"), Ok(at(today(), 0, 0)));
        assert_eq!(dt("12pm"), Ok(at(today(), 12, 0)));
        assert_eq!(dt("12:15 am"), Ok(at(today(), 0, 15)));
    }

    #[test]
    fn date_times_without_a_time_keep_nows_time() {
        let now = at(today(), 16, 5);
        let dt = |input: &str| parse_date_time(input, now);
        assert_eq!(dt("now"), Ok(now));
        assert_eq!(dt("NOW"), Ok(now));
        assert_eq!(dt("today"), Ok(now));
        assert_eq!(dt("yesterday"), Ok(at(ymd(2026, 11, 22), 16, 5)));
        assert_eq!(dt("fri"), Ok(at(ymd(2026, 11, 20), 16, 5)));
        assert_eq!(dt("2026-12-01"), Ok(at(ymd(2026, 12, 1), 16, 5)));
        assert_eq!(dt("-3d"), Ok(at(ymd(2026, 11, 20), 16, 5)));
    }

    #[test]
    fn bad_date_times_name_the_whole_input() {
        let now = at(today(), 16, 5);
        let reason = |input: &str| {
            let err = parse_date_time(input, now).expect_err(input);
            assert!(err.to_string().contains(&format!("\"{input}\"")), "{err}");
            err.reason
        };
        for input in [
            "25:00",
            "today 10:60",
            "today 9:5",
            "13pm",
            "0am",
            "today 24:00",
        ] {
            assert!(reason(input).contains("is not a time of day"), "{input}");
        }
        assert_eq!(reason("someday 10:00"), UNRECOGNISED);
        assert_eq!(reason("now 10:00"), UNRECOGNISED);
        assert_eq!(reason("2026-02-30 10:00"), "there is no 30 February 2026");
        assert_eq!(reason("at"), UNRECOGNISED);
        let err = parse_date_time("  ", now).expect_err("empty");
        assert_eq!(err.reason, "a date is required");
    }

    #[test]
    fn short_day_forms() {
        let t = today();
        assert_eq!(short_day(t, t), "today");
        assert_eq!(short_day(ymd(2026, 11, 24), t), "tomorrow");
        assert_eq!(short_day(ymd(2026, 11, 22), t), "yesterday");
        assert_eq!(short_day(ymd(2026, 11, 25), t), "Wed 25");
        assert_eq!(short_day(ymd(2026, 11, 26), t), "Thu 26");
        assert_eq!(short_day(ymd(2026, 11, 29), t), "Sun 29");
        assert_eq!(short_day(ymd(2026, 11, 30), t), "30 Nov");
        assert_eq!(short_day(ymd(2026, 11, 21), t), "21 Nov");
        assert_eq!(short_day(ymd(2026, 1, 1), t), "1 Jan");
        assert_eq!(short_day(ymd(2025, 11, 26), t), "26 Nov 2025");
        assert_eq!(short_day(ymd(2027, 1, 5), t), "5 Jan 2027");
        // Across new year, the next-6-days form still wins.
        assert_eq!(short_day(ymd(2027, 1, 2), ymd(2026, 12, 30)), "Sat 2");
    }

    #[test]
    fn relative_due_forms() {
        let t = today();
        assert_eq!(relative_due(t, t), "today");
        assert_eq!(relative_due(ymd(2026, 11, 19), t), "overdue 4d");
        assert_eq!(relative_due(ymd(2026, 11, 22), t), "overdue 1d");
        assert_eq!(relative_due(ymd(2025, 11, 23), t), "overdue 365d");
        assert_eq!(relative_due(ymd(2026, 11, 24), t), "tomorrow");
        assert_eq!(relative_due(ymd(2026, 11, 26), t), "in 3d");
        assert_eq!(relative_due(ymd(2026, 11, 29), t), "in 6d");
        assert_eq!(relative_due(ymd(2026, 11, 30), t), "30 Nov");
        assert_eq!(relative_due(ymd(2027, 1, 5), t), "5 Jan 2027");
    }

    #[test]
    fn long_day_forms() {
        assert_eq!(long_day(today()), "Mon 23 Nov 2026");
        assert_eq!(long_day(ymd(2028, 2, 29)), "Tue 29 Feb 2028");
        assert_eq!(long_day(ymd(2027, 1, 1)), "Fri 1 Jan 2027");
    }

    #[test]
    fn days_between_counts_signed_days() {
        assert_eq!(days_between(today(), today()), 0);
        assert_eq!(days_between(today(), ymd(2026, 12, 7)), 14);
        assert_eq!(days_between(ymd(2026, 12, 7), today()), -14);
        assert_eq!(days_between(ymd(2028, 1, 1), ymd(2029, 1, 1)), 366);
        assert_eq!(days_between(ymd(2026, 12, 31), ymd(2027, 1, 1)), 1);
    }

    #[test]
    fn long_day_without_weekday_parses_back() {
        for input in [
            "tomorrow", "+3d", "fri", "last fri", "+1m", "12/01/27", "-400d",
        ] {
            let date = ok(input);
            let label = long_day(date);
            let (_, rest) = label.split_once(' ').expect("weekday then date");
            assert_eq!(parse_date(rest, today()), Ok(date), "{label}");
        }
    }
}
