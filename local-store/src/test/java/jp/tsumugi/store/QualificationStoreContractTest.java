package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.qualification.Consent;
import jp.tsumugi.app.qualification.ConsentKind;
import jp.tsumugi.app.qualification.ConsentRecord;
import jp.tsumugi.app.qualification.ConsentState;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.LedgerState;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.QualificationApplyStore;
import jp.tsumugi.app.qualification.QualificationLedger;
import jp.tsumugi.app.qualification.QualificationRequest;
import jp.tsumugi.app.qualification.QualificationRequestLog;
import jp.tsumugi.app.qualification.RegistrationProposal;
import jp.tsumugi.app.qualification.RequestState;
import jp.tsumugi.app.qualification.SpecificDiseaseCategory;
import jp.tsumugi.app.qualification.SpecificDiseaseRecord;
import jp.tsumugi.app.qualification.ValidityPeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The オンライン資格確認 ledger and request log (V6), run on H2 and PostgreSQL by the subclasses. */
abstract class QualificationStoreContractTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:02:03.456Z"), ZoneId.of("Asia/Tokyo"));
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);
  private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
  protected LocalStore store;
  private QualificationLedger ledger;
  private QualificationRequestLog requests;

  abstract LocalStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    ledger = store.qualificationLedger();
    requests = store.qualificationRequests();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void receivingTheSameNameAndContentTwiceKeepsOneEntry() {
    LedgerEntry first = ledger.receive("OQSsiquc01res_1.xml", SHA_A, InboxSource.RES, 1234, T0);
    LedgerEntry again = ledger.receive("OQSsiquc01res_1.xml", SHA_A, InboxSource.FACE, 99, T0.plusSeconds(5));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.state()).isEqualTo(LedgerState.RECEIVED);
    assertThat(again.source()).isEqualTo(InboxSource.RES);
    assertThat(again.sizeBytes()).isEqualTo(1234);
    assertThat(again.receivedAt()).isEqualTo(T0);
    assertThat(again.finishedAt()).isEmpty();
    LedgerEntry otherContent = ledger.receive("OQSsiquc01res_1.xml", SHA_B, InboxSource.RES, 1234, T0);
    assertThat(otherContent.id()).isNotEqualTo(first.id());
    assertThat(ledger.received()).extracting(LedgerEntry::id).containsExactly(first.id(), otherContent.id());
  }

  @Test
  void makingTheLedgerDurableWorksInsideAndOutsideATransaction() {
    LedgerEntry e = ledger.receive("d.xml", SHA_A, InboxSource.RES, 1, T0);
    ledger.makeDurable();
    store.transactions().run(ledger::makeDurable);
    assertThat(ledger.find("d.xml", SHA_A)).contains(e);
  }

  @Test
  void anEntryIsAppliedOnlyOnceAndThenNeverQuarantined() {
    LedgerEntry e = ledger.receive("face_1.xml", SHA_A, InboxSource.FACE, 10, T0);
    boolean first = store.transactions().inTransaction(() -> ledger.claimApplied(e.id(), "validity=VALID", T0.plusSeconds(1)));
    boolean second = store.transactions().inTransaction(() -> ledger.claimApplied(e.id(), "again", T0.plusSeconds(2)));
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(ledger.markQuarantined(e.id(), ErrorCode.QUALIFICATION_MALFORMED, "late", T0.plusSeconds(3))).isFalse();
    LedgerEntry read = ledger.find("face_1.xml", SHA_A).orElseThrow();
    assertThat(read.state()).isEqualTo(LedgerState.APPLIED);
    assertThat(read.summary()).isEqualTo("validity=VALID");
    assertThat(read.finishedAt()).contains(T0.plusSeconds(1));
    assertThat(ledger.received()).isEmpty();
    assertThat(ledger.receive("face_1.xml", SHA_A, InboxSource.FACE, 10, T0).state()).isEqualTo(LedgerState.APPLIED);
  }

  @Test
  void aClaimRolledBackWithItsTransactionLeavesTheEntryReceived() {
    LedgerEntry e = ledger.receive("face_2.xml", SHA_A, InboxSource.FACE, 10, T0);
    assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
      ledger.claimApplied(e.id(), "x", T0);
      throw new IllegalStateException("handler failed after the claim");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(ledger.find("face_2.xml", SHA_A).orElseThrow().state()).isEqualTo(LedgerState.RECEIVED);
    assertThat(ledger.received()).extracting(LedgerEntry::id).containsExactly(e.id());
    assertThat(ledger.countFailedAttempt(e.id())).isEqualTo(1);
    assertThat(ledger.countFailedAttempt(e.id())).isEqualTo(2);
    assertThat(ledger.find("face_2.xml", SHA_A).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void quarantinedEntriesKeepTheirReasonNewestFirst() {
    LedgerEntry older = ledger.receive("a.xml", SHA_A, InboxSource.RES, 1, T0);
    LedgerEntry newer = ledger.receive("b.txt", SHA_B, InboxSource.FACE, 2, T0);
    assertThat(ledger.markQuarantined(older.id(), ErrorCode.QUALIFICATION_TRUNCATED, "ends inside XmlMsg", T0.plusSeconds(1))).isTrue();
    assertThat(ledger.markQuarantined(newer.id(), ErrorCode.QUALIFICATION_FILE_NAME_UNKNOWN, "x".repeat(900), T0.plusSeconds(2))).isTrue();
    assertThat(store.transactions().inTransaction(() -> ledger.claimApplied(older.id(), "", T0))).isFalse();
    assertThat(ledger.quarantined()).extracting(LedgerEntry::fileName).containsExactly("b.txt", "a.xml");
    LedgerEntry a = ledger.quarantined().get(1);
    assertThat(a.reasonCode()).isEqualTo("TSU-7043");
    assertThat(a.reasonDetail()).isEqualTo("ends inside XmlMsg");
    assertThat(ledger.quarantined().get(0).reasonDetail()).hasSize(500);
  }

  private static QualificationRequest request(String insurer, String symbol, String branch) {
    return new QualificationRequest(LocalDate.of(2026, 11, 25), "1311234567", insurer, symbol, "901", branch,
        LocalDate.of(1988, 4, 12), true);
  }

  private static PendingRequest pending(String identifier, QualificationRequest q, Instant at, String reference) {
    return new PendingRequest(0, identifier, "OQSsiquc01req_" + identifier + ".xml", "OQSsiquc01res_" + identifier + ".xml", reference,
        q, at, at.plus(Duration.ofSeconds(30)), RequestState.PENDING, Optional.empty(), 0);
  }

  @Test
  void requestsRoundTripWithEveryField() {
    QualificationRequest q = request("01130012", "12-34", "00");
    PendingRequest saved = requests.insert(pending("A1", q, T0, "visit-7"));
    assertThat(saved.id()).isPositive();
    PendingRequest read = requests.findByIdentifier("A1").orElseThrow();
    assertThat(read).isEqualTo(saved);
    assertThat(read.request()).isEqualTo(q);
    PendingRequest emptySymbol = requests.insert(pending("A2", request("01130012", "", ""), T0, ""));
    assertThat(requests.findByIdentifier("A2").orElseThrow()).isEqualTo(emptySymbol);
    assertThat(requests.pending()).extracting(PendingRequest::identifier).containsExactly("A1", "A2");
    assertThat(requests.findByIdentifier("nope")).isEmpty();
  }

  @Test
  void requestsTimeOutAtTheirDeadlineAndALateAnswerStillCounts() {
    QualificationRequest q = request("01130012", "12-34", "00");
    PendingRequest early = requests.insert(pending("B1", q, T0, "v1"));
    PendingRequest later = requests.insert(pending("B2", q, T0.plusSeconds(10), "v2"));
    assertThat(requests.expire(T0.plusSeconds(29))).isEmpty();
    assertThat(requests.expire(T0.plusSeconds(30))).extracting(PendingRequest::id, PendingRequest::state)
        .containsExactly(tuple(early.id(), RequestState.TIMED_OUT));
    assertThat(requests.expire(T0.plusSeconds(30))).isEmpty();
    assertThat(requests.timedOut()).extracting(PendingRequest::identifier).containsExactly("B1");
    assertThat(requests.pending()).extracting(PendingRequest::identifier).containsExactly("B2");

    PendingRequest answered = requests.markAnswered(early.resultFileName(), T0.plusSeconds(60)).orElseThrow();
    assertThat(answered.state()).isEqualTo(RequestState.ANSWERED);
    assertThat(answered.answeredAt()).contains(T0.plusSeconds(60));
    assertThat(requests.markRetried(early.id())).isFalse();
    assertThat(requests.markAnswered("OQSsiquc01res_unknown.xml", T0)).isEmpty();
    assertThat(requests.markTimedOut(later.id())).isTrue();
    assertThat(requests.markTimedOut(later.id())).isFalse();
    assertThat(requests.markRetried(later.id())).isTrue();
    assertThat(requests.markRetried(later.id())).isFalse();
    assertThat(requests.findByIdentifier("B2").orElseThrow().state()).isEqualTo(RequestState.RETRIED);
  }

  @Test
  void aSecondRequestWithTheSameIdentifierIsRefused() {
    QualificationRequest q = request("01130012", "", "");
    requests.insert(pending("C1", q, T0, ""));
    assertThatThrownBy(() -> requests.insert(pending("C1", q, T0, ""))).isInstanceOf(RuntimeException.class);
  }

  private static RegistrationProposal proposal(String given) {
    return new RegistrationProposal(0, 3, RegistrationProposal.State.PENDING, "紡", given, "ツムギ", "ハナコ", "2",
        LocalDate.of(1988, 4, 12), "100-0001", "東京都千代田区千代田1-1", "01130012", "12345678", "901", "00", "1",
        Optional.of(LocalDate.of(2020, 4, 1)), Optional.empty(), 0, 0, "A03", false, 1_000, 0);
  }

  @Test
  void aProposalRoundTripsAndIsDoneOnlyOnce() {
    QualificationApplyStore apply = store.qualificationApplyStore();
    RegistrationProposal first = apply.insertProposal(proposal("花子"));
    RegistrationProposal second = apply.insertProposal(proposal("次郎"));

    assertThat(apply.findProposal(first.id())).contains(first);
    assertThat(apply.pendingProposals()).extracting(RegistrationProposal::id).containsExactly(first.id(), second.id());
    assertThat(store.transactions().inTransaction(() -> apply.markProposalDone(first.id(), 42))).isTrue();
    assertThat(apply.markProposalDone(first.id(), 43)).isFalse();
    assertThat(apply.findProposal(first.id())).hasValueSatisfying(p -> {
      assertThat(p.state()).isEqualTo(RegistrationProposal.State.DONE);
      assertThat(p.patientId()).isEqualTo(42);
    });
    assertThat(apply.pendingProposals()).extracting(RegistrationProposal::id).containsExactly(second.id());
    assertThat(apply.findProposal(999_999)).isEmpty();
  }

  @Test
  void consentRowsAreAppendedAndReadBackInOrderWithTheirTimes() {
    QualificationApplyStore apply = store.qualificationApplyStore();
    LocalDateTime at = LocalDateTime.of(2026, 11, 25, 9, 30, 10);
    apply.appendConsent(new ConsentRecord(7, ConsentKind.PHARMACY,
        new Consent(ConsentState.GIVEN, Optional.of(at), Optional.of(at.plusDays(30))), 1, 100));
    apply.appendConsent(new ConsentRecord(7, ConsentKind.PHARMACY, new Consent(ConsentState.NOT_GIVEN, Optional.empty(),
        Optional.empty()), 2, 200));
    apply.appendConsent(new ConsentRecord(8, ConsentKind.DIAGNOSIS, new Consent(ConsentState.GIVEN, Optional.empty(),
        Optional.empty()), 2, 200));

    assertThat(apply.consentsOf(7)).extracting(c -> c.consent().state(), c -> c.consent().consentedAt(), c -> c.ledgerId())
        .containsExactly(tuple(ConsentState.GIVEN, Optional.of(at), 1L), tuple(ConsentState.NOT_GIVEN, Optional.empty(), 2L));
    assertThat(apply.consentsOf(7).get(0).consent().availableUntil()).contains(at.plusDays(30));
    assertThat(apply.consentsOf(9)).isEmpty();
  }

  @Test
  void aDoneProposalKeepsOnlyIdsCodesAndTimes() {
    QualificationApplyStore apply = store.qualificationApplyStore();
    RegistrationProposal first = apply.insertProposal(proposal("花子"));
    RegistrationProposal other = apply.insertProposal(proposal("次郎"));

    apply.markProposalDone(first.id(), 42);

    RegistrationProposal done = apply.findProposal(first.id()).orElseThrow();
    assertThat(done.id()).isEqualTo(first.id());
    assertThat(done.ledgerId()).isEqualTo(3);
    assertThat(done.patientId()).isEqualTo(42);
    assertThat(done.createdAtMillis()).isEqualTo(1_000);
    assertThat(done.insurerNumber()).isEqualTo("01130012");
    assertThat(done.birthDate()).isNull();
    assertThat(java.util.List.of(done.familyName(), done.givenName(), done.familyKana(), done.givenKana(), done.sexCode(),
        done.postalCode(), done.address(), done.symbol(), done.number(), done.branch(), done.personalFamilyCode(),
        done.limitCategoryCode())).containsOnly("");
    assertThat(done.validFrom()).isEmpty();
    // The other, still pending, proposal keeps everything staff need to confirm it.
    assertThat(apply.findProposal(other.id())).contains(other);
  }

  @Test
  void specificDiseaseRowsAreAppendedPerInsuranceAndTheNewestPerCategoryCounts() {
    QualificationApplyStore apply = store.qualificationApplyStore();
    ValidityPeriod period = new ValidityPeriod(Optional.of(LocalDate.of(2026, 4, 1)), Optional.of(LocalDate.of(2026, 4, 1)),
        Optional.of(LocalDate.of(2027, 3, 31)));
    apply.appendSpecificDisease(new SpecificDiseaseRecord(11, 7, SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS, true,
        period, OptionalLong.of(20_000), 5, "oqs", 100));
    apply.appendSpecificDisease(new SpecificDiseaseRecord(11, 7, SpecificDiseaseCategory.HEMOPHILIA, true,
        ValidityPeriod.UNKNOWN, OptionalLong.empty(), 5, "oqs", 100));
    apply.appendSpecificDisease(new SpecificDiseaseRecord(11, 7, SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS, true,
        period, OptionalLong.of(10_000), 6, "oqs", 200));
    apply.appendSpecificDisease(new SpecificDiseaseRecord(11, 7, SpecificDiseaseCategory.HEMOPHILIA, false,
        ValidityPeriod.UNKNOWN, OptionalLong.empty(), 6, "oqs", 200));
    apply.appendSpecificDisease(new SpecificDiseaseRecord(12, 8, SpecificDiseaseCategory.HIV_FROM_BLOOD_PRODUCTS, true,
        ValidityPeriod.UNKNOWN, OptionalLong.empty(), 6, "suzuki", 200));

    assertThat(apply.specificDiseasesOfInsurance(11)).extracting(SpecificDiseaseRecord::category, SpecificDiseaseRecord::listed,
        r -> r.selfPayLimitYen(), SpecificDiseaseRecord::ledgerId).containsExactly(
            tuple(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS, true, OptionalLong.of(20_000), 5L),
            tuple(SpecificDiseaseCategory.HEMOPHILIA, true, OptionalLong.empty(), 5L),
            tuple(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS, true, OptionalLong.of(10_000), 6L),
            tuple(SpecificDiseaseCategory.HEMOPHILIA, false, OptionalLong.empty(), 6L));
    assertThat(apply.specificDiseasesOfInsurance(11).get(0).validity()).isEqualTo(period);
    assertThat(apply.currentSpecificDiseases(11)).singleElement().satisfies(r -> {
      assertThat(r.category()).isEqualTo(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS);
      assertThat(r.selfPayLimitYen()).hasValue(10_000);
    });
    assertThat(apply.specificDiseasesOfInsurance(12)).singleElement().extracting(SpecificDiseaseRecord::recordedBy).isEqualTo("suzuki");
    assertThat(apply.specificDiseasesOfInsurance(13)).isEmpty();
  }
}
