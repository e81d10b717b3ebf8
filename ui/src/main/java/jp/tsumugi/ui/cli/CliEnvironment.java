package jp.tsumugi.ui.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What the commands read from and write to, injected so tests can drive them: output streams, the
 * environment, the clock, and a prompt for secrets (the console, or nothing when there is none).
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
    Function<String, char[]> secretPrompt) {

  public static CliEnvironment ofProcess() {
    Console console = System.console();
    Function<String, char[]> prompt = console == null ? label -> null : label -> console.readPassword("%s: ", label);
    return new CliEnvironment(new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8), System.getenv(),
        Clock.system(java.time.ZoneId.of("Asia/Tokyo")), prompt);
  }
}
