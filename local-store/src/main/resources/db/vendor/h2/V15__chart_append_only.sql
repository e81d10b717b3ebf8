-- H2: chart revision tables refuse UPDATE and DELETE (docs/adr/0025). The trigger class lives in local-store.
CREATE TRIGGER chart_record_append_only BEFORE UPDATE, DELETE ON chart_record
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_revision_append_only BEFORE UPDATE, DELETE ON chart_revision
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_note_content_append_only BEFORE UPDATE, DELETE ON chart_note_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';

-- H2's TRUNCATE TABLE fires no triggers, but refuses a table that a foreign key references. chart_record and
-- chart_revision are referenced already; this always-empty table makes chart_note_content referenced too.
CREATE TABLE chart_truncate_guard (
  note_revision_id  BIGINT  REFERENCES chart_note_content (revision_id)
);
