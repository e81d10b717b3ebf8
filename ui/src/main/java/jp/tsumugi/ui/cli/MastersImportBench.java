package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;

/**
 * `tsumugi bench masters-import [--from DIR] [--runs N]`: imports all six masters with their diffs,
 * one master after the other, into a fresh encrypted H2 store per run; prints rows and seconds per
 * master and the median total.
 */
final class MastersImportBench {
  private static final String BUNDLED = "/jp/tsumugi/store/masters/";

  private final CliEnvironment environment;
  private final Path from;
  private final int runs;

  MastersImportBench(CliEnvironment environment, Path from, int runs) {
    this.environment = environment;
    this.from = from;
    this.runs = runs;
  }

  int run() throws IOException {
    Path work = Files.createTempDirectory("tsumugi-masters-bench");
    try {
      Map<MasterKind, Path> sources = sources(work.resolve("sources"));
      Map<MasterKind, Integer> rows = new EnumMap<>(MasterKind.class);
      Map<MasterKind, long[]> nanos = new EnumMap<>(MasterKind.class);
      long[] totals = new long[runs];
      for (int run = 0; run < runs; run++) {
        Path dir = work.resolve("run-" + run);
        try (LocalStore store = LocalStore.createH2(new StoreLocation(dir.resolve("data"), dir.resolve("keys")),
            Clock.systemUTC()).store()) {
          for (Map.Entry<MasterKind, Path> source : sources.entrySet()) {
            long start = System.nanoTime();
            MasterImportReport report = store.masterImporter().importPath(source.getValue(), MasterImportProgress.NONE);
            long took = System.nanoTime() - start;
            nanos.computeIfAbsent(source.getKey(), k -> new long[runs])[run] = took;
            totals[run] += took;
            rows.put(source.getKey(), report.kinds().stream().mapToInt(MasterImportReport.KindReport::total).sum());
          }
        }
      }
      environment.out().println();
      environment.out().println("| master | revisions written | median seconds |");
      environment.out().println("|---|--:|--:|");
      for (MasterKind kind : sources.keySet()) {
        environment.out().printf(Locale.ROOT, "| %s | %d | %.2f |%n", kind, rows.get(kind), median(nanos.get(kind)) / 1e9);
      }
      environment.out().printf(Locale.ROOT, "| total | %d | %.2f |%n", rows.values().stream().mapToInt(Integer::intValue).sum(),
          median(totals) / 1e9);
      StringBuilder each = new StringBuilder();
      for (long t : totals) {
        each.append(String.format(Locale.ROOT, " %.2f", t / 1e9));
      }
      environment.out().println("runs: " + runs + " (total seconds per run:" + each + "), source: "
          + (from == null ? "bundled" : from) + ", JVM " + System.getProperty("java.version") + ", cores: "
          + Runtime.getRuntime().availableProcessors());
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  /** One folder (or zip) per master, so each is timed on its own. */
  private Map<MasterKind, Path> sources(Path dir) throws IOException {
    Map<MasterKind, Path> sources = new EnumMap<>(MasterKind.class);
    Files.createDirectories(dir);
    for (MasterKind kind : MasterKind.values()) {
      String prefix = kind.filePrefix() + "_";
      if (from == null) {
        Path zip = dir.resolve(kind.filePrefix() + ".zip");
        try (InputStream in = LocalStore.class.getResourceAsStream(BUNDLED + kind.filePrefix() + ".zip")) {
          if (in == null) {
            throw new TsumugiException(ErrorCode.MASTER_BUNDLED_MISSING, kind.filePrefix() + ".zip");
          }
          Files.copy(in, zip);
        }
        sources.put(kind, zip);
        continue;
      }
      Path kindDir = dir.resolve(kind.filePrefix());
      Files.createDirectories(kindDir);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(from)) {
        files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
            .startsWith(prefix)).toList();
      }
      for (Path file : files) {
        Files.copy(file, kindDir.resolve(file.getFileName()));
      }
      if (!files.isEmpty()) {
        sources.put(kind, kindDir);
      }
    }
    return sources;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path p : paths) {
      Files.delete(p);
    }
  }
}
