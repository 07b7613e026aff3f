//! Terminal set-up and restore. The terminal is put back on every way out: a normal
//! return, an error (`?`), a panic (the hook restores, then calls the previous hook), and
//! SIGTERM or SIGHUP (the drafts are written, then the app leaves as on a quit).

use crate::app::App;
use crate::app::prefetch::TeacherReader;
use crate::db::{Searcher, Store};
use anyhow::{Context, Result};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{BufWriter, Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

/// Frames go out through a buffer large enough for a whole screen, in one write: the
/// standard output's own buffer (1 KiB, flushed at each line) wrote a frame in pieces.
type Backend = CrosstermBackend<BufWriter<Stdout>>;

/// Bytes buffered before a write to the terminal: a frame of 300×100 cells, styled.
const FRAME_BUFFER: usize = 256 * 1024;

/// Restores the terminal when dropped, whatever the way out.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back: bracketed paste off, main screen, cursor shown, cooked mode.
/// Never panics; a failure is reported on stderr.
pub fn restore() {
    let mut out = stdout();
    let screen = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let raw = disable_raw_mode();
    if let Err(error) = screen.and(raw) {
        // The terminal may be gone (closed window, lost connection): never panic here.
        let _ = writeln!(
            std::io::stderr(),
            "coachlog: could not restore the terminal: {error}"
        );
    }
}

fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

fn init() -> Result<(Guard, Terminal<Backend>)> {
    install_panic_hook();
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let guard = Guard;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
        .context("cannot open the full-screen view")?;
    take_the_mouse()?;
    let terminal = Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        stdout(),
    )))
    .context("cannot start drawing")?;
    // Some terminals keep what was last in the alternate screen (after a killed program and
    // `reset`); the first frame draws only what differs from blank, so blank it first.
    // Directly: ratatui's `clear` asks the terminal where its cursor is first and waits for
    // the answer, a round trip before the first frame.
    execute!(
        stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )
    .context("cannot clear the screen")?;
    Ok((guard, terminal))
}

/// Whether the app takes the mouse (the settings' `mouse`), set once at start.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Asks the terminal for mouse events when the settings want them.
fn take_the_mouse() -> Result<()> {
    if MOUSE.load(Ordering::Relaxed) {
        execute!(stdout(), EnableMouseCapture).context("cannot take the mouse")?;
    }
    Ok(())
}

/// Hands the terminal to another program (an editor) and takes it back afterwards.
fn suspended<T>(terminal: &mut Terminal<Backend>, run: impl FnOnce() -> T) -> Result<T> {
    restore();
    let result = run();
    enable_raw_mode().context("cannot switch the terminal back to raw mode")?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
        .context("cannot reopen the full-screen view")?;
    take_the_mouse()?;
    terminal.clear().context("cannot redraw the screen")?;
    Ok(result)
}

/// SIGTERM (a shutdown, `kill`) and SIGHUP (the terminal closed, a logout) end the app the
/// way quitting does. The handler only sets a flag (signal-hook's flag API: nothing else
/// runs inside a signal handler, so nothing can deadlock there); the loop looks at it on
/// every turn. SIGKILL cannot be caught: the drafts written as the coach types survive it.
fn stop_on_signals() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP];
    // Windows has no hang-up signal: a console closed ends the process.
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM];
    for signal in signals {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot listen for the signals that close the app")?;
    }
    Ok(stop)
}

/// Why the full-screen view cannot be drawn here, if it cannot: `TERM=dumb` (an editor's
/// shell, a CI log) draws escape codes as text, and output going to a file or a pipe would
/// fill it with them. The subcommands work anywhere, so the message points to them.
pub fn cannot_draw() -> Option<String> {
    use std::io::IsTerminal;
    // One line that fits 80 columns with the "coachlog: " in front.
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        Some("no full-screen view with TERM=dumb; use a subcommand: coachlog --help".into())
    } else if !stdout().is_terminal() {
        Some("stdout is not a terminal; use a subcommand instead: coachlog --help".into())
    } else {
        None
    }
}

/// Opens the full-screen app on `store` and runs it until the user quits or a signal
/// closes it (then the exit is a success: the drafts were written, nothing was lost);
/// `notice`, if any, is shown on the status line as a warning (e.g. a mistake in the
/// settings). The day's `backup`, if one is due, is taken on a thread of its own once the
/// first frame is on screen (a large file takes seconds); if it fails, the status line says so.
pub fn run(
    store: Store,
    config: crate::config::Config,
    notice: Option<String>,
    backup: Option<crate::db::DailyBackup>,
) -> Result<()> {
    let stop = stop_on_signals()?;
    // A second, read-only connection answers searches off the screen's thread, opened
    // after the first frame (which does not need it); without one (it could not be
    // opened), searches run in the loop as they always did.
    let (path, clock) = (store.path().to_owned(), store.clock());
    let start_searcher = move || {
        let searcher = Store::open_beside(&path, clock)
            .and_then(|reader| Searcher::start(reader, crate::app::search::LIMIT))
            .ok();
        // The agenda's open actions are read on a connection of their own too, and the
        // teacher selected on the roster, read ahead.
        let actions = Store::open_beside(&path, clock)
            .and_then(crate::db::ActionsReader::start)
            .ok();
        let teachers = Store::open_beside(&path, clock)
            .and_then(TeacherReader::start)
            .ok();
        (searcher, actions, teachers)
    };
    crate::ui::theme::set(config.theme);
    MOUSE.store(config.mouse, Ordering::Relaxed);
    // A key that cannot be taken keeps its built-in one, and the first such is said.
    let key_problem = crate::app::keymap::rebind(&config.keys).into_iter().next();
    let notice = notice.or(key_problem);
    // The first frame reads as many of the roster's rows as the screen lists.
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::for_screen(store, config, size)?;
    if let Some(text) = notice {
        app.status = Some(crate::app::Status {
            text,
            error: true,
            path: None,
        });
    }
    app.set_clipboard_terminal(crate::app::clipboard::Terminal::detect());
    let backup_stop = Arc::clone(&stop);
    let after_first_frame = move || {
        let searcher = start_searcher();
        let backup = backup.map(|job| std::thread::spawn(move || job.take(&backup_stop)));
        (searcher, backup)
    };
    let mut backup_thread = None;
    let result = {
        let (_guard, mut terminal) = init()?;
        if let Ok(size) = terminal.size() {
            app.handle_event(crossterm::event::Event::Resize(size.width, size.height));
        }
        let result = run_loop(
            &mut app,
            &mut terminal,
            &stop,
            (after_first_frame, &mut backup_thread),
        );
        // However the loop ended (a quit, a signal, a terminal gone), what is on screen is
        // kept, and what the next start's first frame reads.
        app.save_drafts();
        app.keep_roster_start();
        match result {
            // Nothing can be drawn or restored on a terminal that is gone: ratatui's own
            // clean-up would report its failure there and panic, so it is skipped.
            Ok(Ended::TerminalGone) => {
                std::mem::forget(terminal);
                Ok(())
            }
            _ if stop.load(Ordering::Relaxed) => Ok(()),
            other => other.map(drop),
        }
    };
    // The terminal is given back; a backup of a large file still being taken is finished
    // (a quick start and quit must not go without the day's backup). When a signal asked
    // coachlog to stop, the backup gives up at once and is waited for: its connection
    // closed, the last one takes the app's log beside the file away, as on a quit.
    if let Some(thread) = backup_thread {
        let stopping = stop.load(Ordering::Relaxed);
        if !stopping && !thread.is_finished() {
            eprintln!("coachlog: finishing the day's backup…");
        }
        if let Ok(Err(error)) = thread.join()
            && !stopping
        {
            eprintln!("coachlog: the daily backup failed: {error}");
        }
    }
    result
}

/// How the loop ended.
enum Ended {
    /// The user quit, or a signal asked the app to close.
    Closed,
    /// The terminal hung up under the app.
    TerminalGone,
}

/// What waiting for the keyboard found.
enum Input {
    /// An event can be read without blocking.
    Ready,
    /// Nothing came in the time given.
    Quiet,
    /// The terminal hung up: nothing will ever come.
    Gone,
}

/// Waits up to `timeout` for an event. A terminal that hung up reads as endless empty input,
/// on which crossterm's own wait spins and never returns; so the wait is done here, on the
/// terminal's descriptor, where a hang-up shows as one.
fn wait_for_input(timeout: Duration) -> Result<Input> {
    use std::io::IsTerminal;
    // Events already read from the terminal and not yet handed out come first.
    let buffered = || crossterm::event::poll(Duration::ZERO).context("cannot read the keyboard");
    if !std::io::stdin().is_terminal() {
        // crossterm reads /dev/tty then; wait the usual way.
        return Ok(
            if crossterm::event::poll(timeout).context("cannot read the keyboard")? {
                Input::Ready
            } else {
                Input::Quiet
            },
        );
    }
    if let Waiting::HungUp = terminal_state(Duration::ZERO) {
        return Ok(Input::Gone);
    }
    if buffered()? {
        return Ok(Input::Ready);
    }
    Ok(match terminal_state(timeout) {
        Waiting::HungUp => Input::Gone,
        Waiting::Readable if buffered()? => Input::Ready,
        Waiting::Readable | Waiting::Nothing => Input::Quiet,
    })
}

enum Waiting {
    Readable,
    Nothing,
    // Seen on Unix only: Windows' console does not tell.
    #[cfg_attr(not(unix), allow(dead_code))]
    HungUp,
}

/// Polls standard input (the terminal) for up to `timeout`.
#[cfg(unix)]
fn terminal_state(timeout: Duration) -> Waiting {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, for the duration of the call.
    let ready = unsafe { libc::poll(&mut fd, 1, millis) };
    if ready <= 0 {
        return Waiting::Nothing;
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Waiting::HungUp
    } else {
        Waiting::Readable
    }
}

/// Windows' console has no hang-up to see: its input is waited for as crossterm waits.
#[cfg(not(unix))]
fn terminal_state(timeout: Duration) -> Waiting {
    match crossterm::event::poll(timeout) {
        Ok(true) => Waiting::Readable,
        Ok(false) | Err(_) => Waiting::Nothing,
    }
}

/// How often the loop looks for a search's answer while one is awaited.
const ANSWER_POLL: Duration = Duration::from_millis(2);

/// How long the first frame has the machine to itself, unless a key comes first: the
/// terminal needs the processor to read and show it, and the work that follows (opening
/// the searcher's connections, reading the rest of the roster) would otherwise take it.
/// On two cores that work held the frame back by nearly a millisecond.
const FIRST_FRAME_SHOWN: Duration = Duration::from_millis(20);

/// The day's backup, being taken on a thread of its own.
type BackupThread = std::thread::JoinHandle<crate::db::Result<Option<std::path::PathBuf>>>;

/// The connections that answer off the screen's thread: search, and the agenda's open
/// actions (none when one could not be opened: the app then reads in the loop).
type Readers = (
    Option<Searcher>,
    Option<crate::db::ActionsReader>,
    Option<TeacherReader>,
);

fn run_loop(
    app: &mut App,
    terminal: &mut Terminal<Backend>,
    stop: &AtomicBool,
    (after_first_frame, backup): (
        impl FnOnce() -> (Readers, Option<BackupThread>),
        &mut Option<BackupThread>,
    ),
) -> Result<Ended> {
    let mut after_first_frame = Some(after_first_frame);
    let mut first_frame_shown = false;
    let colourless = crossterm::style::Colored::ansi_color_disabled_memoized();
    let mut searcher: Option<Searcher> = None;
    let mut actions_reader: Option<crate::db::ActionsReader> = None;
    let mut teacher_reader: Option<TeacherReader> = None;
    // Debug builds only: lets the tests check the terminal is restored after a panic.
    #[cfg(debug_assertions)]
    let panic_for_tests = std::env::var_os("COACHLOG_DEBUG_PANIC").is_some();
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        terminal
            .draw(|frame| {
                crate::ui::render(app, frame);
                if colourless {
                    crate::ui::without_colours(frame.buffer_mut());
                }
            })
            .context("cannot draw the screen")?;
        // A query the last key asked for starts once its frame is on screen: on two cores,
        // a reader starting at once (the agenda's 15 ms at district scale) slowed the frame.
        if let Some(searcher) = &searcher
            && let Some(request) = app.take_search_request()
        {
            searcher.ask(request.generation, request.query);
        }
        if let Some(reader) = &actions_reader
            && let Some(generation) = app.take_agenda_request()
        {
            reader.ask(generation);
        }
        // Once the first frame is on screen, what it did not need: the search connection,
        // and the figures of the roster rows off screen (the columns may widen for them, so
        // the screen is drawn again at once).
        if first_frame_shown && let Some(start) = after_first_frame.take() {
            ((searcher, actions_reader, teacher_reader), *backup) = start();
            if searcher.is_some() {
                app.search_in_background();
            }
            if actions_reader.is_some() {
                app.agenda_in_background();
            }
            if teacher_reader.is_some() {
                app.read_ahead_in_background(crate::app::prefetch::REST);
            }
            app.prepare_to_open_teachers();
            let completed = app.complete_roster();
            app.work_ahead();
            if completed {
                continue;
            }
        }
        if backup
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished)
            && let Some(thread) = backup.take()
        {
            let failed = match thread.join() {
                Ok(Ok(_)) => None,
                Ok(Err(error)) => Some(error.to_string()),
                Err(_) => Some("it stopped unexpectedly".to_string()),
            };
            if let Some(why) = failed {
                let text = format!("The daily backup failed: {why}");
                app.status = Some(crate::app::Status {
                    text,
                    error: true,
                    path: None,
                });
                continue;
            }
        }
        #[cfg(debug_assertions)]
        if panic_for_tests {
            panic!("a panic asked for by COACHLOG_DEBUG_PANIC");
        }
        // Wake four times a second: clocks on screen move, and a change another window or
        // the command line commits shows within a second. While a search is answered in
        // the background, wake often to show its answer as soon as it comes.
        // The teacher selected is read ahead while the coach looks at the roster.
        if let Some(reader) = &teacher_reader
            && let Some(id) = app.take_read_ahead_request()
        {
            reader.ask(id);
        }
        let searching = app.awaits_search() || app.awaits_open_actions();
        let wait = if !first_frame_shown {
            FIRST_FRAME_SHOWN
        } else if searching {
            ANSWER_POLL
        } else {
            Duration::from_millis(250)
        };
        // Woken when the selection will have rested long enough to read ahead.
        let wait = app.read_ahead_due().map_or(wait, |due| wait.min(due));
        let input = wait_for_input(wait)?;
        first_frame_shown = true;
        match input {
            Input::Ready => {
                let event = crossterm::event::read().context("cannot read the keyboard")?;
                while let Some(read) = teacher_reader.as_ref().and_then(TeacherReader::answer) {
                    app.read_ahead_found(read);
                }
                app.handle_event(event);
            }
            Input::Quiet if !searching => app.tick(),
            Input::Quiet => {}
            // The window was closed or the connection lost: the drafts are saved on the way
            // out, as for SIGHUP.
            Input::Gone => return Ok(Ended::TerminalGone),
        }
        if let Some(searcher) = &searcher {
            while let Some(found) = searcher.answer() {
                app.search_found(found.generation, found.hits);
            }
        }
        if let Some(reader) = &actions_reader {
            while let Some((generation, actions)) = reader.answer() {
                app.open_actions_found(generation, actions);
            }
        }
        // Feedback for a teacher, put on the clipboard by the terminal (OSC 52). It is in
        // a file too, so a terminal that fails the write costs nothing: it is not an error.
        if let Some(sequence) = app.take_clipboard() {
            let out = terminal.backend_mut();
            let _ = out
                .write_all(sequence.as_bytes())
                .and_then(|()| out.flush());
        }
        if let Some(text) = app.take_editor_request() {
            let edited = suspended(terminal, || {
                crate::editor::edit(&crate::editor::editor_command(), &text)
            })?;
            app.finish_editor(edited);
        }
    }
    Ok(Ended::Closed)
}
