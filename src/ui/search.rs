//! The search popup: the words typed, then the notes found under each teacher's name,
//! each on one line with its kind, date and the words around the match.

use super::theme;
use crate::app::search::{Row, Search};
use crate::model::Hit;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

/// Columns before a note's excerpt: the selection mark, kind, date and their gaps.
fn match_style() -> Style {
    theme::key().add_modifier(Modifier::UNDERLINED)
}

const LEAD: usize = 1 + 1 + 11 + 1 + 11 + 2;

pub fn render(search: &Search, frame: &mut Frame, area: Rect) {
    // A screen of its own over the whole body: the results want every line.
    frame.render_widget(Clear, area);
    let count = match search.hits().len() {
        _ if !search.has_words() => String::new(),
        _ if search.is_cut() => format!(" best {} notes ", search.hits().len()),
        1 => " 1 note ".to_string(),
        n => format!(" {n} notes "),
    };
    let block = Block::bordered()
        .title(" Search all notes ")
        .title_bottom(Line::from(count).right_aligned())
        .border_style(theme::accent());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, results] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Find ", theme::dim()),
            Span::raw(text::line(&search.query).into_owned()),
            Span::styled("▏", theme::accent()),
        ])),
        input,
    );

    if search.hits().is_empty() {
        let hint = if search.has_words() {
            format!(
                "No note holds \"{}\". Fewer or shorter words find more.",
                text::line(search.query.trim())
            )
        } else {
            "Type words from any note: evidence, check-ins, goals, focuses, actions. \
             Every word must be there; a word also finds longer ones (explai finds explained)."
                .to_string()
        };
        let [_, hint_area, _] = Layout::horizontal([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(results);
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme::dim())
                .wrap(Wrap { trim: true }),
            hint_area,
        );
        return;
    }

    let width = usize::from(results.width);
    let items: Vec<ListItem> = search
        .rows()
        .into_iter()
        .map(|row| match row {
            Row::Teacher(hit) => teacher_line(hit),
            Row::Note(hit) => note_line(hit, width.saturating_sub(LEAD)),
        })
        .map(ListItem::new)
        .collect();
    let mut state = ListState::default().with_selected(search.selected_row());
    frame.render_stateful_widget(
        List::new(items)
            .highlight_symbol("▶")
            .highlight_style(theme::selected()),
        results,
        &mut state,
    );
}

fn teacher_line(hit: &Hit) -> Line<'static> {
    let mut spans = vec![Span::styled(
        text::line(&hit.teacher_name).into_owned(),
        theme::title(),
    )];
    if hit.teacher_archived {
        spans.push(Span::styled(" · archived", theme::warn()));
    }
    Line::from(spans)
}

fn note_line(hit: &Hit, room: usize) -> Line<'static> {
    let mut spans = vec![
        Span::styled(
            format!(" {} ", text::fit(hit.kind.label(), 11)),
            theme::accent(),
        ),
        Span::styled(hit.date.format("%e %b %Y  ").to_string(), theme::dim()),
    ];
    let mut room = room;
    if hit.private {
        spans.push(Span::styled("private ", theme::warn()));
        room = room.saturating_sub(8);
    }
    spans.extend(excerpt(hit, room));
    Line::from(spans)
}

/// The excerpt in `room` columns, matched words styled. When the first match would fall
/// past the first third, words before it are dropped (`…`) to bring it into view.
fn excerpt(hit: &Hit, room: usize) -> Vec<Span<'static>> {
    let mut parts: Vec<(String, bool)> = hit
        .excerpt_parts()
        .into_iter()
        .map(|(part, matched)| (text::line(part).into_owned(), matched))
        .collect();
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some((lead, false)) = parts.first_mut()
        && text::width(lead) > room / 3
    {
        *lead = lead_in(lead, room / 3);
        spans.push(Span::raw("…"));
        used = 1;
    }
    for (part, matched) in parts {
        let part = part.as_str();
        if part.is_empty() {
            continue;
        }
        let left = room.saturating_sub(used);
        if left == 0 {
            break;
        }
        let shown = text::truncate(part, left);
        let cut = matches!(shown, std::borrow::Cow::Owned(_));
        let shown = shown.into_owned();
        used += text::width(&shown);
        spans.push(Span::styled(
            shown,
            if matched {
                match_style()
            } else {
                Style::default()
            },
        ));
        if cut {
            break;
        }
    }
    spans
}

/// The last whole words of `text` that fit in `width` columns, with the space after them.
fn lead_in(text: &str, width: usize) -> String {
    let words = text.trim_end();
    words
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(at, c)| &text[at + c.len_utf8()..])
        .find(|rest| text::width(rest) <= width)
        .unwrap_or(&text[words.len()..])
        .to_string()
}
