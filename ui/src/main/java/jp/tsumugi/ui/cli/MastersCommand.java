package jp.tsumugi.ui.cli;

import java.time.LocalDate;
import java.util.Optional;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.search.ComposedDisease;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.master.search.SearchQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugPriceListReport;
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
    subcommands = {MastersCommand.Import.class, MastersCommand.Status.class, MastersCommand.Search.class,
        MastersCommand.AttachPriceList.class})
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

  /** `masters search KIND QUERY [--as-of DATE]`: any logged-in user; ranked hits as the search popover shows them. */
  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "Search a master by name, kana or code as of a date.")
  public static final class Search implements Callable<Integer> {
    /** The masters one can search from the command line. */
    enum Target {
      drug(SearchEntry.Kind.DRUG), disease(SearchEntry.Kind.DISEASE), procedure(SearchEntry.Kind.PROCEDURE),
      modifier(SearchEntry.Kind.MODIFIER), material(SearchEntry.Kind.MATERIAL), comment(SearchEntry.Kind.COMMENT);

      private final SearchEntry.Kind kind;

      Target(SearchEntry.Kind kind) {
        this.kind = kind;
      }
    }

    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "KIND", description = "drug, disease, procedure, modifier, material or comment")
    Target target;
    @Parameters(index = "1", paramLabel = "QUERY", description = "Name, kana (any width, hiragana or katakana) or code")
    String query;
    @Option(names = "--as-of", paramLabel = "DATE", description = "The date to search as of (yyyy-MM-dd; default today).")
    LocalDate asOf;
    @Option(names = "--limit", defaultValue = "20", description = "At most this many hits (default 20).") int limit;
    @Option(names = "--include-abolished", description = "Also list items abolished by the date.") boolean includeAbolished;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Search(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        auth.login(services, environment);
        LocalDate date = asOf != null ? asOf : LocalDate.now(environment.clock());
        SearchQuery q = SearchQuery.of(query, Math.max(1, Math.min(limit, 500))).withKinds(target.kind);
        if (includeAbolished) {
          q = q.includingAbolished();
        }
        MasterCatalog catalog = services.masterCatalog();
        List<SearchHit> hits = catalog.search(q, date);
        Optional<ComposedDisease> composed = target == Target.disease ? catalog.parseDisease(query, date) : Optional.empty();
        if (json) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("kind", target.name());
          out.put("query", query);
          out.put("asOf", date.toString());
          List<Object> list = new ArrayList<>();
          for (SearchHit hit : hits) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("code", hit.entry().code());
            h.put("name", hit.entry().name());
            h.put("kana", hit.entry().kana());
            h.put("abolished", hit.entry().abolished());
            h.put("match", hit.tier().name());
            list.add(h);
          }
          out.put("hits", list);
          out.put("composed", composed.map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("diseaseCode", c.diseaseCode());
            m.put("modifierCodes", c.modifierCodes());
            return (Object) m;
          }).orElse(null));
          environment.out().println(Json.write(out));
        } else {
          composed.ifPresent(c -> environment.out().println("composed: " + c.name() + " [" + c.diseaseCode()
              + (c.modifierCodes().isEmpty() ? "" : " + " + String.join(",", c.modifierCodes())) + "]"));
          for (SearchHit hit : hits) {
            environment.out().println(hit.entry().code() + "\t" + hit.entry().name() + "\t" + hit.entry().kana()
                + (hit.entry().abolished() ? "\t(abolished)" : ""));
          }
          environment.out().println(hits.size() + " hit(s) as of " + date);
        }
        return 0;
      }
    }
  }

  /**
   * `masters attach-price-list FILE.xlsx`: administrators only. Attaches YJ codes from an MHLW 薬価基準収載品目リスト
   * where the 医薬品 master lacks them and reports prices that differ from the master (docs/adr/0016).
   */
  @Command(name = "attach-price-list", mixinStandardHelpOptions = true,
      description = "Attach an MHLW drug price list (薬価基準収載品目リスト, xlsx): YJ codes and a price cross-check.")
  public static final class AttachPriceList implements Callable<Integer> {
    static final int LISTED = 20;
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "FILE.xlsx", description = "The list, for example tp20250814-01_01.xlsx") Path file;
    @Option(names = "--list-date", paramLabel = "DATE",
        description = "The date the list applies from (yyyy-MM-dd; default: from a tpYYYYMMDD file name).") LocalDate listDate;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public AttachPriceList(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        DrugPriceListReport report = services.drugPriceListAttach().attach(session, file.toAbsolutePath(), listDate);
        List<DrugPriceListReport.PriceDifference> first = report.priceDifferences().subList(0,
            Math.min(LISTED, report.priceDifferences().size()));
        if (json) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("file", report.fileName());
          out.put("listDate", report.listDate().toString());
          out.put("alreadyAttached", report.alreadyLoaded());
          out.put("rowsRead", report.rowsRead());
          out.put("matchedByYjCode", report.matchedByYjCode());
          out.put("yjCodesAttached", report.attached());
          out.put("ambiguous", report.ambiguous());
          out.put("unmatched", report.unmatched());
          out.put("priceDifferences", report.priceDifferences().size());
          List<Object> list = new ArrayList<>();
          for (DrugPriceListReport.PriceDifference d : first) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("name", d.name());
            m.put("yjCode", d.yjCode());
            m.put("masterPrice", d.masterPrice().toPlainString());
            m.put("listPrice", d.listPrice().toPlainString());
            list.add(m);
          }
          out.put("firstPriceDifferences", list);
          environment.out().println(Json.write(out));
          return 0;
        }
        environment.out().println(report.fileName() + " (list of " + report.listDate() + ")"
            + (report.alreadyLoaded() ? ": attached before, nothing written" : ""));
        environment.out().println("rows read: " + report.rowsRead() + ", matched by YJ code: " + report.matchedByYjCode()
            + ", YJ codes attached: " + report.attached() + ", ambiguous: " + report.ambiguous() + ", unmatched: "
            + report.unmatched());
        environment.out().println("price differences (master vs list, not changed): " + report.priceDifferences().size());
        if (!first.isEmpty()) {
          environment.out().println("| code | name | master price | list price |");
          environment.out().println("|---|---|--:|--:|");
          for (DrugPriceListReport.PriceDifference d : first) {
            environment.out().printf("| %s | %s | %s | %s |%n", d.code(), d.name(), d.masterPrice().toPlainString(),
                d.listPrice().toPlainString());
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
