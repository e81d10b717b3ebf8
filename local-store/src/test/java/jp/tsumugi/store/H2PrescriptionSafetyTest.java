package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.DrugLookup;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.FindingKind;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety check wired to this clinic's own signed prescriptions (as AppServices wires it): a generic amlodipine
 * prescribed while the patient still takes ノルバスク from an earlier visit is a duplicate; once that period is over, it is not.
 */
class H2PrescriptionSafetyTest {
  private static final Charset SJIS = Charset.forName("windows-31j");
  private static final String NORVASC_5 = "612170710";
  private static final String AMLODIPINE_ASUKA_5 = "620007853";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:02:03Z"));
  private final Session doctor = new Session(new User(0, "doctor", "doctor", Role.DOCTOR, "hash", null, true, 0, null,
      clock.instant()), "診察室1", clock.instant());

  @Test
  void aClinicPrescriptionStillBeingTakenIsADuplicateAndOneFinishedIsNot(@TempDir Path dir) throws IOException {
    Path full = dir.resolve("full");
    Files.createDirectories(full);
    List<String> rows = new ArrayList<>();
    Path y = Path.of(System.getProperty("tsumugi.shared.dir", "../../shared"), "masters", "ssk", "y", "y_ALL20240321.csv");
    for (String line : Files.readAllLines(y, SJIS)) {
      if (line.contains("\"" + NORVASC_5 + "\"") || line.contains("\"" + AMLODIPINE_ASUKA_5 + "\"")) {
        rows.add(line);
      }
    }
    assertThat(rows).hasSize(2);
    Files.write(full.resolve("y_ALL20240321.csv"), rows, SJIS);

    try (LocalStore store = LocalStore.createH2(new StoreLocation(dir.resolve("data"), dir.resolve("keys")), clock).store()) {
      store.masterImporter().importPath(full, MasterImportProgress.NONE);
      HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
      ChartPrescriptions rx = new ChartPrescriptions(store.prescriptionStore(), DrugLookup.of(new MasterCatalog(store.masters(),
          store.masterUsage(), clock)), audit, store.transactions(), clock);
      PrescriptionSafety safety = new PrescriptionSafety(store.masters(), store.prescriptionStore(), store.externalMedicationStore(),
          store.patientFactStore(), store.interactionStore(), audit, store.transactions());
      long patient = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
          LocalDate.of(1950, 4, 5), null, null, null)).id();
      LocalDate first = LocalDate.of(2026, 11, 1);
      long visit = store.visits().insert(new Visit(0, patient, first, 0, "内科", "doctor", null, clock.instant())).id();
      rx.sign(doctor, visit, 0, new Prescription(visit, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28,
          RxItem.of(NORVASC_5, null, "1"))), 0, ""), List.of(), null);

      // Day 25 of 28: still taken; the generic of the same ingredient is a duplicate naming the clinic's prescription.
      List<Finding> during = safety.check(doctor, patient, first.plusDays(24),
          List.of(new PrescriptionSafety.Order(AMLODIPINE_ASUKA_5, 28))).findings();
      assertThat(during).extracting(Finding::kind).containsExactly(FindingKind.DUPLICATE);
      assertThat(during.get(0).otherCode()).isEqualTo(NORVASC_5);
      assertThat(during.get(0).otherDate()).isEqualTo(first);

      // Day 29: the 28 days are over, nothing to find.
      assertThat(safety.check(doctor, patient, first.plusDays(28), List.of(new PrescriptionSafety.Order(AMLODIPINE_ASUKA_5, 28)))
          .findings()).isEmpty();
    }
  }

  @Test
  void amendingAVisitsPrescriptionDoesNotFindItsOwnEarlierRevisionButStillFindsOtherVisits(@TempDir Path dir) throws IOException {
    Path full = dir.resolve("full");
    Files.createDirectories(full);
    List<String> rows = new ArrayList<>();
    Path y = Path.of(System.getProperty("tsumugi.shared.dir", "../../shared"), "masters", "ssk", "y", "y_ALL20240321.csv");
    for (String line : Files.readAllLines(y, SJIS)) {
      if (line.contains("\"" + NORVASC_5 + "\"") || line.contains("\"" + AMLODIPINE_ASUKA_5 + "\"")) {
        rows.add(line);
      }
    }
    Files.write(full.resolve("y_ALL20240321.csv"), rows, SJIS);

    try (LocalStore store = LocalStore.createH2(new StoreLocation(dir.resolve("data"), dir.resolve("keys")), clock).store()) {
      store.masterImporter().importPath(full, MasterImportProgress.NONE);
      HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
      MasterCatalog catalog = new MasterCatalog(store.masters(), store.masterUsage(), clock);
      ChartPrescriptions rx = new ChartPrescriptions(store.prescriptionStore(), DrugLookup.of(catalog), audit, store.transactions(),
          clock);
      PrescriptionSafety safety = new PrescriptionSafety(store.masters(), store.prescriptionStore(), store.externalMedicationStore(),
          store.patientFactStore(), store.interactionStore(), audit, store.transactions());
      long patient = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
          LocalDate.of(1950, 4, 5), null, null, null)).id();
      LocalDate today = LocalDate.of(2026, 11, 25);
      long visit = store.visits().insert(new Visit(0, patient, today, 0, "内科", "doctor", null, clock.instant())).id();
      rx.sign(doctor, visit, 0, new Prescription(visit, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28,
          RxItem.of(NORVASC_5, null, "1"))), 0, ""), List.of(), null);
      List<jp.tsumugi.app.prescription.safety.ProposedDrug> amended = List.of(PrescriptionSafety.proposed(
          catalog.resolve(jp.tsumugi.app.master.MasterKind.Y, NORVASC_5, today).map(jp.tsumugi.app.master.DrugRecord.class::cast)
              .orElseThrow(), 28, false));

      // Without the exclusion the signed revision of this very visit is "still being taken": a duplicate of itself.
      assertThat(safety.checkDrugs(doctor, patient, today, amended).findings()).extracting(Finding::kind)
          .containsExactly(FindingKind.DUPLICATE);
      assertThat(safety.context(doctor, patient, today).current()).hasSize(1);

      // Amending this visit: its own earlier revision does not count.
      assertThat(safety.checkDrugs(doctor, patient, today, amended, visit).findings()).isEmpty();
      assertThat(safety.context(doctor, patient, today, visit).current()).isEmpty();

      // Another visit's prescription still counts when this one is amended.
      long later = store.visits().insert(new Visit(0, patient, today.plusDays(3), 0, "内科", "doctor", null, clock.instant())).id();
      List<Finding> other = safety.checkDrugs(doctor, patient, today.plusDays(3), amended, later).findings();
      assertThat(other).extracting(Finding::kind).containsExactly(FindingKind.DUPLICATE);
      assertThat(other.get(0).otherDate()).isEqualTo(today);
    }
  }
}
