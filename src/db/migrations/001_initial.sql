-- coachlog schema, version 1.
--
-- Built to be merged later by a row-change sync engine (SQLite's session extension):
-- * every record table has a non-null text ULID primary key;
-- * created_at / updated_at / author / replica_id are set by the application, never by a trigger;
-- * deletes are tombstones (deleted_at), rows are removed only by an explicit purge;
-- * no UNIQUE constraint across the rows of a record table: invariants such as
--   "one active focus per teacher" hold by construction (teacher.active_focus_id);
-- * what belongs to this file alone lives in local_* tables.
-- Times are UTC text with milliseconds ('2026-11-23T14:05:09.123Z'); dates are 'YYYY-MM-DD';
-- the local wall-clock time of a visit is 'YYYY-MM-DDTHH:MM'.

-- 'CLOG': how coachlog recognises its own files (checked on open, before anything is written).
PRAGMA application_id = 1129074503;

CREATE TABLE local_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE teacher (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    school          TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL DEFAULT '',
    cadence_days    INTEGER NOT NULL DEFAULT 14 CHECK (cadence_days BETWEEN 1 AND 365),
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    active_focus_id TEXT REFERENCES focus (id) DEFERRABLE INITIALLY DEFERRED,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    author          TEXT NOT NULL,
    replica_id      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;
CREATE INDEX teacher_by_name ON teacher (name COLLATE NOCASE);

CREATE TABLE goal (
    id          TEXT PRIMARY KEY NOT NULL,
    teacher_id  TEXT NOT NULL REFERENCES teacher (id) DEFERRABLE INITIALLY DEFERRED,
    statement   TEXT NOT NULL,
    why         TEXT NOT NULL DEFAULT '',
    measure     TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    baseline    REAL,
    target      REAL,
    target_on   TEXT,
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'met', 'dropped')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX goal_by_teacher ON goal (teacher_id);

CREATE TABLE measure (
    id          TEXT PRIMARY KEY NOT NULL,
    goal_id     TEXT NOT NULL REFERENCES goal (id) DEFERRABLE INITIALLY DEFERRED,
    measured_on TEXT NOT NULL,
    value       REAL NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX measure_by_goal ON measure (goal_id, measured_on);

CREATE TABLE focus (
    id          TEXT PRIMARY KEY NOT NULL,
    teacher_id  TEXT NOT NULL REFERENCES teacher (id) DEFERRABLE INITIALLY DEFERRED,
    goal_id     TEXT REFERENCES goal (id) DEFERRABLE INITIALLY DEFERRED,
    statement   TEXT NOT NULL,
    look_fors   TEXT NOT NULL DEFAULT '[]',
    started_on  TEXT NOT NULL,
    ended_on    TEXT,
    outcome     TEXT CHECK (outcome IN ('achieved', 'dropped', 'replaced')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX focus_by_teacher ON focus (teacher_id, started_on);

CREATE TABLE observation (
    id             TEXT PRIMARY KEY NOT NULL,
    teacher_id     TEXT NOT NULL REFERENCES teacher (id) DEFERRABLE INITIALLY DEFERRED,
    focus_id       TEXT REFERENCES focus (id) DEFERRABLE INITIALLY DEFERRED,
    observed_at    TEXT NOT NULL,
    minutes        INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 600),
    class_period   TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '',
    look_fors_seen TEXT NOT NULL DEFAULT '[]',
    tallies        TEXT NOT NULL DEFAULT '{}',
    rating         INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 4),
    private        INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    author         TEXT NOT NULL,
    replica_id     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
CREATE INDEX observation_by_teacher ON observation (teacher_id, observed_at);

CREATE TABLE check_in (
    id          TEXT PRIMARY KEY NOT NULL,
    teacher_id  TEXT NOT NULL REFERENCES teacher (id) DEFERRABLE INITIALLY DEFERRED,
    held_on     TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'coaching'
                CHECK (kind IN ('coaching', 'feedback', 'conference', 'leader')),
    notes       TEXT NOT NULL DEFAULT '',
    reflection  TEXT NOT NULL DEFAULT '',
    next_on     TEXT,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX check_in_by_teacher ON check_in (teacher_id, held_on);

CREATE TABLE action (
    id          TEXT PRIMARY KEY NOT NULL,
    teacher_id  TEXT NOT NULL REFERENCES teacher (id) DEFERRABLE INITIALLY DEFERRED,
    check_in_id TEXT REFERENCES check_in (id) DEFERRABLE INITIALLY DEFERRED,
    what        TEXT NOT NULL,
    owner       TEXT NOT NULL DEFAULT 'teacher',
    due_on      TEXT,
    done_on     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX action_by_teacher ON action (teacher_id, due_on);
CREATE INDEX action_open ON action (done_on, due_on);
