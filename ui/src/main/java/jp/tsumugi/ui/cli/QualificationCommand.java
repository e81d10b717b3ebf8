package jp.tsumugi.ui.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.qualification.ApplyReport;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.QualificationRequestEvents;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.sync.qualification.InboxSettings;
import jp.tsumugi.sync.qualification.ResultFileProcessor;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tsumugi qualification ingest|quarantined`: オンライン資格確認 result files (docs/adr/0018). */
@Command(name = "qualification", mixinStandardHelpOptions = true, description = "オンライン資格確認 result files.",
    subcommands = {QualificationCommand.Ingest.class, QualificationCommand.Quarantined.class})
public final class QualificationCommand {
  /** Exit code when the file was quarantined or could not be applied yet. */
  public static final int EXIT_NOT_APPLIED = 2;

  /** `qualification ingest FILE`: reception permission; exit 0 applied (now or before), 2 quarantined or to retry. */
  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Apply one result file exactly as if it had arrived in face/ or res/ (same ledger, same handler).")
  public static final class Ingest implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "FILE", description = "A result XML file (it is read, never moved or changed)") Path file;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Ingest(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        session.require(Permission.RECEPTION);
        ResultFileProcessor processor = services.qualificationProcessor(session.username(), QualificationRequestEvents.NONE,
            InboxSettings.DEFAULT);
        ResultFileProcessor.Outcome outcome = processor.ingest(file.toAbsolutePath());
        print(outcome);
        return outcome.kind() == ResultFileProcessor.Kind.APPLIED || outcome.kind() == ResultFileProcessor.Kind.ALREADY_APPLIED
            ? 0 : EXIT_NOT_APPLIED;
      }
    }

    private void print(ResultFileProcessor.Outcome outcome) {
      LedgerEntry e = outcome.entry();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", outcome.kind().name());
        out.put("file", e.fileName());
        out.put("sha256", e.sha256());
        out.put("ledgerId", e.id());
        out.put("state", e.state().name());
        out.put("reasonCode", e.reasonCode().isEmpty() ? null : e.reasonCode());
        out.put("reasonDetail", e.reasonDetail().isEmpty() ? null : e.reasonDetail());
        out.put("summary", e.summary().isEmpty() ? null : e.summary());
        if (outcome.report().isPresent()) {
          ApplyReport r = outcome.report().get();
          Map<String, Object> report = new LinkedHashMap<>();
          report.put("validity", r.validity());
          report.put("insurerNumber", r.insurerNumber());
          report.put("patientKeyPresent", r.patientKeyPresent());
          report.put("patientId", r.patientId().isEmpty() ? null : r.patientId());
          report.put("proposalId", r.proposalId().isPresent() ? r.proposalId().getAsLong() : null);
          report.put("changes", r.changes());
          report.put("warnings", r.warnings());
          out.put("report", report);
        } else {
          out.put("report", null);
        }
        out.put("answeredRequest", outcome.answered().map(p -> p.identifier()).orElse(null));
        environment.out().println(Json.write(out));
        return;
      }
      environment.out().println(outcome.kind() + ": " + e.fileName() + " (ledger " + e.id() + ", " + e.state() + ")");
      if (!e.reasonCode().isEmpty()) {
        environment.out().println("reason: " + e.reasonCode() + " " + e.reasonDetail());
      }
      outcome.report().ifPresent(r -> {
        environment.out().println("validity: " + r.validity() + ", insurer: " + r.insurerNumber() + ", patient key: "
            + (r.patientKeyPresent() ? "yes" : "no") + (r.patientId().isEmpty() ? "" : ", patient: " + r.patientId()));
        r.changes().forEach(c -> environment.out().println("change: " + c));
        r.warnings().forEach(w -> environment.out().println("warning: " + w));
      });
      if (outcome.kind() == ResultFileProcessor.Kind.ALREADY_APPLIED || outcome.kind() == ResultFileProcessor.Kind.ALREADY_QUARANTINED) {
        environment.out().println("this file (same name and content) was processed before; nothing was applied again");
      }
    }
  }

  /** `qualification quarantined`: the files set aside, with their reasons, newest first. */
  @Command(name = "quarantined", mixinStandardHelpOptions = true, description = "List quarantined result files with their reasons.")
  public static final class Quarantined implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Quarantined(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        session.require(Permission.RECEPTION);
        List<LedgerEntry> entries = services.store().qualificationLedger().quarantined();
        if (json) {
          List<Object> list = new ArrayList<>();
          for (LedgerEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ledgerId", e.id());
            m.put("file", e.fileName());
            m.put("source", e.source().name());
            m.put("reasonCode", e.reasonCode());
            m.put("reasonDetail", e.reasonDetail());
            m.put("quarantinedAt", e.finishedAt().map(Object::toString).orElse(null));
            list.add(m);
          }
          environment.out().println(Json.write(Map.of("quarantined", list)));
        } else {
          environment.out().println("| ledger | file | source | code | detail | quarantined at |");
          environment.out().println("|--:|---|---|---|---|---|");
          for (LedgerEntry e : entries) {
            environment.out().printf("| %d | %s | %s | %s | %s | %s |%n", e.id(), e.fileName(), e.source(), e.reasonCode(),
                e.reasonDetail(), e.finishedAt().map(Object::toString).orElse("-"));
          }
        }
        return 0;
      }
    }
  }
}
