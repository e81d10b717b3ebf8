-- PostgreSQL: prescription tables refuse UPDATE, DELETE and TRUNCATE (docs/adr/0029; function from V15).
CREATE TRIGGER chart_rx_visit_append_only BEFORE UPDATE OR DELETE ON chart_rx_visit
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_visit_no_truncate BEFORE TRUNCATE ON chart_rx_visit
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_content_append_only BEFORE UPDATE OR DELETE ON chart_rx_content
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_content_no_truncate BEFORE TRUNCATE ON chart_rx_content
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_group_append_only BEFORE UPDATE OR DELETE ON chart_rx_group
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_group_no_truncate BEFORE TRUNCATE ON chart_rx_group
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_item_append_only BEFORE UPDATE OR DELETE ON chart_rx_item
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_item_no_truncate BEFORE TRUNCATE ON chart_rx_item
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_override_append_only BEFORE UPDATE OR DELETE ON chart_rx_override
  FOR EACH ROW EXECUTE FUNCTION chart_append_only();
CREATE TRIGGER chart_rx_override_no_truncate BEFORE TRUNCATE ON chart_rx_override
  FOR EACH STATEMENT EXECUTE FUNCTION chart_append_only();
