package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi patients find|show`, in-process against the demo clinic. */
class PatientsCliTest {
  @TempDir Path root;
  private CliRun cli;

  @BeforeEach
  void createDemo() {
    cli = CliRun.withDemo(root);
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
  }

  @Test
  void findByPatientNumberThenShowWithInsuranceAsJsonAndBothAreAudited() {
    assertThat(cli.run(cli.store("patients", "find", "000001", "--user", "clerk", "--json"))).as(cli.err()).isZero();
    String found = cli.out();
    assertThat(found).contains("\"patientNumber\":\"000001\"");
    Matcher id = Pattern.compile("\"id\":(\\d+),\"patientNumber\":\"000001\"").matcher(found);
    assertThat(id.find()).isTrue();

    assertThat(cli.run(cli.store("patients", "show", id.group(1), "--user", "clerk", "--json"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"patientNumber\":\"000001\"").contains("\"revision\":1")
        .contains("\"insurances\":[{").contains("\"insurerNumber\":\"");

    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    assertThat(cli.run(cli.store("audit", "verify", "--user", "admin"))).as(cli.err()).isZero();
  }

  @Test
  void findByKanaInHiraganaFindsKatakanaNames() {
    assertThat(cli.run(cli.store("patients", "find", "さとう", "--user", "clerk"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("サトウ").containsPattern("\\d+ of \\d+ hit\\(s\\)");
  }

  @Test
  void showingAnUnknownPatientIsAnError() {
    assertThat(cli.run(cli.store("patients", "show", "999999", "--user", "clerk"))).isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-5004");
  }
}
