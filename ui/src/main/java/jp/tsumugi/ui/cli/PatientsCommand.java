package jp.tsumugi.ui.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceRegistration;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.PatientDetails;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tsumugi patients find|show`: patient search and one patient's record, logged in and audited like the desktop. */
@Command(name = "patients", mixinStandardHelpOptions = true, description = "Patients (search, show).",
    subcommands = {PatientsCommand.Find.class, PatientsCommand.Show.class})
public final class PatientsCommand {

  /** `patients find QUERY`: カナ, 漢字, patient number, birth date (19660526, S41.5.26) or phone. */
  @Command(name = "find", mixinStandardHelpOptions = true, description = "Search patients (kana, kanji, number, birth date, phone).")
  public static final class Find implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "QUERY", description = "Kana, kanji, patient number, birth date or phone; parts AND-ed")
    String query;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many hits (default 50).") int limit;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Find(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        PatientSearch.Result result = services.patientRegistration().search(session, query, Math.max(1, Math.min(limit, 500)));
        if (json) {
          List<Object> hits = new ArrayList<>();
          for (PatientHit h : result.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("patientNumber", h.patientNumber());
            m.put("name", h.name());
            m.put("kana", h.kana());
            m.put("alias", h.alias());
            m.put("sex", h.sex().claimCode());
            m.put("birthDate", h.birthDate().toString());
            hits.add(m);
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("total", result.total());
          out.put("hits", hits);
          environment.out().println(Json.write(out));
        } else {
          for (PatientHit h : result.hits()) {
            environment.out().println(h.id() + "\t" + h.patientNumber() + "\t" + h.name() + "\t" + h.kana() + "\t" + h.birthDate());
          }
          environment.out().println(result.hits().size() + " of " + result.total() + " hit(s)");
        }
        return 0;
      }
    }
  }

  /** `patients show ID`: the current record, insurance, 公費 and combinations. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one patient with insurance and public expense.")
  public static final class Show implements Callable<Integer> {
    private final CliEnvironment environment;
    private final DataLocations locations;
    @Mixin StoreOptions store;
    @Mixin AuthOptions auth;
    @Parameters(index = "0", paramLabel = "ID", description = "Patient id (as `patients find` prints it)") long id;
    @Option(names = "--json", description = "Machine-readable output.") boolean json;

    public Show(CliEnvironment environment, DataLocations locations) {
      this.environment = environment;
      this.locations = locations;
    }

    @Override
    public Integer call() {
      try (AppServices services = store.opener(environment, locations, false).open()) {
        Session session = auth.login(services, environment);
        PatientRecord r = services.patientRegistration().show(session, id);
        InsuranceRegistration.Holdings h = services.insuranceRegistration().holdings(session, id);
        Map<String, Object> out = patient(r);
        List<Object> insurances = new ArrayList<>();
        for (InsuranceRecord i : h.insurances()) {
          insurances.add(insurance(i));
        }
        out.put("insurances", insurances);
        List<Object> publicExpenses = new ArrayList<>();
        for (PublicExpense p : h.publicExpenses()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", p.id());
          m.put("payerNumber", p.payerNumber());
          m.put("lawNumber", p.lawNumber());
          m.put("recipientNumber", p.recipientNumber());
          m.put("validFrom", MastersCommand.text(p.validFrom()));
          m.put("validTo", MastersCommand.text(p.validTo()));
          m.put("monthlyCapYen", p.monthlyCapYen().isPresent() ? p.monthlyCapYen().getAsLong() : null);
          m.put("revision", p.revision());
          publicExpenses.add(m);
        }
        out.put("publicExpenses", publicExpenses);
        List<Object> combinations = new ArrayList<>();
        for (InsuranceCombination c : h.combinations()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", c.id());
          m.put("insuranceId", c.insuranceId());
          m.put("publicExpenseIds", c.publicExpenseIds());
          combinations.add(m);
        }
        out.put("combinations", combinations);
        if (json) {
          environment.out().println(Json.write(out));
        } else {
          for (Map.Entry<String, Object> e : out.entrySet()) {
            environment.out().println(e.getKey() + ": " + MastersCommand.dash(e.getValue()));
          }
        }
        return 0;
      }
    }

    private static Map<String, Object> patient(PatientRecord r) {
      Patient p = r.patient();
      PatientDetails d = r.details();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("patientNumber", p.patientNumber());
      m.put("familyName", p.familyName());
      m.put("givenName", p.givenName());
      m.put("familyKana", p.familyKana());
      m.put("givenKana", p.givenKana());
      m.put("alias", d.alias());
      m.put("sex", p.sex().claimCode());
      m.put("birthDate", p.birthDate().toString());
      m.put("postalCode", p.postalCode());
      m.put("address", p.address());
      m.put("phone", p.phone());
      m.put("mobilePhone", d.mobilePhone());
      m.put("emergencyContact", d.emergencyContact());
      m.put("emergencyPhone", d.emergencyPhone());
      m.put("memo", d.memo());
      m.put("revision", r.revision());
      return m;
    }

    private static Map<String, Object> insurance(InsuranceRecord i) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.id());
      m.put("insurerNumber", i.insurance().insurerNumber());
      m.put("symbol", i.insurance().symbol());
      m.put("number", i.insurance().number());
      m.put("branch", i.insurance().branch());
      m.put("insured", i.insurance().insured());
      m.put("qualifiedOn", MastersCommand.text(i.qualifiedOn()));
      m.put("validFrom", MastersCommand.text(i.insurance().validFrom()));
      m.put("validTo", MastersCommand.text(i.insurance().validTo()));
      m.put("elderlyRecipientTenths", i.elderlyRecipientTenths());
      m.put("lateElderlyTenths", i.lateElderlyTenths());
      m.put("limitCategory", i.limitCategory().map(c -> c.code()).orElse(null));
      m.put("overrideTenths", i.copaymentOverride().map(o -> (Object) o.tenths()).orElse(null));
      m.put("overrideReason", i.copaymentOverride().map(o -> o.reason()).orElse(null));
      m.put("revision", i.revision());
      return m;
    }
  }
}
