//! The conference brief inside the app: read on screen, or written to a file to print
//! or take into the meeting (HTML or Markdown), private notes left out.

use super::{App, Popup};
use crate::export::{self, Options};
use crate::text;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The brief on screen.
#[derive(Debug, Clone)]
pub struct Brief {
    pub teacher_id: String,
    pub teacher_name: String,
    /// The brief as Markdown, shown as text.
    pub markdown: String,
    pub scroll: u16,
}

/// The format a brief is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

/// A new file in `folder` named for the teacher and day, never one that exists already.
fn free_name(folder: &Path, stem: &str, extension: &str) -> PathBuf {
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " ,.-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut path = folder.join(format!("{clean}.{extension}"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{clean} ({n}).{extension}"));
        n += 1;
    }
    path
}

/// Where briefs are written: the config's `briefs_folder`, else the documents folder,
/// else home.
pub fn folder(config: &crate::config::Config) -> Option<PathBuf> {
    if let Some(folder) = &config.briefs_folder {
        return Some(folder.clone());
    }
    let dirs = directories::UserDirs::new()?;
    // A relative HOME would put briefs in whatever folder coachlog started in.
    Some(dirs.document_dir().unwrap_or(dirs.home_dir()).to_path_buf()).filter(|f| f.is_absolute())
}

/// Writes `contents` to a new owner-only file.
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

impl App {
    /// Opens the brief of the teacher in the workspace (the whole history is read).
    pub(super) fn show_brief(&mut self) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let mut file = workspace.file.clone();
        if let Err(error) = self.store.load_all_observations(&mut file) {
            return self.warn(format!("cannot read the teacher's history: {error}"));
        }
        let options = Options::new(self.now.date());
        let brief = Brief {
            teacher_id: file.teacher.meta.id.clone(),
            teacher_name: file.teacher.name.clone(),
            markdown: export::markdown(&file, &options),
            scroll: 0,
        };
        self.popups.push(Popup::Brief(Box::new(brief)));
    }

    /// Writes the brief on screen to a file and says where.
    pub(super) fn write_brief(&mut self, format: Format) {
        let Some(Popup::Brief(brief)) = self.popups.last() else {
            return;
        };
        let teacher_id = brief.teacher_id.clone();
        let name = brief.teacher_name.clone();
        let file = match self.store.teacher_file(&teacher_id) {
            Ok(Some(mut file)) => match self.store.load_all_observations(&mut file) {
                Ok(()) => file,
                Err(error) => {
                    return self.warn(format!("cannot read the teacher's history: {error}"));
                }
            },
            Ok(None) => return self.warn("That teacher is no longer there"),
            Err(error) => return self.warn(format!("cannot read the teacher: {error}")),
        };
        let Some(folder) = folder(&self.config) else {
            return self.warn("cannot find a folder to write to; set briefs_folder in the config");
        };
        let options = Options::new(self.now.date());
        let (contents, extension) = match format {
            Format::Html => (export::html(&file, &options), "html"),
            Format::Markdown => (export::markdown(&file, &options), "md"),
        };
        let stem = format!(
            "{} brief {}",
            text::line(&name),
            self.now.format("%Y-%m-%d")
        );
        let path = free_name(&folder, &stem, extension);
        match write_private(&path, &contents) {
            Ok(()) => self.say(format!("Wrote {} (readable by you only)", path.display())),
            Err(error) => self.warn(format!("cannot write {}: {error}", path.display())),
        }
    }

    pub(super) fn scroll_brief(&mut self, msg: super::Msg) {
        use super::Msg;
        let page = super::list::PAGE as u16;
        if let Some(Popup::Brief(brief)) = self.popups.last_mut() {
            // The last page as written; long lines wrap, so there may be a little more.
            let last = u16::try_from(brief.markdown.lines().count())
                .unwrap_or(u16::MAX)
                .saturating_sub(page);
            brief.scroll = match msg {
                Msg::Up => brief.scroll.saturating_sub(1),
                Msg::Down => brief.scroll.saturating_add(1),
                Msg::PageUp => brief.scroll.saturating_sub(page),
                Msg::PageDown => brief.scroll.saturating_add(page),
                Msg::Top => 0,
                Msg::Bottom => last,
                _ => brief.scroll,
            };
        }
    }
}
