package jp.tsumugi.ui.chart;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.chart.ChartSearch;
import jp.tsumugi.app.chart.ChartSearchHit;
import jp.tsumugi.app.chart.Stamp;
import jp.tsumugi.app.chart.StampKind;
import jp.tsumugi.app.chart.Stamps;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * Stamps (スタンプ) and the clinic-wide chart search as the chart window uses them: a keyword typed in a SOAP
 * field expands to its stamp (or offers the stamps starting with it), the stamp list with its form, and the
 * search overlay whose results open the visit.
 */
public final class ChartToolsViewModel {
  private final Stamps stamps;
  private final ChartSearch search;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;

  private final ObservableList<Stamp> stampList = FXCollections.observableArrayList();
  private final ObservableList<Stamp> completions = FXCollections.observableArrayList();
  private final ObjectProperty<StampKind> kind = new SimpleObjectProperty<>(StampKind.SUBJECTIVE);
  private final StringProperty keyword = new SimpleStringProperty("");
  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty body = new SimpleStringProperty("");
  private final BooleanProperty shared = new SimpleBooleanProperty(false);
  private final StringProperty stampMessage = new SimpleStringProperty("");
  private final StringProperty stampInfo = new SimpleStringProperty("");

  private final ObservableList<ChartSearchHit> hits = FXCollections.observableArrayList();
  private final StringProperty searchStatus = new SimpleStringProperty("");
  private final BooleanProperty searching = new SimpleBooleanProperty(false);
  private int searchGeneration;

  public ChartToolsViewModel(Stamps stamps, ChartSearch search, TaskExecutor executor, I18n i18n, Session session) {
    this.stamps = stamps;
    this.search = search;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
  }

  public boolean maySearch() {
    return session.role().may(Permission.SIGN_CHART);
  }

  public boolean mayShareStamps() {
    return session.role().may(Permission.SIGN_CHART);
  }

  // ---- stamps ----------------------------------------------------------------------------------

  /** The user's own stamps and the shared ones (own wins on the same keyword). */
  public void loadStamps() {
    executor.submit(() -> stamps.forUser(session), stampList::setAll, this::stampFailed);
  }

  /**
   * Expands {@code typed} (the word before the caret): the stamp with exactly that keyword is handed to
   * {@code insert}; otherwise the stamps whose keyword starts with it are offered as completions.
   */
  public void expand(String typed, Consumer<Stamp> insert) {
    String word = typed == null ? "" : typed.strip();
    completions.clear();
    executor.submit(() -> {
      if (word.isEmpty()) {
        return new Expansion(null, stamps.forUser(session));
      }
      return stamps.lookup(session, word).map(s -> new Expansion(s, List.<Stamp>of()))
          .orElseGet(() -> new Expansion(null, stamps.complete(session, word)));
    }, found -> {
      if (found.exact() != null) {
        stampMessage.set("");
        insert.accept(found.exact());
      } else if (found.candidates().isEmpty()) {
        stampMessage.set(i18n.text("chart.stamp.none", word));
      } else {
        stampMessage.set("");
        completions.setAll(found.candidates());
      }
    }, this::stampFailed);
  }

  private record Expansion(Stamp exact, List<Stamp> candidates) {
  }

  public void closeCompletions() {
    completions.clear();
  }

  /** Saves the form as a new stamp (personal, or shared for a doctor). */
  public void saveStamp() {
    boolean asShared = shared.get() && mayShareStamps();
    StampKind k = kind.get();
    String kw = keyword.get();
    String t = title.get();
    String b = body.get();
    executor.submit(() -> stamps.create(session, asShared, k, kw, t, b), created -> {
      keyword.set("");
      title.set("");
      body.set("");
      stampMessage.set("");
      stampInfo.set(i18n.text("chart.stamp.saved", created.keyword()));
      loadStamps();
    }, this::stampFailed);
  }

  /** Prefills the form with text to make a stamp of (the editor's selection). */
  public void startStampFrom(String text, StampKind fromKind) {
    body.set(text == null ? "" : text);
    kind.set(fromKind);
  }

  public void deleteStamp(Stamp stamp) {
    if (stamp == null) {
      return;
    }
    executor.submit(() -> {
      stamps.delete(session, stamp.id());
      return stamp;
    }, deleted -> {
      stampInfo.set(i18n.text("chart.stamp.deleted", deleted.keyword()));
      stampMessage.set("");
      loadStamps();
    }, this::stampFailed);
  }

  private void stampFailed(RuntimeException e) {
    stampInfo.set("");
    stampMessage.set(i18n.error(e));
  }

  // ---- search ----------------------------------------------------------------------------------

  /** Searches every chart of the clinic; the newest 100 hits are shown with the total. */
  public void search(String query) {
    String q = query == null ? "" : query.strip();
    int generation = ++searchGeneration;
    if (q.isEmpty()) {
      hits.clear();
      searchStatus.set("");
      return;
    }
    searching.set(true);
    searchStatus.set(i18n.text("chart.search.running"));
    executor.submit(() -> search.search(session, q), result -> {
      if (generation != searchGeneration) {
        return;
      }
      searching.set(false);
      hits.setAll(result.hits());
      searchStatus.set(result.total() == 0 ? i18n.text("chart.search.noHits")
          : result.total() > result.hits().size() ? i18n.text("chart.search.countTruncated", result.total(), result.hits().size())
          : i18n.text("chart.search.count", result.total()));
    }, e -> {
      if (generation == searchGeneration) {
        searching.set(false);
        hits.clear();
        searchStatus.set(i18n.error(e));
      }
    });
  }

  // ---- properties ------------------------------------------------------------------------------

  public ObservableList<Stamp> stampList() {
    return stampList;
  }

  public ObservableList<Stamp> completions() {
    return completions;
  }

  public ObjectProperty<StampKind> kindProperty() {
    return kind;
  }

  public StringProperty keywordProperty() {
    return keyword;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty bodyProperty() {
    return body;
  }

  public BooleanProperty sharedProperty() {
    return shared;
  }

  public StringProperty stampMessageProperty() {
    return stampMessage;
  }

  public StringProperty stampInfoProperty() {
    return stampInfo;
  }

  public ObservableList<ChartSearchHit> hits() {
    return hits;
  }

  public StringProperty searchStatusProperty() {
    return searchStatus;
  }

  public BooleanProperty searchingProperty() {
    return searching;
  }
}
