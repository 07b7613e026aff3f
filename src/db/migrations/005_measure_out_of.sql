-- coachlog schema, version 5: a measurement keeps the whole it is a part of (24 of 28),
-- so that it reads as typed and counts as a percent against a percent goal.
ALTER TABLE measure ADD COLUMN out_of REAL;
