-- Every connection parses the whole schema when it opens the file, the first frame's too,
-- and the search index's 24 triggers were 40 % of it. Only a connection that writes needs
-- them: the store now makes them (`db/search/triggers.rs`, the same text) on the
-- connection that writes, before its first write, as TEMP triggers, gone when it closes.
-- A later migration that writes records in a step of Rust makes them first.
DROP TRIGGER local_search_text_insert;
DROP TRIGGER local_search_text_delete;
DROP TRIGGER local_search_text_update;
DROP TRIGGER local_search_goal_insert;
DROP TRIGGER local_search_goal_update;
DROP TRIGGER local_search_goal_delete;
DROP TRIGGER local_search_measure_insert;
DROP TRIGGER local_search_measure_update;
DROP TRIGGER local_search_measure_delete;
DROP TRIGGER local_search_focus_insert;
DROP TRIGGER local_search_focus_update;
DROP TRIGGER local_search_focus_delete;
DROP TRIGGER local_search_observation_insert;
DROP TRIGGER local_search_observation_update;
DROP TRIGGER local_search_observation_delete;
DROP TRIGGER local_search_check_in_insert;
DROP TRIGGER local_search_check_in_update;
DROP TRIGGER local_search_check_in_delete;
DROP TRIGGER local_search_action_insert;
DROP TRIGGER local_search_action_update;
DROP TRIGGER local_search_action_delete;
DROP TRIGGER local_search_support_insert;
DROP TRIGGER local_search_support_update;
DROP TRIGGER local_search_support_delete;
