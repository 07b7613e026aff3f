-- coachlog schema: full-text search over every note.
--
-- Everything here belongs to this file alone (local_*): it is derived from the records and
-- kept in step by triggers, so a sync engine never carries it, and any write (the app, a
-- sync, a repair by hand) keeps it right. No trigger here writes to a record table.
-- Only live records are indexed: a record moved to the trash leaves the index and comes
-- back when restored. Teachers are joined when searching, so trashing a teacher hides
-- their notes without touching the index.

-- The text each live record contributes, as a view so the triggers and the backfill share
-- one definition. A measure's teacher is its goal's.
CREATE VIEW local_search_source (kind, record_id, teacher_id, body) AS
    SELECT 'goal', id, teacher_id, statement || char(10) || why || char(10) || measure
    FROM goal WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'measure', id,
           coalesce((SELECT goal.teacher_id FROM goal WHERE goal.id = measure.goal_id), ''),
           note
    FROM measure WHERE deleted_at IS NULL
    UNION ALL
    -- Look-fors are a JSON list; a malformed one is indexed as it is rather than failing the write.
    SELECT 'focus', id, teacher_id,
           statement || char(10) || CASE
               WHEN json_valid(look_fors)
               THEN coalesce((SELECT group_concat(value, '; ') FROM json_each(focus.look_fors)), '')
               ELSE look_fors
           END
    FROM focus WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'observation', id, teacher_id, class_period || char(10) || evidence
    FROM observation WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'check_in', id, teacher_id, notes || char(10) || reflection
    FROM check_in WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'action', id, teacher_id, what || char(10) || owner
    FROM action WHERE deleted_at IS NULL;

-- What is indexed, one row per live record: the content of the full-text index below,
-- which keeps only the words. Found by record when a record changes.
CREATE TABLE local_search_text (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    teacher_id TEXT NOT NULL,
    body       TEXT NOT NULL
) STRICT;
CREATE INDEX local_search_text_by_record ON local_search_text (record_id, kind);

-- Diacritics folded ("resume" finds "résumé"); prefix indexes make a typed "ex*" cheap.
CREATE VIRTUAL TABLE local_search USING fts5 (
    body,
    kind UNINDEXED,
    record_id UNINDEXED,
    teacher_id UNINDEXED,
    content = 'local_search_text',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER local_search_text_insert AFTER INSERT ON local_search_text BEGIN
    INSERT INTO local_search (rowid, body, kind, record_id, teacher_id)
    VALUES (new.id, new.body, new.kind, new.record_id, new.teacher_id);
END;
CREATE TRIGGER local_search_text_delete AFTER DELETE ON local_search_text BEGIN
    INSERT INTO local_search (local_search, rowid, body, kind, record_id, teacher_id)
    VALUES ('delete', old.id, old.body, old.kind, old.record_id, old.teacher_id);
END;
CREATE TRIGGER local_search_text_update AFTER UPDATE ON local_search_text BEGIN
    INSERT INTO local_search (local_search, rowid, body, kind, record_id, teacher_id)
    VALUES ('delete', old.id, old.body, old.kind, old.record_id, old.teacher_id);
    INSERT INTO local_search (rowid, body, kind, record_id, teacher_id)
    VALUES (new.id, new.body, new.kind, new.record_id, new.teacher_id);
END;

-- Each record table: a write replaces the record's row (none while it is in the trash).
-- Inserts clear first too, so an INSERT OR REPLACE (whose delete fires no trigger) stays right.
CREATE TRIGGER local_search_goal_insert AFTER INSERT ON goal BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'goal';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'goal';
END;
CREATE TRIGGER local_search_goal_update AFTER UPDATE ON goal BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'goal';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'goal';
END;
CREATE TRIGGER local_search_goal_delete AFTER DELETE ON goal BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'goal';
END;

CREATE TRIGGER local_search_measure_insert AFTER INSERT ON measure BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'measure';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'measure';
END;
CREATE TRIGGER local_search_measure_update AFTER UPDATE ON measure BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'measure';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'measure';
END;
CREATE TRIGGER local_search_measure_delete AFTER DELETE ON measure BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'measure';
END;

CREATE TRIGGER local_search_focus_insert AFTER INSERT ON focus BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'focus';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'focus';
END;
CREATE TRIGGER local_search_focus_update AFTER UPDATE ON focus BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'focus';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'focus';
END;
CREATE TRIGGER local_search_focus_delete AFTER DELETE ON focus BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'focus';
END;

CREATE TRIGGER local_search_observation_insert AFTER INSERT ON observation BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'observation';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'observation';
END;
CREATE TRIGGER local_search_observation_update AFTER UPDATE ON observation BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'observation';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'observation';
END;
CREATE TRIGGER local_search_observation_delete AFTER DELETE ON observation BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'observation';
END;

CREATE TRIGGER local_search_check_in_insert AFTER INSERT ON check_in BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'check_in';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'check_in';
END;
CREATE TRIGGER local_search_check_in_update AFTER UPDATE ON check_in BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'check_in';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'check_in';
END;
CREATE TRIGGER local_search_check_in_delete AFTER DELETE ON check_in BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'check_in';
END;

CREATE TRIGGER local_search_action_insert AFTER INSERT ON action BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'action';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'action';
END;
CREATE TRIGGER local_search_action_update AFTER UPDATE ON action BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'action';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'action';
END;
CREATE TRIGGER local_search_action_delete AFTER DELETE ON action BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'action';
END;

-- Index what is already there.
INSERT INTO local_search_text (kind, record_id, teacher_id, body)
SELECT kind, record_id, teacher_id, body FROM local_search_source;
