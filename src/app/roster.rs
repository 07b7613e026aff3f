//! The roster: every teacher with what needs attention, filtered as you type.

use crate::model::RosterRow;

#[derive(Debug, Clone, Default)]
pub struct Roster {
    rows: Vec<RosterRow>,
    /// Indexes into `rows` that match the filter.
    visible: Vec<usize>,
    pub filter: String,
    pub filtering: bool,
    pub show_archived: bool,
    selected: usize,
}

impl Roster {
    pub fn new(rows: Vec<RosterRow>) -> Roster {
        let mut roster = Roster::default();
        roster.set_rows(rows);
        roster
    }

    /// Replaces the rows, keeping the same teacher selected when still there.
    pub fn set_rows(&mut self, rows: Vec<RosterRow>) {
        let keep = self.selected_row().map(|r| r.teacher.meta.id.clone());
        self.rows = rows;
        self.refilter();
        if let Some(id) = keep {
            self.select_id(&id);
        }
    }

    /// Every row, whatever the filter.
    pub fn all(&self) -> &[RosterRow] {
        &self.rows
    }

    /// All rows, filtered or not.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    pub fn visible(&self) -> impl Iterator<Item = &RosterRow> {
        self.visible.iter().filter_map(|&i| self.rows.get(i))
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_row(&self) -> Option<&RosterRow> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }

    pub fn select_id(&mut self, id: &str) {
        if let Some(position) = self
            .visible
            .iter()
            .position(|&i| self.rows.get(i).is_some_and(|r| r.teacher.meta.id == id))
        {
            self.selected = position;
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last.max(0)) as usize;
    }

    pub fn type_text(&mut self, text: &str) {
        self.filter.push_str(text);
        self.refilter();
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.refilter();
    }

    pub fn clear_filter(&mut self) {
        self.filter.clear();
        self.filtering = false;
        self.refilter();
    }

    /// A teacher matches when every word typed appears in their name, school, subject or focus.
    fn refilter(&mut self) {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                let haystack = format!(
                    "{} {} {} {}",
                    row.teacher.name,
                    row.teacher.school,
                    row.teacher.subject,
                    row.focus.as_deref().unwrap_or("")
                )
                .to_lowercase();
                words.iter().all(|word| haystack.contains(word))
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }
}
