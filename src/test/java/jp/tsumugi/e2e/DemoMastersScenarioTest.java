package jp.tsumugi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo clinic as the README's run command makes it, through the packaged application: it comes
 * with the bundled official masters, and reception staff can search them from the command line.
 */
class DemoMastersScenarioTest {
  @TempDir Path root;

  @Test
  void demoClinicComesWithSearchableMasters() throws Exception {
    PackagedCli cli = new PackagedCli(root);
    String data = root.resolve("demo").toString();
    String keys = root.resolve("demo.keys").toString();
    PackagedCli.Run demo = cli.run(Map.of(), "demo", "--no-window", "--data-dir", data, "--key-dir", keys);
    assertThat(demo.exitCode()).as(demo.err()).isZero();

    Map<String, String> clerk = Map.of("TSUMUGI_PASSWORD", "tsumugi-clerk");
    PackagedCli.Run status = cli.run(clerk, "masters", "status", "--json", "--user", "clerk", "--data-dir", data, "--key-dir",
        keys);
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("\"kind\":\"Y\"").contains("\"recordCount\":21182").contains("\"recordCount\":27437");

    PackagedCli.Run drugs = cli.run(clerk, "masters", "search", "drug", "ろきそ", "--limit", "50", "--json", "--user", "clerk",
        "--data-dir", data, "--key-dir", keys);
    assertThat(drugs.exitCode()).as(drugs.err()).isZero();
    assertThat(drugs.out()).contains("\"code\":\"620098801\",\"name\":\"ロキソニン錠６０ｍｇ\"")
        .contains("ロキソプロフェンＮａ錠６０ｍｇ");

    PackagedCli.Run disease = cli.run(clerk, "masters", "search", "disease", "急性胃腸炎", "--json", "--user", "clerk",
        "--data-dir", data, "--key-dir", keys);
    assertThat(disease.out()).contains("\"composed\":{\"name\":\"急性胃腸炎\",\"diseaseCode\":\"0091009\",\"modifierCodes\":[]}");
  }
}
