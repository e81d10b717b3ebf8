package jp.tsumugi.ui.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.tsumugi.app.qualification.InboxSource;
import jp.tsumugi.app.qualification.LedgerEntry;
import jp.tsumugi.app.qualification.RequestState;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.ui.composition.OqsDesk;
import jp.tsumugi.ui.fx.I18n;
import jp.tsumugi.ui.fx.TaskExecutor;

/**
 * The 資格確認端末 part of the 受付 screen (docs/adr/0023): 資格再確認 of today's 資格未確認 visits in one
 * key, and the read-only list of quarantined files with a badge counting the ones staff have not opened yet.
 */
public final class OqsReceptionViewModel {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd HH:mm");

  /** One quarantined file in display form. */
  public record QuarantineRow(long ledgerId, String time, String fileName, String source, String reason) {
  }

  private final OqsDesk desk;
  private final TaskExecutor executor;
  private final I18n i18n;
  private final Session session;
  private final Clock clock;
  private final Runnable queueChanged;
  private final ObservableList<QuarantineRow> quarantine = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty quarantineOpen = new SimpleBooleanProperty(false);
  private final IntegerProperty unseen = new SimpleIntegerProperty(0);
  private long seenUpTo;
  private long newestId;
  private boolean loading;

  /**
   * @param queueChanged called after a re-check (the queue reloads at once instead of at the next poll)
   */
  public OqsReceptionViewModel(OqsDesk desk, TaskExecutor executor, I18n i18n, Session session, Clock clock, Runnable queueChanged) {
    this.desk = desk;
    this.executor = executor;
    this.i18n = i18n;
    this.session = session;
    this.clock = clock;
    this.queueChanged = queueChanged;
  }

  /** 資格再確認: a new request for every 資格未確認 visit of today; says how many were sent. */
  public void recheck() {
    status.set(i18n.text("oqsreq.recheck.running"));
    executor.submit(() -> desk.recheckToday(session), sent -> {
      long written = sent.stream().filter(r -> r.state() != RequestState.TIMED_OUT).count();
      if (sent.isEmpty()) {
        status.set(i18n.text("oqsreq.recheck.none"));
      } else if (written == sent.size()) {
        status.set(i18n.text("oqsreq.recheck.sent", sent.size()));
      } else {
        status.set(i18n.text("oqsreq.recheck.notWritten", written, sent.size() - written));
      }
      queueChanged.run();
    }, e -> status.set(i18n.error(e)));
  }

  /** Reloads the quarantine list and the badge (polled every few seconds while the screen shows). */
  public void refreshQuarantine() {
    if (loading) {
      return;
    }
    loading = true;
    executor.submit(desk::quarantined, entries -> {
      loading = false;
      show(entries);
    }, e -> {
      loading = false;
      status.set(i18n.error(e));
    });
  }

  private void show(List<LedgerEntry> entries) {
    List<QuarantineRow> rows = new ArrayList<>(entries.size());
    long newest = 0;
    int notSeen = 0;
    for (LedgerEntry e : entries) {
      Instant at = e.finishedAt().orElse(e.receivedAt());
      rows.add(new QuarantineRow(e.id(), TIME.format(at.atZone(clock.getZone())), e.fileName(), sourceText(e.source()), reason(e)));
      newest = Math.max(newest, e.id());
      if (e.id() > seenUpTo) {
        notSeen++;
      }
    }
    newestId = newest;
    quarantine.setAll(rows);
    if (quarantineOpen.get()) {
      seenUpTo = newestId;
      notSeen = 0;
    }
    unseen.set(notSeen);
  }

  private String sourceText(InboxSource source) {
    return i18n.text("oqsreq.quarantine.source." + source.name());
  }

  /** The reason in Japanese: the code's own text from the bundle (one per reason code). */
  private String reason(LedgerEntry e) {
    if (e.reasonCode().isEmpty()) {
      return "";
    }
    String key = "error." + e.reasonCode();
    return e.reasonCode() + " " + (i18n.bundle().containsKey(key) ? i18n.text(key) : i18n.text("oqsreq.quarantine.reasonUnknown"));
  }

  /** Opens (or closes) the quarantine list; opening marks every file shown as seen. */
  public void toggleQuarantine() {
    if (quarantineOpen.get()) {
      closeQuarantine();
      return;
    }
    quarantineOpen.set(true);
    seenUpTo = Math.max(seenUpTo, newestId);
    unseen.set(0);
    refreshQuarantine();
  }

  public void closeQuarantine() {
    quarantineOpen.set(false);
  }

  /** The terminal's folder and where quarantined files are, for the screen. */
  public String folderText() {
    return i18n.text("oqsreq.folder", desk.folder().toString());
  }

  public String quarantineFolderText() {
    return i18n.text("oqsreq.quarantine.folder", desk.quarantineFolder().toString());
  }

  public ObservableList<QuarantineRow> quarantine() {
    return quarantine;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty quarantineOpenProperty() {
    return quarantineOpen;
  }

  /** Quarantined files not yet seen in the list (the badge). */
  public IntegerProperty unseenProperty() {
    return unseen;
  }
}
