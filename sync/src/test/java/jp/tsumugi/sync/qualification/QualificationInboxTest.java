package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.LedgerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualificationInboxTest {
  private static final String FACE_NAME = "OQSsiquc01res_face0001.xml";
  @TempDir Path tmp;
  private InboxHarness h;

  @BeforeEach
  void setUp() {
    h = InboxHarness.create(tmp);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private static ResultFileProcessor.Kind only(List<QualificationInbox.Handled> handled) {
    assertThat(handled).hasSize(1);
    return handled.get(0).outcome().kind();
  }

  @Test
  void aSettledResultIsAppliedOnceAuditedAndMovedToProcessed() {
    h.drop(InboxSource.FACE, FACE_NAME, Fixtures.bytes("face-new-patient-utf8.xml"));
    QualificationInbox.ScanReport first = h.inbox.scanOnce();
    assertThat(first.handled()).isEmpty();
    assertThat(first.settling()).isEqualTo(1);
    h.clock.advance(InboxHarness.SETTLE);
    List<QualificationInbox.Handled> handled = h.inbox.scanOnce().handled();
    assertThat(only(handled)).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    LedgerEntry entry = handled.get(0).outcome().entry();
    assertThat(entry.state()).isEqualTo(LedgerState.APPLIED);
    assertThat(entry.source()).isEqualTo(InboxSource.FACE);
    assertThat(entry.summary()).startsWith("validity=VALID insurer=").contains("key=yes");
    assertThat(InboxHarness.names(h.folders.face())).isEmpty();
    assertThat(InboxHarness.names(h.folders.processed())).containsExactly(entry.id() + "-" + FACE_NAME);
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
    assertThat(h.inbox.scanOnce().handled()).isEmpty();
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
  }

  @Test
  void aFileWrittenInTwoHalvesIsNotReadUntilItIsCompleteAndSettled() throws IOException {
    byte[] whole = Fixtures.bytes("face-new-patient-sjis.xml");
    Path file = h.folders.face().resolve(FACE_NAME);
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      out.write(Arrays.copyOf(whole, whole.length / 2));
      out.flush();
      assertThat(h.inbox.scanOnce().handled()).isEmpty();
      h.clock.advance(Duration.ofMillis(600));
      assertThat(h.inbox.scanOnce().handled()).as("half a file, unchanged for less than the settle time").isEmpty();
      out.write(Arrays.copyOfRange(whole, whole.length / 2, whole.length));
    }
    h.clock.advance(Duration.ofMillis(600));
    assertThat(h.inbox.scanOnce().handled()).as("the file changed since the last scan").isEmpty();
    h.clock.advance(Duration.ofMillis(600));
    assertThat(h.inbox.scanOnce().handled()).as("unchanged, but only for 0.6 s").isEmpty();
    assertThat(h.store.qualificationLedger().received()).isEmpty();
    h.clock.advance(Duration.ofMillis(600));
    List<QualificationInbox.Handled> handled = h.inbox.scanOnce().handled();
    assertThat(only(handled)).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    assertThat(handled.get(0).outcome().entry().sizeBytes()).isEqualTo(whole.length);
    assertThat(h.store.qualificationLedger().quarantined()).isEmpty();
  }

  @Test
  void theSameNameWithTheSameContentTwiceIsAppliedOnce() {
    byte[] bytes = Fixtures.bytes("face-limit-certificate.xml");
    h.drop(InboxSource.FACE, FACE_NAME, bytes);
    assertThat(only(h.settleAndScan())).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    h.drop(InboxSource.FACE, FACE_NAME, bytes);
    List<QualificationInbox.Handled> again = h.settleAndScan();
    assertThat(only(again)).isEqualTo(ResultFileProcessor.Kind.ALREADY_APPLIED);
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
    assertThat(h.handler.calls.get()).isEqualTo(1);
    long id = again.get(0).outcome().entry().id();
    assertThat(InboxHarness.names(h.folders.processed())).containsExactly(id + "-" + FACE_NAME, "2-" + id + "-" + FACE_NAME);
  }

  @Test
  void theSameNameWithDifferentContentIsANewFile() {
    h.drop(InboxSource.RES, "OQSsiquc01res_X1.xml", Fixtures.bytes("res-validity-1-valid.xml"));
    assertThat(only(h.settleAndScan())).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    h.drop(InboxSource.RES, "OQSsiquc01res_X1.xml", Fixtures.bytes("res-validity-3-newer.xml"));
    List<QualificationInbox.Handled> second = h.settleAndScan();
    assertThat(only(second)).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    assertThat(second.get(0).outcome().report().orElseThrow().validity()).isEqualTo("NEWER_QUALIFICATION_EXISTS");
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(2);
    assertThat(InboxHarness.names(h.folders.processed())).hasSize(2);
  }

  @Test
  void everyBadFileIsQuarantinedWithItsReasonAndTheNextGoodFileIsStillApplied() throws IOException {
    Map<String, ErrorCode> bad = new LinkedHashMap<>();
    bad.put("malformed-truncated.xml", ErrorCode.QUALIFICATION_TRUNCATED);
    bad.put("malformed-not-xml.xml", ErrorCode.QUALIFICATION_NOT_XML);
    bad.put("malformed-unknown-root.xml", ErrorCode.QUALIFICATION_UNKNOWN_ROOT);
    bad.put("malformed-mismatched-tags.xml", ErrorCode.QUALIFICATION_MALFORMED);
    bad.put("malformed-wrong-encoding-declared.xml", ErrorCode.QUALIFICATION_ENCODING_INVALID);
    bad.put("malformed-encoding-mismatch.xml", ErrorCode.QUALIFICATION_ENCODING_MISMATCH);
    bad.put("malformed-euc-jp.xml", ErrorCode.QUALIFICATION_ENCODING_UNSUPPORTED);
    bad.put("malformed-utf16.xml", ErrorCode.QUALIFICATION_ENCODING_UNSUPPORTED);
    bad.put("malformed-bad-birthdate.xml", ErrorCode.QUALIFICATION_FIELD_INVALID);
    bad.put("attack-xxe.xml", ErrorCode.QUALIFICATION_EXTERNAL_ENTITY);
    bad.put("attack-xxe-parameter.xml", ErrorCode.QUALIFICATION_EXTERNAL_ENTITY);
    bad.put("attack-external-dtd.xml", ErrorCode.QUALIFICATION_EXTERNAL_ENTITY);
    bad.put("attack-billion-laughs.xml", ErrorCode.QUALIFICATION_ENTITY_EXPANSION);
    bad.put("attack-doctype-only.xml", ErrorCode.QUALIFICATION_DOCTYPE_FORBIDDEN);
    for (String fixture : bad.keySet()) {
      h.drop(InboxSource.FACE, "a-" + fixture, Fixtures.bytes(fixture));
    }
    byte[] junk = new byte[10 * 1024 * 1024];
    new SplittableRandom(1).nextBytes(junk);
    h.drop(InboxSource.RES, "a-junk-10mb.xml", junk);
    h.drop(InboxSource.RES, "a-notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
    h.drop(InboxSource.FACE, "z-good.xml", Fixtures.bytes("face-consent-expired.xml"));

    List<QualificationInbox.Handled> handled = h.settleAndScan();

    assertThat(handled).hasSize(bad.size() + 3);
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).as("only the good file touched anything").isEqualTo(1);
    assertThat(InboxHarness.names(h.folders.face())).isEmpty();
    assertThat(InboxHarness.names(h.folders.results())).isEmpty();
    Map<String, String> expected = new LinkedHashMap<>();
    bad.forEach((fixture, code) -> expected.put("a-" + fixture, code.code()));
    expected.put("a-junk-10mb.xml", ErrorCode.QUALIFICATION_FILE_TOO_LARGE.code());
    expected.put("a-notes.txt", ErrorCode.QUALIFICATION_FILE_NAME_UNKNOWN.code());
    List<LedgerEntry> quarantined = h.inbox.quarantined();
    assertThat(quarantined).hasSize(expected.size());
    for (LedgerEntry e : quarantined) {
      assertThat(e.reasonCode()).as(e.fileName()).isEqualTo(expected.get(e.fileName()));
      Path moved = h.folders.quarantine().resolve(e.id() + "-" + e.fileName());
      assertThat(moved).as("kept, never deleted").exists();
      String reason = Files.readString(h.folders.quarantine().resolve(e.id() + "-" + e.fileName() + ".reason.txt"));
      assertThat(reason).startsWith("code: " + e.reasonCode() + "\n").contains("sha256: " + e.sha256());
    }
    assertThat(Files.size(h.folders.quarantine().resolve(idOf(quarantined, "a-junk-10mb.xml") + "-a-junk-10mb.xml")))
        .isEqualTo(junk.length);
    assertThat(handled).filteredOn(x -> x.fileName().equals("z-good.xml")).singleElement()
        .satisfies(x -> assertThat(x.outcome().kind()).isEqualTo(ResultFileProcessor.Kind.APPLIED));
  }

  private static long idOf(List<LedgerEntry> entries, String name) {
    return entries.stream().filter(e -> e.fileName().equals(name)).findFirst().orElseThrow().id();
  }

  @Test
  void aFailingHandlerRollsBackLeavesTheFileAndTheNextScanAppliesIt() {
    h.handler.failNext(1);
    h.drop(InboxSource.FACE, FACE_NAME, Fixtures.bytes("face-late-elderly-10pct.xml"));
    assertThat(only(h.settleAndScan())).isEqualTo(ResultFileProcessor.Kind.RETRY_LATER);
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).as("the handler's audit write was rolled back").isZero();
    assertThat(InboxHarness.names(h.folders.face())).containsExactly(FACE_NAME);
    assertThat(h.store.qualificationLedger().received()).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(only(h.inbox.scanOnce().handled())).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
    assertThat(h.store.qualificationLedger().received()).isEmpty();
  }

  @Test
  void aHandlerThatKeepsFailingIsQuarantinedAfterTheLastAttempt() {
    h.handler.failNext(100);
    h.drop(InboxSource.FACE, FACE_NAME, Fixtures.bytes("face-late-elderly-10pct.xml"));
    assertThat(only(h.settleAndScan())).isEqualTo(ResultFileProcessor.Kind.RETRY_LATER);
    assertThat(only(h.inbox.scanOnce().handled())).isEqualTo(ResultFileProcessor.Kind.RETRY_LATER);
    assertThat(only(h.inbox.scanOnce().handled())).isEqualTo(ResultFileProcessor.Kind.QUARANTINED);
    assertThat(h.inbox.quarantined()).singleElement().satisfies(e -> {
      assertThat(e.reasonCode()).isEqualTo(ErrorCode.QUALIFICATION_APPLY_FAILED.code());
      assertThat(e.reasonDetail()).contains("3 attempts").contains("IllegalStateException");
    });
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isZero();
  }

  @Test
  void aFileLeftInTheFolderAfterItWasAppliedIsMovedNotAppliedAgain() {
    byte[] bytes = Fixtures.bytes("face-new-patient-utf8.xml");
    Path outside = h.root.resolve(FACE_NAME);
    try {
      Files.write(outside, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(h.processor.ingest(outside).kind()).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    assertThat(outside).as("ingest leaves the file where it is").exists();
    assertThat(h.processor.ingest(outside).kind()).isEqualTo(ResultFileProcessor.Kind.ALREADY_APPLIED);
    h.drop(InboxSource.FACE, FACE_NAME, bytes);
    assertThat(only(h.settleAndScan())).isEqualTo(ResultFileProcessor.Kind.ALREADY_APPLIED);
    assertThat(InboxHarness.names(h.folders.face())).isEmpty();
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
  }

  @Test
  void aReceivedEntryLeftByACrashIsAppliedByTheNextScan() {
    byte[] bytes = Fixtures.bytes("face-new-patient-utf8.xml");
    h.drop(InboxSource.FACE, FACE_NAME, bytes);
    String sha = java.util.HexFormat.of().formatHex(FileSnapshot.newDigest().digest(bytes));
    LedgerEntry before = h.store.qualificationLedger().receive(FACE_NAME, sha, InboxSource.FACE, bytes.length, InboxHarness.START);
    List<QualificationInbox.Handled> handled = h.settleAndScan();
    assertThat(only(handled)).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    assertThat(handled.get(0).outcome().entry().id()).isEqualTo(before.id());
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
  }

  @Test
  void hiddenAndPartialNamesAreLeftAlone() {
    h.drop(InboxSource.RES, ".OQSsiquc01res_1.xml.part", "<Xml".getBytes(StandardCharsets.US_ASCII));
    h.drop(InboxSource.RES, "OQSsiquc01res_2.xml.tmp", "<Xml".getBytes(StandardCharsets.US_ASCII));
    assertThat(h.settleAndScan()).isEmpty();
    assertThat(InboxHarness.names(h.folders.results())).hasSize(2);
    assertThat(h.inbox.quarantined()).isEmpty();
  }

  @Test
  void anUnreachableShareIsReportedAndTheInboxCarriesOnWhenItIsBack() throws IOException {
    Path res = h.folders.results();
    Path away = h.root.resolve("res-away");
    Files.move(res, away);
    assertThatThrownBy(() -> h.inbox.scanOnce()).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_FOLDER_UNAVAILABLE));
    Files.move(away, res);
    h.drop(InboxSource.RES, "OQSsiquc01res_9.xml", Fixtures.bytes("res-validity-2-invalid.xml"));
    List<QualificationInbox.Handled> handled = h.settleAndScan();
    assertThat(only(handled)).isEqualTo(ResultFileProcessor.Kind.APPLIED);
    assertThat(handled.get(0).outcome().report().orElseThrow().warnings()).contains("NOT_VALID:INVALID");
  }
}
