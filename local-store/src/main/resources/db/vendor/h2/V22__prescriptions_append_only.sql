-- H2: prescription tables refuse UPDATE and DELETE (docs/adr/0029; trigger class from V15).
CREATE TRIGGER chart_rx_visit_append_only BEFORE UPDATE, DELETE ON chart_rx_visit
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_rx_content_append_only BEFORE UPDATE, DELETE ON chart_rx_content
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_rx_group_append_only BEFORE UPDATE, DELETE ON chart_rx_group
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_rx_item_append_only BEFORE UPDATE, DELETE ON chart_rx_item
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';
CREATE TRIGGER chart_rx_override_append_only BEFORE UPDATE, DELETE ON chart_rx_override
  FOR EACH ROW CALL 'jp.tsumugi.store.AppendOnlyTrigger';

-- TRUNCATE guard (see V15): H2's TRUNCATE fires no triggers but refuses a referenced table. This always-empty table
-- references every prescription table that nothing else references.
CREATE TABLE chart_rx_truncate_guard (
  visit_id       BIGINT   REFERENCES chart_rx_visit (visit_id),
  revision_id    BIGINT,
  group_no       INTEGER,
  item_no        INTEGER,
  override_seq   INTEGER,
  content_id     BIGINT   REFERENCES chart_rx_content (revision_id),
  CONSTRAINT chart_rx_truncate_guard_item FOREIGN KEY (revision_id, group_no, item_no)
    REFERENCES chart_rx_item (revision_id, group_no, item_no),
  CONSTRAINT chart_rx_truncate_guard_override FOREIGN KEY (revision_id, override_seq)
    REFERENCES chart_rx_override (revision_id, seq)
);
