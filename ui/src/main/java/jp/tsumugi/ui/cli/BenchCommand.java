package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `tsumugi bench masters-import`: see {@link MastersImportBench}.
 * `tsumugi bench patient-search`: see {@link PatientSearchBench}.
 * `tsumugi bench chart`: see {@link ChartBench}.
 * `tsumugi bench chart-search`: see {@link ChartSearchBench}.
 * `tsumugi bench rx-check`: see {@link RxCheckBench}.
 * `tsumugi bench startup`: cold start to the login screen and heap after login, over several fresh
 * JVMs on one demo clinic; prints a table and the median. Needs a display (or Xvfb).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (prints a table).")
public final class BenchCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final DataLocations locations;

  @Parameters(index = "0", paramLabel = "WHAT", description = "startup, masters-import, patient-search, chart, chart-search or rx-check")
  String what;

  @Option(names = "--runs", defaultValue = "5", description = "Number of cold starts (default 5).")
  int runs;

  @Option(names = "--from", paramLabel = "DIR", description = "masters-import: folder of master files (default: the bundled set).")
  Path from;

  @Option(names = "--patients",
      description = "patient-search: synthetic patients (default 100000); chart-search: patients the notes belong to (default 5000).")
  Integer patients;

  @Option(names = "--queries",
      description = "patient-search: timed queries per kind; chart, rx-check: timed runs per operation (default 1000); chart-search: "
          + "timed searches (default 500).")
  Integer queries;

  @Option(names = "--notes",
      description = "chart: signed notes of the one patient (default 500); chart-search: notes in all (default 100000).")
  Integer notes;

  @Option(names = "--java-option", description = "Extra JVM option for the measured processes (repeatable).")
  List<String> javaOptions = new ArrayList<>();

  public BenchCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if ("masters-import".equals(what)) {
      return new MastersImportBench(environment, from, runs).run();
    }
    if ("patient-search".equals(what)) {
      return new PatientSearchBench(environment, Math.max(1, patients == null ? 100_000 : patients),
          Math.max(1, queries == null ? 1_000 : queries)).run();
    }
    if ("chart".equals(what)) {
      return new ChartBench(environment, Math.max(1, notes == null ? 500 : notes), Math.max(1, queries == null ? 1_000 : queries)).run();
    }
    if ("rx-check".equals(what)) {
      return new RxCheckBench(environment, Math.max(1, queries == null ? 1_000 : queries)).run();
    }
    if ("chart-search".equals(what)) {
      int searches = queries == null ? 500 : queries; // 500 keeps the whole run near three minutes
      return new ChartSearchBench(environment, Math.max(1, notes == null ? 100_000 : notes),
          Math.max(1, patients == null ? 5_000 : patients), Math.max(1, searches)).run();
    }
    if (!"startup".equals(what)) {
      environment.err().println("unknown benchmark: " + what);
      return 2;
    }
    Path work = Files.createTempDirectory("tsumugi-bench");
    Path data = work.resolve("demo");
    Path keys = work.resolve("keys");
    int demo = TsumugiCli.run(environment, locations, "demo", "--no-window", "--data-dir", data.toString(), "--key-dir",
        keys.toString());
    if (demo != 0) {
      return demo;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    long[] startMs = new long[runs];
    long[] heapBytes = new long[runs];
    environment.out().println();
    environment.out().println("| run | start → login screen (ms) | heap used after login, after GC (MB) |");
    environment.out().println("|----:|--------------------------:|-------------------------------------:|");
    for (int i = 0; i < runs; i++) {
      Path probe = work.resolve("probe-" + i + ".properties");
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(javaOptions);
      command.addAll(List.of("-Dtsumugi.probe.file=" + probe, "-Dtsumugi.probe.login=clerk:tsumugi-clerk", "-cp", classpath,
          "jp.tsumugi.ui.Main", "desktop", "--data-dir", data.toString(), "--key-dir", keys.toString()));
      long spawned = System.currentTimeMillis();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("run-" + i + ".log")
          .toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new TsumugiException(ErrorCode.DB_ERROR, "run " + i + " did not finish");
      }
      Properties result = new Properties();
      try (InputStream in = Files.newInputStream(probe)) {
        result.load(in);
      }
      startMs[i] = Long.parseLong(result.getProperty("loginShownEpochMs")) - spawned;
      heapBytes[i] = Long.parseLong(result.getProperty("heapUsedAfterLoginBytes"));
      environment.out().printf("| %3d | %25d | %36.1f |%n", i + 1, startMs[i], heapBytes[i] / 1048576.0);
    }
    environment.out().printf("| median | %22d | %36.1f |%n", median(startMs), median(heapBytes) / 1048576.0);
    environment.out().println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + ", cores: " + Runtime.getRuntime().availableProcessors());
    return 0;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
