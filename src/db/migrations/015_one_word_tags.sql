-- coachlog schema: a group's tag is one word. A tag typed with a space ("blended pilot")
-- showed as `#blended pilot`, which reads as two tags, and neither `#pilot` nor
-- `--tag pilot` found it. The spaces inside each tag already kept become hyphens
-- ("blended-pilot"), the same tag (whatever its case) kept once: the step that runs
-- with this migration, in its transaction, rewrites them by the rule new tags follow
-- (SQL alone cannot fold case for every script).
--
-- The rows keep their updated_at: every copy of a file makes the same rewrite when it
-- is upgraded, so it is no one's change to merge.
UPDATE teacher SET tags = tags WHERE 0;
