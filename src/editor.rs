//! Editing a note in the user's own editor, through a private temporary file that is
//! removed afterwards (notes are confidential).

use std::io::Write;
use std::process::Command;

/// The editor command: `$VISUAL`, then `$EDITOR`, then `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string())
}

/// Writes `text` to an owner-only temp file, runs `command` on it (through the shell, so
/// `code --wait` works), and returns the edited text. The file is removed in every case.
pub fn edit(command: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("coachlog-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot create a private temp file: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write the temp file: {e}"))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|e| format!("cannot start the editor ({command}): {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor ({command}) exited with {status}; the note was not changed"
        ));
    }
    let edited = std::fs::read_to_string(file.path())
        .map_err(|e| format!("cannot read the edited note: {e}"))?;
    // Text from the editor comes in like any other: cleaned once, at the door.
    crate::text::clean(&edited).map_err(|e| format!("the edited note was not taken: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edited_text_comes_back_and_the_private_file_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen");
        // A stand-in editor: note the file's path and mode, then append a line.
        let editor = format!(
            "sh -c 'echo \"$0\" > {seen}; stat -c %a \"$0\" >> {seen}; echo \"with the editor\" >> \"$0\"'",
            seen = seen.display()
        );
        let edited = edit(&editor, "typed in the form\n").unwrap();
        assert_eq!(edited, "typed in the form\nwith the editor\n");
        let record = std::fs::read_to_string(&seen).unwrap();
        let mut lines = record.lines();
        let path = lines.next().unwrap();
        assert_eq!(lines.next(), Some("600"), "readable by the owner only");
        assert!(
            !std::path::Path::new(path).exists(),
            "the temp file is removed"
        );
    }

    #[test]
    fn what_the_editor_wrote_is_cleaned_like_any_text_coming_in() {
        // An editor that saves with CRLF, an escape sequence and a bidi override.
        let editor = "sh -c 'printf \"a\\r\\n\\033[31mb\\342\\200\\256c\" > \"$0\"'";
        assert_eq!(edit(editor, "").unwrap(), "a\nbc");
        let long = "sh -c 'head -c 100001 /dev/zero | tr \"\\0\" x > \"$0\"'";
        let error = edit(long, "").unwrap_err();
        assert!(error.contains("100,001 characters"), "{error}");
    }

    #[test]
    fn a_failing_editor_changes_nothing_and_says_why() {
        let error = edit("false", "keep me").unwrap_err();
        assert!(error.contains("was not changed"), "{error}");
    }
}
