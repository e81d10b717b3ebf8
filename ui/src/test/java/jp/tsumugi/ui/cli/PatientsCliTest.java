package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi patients find|show`, in-process against the demo clinic. */
class PatientsCliTest {
  @TempDir Path root;
  private Path data;
  private Path keys;
  private final Map<String, String> env = new HashMap<>();
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void createDemo() {
    data = root.resolve("demo");
    keys = root.resolve("keys");
    assertThat(run("demo", "--no-window", "--no-masters", "--data-dir", data.toString(), "--key-dir", keys.toString())).isZero();
    env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, DemoStore.CLOCK,
        label -> null);
    return TsumugiCli.run(environment, new DataLocations(Map.of(), "Linux", root.resolve("home")), args);
  }

  private String[] store(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    all[args.length + 2] = "--key-dir";
    all[args.length + 3] = keys.toString();
    return all;
  }

  @Test
  void findByPatientNumberThenShowWithInsuranceAsJsonAndBothAreAudited() {
    assertThat(run(store("patients", "find", "000001", "--user", "clerk", "--json"))).as(err.toString()).isZero();
    String found = out.toString();
    assertThat(found).contains("\"patientNumber\":\"000001\"");
    Matcher id = Pattern.compile("\"id\":(\\d+),\"patientNumber\":\"000001\"").matcher(found);
    assertThat(id.find()).isTrue();

    assertThat(run(store("patients", "show", id.group(1), "--user", "clerk", "--json"))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"patientNumber\":\"000001\"").contains("\"revision\":1")
        .contains("\"insurances\":[{").contains("\"insurerNumber\":\"");

    env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    assertThat(run(store("audit", "verify", "--user", "admin"))).as(err.toString()).isZero();
  }

  @Test
  void findByKanaInHiraganaFindsKatakanaNames() {
    assertThat(run(store("patients", "find", "さとう", "--user", "clerk"))).as(err.toString()).isZero();
    assertThat(out.toString()).contains("サトウ").containsPattern("\\d+ of \\d+ hit\\(s\\)");
  }

  @Test
  void showingAnUnknownPatientIsAnError() {
    assertThat(run(store("patients", "show", "999999", "--user", "clerk"))).isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(err.toString()).contains("TSU-5004");
  }
}
