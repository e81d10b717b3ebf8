package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.Allergy;
import jp.tsumugi.app.chart.AllergyKind;
import jp.tsumugi.app.chart.AllergySeverity;
import jp.tsumugi.app.chart.Contraindication;
import jp.tsumugi.app.chart.PatientFacts;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.ClinicMedications;
import jp.tsumugi.app.prescription.safety.CurrentDrug;
import jp.tsumugi.app.prescription.safety.DemoSafetyData;
import jp.tsumugi.app.prescription.safety.ExternalMedications;
import jp.tsumugi.app.prescription.safety.ExternalSource;
import jp.tsumugi.app.prescription.safety.InteractionCsv;
import jp.tsumugi.app.prescription.safety.InteractionTable;
import jp.tsumugi.app.prescription.safety.OtherSource;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.prescription.safety.ProposedDrug;
import jp.tsumugi.app.prescription.safety.SafetyCheck;
import jp.tsumugi.app.prescription.safety.SafetyInput;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * `tsumugi bench rx-check [--queries Q]`: a fresh encrypted H2 store (with the seeded demo interaction table) and one
 * patient with 5 years of history: a clinic prescription of 10 drugs every week for 14 days (a fake
 * {@link ClinicMedications} holding 2,600 drugs, scanned on every call as a store would filter them), a monthly お薬手帳
 * record of 3 drugs (180 external records in the store), 2 allergies and a 薬剤禁忌. Times Q checks of a 10-drug
 * prescription after a warm-up: the pure {@link SafetyCheck} with all 2,780 history drugs in its input, the editor's
 * {@link PrescriptionSafety.Context#check} (inputs gathered once), and the whole {@link PrescriptionSafety#checkDrugs}
 * (store reads, audit write, check). Prints p50/p95/p99/max.
 */
final class RxCheckBench {
  private static final int WARM_UP = 300;
  private static final int WEEKS = 5 * 52;
  /** Real drugs (code, YJ) from the y master; the first 10 are the checked prescription. */
  private static final String[][] DRUGS = {
      {"611120055", "1124007F2026"}, {"616290177", "6290004M1029"}, {"622081101", "1149117F1020"}, {"620000033", "1141007F2027"},
      {"613330001", "3332001F1016"}, {"612180263", "2189011F1025"}, {"616140105", "6149003F2038"}, {"610443047", "1129009F1025"},
      {"620002477", "2189017F1022"}, {"610432012", "2149040F2022"}};
  /** The weekly history: 10 other drugs. */
  private static final String[][] HISTORY = {
      {"610443053", "3399007H1013"}, {"620003074", "3943001F1012"}, {"620002547", "3949002F1053"}, {"610443045", "1179041F1025"},
      {"612170455", "2171017F1028"}, {"620004629", "2171008F1070"}, {"610406407", "2251001G1025"}, {"610462018", "2113003F2010"},
      {"610470001", "2149043F1020"}, {"620005824", "2149045F1029"}};

  private final CliEnvironment environment;
  private final int queries;

  RxCheckBench(CliEnvironment environment, int queries) {
    this.environment = environment;
    this.queries = queries;
  }

  int run() throws IOException {
    Path work = Files.createTempDirectory("tsumugi-rx-bench");
    Clock clock = environment.clock();
    LocalDate today = LocalDate.now(clock);
    try (LocalStore store = LocalStore.createH2(new StoreLocation(work.resolve("data"), work.resolve("keys")), clock).store()) {
      HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
      Session doctor = new Session(new User(0, "doctor", "医師", Role.DOCTOR, "-", null, true, 0, null, clock.instant()),
          "bench", clock.instant());
      long patient = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
          LocalDate.of(1956, 5, 26), null, null, null)).id();
      List<ClinicMedications.Taken> history = new ArrayList<>();
      for (int week = WEEKS; week >= 1; week--) {
        LocalDate start = today.minusWeeks(week);
        for (String[] d : HISTORY) {
          history.add(new ClinicMedications.Taken(week, week, d[0], d[1], "", start, 14, false));
        }
      }
      ClinicMedications clinic = (id, date) -> history.stream()
          .filter(t -> !date.isBefore(t.start()) && date.isBefore(t.start().plusDays(t.days()))).toList();
      ExternalMedications externals = new ExternalMedications(store.externalMedicationStore(), audit, store.transactions(), clock);
      store.transactions().run(() -> {
        for (int month = 60; month >= 1; month--) {
          LocalDate start = today.minusMonths(month);
          for (int i = 0; i < 3; i++) {
            String[] d = HISTORY[(month + i) % HISTORY.length];
            externals.add(doctor, patient, d[0], d[1], "他院処方", start, 30, ExternalSource.NOTEBOOK, start);
          }
        }
      });
      PatientFacts facts = new PatientFacts(store.patientFactStore(), audit, store.transactions(), clock);
      facts.add(doctor, patient, new Allergy(AllergyKind.DRUG_INGREDIENT, "1141007", "アセトアミノフェン", "", AllergySeverity.SEVERE));
      facts.add(doctor, patient, new Allergy(AllergyKind.DRUG_PRODUCT, "610443045", "パキシル", "", AllergySeverity.MODERATE));
      facts.add(doctor, patient, new Contraindication("6149003", "クラリスロマイシン", "QT延長"));
      PrescriptionSafety safety = new PrescriptionSafety(store.masters(), clinic, store.externalMedicationStore(),
          store.patientFactStore(), store.interactionStore(), audit, store.transactions());
      List<ProposedDrug> drugs = new ArrayList<>();
      for (String[] d : DRUGS) {
        drugs.add(new ProposedDrug(d[0], d[1], d[1].substring(0, 9) + "ZZZ", "", 28, false, "1", null, false, "0"));
      }
      PrescriptionSafety.Report first = safety.checkDrugs(doctor, patient, today, drugs);

      // the pure check on the same inputs
      List<CurrentDrug> current = new ArrayList<>();
      for (ClinicMedications.Taken t : history) {
        current.add(new CurrentDrug(OtherSource.CLINIC_PRESCRIPTION, "", t.start(), t.prescriptionRecordId(), t.drugCode(), t.yjCode(),
            "", t.start(), t.days()));
      }
      store.externalMedicationStore().forPatient(patient).forEach(m -> current.add(m.asCurrent()));
      SafetyCheck engine = new SafetyCheck(new InteractionTable(null,
          store.interactionStore().rows(first.table().orElseThrow().version()).stream().map(InteractionCsv.Row::interaction).toList()),
          DemoSafetyData.combinations(store.interactionStore().combinations()),
          DemoSafetyData.limits(store.interactionStore().controlledLimits(), Map.of()));
      SafetyInput input = new SafetyInput(today, drugs, current, List.of(new Allergy(AllergyKind.DRUG_INGREDIENT, "1141007", "x", "",
          AllergySeverity.SEVERE)), List.of(new Contraindication("6149003", "x", "")));
      long[] pure = new long[queries];
      int findings = 0;
      for (int i = -WARM_UP; i < queries; i++) {
        long t0 = System.nanoTime();
        findings = engine.check(input).size();
        long t1 = System.nanoTime();
        if (i >= 0) {
          pure[i] = t1 - t0;
        }
      }
      PrescriptionSafety.Context context = safety.context(doctor, patient, today);
      long[] withContext = new long[queries];
      for (int i = -WARM_UP; i < queries; i++) {
        long t0 = System.nanoTime();
        PrescriptionSafety.Report r = context.check(drugs);
        long t1 = System.nanoTime();
        if (r.findings().size() != first.findings().size()) {
          environment.err().println("unexpected result while timing");
          return 1;
        }
        if (i >= 0) {
          withContext[i] = t1 - t0;
        }
      }
      long[] whole = new long[queries];
      for (int i = -WARM_UP; i < queries; i++) {
        long t0 = System.nanoTime();
        PrescriptionSafety.Report r = safety.checkDrugs(doctor, patient, today, drugs);
        long t1 = System.nanoTime();
        if (r.findings().size() != first.findings().size()) {
          environment.err().println("unexpected result while timing");
          return 1;
        }
        if (i >= 0) {
          whole[i] = t1 - t0;
        }
      }
      environment.out().println();
      environment.out().printf(Locale.ROOT, "one patient, 5 years of history: %d weekly clinic prescriptions of %d drugs (%d drugs), "
          + "%d external records, 2 allergies, 1 contraindication; a %d-drug prescription with %d findings (pure check: %d); "
          + "%d timed runs after %d warm-up runs; encrypted H2 file%n", WEEKS, HISTORY.length, history.size(),
          store.externalMedicationStore().forPatient(patient).size(), drugs.size(), first.findings().size(), findings, queries, WARM_UP);
      environment.out().println();
      environment.out().println("| operation | p50 ms | p95 ms | p99 ms | max ms | target |");
      environment.out().println("|---|--:|--:|--:|--:|---|");
      row("SafetyCheck.check (pure, 2,780 history drugs in the input)", pure, "p95 < 5 ms");
      row("Context.check (editor: inputs gathered once per patient and date)", withContext, "p95 < 5 ms");
      row("PrescriptionSafety.checkDrugs (gather from the store + audit + check)", whole, "-");
    } finally {
      deleteTree(work);
    }
    return 0;
  }

  private void row(String label, long[] nanos, String target) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    environment.out().printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %s |%n", label, pct(sorted, 50), pct(sorted, 95),
        pct(sorted, 99), sorted[sorted.length - 1] / 1e6, target);
  }

  private static double pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
