package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi masters import|status`, in-process against a demo store. */
class MastersCliTest {
  @TempDir Path root;
  private CliRun cli;

  @BeforeEach
  void createDemo() {
    cli = CliRun.withDemo(root);
  }

  private Path fullProcedureFile() throws Exception {
    String[] row = new String[150];
    Arrays.fill(row, "0");
    row[1] = "S";
    row[2] = "111000110";
    row[4] = "初診料";
    row[11] = "291.00";
    row[86] = "20240601";
    row[87] = "99999999";
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      line.append(i == 0 ? "" : ",").append('"').append(row[i]).append('"');
    }
    Path dir = Files.createDirectories(root.resolve("masters"));
    Files.write(dir.resolve("s_ALL20240531.csv"), (line + "\r\n").getBytes(Charset.forName("windows-31j")));
    return dir;
  }

  @Test
  void anAdministratorImportsAFolderAndAnyUserSeesTheStatus() throws Exception {
    Path folder = fullProcedureFile();
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    assertThat(cli.run(cli.store("masters", "import", folder.toString(), "--user", "admin", "--json"))).isZero();
    assertThat(cli.out()).contains("{\"kind\":\"S\",\"added\":1,\"changed\":0,\"abolished\":0,"
        + "\"effectiveDate\":\"2024-06-01\",\"latestFileDate\":\"2024-05-31\"}").contains("\"importedFiles\":[\"s_ALL20240531.csv\"]");
    assertThat(cli.err()).contains("done");
    assertThat(cli.run(cli.store("masters", "import", folder.toString(), "--user", "admin"))).isZero();
    assertThat(cli.out()).contains("| S | 0 | 0 | 0 |").contains("already imported (skipped): 1");

    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
    cli.env.remove("TSUMUGI_TOTP");
    assertThat(cli.run(cli.store("masters", "status", "--user", "clerk", "--json"))).isZero();
    assertThat(cli.out()).contains("\"kind\":\"S\",\"latestFileDate\":\"2024-05-31\",\"effectiveDate\":\"2024-06-01\","
        + "\"recordCount\":1,\"revisionCount\":1").contains("\"name\":\"s_ALL20240531.csv\"");
  }

  @Test
  void aClerkMayNotImportMasters() throws Exception {
    Path folder = fullProcedureFile();
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
    assertThat(cli.run(cli.store("masters", "import", folder.toString(), "--user", "clerk"))).isEqualTo(1);
    assertThat(cli.err()).contains("TSU-2005");
  }

  @Test
  void anyUserSearchesAMasterAsOfADate() throws Exception {
    Path folder = fullProcedureFile();
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    assertThat(cli.run(cli.store("masters", "import", folder.toString(), "--user", "admin"))).isZero();

    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
    cli.env.remove("TSUMUGI_TOTP");
    assertThat(cli.run(cli.store("masters", "search", "procedure", "111000", "--as-of", "2024-06-01", "--user", "clerk", "--json")))
        .as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"asOf\":\"2024-06-01\"")
        .contains("{\"code\":\"111000110\",\"name\":\"初診料\",\"kana\":\"0\",\"abolished\":false,\"match\":\"CODE_PREFIX\"}");
    assertThat(cli.run(cli.store("masters", "search", "procedure", "初診", "--as-of", "2024-05-31", "--user", "clerk", "--json")))
        .isZero();
    assertThat(cli.out()).as("not yet valid the day before").contains("\"hits\":[]");
    assertThat(cli.run(cli.store("masters", "search", "vaccine", "x", "--user", "clerk"))).isEqualTo(2);
  }

  private Path tinyDrugMaster() throws Exception {
    Path dir = Files.createDirectories(root.resolve("drugs"));
    String lines = drugLine("620000001", "ハロタン", "50.00", "") + "\r\n"
        + drugLine("620000002", "麻酔用エーテル", "9.60", "1114700X1016") + "\r\n";
    Files.write(dir.resolve("y_ALL20240321.csv"), lines.getBytes(Charset.forName("windows-31j")));
    return dir;
  }

  private static String drugLine(String code, String name, String price, String yj) {
    String[] row = new String[42];
    Arrays.fill(row, "");
    row[0] = "0";
    row[1] = "Y";
    row[2] = code;
    row[4] = name;
    row[11] = price;
    row[27] = "6";
    row[29] = "20240401";
    row[30] = "99999999";
    row[31] = yj;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      line.append(i == 0 ? "" : ",").append('"').append(row[i]).append('"');
    }
    return line.toString();
  }

  private static Path realList() {
    String shared = System.getProperty("tsumugi.shared.dir");
    Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    return base.resolve("masters").resolve("mhlw").resolve("tp20250814-01_03.xlsx");
  }

  @Test
  void anAdministratorAttachesAPriceListAndAClerkMayNot() throws Exception {
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-admin");
    cli.env.put("TSUMUGI_TOTP", Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), DemoStore.CLOCK.instant()));
    assertThat(cli.run(cli.store("masters", "import", tinyDrugMaster().toString(), "--user", "admin"))).isZero();

    assertThat(cli.run(cli.store("masters", "attach-price-list", realList().toString(), "--user", "admin", "--json")))
        .as(cli.err()).isZero();
    assertThat(cli.out()).contains("\"listDate\":\"2025-08-14\",\"alreadyAttached\":false,\"rowsRead\":1980,"
        + "\"matchedByYjCode\":1,\"yjCodesAttached\":1,\"ambiguous\":0,\"unmatched\":1978,\"priceDifferences\":1")
        .contains("{\"code\":\"620000001\",\"name\":\"ハロタン\",\"yjCode\":\"1112700X1011\",\"masterPrice\":\"50.00\","
            + "\"listPrice\":\"53.8\"}");
    assertThat(cli.run(cli.store("masters", "attach-price-list", realList().toString(), "--user", "admin"))).isZero();
    assertThat(cli.out()).contains("attached before, nothing written").contains("YJ codes attached: 0")
        .contains("| 620000001 | ハロタン | 50.00 | 53.8 |");

    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-clerk");
    cli.env.remove("TSUMUGI_TOTP");
    assertThat(cli.run(cli.store("masters", "attach-price-list", realList().toString(), "--user", "clerk"))).isEqualTo(1);
    assertThat(cli.err()).contains("TSU-2005");
    assertThat(cli.run(cli.store("masters", "search", "drug", "1112700", "--as-of", "2025-08-14", "--user", "clerk", "--json")))
        .isZero();
    assertThat(cli.out()).as("the attached YJ code is searchable").contains("\"code\":\"620000001\"");
  }
}
