package jp.tsumugi.app.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.chart.ChartOverview;
import jp.tsumugi.app.chart.TimelineEntry;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.prescription.ChartPrescriptions;
import jp.tsumugi.app.prescription.DispensingKind;
import jp.tsumugi.app.prescription.Prescription;
import jp.tsumugi.app.prescription.RouteKind;
import jp.tsumugi.app.prescription.RpGroup;
import jp.tsumugi.app.prescription.RxItem;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;
import jp.tsumugi.app.security.UserRepository;

/**
 * A signed prescription on demo patient 1's most recent past visit (ノルバスク by 一般名 for the hypertension course, カロナール as
 * needed), so that the chart shows a prescription, Do (Ctrl+Shift+D) has something to copy, and adding ロキソニン shows the
 * patient's 薬剤禁忌 finding. Written only when the drug master holds the drugs (the demo with the bundled masters); without it
 * nothing is written. Run after {@link DemoCharts#seed}.
 */
public final class DemoPrescriptions {
  /** ノルバスク錠５ｍｇ (y master). */
  public static final String NORVASC_5 = "612170710";
  /** カロナール錠３００ (y master). */
  public static final String CALONAL_300 = "620000033";

  private final ChartPrescriptions prescriptions;
  private final ChartOverview overview;
  private final UserRepository users;
  private final Clock clock;

  public DemoPrescriptions(ChartPrescriptions prescriptions, ChartOverview overview, UserRepository users, Clock clock) {
    this.prescriptions = prescriptions;
    this.overview = overview;
    this.users = users;
    this.clock = clock;
  }

  /** Signs the demo prescription; returns the number signed (0 without the drug master or without a demo visit). */
  public int seed(String terminal) {
    User doctor = users.findByUsername("doctor").orElseThrow(() -> new IllegalStateException("the demo clinic has no doctor"));
    Session session = new Session(doctor, terminal, clock.instant());
    LocalDate today = LocalDate.now(clock);
    Optional<TimelineEntry> last = overview.timeline(session, 1).stream().filter(e -> e.visitDate().isBefore(today)).findFirst();
    if (last.isEmpty()) {
      return 0;
    }
    long visit = last.get().visitId();
    Prescription p = new Prescription(visit, DispensingKind.OUTSIDE, List.of(
        new RpGroup(RouteKind.ORAL, "1A", "", "", 28, null, "", List.of(RxItem.of(NORVASC_5, null, "1").asGeneric())),
        new RpGroup(RouteKind.AS_NEEDED, "FEVER", "", "", null, 5, "", List.of(RxItem.of(CALONAL_300, "1", null)))), 0, "");
    try {
      prescriptions.sign(session, visit, 0, p, List.of(), null);
      return 1;
    } catch (TsumugiException noDrugMaster) {
      return 0;
    }
  }
}
