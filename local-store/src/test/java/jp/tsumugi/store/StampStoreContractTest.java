package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.AuditVerifier;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.app.chart.Stamps;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Stamps (V20) through the use case on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StampStoreContractTest {
  static final Instant START = Instant.parse("2026-11-25T01:02:03Z");

  protected final MutableClock clock = new MutableClock(START);
  protected LocalStore store;
  private Stamps stamps;
  private final Session doctor = session("doctor", Role.DOCTOR);
  private final Session otherDoctor = session("doctor2", Role.DOCTOR);
  private final Session nurse = session("nurse", Role.NURSE);

  abstract LocalStore openStore() throws Exception;

  private static Session session(String name, Role role) {
    return new Session(new User(0, name, name, role, "hash", null, true, 0, null, START), "診察室1", START);
  }

  @BeforeAll
  void openOnce() throws Exception {
    store = openStore();
  }

  @BeforeEach
  void freshStamps() {
    store.jdbcTransactions().withConnection(c -> {
      try (java.sql.Statement st = c.createStatement()) {
        return st.executeUpdate("DELETE FROM stamp");
      }
    });
    stamps = new Stamps(store.stampStore(), new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
  }

  @AfterAll
  void closeOnce() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aPrescriptionStampIsStoredAndReadBackWithItsKindAndText() {
    String body = jp.tsumugi.app.prescription.PrescriptionStampCodec.encode(java.util.List.of(jp.tsumugi.app.prescription.RpGroup.oral(
        "1A", 28, jp.tsumugi.app.prescription.RxItem.of("612170710", null, "1").asGeneric())));
    Stamp saved = stamps.create(doctor, false, StampKind.PRESCRIPTION, "bp28", "ノルバスク", body);
    Stamp read = stamps.lookup(doctor, "bp28").orElseThrow();
    assertThat(read.kind()).isEqualTo(StampKind.PRESCRIPTION);
    assertThat(read.body()).isEqualTo(body);
    assertThat(read.id()).isEqualTo(saved.id());
    assertThat(jp.tsumugi.app.prescription.PrescriptionStampCodec.decode(read.body()).get(0).items().get(0).generic()).isTrue();
  }

  @Test
  void ownStampWinsOverSharedOnTheSameNormalisedKeyword() {
    Stamp shared = stamps.create(doctor, true, StampKind.SUBJECTIVE, "ｶｾﾞ", "かぜ症状", "咽頭痛、鼻汁、咳嗽あり。");
    Stamp own = stamps.create(otherDoctor, false, StampKind.SUBJECTIVE, "カゼ", "かぜ（自分用）", "発熱なし😷");
    assertThat(shared.key()).isEqualTo("カゼ".toLowerCase());
    assertThat(stamps.lookup(otherDoctor, "ｶｾﾞ")).contains(own);
    assertThat(stamps.lookup(doctor, "カゼ")).contains(shared);
    assertThat(stamps.forUser(otherDoctor)).containsExactly(own);
    assertThat(stamps.forUser(nurse)).containsExactly(shared);
  }

  @Test
  void completionMatchesTheNormalisedPrefixAndSeesChangesAfterCommit() {
    stamps.create(doctor, true, StampKind.OBJECTIVE, "BP", "血圧", "BP 120/80");
    Stamp htn = stamps.create(doctor, false, StampKind.PLAN, "htn", "高血圧 Do",
        "アムロジピン錠5mg 1錠 分1 朝食後 28日分\nカンデサルタン錠8mg 1錠 分1 朝食後 28日分\n");
    assertThat(stamps.complete(doctor, "ＨＴ")).containsExactly(htn);
    assertThat(htn.lines()).hasSize(2);
    assertThat(stamps.complete(doctor, "")).extracting(Stamp::keyword).containsExactly("BP", "htn");
    stamps.update(doctor, htn.id(), StampKind.PLAN, "koatsu", "高血圧 Do", htn.body());
    assertThat(stamps.complete(doctor, "ht")).isEmpty();
    assertThat(stamps.complete(doctor, "koa")).extracting(Stamp::id).containsExactly(htn.id());
    stamps.delete(doctor, htn.id());
    assertThat(stamps.complete(doctor, "koa")).isEmpty();
  }

  @Test
  void aRolledBackCreateLeavesTheCompletionCacheAsItWas() {
    stamps.complete(doctor, "");
    assertThatThrownBy(() -> store.transactions().run(() -> {
      stamps.create(doctor, false, StampKind.ASSESSMENT, "uri", "上気道炎", "急性上気道炎");
      throw new IllegalStateException("undo");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(stamps.complete(doctor, "u")).isEmpty();
    assertThat(stamps.forUser(doctor)).isEmpty();
  }

  @Test
  void aKeywordIsUniquePerOwnerAndAClashSavesNothing() {
    Stamp first = stamps.create(doctor, false, StampKind.SUBJECTIVE, "kaze", "かぜ", "咽頭痛");
    assertThatThrownBy(() -> stamps.create(doctor, false, StampKind.PLAN, "KAZE", "別", "x"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STAMP_KEYWORD_TAKEN));
    Stamp second = stamps.create(doctor, false, StampKind.PLAN, "kaze2", "かぜ処方", "カロナール");
    assertThatThrownBy(() -> stamps.update(doctor, second.id(), StampKind.PLAN, "Kaze", "かぜ処方", "カロナール"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STAMP_KEYWORD_TAKEN));
    // the same keyword for another owner is fine
    stamps.create(otherDoctor, false, StampKind.SUBJECTIVE, "kaze", "かぜ", "咳");
    assertThat(stamps.forUser(doctor)).containsExactly(first, second);
  }

  @Test
  void sharedStampsNeedADoctorAndPersonalOnesTheirOwner() {
    assertThatThrownBy(() -> stamps.create(nurse, true, StampKind.OBJECTIVE, "bp", "血圧", "BP"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
    Stamp shared = stamps.create(doctor, true, StampKind.OBJECTIVE, "bp", "血圧", "BP");
    Stamp mine = stamps.create(nurse, false, StampKind.OBJECTIVE, "kt", "体温", "KT");
    assertThatThrownBy(() -> stamps.delete(nurse, shared.id()))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
    assertThatThrownBy(() -> stamps.update(doctor, mine.id(), StampKind.OBJECTIVE, "kt", "体温", "KT 36.5"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_PERMITTED));
    stamps.update(nurse, mine.id(), StampKind.OBJECTIVE, "kt", "体温", "KT 36.5");
    assertThat(stamps.forUser(nurse)).extracting(Stamp::body).containsExactly("BP", "KT 36.5");
  }

  @Test
  void invalidInputFailsAtItsField() {
    assertField("", "t", "b", "keyword", ErrorCode.STAMP_KEYWORD_INVALID);
    assertField("two words", "t", "b", "keyword", ErrorCode.STAMP_KEYWORD_INVALID);
    assertField("k".repeat(21), "t", "b", "keyword", ErrorCode.STAMP_KEYWORD_INVALID);
    assertField("k", " ", "b", "title", ErrorCode.STAMP_TITLE_INVALID);
    assertField("k", "t", "  ", "body", ErrorCode.STAMP_BODY_INVALID);
    assertField("k", "t", "あ".repeat(10_001), "body", ErrorCode.STAMP_BODY_INVALID);
    assertField("k", "t", "a\u0007b", "body", ErrorCode.CHART_TEXT_CONTROL_CHARACTER);
    assertThat(stamps.forUser(doctor)).isEmpty();
  }

  @Test
  void changesAreAuditedWithoutText() {
    Stamp s = stamps.create(doctor, true, StampKind.SUBJECTIVE, "kaze", "かぜ症状", "咽頭痛ひみつ");
    stamps.update(doctor, s.id(), StampKind.SUBJECTIVE, "kaze", "かぜ症状", "咽頭痛ひみつ2");
    stamps.delete(doctor, s.id());
    List<AuditEntry> entries = new ArrayList<>();
    store.auditEntries().forEachInOrder(row -> {
      if (row instanceof AuditEntryStore.ReadableEntry readable) {
        entries.add(readable.entry());
      }
    });
    List<AuditEntry> stampEntries = entries.stream().filter(e -> e.target().equals("stamp:" + s.id())).toList();
    assertThat(stampEntries).extracting(AuditEntry::action)
        .containsExactly(AuditAction.STAMP_CREATED, AuditAction.STAMP_CHANGED, AuditAction.STAMP_DELETED);
    assertThat(stampEntries).allSatisfy(e -> assertThat(e.detail()).doesNotContain("ひみつ").doesNotContain("かぜ"));
    assertThat(new AuditVerifier(store.auditEntries()).verify().intact()).isTrue();
  }

  private void assertField(String keyword, String title, String body, String field, ErrorCode code) {
    assertThatThrownBy(() -> stamps.create(doctor, false, StampKind.SUBJECTIVE, keyword, title, body))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.errorCode()).isEqualTo(code);
        });
  }
}
