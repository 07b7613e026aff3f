//! The command line: no subcommand opens the TUI; subcommands run headless for scripts.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod time_report;
pub use time_report::{TimeArgs, TimeBy, TimeFormat};

/// coachlog: keep each teacher's growth record (goals, one focus, check-ins, walkthroughs)
/// in one private local file.
#[derive(Debug, Parser)]
#[command(name = "coachlog", version, about, long_about = None)]
pub struct Cli {
    /// The database file to use (default: coachlog.db in your data folder).
    #[arg(long, global = true, env = "COACHLOG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Open a fresh demo school (a fictional caseload) in a temporary file; your own
    /// database is not touched.
    #[arg(long, global = true)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// A launch of the full-screen view (`coachlog`, `coachlog --db FILE`, `coachlog
    /// --demo`), read without building the grammar of every subcommand, which is half a
    /// millisecond of each start; `None` for any other command line, which clap reads.
    /// `env_db` is `COACHLOG_DB`: when it is set, clap reads the line too.
    pub fn plain_launch(
        args: &[std::ffi::OsString],
        env_db: Option<&std::ffi::OsStr>,
    ) -> Option<Cli> {
        let plain = |db: Option<PathBuf>, demo: bool| Cli {
            db,
            demo,
            command: None,
        };
        let path = |value: &std::ffi::OsStr| {
            let starts_an_option = value.as_encoded_bytes().first().is_none_or(|b| *b == b'-');
            (!starts_an_option).then(|| PathBuf::from(value))
        };
        match args {
            [] if env_db.is_none() => Some(plain(None, false)),
            [flag] if flag == "--demo" && env_db.is_none() => Some(plain(None, true)),
            [flag, value] if flag == "--db" => Some(plain(Some(path(value)?), false)),
            [flag] => {
                let value = flag.as_encoded_bytes().strip_prefix(b"--db=")?;
                let value = std::str::from_utf8(value).ok()?;
                Some(plain(Some(path(std::ffi::OsStr::new(value))?), false))
            }
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the database file for damage (SQLite integrity and foreign keys); says on
    /// stderr how long it took.
    #[command(
        after_help = "Examples:\n  coachlog check\n  coachlog check --quick\n  coachlog --db ~/school/eastside.db check"
    )]
    Check {
        /// A quicker check: every page and record, without matching each index entry to its
        /// row (seconds rather than minutes on a file of several hundred megabytes).
        #[arg(long)]
        quick: bool,
    },
    /// Write a consistent copy of the database (safe while coachlog is open elsewhere).
    #[command(after_help = "Examples:\n  coachlog backup\n  coachlog backup ~/usb/coach.db")]
    Backup {
        /// Where to write it (default: backups/coachlog-DATE-TIME.db beside the database).
        #[arg(value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Save an observation from the shell, attached to the teacher's active focus.
    #[command(
        after_help = "Examples:\n  coachlog observe -t smith --rating 3 \"Students explained the target to a partner\"\n  coachlog observe -t okafor --at \"-1d 9:05\" --minutes 12 Waited three seconds"
    )]
    Observe(Observe),
    /// Record support given to a teacher (training, co-planning, a peer visit…), and list it.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  coachlog support add -t smith --kind co-planning --note \"Planned Thursday's warm-up\"\n  coachlog support list -t smith"
    )]
    Support(SupportCommand),
    /// Find notes by their words: evidence, check-ins, goals, focuses, actions, measures.
    #[command(
        after_help = "Examples:\n  coachlog search warm-up\n  coachlog search exit ticket --limit 5"
    )]
    Search(Search),
    /// List what is in the trash (deleted records, kept until purged).
    #[command(after_help = "Examples:\n  coachlog trash")]
    Trash,
    /// Put a backup FILE in place of the database, or bring a record back from the trash.
    ///
    /// An argument that names an existing file is a backup: it is checked (a coachlog
    /// database, not from a newer coachlog, undamaged), and the current database is moved
    /// aside as DB.replaced-DATE-TIME before the copy takes its place (refused while
    /// coachlog is open on it). Anything else is the id of a record in the trash, as
    /// `coachlog trash` shows it (any unique start of it).
    #[command(
        after_help = "Examples:\n  coachlog restore 01JD4K        (a record in the trash, by the start of its id)\n  coachlog restore backups/coachlog-20261123-104200.db"
    )]
    Restore {
        #[arg(value_name = "FILE|ID")]
        what: std::ffi::OsString,
    },
    /// Add and list teachers.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  coachlog teacher add \"Smith, Dan\" --school \"Eastside Middle\" --cadence 14\n  coachlog teacher list --all"
    )]
    Teacher(TeacherCommand),
    /// Export one teacher's record: a conference brief (Markdown, or HTML to print) or JSON;
    /// or with --all the whole caseload as JSON, to import elsewhere.
    #[command(
        after_help = "Examples:\n  coachlog export -t smith\n  coachlog export -t smith -f html -o smith.html\n  coachlog export --all -f json -o caseload.json"
    )]
    Export(Export),
    /// Make feedback for the teacher from an observation or a check-in: the focus, what
    /// was seen, a strength and a next step, the actions agreed and the next check-in.
    /// Private notes make none; ratings go in only with --ratings. The strength, next step
    /// and the time are kept on the record.
    #[command(
        after_help = "Examples:\n  coachlog feedback -t smith --strength \"The target was on the board before the bell\"\n  coachlog feedback -t smith --id 01JD4K -f html -o smith-feedback.html --ratings"
    )]
    Feedback(Feedback),
    /// Write the check-ins due and the open actions with a due date as an iCalendar file
    /// (.ics) to import into Outlook, Google Calendar or Apple Calendar.
    #[command(
        after_help = "Examples:\n  coachlog calendar -o coaching.ics\n  coachlog calendar -o coaching.ics --force   # replace last week's file"
    )]
    Calendar(CalendarArgs),
    /// Walkthrough rounds: list them, or report one (classrooms, marks, who needs more
    /// support, the practice over time).
    #[command(
        subcommand,
        after_help = "Examples:\n  coachlog round list\n  coachlog round report last\n  coachlog round report 01JD -f html -o round.html\n  coachlog round report last -f csv > round.csv"
    )]
    Round(RoundCommand),
    /// Where the coach's time went: the minutes of observations, walkthrough marks,
    /// check-ins and supports, summed by kind, role, person or school, with each one's
    /// share and how many activities have no minutes recorded.
    #[command(
        after_help = "Examples:\n  coachlog time --since \"1 aug\"\n  coachlog time --by person --since -30d\n  coachlog time --by role -f csv -o time.csv\n  coachlog time --by person --anonymous -f md   # for a program coordinator"
    )]
    Time(TimeArgs),
    /// A school at a glance, as the school view shows it: its people, coverage, the
    /// focuses in play, the latest round per practice and the goal measures compared.
    /// No notes of any kind are in it.
    #[command(
        after_help = "Examples:\n  coachlog school east\n  coachlog school \"northgate\" -f html -o northgate.html"
    )]
    School(SchoolExport),
    /// The readiness recommendation, to share with a superintendent, a principals'
    /// council or a teachers' association: the schools ranked by achievement and by
    /// readiness, where they disagree, the first cohort with each rationale, the
    /// readiness plans and who sat out. The reviewers' notes are never in it.
    #[command(
        after_help = "Examples:\n  coachlog readiness\n  coachlog readiness -f html -o readiness.html"
    )]
    Readiness(ReadinessExport),
    /// Import a whole-caseload JSON export (merged record by record) or a roster CSV.
    #[command(
        after_help = "Examples:\n  coachlog import caseload.json --dry-run\n  coachlog import roster.csv\n  coachlog import --undo"
    )]
    Import(Import),
    /// Print a completion script for your shell.
    #[command(
        after_help = "Examples: each line goes in the shell's start-up file\n  source <(coachlog completions bash)     # ~/.bashrc\n  source <(coachlog completions zsh)      # ~/.zshrc\n  coachlog completions fish | source      # ~/.config/fish/config.fish\n  coachlog completions powershell | Out-String | Invoke-Expression   # $PROFILE"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(
        after_help = "Examples:\n  coachlog man > ~/.local/share/man/man1/coachlog.1 && man coachlog\n  coachlog man | man -l -"
    )]
    Man,
    /// Print where the settings file is and the settings in effect, with any mistake in it;
    /// with --keys, every action that can be rebound and its key, as [keys] lines.
    #[command(
        after_help = "Examples:\n  coachlog config\n  coachlog config > ~/.config/coachlog/config.toml   # start a file from the settings in effect\n  coachlog config --keys | grep support"
    )]
    Config {
        /// List every action's name and key, written as in the file's [keys] table.
        #[arg(long)]
        keys: bool,
    },
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The file to write (readable by you only); without it the calendar goes to
    /// standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct Import {
    /// A file from coachlog export --all -f json, or a roster as CSV with a header row
    /// (name or first and last name, school, subject or course, grade, cadence).
    #[arg(value_name = "FILE", required_unless_present = "undo")]
    pub file: Option<PathBuf>,
    /// Show what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Take back the last import as one step: what it updated goes back to what it was,
    /// what it added goes to the trash.
    #[arg(long, conflicts_with_all = ["file", "dry_run"])]
    pub undo: bool,
}

#[derive(Debug, Subcommand)]
pub enum TeacherCommand {
    /// Add someone to coach: a teacher, a school leader or a coach.
    #[command(
        after_help = "Examples:\n  coachlog teacher add \"Smith, Dan\" --school \"Eastside Middle\" --subject \"Grade 7 Science\" --cadence 14\n  coachlog teacher add \"Reyes, Ana\" --role leader --subject Principal --tag \"leader PLC\""
    )]
    Add(TeacherAdd),
    /// List the people coached, one a line: name, school, subject, cadence, then the role
    /// (when not a teacher), the groups (#tag) and "archived", when there are any.
    #[command(
        after_help = "Examples:\n  coachlog teacher list\n  coachlog teacher list --all | cut -f1\n  coachlog teacher list --role leader\n  coachlog teacher list --tag pilot --school \"Eastside Middle\""
    )]
    List {
        /// Include archived teachers.
        #[arg(long)]
        all: bool,
        /// Only people with this role.
        #[arg(long, value_parser = parse_role)]
        role: Option<crate::model::Role>,
        /// Only people in this group (repeat for people in every one given).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Only people of this school (its whole name, in any case).
        #[arg(long)]
        school: Option<String>,
    },
}

fn parse_role(typed: &str) -> Result<crate::model::Role, String> {
    typed.parse()
}

#[derive(Debug, Subcommand)]
pub enum SupportCommand {
    /// Record support given to a teacher, under the teacher's active focus.
    #[command(
        after_help = "Examples:\n  coachlog support add -t smith --kind co-planning --note \"Planned Thursday's warm-up with Ms. Okafor\"\n  coachlog support add -t okafor --kind \"peer visit\" --on -3d --by principal --minutes 50\n  coachlog support add -t smith --kind training --on 2026-09-04 --private"
    )]
    Add(SupportAdd),
    /// List the supports a teacher was given, newest first: day, kind, who, minutes, note.
    #[command(
        after_help = "Examples:\n  coachlog support list -t smith\n  coachlog support list -t smith | grep co-planning"
    )]
    List {
        /// The teacher: a case-insensitive unique start of the name.
        #[arg(long, short, add = teacher_completion())]
        teacher: String,
    },
}

#[derive(Debug, Args)]
pub struct SupportAdd {
    /// The teacher: a case-insensitive unique start of the name, e.g. "smi" for "Smith, Dan".
    #[arg(long, short, add = teacher_completion())]
    pub teacher: String,
    /// training, co-planning, modelling, peer visit, resource, feedback conference or other.
    #[arg(long, short)]
    pub kind: String,
    /// The day it was given, e.g. "today", "yesterday", "-3d", "2026-11-20" (default: today).
    #[arg(long, value_name = "DAY", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// Who gave it (default: the author in the settings, else "coach").
    #[arg(long, value_name = "WHO")]
    pub by: Option<String>,
    /// The coach's minutes it took (default: the kind's usual time, e.g. co-planning 45).
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=1440))]
    pub minutes: Option<u32>,
    /// What was done, and why.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Keep the support out of exports unless they ask for private notes.
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Args)]
pub struct TeacherAdd {
    /// The teacher's name as you want to see it, e.g. "Smith, Dan".
    pub name: String,
    #[arg(long, default_value = "")]
    pub school: String,
    /// Subject and grade, e.g. "Grade 7 Science".
    #[arg(long, default_value = "")]
    pub subject: String,
    /// Days between check-ins (default: check_in_days in the config, else 14).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub cadence: Option<u32>,
    /// Teacher (the default), leader (a principal or assistant principal) or coach.
    #[arg(long, value_parser = parse_role, default_value = "teacher")]
    pub role: crate::model::Role,
    /// A group they belong to: a pilot, a fellowship, a PLC (repeat for several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct Observe {
    /// The teacher: a case-insensitive unique start of the name, e.g. "smi" for "Smith, Dan".
    #[arg(long, short, add = teacher_completion())]
    pub teacher: String,
    /// Progress on the focus: 1 not yet, 2 beginning, 3 developing, 4 consistent.
    #[arg(long, short, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub rating: Option<u8>,
    /// When the visit was, e.g. "today 10:40", "yesterday 9:05", "-1d 9:05" (default: now).
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Minutes spent in the room.
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=600))]
    pub minutes: Option<u32>,
    /// Keep the observation out of exports unless they ask for private notes.
    #[arg(long)]
    pub private: bool,
    /// The evidence: what was seen and heard.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
}

#[derive(Debug, Args)]
pub struct Search {
    /// Words to find; a note must hold them all, and a word matches the start of a longer
    /// one ("explai" finds "explained"). Exits 1 when no note matches.
    #[arg(required = true, value_name = "WORDS")]
    pub words: Vec<String>,
    /// Show at most this many notes, best first.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct Export {
    /// The teacher: a case-insensitive unique start of the name, e.g. "smi" for "Smith, Dan".
    #[arg(long, short, required_unless_present = "all", add = teacher_completion())]
    pub teacher: Option<String>,
    /// Every record of every teacher, the trash and private notes included, as JSON that
    /// coachlog import reads (to move the caseload or merge it into another file).
    #[arg(long, conflicts_with_all = ["teacher", "since", "include_private"])]
    pub all: bool,
    /// md: the brief as Markdown; html: the brief as a page to print; json: the whole
    /// record (default: md, or json with --all).
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to this file (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Only observations, check-ins, measures and actions from this date on, e.g.
    /// "2026-10-01", "-30d", "1 oct" (goals and focus history stay whole).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Include private observations and check-ins (each marked private).
    #[arg(long)]
    pub include_private: bool,
}

#[derive(Debug, Args)]
pub struct SchoolExport {
    /// The school: a case-insensitive unique start of its name, e.g. "east".
    #[arg(value_name = "NAME")]
    pub name: String,
    /// md: Markdown (the default); html: a page to print, with a bar chart per measure.
    #[arg(long, short, value_enum)]
    pub format: Option<SchoolFormat>,
    /// Write to this file (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ReadinessExport {
    /// md: Markdown (the default); html: a page to print or share.
    #[arg(long, short, value_enum)]
    pub format: Option<SchoolFormat>,
    /// Write to this file (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What `coachlog school` and `coachlog readiness` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchoolFormat {
    #[value(alias = "markdown")]
    Md,
    Html,
}

#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// List the rounds, newest first: id, day, practice and how it came out.
    List,
    /// Report one round, as Markdown (the default), a printable HTML page or CSV.
    Report(RoundReport),
}

#[derive(Debug, Args)]
pub struct RoundReport {
    /// The round: its id (the start is enough when only one round has it) or `last`.
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, short, value_enum)]
    pub format: Option<RoundFormat>,
    /// Write to this file (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What `coachlog round report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoundFormat {
    #[value(alias = "markdown")]
    Md,
    Html,
    Csv,
}

#[derive(Debug, Args)]
pub struct Feedback {
    /// The teacher: a case-insensitive unique start of the name, e.g. "smi" for "Smith, Dan".
    #[arg(long, short, add = teacher_completion())]
    pub teacher: String,
    /// From the teacher's latest observation or check-in (the default).
    #[arg(long, conflicts_with = "id")]
    pub last: bool,
    /// From this observation or check-in (any unique start of its id).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// One thing that worked, in a sentence.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub strength: String,
    /// One thing to try next (default: the first look-for of the focus not seen).
    #[arg(long, value_name = "TEXT")]
    pub next_step: Option<String>,
    /// Put the ratings in the note.
    #[arg(long)]
    pub ratings: bool,
    /// text: plain text, md: Markdown, html: a small page to print (default: text).
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: FeedbackFormat,
    /// Write to this file (created readable by you only) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What `coachlog feedback` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedbackFormat {
    /// Plain text, to paste into a message.
    #[value(alias = "txt")]
    Text,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
    /// One small self-contained HTML page.
    Html,
}

/// What `coachlog export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The conference brief as Markdown.
    #[value(alias = "markdown")]
    Md,
    /// The conference brief as one self-contained printable HTML page.
    Html,
    /// The teacher's whole record as JSON.
    Json,
}

/// What a shell offers after `--teacher`: the active teachers whose name starts with what
/// is typed, in any case, from the database `COACHLOG_DB` or the settings name (the shell
/// asks coachlog as the user types; the line's own `--db` is not seen then).
fn teacher_completion() -> clap_complete::ArgValueCompleter {
    clap_complete::ArgValueCompleter::new(|typed: &std::ffi::OsStr| {
        // Only bash's completion function passes this to coachlog.
        let bash = std::env::var_os("_CLAP_COMPLETE_COMP_TYPE").is_some();
        let typed = typed.to_string_lossy();
        let typed = if bash {
            typed.replace('\\', "")
        } else {
            typed.into_owned()
        }
        .to_lowercase();
        crate::run::completion_database()
            .map(|path| crate::db::teacher_names(&path))
            .unwrap_or_default()
            .iter()
            .map(|name| crate::text::line(name))
            .filter(|name| name.to_lowercase().starts_with(&typed))
            .map(|name| {
                clap_complete::CompletionCandidate::new(if bash {
                    bash_word(&name)
                } else {
                    name.into_owned()
                })
            })
            .collect::<Vec<_>>()
    })
}

/// `name` as one bash word: bash puts a completion in the line as it is, so "Smith, Dan"
/// would be two arguments (zsh, fish and PowerShell quote what they insert themselves).
fn bash_word(name: &str) -> String {
    let mut word = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if !(c.is_alphanumeric() || "-_.,/:@+=%^".contains(c)) {
            word.push('\\');
        }
        word.push(c);
    }
    word
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::Parser;
    use std::ffi::{OsStr, OsString};

    fn line(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn a_plain_launch_reads_as_clap_reads_it() {
        for words in [
            &[][..],
            &["--demo"],
            &["--db", "school.db"],
            &["--db=school.db"],
            &["--db", "Zoë Ødegård 中村.db"],
        ] {
            let fast = Cli::plain_launch(&line(words), None).expect("a plain launch");
            let mut full = vec!["coachlog"];
            full.extend_from_slice(words);
            let clap = Cli::try_parse_from(full).expect("clap reads it");
            assert_eq!(
                (fast.db, fast.demo, fast.command.is_none()),
                (clap.db, clap.demo, clap.command.is_none()),
                "{words:?}"
            );
        }
    }

    #[test]
    fn anything_else_is_left_to_clap() {
        for words in [
            &["teacher", "list"][..],
            &["--db"],
            &["--db", "--demo"],
            &["--db="],
            &["--db", "a.db", "--demo"],
            &["--help"],
            &["--version"],
            &["--dbx", "a.db"],
            &["-h"],
        ] {
            assert!(Cli::plain_launch(&line(words), None).is_none(), "{words:?}");
        }
        // A database named in the environment: clap weighs it against the line.
        let env = Some(OsStr::new("from-env.db"));
        assert!(Cli::plain_launch(&[], env).is_none());
        assert!(Cli::plain_launch(&line(&["--demo"]), env).is_none());
        let named = Cli::plain_launch(&line(&["--db", "a.db"]), env).expect("the line wins");
        assert_eq!(named.db.as_deref(), Some(std::path::Path::new("a.db")));
    }
}
