package jp.tsumugi.app.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;

/**
 * The default handler until patient matching is connected: touches no patient, records in the audit
 * log that a result was applied, and reports its validity, insurer and whether it carries a patient key.
 */
public final class AuditOnlyResultHandler implements QualificationResultHandler {
  private final AuditLog audit;
  private final String actor;
  private final String terminal;

  public AuditOnlyResultHandler(AuditLog audit, String actor, String terminal) {
    this.audit = Objects.requireNonNull(audit);
    this.actor = Objects.requireNonNull(actor);
    this.terminal = Objects.requireNonNull(terminal);
  }

  @Override
  public ApplyReport apply(QualificationResult result, ResultOrigin origin) {
    ApplyReport report = describe(result);
    audit.record(new AuditEvent(actor, terminal, AuditAction.QUALIFICATION_RESULT_APPLIED, "",
        "file=" + origin.fileName() + " source=" + origin.source() + " " + report.summary()));
    return report;
  }

  /** The facts every handler reports, without touching anything. */
  public static ApplyReport describe(QualificationResult result) {
    String validity = result.validity().map(Enum::name).orElse("NONE");
    if (result.header().segment() != ResultSegment.COMPLETED || result.status().equals(Optional.of(ProcessingStatus.ERROR))) {
      validity = "ERROR";
    }
    QualifiedInsurance first = result.insurances().isEmpty() ? null : result.insurances().get(0);
    boolean key = first != null && !first.insurerNumber().isEmpty() && !first.number().isEmpty();
    List<String> warnings = new ArrayList<>();
    if (!result.isValid()) {
      warnings.add("NOT_VALID:" + validity);
    }
    if (result.insurances().size() > 1) {
      warnings.add("SEVERAL_QUALIFICATIONS:" + result.insurances().size());
    }
    return new ApplyReport(validity, first == null ? "" : first.insurerNumber(), key, "", List.of(), warnings);
  }
}
