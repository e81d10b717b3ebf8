package jp.tsumugi.ui.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.tsumugi.app.chart.RevisionState;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.patient.Patient;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.PrescriptionRevision;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.prescription.SafetyOverride;
import jp.tsumugi.app.prescription.safety.ExternalSource;
import jp.tsumugi.app.prescription.safety.Finding;
import jp.tsumugi.app.prescription.safety.PrescriptionSafety;
import jp.tsumugi.app.prescription.safety.ProposedDrug;
import jp.tsumugi.app.reception.Visit;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.store.LocalStore;
import jp.tsumugi.store.StoreLocation;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.OqsDesk;
import jp.tsumugi.ui.composition.OqsDeskSettings;
import jp.tsumugi.ui.support.DemoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 acceptance 3 (docs/adr/0033): with the national-services simulator stopped and every proxy pointing at a closed
 * 127.0.0.1 port, the safety check and signing behave exactly as with the simulator running — the same findings, a signed
 * revision with its overrides, no wait, no network use, nothing queued for a national service.
 */
class OfflinePrescribingTest {
  static final Charset SJIS = Charset.forName("windows-31j");
  static final String NORVASC_5 = "612170710";
  static final String AMLODIPINE_ASUKA_5 = "620007853";
  static final String HALCION_025 = "611120055";
  static final String ITRIZOLE = "616290177";
  static final String DIOVAN_80 = "610443044";
  static final String BLOPRESS_8 = "610432013";
  static final String LOXONIN_60 = "620098801";
  static final Set<String> CODES = Set.of(NORVASC_5, AMLODIPINE_ASUKA_5, HALCION_025, ITRIZOLE, DIOVAN_80, BLOPRESS_8, LOXONIN_60);
  static final LocalDate DATE = LocalDate.of(2024, 6, 3);

  @TempDir Path root;
  private AppServices services;
  private OqsDesk desk;
  private final Session doctor = new Session(new User(0, "doctor", "医師 花子", Role.DOCTOR, "-", null, true, 0, null,
      DemoStore.CLOCK.instant()), DemoStore.TERMINAL, DemoStore.CLOCK.instant());

  /** What one prescribing run produced. */
  record Outcome(List<Finding> findings, PrescriptionRevision signed, long millis) {
  }

  @BeforeEach
  void open() throws IOException {
    StoreLocation location = DemoStore.create(Files.createDirectories(root.resolve("demo")));
    services = new AppServices(LocalStore.openH2(location, DemoStore.CLOCK), DemoStore.CLOCK, DemoStore.TERMINAL, true);
    Path masters = Files.createDirectories(root.resolve("masters"));
    List<String> rows = new ArrayList<>();
    Path y = Path.of(System.getProperty("tsumugi.shared.dir", System.getProperty("shared.dir", "../../shared")), "masters", "ssk",
        "y", "y_ALL20240321.csv");
    for (String line : Files.readAllLines(y, SJIS)) {
      String[] f = line.replace("\"", "").split(",", 4);
      if (f.length > 3 && CODES.contains(f[2])) {
        rows.add(line);
      }
    }
    assertThat(rows).hasSize(CODES.size());
    Files.write(masters.resolve("y_ALL20240321.csv"), rows, SJIS);
    services.store().masterImporter().importPath(masters, MasterImportProgress.NONE);
    Path oqs = root.resolve("oqs");
    for (String sub : List.of("req", "res", "face")) {
      Files.createDirectories(oqs.resolve(sub));
    }
    desk = new OqsDesk(services, oqs, new OqsDeskSettings(Duration.ofSeconds(60), false, true));
  }

  @AfterEach
  void close() {
    if (desk != null) {
      desk.close();
    }
    if (services != null) {
      services.close();
    }
  }

  /** The same history for a new patient: ノルバスク from this clinic 10 days ago, イトリゾール and a name-only record from お薬手帳. */
  private long patientWithHistory(String number) {
    long patient = services.store().patients().insert(new Patient(0, number, "山田", "太郎", "ヤマダ", "タロウ", Sex.MALE,
        LocalDate.of(1950, 4, 5), null, null, null)).id();
    long earlier = visit(patient, DATE.minusDays(10));
    services.chartPrescriptions().sign(doctor, earlier, 0, new Prescription(earlier, DispensingKind.OUTSIDE, List.of(RpGroup.oral("1A",
        28, RxItem.of(NORVASC_5, null, "1"))), 0, ""), List.of(), null);
    services.externalMedications().addFromMaster(doctor, patient, ITRIZOLE, DATE.minusDays(3), 14, ExternalSource.NOTEBOOK,
        DATE.minusDays(3), "山田内科");
    services.externalMedications().add(doctor, patient, "", "", "漢方薬（名称のみ）", DATE.minusDays(5), 28, ExternalSource.OTHER,
        DATE.minusDays(5));
    return patient;
  }

  private long visit(long patient, LocalDate date) {
    return services.store().visits().insert(new Visit(0, patient, date, 0, "内科", "doctor", null, DemoStore.CLOCK.instant())).id();
  }

  private ProposedDrug drug(String code, int days, boolean asNeeded) {
    return PrescriptionSafety.proposed(services.store().masters().findDrug(code, DATE).orElseThrow(), days, asNeeded);
  }

  /** The editor's path: gather once, check the drugs, then sign with an override reason for every 禁忌-level finding. */
  private Outcome prescribe(long patient) {
    long started = System.nanoTime();
    long visit = visit(patient, DATE);
    PrescriptionSafety.Context context = services.safetyCheck().context(doctor, patient, DATE);
    List<Finding> findings = context.check(List.of(drug(HALCION_025, 7, false), drug(AMLODIPINE_ASUKA_5, 28, false),
        drug(DIOVAN_80, 28, false), drug(BLOPRESS_8, 28, false), drug(LOXONIN_60, 10, true))).findings();
    List<SafetyOverride> overrides = findings.stream().filter(Finding::needsOverrideReason)
        .map(f -> new SafetyOverride(f.kind().name(), f.level().name(), f.drugCode(), "他院処方を確認し短期間のため継続")).toList();
    Prescription p = new Prescription(visit, DispensingKind.OUTSIDE, List.of(
        RpGroup.oral("1A", 7, RxItem.of(HALCION_025, null, "1")),
        RpGroup.oral("1A", 28, RxItem.of(AMLODIPINE_ASUKA_5, null, "1"), RxItem.of(DIOVAN_80, null, "1"), RxItem.of(BLOPRESS_8, null, "1")),
        RpGroup.asNeeded("PAIN", 10, RxItem.of(LOXONIN_60, "1", null))), 0, "");
    PrescriptionRevision signed = services.chartPrescriptions().sign(doctor, visit, 0, p, overrides, null);
    return new Outcome(findings, signed, (System.nanoTime() - started) / 1_000_000);
  }

  /** The findings without the record ids, which differ between the two patients. */
  private static List<Finding> sameForAnyPatient(List<Finding> findings) {
    return findings.stream().map(f -> {
      Map<String, String> params = new HashMap<>(f.params());
      params.remove("reference");
      return new Finding(f.kind(), f.level(), f.drugIndex(), f.drugCode(), f.drugName(), f.other(), f.otherCode(), f.otherName(),
          f.otherDate(), f.otherSourceName(), f.rule(), params);
    }).toList();
  }

  /** Records every URI the JVM's networking would route and sends it to a closed port on 127.0.0.1. */
  static final class TrapSelector extends ProxySelector {
    final List<URI> asked = new CopyOnWriteArrayList<>();
    private final int port;

    TrapSelector(int port) {
      this.port = port;
    }

    @Override
    public List<Proxy> select(URI uri) {
      asked.add(uri);
      return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
      asked.add(uri);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void withTheSimulatorStoppedAndTheNetworkUnreachablePrescribingBehavesIdentically() throws IOException {
    long outboxBefore = services.outbox().pendingCount();
    desk.start();
    assertThat(desk.simulator()).as("the demo's national-services simulator runs").isPresent();
    Outcome online = prescribe(patientWithHistory("990001"));

    desk.close();
    desk = null;
    ProxySelector previous = ProxySelector.getDefault();
    int port = closedPort();
    TrapSelector trap = new TrapSelector(port);
    Map<String, String> proxies = Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort", Integer.toString(port), "https.proxyHost",
        "127.0.0.1", "https.proxyPort", Integer.toString(port), "socksProxyHost", "127.0.0.1", "socksProxyPort", Integer.toString(port));
    Map<String, String> saved = new HashMap<>();
    proxies.forEach((k, v) -> {
      String old = System.getProperty(k);
      if (old != null) {
        saved.put(k, old);
      }
      System.setProperty(k, v);
    });
    ProxySelector.setDefault(trap);
    Outcome offline;
    try {
      offline = prescribe(patientWithHistory("990002"));
    } finally {
      ProxySelector.setDefault(previous);
      proxies.keySet().forEach(k -> {
        if (saved.containsKey(k)) {
          System.setProperty(k, saved.get(k));
        } else {
          System.clearProperty(k);
        }
      });
    }

    assertThat(online.findings()).extracting(f -> f.kind() + "/" + f.level() + "/" + f.drugCode() + "/" + f.other() + "/" + f.otherCode())
        .containsExactly(
            "CONTRAINDICATED_COMBINATION/CONTRAINDICATED/" + HALCION_025 + "/EXTERNAL_RECORD/" + ITRIZOLE,
            "DUPLICATE/CAUTION/" + AMLODIPINE_ASUKA_5 + "/CLINIC_PRESCRIPTION/" + NORVASC_5,
            "SAME_CLASS/INFO/" + BLOPRESS_8 + "/THIS_PRESCRIPTION/" + DIOVAN_80,
            "UNCHECKED_RECORD/INFO//EXTERNAL_RECORD/");
    assertThat(sameForAnyPatient(offline.findings())).as("the same kinds, levels, drugs, other sides, dates and parameters")
        .isEqualTo(sameForAnyPatient(online.findings()));
    assertThat(offline.findings().get(3).params().get("reference")).as("each names its own patient's record")
        .isNotEqualTo(online.findings().get(3).params().get("reference"));
    for (Outcome o : List.of(online, offline)) {
      assertThat(o.signed().revision()).isEqualTo(1);
      assertThat(o.signed().state()).isEqualTo(RevisionState.SIGNED);
      assertThat(o.signed().overrides()).extracting(SafetyOverride::drugCode).containsExactly(HALCION_025);
      assertThat(o.signed().content().groups()).hasSize(3);
    }
    assertThat(offline.signed().overrides()).isEqualTo(online.signed().overrides());
    assertThat(trap.asked).as("nothing on the prescribing path asked for a network route").isEmpty();
    assertThat(offline.millis()).as("no wait for a timeout (a shared, loaded build machine takes well under this)").isLessThan(10_000);
    assertThat(services.outbox().pendingCount()).as("nothing queued for a national service that could fail").isEqualTo(outboxBefore);
  }
}
