package jp.tsumugi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application ({@code ui/target/tsumugi.jar} with its {@code lib/}) in a child JVM,
 * exactly as the launcher script does: no test class path, a real clock, real exit codes.
 */
final class PackagedCli {
  /** What a run printed and how it ended. */
  record Run(int exitCode, String out, String err) {
  }

  private final Path jar;
  private final Path workDir;

  PackagedCli(Path workDir) {
    this.workDir = workDir;
    Path candidate = Path.of(System.getProperty("tsumugi.jar", "../ui/target/tsumugi.jar")).toAbsolutePath().normalize();
    assertThat(candidate).as("the ui module packages tsumugi.jar before the end-to-end scenarios run").isRegularFile();
    this.jar = candidate;
  }

  Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("TSUMUGI_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tsumugi " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
