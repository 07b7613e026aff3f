-- The agenda reads every open action in due order (thousands in a district's file): an
-- index of the open, live actions only, holding every column in that order, so the read
-- needs no row of the table and no sort.
CREATE INDEX action_open_all ON action (
    due_on IS NULL, due_on, id, teacher_id, check_in_id, what, owner, done_on,
    created_at, updated_at, author, replica_id, deleted_at
) WHERE done_on IS NULL AND deleted_at IS NULL;
