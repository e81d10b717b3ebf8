package jp.tsumugi.app.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which request outcomes touch which visit's 資格未確認 flag (docs/adr/0023). */
class ReceptionQualificationFlagsTest {
  private static final QualificationRequest REQUEST = new QualificationRequest(LocalDate.of(2026, 11, 25), "1311234567", "01130012",
      "12345678", "901", "00", LocalDate.of(1988, 4, 12), false);

  private static PendingRequest withReference(String reference) {
    Instant t = Instant.parse("2026-11-25T01:00:00Z");
    return new PendingRequest(1, "X", "OQSsiquc01req_X.xml", "OQSsiquc01res_X.xml", reference, REQUEST, t, t.plusSeconds(60),
        RequestState.PENDING, Optional.empty(), 0);
  }

  private static ApplyReport report(String validity, String... warnings) {
    return new ApplyReport(validity, "01130012", true, "7", List.of(), List.of(warnings));
  }

  @Test
  void onlyARequestMadeForAVisitNamesAVisit() {
    assertThat(ReceptionQualificationFlags.visitOf(withReference("visit=42"))).hasValue(42);
    assertThat(ReceptionQualificationFlags.visitOf(withReference(""))).isEmpty();
    assertThat(ReceptionQualificationFlags.visitOf(withReference("cli"))).isEmpty();
    assertThat(ReceptionQualificationFlags.visitOf(withReference("visit=abc"))).isEmpty();
  }

  @Test
  void onlyAValidAnswerAppliedToOnePatientClearsTheFlag() {
    assertThat(ReceptionQualificationFlags.isValid(report("VALID"))).isTrue();
    assertThat(ReceptionQualificationFlags.isValid(report("VALID", "SEVERAL_PATIENTS_MATCH"))).isFalse();
    assertThat(ReceptionQualificationFlags.isValid(report("VALID", "INSURER_NUMBER_INVALID"))).isFalse();
    for (String other : List.of("INVALID", "NEWER_QUALIFICATION_EXISTS", "NOT_FOUND", "MULTIPLE_MATCHES", "ERROR", "NONE")) {
      assertThat(ReceptionQualificationFlags.isValid(report(other))).as(other).isFalse();
    }
  }
}
