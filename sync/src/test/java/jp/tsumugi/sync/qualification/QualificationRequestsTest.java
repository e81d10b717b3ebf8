package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.PendingRequest;
import jp.tsumugi.app.qualification.QualificationRequest;
import jp.tsumugi.app.qualification.RequestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualificationRequestsTest {
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

  private static QualificationRequest request(String symbol) {
    return new QualificationRequest(LocalDate.of(2026, 11, 25), "1311234567", "01130012", symbol, "901", "00", LocalDate.of(1988, 4, 12),
        true);
  }

  @Test
  void aSubmittedRequestIsWrittenIntoReqAndAnsweredByItsResult() {
    PendingRequest sent = h.requests.submit(request("12-34"), "visit-1");
    assertThat(sent.state()).isEqualTo(RequestState.PENDING);
    assertThat(sent.deadline()).isEqualTo(InboxHarness.START.plusSeconds(30));
    assertThat(InboxHarness.names(h.folders.requests())).containsExactly(sent.requestFileName());
    assertThat(sent.resultFileName()).isEqualTo(sent.requestFileName().replace("req_", "res_"));
    assertThat(h.requests.pending()).extracting(PendingRequest::identifier).containsExactly(sent.identifier());

    h.drop(InboxSource.RES, sent.resultFileName(), Fixtures.bytes("res-validity-1-valid.xml"));
    List<QualificationInbox.Handled> handled = h.settleAndScan();

    assertThat(handled).singleElement().satisfies(x -> {
      assertThat(x.outcome().kind()).isEqualTo(ResultFileProcessor.Kind.APPLIED);
      assertThat(x.outcome().answered()).hasValueSatisfying(r -> assertThat(r.identifier()).isEqualTo(sent.identifier()));
    });
    PendingRequest now = h.requests.status(sent.identifier());
    assertThat(now.state()).isEqualTo(RequestState.ANSWERED);
    assertThat(now.answeredAt()).contains(h.clock.instant());
    assertThat(h.events.answered).extracting(PendingRequest::reference).containsExactly("visit-1");
    assertThat(h.events.timedOut).isEmpty();
    assertThat(h.requests.pending()).isEmpty();
  }

  @Test
  void aRequestWithoutAnAnswerTimesOutTheCallerIsToldAndALateResultIsStillApplied() {
    PendingRequest sent = h.requests.submit(request("12-34"), "visit-2");
    h.clock.advance(Duration.ofSeconds(29));
    assertThat(h.inbox.scanOnce().timedOut()).isZero();
    h.clock.advance(Duration.ofSeconds(1));
    assertThat(h.inbox.scanOnce().timedOut()).isEqualTo(1);
    assertThat(h.events.timedOut).extracting(PendingRequest::reference).containsExactly("visit-2");
    assertThat(h.requests.status(sent.identifier()).state()).isEqualTo(RequestState.TIMED_OUT);
    assertThat(h.inbox.scanOnce().timedOut()).as("told once").isZero();

    h.drop(InboxSource.RES, sent.resultFileName(), Fixtures.bytes("res-elderly-recipient-20pct.xml"));
    assertThat(h.settleAndScan()).singleElement()
        .satisfies(x -> assertThat(x.outcome().kind()).isEqualTo(ResultFileProcessor.Kind.APPLIED));
    assertThat(h.requests.status(sent.identifier()).state()).isEqualTo(RequestState.ANSWERED);
    assertThat(h.events.answered).extracting(PendingRequest::reference).containsExactly("visit-2");
    assertThat(h.audited(AuditAction.QUALIFICATION_RESULT_APPLIED)).isEqualTo(1);
  }

  @Test
  void retryResendsEveryTimedOutRequestInOneCallDatedToday() {
    PendingRequest a = h.requests.submit(request("A"), "visit-a");
    h.clock.advance(Duration.ofMillis(5));
    PendingRequest b = h.requests.submit(request("B"), "visit-b");
    h.clock.advance(Duration.ofDays(1));
    assertThat(h.requests.expireOverdue()).hasSize(2);

    List<PendingRequest> resent = h.requests.retryTimedOut();

    assertThat(resent).hasSize(2).allSatisfy(r -> {
      assertThat(r.state()).isEqualTo(RequestState.PENDING);
      assertThat(r.request().confirmationDate()).isEqualTo(LocalDate.of(2026, 11, 26));
    });
    assertThat(resent).extracting(PendingRequest::retryOf).containsExactly(a.id(), b.id());
    assertThat(resent).extracting(PendingRequest::reference).containsExactly("visit-a", "visit-b");
    assertThat(resent).extracting(r -> r.request().symbol()).containsExactly("A", "B");
    assertThat(resent).extracting(PendingRequest::identifier).doesNotContain(a.identifier(), b.identifier());
    assertThat(h.requests.status(a.identifier()).state()).isEqualTo(RequestState.RETRIED);
    assertThat(InboxHarness.names(h.folders.requests())).hasSize(4);
    assertThat(h.requests.timedOut()).isEmpty();
    assertThat(h.requests.retryTimedOut()).as("nothing left to retry").isEmpty();
  }

  @Test
  void anUnwritableRequestFolderTimesTheRequestOutAtOnceAndARetryWritesItLater() throws IOException {
    Path req = h.folders.requests();
    Files.delete(req);
    PendingRequest sent = h.requests.submit(request("12-34"), "visit-3");
    assertThat(sent.state()).isEqualTo(RequestState.TIMED_OUT);
    assertThat(h.events.timedOut).extracting(PendingRequest::reference).containsExactly("visit-3");
    Files.createDirectories(req);
    List<PendingRequest> resent = h.requests.retryTimedOut();
    assertThat(resent).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RequestState.PENDING));
    assertThat(InboxHarness.names(req)).containsExactly(resent.get(0).requestFileName());
  }

  @Test
  void aRequestTheWriterCannotEncodeIsRefusedAndNothingIsRecorded() {
    assertThatThrownBy(() -> h.requests.submit(request("😀"), "visit-4")).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_REQUEST_UNENCODABLE));
    assertThat(h.requests.pending()).isEmpty();
    assertThat(h.requests.timedOut()).isEmpty();
    assertThat(InboxHarness.names(h.folders.requests())).isEmpty();
    assertThatThrownBy(() -> h.requests.status("nope")).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_REQUEST_UNKNOWN));
  }
}
