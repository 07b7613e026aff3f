-- coachlog schema: readiness reviews of schools for coaching. A review rates its school
-- on the criteria it was made on (kept with it as JSON: a change of the settings leaves
-- past reviews as they were), keeps the school's achievement figure, whether the school
-- chose to sit out, a recommendation (a cohort year of the phase-in, or a readiness
-- plan) with its rationale, the reviewer's private notes, and the readiness plan's steps
-- (JSON: what, owner, due) with the day it is reviewed. The latest review of a school is
-- the one in force; a school's reviews are purged with it.
CREATE TABLE readiness_review (
    id                 TEXT PRIMARY KEY NOT NULL,
    school_id          TEXT NOT NULL REFERENCES school (id) DEFERRABLE INITIALLY DEFERRED,
    reviewed_on        TEXT NOT NULL,
    ratings            TEXT NOT NULL DEFAULT '[]',
    achievement        REAL,
    self_selected_out  INTEGER NOT NULL DEFAULT 0 CHECK (self_selected_out IN (0, 1)),
    recommendation     TEXT
                       CHECK (recommendation IS NULL OR recommendation IN
                              ('cohort_1', 'cohort_2', 'cohort_3', 'readiness_plan')),
    rationale          TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    plan               TEXT NOT NULL DEFAULT '[]',
    review_on          TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    author             TEXT NOT NULL,
    replica_id         TEXT NOT NULL,
    deleted_at         TEXT
) STRICT;
CREATE INDEX readiness_review_by_school ON readiness_review (school_id, reviewed_on);
