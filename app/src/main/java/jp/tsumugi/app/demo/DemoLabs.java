package jp.tsumugi.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import jp.tsumugi.app.chart.ChartLabs;
import jp.tsumugi.app.chart.ChartVitals;
import jp.tsumugi.app.chart.LabResult;
import jp.tsumugi.app.chart.LabStore;
import jp.tsumugi.app.chart.LabValue;
import jp.tsumugi.app.chart.Vitals;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.security.Role;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.app.security.User;

/**
 * Demo lab results and vitals for the first few demo patients (000001..000005): about two years of quarterly
 * panels of ten common tests (with some values out of range) and monthly vitals, so the desktop demo's chart
 * shows a lab table, trend graphs and vitals. Deterministic (fixed seed), relative to the clock's today.
 */
public final class DemoLabs {
  public static final int PATIENTS = 5;
  private static final long SEED = 20_261_126L;
  /** Local code, typical value, spread, decimals. */
  private static final Object[][] PANEL = {
      {"HB", "13.5", "2.5", 1}, {"ALB", "4.3", "0.5", 1}, {"AST", "24", "14", 0}, {"ALT", "22", "18", 0},
      {"GGT", "35", "30", 0}, {"CRE", "0.80", "0.30", 2}, {"EGFR", "70", "20", 0}, {"K", "4.2", "0.7", 1},
      {"HBA1C", "6.0", "0.9", 1}, {"LDLC", "130", "40", 0}};

  private final ChartLabs labs;
  private final ChartVitals vitals;
  private final LabStore store;
  private final Transactions tx;
  private final Clock clock;

  public DemoLabs(ChartLabs labs, ChartVitals vitals, LabStore store, Transactions tx, Clock clock) {
    this.labs = labs;
    this.vitals = vitals;
    this.store = store;
    this.tx = tx;
    this.clock = clock;
  }

  /** Adds the demo results; returns how many lab results were made. */
  public int seed(String terminal) {
    Session nurse = new Session(new User(0, "demo", "デモ", Role.NURSE, "-", null, true, 0, null, clock.instant()), terminal,
        clock.instant());
    LocalDate today = LocalDate.now(clock);
    ZoneId zone = clock.getZone();
    Random random = new Random(SEED);
    return tx.inTransaction(() -> {
      int made = 0;
      for (int p = 1; p <= PATIENTS; p++) {
        var patient = store.patientByNumber(String.format("%06d", p));
        if (patient.isEmpty()) {
          continue;
        }
        long id = patient.get().id();
        for (int quarter = 8; quarter >= 0; quarter--) {
          LocalDate date = today.minusMonths(3L * quarter).minusDays(3);
          for (Object[] test : PANEL) {
            BigDecimal typical = new BigDecimal((String) test[1]);
            BigDecimal spread = new BigDecimal((String) test[2]);
            BigDecimal value = typical.add(spread.multiply(BigDecimal.valueOf(random.nextGaussian()))
                .multiply(new BigDecimal("0.6"))).setScale((Integer) test[3], RoundingMode.HALF_UP).max(BigDecimal.ZERO);
            labs.add(nurse, id, new LabResult((String) test[0], "", LabValue.numeric(value), "", null, null, date, null));
            made++;
          }
        }
        labs.add(nurse, id, new LabResult("UPRO", "", LabValue.qualitative(p % 2 == 0 ? "(+)" : "(-)"), "", null, null,
            today.minusDays(3), null));
        made++;
        BigDecimal height = new BigDecimal(150 + random.nextInt(30) + ".0");
        for (int month = 12; month >= 0; month--) {
          Instant at = today.minusMonths(month).minusDays(1).atTime(10, 15).atZone(zone).toInstant();
          int systolic = 115 + random.nextInt(40);
          vitals.add(nurse, id, new Vitals(at, systolic, systolic - 35 - random.nextInt(15), 60 + random.nextInt(30),
              new BigDecimal("36." + random.nextInt(10)), 95 + random.nextInt(5), month % 6 == 0 ? height : null,
              new BigDecimal(50 + random.nextInt(20) + "." + random.nextInt(10)), null));
        }
      }
      return made;
    });
  }
}
