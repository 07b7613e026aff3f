//! The school view: its people on one side; coverage, the focuses in play, the latest
//! round on each practice and one goal measure compared on the other.

use super::header::two_sided;
use super::{roster, theme};
use crate::app::App;
use crate::app::keymap::{Context as C, Msg, key_for as key};
use crate::app::school::SchoolView;
use crate::export::school::{coverage, latest_words, people_count, reached_words, target_words};
use crate::model::Role;
use crate::model::school::text_bar;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

/// The selected row's mark, seen without colour.
const MARKER: &str = "▸ ";
/// From this width the two panes stand side by side.
const SIDE_BY_SIDE: u16 = 100;

pub fn render(app: &App, view: &SchoolView, frame: &mut Frame, area: Rect) {
    let summary = &view.summary;
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
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
    let [people, glance] = if body.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(3)]).areas(body)
    };
    render_people(app, view, frame, people);
    render_glance(app, view, frame, glance);
}

fn render_people(app: &App, view: &SchoolView, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let gap = app.config.coverage_gap_days;
    let rows = &view.summary.people;
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
            .block(Block::bordered().title(" People · seen · next check-in "))
            .highlight_style(theme::selected())
            .highlight_symbol(MARKER),
        area,
        &mut state,
    );
}

fn heading(words: impl Into<String>) -> Line<'static> {
    Line::styled(words.into(), theme::title())
}

fn render_glance(app: &App, view: &SchoolView, frame: &mut Frame, area: Rect) {
    let summary = &view.summary;
    let today = app.now.date();
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![Line::raw(
        text::line(&coverage(summary, today)).into_owned(),
    )];
    lines.push(heading("Focuses in play"));
    if summary.focus_groups.is_empty() {
        lines.push(Line::styled("  no one has an active focus", theme::dim()));
    }
    for group in &summary.focus_groups {
        lines.push(Line::raw(format!("  {}", text::line(&group.line()))));
    }
    lines.push(heading("Latest round per practice"));
    if summary.rounds.is_empty() {
        lines.push(Line::styled(
            "  no round has visited this school",
            theme::dim(),
        ));
    }
    for result in &summary.rounds {
        lines.push(Line::from(vec![
            Span::raw(format!("  {} ", text::line(&result.practice))),
            Span::styled(
                format!(
                    "{} · {}",
                    result.held_on.format("%-d %b"),
                    result.rate_words()
                ),
                theme::dim(),
            ),
        ]));
    }
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
            lines.push(heading(format!(
                "{}{which}",
                text::line(&comparison.measure)
            )));
            lines.push(Line::styled(
                format!("  {}", reached_words(comparison)),
                theme::dim(),
            ));
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
                let words = format!("{} / {}", latest_words(line), target_words(line));
                lines.push(Line::from(vec![
                    Span::raw(format!(
                        "  {}",
                        text::fit(&text::line(&line.person), name_width)
                    )),
                    Span::styled(
                        format!("{} ", text_bar(value, line.target, scale, bar_width)),
                        style,
                    ),
                    Span::styled(text::line(&words).into_owned(), theme::dim()),
                ]));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" At a glance ")),
        area,
    );
}
