-- coachlog schema, version 11: anyone coached has a role (a teacher, a school leader, a
-- coach; everyone already in a file is a teacher) and may belong to groups, kept as tags
-- (a pilot, a fellowship, a PLC, a grade team) in a JSON list.
ALTER TABLE teacher ADD COLUMN role TEXT NOT NULL DEFAULT 'teacher' CHECK (role IN ('teacher', 'leader', 'coach'));
ALTER TABLE teacher ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
