-- H2: problem content tables refuse UPDATE and DELETE (docs/adr/0025).
CREATE TRIGGER chart_problem_content_append_only BEFORE UPDATE, DELETE ON chart_problem_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_problem_modifier_append_only BEFORE UPDATE, DELETE ON chart_problem_modifier
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';

-- TRUNCATE guard (see V15): chart_problem_content is referenced by chart_problem_modifier; this always-empty
-- table makes chart_problem_modifier referenced too.
CREATE TABLE chart_problem_truncate_guard (
  revision_id  BIGINT,
  ordinal      INTEGER,
  CONSTRAINT chart_problem_truncate_guard_fk FOREIGN KEY (revision_id, ordinal)
    REFERENCES chart_problem_modifier (revision_id, ordinal)
);
