-- PostgreSQL: chart revision tables refuse UPDATE, DELETE and TRUNCATE (docs/adr/0025).
CREATE FUNCTION chart_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TSU-9008: % on % refused: chart revisions are append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = '2F003';
END;
$$;

CREATE TRIGGER chart_record_append_only BEFORE UPDATE OR DELETE ON chart_record
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_record_no_truncate BEFORE TRUNCATE ON chart_record
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_revision_append_only BEFORE UPDATE OR DELETE ON chart_revision
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_revision_no_truncate BEFORE TRUNCATE ON chart_revision
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_note_content_append_only BEFORE UPDATE OR DELETE ON chart_note_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_note_content_no_truncate BEFORE TRUNCATE ON chart_note_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
