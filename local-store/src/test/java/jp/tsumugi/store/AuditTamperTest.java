package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Someone with the key edits the audit table directly: the verifier names the first broken entry. */
class AuditTamperTest {
  @TempDir Path root;
  private StoreLocation location;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("Asia/Tokyo"));

  @BeforeEach
  void writeHundredEntries() {
    location = new StoreLocation(root.resolve("data"), root.resolve("keys"));
    try (LocalStore store = LocalStore.createH2(location, clock).store()) {
      HashChainedAuditLog log = new HashChainedAuditLog(store.auditEntries(), clock);
      for (int i = 1; i <= 100; i++) {
        log.record(new AuditEvent("user" + (i % 4), "t1", i % 2 == 0 ? AuditAction.LOGIN_SUCCESS : AuditAction.LOGOUT,
            "patient-" + i, "n=" + i));
      }
    }
  }

  private AuditVerifier.Result verifyAfter(String sql) throws Exception {
    try (Connection c = StoreTestAccess.rawConnection(location); Statement s = c.createStatement()) {
      if (sql != null) {
        assertThat(s.executeUpdate(sql)).isEqualTo(1);
      }
    }
    try (LocalStore store = LocalStore.openH2(location, clock)) {
      return new AuditVerifier(store.auditEntries()).verify();
    }
  }

  @Test
  void untouchedLogVerifies() throws Exception {
    AuditVerifier.Result result = verifyAfter(null);
    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(100);
  }

  @Test
  void editedDetailIsFoundAtItsEntry() throws Exception {
    AuditVerifier.Result result = verifyAfter("UPDATE audit_log SET detail = 'n=0' WHERE seq = 42");
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(42);
    assertThat(result.reason()).contains("edited");
  }

  @Test
  void editedActorWithRecomputedHashIsFoundAtTheNextLink() throws Exception {
    // A forger who also rewrites the row's own hash still breaks the next entry's link.
    AuditVerifier.Result result = verifyAfter("UPDATE audit_log SET actor = 'nobody', hash = '"
        + "f".repeat(64) + "' WHERE seq = 42");
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isIn(42L, 43L);
  }

  @Test
  void deletedEntryIsFoundAsMissing() throws Exception {
    AuditVerifier.Result result = verifyAfter("DELETE FROM audit_log WHERE seq = 42");
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(42);
    assertThat(result.reason()).contains("missing");
  }

  @Test
  void changedTimeIsFound() throws Exception {
    AuditVerifier.Result result = verifyAfter("UPDATE audit_log SET occurred_at_ms = occurred_at_ms + 1 WHERE seq = 7");
    assertThat(result.firstBrokenSequence()).isEqualTo(7);
  }
}
