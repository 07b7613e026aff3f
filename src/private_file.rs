//! Writing a file the coach exports (a brief, a note, a calendar, a report): readable by
//! its owner only, and whole or not at all, from the app and the command line alike.

use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path`: to a temporary owner-only file beside it, synced, then
/// renamed into place, so that an interrupted write leaves nothing at the name. An
/// existing file is kept (an `AlreadyExists` error) unless `replace`.
pub fn write(path: &Path, contents: &[u8], replace: bool) -> std::io::Result<()> {
    if !replace && path.exists() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    // NamedTempFile creates the file 0600.
    let mut temporary = tempfile::NamedTempFile::new_in(crate::db::folder_of(path))?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    let placed = if replace {
        temporary.persist(path).map(drop)
    } else {
        temporary.persist_noclobber(path).map(drop)
    };
    placed.map_err(|error| error.error)
}
