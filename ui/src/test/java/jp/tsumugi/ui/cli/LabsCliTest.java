package jp.tsumugi.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tsumugi labs import FILE [--accept]`, in-process against the demo clinic. */
class LabsCliTest {
  @TempDir Path root;
  private CliRun cli;

  @BeforeEach
  void createDemo() {
    cli = CliRun.withDemo(root);
    cli.env.put("TSUMUGI_PASSWORD", "tsumugi-nurse");
  }

  @Test
  void aShiftJisFilePreviewPrintsEachLineWithItsCodesThenAcceptSavesTheOkLinesAndARerunFindsThemStored() throws IOException {
    Path file = root.resolve("labs.csv");
    Files.write(file, ("patient_number,specimen_date,test_code,value,unit\n"
        + "000001,2020-01-10,HB,13.1,g/dL\n"
        + "000001,2020-01-10,UPRO,陰性,\n"
        + "000001,2020-01-10,HB,\"=CMD|' /C calc'!A0\",\n"
        + "999999,2020-01-10,NOPE,1,\n").getBytes(Charset.forName("Windows-31J")));
    assertThat(cli.run(cli.store("labs", "import", file.toString(), "--user", "nurse"))).as(cli.err())
        .isEqualTo(LabsCommand.Import.EXIT_PROBLEMS);
    assertThat(cli.out()).contains("2\tOK\t000001\tHB\t").contains("4\tERROR\t000001\tHB\tTSU-9103(value)")
        .contains("5\tERROR\t999999\tNOPE\tTSU-9128(patient_number) TSU-9102(test_code)")
        .contains("2 OK, 2 with problems (windows-31j)").doesNotContain("saved");

    assertThat(cli.run(cli.store("labs", "import", file.toString(), "--user", "nurse", "--accept"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("2 saved");

    assertThat(cli.run(cli.store("labs", "import", file.toString(), "--user", "nurse"))).isEqualTo(LabsCommand.Import.EXIT_PROBLEMS);
    assertThat(cli.out()).contains("2\tERROR\t000001\tHB\tTSU-9130").contains("0 OK, 4 with problems");
  }

  @Test
  void aFileThatIsNotTextIsRefusedAsAWhole() throws IOException {
    Path file = root.resolve("binary.csv");
    Files.write(file, new byte[] {(byte) 0x81, 0x00, (byte) 0xFF, 0x00, (byte) 0x81, 0x00});
    assertThat(cli.run(cli.store("labs", "import", file.toString(), "--user", "nurse", "--accept")))
        .isEqualTo(TsumugiCli.EXIT_ERROR);
    assertThat(cli.err()).contains("TSU-9122");
  }

  @Test
  void utf8IsDeclaredExplicitly() throws IOException {
    Path file = root.resolve("utf8.csv");
    Files.write(file, "patient_number,specimen_date,test_code,value\n000001,2020-02-01,UPRO,陰性\n".getBytes(StandardCharsets.UTF_8));
    assertThat(cli.run(cli.store("labs", "import", file.toString(), "--user", "nurse", "--encoding", "UTF-8"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("1 OK, 0 with problems (UTF-8)");
  }
}
