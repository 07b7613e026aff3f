//! The capture screen: who and what focus, the look-fors and tallies, and the evidence
//! lines stamped as they are typed.

use super::header::two_sided;
use super::{theme, wrap};
use crate::app::App;
use crate::app::capture::Capture;
use crate::app::keymap;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn render(app: &App, capture: &Capture, frame: &mut Frame, area: Rect) {
    let visit = &capture.visit;
    let width = usize::from(area.width);
    let look_fors = look_for_rows(capture, width);
    let tallies = tally_rows(capture, width);
    let [header, focus, look_for_area, tally_area, evidence] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::try_from(look_fors.len()).unwrap_or(1)),
        Constraint::Length(u16::try_from(tallies.len()).unwrap_or(1)),
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
        (false, Some(_)) => Span::styled("draft saved", theme::ok()),
        _ => Span::styled("saving draft…", theme::warn()),
    };
    let finish = keymap::key_for(keymap::Context::Capture, keymap::Msg::FinishCapture);
    let right = vec![
        saved,
        Span::styled(format!(" · {finish} finish"), theme::dim()),
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
                theme::error().add_modifier(ratatui::style::Modifier::BOLD),
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
    let label = " Focus      ";
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label, theme::dim()),
            Span::raw(
                text::truncate(&focus_text, width.saturating_sub(text::width(label))).into_owned(),
            ),
        ])),
        focus,
    );
    frame.render_widget(Paragraph::new(look_fors), look_for_area);
    frame.render_widget(Paragraph::new(tallies), tally_area);
    render_evidence(app, capture, frame, evidence);
}

/// Every look-for with its number and tick, wrapping under the label (never cut off).
fn look_for_rows(capture: &Capture, width: usize) -> Vec<Line<'static>> {
    let visit = &capture.visit;
    let mut marks: Vec<Vec<Span<'static>>> = Vec::new();
    if visit.look_fors.is_empty() {
        marks.push(vec![Span::styled("none on this focus", theme::dim())]);
    }
    for (index, (look_for, seen)) in visit.look_fors.iter().zip(&visit.seen).enumerate() {
        let (mark, style) = if *seen {
            ("✔", theme::ok())
        } else {
            ("☐", Default::default())
        };
        marks.push(vec![Span::styled(
            format!("{mark} {} {}", index + 1, text::line(look_for)),
            style,
        )]);
    }
    let marking = keymap::key_range(
        keymap::Context::Capture,
        keymap::Msg::LookFor(0),
        keymap::Msg::LookFor(8),
    );
    marks.push(vec![Span::styled(format!("({marking})"), theme::dim())]);
    wrap::pieces(
        vec![Span::styled(" Look-fors  ", theme::dim())],
        marks,
        3,
        width,
    )
}

/// The tallies, each after its key ("Alt-a students on task 19/28"), wrapping like the
/// look-fors.
fn tally_rows(capture: &Capture, width: usize) -> Vec<Line<'static>> {
    let key = |n: usize| {
        let n = u8::try_from(n).unwrap_or(u8::MAX);
        keymap::key_for(keymap::Context::Capture, keymap::Msg::Tally(n))
    };
    let mut counts: Vec<Vec<Span<'static>>> = capture
        .visit
        .tally_defs()
        .iter()
        .zip(&capture.visit.tallies)
        .enumerate()
        .map(|(index, (tally, count))| {
            // Not counted yet: a dash, so that a zero on screen is one the coach counted.
            let counted = capture.visit.counted.get(index).copied().unwrap_or(false);
            let shown = if *count == 0 && !counted {
                "–".to_string()
            } else {
                tally.shown(*count)
            };
            vec![
                Span::styled(format!("{} ", key(index)), theme::dim()),
                Span::raw(format!("{} {shown}", text::line(&tally.name))),
            ]
        })
        .collect();
    counts.push(vec![Span::styled("(Shift −1)", theme::dim())]);
    wrap::pieces(
        vec![Span::styled(" Tallies    ", theme::dim())],
        counts,
        3,
        width,
    )
}

/// The stamped lines, newest at the bottom, each wrapped under its text (not under its
/// time), and the line being typed below them: what stays in view is counted in rows,
/// so a wrapped line never pushes the newest one out of sight.
fn render_evidence(app: &App, capture: &Capture, frame: &mut Frame, area: Rect) {
    const STAMP: u16 = 7;
    let block = Block::bordered()
        .title(" Evidence ")
        .border_style(theme::accent());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_width = usize::from(inner.width.saturating_sub(STAMP));
    let mut rows: Vec<Line> = Vec::new();
    for (at, line) in &capture.visit.lines {
        for (index, row) in wrap::words(&text::line(line), text_width)
            .into_iter()
            .enumerate()
        {
            let stamp = if index == 0 {
                format!("{}  ", at.format("%H:%M"))
            } else {
                " ".repeat(usize::from(STAMP))
            };
            rows.push(Line::from(vec![
                Span::styled(stamp, theme::dim()),
                Span::raw(row),
            ]));
        }
    }
    // Keep the newest rows and one for the line being typed.
    let room = usize::from(inner.height.saturating_sub(1));
    if rows.len() > room {
        rows.drain(..rows.len() - room);
    }
    let typed_row = inner.y + u16::try_from(rows.len()).unwrap_or(0);
    frame.render_widget(Paragraph::new(rows), inner);
    if typed_row < inner.y + inner.height {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{}  ", app.now.format("%H:%M")),
                theme::dim(),
            )),
            Rect::new(inner.x, typed_row, STAMP, 1),
        );
        frame.render_widget(
            &capture.input.editor,
            Rect::new(
                inner.x + STAMP,
                typed_row,
                inner.width.saturating_sub(STAMP),
                1,
            ),
        );
    }
}
