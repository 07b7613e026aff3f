//! One selection type for every list on screen: the selected record is held by its id, so
//! a reload, a filter or a deletion keeps (or falls next to) the record the user chose,
//! and the index can never point past the list.

use std::cell::Cell;
use std::ops::Range;

/// How many rows PgUp and PgDn move in a list whose height the app does not know.
pub const PAGE: usize = 10;

/// How close to the end a selection is "near the end" (the keyset paging hook).
pub const NEAR_END: usize = 20;

/// A list's selection and scroll: the ids in the order shown, the selected one, and the
/// first row in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List<Id> {
    ids: Vec<Id>,
    /// The selected id (kept while the list is empty, so a reload can find it again).
    selected_id: Option<Id>,
    /// Where `selected_id` is in `ids`: a cache, always in range while `ids` is not empty.
    index: usize,
    /// The first row in view, as last drawn: the view stays put while the selection
    /// moves within it (set while drawing, which sees the list but does not change it).
    offset: Cell<usize>,
}

impl<Id> Default for List<Id> {
    fn default() -> Self {
        List {
            ids: Vec::new(),
            selected_id: None,
            index: 0,
            offset: Cell::new(0),
        }
    }
}

impl<Id: Clone + PartialEq> List<Id> {
    /// A list over `ids` with the first one selected.
    pub fn new(ids: Vec<Id>) -> List<Id> {
        let mut list = List::default();
        list.set_items(ids);
        list
    }

    /// Replaces the ids (after a reload or a new filter): the selected id stays selected
    /// when it is still there, else the row at its old position (the neighbour) is.
    pub fn set_items(&mut self, ids: Vec<Id>) {
        self.ids = ids;
        let found = self
            .selected_id
            .as_ref()
            .and_then(|id| self.ids.iter().position(|i| i == id));
        match found {
            Some(index) => self.index = index,
            // An emptied list keeps the id, to find it again when the rows come back.
            None if self.ids.is_empty() => self.index = 0,
            None => self.select_index(self.index),
        }
        self.offset.set(self.offset.get().min(self.index));
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn ids(&self) -> &[Id] {
        &self.ids
    }

    /// The selected row, if the list has any.
    pub fn selected(&self) -> Option<usize> {
        (!self.ids.is_empty()).then_some(self.index)
    }

    /// The selected row, or 0 in an empty list.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The id of the selected row, if the list has any.
    pub fn selected_id(&self) -> Option<&Id> {
        self.ids.get(self.index)
    }

    /// Selects `id` when the list holds it; says whether it did.
    pub fn select_id(&mut self, id: &Id) -> bool {
        match self.ids.iter().position(|i| i == id) {
            Some(index) => {
                self.select_index(index);
                true
            }
            None => false,
        }
    }

    /// Selects the row at `index` (the last one when past the end).
    pub fn select_index(&mut self, index: usize) {
        self.index = index.min(self.ids.len().saturating_sub(1));
        self.selected_id = self.ids.get(self.index).cloned();
        self.offset.set(self.offset.get().min(self.index));
    }

    /// Selects the row at `index` and scrolls it to the top of the view.
    pub fn select_at_top(&mut self, index: usize) {
        self.select_index(index);
        self.offset.set(self.index);
    }

    /// Moves the selection by `delta` rows, staying in the list.
    pub fn move_by(&mut self, delta: isize) {
        let target = self.index.saturating_add_signed(delta);
        self.select_index(target);
    }

    pub fn page_up(&mut self, page: usize) {
        self.move_by(-(page.max(1) as isize));
    }

    pub fn page_down(&mut self, page: usize) {
        self.move_by(page.max(1) as isize);
    }

    pub fn home(&mut self) {
        self.select_index(0);
    }

    pub fn end(&mut self) {
        self.select_index(usize::MAX);
    }

    /// The first row in view (as last scrolled; `visible_range` keeps the selection in view).
    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    /// The rows a view `height` rows high shows: from the offset, moved just enough to
    /// show the selection, never past the end.
    pub fn visible_range(&self, height: usize) -> Range<usize> {
        let height = height.max(1);
        let mut start = self.offset.get().min(self.index);
        if self.index >= start + height {
            start = self.index + 1 - height;
        }
        start = start.min(self.ids.len().saturating_sub(height));
        self.offset.set(start);
        start..(start + height).min(self.ids.len())
    }

    /// Whether the selection is within `margin` rows of the end: time to read the next page.
    pub fn near_end(&self, margin: usize) -> bool {
        self.index + margin >= self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ids: &[&'static str]) -> List<&'static str> {
        List::new(ids.to_vec())
    }

    #[test]
    fn the_view_stays_put_while_the_selection_moves_back_up_within_it() {
        let ids: Vec<usize> = (0..30).collect();
        let mut list = List::new(ids);
        list.move_by(15);
        assert_eq!(
            list.visible_range(10),
            6..16,
            "scrolled to show row 15 last"
        );
        list.move_by(-1);
        assert_eq!(
            list.visible_range(10),
            6..16,
            "row 14 is in view: nothing scrolls"
        );
        list.move_by(-8);
        assert_eq!(list.visible_range(10), 6..16, "row 6, the first in view");
        list.move_by(-1);
        assert_eq!(
            list.visible_range(10),
            5..15,
            "row 5 scrolls the view by one"
        );
        list.move_by(9);
        assert_eq!(
            list.visible_range(10),
            5..15,
            "and back down to row 14, in view"
        );
    }

    #[test]
    fn an_empty_list_selects_nothing_and_moves_nowhere() {
        let mut list: List<&str> = List::default();
        assert_eq!(list.selected(), None);
        assert_eq!(list.selected_id(), None);
        list.move_by(3);
        list.end();
        list.page_up(PAGE);
        assert_eq!(list.selected(), None);
        assert_eq!(list.visible_range(5), 0..0);
    }

    #[test]
    fn one_item_is_selected_and_stays_selected() {
        let mut list = names(&["smith"]);
        assert_eq!(list.selected_id(), Some(&"smith"));
        list.move_by(-1);
        list.move_by(1);
        list.end();
        assert_eq!(list.selected(), Some(0));
    }

    #[test]
    fn moves_stop_at_either_end() {
        let mut list = names(&["a", "b", "c"]);
        list.move_by(-5);
        assert_eq!(list.selected(), Some(0));
        list.move_by(isize::MAX);
        assert_eq!(list.selected(), Some(2));
        list.move_by(1);
        assert_eq!(list.selected_id(), Some(&"c"));
    }

    #[test]
    fn pages_move_by_the_page_and_clamp() {
        let mut list = List::new((0..25).collect());
        list.page_down(10);
        assert_eq!(list.selected(), Some(10));
        list.page_down(10);
        list.page_down(10);
        assert_eq!(list.selected(), Some(24));
        list.page_up(10);
        assert_eq!(list.selected(), Some(14));
        list.page_up(0);
        assert_eq!(list.selected(), Some(13), "a page is at least one row");
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last() {
        let mut list = names(&["a", "b", "c", "d"]);
        list.end();
        assert_eq!(list.selected_id(), Some(&"d"));
        list.home();
        assert_eq!(list.selected_id(), Some(&"a"));
    }

    #[test]
    fn a_reload_keeps_the_same_id_where_it_moved() {
        let mut list = names(&["brandt", "okafor", "smith"]);
        list.select_id(&"okafor");
        list.set_items(vec!["adams", "brandt", "okafor", "smith"]);
        assert_eq!(list.selected_id(), Some(&"okafor"));
        assert_eq!(list.selected(), Some(2));
    }

    #[test]
    fn a_removed_id_falls_to_its_neighbour() {
        let mut list = names(&["brandt", "okafor", "smith"]);
        list.select_id(&"okafor");
        list.set_items(vec!["brandt", "smith"]);
        assert_eq!(list.selected_id(), Some(&"smith"));
        list.set_items(vec!["brandt"]);
        assert_eq!(
            list.selected_id(),
            Some(&"brandt"),
            "the last row when past the end"
        );
    }

    #[test]
    fn a_filter_and_its_clearing_keep_the_selection() {
        let mut list = names(&["brandt", "okafor", "smith"]);
        list.select_id(&"smith");
        list.set_items(vec!["smith"]);
        list.set_items(vec!["brandt", "okafor", "smith"]);
        assert_eq!(list.selected_id(), Some(&"smith"));
    }

    #[test]
    fn an_emptied_list_finds_the_id_again_when_it_comes_back() {
        let mut list = names(&["brandt", "okafor", "smith"]);
        list.select_id(&"okafor");
        list.set_items(Vec::new());
        assert_eq!(list.selected(), None);
        list.set_items(vec!["brandt", "okafor", "smith"]);
        assert_eq!(list.selected_id(), Some(&"okafor"));
    }

    #[test]
    fn select_id_of_a_missing_record_changes_nothing() {
        let mut list = names(&["a", "b"]);
        list.select_id(&"b");
        assert!(!list.select_id(&"zz"));
        assert_eq!(list.selected_id(), Some(&"b"));
    }

    #[test]
    fn select_index_past_the_end_selects_the_last() {
        let mut list = names(&["a", "b", "c"]);
        list.select_index(99);
        assert_eq!(list.selected_id(), Some(&"c"));
    }

    #[test]
    fn the_view_follows_the_selection_down() {
        let mut list = List::new((0..30).collect());
        assert_eq!(list.visible_range(10), 0..10);
        list.select_index(9);
        assert_eq!(list.visible_range(10), 0..10);
        list.select_index(10);
        assert_eq!(list.visible_range(10), 1..11);
        list.end();
        assert_eq!(list.visible_range(10), 20..30);
    }

    #[test]
    fn the_view_follows_the_selection_up() {
        let mut list = List::new((0..30).collect());
        list.select_at_top(15);
        assert_eq!(list.visible_range(10), 15..25);
        list.move_by(-3);
        assert_eq!(list.visible_range(10), 12..22);
        list.home();
        assert_eq!(list.visible_range(10), 0..10);
    }

    #[test]
    fn the_view_never_runs_past_the_end() {
        let mut list = List::new((0..12).collect());
        list.select_at_top(11);
        assert_eq!(list.visible_range(10), 2..12, "the last page is full");
        assert_eq!(list.visible_range(20), 0..12, "a tall view shows all");
    }

    #[test]
    fn a_shorter_reload_pulls_the_view_back() {
        let mut list = List::new((0..30).collect());
        list.select_at_top(25);
        list.set_items((0..5).collect());
        assert_eq!(list.selected(), Some(4));
        assert_eq!(list.visible_range(10), 0..5);
    }

    #[test]
    fn near_the_end_is_within_the_margin() {
        let mut list = List::new((0..50).collect());
        assert!(!list.near_end(NEAR_END));
        list.select_index(29);
        assert!(!list.near_end(NEAR_END));
        list.select_index(30);
        assert!(list.near_end(NEAR_END));
        assert!(List::<u8>::default().near_end(NEAR_END));
    }
}
