package jp.tsumugi.app.audit;

import java.util.Objects;

/**
 * What a use case asks the audit log to record. {@code actor} is a user name (or {@code "-"} when
 * nobody is logged in), {@code target} the patient id or account concerned, {@code detail} a short
 * machine-readable note. Names of patients never go here: the id is enough to find them.
 */
public record AuditEvent(String actor, String terminal, AuditAction action, String target, String detail) {
  public AuditEvent {
    Objects.requireNonNull(actor);
    Objects.requireNonNull(terminal);
    Objects.requireNonNull(action);
    target = target == null ? "" : target;
    detail = detail == null ? "" : detail;
  }
}
