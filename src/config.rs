//! Settings a person may change, from `config.toml` in the platform config folder
//! (e.g. `~/.config/coachlog/config.toml`); every setting has a sensible default.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What the config file can say.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Days without an observation before a teacher counts as not seen lately (the
    /// coverage gap on the roster and the agenda).
    pub coverage_gap_days: u32,
    /// Where briefs written from the app go (default: the documents folder, else home).
    pub briefs_folder: Option<PathBuf>,
    /// How many daily backups the app keeps in `backups/` beside the database (0: none).
    pub backups_kept: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            coverage_gap_days: 14,
            briefs_folder: None,
            backups_kept: 14,
        }
    }
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

impl Config {
    /// Reads the config file; a missing file means the defaults, a bad one is an error
    /// that names the file and the problem.
    pub fn load(path: Option<&Path>) -> Result<Config, String> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config::default());
            }
            Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
        };
        let config: Config = toml::from_str(&text).map_err(|error| {
            format!(
                "{} is not a valid coachlog config: {}",
                path.display(),
                error.message()
            )
        })?;
        if !(1..=365).contains(&config.coverage_gap_days) {
            return Err(format!(
                "{}: coverage_gap_days must be between 1 and 365 (it is {})",
                path.display(),
                config.coverage_gap_days
            ));
        }
        if config.backups_kept > 1000 {
            return Err(format!(
                "{}: backups_kept must be between 0 and 1000 (it is {})",
                path.display(),
                config.backups_kept
            ));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_gives_the_defaults_and_a_setting_overrides_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(Config::load(Some(&path)).unwrap().coverage_gap_days, 14);
        std::fs::write(&path, "coverage_gap_days = 10\n").unwrap();
        assert_eq!(Config::load(Some(&path)).unwrap().coverage_gap_days, 10);
    }

    #[test]
    fn a_bad_file_says_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "coverage_gap = 10\n").unwrap();
        let error = Config::load(Some(&path)).unwrap_err();
        assert!(error.contains("is not a valid coachlog config"), "{error}");
        std::fs::write(&path, "coverage_gap_days = 0\n").unwrap();
        assert!(
            Config::load(Some(&path))
                .unwrap_err()
                .contains("between 1 and 365")
        );
    }
}
