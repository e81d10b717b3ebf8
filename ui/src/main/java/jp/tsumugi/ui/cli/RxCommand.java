package jp.tsumugi.ui.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.InteractionTableVersion;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.prescription.safety.ProposedDrug;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `tsumugi rx check`: the prescription safety check (docs/adr/0030) for support and tests. */
@Command(name = "rx", mixinStandardHelpOptions = true, description = "Prescriptions (safety check).",
    subcommands = {RxCommand.Check.class, RxInteractionsCommand.class,
        // rxcheck2 (docs/adr/0033)
        RxTablesCommand.Limits.class, RxTablesCommand.Combinations.class, RxTablesCommand.Controlled.class, RxExternalCommand.class,
        RxPrintCommand.class, RxMemoCommand.class})
public final class RxCommand {

  /** `rx check --patient ID --date DATE --drug CODE[:days] ...`: exit 0 no findings, 2 findings, 1 error. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Run the safety check for drugs on a date; exit 0 no findings, 2 findings, 1 error.")
  public static final class Check implements Callable<Integer> {
    /** Exit code when there are findings. */
    public static final int EXIT_FINDINGS = 2;
    static final int DEFAULT_DAYS = 7;

    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Option(names = "--patient", required = true, description = "The patient's internal id") long patientId;
    @Option(names = "--date", description = "The prescribing date (YYYY-MM-DD; default today)") LocalDate date;
    @Option(names = "--drug", required = true, paramLabel = "CODE[:days[:prn]]",
        description = "A drug code of the y master, optionally with days (default 7), or times with :prn for 頓用; repeat for each drug")
    List<String> drugs;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Check(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      List<PrescriptionSafety.Order> orders = new ArrayList<>();
      List<Boolean> asNeeded = new ArrayList<>();
      for (String d : drugs) {
        orders.add(order(d));
        asNeeded.add(asNeeded(d));
      }
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        LocalDate on = date == null ? LocalDate.now(services.clock()) : date;
        PrescriptionSafety.Report report = asNeeded.contains(Boolean.TRUE)
            ? services.safetyCheck().checkDrugs(session, patientId, on, proposed(services, on, orders, asNeeded))
            : services.safetyCheck().check(session, patientId, on, orders);
        if (json) {
          environment.out().println(Json.write(json(report)));
        } else {
          print(report);
        }
        return report.findings().isEmpty() ? 0 : EXIT_FINDINGS;
      }
    }

    /** Whether the drug argument ends in {@code :prn} (頓用: its number is times). */
    static boolean asNeeded(String text) {
      return text.strip().toLowerCase(Locale.ROOT).endsWith(":prn");
    }

    /** The drugs as the check sees them, 頓用 flagged (docs/adr/0033); the same errors as {@link PrescriptionSafety#check}. */
    private static List<ProposedDrug> proposed(AppServices services, LocalDate on, List<PrescriptionSafety.Order> orders,
        List<Boolean> asNeeded) {
      List<ProposedDrug> out = new ArrayList<>();
      for (int i = 0; i < orders.size(); i++) {
        PrescriptionSafety.Order o = orders.get(i);
        if (o.days() < 1 || o.days() > PrescriptionSafety.MAX_DAYS) {
          throw new TsumugiException(ErrorCode.RX_CHECK_DAYS_INVALID, "days " + o.days());
        }
        DrugRecord d = services.store().transactions().inTransaction(() -> services.store().masters().findDrug(o.drugCode(), on))
            .orElseThrow(() -> new TsumugiException(ErrorCode.RX_CHECK_DRUG_UNKNOWN, "drug " + o.drugCode()));
        out.add(PrescriptionSafety.proposed(d, o.days(), asNeeded.get(i)));
      }
      return out;
    }

    static PrescriptionSafety.Order order(String argument) {
      String text = asNeeded(argument) ? argument.strip().substring(0, argument.strip().length() - ":prn".length()) : argument;
      int colon = text.indexOf(':');
      String code = colon < 0 ? text.strip() : text.substring(0, colon).strip();
      int days = DEFAULT_DAYS;
      if (colon >= 0) {
        try {
          days = Integer.parseInt(text.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          throw new TsumugiException(ErrorCode.RX_CHECK_DAYS_INVALID, "days not a number");
        }
      }
      return new PrescriptionSafety.Order(code, days);
    }

    private void print(PrescriptionSafety.Report r) {
      environment.out().println("table: " + r.table().map(v -> "version " + v.version() + (v.demo() ? " (DEMO)" : "")).orElse("none"));
      environment.out().println("drug\tkind\tlevel\tother\tsource\tdate\trule");
      for (Finding f : r.findings()) {
        environment.out().println(f.drugCode() + "\t" + f.kind() + "\t" + f.level() + "\t" + f.otherCode() + "\t" + f.other()
            + (f.otherSourceName().isEmpty() ? "" : "(" + f.otherSourceName() + ")") + "\t" + (f.otherDate() == null ? "" : f.otherDate())
            + "\t" + f.rule());
      }
      environment.out().println(r.findings().size() + " finding(s) for " + r.drugs().size() + " drug(s) on " + r.date());
    }

    private static Map<String, Object> json(PrescriptionSafety.Report r) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("patientId", r.patientId());
      out.put("date", r.date().toString());
      Map<String, Object> table = null;
      if (r.table().isPresent()) {
        InteractionTableVersion v = r.table().get();
        table = new LinkedHashMap<>();
        table.put("version", v.version());
        table.put("name", v.name());
        table.put("demo", v.demo());
        table.put("sha256", v.sourceSha256());
      }
      out.put("interactionTable", table);
      List<Object> drugs = new ArrayList<>();
      r.drugs().forEach(d -> drugs.add(Map.of("code", d.drugCode(), "yj", d.yjCode(), "days", d.days(), "asNeeded", d.asNeeded())));
      out.put("drugs", drugs);
      List<Object> findings = new ArrayList<>();
      for (Finding f : r.findings()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        m.put("level", f.level().name());
        m.put("needsOverrideReason", f.needsOverrideReason());
        m.put("drugIndex", f.drugIndex());
        m.put("drugCode", f.drugCode());
        m.put("otherSource", f.other().name());
        m.put("otherCode", f.otherCode());
        m.put("otherDate", f.otherDate() == null ? null : f.otherDate().toString());
        m.put("otherSourceName", f.otherSourceName());
        m.put("rule", f.rule());
        m.put("params", new LinkedHashMap<>(f.params()));
        m.put("messageKey", f.messageKey());
        m.put("actionKey", f.actionKey());
        findings.add(m);
      }
      out.put("findings", findings);
      return out;
    }
  }
}
