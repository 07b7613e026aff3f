-- coachlog schema, version 8: an observation or a check-in keeps the feedback shared with
-- the teacher from it (one strength, one next step) and when it was shared, so the
-- timeline and the brief can say so. Empty text and no time: nothing shared yet.
ALTER TABLE observation ADD COLUMN feedback_strength TEXT NOT NULL DEFAULT '';
ALTER TABLE observation ADD COLUMN feedback_next_step TEXT NOT NULL DEFAULT '';
ALTER TABLE observation ADD COLUMN feedback_shared_at TEXT;
ALTER TABLE check_in ADD COLUMN feedback_strength TEXT NOT NULL DEFAULT '';
ALTER TABLE check_in ADD COLUMN feedback_next_step TEXT NOT NULL DEFAULT '';
ALTER TABLE check_in ADD COLUMN feedback_shared_at TEXT;
