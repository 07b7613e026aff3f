//! Pseudo-terminal harness for end-to-end tests that run the real binary.
//!
//! [`PtyApp::spawn`] starts a program on the slave side of a fresh pty. A
//! background thread reads the master side continuously and feeds every byte
//! into a [`vt100::Parser`] (plus a raw byte log), so the app never blocks on
//! a full pty buffer and tests can look at the rendered screen at any time.
//!
//! Rules the harness follows (and tests should too):
//! - every wait polls (20 ms) up to a timeout and then panics with the whole
//!   screen in the message; nothing sleeps a fixed time to "let it settle".
//!   The default timeout is 10 s; set `PTY_TEST_TIMEOUT_SECS` to change it.
//! - the reader thread answers the terminal queries a real terminal would:
//!   cursor position (`ESC[6n` -> `ESC[row;colR`), device status (`ESC[5n`)
//!   and primary device attributes (`ESC[c` -> `ESC[?1;2c`, what crossterm
//!   uses to detect keyboard-enhancement support). The queries are found by
//!   the vt100 parser's state machine, so a query split across reads is
//!   still answered.
//! - wait for the first frame (e.g. `wait_for("some title")`) before sending
//!   keys: keys that arrive before the app enables raw mode are echoed and
//!   line-buffered by the tty.
//! - a wait returns as soon as its condition holds, so wait for something
//!   the keys just sent change: waiting for text that is already on screen
//!   returns at once, before the app has processed the keys.
//! - crossterm reads a lone `ESC` as the Esc key only when nothing follows it
//!   in the same read: after sending [`ESC`], wait for its effect on screen
//!   before sending more keys, or `ESC` + `x` may arrive as Alt+x.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Enter / Return as a terminal in raw mode sends it (carriage return).
pub const ENTER: &str = "\r";
/// Escape key. See the module docs about sending more keys right after it.
pub const ESC: &str = "\x1b";
/// Tab key.
pub const TAB: &str = "\t";
/// Shift+Tab (back tab).
pub const BACKTAB: &str = "\x1b[Z";
/// Backspace as xterm sends it (DEL).
pub const BACKSPACE: &str = "\x7f";
/// Delete (forward delete).
pub const DELETE: &str = "\x1b[3~";
/// Arrow up.
pub const UP: &str = "\x1b[A";
/// Arrow down.
pub const DOWN: &str = "\x1b[B";
/// Arrow right.
pub const RIGHT: &str = "\x1b[C";
/// Arrow left.
pub const LEFT: &str = "\x1b[D";
/// Home.
pub const HOME: &str = "\x1b[H";
/// End.
pub const END: &str = "\x1b[F";
/// Page up.
pub const PAGE_UP: &str = "\x1b[5~";
/// Page down.
pub const PAGE_DOWN: &str = "\x1b[6~";

/// Ctrl+`c` as the single control byte a terminal sends, as a string for
/// [`PtyApp::send`]: `ctrl('a')` is `"\x01"`, `ctrl('c')` is `"\x03"`.
/// Letters are case-insensitive; `@ [ \ ] ^ _` and space map as in ASCII,
/// `ctrl('?')` is DEL. Note that `ctrl('i')`, `ctrl('m')` and `ctrl('[')`
/// are the same bytes as Tab, Enter and Esc, so crossterm reports those keys.
/// Panics for other characters.
pub fn ctrl(c: char) -> String {
    let byte = match c {
        'a'..='z' | 'A'..='Z' | '@' | '[' | '\\' | ']' | '^' | '_' => {
            (c.to_ascii_uppercase() as u8) & 0x1f
        }
        ' ' => 0,
        '?' => 0x7f,
        _ => panic!("ctrl({c:?}): no control code for this character"),
    };
    char::from(byte).to_string()
}

/// Alt+`c` as terminals send it: ESC followed by the character.
pub fn alt(c: char) -> String {
    format!("\x1b{c}")
}

/// `text` wrapped in bracketed-paste markers, as a terminal sends a paste
/// when the app has enabled bracketed paste (crossterm: `Event::Paste`).
pub fn bracketed_paste(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

/// How often waits look at the screen / child again.
const POLL: Duration = Duration::from_millis(20);

/// Default timeout of every wait: 10 s, or `PTY_TEST_TIMEOUT_SECS` if set.
pub fn default_timeout() -> Duration {
    std::env::var("PTY_TEST_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(Duration::from_secs(10), Duration::from_secs_f64)
}

/// vt100 callbacks that collect the replies a real terminal would send back
/// for the queries the app writes. The reader thread sends them.
#[derive(Default)]
struct Responder {
    replies: Vec<u8>,
}

impl vt100::Callbacks for Responder {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if i1.is_some() || i2.is_some() {
            return;
        }
        let params: Vec<u16> = params
            .iter()
            .map(|p| p.first().copied().unwrap_or(0))
            .collect();
        match (c, params.as_slice()) {
            // Cursor position report, 1-based.
            ('n', [6]) => {
                let (row, col) = screen.cursor_position();
                let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                self.replies.extend_from_slice(reply.as_bytes());
            }
            // Device status report: "OK".
            ('n', [5]) => self.replies.extend_from_slice(b"\x1b[0n"),
            // Primary device attributes: VT100 with advanced video option.
            ('c', [] | [0]) => self.replies.extend_from_slice(b"\x1b[?1;2c"),
            _ => {}
        }
    }
}

/// Terminal state shared between the test thread and the reader thread.
struct Term {
    parser: vt100::Parser<Responder>,
    raw: Vec<u8>,
    /// The reader saw end of output: every slave fd is closed (child gone).
    eof: bool,
    /// A read error other than the EIO that means "slave closed".
    read_error: Option<String>,
    /// When each read returned and how much output there was then: kept only for
    /// [`PtyApp::spawn_timed`], to time a frame to the read that brought it (the screens
    /// are replayed afterwards, so that the reader does no more while the time runs).
    moments: Option<Vec<Moment>>,
}

/// One read of the app's output.
struct Moment {
    at: Instant,
    /// The length of the raw output after it.
    end: usize,
}

type SharedWriter = Arc<Mutex<Box<dyn Write + Send>>>;

/// Locks a mutex, ignoring poisoning (a panicking test must not cascade).
fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Screen rows joined by `\n`, trailing spaces of each row trimmed.
fn screen_text(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .map(|row| row.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn nonzero(n: u16, what: &str) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or_else(|| panic!("pty {what} must be > 0"))
}

fn reader_loop(mut reader: Box<dyn Read + Send>, term: Arc<Mutex<Term>>, writer: SharedWriter) {
    // Linux reports "all slave fds closed" as EIO rather than EOF.
    const EIO: i32 = 5;
    let mut buf = [0u8; 16 * 1024];
    let error = loop {
        match reader.read(&mut buf) {
            Ok(0) => break None,
            Ok(n) => {
                let at = Instant::now();
                let replies = {
                    let mut t = lock(&term);
                    t.raw.extend_from_slice(&buf[..n]);
                    t.parser.process(&buf[..n]);
                    let end = t.raw.len();
                    if let Some(moments) = t.moments.as_mut() {
                        moments.push(Moment { at, end });
                    }
                    std::mem::take(&mut t.parser.callbacks_mut().replies)
                };
                // Never hold both locks: send() only takes the writer lock.
                if !replies.is_empty() {
                    let mut w = lock(&writer);
                    // The child may be gone already; nothing to do then.
                    let _ = w.write_all(&replies).and_then(|()| w.flush());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if e.raw_os_error() == Some(EIO) => break None,
            Err(e) => break Some(e.to_string()),
        }
    };
    let mut t = lock(&term);
    t.eof = true;
    t.read_error = error;
}

/// A program running in a pseudo-terminal, with its screen parsed by vt100.
pub struct PtyApp {
    term: Arc<Mutex<Term>>,
    writer: SharedWriter,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
    pid: Option<u32>,
    program: String,
    /// Just before the program was started.
    started: Instant,
}

impl PtyApp {
    /// Spawn `program` with `args` and extra `env` pairs in a new pty of
    /// `cols`x`rows` (tests normally use 80x24), in the test process's
    /// current directory (under `cargo test`: the package root). The child
    /// inherits the test's environment with `TERM=xterm-256color`, without
    /// `COLUMNS`/`LINES`, then `env` applied on top (so `env` may override
    /// `TERM`). Panics if the spawn fails.
    #[track_caller]
    pub fn spawn(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Self {
        let cwd = std::env::current_dir().expect("current directory");
        Self::spawn_in(program, args, env, cols, rows, &cwd)
    }

    /// Like [`PtyApp::spawn`], but the child runs in working directory `cwd`
    /// (which must exist: portable-pty would silently use `$HOME` instead).
    #[track_caller]
    pub fn spawn_in(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        cwd: &Path,
    ) -> Self {
        Self::start(program, args, env, (cols, rows), cwd, false)
    }

    /// Like [`PtyApp::spawn`], and keeps the screen after every read of the app's output
    /// with the time it arrived, for [`PtyApp::shown_at`] and [`PtyApp::time_key`].
    #[track_caller]
    pub fn spawn_timed(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        size: (u16, u16),
    ) -> Self {
        let cwd = std::env::current_dir().expect("current directory");
        Self::start(program, args, env, size, &cwd, true)
    }

    #[track_caller]
    fn start(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
        cwd: &Path,
        timed: bool,
    ) -> Self {
        assert!(cwd.is_dir(), "pty cwd {} is not a directory", cwd.display());
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let parser = vt100::Parser::new_with_callbacks(
            nonzero(rows, "rows"),
            nonzero(cols, "cols"),
            0,
            Responder::default(),
        );
        let pair = native_pty_system()
            .openpty(size)
            .unwrap_or_else(|e| panic!("openpty failed: {e:#}"));

        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("spawning {} in a pty failed: {e:#}", program.display()));
        // Our copy of the slave must go, or the reader never sees EOF/EIO
        // after the child exits.
        drop(pair.slave);
        let master = pair.master;
        let pid = child.process_id();

        let reader = master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("pty reader: {e:#}"));
        let writer: SharedWriter = Arc::new(Mutex::new(
            master
                .take_writer()
                .unwrap_or_else(|e| panic!("pty writer: {e:#}")),
        ));
        let term = Arc::new(Mutex::new(Term {
            parser,
            raw: Vec::new(),
            eof: false,
            read_error: None,
            moments: timed.then(Vec::new),
        }));
        let reader = {
            let term = Arc::clone(&term);
            let writer = Arc::clone(&writer);
            thread::Builder::new()
                .name("pty-reader".into())
                .spawn(move || reader_loop(reader, term, writer))
                .expect("spawn pty reader thread")
        };

        PtyApp {
            term,
            writer,
            master,
            child,
            reader: Some(reader),
            exit: None,
            pid,
            program: program.display().to_string(),
            started,
        }
    }

    /// How long after the start the screen first showed `needle`, to the read that brought
    /// it ([`PtyApp::spawn_timed`] only). Panics after `timeout`.
    #[track_caller]
    pub fn shown_at(&self, needle: &str, timeout: Duration) -> Duration {
        self.wait_for_timeout(needle, timeout);
        let at = self.first_read(0, |screen| screen_text(screen).contains(needle));
        at.map_or(Duration::ZERO, |at| at - self.started)
    }

    /// Sends `key` and says how long until the screen changed (text or attributes), to the
    /// read that changed it ([`PtyApp::spawn_timed`] only). Panics after `timeout`.
    #[track_caller]
    pub fn time_key(&mut self, key: &str, timeout: Duration) -> Duration {
        let (seen, before) = {
            let t = lock(&self.term);
            let moments = t.moments.as_deref().unwrap_or_default();
            (moments.len(), t.parser.screen().contents_formatted())
        };
        let sent = Instant::now();
        self.send(key);
        self.wait_until_timeout(&format!("a change after {key:?}"), timeout, |screen, _| {
            screen.contents_formatted() != before
        });
        let at = self.first_read(seen, |screen| screen.contents_formatted() != before);
        at.map_or(Duration::ZERO, |at| at.saturating_duration_since(sent))
    }

    /// When the first read from the `from`th on returned that left a screen `wanted`: the
    /// output is replayed, read by read, into a terminal of the same size.
    fn first_read(
        &self,
        from: usize,
        mut wanted: impl FnMut(&vt100::Screen) -> bool,
    ) -> Option<Instant> {
        let t = lock(&self.term);
        let (rows, cols) = t.parser.screen().size();
        let mut replay = vt100::Parser::new(rows, cols, 0);
        let mut start = 0;
        for (i, moment) in t.moments.as_deref().unwrap_or_default().iter().enumerate() {
            replay.process(t.raw.get(start..moment.end).unwrap_or_default());
            start = moment.end;
            if i >= from && wanted(replay.screen()) {
                return Some(moment.at);
            }
        }
        None
    }

    /// Write `text` to the app as typed input (use the key constants and
    /// [`ctrl`]/[`alt`] for special keys). Panics if the write fails.
    #[track_caller]
    pub fn send(&mut self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    /// Write raw bytes to the app's input. Panics if the write fails.
    #[track_caller]
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let result = {
            let mut w = lock(&self.writer);
            w.write_all(bytes).and_then(|()| w.flush())
        };
        if let Err(e) = result {
            panic!(
                "writing {:?} to {} failed: {e}\n{}",
                String::from_utf8_lossy(bytes),
                self.program,
                self.describe()
            );
        }
    }

    /// Wait until the screen contains `needle` (plain text; a `\n` in it
    /// matches a row break) and return the screen text. Panics with the
    /// full screen after [`default_timeout`], or at once if the app's
    /// output has ended without the needle showing up.
    #[track_caller]
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_for_timeout(needle, default_timeout())
    }

    /// [`PtyApp::wait_for`] with an explicit timeout.
    #[track_caller]
    pub fn wait_for_timeout(&self, needle: &str, timeout: Duration) -> String {
        self.wait_until_timeout(
            &format!("screen to contain {needle:?}"),
            timeout,
            |_, text| text.contains(needle),
        )
    }

    /// Wait until the screen no longer contains `needle`; returns the screen
    /// text. Same timeout and panics as [`PtyApp::wait_for`].
    #[track_caller]
    pub fn wait_gone(&self, needle: &str) -> String {
        self.wait_until_timeout(
            &format!("screen to no longer contain {needle:?}"),
            default_timeout(),
            |_, text| !text.contains(needle),
        )
    }

    /// Wait until `pred(screen, screen_text)` holds, e.g. for a cell colour
    /// or for the cursor to be shown; `what` describes the condition in the
    /// panic message. Returns the screen text. Default timeout.
    #[track_caller]
    pub fn wait_until(&self, what: &str, pred: impl FnMut(&vt100::Screen, &str) -> bool) -> String {
        self.wait_until_timeout(what, default_timeout(), pred)
    }

    /// [`PtyApp::wait_until`] with an explicit timeout.
    #[track_caller]
    pub fn wait_until_timeout(
        &self,
        what: &str,
        timeout: Duration,
        mut pred: impl FnMut(&vt100::Screen, &str) -> bool,
    ) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let (ok, eof, text) = {
                let t = lock(&self.term);
                let text = screen_text(t.parser.screen());
                (pred(t.parser.screen(), &text), t.eof, text)
            };
            if ok {
                return text;
            }
            if eof {
                panic!(
                    "waiting for {what}: the app's output ended (it exited) first\n{}",
                    self.describe()
                );
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {timeout:?} waiting for {what}\n{}",
                    self.describe()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Current screen as text: one line per row joined by `\n`, trailing
    /// spaces trimmed (empty rows stay, so line N is screen row N).
    pub fn screen(&self) -> String {
        screen_text(lock(&self.term).parser.screen())
    }

    /// Run `f` on the parsed vt100 screen (cells, colours, cursor...).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(lock(&self.term).parser.screen())
    }

    /// Cursor position as (row, col), 0-based.
    pub fn cursor_position(&self) -> (u16, u16) {
        self.with_screen(|s| s.cursor_position())
    }

    /// Whether the terminal is currently in the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.with_screen(|s| s.alternate_screen())
    }

    /// Whether the cursor is hidden (to check it is shown again on exit).
    pub fn cursor_hidden(&self) -> bool {
        self.with_screen(|s| s.hide_cursor())
    }

    /// All raw bytes the app has written so far (escape sequences included),
    /// e.g. to assert that no raw ESC from user data reached the terminal.
    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.term).raw.clone()
    }

    /// Resize the pty (the app gets SIGWINCH) and the parsed screen.
    #[track_caller]
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.term)
            .parser
            .set_size(nonzero(rows, "rows"), nonzero(cols, "cols"));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| panic!("pty resize failed: {e:#}"));
    }

    /// The child's process id.
    pub fn pid(&self) -> Option<u32> {
        self.pid
    }

    /// Sends `signal` (e.g. `libc::SIGHUP`, as when the terminal window is closed) to the
    /// child. Panics if it cannot be sent.
    #[cfg(unix)]
    #[track_caller]
    pub fn signal(&self, signal: i32) {
        let pid = self
            .pid
            .and_then(|pid| i32::try_from(pid).ok())
            .expect("the child's pid");
        // SAFETY: kill(2) takes plain integers and touches no memory of ours.
        let sent = unsafe { libc::kill(pid, signal) };
        assert_eq!(sent, 0, "sending signal {signal} to {pid} failed");
    }

    /// Whether the terminal is in cooked mode (line editing and echo on), as a shell
    /// expects it back; false while an app has it raw. Read from the pty itself, so it
    /// works after the child exited.
    #[cfg(unix)]
    #[track_caller]
    pub fn cooked(&self) -> bool {
        let termios = self.master.get_termios().expect("the pty's settings");
        let wanted = libc::ICANON | libc::ECHO;
        termios.local_flags.bits() & wanted == wanted
    }

    /// Whether the child is still running (reaps it if it has exited; the
    /// remaining output is not drained, use [`PtyApp::wait_exit`] for that).
    pub fn is_running(&mut self) -> bool {
        if self.exit.is_some() {
            return false;
        }
        match self.child.try_wait() {
            Ok(Some(status)) => {
                self.exit = Some(status);
                false
            }
            Ok(None) => true,
            Err(_) => false,
        }
    }

    /// Wait for the child to exit and return its exit code (1 if killed by
    /// a signal; see [`PtyApp::wait_exit_status`]). Afterwards all of its
    /// output has been read into the parser, so the final terminal state
    /// (alternate screen left, cursor shown) can be asserted. Panics with the
    /// screen if it does not exit within [`default_timeout`].
    #[track_caller]
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_exit_status().exit_code()
    }

    /// [`PtyApp::wait_exit`] returning the full status (signal included).
    #[track_caller]
    pub fn wait_exit_status(&mut self) -> ExitStatus {
        self.wait_exit_status_timeout(default_timeout())
    }

    /// [`PtyApp::wait_exit_status`] with an explicit timeout.
    #[track_caller]
    pub fn wait_exit_status_timeout(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = &self.exit {
                break status.clone();
            }
            match self.child.try_wait() {
                Ok(Some(status)) => self.exit = Some(status),
                Ok(None) if Instant::now() >= deadline => panic!(
                    "timed out after {timeout:?} waiting for {} to exit\n{}",
                    self.program,
                    self.describe()
                ),
                Ok(None) => thread::sleep(POLL),
                Err(e) => panic!(
                    "waiting for {} failed: {e}\n{}",
                    self.program,
                    self.describe()
                ),
            }
        };
        self.drain(timeout);
        status
    }

    /// Kill the child hard (SIGKILL, like a crash: it restores nothing),
    /// reap it and read its remaining output. No-op if it already exited.
    #[track_caller]
    pub fn kill(&mut self) {
        if self.is_running() {
            self.sigkill();
        }
        self.wait_exit_status();
    }

    /// Sends SIGKILL. portable-pty's own `kill()` sends SIGHUP first and
    /// only escalates after a grace period, so go to std's Child instead.
    fn sigkill(&mut self) {
        let child: &mut dyn Child = &mut *self.child;
        if let Some(std_child) = child.downcast_mut::<std::process::Child>() {
            let _ = std_child.kill();
        } else {
            let _ = self.child.kill();
        }
    }

    /// After the child exited: wait (bounded) until the reader has seen the
    /// end of the output. If a grandchild still holds the pty open the end
    /// never comes; then give up quietly after `timeout`.
    fn drain(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !lock(&self.term).eof && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        if self.reader.as_ref().is_some_and(|h| h.is_finished())
            && let Some(handle) = self.reader.take()
        {
            let _ = handle.join();
        }
    }

    /// Screen, state and exit status for panic messages.
    fn describe(&self) -> String {
        let (text, alt, hidden, pos, eof, err) = {
            let t = lock(&self.term);
            let s = t.parser.screen();
            (
                screen_text(s),
                s.alternate_screen(),
                s.hide_cursor(),
                s.cursor_position(),
                t.eof,
                t.read_error.clone(),
            )
        };
        let width = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        let rule = "-".repeat(width.max(20));
        format!(
            "program: {}\nexit: {:?}, output ended: {eof}, read error: {err:?}\n\
             alternate screen: {alt}, cursor hidden: {hidden}, cursor (row, col): {pos:?}\n\
             screen:\n{rule}\n{text}\n{rule}",
            self.program, self.exit,
        )
    }
}

impl Drop for PtyApp {
    /// Kill the child if it is still running and reap it (bounded); join the
    /// reader thread if it has finished. Never panics.
    fn drop(&mut self) {
        if self.exit.is_none() {
            if let Ok(None) = self.child.try_wait() {
                self.sigkill();
            }
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                match self.child.try_wait() {
                    Ok(None) => thread::sleep(Duration::from_millis(5)),
                    _ => break,
                }
            }
        }
        if let Some(handle) = self.reader.take() {
            let deadline = Instant::now() + Duration::from_secs(1);
            while !handle.is_finished() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
            if handle.is_finished() {
                let _ = handle.join();
            }
        }
    }
}
