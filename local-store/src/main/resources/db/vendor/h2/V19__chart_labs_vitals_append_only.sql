-- H2: lab and vitals content tables refuse UPDATE and DELETE (docs/adr/0026; trigger class from V15).
CREATE TRIGGER chart_lab_content_append_only BEFORE UPDATE, DELETE ON chart_lab_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_vital_content_append_only BEFORE UPDATE, DELETE ON chart_vital_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';

-- TRUNCATE guard (see V15): an always-empty table references both content tables, so H2 refuses TRUNCATE on them
-- even if the *_current index tables (which reference them too) were ever dropped.
CREATE TABLE chart_lab_vital_truncate_guard (
  lab_revision_id    BIGINT  REFERENCES chart_lab_content (revision_id),
  vital_revision_id  BIGINT  REFERENCES chart_vital_content (revision_id)
);
