//! One teacher's workspace: the loaded file, the tab, and the selection in each list.

use crate::app::list::{List, NEAR_END};
use crate::model::{Focus, Kind, TeacherFile};
use std::borrow::Cow;

mod timeline;
pub use timeline::{Entry, Show, TimelineFilter, first_line, timeline};

/// The workspace tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Goals,
    Observations,
    CheckIns,
    Actions,
    Timeline,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Goals,
        Tab::Observations,
        Tab::CheckIns,
        Tab::Actions,
        Tab::Timeline,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Goals => "Goals",
            Tab::Observations => "Observations",
            Tab::CheckIns => "Check-ins",
            Tab::Actions => "Actions",
            Tab::Timeline => "Timeline",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The kind of record the tab lists, if it lists one kind.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tab::Goals => Some(Kind::Goal),
            Tab::Observations => Some(Kind::Observation),
            Tab::CheckIns => Some(Kind::CheckIn),
            Tab::Actions => Some(Kind::Action),
            Tab::Overview | Tab::Timeline => None,
        }
    }
}

/// A teacher opened in the workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub file: TeacherFile,
    pub tab: Tab,
    pub filter: TimelineFilter,
    /// Each tab's selection, by record (the Overview's stays empty).
    lists: [List<String>; 6],
    /// How far the detail pane is scrolled, and for which tab and record: another
    /// selection starts at the top of its own detail.
    detail: Option<(Tab, Option<String>, u16)>,
    /// The timeline as last built: building it sorts every record of the teacher (over a
    /// thousand lines at ten years), too slow to do again for each key and each frame.
    /// Built again by `sync` (which follows every change of the file) and when the filter
    /// changed.
    timeline: TimelineCache,
}

/// The timeline of the file, whole and as filtered.
#[derive(Debug, Clone, Default)]
struct TimelineCache {
    everything: Vec<Entry>,
    filter: TimelineFilter,
    shown: Vec<Entry>,
}

impl TimelineCache {
    fn of(file: &TeacherFile, filter: TimelineFilter) -> TimelineCache {
        let mut cache = TimelineCache {
            everything: timeline(file),
            ..TimelineCache::default()
        };
        cache.refilter(filter);
        cache
    }

    fn refilter(&mut self, filter: TimelineFilter) {
        self.filter = filter;
        self.shown = self
            .everything
            .iter()
            .filter(|entry| filter.keeps(entry))
            .cloned()
            .collect();
    }
}

impl Workspace {
    pub fn new(file: TeacherFile) -> Workspace {
        let mut workspace = Workspace {
            file,
            tab: Tab::Overview,
            filter: TimelineFilter::default(),
            lists: Default::default(),
            detail: None,
            timeline: TimelineCache::default(),
        };
        workspace.sync();
        workspace
    }

    pub fn active_focus(&self) -> Option<&Focus> {
        self.file.active_focus()
    }

    /// The timeline as filtered: as built, unless the filter changed since (then built
    /// for this call alone; the next key builds it again for good).
    pub fn timeline(&self) -> Cow<'_, [Entry]> {
        if self.timeline.filter == self.filter {
            Cow::Borrowed(&self.timeline.shown)
        } else {
            Cow::Owned(
                self.timeline
                    .everything
                    .iter()
                    .filter(|entry| self.filter.keeps(entry))
                    .cloned()
                    .collect(),
            )
        }
    }

    /// What identifies each row of `tab`, in order (a timeline entry by its record and
    /// time: a focus shows twice, when set and when ended).
    fn keys(&self, tab: Tab) -> Vec<String> {
        let ids =
            |metas: Vec<&crate::model::Meta>| metas.into_iter().map(|m| m.id.clone()).collect();
        match tab {
            Tab::Overview => Vec::new(),
            Tab::Goals => ids(self.file.goals.iter().map(|r| &r.meta).collect()),
            Tab::Observations => ids(self.file.observations.iter().map(|r| &r.meta).collect()),
            Tab::CheckIns => ids(self.file.check_ins.iter().map(|r| &r.meta).collect()),
            Tab::Actions => ids(self.file.actions.iter().map(|r| &r.meta).collect()),
            Tab::Timeline => self
                .timeline()
                .iter()
                .map(|e| format!("{}/{}/{}", e.kind, e.id, e.at))
                .collect(),
        }
    }

    /// Brings every tab's list up to date with the file and the filter, each keeping its
    /// record selected: called after every change of the file.
    pub fn sync(&mut self) {
        self.timeline = TimelineCache::of(&self.file, self.filter);
        for tab in Tab::ALL {
            let keys = self.keys(tab);
            self.lists[tab.index()].set_items(keys);
        }
    }

    fn sync_tab(&mut self) {
        if self.tab == Tab::Timeline {
            // The timeline's list changes with the filter only, between changes of the file.
            if self.timeline.filter != self.filter {
                self.timeline.refilter(self.filter);
                let keys = self.keys(Tab::Timeline);
                self.lists[Tab::Timeline.index()].set_items(keys);
            }
            return;
        }
        let keys = self.keys(self.tab);
        self.lists[self.tab.index()].set_items(keys);
    }

    /// The current tab's selection and scroll.
    pub fn list(&self) -> &List<String> {
        &self.lists[self.tab.index()]
    }

    /// The current tab's selection, brought up to date with the file first.
    pub fn list_mut(&mut self) -> &mut List<String> {
        self.sync_tab();
        &mut self.lists[self.tab.index()]
    }

    /// How many rows the current tab lists.
    pub fn rows(&self) -> usize {
        match self.tab {
            Tab::Overview => 0,
            Tab::Goals => self.file.goals.len(),
            Tab::Observations => self.file.observations.len(),
            Tab::CheckIns => self.file.check_ins.len(),
            Tab::Actions => self.file.actions.len(),
            Tab::Timeline => self.timeline().len(),
        }
    }

    pub fn selected(&self) -> usize {
        self.list().index().min(self.rows().saturating_sub(1))
    }

    /// Selects the record `id` on the current tab, when it lists it.
    pub fn select_id(&mut self, id: &str) {
        let index = match self.tab {
            Tab::Timeline => self.timeline().iter().position(|e| e.id == id),
            tab => self.keys(tab).iter().position(|key| key == id),
        };
        if let Some(index) = index {
            self.select(index);
        }
    }

    pub fn select(&mut self, index: usize) {
        self.list_mut().select_index(index);
    }

    /// The kind and id of the selected record on the current tab.
    pub fn selected_record(&self) -> Option<(Kind, String)> {
        let index = self.selected();
        match self.tab {
            Tab::Overview => None,
            Tab::Goals => self
                .file
                .goals
                .get(index)
                .map(|r| (Kind::Goal, r.meta.id.clone())),
            Tab::Observations => self
                .file
                .observations
                .get(index)
                .map(|r| (Kind::Observation, r.meta.id.clone())),
            Tab::CheckIns => self
                .file
                .check_ins
                .get(index)
                .map(|r| (Kind::CheckIn, r.meta.id.clone())),
            Tab::Actions => self
                .file
                .actions
                .get(index)
                .map(|r| (Kind::Action, r.meta.id.clone())),
            Tab::Timeline => self.timeline().get(index).map(|e| (e.kind, e.id.clone())),
        }
    }

    /// The first line of the selected record's detail in view (the pane shows as much
    /// of the rest as fits, and never scrolls past the end).
    pub fn detail_scroll(&self) -> u16 {
        match &self.detail {
            Some((tab, id, offset))
                if *tab == self.tab && *id == self.list().selected_id().cloned() =>
            {
                *offset
            }
            _ => 0,
        }
    }

    /// Scrolls the selected record's detail by `delta` lines, at most to `last` (where
    /// its last line is at the bottom of the pane).
    pub fn scroll_detail(&mut self, delta: i32, last: u16) {
        let offset = self.detail_scroll().saturating_add_signed(
            i16::try_from(delta.clamp(-i32::from(i16::MAX), i32::from(i16::MAX))).unwrap_or(0),
        );
        self.detail = Some((
            self.tab,
            self.list().selected_id().cloned(),
            offset.min(last),
        ));
    }

    /// Whether the selection is near the end of a list that has older observations to load.
    pub fn wants_older(&self) -> bool {
        matches!(self.tab, Tab::Observations | Tab::Timeline)
            && !self.file.all_observations
            && self.list().near_end(NEAR_END)
    }

    /// Replaces the file after a change, keeping the tab and each tab's record selected
    /// (a deleted one gives way to its neighbour).
    pub fn reload(&mut self, file: TeacherFile) {
        self.file = file;
        self.sync();
    }
}

mod edit;
mod update;
