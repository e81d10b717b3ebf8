package jp.tsumugi.ui.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.chart.ChartLabs;
import jp.tsumugi.app.chart.ChartVitals;
import jp.tsumugi.app.chart.LabCsvImport;
import jp.tsumugi.app.chart.LabItem;
import jp.tsumugi.app.chart.LabPoint;
import jp.tsumugi.app.chart.LabResult;
import jp.tsumugi.app.chart.LabRevision;
import jp.tsumugi.app.chart.LabValue;
import jp.tsumugi.app.chart.VitalRevision;
import jp.tsumugi.app.chart.Vitals;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * Lab results, vitals and the lab CSV import as the chart window shows them (docs/adr/0028): the latest
 * result of each test, the trend of the chosen test, entry by hand, the vitals with BMI, and the import
 * preview that marks every problem line and saves nothing until the clean lines are accepted.
 */
public final class ChartLabsViewModel {
  private final ChartLabs labs;
  private final ChartVitals vitals;
  private final LabCsvImport importer;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;
  private final ChartViewModel chart;

  private final ObservableList<LabRevision> latest = FXCollections.observableArrayList();
  private final ObservableList<LabPoint> series = FXCollections.observableArrayList();
  private final ObjectProperty<LabRevision> trendTest = new SimpleObjectProperty<>();
  private final ObservableList<LabItem> catalogue = FXCollections.observableArrayList();
  private final ObjectProperty<LabItem> item = new SimpleObjectProperty<>();
  private final StringProperty value = new SimpleStringProperty("");
  private final StringProperty specimenDate = new SimpleStringProperty("");

  private final ObjectProperty<VitalRevision> latestVitals = new SimpleObjectProperty<>();
  private final ObservableList<VitalRevision> vitalSeries = FXCollections.observableArrayList();
  private final StringProperty systolic = new SimpleStringProperty("");
  private final StringProperty diastolic = new SimpleStringProperty("");
  private final StringProperty pulse = new SimpleStringProperty("");
  private final StringProperty temperature = new SimpleStringProperty("");
  private final StringProperty spo2 = new SimpleStringProperty("");
  private final StringProperty height = new SimpleStringProperty("");
  private final StringProperty weight = new SimpleStringProperty("");

  private final StringProperty reason = new SimpleStringProperty("");
  private final StringProperty importPath = new SimpleStringProperty("");
  private final ObjectProperty<LabCsvImport.Preview> preview = new SimpleObjectProperty<>();
  private byte[] previewedBytes;

  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");
  private long loadedPatient;

  public ChartLabsViewModel(ChartLabs labs, ChartVitals vitals, LabCsvImport importer, TaskExecutor executor, I18n i18n,
      Session session, Clock clock, ChartViewModel chart) {
    this.labs = labs;
    this.vitals = vitals;
    this.importer = importer;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    this.chart = chart;
    specimenDate.set(LocalDate.now(clock).toString());
    chart.headerProperty().addListener((obs, was, now) -> {
      if (now != null && now.patient().id() != loadedPatient) {
        load();
      }
    });
  }

  private record Loaded(long patient, List<LabRevision> latest, Optional<VitalRevision> vitals, List<VitalRevision> series,
      List<LabItem> catalogue) {
  }

  /** Reads the open patient's latest results and vitals (and the lab catalogue once). */
  public void load() {
    long patient = chart.patientId();
    if (patient == 0) {
      return;
    }
    boolean needCatalogue = catalogue.isEmpty();
    executor.submit(() -> new Loaded(patient, labs.latestPerTest(session, patient), vitals.latest(session, patient),
        vitals.series(session, patient), needCatalogue ? labs.catalogue(session) : List.of()), loaded -> {
          if (loaded.patient() != chart.patientId()) {
            return;
          }
          loadedPatient = loaded.patient();
          latest.setAll(loaded.latest());
          latestVitals.set(loaded.vitals().orElse(null));
          List<VitalRevision> newestFirst = new java.util.ArrayList<>(loaded.series());
          java.util.Collections.reverse(newestFirst);
          vitalSeries.setAll(newestFirst);
          if (!loaded.catalogue().isEmpty()) {
            catalogue.setAll(loaded.catalogue());
          }
          trendTest.set(null);
          series.clear();
        }, this::fail);
  }

  /** The trend of one test for the graph. */
  public void showTrend(LabRevision test) {
    if (test == null || test.result() == null) {
      return;
    }
    long patient = chart.patientId();
    String code = test.result().localCode();
    executor.submit(() -> labs.series(session, patient, code), points -> {
      trendTest.set(test);
      series.setAll(points);
    }, this::fail);
  }

  /** A result entered by hand for the chosen test: a number, or a text for a qualitative test. */
  public void addResult() {
    long patient = chart.patientId();
    LabItem test = item.get();
    if (patient == 0 || test == null) {
      message.set(i18n.text("chart.lab.chooseTest"));
      return;
    }
    LabResult result;
    try {
      String v = value.get() == null ? "" : value.get().strip();
      LabValue labValue = test.qualitative() ? LabValue.qualitative(v) : LabValue.numeric(number(v));
      Long visit = chart.visitProperty().get() == null ? null : chart.visitProperty().get().visitId();
      result = new LabResult(test.localCode(), null, labValue, null, null, null, Wareki.parse(specimenDate.get()), visit);
    } catch (TsumugiException e) {
      fail(e);
      return;
    } catch (IllegalArgumentException e) {
      fail(new TsumugiException(ErrorCode.LAB_VALUE_INVALID, "value"));
      return;
    }
    executor.submit(() -> labs.add(session, patient, result), added -> {
      value.set("");
      message.set("");
      info.set(i18n.text("chart.lab.added", added.testName()));
      load();
    }, this::fail);
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new TsumugiException(ErrorCode.LAB_VALUE_INVALID, "not a number");
    }
  }

  /** Vitals entered now; empty fields are not measured; BMI is computed by the record. */
  public void addVitals() {
    long patient = chart.patientId();
    if (patient == 0) {
      return;
    }
    Vitals v;
    try {
      Long visit = chart.visitProperty().get() == null ? null : chart.visitProperty().get().visitId();
      v = new Vitals(clock.instant(), integer(systolic), integer(diastolic), integer(pulse), decimal(temperature), integer(spo2),
          decimal(height), decimal(weight), visit);
      ChartVitals.check(v, clock.instant());
    } catch (TsumugiException e) {
      fail(e);
      return;
    }
    executor.submit(() -> vitals.add(session, patient, v), added -> {
      for (StringProperty p : List.of(systolic, diastolic, pulse, temperature, spo2, height, weight)) {
        p.set("");
      }
      message.set("");
      info.set(i18n.text("chart.vitals.added"));
      load();
    }, this::fail);
  }

  private static Integer integer(StringProperty p) {
    String s = p.get() == null ? "" : p.get().strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      throw new TsumugiException(ErrorCode.VITAL_NOT_A_NUMBER, "not a whole number");
    }
  }

  private static BigDecimal decimal(StringProperty p) {
    String s = p.get() == null ? "" : p.get().strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new TsumugiException(ErrorCode.VITAL_NOT_A_NUMBER, "not a number");
    }
  }

  /** Deletes a lab result entered in error (a tombstone with the typed reason; the history keeps it). */
  public void deleteResult(LabRevision current) {
    String why = reason.get() == null ? "" : reason.get().strip();
    if (current == null) {
      return;
    }
    if (why.isEmpty()) {
      message.set(i18n.text("chart.message.reasonRequired"));
      return;
    }
    executor.submit(() -> labs.tombstone(session, current.recordId(), current.revision(), why), deleted -> {
      reason.set("");
      message.set("");
      info.set(i18n.text("chart.lab.deleted"));
      load();
    }, this::fail);
  }

  /** Deletes a vitals record entered in error (a tombstone with the typed reason). */
  public void deleteVitals(VitalRevision current) {
    String why = reason.get() == null ? "" : reason.get().strip();
    if (current == null) {
      return;
    }
    if (why.isEmpty()) {
      message.set(i18n.text("chart.message.reasonRequired"));
      return;
    }
    executor.submit(() -> vitals.tombstone(session, current.recordId(), current.revision(), why), deleted -> {
      reason.set("");
      message.set("");
      info.set(i18n.text("chart.vitals.deleted"));
      load();
    }, this::fail);
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  /** The lab result's revisions in the record history overlay. */
  public void showLabHistory(LabRevision current) {
    if (current == null) {
      return;
    }
    chart.showRecordHistory(i18n.text("chart.recordHistory.lab", current.testName()), () -> labs.history(session, current.recordId())
        .stream().map(r -> new HistoryRow(r.revision(), r.author(), r.at(), r.terminal(), r.reason(), r.isTombstone(),
            r.result() == null ? "" : r.result().value().display() + " " + r.result().unit() + "  " + (r.flag() == null ? ""
                : r.flag().name()) + "  " + r.result().specimenDate())).toList());
  }

  /** The vitals record's revisions in the record history overlay. */
  public void showVitalsHistory(VitalRevision current, java.util.function.Function<Vitals, String> describe) {
    if (current == null) {
      return;
    }
    chart.showRecordHistory(i18n.text("chart.recordHistory.vitals"), () -> vitals.history(session, current.recordId()).stream()
        .map(r -> new HistoryRow(r.revision(), r.author(), r.at(), r.terminal(), r.reason(), r.isTombstone(),
            r.vitals() == null ? "" : describe.apply(r.vitals()))).toList());
  }

  // ---- CSV import ------------------------------------------------------------------------------

  /** Reads the file (never more than the import accepts) and previews it; nothing is saved. */
  public void previewImport() {
    String typed = importPath.get() == null ? "" : importPath.get().strip();
    if (typed.isEmpty()) {
      message.set(i18n.text("chart.labImport.noFile"));
      return;
    }
    Path file = Path.of(typed);
    executor.submit(() -> {
      byte[] bytes = readBounded(file);
      return new Previewed(bytes, importer.preview(session, bytes, null));
    }, previewed -> {
      previewedBytes = previewed.bytes();
      preview.set(previewed.preview());
      message.set("");
      info.set(i18n.text("chart.labImport.previewed", previewed.preview().okCount(), previewed.preview().errorCount()));
    }, e -> {
      preview.set(null);
      previewedBytes = null;
      fail(e);
    });
  }

  private record Previewed(byte[] bytes, LabCsvImport.Preview preview) {
  }

  private static byte[] readBounded(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(LabCsvImport.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.CHART_FILE_UNREADABLE, "cannot read the file", new UncheckedIOException(e));
    }
  }

  /** Saves the clean lines of the previewed file, all in one transaction. */
  public void acceptImport() {
    LabCsvImport.Preview p = preview.get();
    byte[] bytes = previewedBytes;
    if (p == null || bytes == null) {
      return;
    }
    executor.submit(() -> importer.accept(session, p, bytes), saved -> {
      info.set(i18n.text("chart.labImport.accepted", saved));
      message.set("");
      preview.set(null);
      previewedBytes = null;
      load();
    }, this::fail);
  }

  public void cancelImport() {
    preview.set(null);
    previewedBytes = null;
  }

  private void fail(RuntimeException e) {
    info.set("");
    message.set(i18n.error(e));
  }

  // ---- properties ------------------------------------------------------------------------------

  public ObservableList<LabRevision> latest() {
    return latest;
  }

  public ObservableList<LabPoint> series() {
    return series;
  }

  public ObjectProperty<LabRevision> trendTestProperty() {
    return trendTest;
  }

  public ObservableList<LabItem> catalogue() {
    return catalogue;
  }

  public ObjectProperty<LabItem> itemProperty() {
    return item;
  }

  public StringProperty valueProperty() {
    return value;
  }

  public StringProperty specimenDateProperty() {
    return specimenDate;
  }

  public ObjectProperty<VitalRevision> latestVitalsProperty() {
    return latestVitals;
  }

  public ObservableList<VitalRevision> vitalSeries() {
    return vitalSeries;
  }

  public StringProperty systolicProperty() {
    return systolic;
  }

  public StringProperty diastolicProperty() {
    return diastolic;
  }

  public StringProperty pulseProperty() {
    return pulse;
  }

  public StringProperty temperatureProperty() {
    return temperature;
  }

  public StringProperty spo2Property() {
    return spo2;
  }

  public StringProperty heightProperty() {
    return height;
  }

  public StringProperty weightProperty() {
    return weight;
  }

  public StringProperty importPathProperty() {
    return importPath;
  }

  public ObjectProperty<LabCsvImport.Preview> previewProperty() {
    return preview;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty infoProperty() {
    return info;
  }
}
