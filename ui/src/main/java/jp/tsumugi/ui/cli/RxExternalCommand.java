package jp.tsumugi.ui.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.prescription.safety.ExternalMedication;
import jp.tsumugi.app.prescription.safety.ExternalMedicationStore;
import jp.tsumugi.app.prescription.safety.ExternalMedications;
import jp.tsumugi.app.prescription.safety.ExternalSource;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `tsumugi rx external add|list|remove`: external medication records (他院処方) the safety check compares with
 * (docs/adr/0030, 0033). A removal marks the record; nothing is deleted.
 */
@Command(name = "external", mixinStandardHelpOptions = true, description = "External medication records (他院処方).",
    subcommands = {RxExternalCommand.Add.class, RxExternalCommand.ListCmd.class, RxExternalCommand.Remove.class})
public final class RxExternalCommand {
  private RxExternalCommand() {
  }

  /** Adds a record of a drug from the drug master. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an external medication record of a master drug.")
  public static final class Add extends RxCliBase {
    @Option(names = "--patient", required = true, description = "The patient's internal id") long patientId;
    @Option(names = "--drug", required = true, description = "The drug code (y master, in force on the start date)") String drug;
    @Option(names = "--start", required = true, description = "The first day (YYYY-MM-DD)") LocalDate start;
    @Option(names = "--days", required = true, description = "Days (1 to 365)") int days;
    @Option(names = "--source", required = true, description = "NOTEBOOK (お薬手帳), NATIONAL or OTHER") String source;
    @Option(names = "--source-date", required = true, description = "The date of the source (YYYY-MM-DD), not in the future")
    LocalDate sourceDate;
    @Option(names = "--clinic", description = "The prescribing clinic's name") String clinic;

    public Add(CliEnvironment environment, DataLocations locations) {
      super(environment, locations);
    }

    @Override
    int run(AppServices services, Session session) {
      ExternalMedication m = services.externalMedications().addFromMaster(session, patientId, drug, start, days, source(source),
          sourceDate, clinic);
      print(json(new ExternalMedications.Entry(m, Optional.empty())), "added record " + m.id());
      return 0;
    }
  }

  /** Lists a patient's records, removed ones included and marked. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a patient's external records (removed ones marked).")
  public static final class ListCmd extends RxCliBase {
    @Option(names = "--patient", required = true, description = "The patient's internal id") long patientId;

    public ListCmd(CliEnvironment environment, DataLocations locations) {
      super(environment, locations);
    }

    @Override
    int run(AppServices services, Session session) {
      printRows(services.externalMedications().history(session, patientId),
          "id\tdrug\tyj\tstart\tdays\tsource\tsource date\tclinic\tstatus\tname", RxExternalCommand::json, e -> {
            ExternalMedication m = e.record();
            return m.id() + "\t" + m.drugCode() + "\t" + m.yjCode() + "\t" + m.start() + "\t" + m.days() + "\t" + m.source() + "\t"
                + m.sourceDate() + "\t" + m.clinicName() + "\t" + (e.removed() ? "REMOVED " + e.removal().get().at() : "ACTIVE")
                + "\t" + m.name();
          }, "record(s)");
      return 0;
    }
  }

  /** Marks a record removed with a reason. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Mark a record removed (kept in the history).")
  public static final class Remove extends RxCliBase {
    @Option(names = "--patient", required = true, description = "The patient's internal id") long patientId;
    @Option(names = "--id", required = true, description = "The record id") long id;
    @Option(names = "--reason", required = true, description = "Why (1 to 200 characters)") String reason;

    public Remove(CliEnvironment environment, DataLocations locations) {
      super(environment, locations);
    }

    @Override
    int run(AppServices services, Session session) {
      ExternalMedicationStore.Removal r = services.externalMedications().remove(session, patientId, id, reason);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("removed", r.id());
      m.put("at", r.at().toString());
      m.put("by", r.by());
      print(m, "removed record " + r.id());
      return 0;
    }
  }

  static ExternalSource source(String text) {
    String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (ExternalSource x : ExternalSource.values()) {
      if (x.name().equals(s)) {
        return x;
      }
    }
    throw new TsumugiException(ErrorCode.EXTERNAL_MED_SOURCE, "source");
  }

  private static Map<String, Object> json(ExternalMedications.Entry e) {
    ExternalMedication m = e.record();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("patientId", m.patientId());
    out.put("drugCode", m.drugCode());
    out.put("yjCode", m.yjCode());
    out.put("name", m.name());
    out.put("start", m.start().toString());
    out.put("days", m.days());
    out.put("source", m.source().name());
    out.put("sourceDate", m.sourceDate().toString());
    out.put("clinic", m.clinicName());
    out.put("enteredBy", m.enteredBy());
    out.put("removed", e.removed());
    out.put("removedAt", e.removal().map(r -> r.at().toString()).orElse(null));
    out.put("removedBy", e.removal().map(ExternalMedicationStore.Removal::by).orElse(null));
    return out;
  }
}
