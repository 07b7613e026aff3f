//! Settings a person may change, from `config.toml` in the platform config folder
//! (e.g. `~/.config/coachlog/config.toml`); every setting is optional and has a sensible
//! default. A mistake in the file never stops coachlog: each setting that cannot be read
//! is named with its line and what is wrong, and keeps its default.

use crate::ui::theme::Theme;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The settings in effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The database opened when neither `--db` nor `COACHLOG_DB` names one.
    pub database: Option<PathBuf>,
    /// The name stamped as author on what this copy writes (default: the login name).
    pub author: Option<String>,
    /// Days without an observation before a teacher counts as not seen lately (the
    /// coverage gap on the roster and the agenda).
    pub coverage_gap_days: u32,
    /// The check-in rhythm a new teacher starts with, in days.
    pub check_in_days: u32,
    /// Where briefs written from the app go (default: the documents folder, else home).
    pub briefs_folder: Option<PathBuf>,
    /// How many daily backups the app keeps in `backups/` beside the database (0: none).
    pub backups_kept: u32,
    /// The screen's colours: the terminal's own palette, or a dark or light set.
    pub theme: Theme,
    /// The words for the four steps of the rating scale, lowest first.
    pub rating_labels: [String; 4],
    /// The user's own keys: action (`roster.observe`) and key (`O`), as written.
    pub keys: Vec<(String, String)>,
    /// The mouse wheel scrolls lists, help and the brief (the terminal's own selection
    /// then needs Shift); off, the terminal keeps the mouse.
    pub mouse: bool,
    /// The criteria a new readiness review of a school is rated on (a review keeps the
    /// ones it was rated on).
    pub readiness_criteria: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database: None,
            author: None,
            coverage_gap_days: 14,
            check_in_days: crate::model::DEFAULT_CHECK_IN_DAYS,
            briefs_folder: None,
            backups_kept: 14,
            theme: Theme::Terminal,
            rating_labels: crate::model::DEFAULT_RATING_LABELS.map(String::from),
            keys: Vec::new(),
            mouse: true,
            readiness_criteria: crate::model::readiness::DEFAULT_CRITERIA
                .map(String::from)
                .to_vec(),
        }
    }
}

/// The settings read, and what could not be read (one line each, naming the file, the
/// line and what is wrong).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    pub config: Config,
    pub problems: Vec<String>,
}

/// Where the config file is looked for: `COACHLOG_CONFIG`, else the platform folder.
pub fn path() -> Option<PathBuf> {
    match std::env::var_os("COACHLOG_CONFIG") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        // A relative HOME would make it a file in whatever folder coachlog started in.
        _ => directories::ProjectDirs::from("", "", "coachlog")
            .map(|dirs| dirs.config_dir().join("config.toml"))
            .filter(|path| path.is_absolute()),
    }
}

/// Every setting's name, as written in the file, in the order `coachlog config` lists them.
pub const KEYS: [&str; 11] = [
    "database",
    "author",
    "coverage_gap_days",
    "check_in_days",
    "briefs_folder",
    "backups_kept",
    "rating_labels",
    "theme",
    "mouse",
    "readiness_criteria",
    "keys",
];

/// The line (from 1) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// A whole number within `range`, or what is wrong with it.
fn within(value: i64, range: std::ops::RangeInclusive<u32>) -> Result<u32, String> {
    match u32::try_from(value) {
        Ok(value) if range.contains(&value) => Ok(value),
        _ => Err(format!(
            "must be from {} to {} (it is {value})",
            range.start(),
            range.end()
        )),
    }
}

/// A path setting: `~/` stands for the home folder; a relative path is refused (it would
/// depend on the folder coachlog is started in).
fn folder_path(typed: String) -> Result<PathBuf, String> {
    let path = match typed.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .map(|dirs| dirs.home_dir().join(rest))
            .ok_or("~ cannot be found: write the whole path")?,
        None => PathBuf::from(&typed),
    };
    if path.is_absolute() {
        Ok(path)
    } else {
        Err(format!(
            "must be a whole path such as \"~/coaching/{typed}\" (it is \"{typed}\")"
        ))
    }
}

/// Four steps, each named in a few words.
fn rating_labels(typed: Vec<String>) -> Result<[String; 4], String> {
    let count = typed.len();
    let labels: Vec<String> = typed
        .iter()
        .map(|label| crate::text::clean_line(label).unwrap_or_default())
        .collect();
    let labels: [String; 4] = labels
        .try_into()
        .map_err(|_| format!("must name the four steps, lowest first (it names {count})"))?;
    if labels
        .iter()
        .any(|label| label.is_empty() || crate::text::width(label) > 24)
    {
        return Err("must name each step in 1 to 24 characters".into());
    }
    Ok(labels)
}

/// Criteria for readiness reviews: at least one, each named in a few words, none twice.
fn criteria(typed: Vec<String>) -> Result<Vec<String>, String> {
    let mut criteria: Vec<String> = Vec::new();
    for criterion in &typed {
        let line = crate::text::clean_line(criterion).unwrap_or_default();
        if line.is_empty() || crate::text::width(&line) > 80 {
            return Err("must name each criterion in 1 to 80 characters".into());
        }
        if criteria
            .iter()
            .any(|c| c.to_lowercase() == line.to_lowercase())
        {
            return Err(format!("names \"{line}\" twice"));
        }
        criteria.push(line);
    }
    if criteria.is_empty() {
        return Err("must name at least one criterion".into());
    }
    Ok(criteria)
}

fn name(typed: String) -> Result<String, String> {
    let line = crate::text::clean_line(&typed).map_err(|why| why.to_string())?;
    if line.is_empty() {
        return Err("must not be empty".into());
    }
    Ok(line)
}

/// `text` with its line `n` (from 1) emptied, every other line and line number as it was.
fn blank_line(text: &str, n: usize) -> String {
    text.split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| {
            if i + 1 == n {
                if line.ends_with('\n') { "\n" } else { "" }
            } else {
                line
            }
        })
        .collect()
}

impl Config {
    /// Reads the config file. A missing file gives the defaults; a setting that cannot be
    /// read keeps its default and is listed in `problems`.
    pub fn load(path: Option<&Path>) -> Loaded {
        let mut loaded = Loaded::default();
        let Some(path) = path else {
            return loaded;
        };
        let shown = crate::text::line(&path.display().to_string()).into_owned();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            // Not there, or in a folder this user may not look into (another user's home).
            Err(error)
                if error.kind() == std::io::ErrorKind::NotFound || path.metadata().is_err() =>
            {
                return loaded;
            }
            Err(error) => {
                loaded.problems.push(format!(
                    "{shown}: cannot be read ({}); every setting is at its default",
                    error.kind()
                ));
                return loaded;
            }
        };
        // A line that is not TOML is skipped, said, and the rest read again: one typo does
        // not cost every other setting.
        let mut text = text;
        let mut skipped = Vec::new();
        let table: BTreeMap<Spanned<String>, Spanned<toml::Value>> = loop {
            match toml::from_str(&text) {
                Ok(table) => break table,
                Err(error) => {
                    let line = error.span().map(|span| line_of(&text, span.start));
                    match line.filter(|n| !skipped.contains(n) && skipped.len() < 50) {
                        Some(n) => {
                            let written = text.lines().nth(n - 1).unwrap_or_default();
                            loaded.problems.push(format!(
                                "{shown} line {n}: \"{}\" cannot be read (a value is a number, true or false, or text in \"quotes\"); the line is skipped",
                                crate::text::truncate(&crate::text::line(written.trim()), 40)
                            ));
                            skipped.push(n);
                            text = blank_line(&text, n);
                        }
                        None => {
                            let at = line.map(|n| format!(" line {n}:")).unwrap_or_default();
                            loaded.problems.push(format!(
                                "{shown}:{at} {}; every setting is at its default",
                                error.message().trim_end_matches('\n')
                            ));
                            return loaded;
                        }
                    }
                }
            }
        };
        let config = &mut loaded.config;
        // In the order they are written, so that the problems read top to bottom.
        let mut settings: Vec<_> = table.into_iter().collect();
        settings.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in settings {
            let line = line_of(&text, key.span().start);
            let written = text.get(value.span()).unwrap_or_default().trim();
            let value = (value, written);
            let problem = |what: String| format!("{shown} line {line}: {} {what}", key.get_ref());
            let result = match key.get_ref().as_str() {
                "database" => read(value, folder_path).map(|v| config.database = Some(v)),
                "author" => read(value, name).map(|v| config.author = Some(v)),
                "coverage_gap_days" => {
                    read(value, |v| within(v, 1..=365)).map(|v| config.coverage_gap_days = v)
                }
                "check_in_days" => {
                    read(value, |v| within(v, 1..=365)).map(|v| config.check_in_days = v)
                }
                "briefs_folder" => read(value, folder_path).map(|v| config.briefs_folder = Some(v)),
                "backups_kept" => {
                    read(value, |v| within(v, 0..=1000)).map(|v| config.backups_kept = v)
                }
                "theme" => read(value, |name: String| {
                    Theme::from_name(&name).ok_or_else(|| {
                        format!(
                            "must be one of {} (it is \"{}\")",
                            Theme::NAMES.join(", "),
                            crate::text::line(&name)
                        )
                    })
                })
                .map(|v| config.theme = v),
                "mouse" => read(value, |on: bool| Ok(on)).map(|on| config.mouse = on),
                "rating_labels" => {
                    read(value, rating_labels).map(|labels| config.rating_labels = labels)
                }
                "readiness_criteria" => read(value, |list: toml::Value| {
                    let list: Vec<String> = list.try_into().map_err(|_| {
                        format!("must be a list of criteria in quotes (it is {written})")
                    })?;
                    criteria(list)
                })
                .map(|list| config.readiness_criteria = list),
                "keys" => read(value, |keys: BTreeMap<String, String>| Ok(keys))
                    .map(|keys| config.keys = keys.into_iter().collect()),
                other => Err(format!(
                    "is not a setting coachlog knows (\"{}\"); the settings are {}",
                    crate::text::line(other),
                    KEYS.join(", ")
                )),
            };
            if let Err(what) = result {
                let keeps = if KEYS.contains(&key.get_ref().as_str()) {
                    "; its default is used"
                } else {
                    ""
                };
                loaded.problems.push(problem(what) + keeps);
            }
        }
        loaded
    }

    /// Each setting as it would be written in the file, with the value in effect (a
    /// setting left at a default that depends on the machine says so).
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let quoted = |path: &Option<PathBuf>, otherwise: &str| match path {
            Some(path) => format!("{:?}", crate::text::line(&path.display().to_string())),
            None => format!("# {otherwise}"),
        };
        vec![
            (
                "database",
                quoted(&self.database, "the data folder's coachlog.db"),
            ),
            (
                "author",
                match &self.author {
                    Some(author) => format!("{author:?}"),
                    None => "# the login name".into(),
                },
            ),
            ("coverage_gap_days", self.coverage_gap_days.to_string()),
            ("check_in_days", self.check_in_days.to_string()),
            (
                "briefs_folder",
                quoted(&self.briefs_folder, "the documents folder, else home"),
            ),
            ("backups_kept", self.backups_kept.to_string()),
            (
                "rating_labels",
                format!(
                    "[{}]",
                    self.rating_labels
                        .iter()
                        .map(|label| format!("{label:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            ("theme", format!("{:?}", self.theme.name())),
            ("mouse", self.mouse.to_string()),
            (
                "readiness_criteria",
                format!(
                    "[{}]",
                    self.readiness_criteria
                        .iter()
                        .map(|c| format!("{c:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            (
                "keys",
                if self.keys.is_empty() {
                    "# the built-in keys".into()
                } else {
                    let keys: Vec<String> = self
                        .keys
                        .iter()
                        .map(|(action, key)| format!("{action:?} = {key:?}"))
                        .collect();
                    format!("{{ {} }}", keys.join(", "))
                },
            ),
        ]
    }
}

/// A setting's value as its type (`T`), then checked by `check`; what is wrong otherwise.
fn read<T: DeserializeOwned, U>(
    (value, shown): (Spanned<toml::Value>, &str),
    check: impl FnOnce(T) -> Result<U, String>,
) -> Result<U, String> {
    let value = value.into_inner();
    let typed: T = value.try_into().map_err(|_| {
        let wanted = std::any::type_name::<T>();
        let wanted = if wanted.ends_with("i64") {
            "a whole number"
        } else if wanted.contains("Vec") {
            "a list of four words in quotes, lowest first"
        } else if wanted == "bool" {
            "true or false"
        } else if wanted.contains("BTreeMap") {
            "a table of lines such as \"roster.observe\" = \"O\" under [keys]"
        } else {
            "text in quotes"
        };
        format!("must be {wanted} (it is {shown})")
    })?;
    check(typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        let mut loaded = Config::load(Some(&path));
        let shown = path.display().to_string();
        for problem in &mut loaded.problems {
            *problem = problem.replace(&shown, "config.toml");
        }
        loaded
    }

    #[test]
    fn a_missing_file_gives_the_defaults_and_each_setting_overrides_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Config::load(Some(&dir.path().join("config.toml")));
        assert_eq!(missing, Loaded::default());
        let loaded = load(
            "database = \"/srv/coaching/school.db\"\nauthor = \"Ms. Rivera\"\n\
             coverage_gap_days = 10\ncheck_in_days = 7\nbriefs_folder = \"/tmp/briefs\"\n\
             backups_kept = 0\ntheme = \"light\"\nmouse = false\n\
             rating_labels = [\"emerging\", \"developing\", \"proficient\", \"exemplary\"]\n\
             readiness_criteria = [\"collaboration\", \"results\"]\n[keys]\n\"roster.observe\" = \"O\"\n",
        );
        assert_eq!(loaded.problems, Vec::<String>::new());
        assert_eq!(
            loaded.config,
            Config {
                database: Some("/srv/coaching/school.db".into()),
                author: Some("Ms. Rivera".into()),
                coverage_gap_days: 10,
                check_in_days: 7,
                briefs_folder: Some("/tmp/briefs".into()),
                backups_kept: 0,
                theme: Theme::Light,
                rating_labels: ["emerging", "developing", "proficient", "exemplary"]
                    .map(String::from),
                keys: vec![("roster.observe".into(), "O".into())],
                mouse: false,
                readiness_criteria: vec!["collaboration".into(), "results".into()],
            }
        );
    }

    #[test]
    fn each_mistake_names_its_line_and_keeps_that_settings_default_only() {
        let loaded = load(
            "# my settings\ncoverage_gap = 10\ncheck_in_days = 0\nbackups_kept = -1\n\
             author = \"  \"\nbriefs_folder = \"briefs\"\ndatabase = \"/srv/school.db\"\n\
             coverage_gap_days = \"ten\"\ntheme = \"solarized\"\nrating_labels = [\"low\", \"high\"]\n",
        );
        assert_eq!(
            loaded.problems,
            [
                "config.toml line 2: coverage_gap is not a setting coachlog knows (\"coverage_gap\"); the settings are database, author, coverage_gap_days, check_in_days, briefs_folder, backups_kept, rating_labels, theme, mouse, readiness_criteria, keys",
                "config.toml line 3: check_in_days must be from 1 to 365 (it is 0); its default is used",
                "config.toml line 4: backups_kept must be from 0 to 1000 (it is -1); its default is used",
                "config.toml line 5: author must not be empty; its default is used",
                "config.toml line 6: briefs_folder must be a whole path such as \"~/coaching/briefs\" (it is \"briefs\"); its default is used",
                "config.toml line 8: coverage_gap_days must be a whole number (it is \"ten\"); its default is used",
                "config.toml line 9: theme must be one of terminal, dark, light (it is \"solarized\"); its default is used",
                "config.toml line 10: rating_labels must name the four steps, lowest first (it names 2); its default is used",
            ]
        );
        assert_eq!(
            loaded.config,
            Config {
                database: Some("/srv/school.db".into()),
                ..Config::default()
            },
            "the good setting is taken, the others keep their defaults"
        );
    }

    #[test]
    fn a_line_that_is_not_toml_is_skipped_and_said_and_the_others_are_taken() {
        let loaded = load(
            "coverage_gap_days = fourteen\nauthor = \"Ms. Rivera\"\ncheck_in_days = \"unclosed\n\n[keys]\n\"roster.observe\" = O\n\"roster.search\" = \"F\"\n",
        );
        assert_eq!(loaded.config.author.as_deref(), Some("Ms. Rivera"));
        assert_eq!(
            loaded.config.coverage_gap_days,
            Config::default().coverage_gap_days
        );
        assert_eq!(
            loaded.config.keys,
            vec![("roster.search".to_string(), "F".to_string())]
        );
        assert_eq!(
            loaded.problems,
            [
                "config.toml line 1: \"coverage_gap_days = fourteen\" cannot be read (a value is a number, true or false, or text in \"quotes\"); the line is skipped",
                "config.toml line 3: \"check_in_days = \"unclosed\" cannot be read (a value is a number, true or false, or text in \"quotes\"); the line is skipped",
                "config.toml line 6: \"\"roster.observe\" = O\" cannot be read (a value is a number, true or false, or text in \"quotes\"); the line is skipped",
            ]
        );
    }

    #[test]
    fn the_example_file_reads_without_a_mistake_and_names_every_setting() {
        let example = include_str!("../assets/config.example.toml");
        assert_eq!(load(example).problems, Vec::<String>::new());
        for key in KEYS {
            let written = [format!("{key} = "), format!("[{key}]")];
            assert!(written.iter().any(|w| example.contains(w)), "{key}");
        }
        let uncommented: String = example
            .lines()
            .map(|line| line.strip_prefix("# ").unwrap_or(line))
            .filter(|line| line.contains(" = ") || line.starts_with('['))
            .collect::<Vec<_>>()
            .join("\n");
        let uncommented = load(&uncommented);
        assert_eq!(uncommented.problems, Vec::<String>::new());
        assert!(!uncommented.config.keys.is_empty());
        let unknown = crate::app::keymap::rebind(&uncommented.config.keys);
        crate::app::keymap::rebind(&[]);
        assert_eq!(unknown, Vec::<String>::new(), "the example's actions exist");
    }

    #[test]
    fn readiness_criteria_are_a_list_of_names_each_once() {
        let loaded = load("readiness_criteria = \"collaboration\"\nreadiness_criteria_x = 1\n");
        assert_eq!(
            loaded.problems[0],
            "config.toml line 1: readiness_criteria must be a list of criteria in quotes (it is \"collaboration\"); its default is used"
        );
        for (written, problem) in [
            ("[]", "must name at least one criterion"),
            ("[\"results\", \"Results\"]", "names \"Results\" twice"),
            (
                "[\"results\", \" \"]",
                "must name each criterion in 1 to 80 characters",
            ),
        ] {
            let loaded = load(&format!("readiness_criteria = {written}\n"));
            assert_eq!(
                loaded.problems,
                [format!(
                    "config.toml line 1: readiness_criteria {problem}; its default is used"
                )]
            );
            assert_eq!(loaded.config, Config::default());
        }
        let loaded = load("readiness_criteria = [\" staff  collaboration\", \"results\"]\n");
        assert_eq!(
            loaded.config.readiness_criteria,
            ["staff  collaboration", "results"]
        );
    }

    #[test]
    fn a_setting_with_control_characters_is_cleaned() {
        let loaded = load("author = \"Ms.\\u001b[31m Rivera\"\n");
        assert_eq!(loaded.config.author.as_deref(), Some("Ms. Rivera"));
    }
}
