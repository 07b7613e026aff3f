//! What a file is, read from its own bytes before SQLite opens it, and whether the files
//! beside it (`-wal`, `-journal`) belong to it. SQLite replays any log it finds beside a
//! database, whoever wrote it, so a log that is not this file's is refused here, before
//! anything can be replayed or changed.

use super::{APPLICATION_ID, Error, Result, SCHEMA_VERSION};
use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

/// What is at a path, as far as its bytes and the files beside it tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// No file: a new database may be created there.
    Nothing,
    /// An SQLite file with nothing in it yet (no application id, no schema).
    Blank,
    /// A coachlog database at this schema version, with any log beside it its own.
    Ours { version: i64 },
}

/// The fields of an SQLite header (the first page) that tell whose file it is.
#[derive(Debug, Clone, Copy)]
struct Header {
    page_size: u32,
    /// 1: rollback journal; 2: write-ahead log.
    write_version: u8,
    change_counter: u32,
    user_version: u32,
    app_id: u32,
    /// Page 1 holds no schema at all: nothing was ever created in the file.
    no_schema: bool,
}

/// The header and the start of page 1 (its b-tree header, to see the schema is empty).
const PAGE_ONE_START: usize = 108;

fn be32(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

impl Header {
    fn parse(bytes: &[u8]) -> Option<Header> {
        if bytes.len() < PAGE_ONE_START || &bytes[..16] != b"SQLite format 3\0" {
            return None;
        }
        let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
            1 => 65_536,
            size => u32::from(size),
        };
        if !page_size.is_power_of_two() || page_size < 512 {
            return None;
        }
        Some(Header {
            page_size,
            write_version: bytes[18],
            change_counter: be32(bytes, 24),
            user_version: be32(bytes, 60),
            app_id: be32(bytes, 68),
            // A table leaf (0x0D) with no cells: sqlite_schema is empty.
            no_schema: bytes[100] == 0x0D && bytes[103] == 0 && bytes[104] == 0,
        })
    }

    fn ours(&self) -> bool {
        self.app_id == APPLICATION_ID as u32
    }

    fn blank(&self) -> bool {
        self.app_id == 0 && self.user_version == 0 && self.no_schema
    }
}

/// Reads up to `buffer.len()` bytes; fewer only at the end of the file.
fn read_up_to(file: &mut File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut read = 0;
    while read < buffer.len() {
        match file.read(&mut buffer[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(read)
}

/// The file beside `path` with `suffix` appended to its name (`-wal`, `-journal`).
pub(super) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn cannot_read(path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let what = format!("cannot read {}", path.display());
    move |source| Error::Io { what, source }
}

/// What a write-ahead log holds up to its last complete transaction.
#[derive(Debug, Default)]
struct Log {
    page_size: u32,
    /// Frames of complete transactions: what SQLite would replay.
    committed_frames: u64,
    /// The change counters of the first and the last page 1 among them.
    first_page_one: Option<u32>,
    last_page_one: Option<Header>,
}

/// The checksum SQLite chains through a log's header and frames.
fn checksum(big_endian: bool, data: &[u8], mut s: (u32, u32)) -> (u32, u32) {
    for pair in data.chunks_exact(8) {
        let word = |at: usize| {
            let bytes = [pair[at], pair[at + 1], pair[at + 2], pair[at + 3]];
            if big_endian {
                u32::from_be_bytes(bytes)
            } else {
                u32::from_le_bytes(bytes)
            }
        };
        s.0 = s.0.wrapping_add(word(0)).wrapping_add(s.1);
        s.1 = s.1.wrapping_add(word(4)).wrapping_add(s.0);
    }
    s
}

/// Reads the log beside a database the way SQLite recovers it: frames count while their
/// salts match the header and their checksums chain; a transaction counts once its commit
/// frame does. `None` when there is no log or nothing in it would be replayed.
fn read_log(path: &Path) -> Result<Option<Log>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(cannot_read(path)(error)),
    };
    let mut header = [0u8; 32];
    if read_up_to(&mut file, &mut header).map_err(cannot_read(path))? < header.len() {
        return Ok(None);
    }
    let big_endian = match be32(&header, 0) {
        0x377F_0682 => false,
        0x377F_0683 => true,
        _ => return Ok(None),
    };
    let page_size = be32(&header, 8);
    let salts = (be32(&header, 16), be32(&header, 20));
    let mut sum = checksum(big_endian, &header[..24], (0, 0));
    if !(512..=65_536).contains(&page_size)
        || !page_size.is_power_of_two()
        || sum != (be32(&header, 24), be32(&header, 28))
    {
        return Ok(None);
    }
    let mut log = Log {
        page_size,
        ..Log::default()
    };
    let (mut frames, mut first, mut last) = (0u64, None, None);
    let mut frame = vec![0u8; 24 + page_size as usize];
    loop {
        let read = read_up_to(&mut file, &mut frame).map_err(cannot_read(path))?;
        if read < frame.len() || (be32(&frame, 8), be32(&frame, 12)) != salts {
            break;
        }
        sum = checksum(big_endian, &frame[..8], sum);
        sum = checksum(big_endian, &frame[24..], sum);
        if sum != (be32(&frame, 16), be32(&frame, 20)) {
            break;
        }
        frames += 1;
        if be32(&frame, 0) == 1
            && let Some(page_one) = Header::parse(&frame[24..])
        {
            first = first.or(Some(page_one.change_counter));
            last = Some(page_one);
        }
        if be32(&frame, 4) != 0 {
            // A commit frame: everything up to here would be replayed.
            log.committed_frames = frames;
            log.first_page_one = first;
            log.last_page_one = last;
        }
    }
    Ok((log.committed_frames > 0).then_some(log))
}

/// Whether a rollback journal beside the file is hot (SQLite would play it back into the
/// database on opening), and then the size of the pages it holds.
fn hot_journal(path: &Path) -> Result<Option<u32>> {
    const MAGIC: [u8; 8] = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7];
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(cannot_read(path)(error)),
    };
    let mut start = [0u8; 28];
    let read = read_up_to(&mut file, &mut start).map_err(cannot_read(path))?;
    Ok((read == start.len() && start[..8] == MAGIC).then(|| be32(&start, 24)))
}

/// Tells what is at `path` from its bytes and those of the log beside it, and refuses,
/// before SQLite sees anything, a file that is not ours, a newer coachlog's, and a file with
/// a log or journal beside it that SQLite would replay but that is not this file's.
pub(super) fn identify(path: &Path) -> Result<Found> {
    let wal = beside(path, "-wal");
    let journal = beside(path, "-journal");
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => {
            // SQLite would delete a log it finds without its database: it may be all there is.
            for side in [&wal, &journal] {
                if std::fs::metadata(side).is_ok_and(|m| m.len() > 0) {
                    return Err(Error::InTheWay {
                        side: side.clone(),
                        why: format!(
                            "it is left from a database that is no longer at {}",
                            path.display()
                        ),
                    });
                }
            }
            return Ok(Found::Nothing);
        }
        Err(error) => return Err(cannot_read(path)(error)),
    };
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::Invalid(format!(
            "{} is a folder, not a database file; name a file with --db",
            path.display()
        )));
    }
    let mut bytes = [0u8; PAGE_ONE_START];
    let read = read_up_to(&mut file, &mut bytes).map_err(cannot_read(path))?;
    if read == 0 {
        return Err(Error::Empty { path: path.into() });
    }
    let Some(main) = Header::parse(&bytes[..read]) else {
        return Err(Error::NotSqlite { path: path.into() });
    };
    let log = read_log(&wal)?;
    // The file as SQLite would see it: the newest first page in the log, else the file's.
    let seen = log
        .as_ref()
        .and_then(|log| log.last_page_one)
        .unwrap_or(main);
    if !(main.ours() || main.blank()) || !(seen.ours() || seen.blank()) {
        let app_id = if main.ours() || main.blank() {
            seen
        } else {
            main
        }
        .app_id;
        return Err(Error::ForeignApp {
            path: path.into(),
            app_id: app_id as i32,
        });
    }
    // coachlog writes a journal only while it turns a file of its own from a journal to a
    // write-ahead log (the first start on a backup or an older file); cut short there, it
    // leaves the file's own journal, which plays back whole onto a copy.
    if let Some(page_size) = hot_journal(&journal)?
        && !(main.ours()
            && page_size == main.page_size
            && replay_on_copy(path, "-journal").is_ok_and(|replayed| replayed == Replayed::Whole))
    {
        return Err(Error::InTheWay {
            side: journal,
            why: "coachlog keeps a write-ahead log, never a journal, so this one belongs to another database or program".into(),
        });
    }
    if let Some(log) = &log
        && let Some(why) = foreign_log(path, &main, log)
    {
        return Err(Error::InTheWay { side: wal, why });
    }
    if seen.ours() && i64::from(seen.user_version) > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.into(),
            found: i64::from(seen.user_version),
            supported: SCHEMA_VERSION,
        });
    }
    Ok(if seen.ours() {
        Found::Ours {
            version: i64::from(seen.user_version),
        }
    } else {
        Found::Blank
    })
}

/// Why the log beside the file is not the file's own, if it is not.
fn foreign_log(path: &Path, main: &Header, log: &Log) -> Option<String> {
    let not_ours = |detail: &str| Some(format!("it is the log of another database ({detail})"));
    if log.page_size != main.page_size {
        return not_ours("its pages are of another size");
    }
    if main.write_version != 2 {
        // A file that is not in write-ahead mode (every coachlog backup) wrote no log.
        return not_ours("this file keeps no log");
    }
    // Each first page a transaction logs counts one on from the one before it, starting
    // from the file's as it was when the log began; the file holds one of those or the
    // one before the first. A live coachlog may be moving both along: its log is its own.
    let held = || held_by_another_process(path).unwrap_or(false);
    if let (Some(first), Some(last)) = (log.first_page_one, log.last_page_one) {
        let counter = main.change_counter;
        let follows = first.wrapping_sub(1) <= counter && counter <= last.change_counter;
        if !follows && !held() {
            return not_ours("its changes do not follow from this file");
        }
    }
    // A log in use by another coachlog is that coachlog's, so this file's.
    if held() {
        return None;
    }
    // Most transactions leave the first page alone, so the surest test is to replay the
    // log onto a copy of the file: another database's log damages it, and an older log of
    // this one takes its count of writes back.
    let before = stamps(path);
    match replay_on_copy(path, "-wal") {
        Ok(Replayed::Whole) => None,
        // Another coachlog opened the file, or wrote, folded in or removed the log while it
        // was being copied: the copy mixed two moments, and the log is that coachlog's.
        _ if held() || stamps(path) != before || before[1].is_none() => None,
        Ok(Replayed::Damaged) => not_ours("replayed onto a copy of this file, it damages it"),
        Ok(Replayed::Older) => Some(
            "it is an older log of this database, put back after the file moved on; replayed, it would undo later work"
                .into(),
        ),
        Err(_) => not_ours("it cannot be replayed onto a copy of this file"),
    }
}

/// The key under which every write coachlog makes is counted.
pub(super) const WRITES: &str = "writes";

/// Counts one write, inside the write's own transaction. The newest count a log holds is
/// then that of its last transaction, and a count in the file above it shows the log to be
/// older than the file: the page holding the count is in every transaction coachlog logs,
/// whereas most leave the first page (and its change counter) alone.
pub(super) fn count_write(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO local_meta (key, value) VALUES (?1, '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
    )?
    .execute([WRITES])?;
    Ok(())
}

/// The count of writes a database holds; `None` for a file that never counted them.
fn writes_counted(conn: &rusqlite::Connection) -> Option<i64> {
    conn.query_row(
        "SELECT CAST(value AS INTEGER) FROM local_meta WHERE key = ?1",
        [WRITES],
        |row| row.get(0),
    )
    .ok()
}

/// The length and time of change of the file and of its log, to tell whether either
/// changed meanwhile.
fn stamps(path: &Path) -> [Option<(u64, std::time::SystemTime)>; 2] {
    [path.to_path_buf(), beside(path, "-wal")].map(|file| {
        let metadata = std::fs::metadata(file).ok()?;
        Some((metadata.len(), metadata.modified().ok()?))
    })
}

/// What replaying a log or journal onto a copy of its file gives.
#[derive(Debug, PartialEq, Eq)]
enum Replayed {
    /// A sound database, at or after the file.
    Whole,
    /// A damaged database: the log was written for other pages.
    Damaged,
    /// A sound database that has counted fewer writes than the file: the log is older.
    Older,
}

#[cfg(test)]
thread_local! {
    /// How many times this thread copied a file to replay its log or journal.
    pub(super) static REPLAYS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Copies the file into a private folder, reads its count of writes, then copies its log
/// (`-wal`) or journal (`-journal`) beside the copy, lets SQLite replay it there and checks
/// the result. A journal rolls a transaction back, so only a log's count is compared.
fn replay_on_copy(
    path: &Path,
    side: &str,
) -> std::result::Result<Replayed, Box<dyn std::error::Error>> {
    #[cfg(test)]
    REPLAYS.with(|n| n.set(n.get() + 1));
    let private = || {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".coachlog-check-");
        crate::platform::owner_only(&mut builder, true);
        builder
    };
    let folder = super::copy::folder_of(path);
    let scratch = private()
        .tempdir_in(folder)
        .or_else(|_| private().tempdir())?;
    let copy = scratch.path().join("copy.db");
    let copy_beside = |suffix: &str| -> std::io::Result<()> {
        let mut from = File::open(beside(path, suffix))?;
        let mut to = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(beside(&copy, suffix))?;
        std::io::copy(&mut from, &mut to)?;
        Ok(())
    };
    copy_beside("")?;
    let file_writes = if side == "-wal" {
        let writes = writes_counted(&rusqlite::Connection::open(&copy)?);
        // Opening the copy alone may have left an empty log and shared memory behind.
        for left in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(beside(&copy, left));
        }
        writes
    } else {
        None
    };
    copy_beside(side)?;
    let conn = rusqlite::Connection::open(&copy)?;
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if verdict != "ok" {
        return Ok(Replayed::Damaged);
    }
    Ok(match (file_writes, writes_counted(&conn)) {
        (Some(file), Some(replayed)) if replayed < file => Replayed::Older,
        _ => Replayed::Whole,
    })
}

/// Whether another process has the database open: SQLite holds a lock on the file's lock
/// bytes for as long as a connection in write-ahead mode is open, and during any
/// transaction otherwise. (This process's own locks are never reported.)
pub fn held_by_another_process(path: &Path) -> std::io::Result<bool> {
    match File::open(path) {
        Ok(file) => crate::platform::locked_by_another(&file),
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}
