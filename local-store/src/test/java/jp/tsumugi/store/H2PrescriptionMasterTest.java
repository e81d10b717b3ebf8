package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
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
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.testing.MutableClock;
import jp.tsumugi.app.testing.RealDrugs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prescribing against the imported y master through {@link DrugLookup#of(MasterCatalog)}: real rows of the official full file
 * and a diff file abolishing one of them (廃止年月日 2024-05-31, as SSK writes it).
 */
class H2PrescriptionMasterTest {
  private static final Charset SJIS = Charset.forName("windows-31j");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:02:03Z"));
  private final Session doctor = new Session(new User(0, "doctor", "doctor", Role.DOCTOR, "hash", null, true, 0, null,
      clock.instant()), "診察室1", clock.instant());

  @Test
  void aDrugAbolishedInTheMasterCanBePrescribedUpToItsLastDayOnly(@TempDir Path dir) throws IOException {
    Path full = dir.resolve("full");
    Files.createDirectories(full);
    List<String> rows = new ArrayList<>();
    String norvasc = null;
    Path shared = Path.of(System.getProperty("tsumugi.shared.dir", "../../shared"), "masters", "ssk", "y", "y_ALL20240321.csv");
    for (String line : Files.readAllLines(shared, SJIS)) {
      if (line.contains("\"" + RealDrugs.NORVASC_5 + "\"") || line.contains("\"" + RealDrugs.LOXONIN_60 + "\"")) {
        rows.add(line);
        if (line.contains(RealDrugs.NORVASC_5)) {
          norvasc = line;
        }
      }
    }
    assertThat(rows).hasSize(2);
    Files.write(full.resolve("y_ALL20240321.csv"), rows, SJIS);
    Path diff = dir.resolve("diff");
    Files.createDirectories(diff);
    String abolished = "\"9\"" + norvasc.substring(3).replace("\"20240401\",\"99999999\"", "\"20240601\",\"20240531\"");
    assertThat(abolished).contains("\"20240531\"");
    Files.write(diff.resolve("y_20240601.csv"), List.of(abolished), SJIS);

    try (LocalStore store = LocalStore.createH2(new StoreLocation(dir.resolve("data"), dir.resolve("keys")), clock).store()) {
      store.masterImporter().importPath(full, MasterImportProgress.NONE);
      store.masterImporter().importPath(diff, MasterImportProgress.NONE);
      MasterCatalog catalog = new MasterCatalog(store.masters(), store.masterUsage(), clock);
      ChartPrescriptions rx = new ChartPrescriptions(store.prescriptionStore(), DrugLookup.of(catalog),
          new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
      long patient = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
          LocalDate.of(1950, 4, 5), null, null, null)).id();
      long lastDay = store.visits().insert(new Visit(0, patient, LocalDate.of(2024, 5, 31), 0, "内科", "doctor", null,
          clock.instant())).id();
      long after = store.visits().insert(new Visit(0, patient, LocalDate.of(2024, 6, 1), 0, "内科", "doctor", null,
          clock.instant())).id();

      assertThat(rx.sign(doctor, lastDay, 0, norvasc(lastDay), List.of(), null).content().groups().get(0).items().get(0).name())
          .isEqualTo("ノルバスク錠５ｍｇ");
      assertThatThrownBy(() -> rx.sign(doctor, after, 0, norvasc(after), List.of(), null))
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_DRUG_ABOLISHED));
      Prescription unknown = new Prescription(after, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 7,
          RxItem.of(RealDrugs.MUCOSTA_100, null, "3"))), 0, "");
      assertThatThrownBy(() -> rx.sign(doctor, after, 0, unknown, List.of(), null))
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_DRUG_UNKNOWN));
      assertThat(rx.sign(doctor, after, 0, new Prescription(after, DispensingKind.OUTSIDE, List.of(RpGroup.oral("3A", 7,
          RxItem.of(RealDrugs.LOXONIN_60, "1", "3"))), 0, ""), List.of(), null).revision()).isEqualTo(1);
    }
  }

  private static Prescription norvasc(long visitId) {
    return new Prescription(visitId, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A", 28, RxItem.of(RealDrugs.NORVASC_5, null,
        "1"))), 0, "");
  }
}
