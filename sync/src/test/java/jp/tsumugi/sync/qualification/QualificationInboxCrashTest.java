package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.LedgerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 3: the process is killed mid-way; the restart applies the file exactly once. Real child JVMs, killed with destroyForcibly. */
class QualificationInboxCrashTest {
  private static final String NAME = "OQSsiquc01res_face0042.xml";
  @TempDir Path tmp;

  private void runChildUntilItStops(String moment) throws IOException, InterruptedException {
    try (InboxHarness first = InboxHarness.create(tmp)) {
      first.drop(InboxSource.FACE, NAME, Fixtures.bytes("face-new-patient-sjis.xml"));
    }
    Path marker = tmp.resolve("stopped.marker");
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), InboxCrashMain.class.getName(),
        tmp.resolve("share").toString(), tmp.resolve("data").toString(), tmp.resolve("keys").toString(), marker.toString(), moment)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      Instant end = Instant.now().plus(Duration.ofSeconds(60));
      while (!Files.exists(marker) && child.isAlive() && Instant.now().isBefore(end)) {
        Thread.sleep(50);
      }
      assertThat(marker).as("the child reached the moment %s; log: %s", moment, tmp.resolve("child.log")).exists();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void killedAfterReadingBeforeApplyingTheRestartAppliesTheFileExactlyOnce() throws IOException, InterruptedException {
    runChildUntilItStops("before-apply");
    try (InboxHarness restarted = InboxHarness.reopen(tmp, Instant.now())) {
      List<LedgerEntry> leftBehind = restarted.store.qualificationLedger().received();
      assertThat(leftBehind).singleElement().satisfies(e -> assertThat(e.fileName()).isEqualTo(NAME));
      assertThat(InboxHarness.names(restarted.folders.face())).containsExactly(NAME);
      assertThat(restarted.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isZero();

      List<QualificationInbox.Handled> handled = restarted.settleAndScan();

      assertThat(handled).singleElement().satisfies(x -> {
        assertThat(x.outcome().kind()).isEqualTo(ResultFileProcessor.Kind.APPLIED);
        assertThat(x.outcome().entry().id()).isEqualTo(leftBehind.get(0).id());
      });
      assertThat(restarted.settleAndScan()).isEmpty();
      assertThat(restarted.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
      assertThat(restarted.store.qualificationLedger().find(NAME, leftBehind.get(0).sha256()).orElseThrow().state())
          .isEqualTo(LedgerState.APPLIED);
      assertThat(InboxHarness.names(restarted.folders.face())).isEmpty();
    }
  }

  @Test
  void killedAfterApplyingBeforeMovingTheRestartOnlyMovesTheFile() throws IOException, InterruptedException {
    runChildUntilItStops("before-move");
    try (InboxHarness restarted = InboxHarness.reopen(tmp, Instant.now())) {
      assertThat(InboxHarness.names(restarted.folders.face())).containsExactly(NAME);
      assertThat(restarted.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).as("the child's commit survived the kill").isEqualTo(1);

      List<QualificationInbox.Handled> handled = restarted.settleAndScan();

      assertThat(handled).singleElement()
          .satisfies(x -> assertThat(x.outcome().kind()).isEqualTo(ResultFileProcessor.Kind.ALREADY_APPLIED));
      assertThat(restarted.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
      assertThat(InboxHarness.names(restarted.folders.face())).isEmpty();
      assertThat(InboxHarness.names(restarted.folders.processed())).hasSize(1);
    }
  }
}
