//! The conference brief inside the app: read on screen, or written to a file to print
//! or take into the meeting (HTML or Markdown), private notes left out.

use super::{App, Popup};
use crate::export::{self, Options};
use crate::text;
use std::path::{Path, PathBuf};

/// The brief on screen.
#[derive(Debug, Clone)]
pub struct Brief {
    pub teacher_id: String,
    pub teacher_name: String,
    /// The brief as Markdown, as it is written to a file; the screen lays it out.
    pub markdown: String,
    /// The first line in view.
    pub scroll: u16,
}

/// What a line of the brief on screen is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Title,
    Heading,
    /// A table's header row and the rule under it.
    TableHeader,
    Text,
    /// Lines that frame the rest: the rule and the closing note.
    Quiet,
}

/// One line of the brief as laid out for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefLine {
    pub look: Look,
    pub text: String,
}

/// The columns and rows the brief's text gets on a body `width` × `height` (the screen
/// less its status and footer lines): a bordered popup at most 100 wide.
pub fn text_size(width: u16, height: u16) -> (u16, u16) {
    let popup = width.saturating_sub(2).min(100);
    (popup.saturating_sub(2), height.saturating_sub(2))
}

impl Brief {
    /// The brief laid out in `width` columns: headings, tables with aligned columns
    /// (cells wrapped inside them), lists and paragraphs wrapped under themselves.
    pub fn lines(&self, width: usize) -> Vec<BriefLine> {
        layout(&self.markdown, width)
    }
}

/// Markdown's escapes and emphasis taken off, for the screen.
fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
            }
            c => out.push(c),
        }
    }
    let trimmed = out.trim();
    // A whole line in italics is a note: `*…*`.
    match trimmed.strip_prefix('*').and_then(|t| t.strip_suffix('*')) {
        Some(inner) => inner.to_string(),
        None => out,
    }
}

/// The cells of a table row `| a | b \| c |`, escaped pipes kept inside their cell.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '|' => cells.push(plain(std::mem::take(&mut current).trim())),
            c => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        cells.push(plain(current.trim()));
    }
    cells
}

/// A table laid out in `width` columns: each column as wide as its widest cell, the
/// widest ones narrowed until the table fits, cells wrapped inside their column.
fn table(rows: &[Vec<String>], width: usize, lines: &mut Vec<BriefLine>) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| text::width(cell))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let gaps = 2 * (columns - 1);
    while widths.iter().sum::<usize>() + gaps > width {
        let Some((widest, _)) = widths.iter().enumerate().max_by_key(|(_, w)| **w) else {
            break;
        };
        if widths[widest] <= 4 {
            break;
        }
        widths[widest] -= 1;
    }
    for (index, row) in rows.iter().enumerate() {
        let wrapped: Vec<Vec<String>> = (0..columns)
            .map(|c| text::wrap(row.get(c).map_or("", String::as_str), widths[c]))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let look = if index == 0 {
            Look::TableHeader
        } else {
            Look::Text
        };
        for at in 0..height {
            let line: Vec<String> = wrapped
                .iter()
                .zip(&widths)
                .map(|(cell, width)| {
                    text::fit(cell.get(at).map_or("", String::as_str), *width).into_owned()
                })
                .collect();
            lines.push(BriefLine {
                look,
                text: line.join("  ").trim_end().to_string(),
            });
        }
        if index == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            lines.push(BriefLine {
                look: Look::TableHeader,
                text: rule.join("  "),
            });
        }
    }
}

/// `text` wrapped in `width` columns after `lead`, the next lines indented under the text.
fn hanging(lead: &str, body: &str, width: usize, look: Look, lines: &mut Vec<BriefLine>) {
    let indent = text::width(lead);
    for (index, line) in text::wrap(body, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
    {
        let lead = if index == 0 {
            lead.to_string()
        } else {
            " ".repeat(indent)
        };
        lines.push(BriefLine {
            look,
            text: format!("{lead}{line}"),
        });
    }
}

/// The brief's Markdown laid out for the terminal.
fn layout(markdown: &str, width: usize) -> Vec<BriefLine> {
    let width = width.max(10);
    let mut lines = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for raw in text::block(markdown).lines() {
        let trimmed = raw.trim_start();
        if trimmed.starts_with('|') {
            // The rule under a table's header says nothing on screen.
            if !trimmed
                .trim_matches(|c| matches!(c, '|' | '-' | ':' | ' '))
                .is_empty()
            {
                rows.push(cells(trimmed));
            }
            continue;
        }
        if !rows.is_empty() {
            table(&rows, width, &mut lines);
            rows.clear();
        }
        let indent = raw.len() - trimmed.len();
        let pad = " ".repeat(indent);
        if let Some(title) = trimmed.strip_prefix("# ") {
            hanging("", &plain(title), width, Look::Title, &mut lines);
        } else if let Some(heading) = trimmed.strip_prefix("## ") {
            hanging("", &plain(heading), width, Look::Heading, &mut lines);
        } else if trimmed == "---" {
            lines.push(BriefLine {
                look: Look::Quiet,
                text: "─".repeat(width.min(40)),
            });
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            // A task list's boxes drawn as the app draws actions.
            let (mark, item) = match (item.strip_prefix("[ ] "), item.strip_prefix("[x] ")) {
                (Some(open), _) => ("☐ ", open),
                (_, Some(done)) => ("✔ ", done),
                _ => ("• ", item),
            };
            hanging(
                &format!("{pad}{mark}"),
                &plain(item),
                width,
                Look::Text,
                &mut lines,
            );
        } else if let Some((number, item)) = trimmed
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            hanging(
                &format!("{pad}{number}. "),
                &plain(item),
                width,
                Look::Text,
                &mut lines,
            );
        } else if trimmed.is_empty() {
            lines.push(BriefLine {
                look: Look::Text,
                text: String::new(),
            });
        } else {
            let look = if trimmed.starts_with('*') && !trimmed.starts_with("**") {
                Look::Quiet
            } else {
                Look::Text
            };
            hanging(&pad, &plain(trimmed), width, look, &mut lines);
        }
    }
    if !rows.is_empty() {
        table(&rows, width, &mut lines);
    }
    while lines.last().is_some_and(|l| l.text.is_empty()) {
        lines.pop();
    }
    lines
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
        self.write_out(&stem, extension, &contents);
    }

    /// Writes `contents` to a new owner-only file `stem.extension` in the briefs folder
    /// (never over a file there), and says where.
    pub(super) fn write_out(&mut self, stem: &str, extension: &str, contents: &str) {
        match self.write_private_out(stem, extension, contents) {
            Ok(path) => self.say_path(("Wrote ", &path, " (readable by you only)"), false),
            Err(error) => self.warn(error),
        }
    }

    /// Writes `contents` as [`App::write_out`] does; returns where, or why not.
    pub(super) fn write_private_out(
        &self,
        stem: &str,
        extension: &str,
        contents: &str,
    ) -> Result<PathBuf, String> {
        let Some(folder) = folder(&self.config) else {
            return Err("cannot find a folder to write to; set briefs_folder in the config".into());
        };
        let path = free_name(&folder, stem, extension);
        match crate::private_file::write(&path, contents.as_bytes(), false) {
            Ok(()) => Ok(path),
            Err(error) => Err(format!("cannot write {}: {error}", path.display())),
        }
    }

    pub(super) fn scroll_brief(&mut self, msg: super::Msg) {
        use super::Msg;
        // The brief as the screen lays it out now: its last page is its real end.
        let (width, height) = text_size(self.size.0, self.size.1.saturating_sub(2));
        let page = height.saturating_sub(1).max(1);
        if let Some(Popup::Brief(brief)) = self.popups.last_mut() {
            let total = brief.lines(usize::from(width)).len();
            let last = u16::try_from(total)
                .unwrap_or(u16::MAX)
                .saturating_sub(height);
            brief.scroll = match msg {
                Msg::Up => brief.scroll.saturating_sub(1),
                Msg::Down => brief.scroll.saturating_add(1),
                Msg::PageUp => brief.scroll.saturating_sub(page),
                Msg::PageDown => brief.scroll.saturating_add(page),
                Msg::Top => 0,
                Msg::Bottom => last,
                _ => brief.scroll,
            }
            .min(last);
        }
    }
}
