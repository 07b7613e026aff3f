-- coachlog schema, version 12: a check-in keeps the coach's minutes it took, for the time
-- report. Check-ins held before keep none: their time is not known, and is counted as
-- such rather than guessed.
ALTER TABLE check_in ADD COLUMN minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440);
