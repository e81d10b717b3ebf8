package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jp.tsumugi.app.chart.CsvLine;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tsumugi labs import FILE [--accept]`: the lab CSV import (docs/adr/0026) as on the desktop, logged in and audited. */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "Lab results (CSV import).",
    subcommands = {LabsCommand.Import.class})
public final class LabsCommand {

  /** `labs import FILE`: prints the preview table; with --accept saves the OK lines (all of them in one transaction). */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Preview a lab CSV file (columns in docs/adr/0026); --accept saves its OK lines.")
  public static final class Import implements Callable<Integer> {
    /** Exit code when the preview has problems and nothing was accepted. */
    static final int EXIT_PROBLEMS = 3;

    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (at most 10 MB, 50,000 lines)") Path file;
    @Option(names = "--encoding", description = "UTF-8 or Shift_JIS (default: detect; a UTF-8 BOM, else UTF-8, else Shift_JIS)")
    String encoding;
    @Option(names = "--accept", description = "Save the OK lines after the preview.") boolean accept;

    public Import(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() throws IOException {
      if (Files.size(file) > LabCsvImport.MAX_BYTES) {
        environment.err().println(jp.tsumugi.app.common.ErrorCode.LAB_IMPORT_FILE_TOO_BIG.code() + " "
            + jp.tsumugi.app.common.ErrorCode.LAB_IMPORT_FILE_TOO_BIG.englishText());
        return TsumugiCli.EXIT_ERROR;
      }
      byte[] bytes = Files.readAllBytes(file);
      Charset charset = encoding == null ? null
          : "shift_jis".equalsIgnoreCase(encoding) || "sjis".equalsIgnoreCase(encoding) ? LabCsvImport.SHIFT_JIS
          : "utf-8".equalsIgnoreCase(encoding) || "utf8".equalsIgnoreCase(encoding) ? StandardCharsets.UTF_8 : null;
      if (encoding != null && charset == null) {
        environment.err().println("--encoding takes UTF-8 or Shift_JIS");
        return TsumugiCli.EXIT_ERROR;
      }
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        LabCsvImport importer = services.labCsvImport();
        LabCsvImport.Preview preview = importer.preview(session, bytes, charset);
        for (LabCsvImport.Problem p : preview.fileProblems()) {
          environment.err().println(p.code().code() + " " + p.code().englishText());
        }
        if (!preview.fileProblems().isEmpty()) {
          return TsumugiCli.EXIT_ERROR;
        }
        environment.out().println("line\tstatus\tpatient\ttest\tproblems");
        for (LabCsvImport.Line line : preview.lines()) {
          String problems = line.problems().stream()
              .map(p -> p.code().code() + (p.column().isEmpty() ? "" : "(" + p.column() + ")")).collect(Collectors.joining(" "));
          environment.out().println(line.number() + "\t" + line.status() + "\t" + printable(line.patientNumber()) + "\t"
              + printable(line.testCode()) + "\t" + problems);
        }
        environment.out().println(preview.okCount() + " OK, " + preview.errorCount() + " with problems (" + preview.charset() + ")");
        if (!accept) {
          return preview.errorCount() == 0 ? 0 : EXIT_PROBLEMS;
        }
        int saved = importer.accept(session, preview, bytes);
        environment.out().println(saved + " saved");
        return 0;
      }
    }

    /** Echoes a cell safely: at most 20 characters, CSV-quoted, never a control character. */
    private static String printable(String cell) {
      String cut = cell.length() > 20 ? cell.substring(0, 20) + "…" : cell;
      return CsvLine.quote(cut.replaceAll("\\p{Cntrl}", "?"));
    }
  }
}
