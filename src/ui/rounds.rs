//! Walkthrough rounds: the list, and one round with its classrooms, marks and summary.

use super::theme;
use crate::app::App;
use crate::app::rounds::Rounds;
use crate::model::PracticeMark;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

pub fn render(app: &App, rounds: &Rounds, frame: &mut Frame, area: Rect) {
    let today = app.now.date();
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" Walkthrough rounds · {}", today.format("%a %-d %b %Y")),
            theme::TITLE,
        )),
        header,
    );
    let Some(round) = &rounds.open else {
        if rounds.list.is_empty() {
            let hint = "No rounds yet. After professional learning, a starts a round: one practice, \
                        the classrooms to visit, and a mark for each (seen, partly, not seen).";
            frame.render_widget(
                Paragraph::new(hint)
                    .wrap(Wrap { trim: true })
                    .block(Block::bordered().title(" Rounds ")),
                body,
            );
            return;
        }
        let items: Vec<ListItem> = rounds
            .list
            .iter()
            .map(|w| {
                ListItem::new(Line::from(vec![
                    Span::styled(w.held_on.format("%e %b %Y  ").to_string(), theme::DIM),
                    Span::raw(text::line(&w.practice).into_owned()),
                    Span::styled(
                        format!("  · {} classrooms", w.teacher_ids.len()),
                        theme::DIM,
                    ),
                ]))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(rounds.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(Block::bordered().title(" Rounds "))
                .highlight_style(theme::SELECTED),
            body,
            &mut state,
        );
        return;
    };

    let tally = round.tally();
    let visited = tally.visited();
    let [summary, list] = Layout::vertical([Constraint::Length(5), Constraint::Min(3)]).areas(body);
    let support: Vec<String> = round
        .need_support()
        .iter()
        .map(|t| text::line(&t.name).into_owned())
        .collect();
    let lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{} of {visited}", tally.implementing()),
                theme::TITLE,
            ),
            Span::raw(format!(
                " classrooms visited implement it: {} fully, {} partly, {} not seen; {} not visited yet",
                tally.seen, tally.partly, tally.not_seen, tally.not_visited
            )),
        ]),
        Line::from(vec![
            Span::styled("Need more support: ", theme::WARN),
            Span::raw(if support.is_empty() {
                "nobody so far".to_string()
            } else {
                support.join(", ")
            }),
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
    let items: Vec<ListItem> = round
        .classrooms
        .iter()
        .map(|(teacher, mark)| {
            let (symbol, word, style) = match mark.as_ref().and_then(|o| o.practice_mark) {
                Some(PracticeMark::Seen) => ("✔", "seen", theme::OK),
                Some(PracticeMark::Partly) => ("◐", "partly", theme::WARN),
                Some(PracticeMark::NotSeen) => ("✗", "not seen", theme::ERROR),
                None => ("·", "not visited", theme::DIM),
            };
            let note = mark
                .as_ref()
                .map(|o| crate::app::workspace::first_line(&o.evidence).to_string())
                .filter(|n| !n.starts_with("Walkthrough: "))
                .unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::styled(format!("{symbol} {} ", text::fit(word, 11)), style),
                Span::raw(format!("{} ", text::fit(&text::line(&teacher.name), 20))),
                Span::styled(text::line(&note).into_owned(), theme::DIM),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(rounds.classroom));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::bordered().title(" Classrooms "))
            .highlight_style(theme::SELECTED),
        list,
        &mut state,
    );
}
