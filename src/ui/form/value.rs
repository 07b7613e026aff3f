//! A field's value as a form draws it: what was typed (or its placeholder), the choices
//! of a list, and the rows of a note that are out of view.

use super::*;

/// Draws a field's value; returns how many rows of its text are out of view above and
/// below (only notes scroll).
pub(super) fn render_value(
    field: &Field,
    active: bool,
    now: NaiveDateTime,
    frame: &mut Frame,
    area: Rect,
) -> (usize, usize) {
    if let Some(lines) = option_lines(field, active, area.width) {
        frame.render_widget(Paragraph::new(lines), area);
        return (0, 0);
    }
    let mut hidden = (0, 0);
    match &field.kind {
        Kind::Info(info) => {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    text::truncate(&info.text, usize::from(area.width)).into_owned(),
                    theme::accent(),
                )),
                area,
            );
        }
        Kind::Toggle(toggle) => {
            let text = if toggle.on { "[x] yes" } else { "[ ] no" };
            let style = if active {
                theme::selected()
            } else {
                Style::default()
            };
            frame.render_widget(Paragraph::new(Span::styled(text, style)), area);
        }
        _ => {
            let Some(entry) = field.entry() else {
                return hidden;
            };
            // A date shows what it resolves to, so `fri` or `+14d` can be checked at a
            // glance: beside it when there is room, else on the row below.
            let resolved = resolved(field, now);
            let below = resolved_below(field, now, area.width);
            let [typed, shown] = match (&resolved, below) {
                (Some(_), true) => {
                    let [typed, rest] =
                        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
                    [typed, rest]
                }
                (Some(r), false) => {
                    let width = u16::try_from(text::width(r) + 1).unwrap_or(0);
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(width)])
                        .spacing(1)
                        .areas(area)
                }
                (None, _) => [area, Rect::default()],
            };
            match placeholder(field) {
                // The placeholder starts where typed text would, the cursor on its first
                // letter; typing replaces it.
                Some(placeholder) => {
                    let shown = bracketed(placeholder, usize::from(typed.width));
                    let mut chars = shown.chars();
                    let first = chars.next().map(String::from).unwrap_or_default();
                    let cursor = if active {
                        theme::placeholder().add_modifier(Modifier::REVERSED)
                    } else {
                        theme::placeholder()
                    };
                    frame.render_widget(
                        Paragraph::new(Line::from(vec![
                            Span::styled(first, cursor),
                            Span::styled(chars.as_str().to_owned(), theme::placeholder()),
                        ])),
                        typed,
                    );
                }
                // A one-line value away from the cursor is cut with `…`, not mid-word.
                None if !active && !field.is_multi_line() => {
                    let value = field.text();
                    frame.render_widget(
                        Paragraph::new(
                            text::truncate(&text::line(&value), usize::from(typed.width))
                                .into_owned(),
                        ),
                        typed,
                    );
                }
                None => {
                    let mut editor = entry.editor.clone();
                    if !active {
                        editor.set_cursor_style(Style::default());
                    }
                    frame.render_widget(&editor, typed);
                    if field.is_multi_line() {
                        hidden = rows_out_of_view(&editor, typed.height);
                    }
                }
            }
            if let Some(resolved) = resolved {
                // Short of room, the year goes first, then the text is cut with `…`.
                let room = usize::from(shown.width);
                let resolved = match resolved.rsplit_once(' ') {
                    Some((short, year)) if text::width(&resolved) > room && year.len() == 4 => {
                        text::truncate(short, room).into_owned()
                    }
                    _ => text::truncate(&resolved, room).into_owned(),
                };
                frame.render_widget(Paragraph::new(Span::styled(resolved, theme::dim())), shown);
            }
        }
    }
    hidden
}

/// Rows of a drawn editor's wrapped text above and below the `height` rows in view.
fn rows_out_of_view(editor: &TextArea, height: u16) -> (usize, usize) {
    let top = usize::from(editor.scroll_offset().0);
    // The drawn editor knows its width, so its last row is where its end falls.
    let mut end = editor.clone();
    end.move_cursor(CursorMove::Bottom);
    end.move_cursor(CursorMove::End);
    let rows = end.screen_cursor().row + 1;
    (top, rows.saturating_sub(top + usize::from(height)))
}
