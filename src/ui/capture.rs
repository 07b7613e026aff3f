//! The capture screen: who and what focus, the look-fors and tallies, and the evidence
//! lines stamped as they are typed.

use super::header::two_sided;
use super::theme;
use crate::app::App;
use crate::app::capture::{Capture, TALLIES};
use crate::app::keymap;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(app: &App, capture: &Capture, frame: &mut Frame, area: Rect) {
    let visit = &capture.visit;
    let [header, focus, look_fors, tallies, evidence] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let elapsed = app.local_now() - visit.started;
    let clock = format!(
        "{:02}:{:02}",
        elapsed.num_minutes().max(0),
        (elapsed.num_seconds().max(0)) % 60
    );
    let saved = match (capture.unsaved, capture.saved_at) {
        (false, Some(_)) => Span::styled("draft saved", theme::OK),
        _ => Span::styled("saving draft…", theme::WARN),
    };
    let finish = keymap::key_for(keymap::Context::Capture, keymap::Msg::FinishCapture);
    let right = vec![
        saved,
        Span::styled(format!(" · {finish} finish"), theme::DIM),
    ];
    // A long name is cut; the clock after it and the draft state stay whole.
    let around = text::width(&format!(" ● IN ROOM   · {clock}"));
    let right_width: usize = right.iter().map(|s| text::width(&s.content)).sum();
    let room = usize::from(header.width).saturating_sub(around + right_width + 2);
    let name = text::truncate(&text::line(&visit.teacher_name), room).into_owned();
    frame.render_widget(
        Paragraph::new(two_sided(
            vec![Span::styled(
                format!(" ● IN ROOM  {name} · {clock}"),
                theme::ERROR.add_modifier(ratatui::style::Modifier::BOLD),
            )],
            right,
            header.width,
        )),
        header,
    );
    let focus_text = visit
        .focus
        .as_deref()
        .map_or("no active focus".to_string(), |f| {
            text::line(f).into_owned()
        });
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Focus      ", theme::DIM),
            Span::raw(focus_text),
        ])),
        focus,
    );
    let mut marks = vec![Span::styled(" Look-fors  ", theme::DIM)];
    if visit.look_fors.is_empty() {
        marks.push(Span::styled("none on this focus ", theme::DIM));
    }
    for (index, (look_for, seen)) in visit.look_fors.iter().zip(&visit.seen).enumerate() {
        let (mark, style) = if *seen {
            ("✔", theme::OK)
        } else {
            ("☐", Default::default())
        };
        marks.push(Span::styled(
            format!("{mark} {} {}   ", index + 1, text::line(look_for)),
            style,
        ));
    }
    let marking = keymap::key_range(
        keymap::Context::Capture,
        keymap::Msg::LookFor(0),
        keymap::Msg::LookFor(8),
    );
    marks.push(Span::styled(format!("({marking})"), theme::DIM));
    frame.render_widget(Paragraph::new(Line::from(marks)), look_fors);
    let mut counts = vec![Span::styled(" Tallies    ", theme::DIM)];
    for (name, count) in TALLIES.iter().zip(&visit.tallies) {
        counts.push(Span::raw(format!("{name} {count}   ")));
    }
    let tally = |n| keymap::key_for(keymap::Context::Capture, keymap::Msg::Tally(n));
    counts.push(Span::styled(
        format!("({}, {}; Shift −1)", tally(0), tally(1)),
        theme::DIM,
    ));
    frame.render_widget(Paragraph::new(Line::from(counts)), tallies);

    let block = Block::bordered()
        .title(" Evidence ")
        .border_style(theme::ACCENT);
    let inner = block.inner(evidence);
    frame.render_widget(block, evidence);
    let mut lines: Vec<Line> = visit
        .lines
        .iter()
        .map(|(at, line)| {
            Line::from(vec![
                Span::styled(format!("{}  ", at.format("%H:%M")), theme::DIM),
                Span::raw(text::line(line).into_owned()),
            ])
        })
        .collect();
    // Keep the newest lines and the one being typed in view.
    let room = usize::from(inner.height.saturating_sub(1));
    if lines.len() > room {
        lines.drain(..lines.len() - room);
    }
    let typed_row = inner.y + lines.len() as u16;
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if typed_row < inner.y + inner.height {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{}  ", app.now.format("%H:%M")),
                theme::DIM,
            )),
            Rect::new(inner.x, typed_row, 7, 1),
        );
        frame.render_widget(
            &capture.input.editor,
            Rect::new(inner.x + 7, typed_row, inner.width.saturating_sub(7), 1),
        );
    }
}
