//! Every binding of the key table does something a user can see: for each (context, key),
//! the app is put in states where that context has the keyboard, the key is pressed, and
//! the screen (text and styles), the quit flag or an editor request must change in at
//! least one of them.

mod common;

use coachlog::app::App;
use coachlog::app::keymap::{self, BINDINGS, Binding, Context};
use coachlog::config::Config;
use coachlog::db::Store;
use common::keys::press;
use common::{caseload, clock};
use crossterm::event::{Event, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::{Path, PathBuf};

/// The caseload with two walkthrough rounds, built once and copied for every trial.
struct Template {
    _dir: tempfile::TempDir,
    file: PathBuf,
}

impl Template {
    fn new() -> Template {
        let (dir, mut store, _) = caseload();
        // A second school, so that the school view has one to go on to.
        // A second school, so that the school view has one to go on to, where two
        // measures are compared.
        let young = common::teacher(&mut store, "Young, Ada", "Northgate Middle", "Grade 6");
        // Enough people never visited that the school's "At a glance" pane scrolls.
        for n in 1..=12 {
            let name = format!("Zeller-Northgate, Teacher with a long name {n}");
            common::teacher(&mut store, &name, "Northgate Middle", "Grade 7");
        }
        for measure in ["exit tickets collected", "students on task"] {
            common::add(
                &mut store,
                coachlog::model::AnyRecord::Goal(coachlog::model::Goal {
                    teacher_id: young.clone(),
                    statement: format!("More {measure}"),
                    measure: measure.into(),
                    ..Default::default()
                }),
            );
        }
        readiness_reviews(&mut store);
        // More people visited this month than the time report shows by person at 80x24:
        // it scrolls.
        for n in 1..=16 {
            let name = format!("Visited, Teacher {n:02}");
            let id = common::teacher(&mut store, &name, "Westview Middle", "Grade 8");
            common::add(
                &mut store,
                coachlog::model::AnyRecord::Observation(coachlog::model::Observation {
                    teacher_id: id,
                    observed_at: common::moment("2026-11-20T09:00"),
                    minutes: Some(10 + n),
                    evidence: "Seen".into(),
                    ..Default::default()
                }),
            );
        }
        let file = store.path().to_path_buf();
        let mut app = App::new(store).unwrap();
        press(&mut app, "waFirst practice<C-s><Esc><Esc>");
        press(&mut app, "aSecond practice<C-s><Esc><Esc><Esc>");
        assert!(app.status.as_ref().is_none_or(|s| !s.error));
        drop(app);
        Template { _dir: dir, file }
    }

    /// A fresh app over a copy of the caseload, briefs written to a folder of its own.
    fn app(&self, dir: &Path) -> App {
        let file = dir.join("coachlog.db");
        std::fs::copy(&self.file, &file).unwrap();
        let store = Store::open(&file, clock()).unwrap();
        let config = Config {
            briefs_folder: Some(dir.to_path_buf()),
            ..Config::default()
        };
        App::with_config(store, config).unwrap()
    }
}

/// Six schools reviewed for readiness, each asked for a plan of three steps: more than
/// the readiness screen shows at once, so that it scrolls; each review with notes that
/// take it past the screen as well.
fn readiness_reviews(store: &mut Store) {
    use coachlog::model::readiness::{CriterionRating, PlanStep};
    use coachlog::model::{AnyRecord, ReadinessReview, Recommendation, School};
    for (n, name) in ["Ash", "Birch", "Cedar", "Elm", "Maple", "Pine"]
        .iter()
        .enumerate()
    {
        let school = common::add(
            store,
            AnyRecord::School(School {
                name: format!("{name} Elementary"),
                ..School::default()
            }),
        );
        let review = ReadinessReview {
            school_id: school,
            reviewed_on: common::day("2026-11-10"),
            ratings: vec![CriterionRating {
                criterion: "staff collaboration".into(),
                rating: Some(1 + (n % 4) as u8),
                evidence: String::new(),
            }],
            achievement: Some(30.0 + 7.0 * n as f64),
            notes: "The principal asked for the staff survey first.\n".repeat(6),
            recommendation: Some(Recommendation::ReadinessPlan),
            plan: [
                "Set meeting norms",
                "Visit a cohort school",
                "Survey the staff",
            ]
            .iter()
            .map(|what| PlanStep {
                what: (*what).into(),
                owner: "principal".into(),
                due_on: Some(common::day("2027-02-01")),
            })
            .collect(),
            ..ReadinessReview::default()
        };
        common::add(store, AnyRecord::ReadinessReview(review));
    }
}

/// What a user can see: the screen with its styles, whether the app quit, and whether it
/// asked for the editor.
fn seen(app: &mut App) -> (Buffer, bool, bool) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| coachlog::ui::render(app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (
        buffer,
        app.should_quit(),
        app.take_editor_request().is_some(),
    )
}

const WORKSPACE: &str = "<Down><Down><Enter>";

/// States (keys from the roster) in which each context has the keyboard, in groups: a
/// binding must do something in some state of every group where it is in force. The
/// keys everywhere (Global) are grouped by screen, so ↑ or End must move on each.
fn states(context: Context) -> Vec<Vec<String>> {
    let ws = |keys: &str| format!("{WORKSPACE}{keys}");
    let strings = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    if context == Context::Global {
        return vec![
            strings(&["", "<Down>"]),
            vec![ws("3"), ws("3<Down>")],
            strings(&["g", "g<Down>"]),
            strings(&["w", "w<End>"]),
            strings(&["w<Enter>", "w<Enter><End>"]),
            strings(&["S", "S<End>"]),
            strings(&["R", "R<End>"]),
            strings(&["?", "?<Down>"]),
            vec![ws("3dy3dy<Esc>T"), ws("3dy3dy<Esc>T<End>")],
            vec![ws("b"), ws("b<Down><Down>")],
        ];
    }
    // A visit whose evidence runs past the detail pane, selected on the Observations tab.
    let long_visit = format!(
        "o<Tab>{}<Enter>3<Up>",
        "students talk to a partner ".repeat(30)
    );
    vec![match context {
        Context::Roster => vec!["".into(), "<Down>".into(), "/smith<Enter><Esc>".into()],
        Context::Filter => vec!["/".into(), "/<Down>".into(), "/smi".into()],
        Context::Workspace => ["", "2", "3<Down>", "5", "6"]
            .map(ws)
            .into_iter()
            .chain([ws(&long_visit), ws(&format!("{long_visit}J"))])
            .collect(),
        Context::Form => vec![ws("c"), ws("F"), ws("3e"), "a".into(), "aName".into()],
        Context::Notes => vec![ws("c<Tab>"), ws("c<Tab>Warm-up")],
        Context::QuickForm => vec!["o".into(), "o3".into()],
        Context::Review => vec![
            ws("c<S-Tab><S-Tab><S-Tab>"),
            ws("c<S-Tab><S-Tab><S-Tab><Down>"),
        ],
        Context::Capture => vec![
            "<Down><Down>c".into(),
            "<Down><Down>cWarm-up posted".into(),
            "<Down><Down>c<A-a><A-r>".into(),
        ],
        Context::Agenda => vec!["g".into(), "g<Down>".into()],
        Context::Brief => vec![ws("b"), ws("b<Down><Down>")],
        Context::Rounds => vec!["w".into(), "w<Down>".into()],
        Context::Round => vec!["w<Enter>".into(), "w<Enter><Down>".into()],
        // Northgate's "At a glance" is longer than its pane at 80x24: it scrolls.
        Context::School => vec![
            "S".into(),
            "S<Down>".into(),
            "<End>S".into(),
            "<End>SJ".into(),
        ],
        Context::Readiness => vec!["R".into(), "R<Down>".into()],
        // A review with notes runs past the screen at 80x24: it scrolls.
        Context::ReadinessReview => vec![
            "R<Enter>".into(),
            "R<Enter><Down>".into(),
            "R<Enter>J".into(),
        ],
        Context::Confirm => vec!["x".into()],
        Context::Search => vec!["s".into(), "swarm".into(), "swarm<Down>".into()],
        Context::Help => vec!["?".into(), "?<Down>".into()],
        // Two visits in the trash, so that moving and restoring show.
        Context::Trash => vec![ws("3dy3dy<Esc>T"), ws("3dy3dy<Esc>T<Down>")],
        // By person, the report is longer than the screen: it scrolls.
        Context::Time => vec![
            "t".into(),
            "tb".into(),
            "tp".into(),
            "tbb".into(),
            "tbbG".into(),
        ],
        Context::Global => Vec::new(),
    }]
}

fn event(binding: &Binding) -> KeyEvent {
    KeyEvent::new(binding.key.code, binding.key.modifiers)
}

/// Whether `binding` is the one the app would use for its key in the app's current state.
fn in_force(app: &App, binding: &Binding) -> bool {
    let contexts = app.contexts();
    let owner = contexts.iter().find(|context| {
        BINDINGS
            .iter()
            .any(|b| b.context == **context && b.key == binding.key)
    });
    owner == Some(&binding.context) && keymap::lookup(&contexts, binding.key) == Some(binding.msg)
}

#[test]
fn every_binding_in_the_key_table_does_something_a_user_sees() {
    let template = Template::new();
    let mut unhandled = Vec::new();
    for binding in BINDINGS {
        let mut in_force_somewhere = false;
        for group in states(binding.context) {
            let mut tried = false;
            let mut changed = false;
            for state in &group {
                let dir = tempfile::tempdir().unwrap();
                let mut app = template.app(dir.path());
                press(&mut app, state);
                if !in_force(&app, binding) {
                    continue;
                }
                tried = true;
                let before = seen(&mut app);
                app.handle_event(Event::Key(event(binding)));
                if seen(&mut app) != before {
                    changed = true;
                    break;
                }
            }
            in_force_somewhere |= tried;
            if tried && !changed {
                unhandled.push(format!(
                    "{:?} {} ({}) after {group:?}",
                    binding.context,
                    binding.key.label(),
                    binding.hint
                ));
            }
        }
        if !in_force_somewhere {
            unhandled.push(format!(
                "{:?} {} ({}): never in force",
                binding.context,
                binding.key.label(),
                binding.hint
            ));
        }
    }
    assert!(
        unhandled.is_empty(),
        "bindings nothing happens for:\n{}",
        unhandled.join("\n")
    );
}
