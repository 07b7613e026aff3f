-- coachlog schema, version 6: what the roster reads is found by index seeks, whatever
-- the size of the history. Each index holds live rows only, in the order the
-- reads ask for (the id breaks ties), with the columns they read, so that a teacher's
-- last visit, latest ratings and next check-in are the first rows of a seek rather than a
-- sort of every visit and check-in the teacher ever had.
DROP INDEX observation_live_by_teacher;
CREATE INDEX observation_live_by_teacher ON observation (teacher_id, observed_at, id, rating)
    WHERE deleted_at IS NULL;
CREATE INDEX check_in_live_by_teacher ON check_in (teacher_id, held_on, id, next_on)
    WHERE deleted_at IS NULL;
