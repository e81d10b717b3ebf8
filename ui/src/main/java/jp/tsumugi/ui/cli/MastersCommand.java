package jp.tsumugi.ui.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tsumugi masters import|status`: the official SSK masters. */
@Command(name = "masters", mixinStandardHelpOptions = true, description = "Official masters (SSK 基本マスター).",
    subcommands = {MastersCommand.Import.class, MastersCommand.Status.class})
public final class MastersCommand {

  /** `masters import PATH | --bundled`: administrators only; progress on stderr, the report on stdout. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import master files from a folder, a file or a zip (or the bundled set).")
  public static final class Import implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Folder, master file or zip") Path path;
    @Option(names = "--bundled", description = "Import the master files bundled with Tsumugi.") boolean bundled;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Import(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      if ((path == null) == !bundled) {
        throw new TsumugiException(ErrorCode.MASTER_NOTHING_TO_IMPORT, "give PATH or --bundled");
      }
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        MasterImportProgress progress = progressLine();
        MasterImportReport report = bundled ? services.masterImport().importBundled(session, progress)
            : services.masterImport().importPath(session, path.toAbsolutePath(), progress);
        environment.err().println();
        print(report);
        return 0;
      }
    }

    private MasterImportProgress progressLine() {
      return (phase, item, done, total) -> {
        environment.err().print("\r" + phase.name().toLowerCase(java.util.Locale.ROOT) + " " + done + "/" + total
            + (item.isEmpty() ? "" : " " + item) + "                    ");
        environment.err().flush();
      };
    }

    private void print(MasterImportReport report) {
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> kinds = new ArrayList<>();
        for (MasterImportReport.KindReport k : report.kinds()) {
          Map<String, Object> kind = new LinkedHashMap<>();
          kind.put("kind", k.kind().name());
          kind.put("added", k.added());
          kind.put("changed", k.changed());
          kind.put("abolished", k.abolished());
          kind.put("effectiveDate", k.effectiveDate() == null ? null : k.effectiveDate().toString());
          kind.put("latestFileDate", k.latestFileDate() == null ? null : k.latestFileDate().toString());
          kinds.add(kind);
        }
        out.put("masters", kinds);
        out.put("importedFiles", report.importedFiles());
        out.put("skippedFiles", report.skippedFiles());
        environment.out().println(Json.write(out));
        return;
      }
      environment.out().println("| master | added | changed | abolished | effective date | latest file |");
      environment.out().println("|---|--:|--:|--:|---|---|");
      for (MasterImportReport.KindReport k : report.kinds()) {
        environment.out().printf("| %s | %d | %d | %d | %s | %s |%n", k.kind(), k.added(), k.changed(), k.abolished(),
            dash(k.effectiveDate()), dash(k.latestFileDate()));
      }
      environment.out().println("files imported: " + report.importedFiles().size() + ", already imported (skipped): "
          + report.skippedFiles().size());
    }
  }

  /** `masters status`: any logged-in user. */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "What is loaded, per master.")
  public static final class Status implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Status(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        MasterStatus status = services.masterImport().status(session);
        if (json) {
          List<Object> kinds = new ArrayList<>();
          for (MasterStatus.KindStatus k : status.kinds()) {
            Map<String, Object> kind = new LinkedHashMap<>();
            kind.put("kind", k.kind().name());
            kind.put("latestFileDate", text(k.latestFileDate()));
            kind.put("effectiveDate", text(k.effectiveDate()));
            kind.put("recordCount", k.recordCount());
            kind.put("revisionCount", k.revisionCount());
            List<Object> files = new ArrayList<>();
            for (MasterStatus.ImportedFile f : k.files()) {
              Map<String, Object> file = new LinkedHashMap<>();
              file.put("name", f.name());
              file.put("sha256", f.sha256());
              file.put("fileDate", f.fileDate().toString());
              file.put("full", f.full());
              file.put("rows", f.rows());
              file.put("importedAt", f.importedAt().toString());
              files.add(file);
            }
            kind.put("files", files);
            kinds.add(kind);
          }
          environment.out().println(Json.write(Map.of("masters", kinds)));
        } else {
          environment.out().println("| master | records | revisions | effective date | latest file | files |");
          environment.out().println("|---|--:|--:|---|---|--:|");
          for (MasterStatus.KindStatus k : status.kinds()) {
            environment.out().printf("| %s | %d | %d | %s | %s | %d |%n", k.kind(), k.recordCount(), k.revisionCount(),
                dash(k.effectiveDate()), dash(k.latestFileDate()), k.files().size());
          }
        }
        return 0;
      }
    }
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
