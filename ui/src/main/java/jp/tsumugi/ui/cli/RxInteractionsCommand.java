package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.prescription.safety.InteractionCsv;
import jp.tsumugi.app.prescription.safety.InteractionTableVersion;
import jp.tsumugi.app.prescription.safety.InteractionTables;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tsumugi rx interactions import FILE [--accept] | export FILE`: the interaction table as CSV (docs/adr/0030). */
@Command(name = "interactions", mixinStandardHelpOptions = true, description = "The interaction table (CSV import and export).",
    subcommands = {RxInteractionsCommand.Import.class, RxInteractionsCommand.Export.class})
public final class RxInteractionsCommand {

  /** Preview (every problem with its line); with --accept store the file as the new current version. */
  @Command(name = "import", mixinStandardHelpOptions = true, description = "Preview an interaction CSV; --accept imports it.")
  public static final class Import implements Callable<Integer> {
    /** Exit code when the preview has problems. */
    static final int EXIT_PROBLEMS = 3;

    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (at most 5 MB)") Path file;
    @Option(names = "--name", description = "A name for the table version") String name;
    @Option(names = "--accept", description = "Import when the preview is clean.") boolean accept;

    public Import(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() throws IOException {
      if (Files.size(file) > InteractionCsv.MAX_BYTES) {
        environment.err().println(ErrorCode.INTERACTION_CSV_TOO_BIG.code() + " " + ErrorCode.INTERACTION_CSV_TOO_BIG.englishText());
        return TsumugiCli.EXIT_ERROR;
      }
      byte[] bytes = Files.readAllBytes(file);
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        InteractionTables tables = services.interactionTables();
        InteractionCsv.Preview preview = tables.preview(session, bytes);
        for (InteractionCsv.Problem p : preview.problems()) {
          environment.out().println("line " + p.line() + "\t" + p.code().code() + "\t" + p.code().englishText());
        }
        environment.out().println(preview.rows().size() + " OK, " + preview.problems().size() + " problem(s) (" + preview.charset()
            + ", sha256 " + preview.sha256() + ")");
        if (!preview.clean()) {
          return EXIT_PROBLEMS;
        }
        if (accept) {
          InteractionTableVersion v = tables.importTable(session, name, bytes);
          environment.out().println("imported as version " + v.version());
        }
        return 0;
      }
    }
  }

  /** Writes the current version as UTF-8 CSV. */
  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the current interaction table as UTF-8 CSV.")
  public static final class Export implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write") Path file;

    public Export(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() throws IOException {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        byte[] csv = services.interactionTables().export(session);
        Files.write(file, csv);
        environment.out().println("written " + file);
        return 0;
      }
    }
  }
}
