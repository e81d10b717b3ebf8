package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi qualification ingest|quarantined`, in-process against a demo store. */
class QualificationCliTest {
  @TempDir Path root;
  private Path data;
  private Path keys;
  private final Map<String, String> env = new HashMap<>();
  private StringWriter out;

  @BeforeEach
  void createDemo() {
    data = root.resolve("demo");
    keys = root.resolve("keys");
    assertThat(run("demo", "--no-window", "--no-masters", "--data-dir", data.toString(), "--key-dir", keys.toString())).isZero();
    env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
  }

  private int run(String... args) {
    out = new StringWriter();
    CliEnvironment environment = new CliEnvironment(new PrintWriter(out), new PrintWriter(new StringWriter()), env, DemoStore.CLOCK,
        label -> null);
    return TsumugiCli.run(environment, new DataLocations(Map.of(), "Linux", root.resolve("home")), args);
  }

  private String[] store(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 6);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    all[args.length + 2] = "--key-dir";
    all[args.length + 3] = keys.toString();
    all[args.length + 4] = "--user";
    all[args.length + 5] = "clerk";
    return all;
  }

  private Path fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/qualification/" + name)) {
      Path file = root.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  @Test
  void ingestAppliesAResultOnceAndSaysSoTheSecondTime() throws IOException {
    Path file = fixture("face-new-patient-utf8.xml");
    assertThat(run(store("qualification", "ingest", file.toString(), "--json"))).isZero();
    assertThat(out.toString()).startsWith("{\"outcome\":\"APPLIED\",\"file\":\"face-new-patient-utf8.xml\"")
        .contains("\"state\":\"APPLIED\"").contains("\"validity\":\"VALID\"").contains("\"patientKeyPresent\":true")
        .contains("\"warnings\":[]").containsPattern("\"proposalId\":[0-9]+").contains("\"patientId\":null");
    assertThat(file).exists();
    assertThat(run(store("qualification", "ingest", file.toString()))).isZero();
    assertThat(out.toString()).startsWith("ALREADY_APPLIED: face-new-patient-utf8.xml").contains("processed before");
  }

  @Test
  void ingestQuarantinesAnAttackWithItsCodeAndListsIt() throws IOException {
    Path file = fixture("attack-billion-laughs.xml");
    assertThat(run(store("qualification", "ingest", file.toString(), "--json"))).isEqualTo(QualificationCommand.EXIT_NOT_APPLIED);
    assertThat(out.toString()).contains("\"outcome\":\"QUARANTINED\"").contains("\"reasonCode\":\"TSU-7051\"").contains("\"report\":null");
    assertThat(run(store("qualification", "quarantined", "--json"))).isZero();
    assertThat(out.toString()).contains("\"file\":\"attack-billion-laughs.xml\"").contains("\"reasonCode\":\"TSU-7051\"");
  }

  @Test
  void ingestOfAMissingFileFailsWithTheUnreadableCode() {
    assertThat(run(store("qualification", "ingest", root.resolve("nope.xml").toString()))).isEqualTo(TsumugiCli.EXIT_ERROR);
  }
}
