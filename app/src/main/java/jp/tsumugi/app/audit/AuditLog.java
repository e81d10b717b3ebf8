package jp.tsumugi.app.audit;

/** Port used by every use case: record that something happened. */
public interface AuditLog {
  void record(AuditEvent event);
}
