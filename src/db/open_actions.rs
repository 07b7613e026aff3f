//! The open actions across the caseload, for the agenda and the calendar: thousands in a
//! district, so the agenda takes their order alone and reads the lines it shows.

use super::query::parse_day;
use super::{Result, Store};
use crate::model::{ActionOrder, AgendaPlace, OpenAction, agenda_order, people::surname};
use std::collections::{BTreeSet, HashMap};

/// The open, live actions, read off their own index in due order (undated last, ties by
/// id): every column the agenda and the calendar use is in it, so no row of the table is
/// read.
const OPEN: &str = "SELECT rowid, id, teacher_id, what, owner, due_on
    FROM action INDEXED BY action_open_all
    WHERE action.done_on IS NULL AND action.deleted_at IS NULL
    ORDER BY action.due_on IS NULL, action.due_on, action.id";

/// An open action as the agenda's order is found: its teacher and owner by number, its
/// text a span of one string all the actions' texts are kept in (a string each put a
/// megabyte of small blocks on the heap, left in pieces once freed).
struct Placed {
    rowid: i64,
    teacher: u32,
    owner: u32,
    what: (u32, u32),
    due_on: Option<chrono::NaiveDate>,
}

/// Column `at` of `row` as text, without a copy.
fn text<'r>(row: &'r rusqlite::Row, at: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(at)?.as_str().map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(at, rusqlite::types::Type::Text, Box::new(error))
    })
}

impl Store {
    /// The names of the active teachers, by id (a couple of thousand at most): joining
    /// each action to its teacher in SQL cost two index descents an action, most of the
    /// read in a district.
    fn active_names(&self) -> Result<HashMap<String, String>> {
        let mut names = self.conn.prepare_cached(
            "SELECT id, name FROM teacher WHERE deleted_at IS NULL AND archived = 0",
        )?;
        let names = names
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// Open actions of every active teacher, with the teacher's id and name, by due date
    /// (undated last, ties by id: the open half of [`crate::model::action_order`]), for
    /// the calendar.
    pub fn open_actions(&self) -> Result<Vec<OpenAction>> {
        let names = self.active_names()?;
        let mut statement = self.conn.prepare_cached(OPEN)?;
        let mut open = Vec::new();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let teacher_id: String = row.get(2)?;
            if let Some(name) = names.get(&teacher_id) {
                open.push(OpenAction {
                    id: row.get(1)?,
                    teacher_name: name.clone(),
                    teacher_id,
                    what: row.get(3)?,
                    owner: row.get(4)?,
                    due_on: parse_day(row.get(5)?),
                });
            }
        }
        Ok(open)
    }

    /// The open actions of every active teacher in the agenda's order, by rowid, with
    /// what the agenda's columns need of them: the lines themselves are read as they come
    /// into view ([`Store::open_actions_at`]).
    pub fn open_action_order(&self) -> Result<ActionOrder> {
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut names: Vec<String> = Vec::new();
        let teachers: HashMap<String, u32> = self
            .active_names()?
            .into_iter()
            .map(|(id, name)| {
                names.push(name);
                (id, number(names.len() - 1))
            })
            .collect();
        let mut owners: Vec<String> = Vec::new();
        let mut owner_numbers: HashMap<String, u32> = HashMap::new();
        let mut texts = String::new();
        let mut placed = Vec::new();
        let mut statement = self.conn.prepare_cached(OPEN)?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let Some(&teacher) = teachers.get(text(row, 2)?) else {
                continue;
            };
            let owner = text(row, 4)?;
            let owner = match owner_numbers.get(owner) {
                Some(&known) => known,
                None => {
                    owners.push(owner.to_owned());
                    owner_numbers.insert(owner.to_owned(), number(owners.len() - 1));
                    number(owners.len() - 1)
                }
            };
            let what = text(row, 3)?;
            let start = number(texts.len());
            texts.push_str(what);
            placed.push(Placed {
                rowid: row.get(0)?,
                teacher,
                owner,
                what: (start, number(what.len())),
                due_on: parse_day(row.get(5)?),
            });
        }
        let name = |teacher: u32| names.get(teacher as usize).map_or("", String::as_str);
        // Ties left are broken by the order the actions were written in.
        agenda_order(&mut placed, |action| {
            let (start, len) = (action.what.0 as usize, action.what.1 as usize);
            AgendaPlace {
                owner: owners.get(action.owner as usize).map_or("", String::as_str),
                due_on: action.due_on,
                teacher_name: name(action.teacher),
                what: texts.get(start..start + len).unwrap_or(""),
                tie: action.rowid,
            }
        });
        let with_actions: BTreeSet<u32> = placed.iter().map(|action| action.teacher).collect();
        let widest_surname = with_actions
            .into_iter()
            .map(|teacher| crate::text::width(&crate::text::line(surname(name(teacher)))))
            .max()
            .unwrap_or(0);
        let due_dates: BTreeSet<_> = placed.iter().map(|action| action.due_on).collect();
        Ok(ActionOrder {
            rowids: placed.iter().map(|action| action.rowid).collect(),
            widest_surname,
            due_dates: due_dates.into_iter().collect(),
        })
    }

    /// The open actions with these rowids (from [`Store::open_action_order`]), with their
    /// teachers' names, by rowid. An action done, trashed or gone since is left out.
    pub fn open_actions_at(&self, rowids: &[i64]) -> Result<Vec<(i64, OpenAction)>> {
        let ids = serde_json::to_string(rowids).unwrap_or_default();
        let mut statement = self.conn.prepare_cached(
            // Each action by its rowid, then its teacher: left to itself, the planner reads
            // every open action off their index and keeps the ones asked for.
            "SELECT a.rowid, a.id, a.teacher_id, t.name, a.what, a.owner, a.due_on
             FROM json_each(?1) j
             CROSS JOIN action a ON a.rowid = j.value
             CROSS JOIN teacher t ON t.id = a.teacher_id
             WHERE +a.done_on IS NULL AND +a.deleted_at IS NULL",
        )?;
        let rows = statement.query_map([ids], |row| {
            Ok((
                row.get(0)?,
                OpenAction {
                    id: row.get(1)?,
                    teacher_id: row.get(2)?,
                    teacher_name: row.get(3)?,
                    what: row.get(4)?,
                    owner: row.get(5)?,
                    due_on: parse_day(row.get(6)?),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
