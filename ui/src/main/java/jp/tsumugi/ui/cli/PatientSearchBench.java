package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.demo.SyntheticPatients;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientDetails;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.patient.PatientSearch.QueryKind;
import jp.tsumugi.app.patient.PatientStore;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * `tsumugi bench patient-search [--patients N] [--runs Q]`: stores N synthetic patients in a fresh
 * encrypted H2 store, builds the search index from it, then times Q queries per kind (after a warm-up)
 * as reception types them: kana prefixes in hiragana, katakana or half-width, kanji names, patient
 * numbers, birth dates as 8 digits and as 和暦, phone numbers. Prints p50/p95/p99 per kind and the heap.
 */
final class PatientSearchBench {
  private static final long SEED = 4_2026L;
  private static final int WARM_UP = 300;
  private static final int LIMIT = 50;

  private final CliEnvironment environment;
  private final int patients;
  private final int queries;

  PatientSearchBench(CliEnvironment environment, int patients, int queries) {
    this.environment = environment;
    this.patients = patients;
    this.queries = queries;
  }

  int run() throws IOException {
    Path work = Files.createTempDirectory("tsumugi-patient-bench");
    Clock clock = environment.clock();
    LocalDate today = LocalDate.now(clock);
    try (LocalStore store = LocalStore.createH2(new StoreLocation(work.resolve("data"), work.resolve("keys")), clock).store()) {
      List<SyntheticPatients.Generated> generated = SyntheticPatients.generate(patients, SEED, today);
      PatientStore patientStore = store.patientStore();
      long insertStart = System.nanoTime();
      int batch = 5_000;
      for (int from = 0; from < generated.size(); from += batch) {
        List<SyntheticPatients.Generated> slice = generated.subList(from, Math.min(generated.size(), from + batch));
        store.transactions().run(() -> {
          for (SyntheticPatients.Generated g : slice) {
            patientStore.insertRecord(new PatientRecord(g.patient(), PatientDetails.NONE, 1),
                new PatientStore.Change("bench", clock.millis(), "registered"));
          }
        });
      }
      long insertNanos = System.nanoTime() - insertStart;
      long readStart = System.nanoTime();
      int read = patientStore.changedSince(0).records().size();
      long readNanos = System.nanoTime() - readStart;
      long heapBefore = usedHeapAfterGc();
      PatientSearch search = new PatientSearch(patientStore, clock);
      long loadStart = System.nanoTime();
      search.refresh();
      long loadNanos = System.nanoTime() - loadStart;
      long heapAfter = usedHeapAfterGc();

      Random random = new Random(SEED);
      List<Patient> sample = generated.stream().map(SyntheticPatients.Generated::patient).toList();
      for (int i = 0; i < WARM_UP; i++) {
        for (QueryKind kind : QueryKind.values()) {
          search.search(query(kind, sample.get(random.nextInt(sample.size())), random), LIMIT);
        }
      }
      Map<QueryKind, long[]> nanos = new EnumMap<>(QueryKind.class);
      Map<QueryKind, long[]> hits = new EnumMap<>(QueryKind.class);
      for (QueryKind kind : QueryKind.values()) {
        long[] times = new long[queries];
        long[] totals = new long[queries];
        for (int i = 0; i < queries; i++) {
          String q = query(kind, sample.get(random.nextInt(sample.size())), random);
          long start = System.nanoTime();
          PatientSearch.Result r = search.search(q, LIMIT);
          times[i] = System.nanoTime() - start;
          totals[i] = r.total();
        }
        nanos.put(kind, times);
        hits.put(kind, totals);
      }
      environment.out().println();
      environment.out().println("| query kind | example | p50 ms | p95 ms | p99 ms | max ms | median matches |");
      environment.out().println("|---|---|--:|--:|--:|--:|--:|");
      Random examples = new Random(1);
      for (QueryKind kind : QueryKind.values()) {
        long[] t = nanos.get(kind).clone();
        Arrays.sort(t);
        long[] h = hits.get(kind).clone();
        Arrays.sort(h);
        environment.out().printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %d |%n", kind,
            query(kind, sample.get(examples.nextInt(sample.size())), examples), pct(t, 50), pct(t, 95), pct(t, 99),
            t[t.length - 1] / 1e6, h[h.length / 2]);
      }
      environment.out().printf(Locale.ROOT, "patients: %d, queries per kind: %d (after %d warm-up rounds), limit %d%n", patients,
          queries, WARM_UP, LIMIT);
      environment.out().printf(Locale.ROOT, "store insert: %.1f s; reading all %d records alone: %.0f ms; index load (read + index): "
          + "%.0f ms%n", insertNanos / 1e9, read, readNanos / 1e6, loadNanos / 1e6);
      environment.out().printf(Locale.ROOT, "heap used after GC: %.1f MB before the index, %.1f MB with it (index ≈ %.1f MB)%n",
          heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
      environment.out().println("JVM " + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / 1048576
          + " MB, cores: " + Runtime.getRuntime().availableProcessors());
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  /** A query of the kind for the patient, typed the way reception would. */
  static String query(QueryKind kind, Patient p, Random random) {
    return switch (kind) {
      case KANA -> {
        String kana = p.familyKana();
        String prefix = kana.substring(0, Math.min(kana.length(), 2 + random.nextInt(Math.max(1, kana.length() - 1))));
        yield random.nextBoolean() ? toHiragana(prefix) : prefix;
      }
      case KANJI -> random.nextBoolean() ? p.familyName() : p.familyName() + p.givenName();
      case PATIENT_NUMBER -> random.nextBoolean() ? p.patientNumber() : p.patientNumber().replaceFirst("^0+", "");
      case BIRTH_DATE_DIGITS -> p.birthDate().toString().replace("-", "");
      case BIRTH_DATE_WAREKI -> random.nextBoolean() ? Wareki.formatShort(p.birthDate()) : Wareki.formatDigits(p.birthDate());
      case PHONE -> p.phone().replace("-", "");
    };
  }

  private static String toHiragana(String katakana) {
    StringBuilder out = new StringBuilder(katakana.length());
    for (char c : katakana.toCharArray()) {
      out.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
    }
    return out.toString();
  }

  private static double pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }
}
