package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/** `tsumugi rx limits|combinations|controlled|external` against the demo clinic with real y-master rows (docs/adr/0033). */
class RxTablesCliTest {
  static final Charset SJIS = Charset.forName("windows-31j");
  static final Set<String> CODES = Set.of("611120055", "610412126", "616290177", "622081101", "620000033", "612180263", "610443047");
  /** Abolished in the test's copy of the master on 2024-05-01. */
  static final String ABOLISHED = "610412126";

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
          lines.add(f[2].equals(ABOLISHED) ? abolish(line) : line);
        }
      }
    }
    assertThat(lines).hasSize(CODES.size());
    Files.write(dir.resolve("y_ALL20240321.csv"), (String.join("\r\n", lines) + "\r\n").getBytes(SJIS));
    admin();
    assertThat(cli.run(cli.store("masters", "import", dir.toString(), "--user", "admin"))).as(cli.err()).isZero();
  }

  /** Sets 廃止年月日 (column 31) to 2024-05-01. */
  private static String abolish(String line) {
    String[] f = line.split(",", -1);
    assertThat(f[30].replace("\"", "")).isEqualTo("99999999");
    f[30] = f[30].replace("99999999", "20240501");
    return String.join(",", f);
  }

  private void admin() {
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
  }

  private void doctor() {
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-doctor");
    cli.env.remove("TSUMUGI_TOTP");
  }

  private static Path yMaster() {
    String dir = System.getProperty("tsumugi.shared.dir", System.getProperty("shared.dir", "../../shared"));
    return Paths.get(dir, "masters", "ssk", "y", "y_ALL20240321.csv");
  }

  private String run(int expectedExit, String user, String... args) {
    if (user.equals("admin")) {
      admin(); // a fresh one-time code: a loaded machine can take longer than its 30-second window
    }
    String[] all = Stream.concat(Stream.of(args), Stream.of("--user", user)).toArray(String[]::new);
    assertThat(cli.run(cli.store(all))).as(String.join(" ", args) + "\n" + cli.err()).isEqualTo(expectedExit);
    return cli.out();
  }

  private String tables() {
    return run(0, "admin", "rx", "limits", "list", "--json") + run(0, "admin", "rx", "combinations", "list", "--json")
        + run(0, "admin", "rx", "controlled", "list", "--json");
  }

  @Test
  void anAdministratorSetsListsAndRemovesEachTableAndTheCheckUsesTheLimit() {
    assertThat(run(0, "admin", "rx", "limits", "set", "--code", "620000033", "--days", "5")).contains("set 620000033 5 days");
    assertThat(run(0, "admin", "rx", "limits", "set", "--code", "6290004", "--days", "10", "--json"))
        .contains("{\"code\":\"6290004\",\"days\":10,\"updatedAt\":\"").contains("\"updatedBy\":\"admin\"");
    assertThat(run(0, "admin", "rx", "limits", "list")).contains("620000033\t5\t").contains("6290004\t10\t").contains("2 limit(s)");
    doctor();
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "620000033:6", "--user",
        "doctor", "--json"))).isEqualTo(RxCommand.Check.EXIT_FINDINGS);
    assertThat(cli.out()).contains("\"kind\":\"DAYS_LIMIT\",\"level\":\"CAUTION\"").contains("\"limitSource\":\"CLINIC\"");
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "620000033:6:prn", "--user",
        "doctor", "--json"))).as(cli.err()).isEqualTo(RxCommand.Check.EXIT_FINDINGS);
    assertThat(cli.out()).as("頓用: the limit counts times").contains("\"unit\":\"TIMES\"")
        .contains("\"messageKey\":\"rx.check.finding.DAYS_LIMIT.TIMES\"");
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "620000033:5:prn", "--user",
        "doctor"))).as(cli.err()).isZero();
    assertThat(cli.run(cli.store("rx", "limits", "set", "--code", "620000033", "--days", "9", "--user", "doctor")))
        .as("a doctor may not change the tables").isEqualTo(TsumugiCli.EXIT_ERROR);
    admin();
    assertThat(run(0, "admin", "rx", "limits", "remove", "--code", "620000033")).contains("removed 620000033");
    assertThat(run(0, "admin", "rx", "limits", "list", "--json")).doesNotContain("620000033").contains("6290004");

    assertThat(run(0, "admin", "rx", "combinations", "set", "--product", "2189011", "--ingredient", "1141007", "--ingredient",
        "6290004", "--json")).contains("{\"product\":\"2189011\",\"productName\":\"").contains("\"ingredient\":\"6290004\"");
    assertThat(run(0, "admin", "rx", "combinations", "list")).contains("2189011\t1141007\t").contains("1149117\t1149038\t");
    assertThat(run(0, "admin", "rx", "combinations", "remove", "--product", "2189011")).contains("removed 2189011");
    assertThat(run(0, "admin", "rx", "combinations", "list")).doesNotContain("2189011\t");

    assertThat(run(0, "admin", "rx", "controlled", "set", "--ingredient", "1129009", "--class", "向精神薬第三種", "--days", "14"))
        .contains("set 1129009 向精神薬第三種 14 days");
    assertThat(run(0, "admin", "rx", "controlled", "list", "--json")).contains("{\"ingredient\":\"1129009\",\"name\":\"ゾルピデム\","
        + "\"class\":\"向精神薬第三種\",\"days\":14}");
    assertThat(run(0, "admin", "rx", "controlled", "remove", "--ingredient", "1129009")).contains("removed 1129009");
    assertThat(run(0, "admin", "rx", "controlled", "list")).doesNotContain("1129009");
  }

  static Stream<Arguments> badTableInput() {
    return Stream.of(
        Arguments.of(List.of("limits", "set", "--code", "999999999", "--days", "7"), "TSU-9460"),
        Arguments.of(List.of("limits", "set", "--code", "9999999", "--days", "7"), "TSU-9461"),
        Arguments.of(List.of("limits", "set", "--code", "12AB", "--days", "7"), "TSU-9462"),
        Arguments.of(List.of("limits", "set", "--code", "611120055", "--days", "0"), "TSU-9463"),
        Arguments.of(List.of("limits", "set", "--code", "611120055", "--days", "366"), "TSU-9463"),
        Arguments.of(List.of("limits", "remove", "--code", "611120055"), "TSU-9465"),
        Arguments.of(List.of("combinations", "set", "--product", "2189011", "--ingredient", "1141007", "--ingredient", "1141007"),
            "TSU-9464"),
        Arguments.of(List.of("combinations", "set", "--product", "2189011", "--ingredient", "1141007"), "TSU-9467"),
        Arguments.of(List.of("combinations", "set", "--product", "2189011", "--ingredient", "1141007", "--ingredient", "1234567"),
            "TSU-9461"),
        Arguments.of(List.of("combinations", "remove", "--product", "2189011"), "TSU-9465"),
        Arguments.of(List.of("controlled", "set", "--ingredient", "1129009", "--class", "睡眠薬", "--days", "30"), "TSU-9466"),
        Arguments.of(List.of("controlled", "set", "--ingredient", "1129009", "--class", "麻薬", "--days", "400"), "TSU-9463"),
        Arguments.of(List.of("controlled", "remove", "--ingredient", "6290004"), "TSU-9465"));
  }

  /** One store for the whole table (a store per row costs seconds each); every row names its case; nothing saved by any. */
  @Test
  void badTableInputPrintsItsCodeAndSavesNothing() {
    String before = tables();
    badTableInput().forEach(row -> {
      @SuppressWarnings("unchecked")
      List<String> args = (List<String>) row.get()[0];
      String code = (String) row.get()[1];
      List<String> all = new ArrayList<>(List.of("rx"));
      all.addAll(args);
      run(TsumugiCli.EXIT_ERROR, "admin", all.toArray(String[]::new));
      assertThat(cli.err()).as(String.join(" ", args)).contains(code);
    });
    assertThat(tables()).as("nothing was saved by any of them").isEqualTo(before);
  }

  @Test
  void aDoctorAddsListsAndRemovesExternalRecordsAndTheCheckFollows() {
    doctor();
    assertThat(run(0, "doctor", "rx", "external", "add", "--patient", "1", "--drug", "616290177", "--start", "2024-05-28", "--days",
        "14", "--source", "NOTEBOOK", "--source-date", "2024-05-28", "--clinic", "山田内科", "--json"))
        .contains("\"drugCode\":\"616290177\",\"yjCode\":\"6290004M1029\"").contains("\"clinic\":\"山田内科\"")
        .contains("\"removed\":false");
    String id = cli.out().replaceAll("(?s)^\\{\"id\":([0-9]+),.*$", "$1").strip();
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "611120055", "--user", "doctor")))
        .isEqualTo(RxCommand.Check.EXIT_FINDINGS);
    assertThat(cli.out()).contains("611120055\tCONTRAINDICATED_COMBINATION\tCONTRAINDICATED\t616290177\tEXTERNAL_RECORD(NOTEBOOK)\t"
        + "2024-05-28");
    assertThat(run(0, "doctor", "rx", "external", "list", "--patient", "1")).contains(id + "\t616290177\t6290004M1029\t2024-05-28\t14\t"
        + "NOTEBOOK\t2024-05-28\t山田内科\tACTIVE\t").contains("1 record(s)");
    assertThat(run(0, "doctor", "rx", "external", "remove", "--patient", "1", "--id", id, "--reason", "服用終了")).contains("removed record "
        + id);
    assertThat(run(0, "doctor", "rx", "external", "list", "--patient", "1", "--json")).contains("\"removed\":true")
        .contains("\"removedBy\":\"doctor\"");
    assertThat(cli.run(cli.store("rx", "check", "--patient", "1", "--date", "2024-06-01", "--drug", "611120055", "--user", "doctor")))
        .as("a removed record is not compared").isZero();
    run(TsumugiCli.EXIT_ERROR, "doctor", "rx", "external", "remove", "--patient", "1", "--id", id, "--reason", "again");
    assertThat(cli.err()).contains("TSU-9470");
  }

  static Stream<Arguments> badExternalInput() {
    return Stream.of(
        // drug, start, days, source, source date, code
        Arguments.of("999999999", "2024-05-28", "14", "NOTEBOOK", "2024-05-28", "TSU-9468"), // not in the master
        Arguments.of(ABOLISHED, "2024-05-28", "14", "NOTEBOOK", "2024-05-28", "TSU-9468"), // abolished on 2024-05-01
        Arguments.of("616290177", "2024-05-28", "0", "NOTEBOOK", "2024-05-28", "TSU-9368"), // days <= 0
        Arguments.of("616290177", "2024-05-28", "366", "NOTEBOOK", "2024-05-28", "TSU-9368"),
        Arguments.of("616290177", "2024-05-28", "14", "PHARMACY", "2024-05-28", "TSU-9472"), // unknown source
        Arguments.of("616290177", "2024-05-28", "14", "NOTEBOOK", "2099-01-01", "TSU-9369")); // future source date
  }

  @Test
  void badExternalInputPrintsItsCodeAndSavesNothing() {
    doctor();
    badExternalInput().forEach(row -> {
      Object[] a = row.get();
      run(TsumugiCli.EXIT_ERROR, "doctor", "rx", "external", "add", "--patient", "1", "--drug", (String) a[0], "--start", (String) a[1],
          "--days", (String) a[2], "--source", (String) a[3], "--source-date", (String) a[4]);
      assertThat(cli.err()).as(List.of(a).toString()).contains((String) a[5]);
    });
    assertThat(run(0, "doctor", "rx", "external", "list", "--patient", "1")).as("nothing was saved").contains("0 record(s)");
  }

  @Test
  void theAbolishedDrugIsStillAcceptedBeforeItsAbolition() {
    doctor();
    run(0, "doctor", "rx", "external", "add", "--patient", "1", "--drug", ABOLISHED, "--start", "2024-04-20", "--days", "7", "--source",
        "other", "--source-date", "2024-04-20");
    assertThat(run(0, "doctor", "rx", "external", "list", "--patient", "1")).contains("\t" + ABOLISHED + "\t").contains("\tOTHER\t");
  }
}
