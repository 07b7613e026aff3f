-- coachlog schema, version 7: a prefix index of one character too, so that a word of one
-- letter typed into search is answered from the index as the start of longer words
-- ("s" finds "students"), as longer words already were.
--
-- FTS5 fixes its prefix indexes when the table is created: the table is made again with
-- the same columns and content, and its index rebuilt from `local_search_text`. The
-- triggers that keep it in step name it, not its contents, so they carry on as they were.
DROP TABLE local_search;
CREATE VIRTUAL TABLE local_search USING fts5 (
    body,
    kind UNINDEXED,
    record_id UNINDEXED,
    teacher_id UNINDEXED,
    content = 'local_search_text',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO local_search (local_search) VALUES ('rebuild');
