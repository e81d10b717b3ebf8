package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.tsumugi.app.audit.HashChainedAuditLog;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.prescription.safety.ExternalMedications;
import jp.tsumugi.app.prescription.safety.ExternalSource;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi rx check` and `tsumugi bench rx-check`, in-process against the demo clinic with real y-master rows. */
class RxCliTest {
  static final Charset SJIS = Charset.forName("windows-31j");
  static final Set<String> CODES = Set.of("611120055", "610412126", "616290177", "622081101", "620000033", "612180263");

  @TempDir Path root;
  private CliRun cli;

  @BeforeEach
  void createDemoWithDrugs() throws IOException {
    cli = CliRun.withDemo(root);
    Path dir = Files.createDirectories(root.resolve("masters"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(yMaster(), SJIS)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.replace("\"", "").split(",", 4);
        if (f.length > 3 && CODES.contains(f[2])) {
          lines.add(line);
        }
      }
    }
    assertThat(lines).hasSize(CODES.size());
    Files.write(dir.resolve("y_ALL20240321.csv"), (String.join("\r\n", lines) + "\r\n").getBytes(SJIS));
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    assertThat(cli.run(cli.store("masters", "import", dir.toString(), "--user", "admin"))).as(cli.err()).isZero();
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-doctor");
    cli.env.remove("TSUMUGI_TOTP");
  }

  private static Path yMaster() {
    String dir = System.getProperty("tsumugi.shared.dir", System.getProperty("shared.dir", "../../shared"));
    return Paths.get(dir, "masters", "ssk", "y", "y_ALL20240321.csv");
  }

  @Test
  void noFindingsExitsZeroAndFindingsExitTwoWithEveryFindingInTheJson() {
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "612180263:28", "--user",
        "doctor"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("0 finding(s) for 1 drug(s) on 2024-06-01").contains("(DEMO)");

    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "611120055:31", "--drug",
        "610412126", "--drug", "616290177:14", "--user", "doctor", "--json"))).as(cli.err()).isEqualTo(RxCommand.Check.EXIT_FINDINGS);
    String json = cli.out();
    assertThat(json).contains("\"interactionTable\":{\"version\":1,").contains("\"demo\":true")
        .contains("{\"kind\":\"DAYS_LIMIT\",\"level\":\"CONTRAINDICATED\",\"needsOverrideReason\":true,\"drugIndex\":0,"
            + "\"drugCode\":\"611120055\",\"otherSource\":\"LIMIT_RULE\",\"otherCode\":\"CONTROLLED\"")
        .contains("{\"kind\":\"DUPLICATE\",\"level\":\"CAUTION\",\"needsOverrideReason\":false,\"drugIndex\":1,"
            + "\"drugCode\":\"610412126\",\"otherSource\":\"THIS_PRESCRIPTION\",\"otherCode\":\"611120055\"")
        .contains("\"rule\":\"interaction:1124007+6290004\"");
    assertThat(json.split("\"kind\":", -1)).hasSize(1 + 4); // 1 days limit, 1 duplicate, 2 contraindicated combinations
  }

  @Test
  void anExternalRecordEnteredForThePatientIsFoundWithItsSource() {
    try (LocalStore store = LocalStore.openH2(new StoreLocation(cli.data, cli.keys), DemoStore.CLOCK)) {
      Session doctor = new Session(new User(0, "doctor", "医師 花子", Role.DOCTOR, "-", null, true, 0, null, DemoStore.CLOCK.instant()),
          "test", DemoStore.CLOCK.instant());
      new ExternalMedications(store.externalMedicationStore(), new HashChainedAuditLog(store.auditEntries(), DemoStore.CLOCK),
          store.transactions(), DemoStore.CLOCK).add(doctor, 1, "620000033", "1141007F2027", "カロナール錠３００", LocalDate.of(2024, 5, 20),
          30, ExternalSource.NOTEBOOK, LocalDate.of(2024, 5, 20));
    }
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "622081101:7", "--user",
        "doctor"))).as(cli.err()).isEqualTo(RxCommand.Check.EXIT_FINDINGS);
    assertThat(cli.out()).contains("622081101\tDUPLICATE\tCAUTION\t620000033\tEXTERNAL_RECORD(NOTEBOOK)\t2024-05-20\tingredient:1141007");
  }

  @Test
  void anUnknownDrugOrBadDaysIsAnErrorWithItsCode() {
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "999999999", "--user", "doctor")))
        .isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9365");
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--drug", "612180263:0", "--user", "doctor")))
        .isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9366");
  }

  @Test
  void theBenchPrintsTheLatencyTable() {
    assertThat(cli.run("bench", "rx-check", "--queries", "50")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("260 weekly clinic prescriptions").contains("180 external records")
        .contains("| SafetyCheck.check (pure").contains("| Context.check").contains("| PrescriptionSafety.checkDrugs");
  }

  @Test
  void anAdministratorPreviewsImportsAndExportsAnInteractionTableAndTheCheckUsesIt() throws IOException {
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    String header = "ingredient_a,name_a,ingredient_b,name_b,severity,mechanism,source_reference\n";
    Path bad = root.resolve("bad.csv");
    Files.write(bad, (header + "1124007,トリアゾラム,6290004,イトラコナゾール,CONTRAINDICATED,CYP3A4,添付文書\n"
        + "1124007,,9999999,,CAUTION,x,doc\n").getBytes(SJIS));
    assertThat(cli.run(cli.store("rx", "interactions", "import", bad.toString(), "--accept", "--user", "admin"))).as(cli.err())
        .isEqualTo(RxInteractionsCommand.Import.EXIT_PROBLEMS);
    assertThat(cli.out()).contains("line 3\tTSU-9357").contains("1 OK, 1 problem(s) (windows-31j").doesNotContain("imported");
    Path good = root.resolve("good.csv");
    Files.write(good, (header + "6290004,イトラコナゾール,2189011,シンバスタチン,CONTRAINDICATED,CYP3A4,添付文書 リポバス錠\n")
        .getBytes(SJIS));
    assertThat(cli.run(cli.store("rx", "interactions", "import", good.toString(), "--accept", "--name", "当院", "--user", "admin")))
        .as(cli.err()).isZero();
    assertThat(cli.out()).contains("imported as version 2");
    Path out = root.resolve("out.csv");
    assertThat(cli.run(cli.store("rx", "interactions", "export", out.toString(), "--user", "admin"))).as(cli.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo(header + "2189011,シンバスタチン,6290004,イトラコナゾール,CONTRAINDICATED,CYP3A4,添付文書 リポバス錠\n");

    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-doctor");
    cli.env.remove("TSUMUGI_TOTP");
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "611120055", "--drug", "616290177",
        "--user", "doctor"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("table: version 2\n").doesNotContain("DEMO");
    assertThat(cli.run(cli.store("rx", "interactions", "export", out.toString(), "--user", "doctor"))).isEqualTo(TsumugiCli.EXIT_ERROR);
  }
}
