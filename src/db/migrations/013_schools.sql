-- coachlog schema: schools are records of their own. People keep their school's name
-- (the link is that name with case folded), so nothing else changes; the school's row
-- keeps what belongs to the school itself. Readiness reviews will point at it.
--
-- One school per distinct name already on people is added by the step that runs with
-- this migration, in its transaction (ids are ULIDs, which SQL cannot make, and names
-- are compared with case folded for every script, which SQL's lower() does not do).
CREATE TABLE school (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
