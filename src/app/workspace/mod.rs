//! One teacher's workspace: the loaded file, the tab, and the selection in each list.

use crate::app::list::{List, NEAR_END};
use crate::model::{Focus, Kind, LocalTime, TeacherFile, local_day};
use chrono::NaiveDate;
use std::borrow::Cow;

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

/// One line of the timeline: any record, or a marker for a focus or goal change.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// When; a record of a day alone (a check-in, a measure, a marker) is at its noon.
    pub at: LocalTime,
    pub kind: Kind,
    pub id: String,
    /// A change of focus or goal, drawn as a marker.
    pub marker: bool,
    pub summary: String,
}

/// Everything of a teacher, newest first, with focus and goal changes as markers.
pub fn timeline(file: &TeacherFile) -> Vec<Entry> {
    let noon = |day: NaiveDate| {
        file.zone
            .at_wall(day.and_hms_opt(12, 0, 0).unwrap_or_default())
    };
    let mut entries = Vec::new();
    for focus in &file.focuses {
        entries.push(Entry {
            at: noon(focus.started_on),
            kind: Kind::Focus,
            id: focus.meta.id.clone(),
            marker: true,
            summary: format!("◆ focus set: {}", focus.statement),
        });
        if let (Some(ended), Some(outcome)) = (focus.ended_on, focus.outcome) {
            entries.push(Entry {
                at: noon(ended),
                kind: Kind::Focus,
                id: focus.meta.id.clone(),
                marker: true,
                summary: format!("◇ focus {outcome}: {}", focus.statement),
            });
        }
    }
    for goal in &file.goals {
        // The day the goal was set where the coach is, not the UTC day of its stamp.
        if let Some(day) = local_day(&goal.meta.created_at, file.zone) {
            entries.push(Entry {
                at: noon(day),
                kind: Kind::Goal,
                id: goal.meta.id.clone(),
                marker: true,
                summary: format!("◆ goal ({}): {}", goal.status, goal.statement),
            });
        }
    }
    for measure in &file.measures {
        let unit = file
            .goals
            .iter()
            .find(|g| g.meta.id == measure.goal_id)
            .map_or("", |g| g.unit.as_str());
        entries.push(Entry {
            at: noon(measure.measured_on),
            kind: Kind::Measure,
            id: measure.meta.id.clone(),
            marker: false,
            summary: format!("measured {} {}", measure.shown(unit), measure.note),
        });
    }
    for observation in &file.observations {
        let rating = observation
            .rating
            .map(|r| format!("rated {} · ", r.value()))
            .unwrap_or_default();
        let private = if observation.private {
            "private · "
        } else {
            ""
        };
        entries.push(Entry {
            at: observation.observed_at,
            kind: Kind::Observation,
            id: observation.meta.id.clone(),
            marker: false,
            summary: format!("{private}{rating}{}", first_line(&observation.evidence)),
        });
    }
    for check_in in &file.check_ins {
        entries.push(Entry {
            at: noon(check_in.held_on),
            kind: Kind::CheckIn,
            id: check_in.meta.id.clone(),
            marker: false,
            summary: format!(
                "{} check-in · {}",
                check_in.kind,
                first_line(&check_in.notes)
            ),
        });
    }
    let shared = file
        .observations
        .iter()
        .map(|o| {
            (
                Kind::Observation,
                &o.meta.id,
                o.feedback_shared_at,
                &o.feedback_next_step,
            )
        })
        .chain(file.check_ins.iter().map(|c| {
            (
                Kind::CheckIn,
                &c.meta.id,
                c.feedback_shared_at,
                &c.feedback_next_step,
            )
        }));
    for (kind, id, at, next_step) in shared {
        if let Some(at) = at {
            entries.push(Entry {
                at,
                kind,
                id: id.clone(),
                marker: false,
                summary: format!(
                    "Feedback shared {} · next step: {}",
                    at.format("%-d %b"),
                    first_line(next_step)
                ),
            });
        }
    }
    for support in &file.supports {
        let private = if support.private { "private · " } else { "" };
        entries.push(Entry {
            at: noon(support.given_on),
            kind: Kind::Support,
            id: support.meta.id.clone(),
            marker: false,
            summary: format!(
                "▲ {private}{} by {} · {}",
                support.kind.label(),
                support.given_by,
                first_line(&support.note)
            ),
        });
    }
    for action in &file.actions {
        if let Some(done) = action.done_on {
            entries.push(Entry {
                at: noon(done),
                kind: Kind::Action,
                id: action.meta.id.clone(),
                marker: false,
                summary: format!("✔ {} ({})", action.what, action.owner),
            });
        }
    }
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    // While older observations are not loaded yet, stop where they stop, so nothing older
    // shows out of order; scrolling down loads the next page.
    if !file.all_observations
        && let Some(oldest) = file.observations.last()
    {
        entries.retain(|entry| entry.at >= oldest.observed_at);
    }
    entries
}

/// The first line of a note.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// Which entries the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    Everything,
    Observations,
    CheckIns,
    Actions,
    Supports,
    Measures,
    /// Focus and goal changes only.
    Changes,
}

impl Show {
    const ORDER: [Show; 7] = [
        Show::Everything,
        Show::Observations,
        Show::CheckIns,
        Show::Actions,
        Show::Supports,
        Show::Measures,
        Show::Changes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Show::Everything => "everything",
            Show::Observations => "observations",
            Show::CheckIns => "check-ins",
            Show::Actions => "actions done",
            Show::Supports => "supports",
            Show::Measures => "measures",
            Show::Changes => "focus and goal changes",
        }
    }

    pub fn next(self) -> Show {
        let index = Show::ORDER.iter().position(|s| *s == self).unwrap_or(0);
        Show::ORDER[(index + 1) % Show::ORDER.len()]
    }

    fn keeps(self, entry: &Entry) -> bool {
        match self {
            Show::Everything => true,
            Show::Observations => entry.kind == Kind::Observation,
            Show::CheckIns => entry.kind == Kind::CheckIn,
            Show::Actions => entry.kind == Kind::Action,
            Show::Supports => entry.kind == Kind::Support,
            Show::Measures => entry.kind == Kind::Measure,
            Show::Changes => entry.marker,
        }
    }
}

/// The timeline's filter: a kind and a date range (either end open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineFilter {
    pub show: Show,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl TimelineFilter {
    pub fn is_set(&self) -> bool {
        *self != TimelineFilter::default()
    }

    /// "observations · 1 Oct 2026 – 23 Nov 2026"
    pub fn describe(&self) -> String {
        let range = match (self.from, self.to) {
            (None, None) => String::new(),
            (from, to) => format!(
                " · {} – {}",
                from.map_or("start".into(), |d| d.format("%-d %b %Y").to_string()),
                to.map_or("now".into(), |d| d.format("%-d %b %Y").to_string())
            ),
        };
        format!("{}{range}", self.show.label())
    }

    fn keeps(&self, entry: &Entry) -> bool {
        let day = entry.at.date();
        self.show.keeps(entry)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
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
