package jp.tsumugi.ui.masters;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.master.CommentRecord;
import jp.tsumugi.app.master.DiseaseRecord;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterImport;
import jp.tsumugi.app.master.MasterImportProgress;
import jp.tsumugi.app.master.MasterImportReport;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MasterStatus;
import jp.tsumugi.app.master.MaterialRecord;
import jp.tsumugi.app.master.ModifierRecord;
import jp.tsumugi.app.master.ProcedureRecord;
import jp.tsumugi.app.master.search.ComposedDisease;
import jp.tsumugi.app.master.search.SearchEntries;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.master.search.SearchQuery;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The マスタ screen: what is loaded, importing with progress (administrators), and a search to try
 * as of any date, with disease names composed from 修飾語.
 */
public final class MastersViewModel {
  /** How many hits the search list offers. */
  public static final int SEARCH_LIMIT = 50;

  /** One line of the status table. */
  public record StatusRow(String master, String fileDate, String effectiveDate, int records, int revisions) {
  }

  private final MasterImport imports;
  private final MasterCatalog catalog;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final ObservableList<StatusRow> rows = FXCollections.observableArrayList();
  private final StringProperty importPath = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty progressText = new SimpleStringProperty("");
  private final StringProperty report = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final BooleanProperty mayImport = new SimpleBooleanProperty(false);
  private final ObjectProperty<SearchEntry.Kind> searchKind = new SimpleObjectProperty<>(SearchEntry.Kind.DRUG);
  private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
  private final StringProperty detail = new SimpleStringProperty("");
  private final StringProperty composed = new SimpleStringProperty("");

  public MastersViewModel(MasterImport imports, MasterCatalog catalog, TaskExecutor executor, I18n i18n, Session session,
      Clock clock) {
    this.imports = imports;
    this.catalog = catalog;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.mayImport.set(session.role().may(Permission.MANAGE_MASTERS));
    this.asOf.set(LocalDate.now(clock));
  }

  public void load() {
    executor.submit(() -> imports.status(session), this::show, e -> message.set(i18n.error(e)));
  }

  private void show(MasterStatus status) {
    List<StatusRow> lines = new ArrayList<>();
    for (MasterStatus.KindStatus k : status.kinds()) {
      lines.add(new StatusRow(masterName(k.kind()), date(k.latestFileDate()), date(k.effectiveDate()), k.recordCount(),
          k.revisionCount()));
    }
    rows.setAll(lines);
  }

  /** Imports the folder, file or zip named in the path field. */
  public void importFromPath() {
    String path = importPath.get() == null ? "" : importPath.get().strip();
    if (path.isEmpty()) {
      message.set(i18n.text("masters.import.pathMissing"));
      return;
    }
    run(progressSink -> imports.importPath(session, Path.of(path), progressSink));
  }

  /** Imports the master files that ship with Tsumugi. */
  public void importBundled() {
    run(progressSink -> imports.importBundled(session, progressSink));
  }

  private void run(java.util.function.Function<MasterImportProgress, MasterImportReport> work) {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    message.set("");
    report.set("");
    progress.set(-1);
    progressText.set(i18n.text("masters.import.starting"));
    MasterImportProgress sink = (phase, item, done, total) -> executor.toUi(() -> {
      progress.set(total <= 0 ? -1 : (double) done / total);
      progressText.set(i18n.text("masters.import.phase." + phase.name().toLowerCase(Locale.ROOT), item, done, total));
    });
    executor.submit(() -> work.apply(sink), done -> {
      busy.set(false);
      progress.set(1);
      progressText.set(i18n.text("masters.import.done"));
      report.set(describe(done));
      catalog.invalidate();
      load();
    }, e -> {
      busy.set(false);
      progress.set(0);
      progressText.set("");
      message.set(i18n.error(e));
    });
  }

  private String describe(MasterImportReport done) {
    if (done.changedNothing()) {
      return i18n.text("masters.report.nothing", done.skippedFiles().size());
    }
    StringBuilder out = new StringBuilder(i18n.text("masters.report.files", done.importedFiles().size(),
        done.skippedFiles().size()));
    for (MasterImportReport.KindReport k : done.kinds()) {
      if (k.total() > 0) {
        out.append('\n').append(i18n.text("masters.report.line", masterName(k.kind()), k.added(), k.changed(), k.abolished(),
            date(k.effectiveDate())));
      }
    }
    return out.toString();
  }

  /** Runs on the worker: the search popover's query. */
  public List<SearchHit> search(String text) {
    LocalDate date = asOf.get();
    return catalog.search(SearchQuery.of(text, SEARCH_LIMIT).withKinds(searchKind.get()), date);
  }

  /** One line per hit in the search list. */
  public String format(SearchHit hit) {
    SearchEntry e = hit.entry();
    String line = e.code() + "  " + e.name();
    if (!e.kana().isEmpty()) {
      line += "  " + e.kana();
    }
    return e.abolished() ? line + "  " + i18n.text("masters.abolished") : line;
  }

  /** A hit was chosen: show its record as of the date, and count the use. */
  public void choose(SearchHit hit) {
    SearchEntry entry = hit.entry();
    LocalDate date = asOf.get();
    executor.submit(() -> {
      catalog.recordUse(entry.kind(), entry.code());
      return catalog.resolve(SearchEntries.masterKindOf(entry.kind()), entry.code(), date);
    }, found -> detail.set(found.map(r -> describe(r, date)).orElse(i18n.text("masters.detail.none"))),
        e -> message.set(i18n.error(e)));
  }

  /** Splits typed text such as 右変形性膝関節症 into 修飾語 and a master disease. */
  public void composeDisease(String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      composed.set("");
      return;
    }
    LocalDate date = asOf.get();
    executor.submit(() -> catalog.parseDisease(text, date), result -> composed.set(result.map(this::describe)
        .orElse(i18n.text("masters.compose.none"))), e -> message.set(i18n.error(e)));
  }

  private String describe(ComposedDisease d) {
    return d.modifierCodes().isEmpty()
        ? i18n.text("masters.compose.single", d.name(), d.diseaseCode())
        : i18n.text("masters.compose.withModifiers", d.name(), d.diseaseCode(), String.join(", ", d.modifierCodes()));
  }

  private String describe(MasterRecord record, LocalDate date) {
    List<String> lines = new ArrayList<>();
    lines.add(record.code() + "  " + record.name());
    if (!record.kana().isEmpty()) {
      lines.add(i18n.text("masters.detail.kana", record.kana()));
    }
    if (record instanceof ProcedureRecord p) {
      lines.add(i18n.text("masters.detail.points", plain(p.points())));
    } else if (record instanceof DrugRecord d) {
      lines.add(i18n.text("masters.detail.price", plain(d.price()), d.unit()));
      if (!d.yjCode().isEmpty()) {
        lines.add(i18n.text("masters.detail.yj", d.yjCode()));
      }
      if (!d.genericPrescriptionName().isEmpty()) {
        lines.add(i18n.text("masters.detail.generic", d.genericPrescriptionName()));
      }
    } else if (record instanceof MaterialRecord m) {
      lines.add(i18n.text("masters.detail.price", plain(m.price()), m.unit()));
    } else if (record instanceof CommentRecord c) {
      lines.add(i18n.text("masters.detail.pattern", c.pattern()));
    } else if (record instanceof DiseaseRecord b) {
      lines.add(i18n.text("masters.detail.icd", b.icd10First(), b.exchangeCode()));
    } else if (record instanceof ModifierRecord z) {
      lines.add(i18n.text("masters.detail.position",
          i18n.text("masters.position." + z.position().name().toLowerCase(Locale.ROOT))));
    }
    lines.add(i18n.text("masters.detail.validity", date(record.validity().from()),
        record.validity().abolishedOn() == null ? i18n.text("masters.detail.live") : date(record.validity().abolishedOn()),
        date(date)));
    return String.join("\n", lines);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString();
  }

  private String masterName(MasterKind kind) {
    return i18n.text("masters.kind." + kind.name().toLowerCase(Locale.ROOT));
  }

  private static String date(LocalDate date) {
    return date == null ? "-" : date.toString();
  }

  public ObservableList<StatusRow> rows() {
    return rows;
  }

  public StringProperty importPathProperty() {
    return importPath;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  public StringProperty reportProperty() {
    return report;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty mayImportProperty() {
    return mayImport;
  }

  public ObjectProperty<SearchEntry.Kind> searchKindProperty() {
    return searchKind;
  }

  public ObjectProperty<LocalDate> asOfProperty() {
    return asOf;
  }

  public StringProperty detailProperty() {
    return detail;
  }

  public StringProperty composedProperty() {
    return composed;
  }
}
