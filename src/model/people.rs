//! People coached: their role, the groups they belong to (tags), and how the roster's
//! filter finds them.

use super::{RosterRow, Teacher};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What someone coached is: a teacher, a school leader (principal, assistant principal)
/// or a coach. Everything in a record works the same for each.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Teacher,
    Leader,
    Coach,
}

impl Role {
    pub fn is_teacher(&self) -> bool {
        *self == Role::Teacher
    }

    /// How a person names the role in a sentence: "a school leader".
    pub fn label(self) -> &'static str {
        match self {
            Role::Teacher => "teacher",
            Role::Leader => "school leader",
            Role::Coach => "coach",
        }
    }
}

/// How many people there are, by role, as the roster's header says it: "15 teachers",
/// "12 teachers, 3 leaders", "1 leader, 2 coaches" (no role that no one has; "0 teachers"
/// for no one). A leader counted as a teacher read as a mistake.
pub fn head_count(roles: impl IntoIterator<Item = Role>) -> String {
    let mut counts = [0usize; 3];
    for role in roles {
        counts[role as usize] += 1;
    }
    let words = [
        ("teacher", "teachers"),
        ("leader", "leaders"),
        ("coach", "coaches"),
    ];
    let said: Vec<String> = counts
        .iter()
        .zip(words)
        .filter(|(n, _)| **n > 0)
        .map(|(n, (one, many))| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    if said.is_empty() {
        "0 teachers".into()
    } else {
        said.join(", ")
    }
}

/// How many people there are, whatever their roles, where the count by role has no room:
/// "15 people", "1 person"; "15 teachers" when all are teachers.
pub fn people_count(roles: impl IntoIterator<Item = Role>) -> String {
    let roles: Vec<Role> = roles.into_iter().collect();
    if roles.iter().all(Role::is_teacher) {
        return head_count(roles);
    }
    match roles.len() {
        1 => "1 person".into(),
        n => format!("{n} people"),
    }
}

/// The most tags one person carries, and the longest tag, in characters.
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG_CHARS: usize = 40;

/// A tag as one word, the way it is kept and shown as `#tag`: the spaces inside it
/// become hyphens ("blended pilot" → "blended-pilot", "PLC 7" → "PLC-7"), since
/// `#blended pilot` reads as two tags and the filter takes a space to end one. A leading
/// `#` and the spaces around it go.
pub fn one_word(tag: &str) -> String {
    tag.trim()
        .trim_start_matches('#')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

/// Tags as kept from elsewhere (a file of an older coachlog, an import): each made one
/// word, the same tag (whatever its case) once, empty ones left out.
pub fn tidy_tags(tags: &[String]) -> Vec<String> {
    let mut tidy: Vec<String> = Vec::new();
    for tag in tags.iter().map(|tag| one_word(tag)) {
        if !tag.is_empty() && !tidy.iter().any(|kept| same_tag(kept, &tag)) {
            tidy.push(tag);
        }
    }
    tidy
}

/// Tags typed as a list ("pilot, PLC 7; Fellowship #2"): split on commas and semicolons,
/// each cleaned as all text coming in is, trimmed of a leading `#`, made one word
/// ([`one_word`]), the same tag (whatever its case) once, in the order typed. Refused
/// with what is wrong: a tag too long, too many.
pub fn parse_tags(typed: &str) -> Result<Vec<String>, String> {
    let mut tags: Vec<String> = Vec::new();
    for part in typed.split([',', ';']) {
        let tag = one_word(&crate::text::clean_line(part).map_err(|e| e.to_string())?);
        if tag.is_empty() {
            continue;
        }
        let chars = tag.chars().count();
        if chars > MAX_TAG_CHARS {
            let start: String = tag.chars().take(12).collect();
            return Err(format!(
                "a tag is at most {MAX_TAG_CHARS} characters: \"{start}…\" has {chars}"
            ));
        }
        if !tags.iter().any(|kept| same_tag(kept, &tag)) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(format!("{} tags: at most {MAX_TAGS}", tags.len()));
    }
    Ok(tags)
}

/// The groups `people` are in, each once (whatever its case, spelled as first met), the
/// largest first, then by name.
pub fn groups(people: &[Teacher]) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for tag in people.iter().flat_map(|p| &p.tags) {
        match counted.iter_mut().find(|(kept, _)| same_tag(kept, tag)) {
            Some((_, n)) => *n += 1,
            None => counted.push((tag.clone(), 1)),
        }
    }
    counted.sort_by(|(a, n), (b, m)| {
        m.cmp(n)
            .then_with(|| a.to_lowercase().cmp(&b.to_lowercase()))
    });
    counted.into_iter().map(|(tag, _)| tag).collect()
}

/// Whether two tags are the same group, whatever their case ("PLC-7" = "plc-7").
pub fn same_tag(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The words of a tag, between its hyphens, in lower case: "Blended-Pilot" → blended, pilot.
fn tag_words(tag: &str) -> Vec<String> {
    tag.to_lowercase()
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .map(String::from)
        .collect()
}

/// Whether `tag` is the group `asked` for, or holds it as whole words: "blended-pilot"
/// is asked for by "blended-pilot", "pilot" or "blended" (and "blended pilot", made one
/// word), not by "pil" or "lended".
pub fn tag_holds(tag: &str, asked: &str) -> bool {
    let asked = tag_words(&one_word(asked));
    !asked.is_empty()
        && tag_words(tag)
            .windows(asked.len())
            .any(|words| words == asked.as_slice())
}

/// Whether `tag` begins with `typed` at the start of one of its words, whatever the case:
/// as the roster's filter finds a group while it is typed ("#pil" finds "blended-pilot").
fn tag_starts(tag: &str, typed: &str) -> bool {
    let tag = tag.to_lowercase();
    let typed = typed.to_lowercase();
    std::iter::once(0)
        .chain(
            tag.char_indices()
                .filter(|(_, c)| *c == '-' || c.is_whitespace())
                .map(|(at, c)| at + c.len_utf8()),
        )
        .any(|at| tag[at..].starts_with(&typed))
}

/// Tags as they are typed back into a form: "pilot, PLC 7".
pub fn tags_text(tags: &[String]) -> String {
    tags.join(", ")
}

/// People picked by role, groups and school, as the command line picks them: every part
/// given must hold; a school is matched whole, a tag by whole words ([`tag_holds`]), in
/// any case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub role: Option<Role>,
    pub tags: Vec<String>,
    pub school: Option<String>,
}

/// "--role leader --tag pilot --school Eastside": the selection as it was asked for.
impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut words = Vec::new();
        if let Some(role) = self.role {
            words.push(format!("--role {role}"));
        }
        words.extend(self.tags.iter().map(|tag| format!("--tag {tag}")));
        if let Some(school) = &self.school {
            words.push(format!("--school \"{school}\""));
        }
        f.write_str(&words.join(" "))
    }
}

impl Selection {
    pub fn holds(&self, person: &Teacher) -> bool {
        self.role.is_none_or(|role| person.role == role)
            && self
                .tags
                .iter()
                .all(|asked| person.tags.iter().any(|tag| tag_holds(tag, asked)))
            && self.school.as_deref().is_none_or(|school| {
                person.school.trim().to_lowercase() == school.trim().to_lowercase()
            })
    }
}

/// One word of the roster's filter.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    /// `#pilot`: carries a tag one of whose words starts with this.
    Tag(String),
    /// `role:leader` (or `leader`, `coach` said alone): has this role.
    Role(Role),
    /// Anything else: appears in the name, school, subject, focus, role or a tag. As
    /// typed (lower case), and folded as the [`haystack`] is.
    Text(String, String),
}

/// The roster's filter, read once from what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    words: Vec<Word>,
}

impl Filter {
    /// Every word must hold for a row to show: `#tag` for a group, `leader`, `coach` or
    /// `role:teacher` for a role, any other word found in the row's text.
    pub fn parse(typed: &str) -> Filter {
        let words = typed
            .split_whitespace()
            .map(str::to_lowercase)
            .map(|word| {
                if let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty()) {
                    return Word::Tag(tag.to_string());
                }
                let role = word.strip_prefix("role:").unwrap_or(&word);
                match role.parse::<Role>() {
                    // "teacher" alone is too common a word in a note to mean the role.
                    Ok(role) if role != Role::Teacher || word.starts_with("role:") => {
                        Word::Role(role)
                    }
                    _ => {
                        let folded = crate::text::fold(&word);
                        Word::Text(word, folded)
                    }
                }
            })
            .collect();
        Filter { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `row` passes.
    pub fn matches(&self, row: &RosterRow) -> bool {
        self.is_empty() || self.matches_in(row, &haystack(row))
    }

    /// Whether `row` passes, its [`haystack`] given (kept by the caller, so that a list
    /// filtered again on each letter typed does not make one per row each time).
    pub fn matches_in(&self, row: &RosterRow, haystack: &str) -> bool {
        let teacher = &row.teacher;
        self.words.iter().all(|word| match word {
            Word::Tag(typed) => teacher.tags.iter().any(|tag| tag_starts(tag, typed)),
            Word::Role(role) => teacher.role == *role,
            Word::Text(_, folded) => haystack.contains(folded.as_str()),
        })
    }
}

/// Whether `typed` names `name`: from the start of the whole name, or, with no comma
/// typed (a comma ends the surname: "smith," is not "Smithers, Ann"), each word typed
/// starting a word of the name ("abbott, li", "abbott l", "liam" and "liam abbott" all
/// name "Abbott, Liam"; "abbott, li" does not name "Abbott, Elif"). How the command line
/// picks a teacher by name, and the person the roster's filter selects first. Both are
/// given in one case (lower, or folded as search folds).
pub fn name_starts_with(name: &str, typed: &str) -> bool {
    name.starts_with(typed)
        || (!typed.contains(',')
            && name_words(typed).next().is_some()
            && name_words(typed).all(|part| name_words(name).any(|word| word.starts_with(part))))
}

/// The words of a name, or of a name typed: between spaces, commas and hyphens (each
/// half of "Ødegård-Nakamura" is a word of its own).
fn name_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|word| !word.is_empty())
}

/// The surname of "Smith, Dan", or the whole name when it has no comma.
pub fn surname(name: &str) -> &str {
    name.split(',').next().unwrap_or(name).trim()
}

/// The text of a roster row a filter word is looked for in, folded as search folds it
/// (lower case, a Latin letter's accents off: "zoe" finds "Zoë"): name, school, subject,
/// focus, role and groups.
pub fn haystack(row: &RosterRow) -> String {
    let teacher = &row.teacher;
    crate::text::fold(&format!(
        "{} {} {} {} {} {}",
        teacher.name,
        teacher.school,
        teacher.subject,
        row.focus.as_deref().unwrap_or(""),
        teacher.role.label(),
        teacher.tags.join(" ")
    ))
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<String> = self
            .words
            .iter()
            .map(|word| match word {
                Word::Tag(tag) => format!("#{tag}"),
                Word::Role(role) => format!("role:{role}"),
                Word::Text(typed, _) => typed.clone(),
            })
            .collect();
        f.write_str(&words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, role: Role, tags: &[&str]) -> RosterRow {
        RosterRow {
            teacher: Teacher {
                name: name.into(),
                school: "Eastside Middle".into(),
                subject: "Grade 7 Science".into(),
                role,
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..Teacher::default()
            },
            focus: Some("Warm-up connects to the target".into()),
            last_observed: None,
            next_check_in: None,
            recent_ratings: Vec::new(),
        }
    }

    #[test]
    fn a_name_is_named_from_its_start_or_the_start_of_a_word() {
        for typed in [
            "abbott, li",
            "abbott",
            "liam",
            "li",
            "abbott, liam",
            "abbott l",
            "liam abbott",
            "l a",
        ] {
            assert!(name_starts_with("abbott, liam", typed), "{typed}");
        }
        assert!(name_starts_with("zoe ødegard-nakamura 中村", "nakamura"));
        assert!(name_starts_with("zoe ødegard-nakamura 中村", "中村"));
        assert!(name_starts_with("smith, dan", "smith,"));
        assert!(!name_starts_with("smithers, ann", "smith,"));
        for typed in [
            "li",
            "bott",
            "abbott li",
            "liam abbott",
            "abbott, lia",
            " ",
            ",",
        ] {
            assert!(!name_starts_with("abbott, elif", typed), "{typed}");
        }
    }

    #[test]
    fn tags_are_split_trimmed_and_kept_once_whatever_their_case() {
        assert_eq!(
            parse_tags(" pilot, #PLC 7 ;Fellowship,, plc-7, Pilot "),
            Ok(vec!["pilot".into(), "PLC-7".into(), "Fellowship".into()])
        );
        assert_eq!(parse_tags("  "), Ok(vec![]));
        // An escape sequence is taken out at the door, as from any text typed.
        assert_eq!(
            parse_tags("a\u{1b}[31mb, c\u{7}d"),
            Ok(vec!["ab".into(), "cd".into()])
        );
    }

    #[test]
    fn a_tag_is_one_word_the_spaces_in_it_become_hyphens() {
        assert_eq!(
            parse_tags("blended pilot, PLC 7;  # two   words  "),
            Ok(vec![
                "blended-pilot".into(),
                "PLC-7".into(),
                "two-words".into()
            ])
        );
        assert_eq!(one_word(" #blended  pilot "), "blended-pilot");
        assert_eq!(one_word("pilot"), "pilot");
        // What an older file or an import holds is made one word the same way.
        let kept: Vec<String> = ["blended pilot", "Blended-Pilot", " ", "pilot", "PLC 7"]
            .map(String::from)
            .to_vec();
        assert_eq!(tidy_tags(&kept), ["blended-pilot", "pilot", "PLC-7"]);
    }

    #[test]
    fn a_tag_is_asked_for_whole_or_by_its_whole_words() {
        for asked in [
            "blended-pilot",
            "pilot",
            "Blended",
            "blended pilot",
            "#pilot",
        ] {
            assert!(tag_holds("blended-pilot", asked), "{asked}");
        }
        for asked in ["pil", "lended", "pilot-blended", "", "blended-pilot-2"] {
            assert!(!tag_holds("blended-pilot", asked), "{asked}");
        }
        assert!(tag_holds("grade-7-PLC", "7-plc"));
    }

    #[test]
    fn people_are_counted_by_role_leaders_apart_from_teachers() {
        use Role::{Coach, Leader, Teacher};
        assert_eq!(head_count([Teacher; 15]), "15 teachers");
        assert_eq!(
            head_count([[Teacher; 12].as_slice(), &[Leader; 3]].concat()),
            "12 teachers, 3 leaders"
        );
        assert_eq!(head_count([Coach, Leader, Coach]), "1 leader, 2 coaches");
        assert_eq!(head_count([Teacher, Coach]), "1 teacher, 1 coach");
        assert_eq!(head_count([]), "0 teachers");
        assert_eq!(people_count([Teacher, Leader, Teacher]), "3 people");
        assert_eq!(people_count([Leader]), "1 person");
        assert_eq!(people_count([Teacher, Teacher]), "2 teachers");
    }

    #[test]
    fn too_long_a_tag_or_too_many_is_refused_with_why() {
        let long = "x".repeat(MAX_TAG_CHARS + 1);
        assert_eq!(
            parse_tags(&format!("pilot, {long}")),
            Err("a tag is at most 40 characters: \"xxxxxxxxxxxx…\" has 41".into())
        );
        let many: Vec<String> = (0..=MAX_TAGS).map(|n| format!("t{n}")).collect();
        assert_eq!(
            parse_tags(&many.join(",")),
            Err("13 tags: at most 12".into())
        );
    }

    #[test]
    fn groups_are_listed_once_the_largest_first() {
        let people: Vec<Teacher> = [
            row("A", Role::Teacher, &["PLC 7", "pilot"]),
            row("B", Role::Teacher, &["Pilot"]),
            row("C", Role::Leader, &["fellowship", "plc 7", "pilot"]),
        ]
        .into_iter()
        .map(|r| r.teacher)
        .collect();
        assert_eq!(groups(&people), ["pilot", "PLC 7", "fellowship"]);
        assert!(groups(&[]).is_empty());
    }

    #[test]
    fn a_selection_holds_when_role_every_tag_and_the_school_do() {
        let smith = row("Smith, Dan", Role::Teacher, &["pilot", "PLC-7"]).teacher;
        let pick = |role, tags: &[&str], school: Option<&str>| Selection {
            role,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            school: school.map(String::from),
        };
        assert!(pick(None, &[], None).holds(&smith));
        assert!(
            pick(
                Some(Role::Teacher),
                &["plc 7", "PILOT"],
                Some(" eastside middle")
            )
            .holds(&smith)
        );
        assert!(!pick(Some(Role::Leader), &[], None).holds(&smith));
        assert!(
            !pick(None, &["pil"], None).holds(&smith),
            "a tag is matched whole"
        );
        assert!(!pick(None, &["pilot", "fellowship"], None).holds(&smith));
        // A word of a tag picks it: "--tag pilot" finds the blended pilot.
        let castillo = row("Castillo, Ramon", Role::Teacher, &["blended-pilot"]).teacher;
        assert!(pick(None, &["pilot"], None).holds(&castillo));
        assert!(pick(None, &["Blended Pilot"], None).holds(&castillo));
        assert!(!pick(None, &["pil"], None).holds(&castillo));
        assert!(!pick(None, &[], Some("Eastside")).holds(&smith));
    }

    #[test]
    fn the_filter_finds_a_group_by_its_tag_and_a_role_by_its_word() {
        let smith = row("Smith, Dan", Role::Teacher, &["pilot", "PLC-7"]);
        let reyes = row("Reyes, Ana", Role::Leader, &["Fellowship"]);
        let park = row("Park, Eve", Role::Coach, &[]);
        let shown = |typed: &str| -> Vec<&str> {
            let filter = Filter::parse(typed);
            [&smith, &reyes, &park]
                .into_iter()
                .filter(|r| filter.matches(r))
                .map(|r| r.teacher.name.as_str())
                .collect()
        };
        assert_eq!(shown(""), ["Smith, Dan", "Reyes, Ana", "Park, Eve"]);
        assert_eq!(shown("#pil"), ["Smith, Dan"]);
        assert_eq!(shown("#plc"), ["Smith, Dan"]);
        assert_eq!(shown("#fellowship"), ["Reyes, Ana"]);
        assert_eq!(shown("leader"), ["Reyes, Ana"]);
        assert_eq!(shown("Coach"), ["Park, Eve"]);
        assert_eq!(shown("role:teacher"), ["Smith, Dan"]);
        // "teacher" alone is a word of the text, found in the role's name.
        assert_eq!(shown("teacher"), ["Smith, Dan"]);
        assert_eq!(shown("east leader"), ["Reyes, Ana"]);
        assert_eq!(shown("#pilot leader"), Vec::<&str>::new());
        assert_eq!(shown("warm-up #plc"), ["Smith, Dan"]);
        // Accents fold away on both sides, as in search.
        let zoe = row("Ødegård-Nakamura, Zoë", Role::Teacher, &[]);
        let filter = Filter::parse("ZOE ødegard");
        assert!(filter.matches(&zoe));
        assert!(Filter::parse("Zoë").matches(&row("Zoe Park", Role::Coach, &[])));
        assert_eq!(filter.to_string(), "zoe ødegard", "shown as typed");
        assert_eq!(
            Filter::parse("#Pilot Leader east").to_string(),
            "#pilot role:leader east"
        );
    }

    #[test]
    fn the_filter_finds_a_group_by_any_word_of_its_tag() {
        let castillo = row("Castillo, Ramon", Role::Teacher, &["blended-pilot"]);
        let lee = row("Lee, Min", Role::Teacher, &["pilot"]);
        let shown = |typed: &str| -> Vec<&str> {
            let filter = Filter::parse(typed);
            [&castillo, &lee]
                .into_iter()
                .filter(|r| filter.matches(r))
                .map(|r| r.teacher.name.as_str())
                .collect()
        };
        assert_eq!(shown("#pilot"), ["Castillo, Ramon", "Lee, Min"]);
        assert_eq!(shown("#pil"), ["Castillo, Ramon", "Lee, Min"]);
        assert_eq!(shown("#blended"), ["Castillo, Ramon"]);
        assert_eq!(shown("#Blended-P"), ["Castillo, Ramon"]);
        assert_eq!(shown("#lended"), Vec::<&str>::new());
        assert_eq!(shown("#ilot"), Vec::<&str>::new());
    }
}
