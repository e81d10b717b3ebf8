package jp.tsumugi.app.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.insurance.InsuranceStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which applied results become arrivals at reception (docs/adr/0021), with a fake handler and store. */
class ArrivalRecordingHandlerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
  private static final QualificationResult RESULT = new QualificationResult(new ResultHeader(Optional.empty(), Optional.empty(), "",
      "", Optional.empty(), ResultSegment.COMPLETED, "", "", Optional.empty()), Optional.empty(), "", "", Optional.empty(), List.of());

  private final List<QualificationArrival> recorded = new ArrayList<>();

  @ParameterizedTest(name = "{0} patient={1} changes={2} warnings={3} -> recorded={4}")
  @CsvSource(textBlock = """
      # source, patient, changes, warnings, recorded, patientId, proposalId, insuranceId, warning
      # card reader: a known patient to check in
      FACE, 5, insurance=42:revision=2:insured, '', true, 5, 0, 42, ''
      # card reader: a new person, pointing to the proposal
      FACE, '', proposal=9, '', true, 0, 9, 0, ''
      # card reader without patient or proposal and without warning: nothing to do
      FACE, '', '', '', false, 0, 0, 0, ''
      # answer to reception's own request, all fine: nobody's attention
      RES, 5, insurance=42:created, '', false, 0, 0, 0, ''
      # answer with a warning at a known patient
      RES, 5, '', QUALIFICATION_INVALID, true, 5, 0, 0, QUALIFICATION_INVALID
      # a warning without any patient
      RES, '', '', QUALIFICATION_NOT_FOUND, true, 0, 0, 0, QUALIFICATION_NOT_FOUND
      # a manual ingest counts as a card-reader result
      INGEST, '', proposal=3, '', true, 0, 3, 0, ''
      # an unknown warning name is not a warning
      RES, 5, '', SOMETHING_NEW, false, 0, 0, 0, ''
      # the first known warning is kept
      FACE, 5, '', SOMETHING_NEW+CHECK_FAILED, true, 5, 0, 0, CHECK_FAILED
      """)
  void recordsWhatReceptionMustActOn(InboxSource source, String patient, String changes, String warnings, boolean expected,
      long patientId, long proposalId, long insuranceId, String warning) {
    ApplyReport report = new ApplyReport("VALID", "", true, patient, split(changes), split(warnings));
    ArrivalRecordingHandler handler = new ArrivalRecordingHandler((result, origin) -> report, store(), insurances(), CLOCK);

    ApplyReport returned = handler.apply(RESULT, new ResultOrigin(77, "f.xml", source));

    assertThat(returned).isSameAs(report);
    if (!expected) {
      assertThat(recorded).isEmpty();
      return;
    }
    assertThat(recorded).singleElement().satisfies(a -> {
      assertThat(a.ledgerId()).isEqualTo(77);
      assertThat(a.source()).isEqualTo(source);
      assertThat(a.patientId()).isEqualTo(patientId);
      assertThat(a.proposalId()).isEqualTo(proposalId);
      assertThat(a.insuranceId()).isEqualTo(insuranceId);
      assertThat(a.warning().map(Enum::name).orElse("")).isEqualTo(warning == null ? "" : warning);
      assertThat(a.state()).isEqualTo(QualificationArrival.State.PENDING);
      assertThat(a.createdAtMillis()).isEqualTo(CLOCK.millis());
    });
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split("\\+"));
  }

  private QualificationArrivalStore store() {
    return (QualificationArrivalStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {QualificationArrivalStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("insert")) {
            QualificationArrival a = (QualificationArrival) args[0];
            recorded.add(a);
            return a.withId(recorded.size());
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static InsuranceStore insurances() {
    return (InsuranceStore) Proxy.newProxyInstance(ArrivalRecordingHandlerTest.class.getClassLoader(),
        new Class<?>[] {InsuranceStore.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
