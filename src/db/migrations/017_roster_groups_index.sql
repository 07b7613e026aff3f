-- The roster's header counts everyone by school and role before the first frame (a
-- district's file holds thousands of people): an index of the live people in that order,
-- holding the archived flag too, so the count reads no row of the table and sorts nothing.
CREATE INDEX teacher_groups ON teacher (school, role, archived) WHERE deleted_at IS NULL;
