package jp.tsumugi.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import jp.tsumugi.app.common.Hex;

/**
 * The hash chain: each entry's hash is SHA-256 over the previous entry's hash and the entry's own
 * canonical form. Changing any field of any entry, or removing one, breaks every later link.
 */
public final class AuditChain {
  /** The previous hash of entry 1. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {
  }

  /**
   * Canonical form: every field length-prefixed ({@code len:value|}), so no choice of field
   * contents can make two different entries serialise alike.
   */
  public static String canonical(long sequence, Instant instant, String actor, String terminal,
      AuditAction action, String target, String detail) {
    StringBuilder out = new StringBuilder(128);
    for (String field : new String[] {Long.toString(sequence), Long.toString(instant.toEpochMilli()), actor, terminal,
        action.name(), target, detail}) {
      out.append(field.length()).append(':').append(field).append('|');
    }
    return out.toString();
  }

  public static String hash(String previousHash, String canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      sha.update(canonical.getBytes(StandardCharsets.UTF_8));
      return Hex.encode(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** Builds the next entry after {@code previous} (null for the first). */
  public static AuditEntry next(AuditEntry previous, Instant now, AuditEvent event) {
    long sequence = previous == null ? 1 : previous.sequence() + 1;
    String previousHash = previous == null ? GENESIS : previous.hash();
    Instant instant = Instant.ofEpochMilli(now.toEpochMilli());
    String canonical = canonical(sequence, instant, event.actor(), event.terminal(), event.action(), event.target(),
        event.detail());
    return new AuditEntry(sequence, instant, event.actor(), event.terminal(), event.action(), event.target(),
        event.detail(), previousHash, hash(previousHash, canonical));
  }

  /** Recomputes the hash an entry should carry given its stored fields. */
  public static String expectedHash(AuditEntry entry) {
    return hash(entry.previousHash(), canonical(entry.sequence(), entry.instant(), entry.actor(), entry.terminal(),
        entry.action(), entry.target(), entry.detail()));
  }
}
