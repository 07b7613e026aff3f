//! Walkthrough rounds: the list, and one round with its classrooms, marks and summary.

use super::theme;
use crate::app::App;
use crate::app::keymap;
use crate::app::rounds::Rounds;
use crate::model::PracticeMark;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

/// The selected row's mark, seen without colour.
const MARKER: &str = "▸ ";

pub fn render(app: &App, rounds: &Rounds, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" Walkthrough rounds · {}", today.format("%a %-d %b %Y")),
            theme::title(),
        )),
        header,
    );
    let Some(round) = &rounds.open else {
        if rounds.list.is_empty() {
            let hint = format!(
                "No rounds yet. After professional learning, {} starts a round: one practice, \
                 the classrooms to visit, and a mark for each (seen, partly, not seen).",
                keymap::key_for(keymap::Context::Rounds, keymap::Msg::Add)
            );
            frame.render_widget(
                Paragraph::new(hint)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(" Rounds ")),
                body,
            );
            return;
        }
        // The practice takes what the day and the count leave, cut with "…".
        let room = usize::from(body.width.saturating_sub(4));
        let items: Vec<ListItem> = rounds
            .list
            .iter()
            .map(|w| {
                let count = match w.teacher_ids.len() {
                    1 => "  · 1 classroom".to_string(),
                    n => format!("  · {n} classrooms"),
                };
                let day = w.held_on.format("%e %b %Y  ").to_string();
                let practice = text::line(&w.practice);
                let fits = room.saturating_sub(text::width(&day) + text::width(&count));
                ListItem::new(Line::from(vec![
                    Span::styled(day, theme::dim()),
                    Span::raw(text::truncate(&practice, fits).into_owned()),
                    Span::styled(count, theme::dim()),
                ]))
            })
            .collect();
        let height = usize::from(body.height.saturating_sub(2));
        let start = rounds.selected.visible_range(height).start;
        app.hits.add_lines(body, start, items.len());
        let mut state = ListState::default()
            .with_offset(start)
            .with_selected(rounds.selected.selected());
        frame.render_stateful_widget(
            List::new(items)
                .block(Block::bordered().title(" Rounds "))
                .highlight_style(theme::selected())
                .highlight_symbol(MARKER),
            body,
            &mut state,
        );
        return;
    };

    let [summary, list] = Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(body);
    let names: Vec<String> = round
        .need_support()
        .iter()
        .map(|t| text::line(&t.name).into_owned())
        .collect();
    let tally = round.tally().summary();
    let width = usize::from(summary.width.saturating_sub(2));
    let room = usize::from(summary.height.saturating_sub(2))
        .saturating_sub(super::wrap::words(&tally, width).len());
    let support = if names.is_empty() {
        "nobody so far".to_string()
    } else {
        support_that_fits(&names, width, room)
    };
    let lines = vec![
        Line::styled(tally, theme::title()),
        Line::from(vec![
            Span::styled("Need more support: ", theme::warn()),
            Span::raw(support),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(
                " {} · {} ",
                text::line(&round.walkthrough.practice),
                round.walkthrough.held_on.format("%-d %b")
            ))),
        summary,
    );
    // Names as wide as the widest (within reason); the note takes the rest.
    let name_width = round
        .classrooms
        .iter()
        .map(|(teacher, _)| text::width(&text::line(&teacher.name)))
        .max()
        .unwrap_or(0)
        .clamp(20, usize::from(list.width / 3).max(20));
    // Borders, the marker, the mark and the name come before the note.
    let note_width =
        usize::from(list.width).saturating_sub(2 + text::width(MARKER) + 14 + name_width + 1);
    let items: Vec<ListItem> = round
        .classrooms
        .iter()
        .map(|(teacher, mark)| {
            let (symbol, word, style) = match mark.as_ref().and_then(|o| o.practice_mark) {
                Some(PracticeMark::Seen) => ("✔", "seen", theme::ok()),
                Some(PracticeMark::Partly) => ("◐", "partly", theme::warn()),
                Some(PracticeMark::NotSeen) => ("✗", "not seen", theme::error()),
                None => ("·", "not visited", theme::dim()),
            };
            let note = mark
                .as_ref()
                .map(|o| crate::app::workspace::first_line(&o.evidence).to_string())
                .filter(|n| !n.starts_with("Walkthrough: "))
                .unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::styled(format!("{symbol} {} ", text::fit(word, 11)), style),
                Span::raw(format!(
                    "{} ",
                    text::fit(&text::line(&teacher.name), name_width)
                )),
                Span::styled(
                    text::truncate(&text::line(&note), note_width).into_owned(),
                    theme::dim(),
                ),
            ]))
        })
        .collect();
    let height = usize::from(list.height.saturating_sub(2));
    let start = rounds.classroom.visible_range(height).start;
    app.hits.add_lines(list, start, items.len());
    let mut state = ListState::default()
        .with_offset(start)
        .with_selected(rounds.classroom.selected());
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(" Classrooms "))
            .highlight_style(theme::selected())
            .highlight_symbol(MARKER),
        list,
        &mut state,
    );
}

/// As many of `names` as fit in `rows` rows of `width` after the "Need more support: "
/// label, the rest counted ("…; and 3 more") rather than cut off unseen.
fn support_that_fits(names: &[String], width: usize, rows: usize) -> String {
    let said = |shown: usize| {
        let mut words = names[..shown].join("; ");
        if shown < names.len() {
            let more = names.len() - shown;
            if shown > 0 {
                words.push_str("; ");
            }
            words.push_str(&format!("and {more} more (see below)"));
        }
        words
    };
    (0..=names.len())
        .rev()
        .map(said)
        .find(|words| {
            super::wrap::words(&format!("Need more support: {words}"), width).len() <= rows
        })
        .unwrap_or_else(|| said(0))
}
