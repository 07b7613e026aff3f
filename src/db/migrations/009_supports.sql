-- coachlog schema, version 9: supports tried. A teacher's record keeps the support given
-- (training, co-planning, modelling, a peer visit, a resource, a feedback conference or
-- another kind): on which day, by whom, for how many of the coach's minutes, with a note,
-- and the focus active when it was added, so a conference can see which supports came
-- before a rise in the ratings. Its note is searched like every other note.
CREATE TABLE support (
    id          TEXT PRIMARY KEY NOT NULL,
    teacher_id  TEXT NOT NULL REFERENCES teacher (id) DEFERRABLE INITIALLY DEFERRED,
    focus_id    TEXT REFERENCES focus (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('training', 'co_planning', 'modelling', 'peer_visit',
                                'resource', 'feedback_conference', 'other')),
    given_on    TEXT NOT NULL,
    given_by    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    minutes     INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    author      TEXT NOT NULL,
    replica_id  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX support_by_teacher ON support (teacher_id, given_on);

-- The search index's source gains supports (the rest as schema 3 had it).
DROP VIEW local_search_source;
CREATE VIEW local_search_source (kind, record_id, teacher_id, body) AS
    SELECT 'goal', id, teacher_id, statement || char(10) || why || char(10) || measure
    FROM goal WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'measure', id,
           coalesce((SELECT goal.teacher_id FROM goal WHERE goal.id = measure.goal_id), ''),
           note
    FROM measure WHERE deleted_at IS NULL
    UNION ALL
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
    FROM action WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'support', id, teacher_id,
           replace(kind, '_', '-') || char(10) || given_by || char(10) || note
    FROM support WHERE deleted_at IS NULL;

CREATE TRIGGER local_search_support_insert AFTER INSERT ON support BEGIN
    DELETE FROM local_search_text WHERE record_id = new.id AND kind = 'support';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'support';
END;
CREATE TRIGGER local_search_support_update AFTER UPDATE ON support BEGIN
    DELETE FROM local_search_text WHERE record_id IN (old.id, new.id) AND kind = 'support';
    INSERT INTO local_search_text (kind, record_id, teacher_id, body)
    SELECT kind, record_id, teacher_id, body FROM local_search_source
    WHERE record_id = new.id AND kind = 'support';
END;
CREATE TRIGGER local_search_support_delete AFTER DELETE ON support BEGIN
    DELETE FROM local_search_text WHERE record_id = old.id AND kind = 'support';
END;
