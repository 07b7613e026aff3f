-- coachlog schema: a focus names the tallies a visit on it counts, as JSON text
-- ([{"name": "students on task", "out_of": 28}, {"name": "redirects"}]). An empty list
-- (every focus made before) counts the two tallies every visit counted until now.
ALTER TABLE focus ADD COLUMN tallies TEXT NOT NULL DEFAULT '[]';
