//! JSON that is safe to print on a terminal: besides what JSON itself must escape, every
//! control character (DEL and C1 too), bidi override, isolate and mark, zero-width space,
//! BOM and line or paragraph separator is written as a `\uXXXX` escape. The text a
//! program reads back is the same; a terminal showing the file obeys none of it.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};
use std::io::{self, Write};

fn needs_escape(c: char) -> bool {
    crate::text::is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Pretty JSON (two-space indent, as `serde_json::to_string_pretty`) with the escapes.
struct Safe(PrettyFormatter<'static>);

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// `value` as pretty JSON with every terminal-unsafe character escaped, and a final
/// newline.
pub(super) fn to_string<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    value
        .serialize(&mut serializer)
        // Plain records with string keys: serialising them cannot fail.
        .expect("records serialise to JSON");
    out.push(b'\n');
    // serde_json writes UTF-8 and the escapes are ASCII.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_and_bidi_character_is_escaped_and_reads_back_the_same() {
        let note = "a\u{1b}[2J b\u{7f} c\u{9b}31m d\u{202e}e\u{2066} f\u{200b}\u{feff}\u{2028} 👩\u{200d}🏫 Zoë";
        let json = to_string(&serde_json::json!({ "note": note }));
        assert_eq!(
            json,
            "{\n  \"note\": \"a\\u001b[2J b\\u007f c\\u009b31m d\\u202ee\\u2066 f\\u200b\\ufeff\\u2028 👩\u{200d}🏫 Zoë\"\n}\n"
        );
        assert!(!json.chars().any(|c| c != '\n' && needs_escape(c)));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["note"], note);
    }

    #[test]
    fn plain_text_is_written_as_serde_json_writes_it() {
        let value = serde_json::json!({ "name": "Lee, \"Min\"", "list": [1, 2], "empty": [] });
        let mut expected = serde_json::to_string_pretty(&value).unwrap();
        expected.push('\n');
        assert_eq!(to_string(&value), expected);
    }
}
