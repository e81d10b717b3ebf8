package jp.tsumugi.app.audit;

import java.time.Instant;

/** One stored, hash-chained audit entry. {@code instant} has millisecond precision. */
public record AuditEntry(
    long sequence,
    Instant instant,
    String actor,
    String terminal,
    AuditAction action,
    String target,
    String detail,
    String previousHash,
    String hash) {
}
