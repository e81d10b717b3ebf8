package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEntry;
import jp.tsumugi.app.audit.AuditEntryStore;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.AuditOnlyResultHandler;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.ResultOrigin;
import jp.tsumugi.app.testing.InMemoryAuditEntryStore;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the default handler reports for real fixtures, and that its audit entry holds no names or card numbers. */
class AuditOnlyResultHandlerTest {
  @ParameterizedTest
  @CsvSource(textBlock = """
      # fixture,                         validity,                   key,   warning
      face-new-patient-utf8.xml,         VALID,                      true,  ''
      res-validity-2-invalid.xml,        INVALID,                    true,  NOT_VALID:INVALID
      res-validity-3-newer.xml,          NEWER_QUALIFICATION_EXISTS, true,  NOT_VALID:NEWER_QUALIFICATION_EXISTS
      res-validity-4-not-found.xml,      NOT_FOUND,                  false, NOT_VALID:NOT_FOUND
      res-segment-9-error.xml,           ERROR,                      false, NOT_VALID:ERROR
      """)
  void reportsValidityKeyAndWarningsAndAuditsWithoutPatientData(String fixture, String validity, boolean key, String warning) {
    InMemoryAuditEntryStore entries = new InMemoryAuditEntryStore();
    AuditOnlyResultHandler handler = new AuditOnlyResultHandler(new HashChainedAuditLog(entries, new MutableClock(Instant.EPOCH)),
        "clerk", "t1");
    ApplyReport report = handler.apply(new QualificationResultParser().parse(Fixtures.bytes(fixture)),
        new ResultOrigin(7, "f.xml", InboxSource.FACE));
    assertThat(report.validity()).isEqualTo(validity);
    assertThat(report.patientKeyPresent()).isEqualTo(key);
    if (warning.isEmpty()) {
      assertThat(report.warnings()).isEmpty();
    } else {
      assertThat(report.warnings()).contains(warning);
    }
    List<AuditEntry> audited = new ArrayList<>();
    entries.forEachInOrder(row -> audited.add(((AuditEntryStore.ReadableEntry) row).entry()));
    assertThat(audited).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.QUALIFICATION_RESULT_APPLIED);
      assertThat(e.actor()).isEqualTo("clerk");
      assertThat(e.detail()).startsWith("file=f.xml source=FACE validity=" + validity);
      assertThat(e.detail()).doesNotContainPattern("\\p{IsHan}|\\p{IsKatakana}|\\p{IsHiragana}");
    });
  }
}
