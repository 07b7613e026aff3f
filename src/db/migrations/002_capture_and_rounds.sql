-- coachlog schema, version 2: visits in progress and walkthrough rounds.

-- A visit being captured, saved as the coach types so nothing is lost if the app is
-- closed or crashes; it belongs to this file alone and is removed once the visit is saved.
CREATE TABLE local_draft (
    id          TEXT PRIMARY KEY NOT NULL,
    teacher_id  TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- An implementation walkthrough after professional learning: one practice, looked for in
-- a set of classrooms. Each classroom's mark is an observation pointing here.
CREATE TABLE walkthrough (
    id          TEXT PRIMARY KEY NOT NULL,
    practice    TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    teacher_ids TEXT NOT NULL DEFAULT '[]',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX walkthrough_by_day ON walkthrough (held_on);

ALTER TABLE observation ADD COLUMN walkthrough_id TEXT REFERENCES walkthrough (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE observation ADD COLUMN practice_mark TEXT CHECK (practice_mark IN ('seen', 'partly', 'not_seen'));
CREATE INDEX observation_by_walkthrough ON observation (walkthrough_id);
