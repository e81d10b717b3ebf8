package jp.tsumugi.app.prescription.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/** Add and list external medication records (他院処方 from お薬手帳 …); audited with the patient id and counts only. */
public final class ExternalMedications {
  public static final int MAX_DAYS = 365;

  private final ExternalMedicationStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public ExternalMedications(ExternalMedicationStore store, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Stores a record entered by the session's user; the id, user and time are set here. */
  public ExternalMedication add(Session session, long patientId, String drugCode, String yjCode, String name, LocalDate start, int days,
      ExternalSource source, LocalDate sourceDate) {
    session.require(Permission.WRITE_CHART);
    boolean noDrug = (drugCode == null || drugCode.isBlank()) && (name == null || name.isBlank());
    if (noDrug || start == null || source == null) {
      throw new TsumugiException(ErrorCode.EXTERNAL_MED_FIELD, "external medication");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new TsumugiException(ErrorCode.EXTERNAL_MED_DAYS, "days " + days);
    }
    LocalDate noted = sourceDate == null ? start : sourceDate;
    if (noted.isAfter(LocalDate.now(clock))) {
      throw new TsumugiException(ErrorCode.EXTERNAL_MED_FUTURE, "source date");
    }
    String yj = yjCode == null ? "" : yjCode.strip();
    if (!yj.isEmpty() && IngredientKeys.of(yj).isEmpty()) {
      throw new TsumugiException(ErrorCode.FACT_CODE_FORMAT, "yjCode");
    }
    return tx.inTransaction(() -> {
      if (!store.patientExists(patientId)) {
        throw new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + patientId);
      }
      ExternalMedication m = new ExternalMedication(0, patientId, drugCode, yj, name, start, days, source, noted, session.username(),
          clock.instant());
      long id = store.add(m);
      record(session, AuditAction.EXTERNAL_MED_ADDED, patientId, "record=" + id + ",source=" + source);
      return new ExternalMedication(id, patientId, m.drugCode(), m.yjCode(), m.name(), start, days, source, noted, m.enteredBy(),
          m.enteredAt());
    });
  }

  /** The patient's records, newest start first. */
  public List<ExternalMedication> list(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      List<ExternalMedication> all = store.forPatient(patientId);
      record(session, AuditAction.EXTERNAL_MED_READ, patientId, "count=" + all.size());
      return all;
    });
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
