package jp.tsumugi.app.prescription.print;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.ClinicRepository;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientStore;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.PrescriptionStore;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.memo.DrugMemo;
import jp.tsumugi.app.prescription.memo.DrugMemos;
import jp.tsumugi.app.reception.QueueEntry;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.reception.VisitRepository;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserRepository;

/**
 * Assembles the printed documents of a visit's signed prescription from the stores (docs/adr/0032): the 院外処方箋 and the
 * patient's copy ({@link #slip}, {@link #patientCopy}) and the 薬剤情報提供書 ({@link #informationSheet}). Every assembly is
 * audited with the patient id, the visit and the revision (never names); {@link #recordOutput} audits where the bytes went.
 */
public final class PrescriptionDocuments {
  /** Marker printed before the standard generic notation (一般名処方). */
  public static final String GENERIC_MARK = "【般】";

  private final PrescriptionStore prescriptions;
  private final VisitRepository visits;
  private final PatientStore patients;
  private final InsuranceStore insurance;
  private final ClinicRepository clinics;
  private final UserRepository users;
  private final DrugMemos memos;
  private final AuditLog audit;
  private final Transactions tx;

  public PrescriptionDocuments(PrescriptionStore prescriptions, VisitRepository visits, PatientStore patients, InsuranceStore insurance,
      ClinicRepository clinics, UserRepository users, DrugMemos memos, AuditLog audit, Transactions tx) {
    this.prescriptions = prescriptions;
    this.visits = visits;
    this.patients = patients;
    this.insurance = insurance;
    this.clinics = clinics;
    this.users = users;
    this.memos = memos;
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * The 院外処方箋 of the visit's latest signed revision.
   *
   * @throws TsumugiException TSU-9430 nothing signed, 9431 deleted, 9432 no clinic, 9433 a 院内 prescription, 1xxx visit unknown
   */
  public PrescriptionSlip slip(Session session, long visitId) {
    return slip(session, visitId, DocumentKind.SLIP);
  }

  /** The 処方内容（控え） for the patient: the same content as the slip, for 院外 and 院内 prescriptions. */
  public PrescriptionSlip patientCopy(Session session, long visitId) {
    return slip(session, visitId, DocumentKind.COPY);
  }

  /** The 薬剤情報提供書: per drug, usage and the clinic's memo (by drug code, else by ingredient key). */
  public DrugInformationSheet informationSheet(Session session, long visitId) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      PrescriptionSlip slip = assemble(visitId);
      PrescriptionRevision revision = signed(visitId);
      List<DrugInformationSheet.Drug> drugs = new ArrayList<>();
      int memoCount = 0;
      for (RpGroup g : revision.content().groups()) {
        for (RxItem item : g.items()) {
          Optional<DrugMemo> memo = memos.forDrug(item.drugCode(), item.yjCode());
          memoCount += memo.isPresent() ? 1 : 0;
          drugs.add(new DrugInformationSheet.Drug(item.drugCode(), printedName(item), usageLine(g, item),
              memo.map(DrugMemo::effects).filter(s -> !s.isEmpty()), memo.map(DrugMemo::cautions).filter(s -> !s.isEmpty())));
        }
      }
      record(session, AuditAction.RX_PRINT_INFO, slip, ",drugs=" + drugs.size() + ",memos=" + memoCount);
      return new DrugInformationSheet(slip.patientId(), visitId, slip.revision(), slip.patient().name(), slip.patient().kana(),
          slip.issuedOn(), slip.clinic(), slip.doctorName(), drugs);
    });
  }

  /**
   * Audits where a rendered document went (a file, a printer, the preview), with its page count and how many characters the
   * font could not show. {@code target} must not contain patient data (a printer name or "file").
   */
  public void recordOutput(Session session, long patientId, long visitId, DocumentKind kind, String target, int pages,
      int substitutions) {
    tx.inTransaction(() -> {
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.RX_PRINT_OUTPUT, Long.toString(patientId),
          "visit=" + visitId + ",kind=" + kind.cliName() + ",target=" + target + ",pages=" + pages + ",substituted=" + substitutions));
      return null;
    });
  }

  private PrescriptionSlip slip(Session session, long visitId, DocumentKind kind) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(() -> {
      PrescriptionSlip slip = assemble(visitId);
      if (kind == DocumentKind.SLIP && slip.kind() != DispensingKind.OUTSIDE) {
        throw new TsumugiException(ErrorCode.RX_PRINT_NOT_OUTSIDE, "visit " + visitId);
      }
      record(session, kind == DocumentKind.SLIP ? AuditAction.RX_PRINT_SLIP : AuditAction.RX_PRINT_COPY, slip,
          ",groups=" + slip.groups().size() + ",drugs=" + slip.itemCount() + ",refills=" + slip.refills());
      return slip;
    });
  }

  private PrescriptionRevision signed(long visitId) {
    PrescriptionRevision latest = prescriptions.recordOfVisit(visitId).flatMap(prescriptions::latest)
        .orElseThrow(() -> new TsumugiException(ErrorCode.RX_PRINT_NOTHING_SIGNED, "visit " + visitId));
    if (latest.isTombstone() || latest.content() == null) {
      throw new TsumugiException(ErrorCode.RX_PRINT_DELETED, "visit " + visitId);
    }
    return latest;
  }

  private PrescriptionSlip assemble(long visitId) {
    Visit visit = visits.find(visitId).map(QueueEntry::visit)
        .orElseThrow(() -> new TsumugiException(ErrorCode.VISIT_NOT_FOUND, "visit " + visitId));
    PrescriptionRevision revision = signed(visitId);
    Clinic clinic = clinics.find().orElseThrow(() -> new TsumugiException(ErrorCode.RX_PRINT_NO_CLINIC, "no clinic row"));
    Patient patient = patients.findRecord(visit.patientId()).map(PatientRecord::patient)
        .orElseThrow(() -> new TsumugiException(ErrorCode.PATIENT_NOT_FOUND, "patient " + visit.patientId()));
    Optional<PrescriptionSlip.SlipInsurance> ins = Optional.empty();
    List<PrescriptionSlip.SlipPublicExpense> publicExpenses = new ArrayList<>();
    OptionalInt tenths = OptionalInt.empty();
    if (visit.combinationId() != null) {
      Optional<InsuranceCombination> combination = insurance.findCombination(visit.combinationId());
      if (combination.isPresent()) {
        Optional<InsuranceRecord> record = insurance.findInsurance(combination.get().insuranceId());
        if (record.isPresent()) {
          var i = record.get().insurance();
          ins = Optional.of(new PrescriptionSlip.SlipInsurance(i.insurerNumber(), i.symbol(), i.number(), i.branch(), i.insured()));
          tenths = copayment(record.get(), patient, visit);
        }
        for (Long id : combination.get().publicExpenseIds()) {
          insurance.findPublicExpense(id).map(PrescriptionDocuments::publicExpense).ifPresent(publicExpenses::add);
        }
      }
    }
    Prescription content = revision.content();
    String doctor = users.findByUsername(revision.author()).map(User::displayName).filter(n -> n != null && !n.isBlank())
        .orElse(revision.author());
    return new PrescriptionSlip(visit.patientId(), visitId, revision.revision(), content.kind(), ins, publicExpenses,
        new PrescriptionSlip.SlipPatient(patient.familyName() + "　" + patient.givenName(),
            patient.familyKana() + "　" + patient.givenKana(), patient.birthDate(), patient.sex()),
        tenths, slipClinic(clinic), doctor, revision.visitDate(), Optional.empty(), groups(content), content.refills(),
        remarks(content));
  }

  /** The 負担割合 when the record settles it; empty when a certificate is missing (the slip then leaves it blank). */
  private static OptionalInt copayment(InsuranceRecord record, Patient patient, Visit visit) {
    try {
      return OptionalInt.of(record.copayment(patient.birthDate(), visit.visitDate()).effectiveTenths());
    } catch (TsumugiException unknown) {
      return OptionalInt.empty();
    }
  }

  static PrescriptionSlip.SlipClinic slipClinic(Clinic c) {
    return new PrescriptionSlip.SlipClinic(c.name(), c.postalCode(), c.address(), c.phone(), c.prefectureCode(), c.feeTable(),
        c.institutionCode());
  }

  private static PrescriptionSlip.SlipPublicExpense publicExpense(PublicExpense p) {
    return new PrescriptionSlip.SlipPublicExpense(p.payerNumber(), p.recipientNumber());
  }

  static List<PrescriptionSlip.SlipGroup> groups(Prescription p) {
    List<PrescriptionSlip.SlipGroup> out = new ArrayList<>();
    int n = 1;
    for (RpGroup g : p.groups()) {
      List<PrescriptionSlip.SlipItem> items = new ArrayList<>();
      for (RxItem i : g.items()) {
        items.add(new PrescriptionSlip.SlipItem(i.drugCode(), printedName(i), i.generic(), plain(i.dose()), plain(i.perDay()),
            i.unit(), i.noSubstitution(), i.patientRequest(), i.selectedCare(), i.comment()));
      }
      out.add(new PrescriptionSlip.SlipGroup(n++, g.route(), usage(g), g.days(), g.times(), g.comment(), items));
    }
    return out;
  }

  static List<String> remarks(Prescription p) {
    List<String> out = new ArrayList<>();
    if (!p.comment().isBlank()) {
      out.addAll(p.comment().strip().lines().toList());
    }
    for (RpGroup g : p.groups()) {
      for (RxItem i : g.items()) {
        if (i.selectedCare()) {
          out.add("選定療養（長期収載品）：" + i.name());
        }
      }
    }
    return out;
  }

  /** 【般】 + the standard generic notation for 一般名処方 (falling back to the name when the master has none), else the name. */
  public static String printedName(RxItem i) {
    if (i.generic()) {
      String name = i.genericName().isBlank() ? i.name() : i.genericName();
      // The master's standard notation already carries the mark (【般】アムロジピン錠５ｍｇ); never print it twice.
      return name.startsWith(GENERIC_MARK) ? name : GENERIC_MARK + name;
    }
    return i.name();
  }

  static String usage(RpGroup g) {
    return g.usageNote().isBlank() ? g.usageText() : g.usageText() + "（" + g.usageNote() + "）";
  }

  /** "1日3回毎食後 1回1錠 1日3錠 14日分" style line for the information sheet. */
  static String usageLine(RpGroup g, RxItem i) {
    StringBuilder b = new StringBuilder(usage(g));
    if (i.dose() != null) {
      b.append("　1回").append(plain(i.dose())).append(i.unit());
    }
    if (i.perDay() != null) {
      b.append(g.route() == RouteKind.ORAL ? "　1日" : "　").append(plain(i.perDay())).append(i.unit());
    }
    if (g.days() != null) {
      b.append("　").append(g.days()).append("日分");
    }
    if (g.times() != null) {
      b.append("　").append(g.times()).append("回分");
    }
    return b.toString();
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.stripTrailingZeros().toPlainString();
  }

  private void record(Session session, AuditAction action, PrescriptionSlip slip, String extra) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, Long.toString(slip.patientId()),
        "visit=" + slip.visitId() + ",revision=" + slip.revision() + extra));
  }
}
