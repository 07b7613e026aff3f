-- coachlog schema, version 4: the roster reads each teacher's last visit and latest
-- ratings from an index of live observations instead of from the table.
CREATE INDEX observation_live_by_teacher ON observation (teacher_id, observed_at, rating)
    WHERE deleted_at IS NULL;
