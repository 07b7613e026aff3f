//! The school view: its people on one side; coverage, the focuses in play, the latest
//! round on each practice and one goal measure compared on the other.

use super::header::two_sided;
use super::wrap::folded;
use super::{roster, scroll, theme};
use crate::app::App;
use crate::app::keymap::{Context as C, Msg, key_for as key};
use crate::app::school::SchoolView;
use crate::export::school::{coverage, latest_words, people_count, reached_words, target_words};
use crate::model::Role;
use crate::model::school::text_bar;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

/// The selected row's mark, seen without colour.
const MARKER: &str = "▸ ";
/// What a comparison's bars show, said under them.
const BAR_LEGEND: &str = "Bars: the latest value, scaled to the largest here; │ is the target.";
/// From this width the two panes stand side by side.
const SIDE_BY_SIDE: u16 = 100;

pub fn render(app: &App, view: &SchoolView, frame: &mut Frame, area: Rect) {
    let summary = &view.summary;
    let [header, people, glance] = areas(area);
    let place = if view.schools.len() > 1 {
        format!(
            "school {} of {} ({} next)",
            view.at + 1,
            view.schools.len(),
            key(C::School, Msg::NextSchool)
        )
    } else {
        String::new()
    };
    frame.render_widget(
        Paragraph::new(two_sided(
            vec![Span::styled(
                format!(" {} · {}", text::line(&summary.name), people_count(summary)),
                theme::title(),
            )],
            vec![Span::styled(place, theme::dim())],
            header.width,
        )),
        header,
    );
    render_people(app, view, frame, people);
    let (lines, _) = glance_lines(app, view, usize::from(glance.width.saturating_sub(2)));
    let keys = (
        key(C::School, Msg::DetailUp),
        key(C::School, Msg::DetailDown),
    );
    scroll::render(
        frame,
        glance,
        Block::bordered().title(" At a glance "),
        lines,
        view.glance,
        (&keys.0, &keys.1),
    );
}

/// The screen's header line, its people's pane and its "At a glance" pane (side by side
/// when wide).
fn areas(area: Rect) -> [Rect; 3] {
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let [people, glance] = if body.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(3)]).areas(body)
    };
    [header, people, glance]
}

/// How far the "At a glance" pane scrolls when the screen is `area` (below the status
/// line, above the footer): at most (where its last line is at the bottom), and to show
/// the goal measure compared from its heading, as far as it can.
pub fn glance_ends(app: &App, view: &SchoolView, area: Rect) -> (u16, u16) {
    let [_, _, glance] = areas(area);
    let (lines, measure) = glance_lines(app, view, usize::from(glance.width.saturating_sub(2)));
    let end = scroll::last_offset(lines.len(), glance);
    (end, u16::try_from(measure).unwrap_or(u16::MAX).min(end))
}

fn render_people(app: &App, view: &SchoolView, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let gap = app.config.coverage_gap_days;
    let rows = &view.summary.people;
    let block = Block::bordered().title(" People · seen · next check-in ");
    if rows.is_empty() {
        // A school known from a readiness review or a person since archived.
        let words = format!(
            "No one here yet: a person added on the roster ({}) with this school shows here.",
            key(C::Roster, Msg::AddTeacher)
        );
        let width = usize::from(area.width.saturating_sub(2));
        let lines = folded(&words, 0, width, theme::dim());
        frame.render_widget(Paragraph::new(lines).block(block), area);
        return;
    }
    let room = usize::from(area.width).saturating_sub(2 + text::width(MARKER));
    let facts: Vec<(String, bool, String, bool)> = rows
        .iter()
        .map(|row| {
            let (seen, late) = roster::seen(row.last_observed, today, gap);
            let (next, due) = roster::next_check_in(row.next_check_in, today);
            (seen, late, next, due)
        })
        .collect();
    let seen_width = facts.iter().map(|f| text::width(&f.0)).max().unwrap_or(0) + 1;
    let next_width = facts.iter().map(|f| text::width(&f.2)).max().unwrap_or(0) + 1;
    let names = rows
        .iter()
        .map(|r| text::width(&text::line(&r.teacher.name)))
        .max()
        .unwrap_or(0);
    let name_width = names.min((room / 2).max(12)) + 1;
    let groups_width = room.saturating_sub(name_width + seen_width + next_width);
    let items: Vec<ListItem> = rows
        .iter()
        .zip(&facts)
        .map(|(row, (seen, late, next, due))| {
            let person = &row.teacher;
            let mut groups = Vec::new();
            if person.role != Role::Teacher {
                groups.push(person.role.label().to_string());
            }
            groups.extend(person.tags.iter().map(|t| format!("#{t}")));
            let style = |urgent: bool| if urgent { theme::error() } else { theme::dim() };
            ListItem::new(Line::from(vec![
                Span::raw(text::fit(&text::line(&person.name), name_width).into_owned()),
                // A column apart from the visits, even when cut.
                Span::styled(
                    format!(
                        "{} ",
                        text::fit(
                            &text::line(&groups.join(" ")),
                            groups_width.saturating_sub(1)
                        )
                    ),
                    theme::dim(),
                ),
                Span::styled(text::fit(seen, seen_width).into_owned(), style(*late)),
                Span::styled(text::fit(next, next_width).into_owned(), style(*due)),
            ]))
        })
        .collect();
    let height = usize::from(area.height.saturating_sub(2));
    let start = view.people.visible_range(height).start;
    let mut state = ListState::default()
        .with_offset(start)
        .with_selected(view.people.selected());
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme::selected())
            .highlight_symbol(MARKER),
        area,
        &mut state,
    );
}

fn heading(words: impl Into<String>) -> Line<'static> {
    Line::styled(words.into(), theme::title())
}

/// Everything the "At a glance" pane holds, folded to `width` columns, and the line where
/// the goal measure compared starts.
fn glance_lines(app: &App, view: &SchoolView, width: usize) -> (Vec<Line<'static>>, usize) {
    let summary = &view.summary;
    let today = app.now.date();
    let mut lines = folded(&coverage(summary, today), 0, width, Style::default());
    lines.push(heading("Focuses in play"));
    if summary.focus_groups.is_empty() {
        lines.push(Line::styled("  no one has an active focus", theme::dim()));
    }
    for group in &summary.focus_groups {
        lines.extend(folded(&group.line(), 2, width, Style::default()));
    }
    lines.push(heading("Latest round per practice"));
    if summary.rounds.is_empty() {
        lines.push(Line::styled(
            "  no round has visited this school",
            theme::dim(),
        ));
    }
    for result in &summary.rounds {
        let (practice, when) = (
            text::line(&result.practice),
            format!(
                "{} · {}",
                result.held_on.format("%-d %b"),
                result.rate_words()
            ),
        );
        if 2 + text::width(&practice) + 1 + text::width(&when) <= width {
            lines.push(Line::from(vec![
                Span::raw(format!("  {practice} ")),
                Span::styled(when, theme::dim()),
            ]));
        } else {
            lines.extend(folded(&practice, 2, width, Style::default()));
            lines.extend(folded(&when, 4, width, theme::dim()));
        }
    }
    let measure_at = lines.len();
    match summary.measures.get(view.measure) {
        None => {
            lines.push(heading("Goal measure compared"));
            lines.push(Line::styled("  no goal here names a measure", theme::dim()));
        }
        Some(comparison) => {
            let which = if summary.measures.len() > 1 {
                format!(
                    " ({} of {}, {} next)",
                    view.measure + 1,
                    summary.measures.len(),
                    key(C::School, Msg::NextTab)
                )
            } else {
                String::new()
            };
            lines.push(heading(format!("Goal measure compared{which}")));
            lines.extend(folded(&comparison.measure, 2, width, Style::default()));
            lines.extend(folded(&reached_words(comparison), 2, width, theme::dim()));
            lines.extend(folded(BAR_LEGEND, 2, width, theme::dim()));
            let scale = comparison.scale();
            let name_width = comparison
                .lines
                .iter()
                .map(|l| text::width(&text::line(&l.person)))
                .max()
                .unwrap_or(0)
                .min(width / 4)
                .max(6)
                + 1;
            let bar_width = (width / 3).clamp(6, 24);
            for line in &comparison.lines {
                let value = line.latest.as_ref().map(|l| l.1);
                let style = if line.reached {
                    theme::ok()
                } else {
                    theme::accent()
                };
                let words = match line.target {
                    Some(_) => format!("{} · target {}", latest_words(line), target_words(line)),
                    None => format!("{} · {}", latest_words(line), target_words(line)),
                };
                let mut spans = vec![
                    Span::raw(format!(
                        "  {}",
                        text::fit(&text::line(&line.person), name_width)
                    )),
                    Span::styled(
                        format!("{} ", text_bar(value, line.target, scale, bar_width)),
                        style,
                    ),
                ];
                // The figures after the bar when they fit, else under it, folded.
                let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
                if used + text::width(&words) <= width {
                    spans.push(Span::styled(text::line(&words).into_owned(), theme::dim()));
                    lines.push(Line::from(spans));
                } else {
                    lines.push(Line::from(spans));
                    lines.extend(folded(&words, 4, width, theme::dim()));
                }
            }
        }
    }
    (lines, measure_at)
}
