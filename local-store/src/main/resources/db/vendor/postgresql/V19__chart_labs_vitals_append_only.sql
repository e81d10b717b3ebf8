-- PostgreSQL: lab and vitals content tables refuse UPDATE, DELETE and TRUNCATE (docs/adr/0026; function from V15).
CREATE TRIGGER chart_lab_content_append_only BEFORE UPDATE OR DELETE ON chart_lab_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_lab_content_no_truncate BEFORE TRUNCATE ON chart_lab_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_vital_content_append_only BEFORE UPDATE OR DELETE ON chart_vital_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_vital_content_no_truncate BEFORE TRUNCATE ON chart_vital_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
