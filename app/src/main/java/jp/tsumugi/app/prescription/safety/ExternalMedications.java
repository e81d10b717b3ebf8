package jp.tsumugi.app.prescription.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Add, list and remove external medication records (他院処方 from お薬手帳 …); audited with the patient id, record ids and
 * counts only. A removal marks the record (who, when, why) and the check ignores it; nothing is deleted (docs/adr/0033).
 */
public final class ExternalMedications {
  public static final int MAX_DAYS = 365;
  public static final int MAX_REASON = 200;
  public static final int MAX_CLINIC_NAME = 100;

  /** A record with its removal, if it was removed. */
  public record Entry(ExternalMedication record, Optional<ExternalMedicationStore.Removal> removal) {
    public boolean removed() {
      return removal.isPresent();
    }
  }

  private final ExternalMedicationStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  private final MasterRepository masters;

  /** Without a drug master: {@link #addFromMaster} is not available. */
  public ExternalMedications(ExternalMedicationStore store, AuditLog audit, Transactions tx, Clock clock) {
    this(store, null, audit, tx, clock);
  }

  public ExternalMedications(ExternalMedicationStore store, MasterRepository masters, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.masters = masters;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Stores a record of a drug from the drug master: the code must be in force on {@code start} (unknown or abolished:
   * {@link ErrorCode#EXTERNAL_MED_DRUG_UNKNOWN}); the YJ code and name come from the master.
   */
  public ExternalMedication addFromMaster(Session session, long patientId, String drugCode, LocalDate start, int days,
      ExternalSource source, LocalDate sourceDate, String clinicName) {
    session.require(Permission.WRITE_CHART);
    if (masters == null) {
      throw new IllegalStateException("no drug master");
    }
    if (drugCode == null || drugCode.isBlank() || start == null || source == null) {
      throw new TsumugiException(ErrorCode.EXTERNAL_MED_FIELD, "external medication");
    }
    String code = drugCode.strip();
    DrugRecord d = tx.inTransaction(() -> masters.findDrug(code, start))
        .orElseThrow(() -> new TsumugiException(ErrorCode.EXTERNAL_MED_DRUG_UNKNOWN, "drug " + code));
    return add(session, patientId, d.code(), d.yjCode(), d.name(), start, days, source, sourceDate, clinicName);
  }

  /**
   * Marks a record removed (no longer taken, or entered in error) with a reason of 1–200 characters; the record stays in the
   * history and the check ignores it from now on.
   */
  public ExternalMedicationStore.Removal remove(Session session, long patientId, long recordId, String reason) {
    session.require(Permission.WRITE_CHART);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw new TsumugiException(ErrorCode.EXTERNAL_MED_REASON, "reason");
    }
    return tx.inTransaction(() -> {
      ExternalMedication m = store.find(recordId).filter(x -> x.patientId() == patientId)
          .orElseThrow(() -> new TsumugiException(ErrorCode.EXTERNAL_MED_NOT_FOUND, "record " + recordId));
      ExternalMedicationStore.Removal r = new ExternalMedicationStore.Removal(m.id(), clock.instant(), session.username(), why);
      if (!store.markRemoved(r)) {
        throw new TsumugiException(ErrorCode.EXTERNAL_MED_ALREADY_REMOVED, "record " + recordId);
      }
      record(session, AuditAction.EXTERNAL_MED_REMOVED, patientId, "record=" + recordId);
      return r;
    });
  }

  /** Every record of the patient, removed ones included with their removal, newest start first. */
  public List<Entry> history(Session session, long patientId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      Map<Long, ExternalMedicationStore.Removal> removed = new HashMap<>();
      store.removals(patientId).forEach(r -> removed.put(r.id(), r));
      List<Entry> out = store.forPatient(patientId).stream().map(m -> new Entry(m, Optional.ofNullable(removed.get(m.id())))).toList();
      record(session, AuditAction.EXTERNAL_MED_READ, patientId, "count=" + out.size());
      return out;
    });
  }

  /** Stores a record entered by the session's user; the id, user and time are set here. */
  public ExternalMedication add(Session session, long patientId, String drugCode, String yjCode, String name, LocalDate start, int days,
      ExternalSource source, LocalDate sourceDate) {
    return add(session, patientId, drugCode, yjCode, name, start, days, source, sourceDate, "");
  }

  /** As {@link #add(Session, long, String, String, String, LocalDate, int, ExternalSource, LocalDate)} with the clinic's name. */
  public ExternalMedication add(Session session, long patientId, String drugCode, String yjCode, String name, LocalDate start, int days,
      ExternalSource source, LocalDate sourceDate, String clinicName) {
    session.require(Permission.WRITE_CHART);
    String clinic = clinicName == null ? "" : clinicName.strip();
    if (clinic.length() > MAX_CLINIC_NAME || clinic.chars().anyMatch(Character::isISOControl)) {
      throw new TsumugiException(ErrorCode.EXTERNAL_MED_FIELD, "clinic name");
    }
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
          clock.instant(), clinic);
      long id = store.add(m);
      record(session, AuditAction.EXTERNAL_MED_ADDED, patientId, "record=" + id + ",source=" + source);
      return new ExternalMedication(id, patientId, m.drugCode(), m.yjCode(), m.name(), start, days, source, noted, m.enteredBy(),
          m.enteredAt(), m.clinicName());
    });
  }

  /** The patient's records that are not removed, newest start first. */
  public List<ExternalMedication> list(Session session, long patientId) {
    return history(session, patientId).stream().filter(e -> !e.removed()).map(Entry::record).toList();
  }

  private void record(Session session, AuditAction action, long patientId, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(patientId), detail));
  }
}
