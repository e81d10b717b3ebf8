-- H2: problem, allergy, contraindication and infection content tables refuse UPDATE and DELETE (docs/adr/0025).
CREATE TRIGGER chart_problem_content_append_only BEFORE UPDATE, DELETE ON chart_problem_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_problem_modifier_append_only BEFORE UPDATE, DELETE ON chart_problem_modifier
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_allergy_content_append_only BEFORE UPDATE, DELETE ON chart_allergy_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_contraindication_content_append_only BEFORE UPDATE, DELETE ON chart_contraindication_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_infection_content_append_only BEFORE UPDATE, DELETE ON chart_infection_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';

-- TRUNCATE guard (see V15): chart_problem_content is referenced by chart_problem_modifier; this always-empty
-- table makes chart_problem_modifier referenced too.
CREATE TABLE chart_problem_truncate_guard (
  revision_id  BIGINT,
  ordinal      INTEGER,
  CONSTRAINT chart_problem_truncate_guard_fk FOREIGN KEY (revision_id, ordinal)
    REFERENCES chart_problem_modifier (revision_id, ordinal)
);

-- The fact content tables are referenced by nothing else: one always-empty table references all three.
CREATE TABLE chart_fact_truncate_guard (
  allergy_revision_id           BIGINT  REFERENCES chart_allergy_content (revision_id),
  contraindication_revision_id  BIGINT  REFERENCES chart_contraindication_content (revision_id),
  infection_revision_id         BIGINT  REFERENCES chart_infection_content (revision_id)
);
