package jp.tsumugi.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:02:03.456Z"));
  private final InMemoryAuditEntryStore store = new InMemoryAuditEntryStore();
  private final AuditVerifier verifier = new AuditVerifier(store);

  @BeforeEach
  void fiveEntries() {
    HashChainedAuditLog log = new HashChainedAuditLog(store, clock);
    for (int i = 1; i <= 5; i++) {
      log.record(new AuditEvent("doctor", "exam-1", AuditAction.PATIENT_READ, "patient:" + i, "n=" + i));
      clock.advance(java.time.Duration.ofSeconds(1));
    }
  }

  @Test
  void untouchedLogVerifies() {
    AuditVerifier.Result result = verifier.verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(5);
    assertThat(store.entries().get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(store.entries().get(1).previousHash()).isEqualTo(store.entries().get(0).hash());
  }

  @Test
  void entryHashIsSha256OverPreviousHashAndCanonicalForm() {
    AuditEntry first = store.entries().get(0);
    // Independently: SHA-256 of GENESIS followed by the length-prefixed fields.
    String canonical = "1:1|13:" + Instant.parse("2026-11-25T01:02:03.456Z").toEpochMilli()
        + "|6:doctor|6:exam-1|12:PATIENT_READ|9:patient:1|3:n=1|";
    assertThat(AuditChain.canonical(1, first.instant(), "doctor", "exam-1", AuditAction.PATIENT_READ, "patient:1", "n=1"))
        .isEqualTo(canonical);
    assertThat(first.hash()).isEqualTo(sha256Hex(AuditChain.GENESIS + canonical));
  }

  @Test
  void editedEntryIsNamedAsTheFirstBroken() {
    AuditEntry third = store.entries().get(2);
    store.rows().set(2, new AuditEntryStore.ReadableEntry(new AuditEntry(third.sequence(), third.instant(), "intruder",
        third.terminal(), third.action(), third.target(), third.detail(), third.previousHash(), third.hash())));

    AuditVerifier.Result result = verifier.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(3);
    assertThat(result.reason()).contains("edited");
  }

  @Test
  void rehashedEditBreaksTheNextLink() {
    AuditEntry third = store.entries().get(2);
    AuditEntry forged = AuditChain.next(store.entries().get(1), third.instant(),
        new AuditEvent("intruder", third.terminal(), third.action(), third.target(), third.detail()));
    store.rows().set(2, new AuditEntryStore.ReadableEntry(forged));

    AuditVerifier.Result result = verifier.verify();
    assertThat(result.firstBrokenSequence()).isEqualTo(4);
    assertThat(result.reason()).contains("link");
  }

  @Test
  void deletedEntryIsReportedAsMissing() {
    store.rows().remove(1);

    AuditVerifier.Result result = verifier.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(2);
    assertThat(result.reason()).contains("missing");
  }

  @Test
  void canonicalFormCannotBeForgedByMovingCharactersBetweenFields() {
    Instant t = Instant.EPOCH;
    assertThat(AuditChain.canonical(1, t, "ab", "c", AuditAction.LOGIN_SUCCESS, "", ""))
        .isNotEqualTo(AuditChain.canonical(1, t, "a", "bc", AuditAction.LOGIN_SUCCESS, "", ""));
    assertThat(AuditChain.canonical(1, t, "a|1:b", "", AuditAction.LOGIN_SUCCESS, "", ""))
        .isNotEqualTo(AuditChain.canonical(1, t, "a", "b", AuditAction.LOGIN_SUCCESS, "", ""));
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return String.format("%064x", new java.math.BigInteger(1, digest));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
