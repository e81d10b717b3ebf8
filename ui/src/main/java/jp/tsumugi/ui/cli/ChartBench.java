package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.chart.ChartLabs;
import jp.tsumugi.app.chart.ChartNotes;
import jp.tsumugi.app.chart.ChartVitals;
import jp.tsumugi.app.chart.EditLeases;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.LabPoint;
import jp.tsumugi.app.chart.LabResult;
import jp.tsumugi.app.chart.LabRevision;
import jp.tsumugi.app.chart.LabValue;
import jp.tsumugi.app.chart.NoteRevision;
import jp.tsumugi.app.chart.SoapNote;
import jp.tsumugi.app.chart.Vitals;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * `tsumugi bench chart [--notes N] [--queries Q]`: a fresh encrypted H2 store with one patient holding N
 * signed notes (one visit a week back from today, about 1,200 characters each, all audited as in use),
 * then times Q autosaves of a growing draft on today's visit and Q opens of the latest signed visit
 * (latest revision + own draft + editing lease + audit) and of the timeline's first page (20 newest notes).
 * The same patient then gets 2,000 lab results (25 tests over 10 years) and 300 vitals; the chart's lab queries
 * (latest result per test, one test's series, newest 20) and the latest vitals are timed the same way, and so is
 * the chart window's first paint of this 10-year chart (overview + newest visit's note + labs + vitals).
 * Prints p50/p95/p99/max per operation, after a warm-up.
 */
final class ChartBench {
  private static final int WARM_UP = 200;
  private static final int TIMELINE_PAGE = 20;
  private static final String[] LAB_TESTS = {"AST", "ALT", "GGT", "TBIL", "ALB", "TP", "BUN", "CRE", "EGFR", "UA", "NA", "K", "CL",
      "TC", "HDLC", "LDLC", "TG", "GLU", "HBA1C", "CRP", "WBC", "RBC", "HB", "HT", "PLT"};
  private static final int LAB_RESULTS = 2_000;
  private static final int VITALS = 300;
  private static final int IMPORT_LINES = 5_000;

  private final CliEnvironment environment;
  private final int notes;
  private final int queries;

  ChartBench(CliEnvironment environment, int notes, int queries) {
    this.environment = environment;
    this.notes = notes;
    this.queries = queries;
  }

  int run() throws IOException {
    Path work = Files.createTempDirectory("tsumugi-chart-bench");
    Clock clock = environment.clock();
    LocalDate today = LocalDate.now(clock);
    try (LocalStore store = LocalStore.createH2(new StoreLocation(work.resolve("data"), work.resolve("keys")), clock).store()) {
      ChartNotes chart = new ChartNotes(store.chartStore(), new EditLeases(store.chartStore(), clock),
          new HashChainedAuditLog(store.auditEntries(), clock), store.transactions(), clock);
      Session doctor = new Session(new User(0, "doctor", "医師", Role.DOCTOR, "-", null, true, 0, null, clock.instant()),
          "bench", clock.instant());
      long patient = store.patients().insert(new Patient(0, "000001", "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
          LocalDate.of(1956, 5, 26), null, null, null)).id();
      long setupStart = System.nanoTime();
      long latestSigned = 0;
      int batch = 50;
      for (int from = notes - 1; from >= 0; from -= batch) {
        int top = from;
        long last = store.transactions().inTransaction(() -> {
          long visit = 0;
          for (int week = top; week > top - batch && week >= 0; week--) {
            visit = visit(store, patient, today.minusWeeks(week + 1L), clock.instant());
            chart.signOff(doctor, visit, 0, note(week, ""), null);
          }
          return visit;
        });
        latestSigned = last;
      }
      double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
      long todayVisit = visit(store, patient, today, clock.instant());
      chart.open(doctor, todayVisit);

      long[] autosave = new long[queries];
      for (int i = -WARM_UP; i < queries; i++) {
        SoapNote draft = note(0, "追記 " + (i + WARM_UP));
        long t0 = System.nanoTime();
        chart.saveDraft(doctor, todayVisit, 0, draft);
        long t1 = System.nanoTime();
        if (i >= 0) {
          autosave[i] = t1 - t0;
        }
      }
      long[] open = new long[queries];
      long[] timeline = new long[queries];
      long latest = latestSigned;
      for (int i = -WARM_UP; i < queries; i++) {
        long t0 = System.nanoTime();
        ChartNotes.OpenNote opened = chart.open(doctor, latest);
        long t1 = System.nanoTime();
        List<NoteRevision> page = chart.recentNotes(doctor, patient, TIMELINE_PAGE);
        long t2 = System.nanoTime();
        if (opened.latest().isEmpty() || page.size() != Math.min(TIMELINE_PAGE, notes)) {
          environment.err().println("unexpected result while timing");
          return 1;
        }
        if (i >= 0) {
          open[i] = t1 - t0;
          timeline[i] = t2 - t1;
        }
      }
      LabTimes labTimes = labs(store, clock, doctor, today, patient);
      if (labTimes == null) {
        environment.err().println("unexpected lab result while timing");
        return 1;
      }
      long[] firstPaint = firstPaint(store, clock, doctor, patient);
      if (firstPaint == null) {
        environment.err().println("unexpected chart while timing");
        return 1;
      }
      environment.out().println();
      environment.out().printf(Locale.ROOT, "one patient, %d signed notes (set up in %.1f s, each sign-off audited); %d timed runs"
          + " per operation after %d warm-up runs; encrypted H2 file%n", notes, setupSeconds, queries, WARM_UP);
      environment.out().println();
      environment.out().println("| operation | p50 ms | p95 ms | p99 ms | max ms | target |");
      environment.out().println("|---|--:|--:|--:|--:|---|");
      row("autosave draft (~1,200 chars, upsert)", autosave, "p95 < 20 ms");
      row("open latest visit note (revision + draft + lease + audit)", open, "first data < 150 ms");
      row("timeline first page (20 newest notes, audited)", timeline, "-");
      long[] both = new long[queries];
      for (int i = 0; i < queries; i++) {
        both[i] = open[i] + timeline[i];
      }
      row("open note + timeline page together", both, "p95 < 150 ms");
      row("chart window first paint: overview (header, facts, problems, " + (notes + 1) + "-visit timeline, audited) + latest"
          + " visit note + labs latest per test + latest vitals", firstPaint, "p95 < 150 ms");
      row("labs: latest result per test (" + LAB_RESULTS + " results, " + LAB_TESTS.length + " tests, audited)", labTimes.latest(),
          "p95 < 20 ms");
      row("labs: series of one test (" + LAB_RESULTS / LAB_TESTS.length + " points, audited)", labTimes.series(), "p95 < 20 ms");
      row("labs: newest 20 results (audited)", labTimes.newest(), "-");
      row("vitals: latest measurement (" + VITALS + " stored, audited)", labTimes.vitals(), "-");
      environment.out().printf(Locale.ROOT, "(lab patient set up in %.1f s: %d results over 10 years, %d vitals, each add audited)%n",
          labTimes.setupSeconds(), LAB_RESULTS, VITALS);
      environment.out().printf(Locale.ROOT, "lab CSV import of %d lines (one run): preview %.0f ms, accept (one transaction) %.0f ms%n",
          labTimes.importLines(), labTimes.previewMs(), labTimes.acceptMs());
      environment.out().println();
      environment.out().println("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
          + " processors");
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  private record LabTimes(long[] latest, long[] series, long[] newest, long[] vitals, double setupSeconds, int importLines,
      double previewMs, double acceptMs) {
  }

  /**
   * What the chart window reads when a doctor opens this patient (docs/adr/0028), timed as one: the overview (header,
   * facts, problems, every visit), the newest visit's note with its lease, the latest result per test and the latest
   * vitals. The window runs the lab and vital reads beside the note; here they run one after another.
   */
  private long[] firstPaint(LocalStore store, Clock clock, Session doctor, long patient) {
    // The application's own wiring (not closed here: the store is closed by the caller).
    jp.tsumugi.ui.composition.AppServices services = new jp.tsumugi.ui.composition.AppServices(store, clock, "bench", false);
    long[] times = new long[queries];
    for (int i = -WARM_UP; i < queries; i++) {
      long t0 = System.nanoTime();
      jp.tsumugi.app.chart.ChartOverview.Overview overview = services.chartOverview().open(doctor, patient);
      ChartNotes.OpenNote note = services.chartNotes().open(doctor, overview.timeline().get(0).visitId());
      List<LabRevision> perTest = services.chartLabs().latestPerTest(doctor, patient);
      boolean hasVitals = services.chartVitals().latest(doctor, patient).isPresent();
      long t1 = System.nanoTime();
      if (overview.timeline().size() != notes + 1 || note.visitId() == 0 || perTest.size() != LAB_TESTS.length || !hasVitals) {
        return null;
      }
      if (i >= 0) {
        times[i] = t1 - t0;
      }
    }
    return times;
  }

  /** The notes patient also gets 2,000 lab results (25 tests, a panel every ~46 days for 10 years) and vitals; times the lab queries. */
  private LabTimes labs(LocalStore store, Clock clock, Session doctor, LocalDate today, long patient) {
    HashChainedAuditLog audit = new HashChainedAuditLog(store.auditEntries(), clock);
    ChartLabs labs = new ChartLabs(store.labStore(), audit, store.transactions(), clock);
    ChartVitals vitals = new ChartVitals(store.vitalStore(), audit, store.transactions(), clock);
    long setupStart = System.nanoTime();
    int panels = LAB_RESULTS / LAB_TESTS.length;
    for (int panel = 0; panel < panels; panel++) {
      LocalDate date = today.minusDays(3650L * (panels - panel) / panels);
      int at = panel;
      store.transactions().run(() -> {
        for (int t = 0; t < LAB_TESTS.length; t++) {
          BigDecimal value = BigDecimal.valueOf(100 + (at * 37 + t * 11) % 90, 1);
          labs.add(doctor, patient, new LabResult(LAB_TESTS[t], "", LabValue.numeric(value), "", null, null, date, null));
        }
      });
    }
    store.transactions().run(() -> {
      for (int i = 0; i < VITALS; i++) {
        vitals.add(doctor, patient, new Vitals(clock.instant().minusSeconds(86_400L * (VITALS - i)), 120 + i % 20, 80, 70,
            new BigDecimal("36.5"), 98, new BigDecimal("160.0"), new BigDecimal("55.0"), null));
      }
    });
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
    long[] latest = new long[queries];
    long[] series = new long[queries];
    long[] newest = new long[queries];
    long[] vital = new long[queries];
    for (int i = -WARM_UP; i < queries; i++) {
      long t0 = System.nanoTime();
      List<LabRevision> perTest = labs.latestPerTest(doctor, patient);
      long t1 = System.nanoTime();
      List<LabPoint> points = labs.series(doctor, patient, LAB_TESTS[i & 7]);
      long t2 = System.nanoTime();
      List<LabRevision> top = labs.newest(doctor, patient, TIMELINE_PAGE);
      long t3 = System.nanoTime();
      boolean hasVitals = vitals.latest(doctor, patient).isPresent();
      long t4 = System.nanoTime();
      if (perTest.size() != LAB_TESTS.length || points.size() != panels || top.size() != TIMELINE_PAGE || !hasVitals) {
        return null;
      }
      if (i >= 0) {
        latest[i] = t1 - t0;
        series[i] = t2 - t1;
        newest[i] = t3 - t2;
        vital[i] = t4 - t3;
      }
    }
    int lines = Math.min(IMPORT_LINES, queries * 5);
    StringBuilder csv = new StringBuilder("patient_number,specimen_date,test_code,value\n");
    for (int i = 0; i < lines; i++) {
      csv.append("000001,").append(today.minusDays(1L + i / LAB_TESTS.length)).append(',').append(LAB_TESTS[i % LAB_TESTS.length])
          .append(',').append(1000 + i).append('\n');
    }
    byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    LabCsvImport importer = new LabCsvImport(store.labStore(), labs, audit, store.transactions(), clock);
    long p0 = System.nanoTime();
    LabCsvImport.Preview preview = importer.preview(doctor, bytes, null);
    long p1 = System.nanoTime();
    int saved = importer.accept(doctor, preview, bytes);
    long p2 = System.nanoTime();
    if (saved != lines) {
      return null;
    }
    return new LabTimes(latest, series, newest, vital, setupSeconds, lines, (p1 - p0) / 1e6, (p2 - p1) / 1e6);
  }

  private static long visit(LocalStore store, long patient, LocalDate date, Instant at) {
    return store.visits().insert(new Visit(0, patient, date, 0, "内科", "doctor", null, at)).id();
  }

  /** A plausible note of about 1,200 characters; {@code extra} makes each autosave differ. */
  private static SoapNote note(int week, String extra) {
    String s = ("第" + week + "週。昨夜から咽頭痛と37.8℃の発熱、咳嗽あり。食欲やや低下。既往に高血圧。\n").repeat(6) + extra;
    String o = "BP 132/84 HR 88 SpO2 97% 咽頭発赤あり、扁桃腫大なし。肺音清。\n".repeat(5);
    String a = "急性上気道炎。高血圧症（継続）。\n".repeat(3);
    String p = "カロナール錠200mg 3錠 分3 毎食後 5日分\nアムロジピン錠5mg 1錠 分1 朝食後 28日分\n".repeat(3);
    return new SoapNote(s, o, a, p);
  }

  private void row(String label, long[] nanos, String target) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    environment.out().printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %s |%n", label, pct(sorted, 50), pct(sorted, 95),
        pct(sorted, 99), sorted[sorted.length - 1] / 1e6, target);
  }

  private static double pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
