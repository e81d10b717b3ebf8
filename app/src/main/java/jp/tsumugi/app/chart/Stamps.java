package jp.tsumugi.app.chart;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Stamps (スタンプ, docs/adr/0027): reusable S/O/A/P snippets found by a short keyword. A user sees their
 * personal (個人) stamps and the clinic's shared (共有) ones; on the same keyword their own wins. Anyone who
 * writes charts keeps personal stamps; shared ones are created, changed and deleted by doctors (SIGN_CHART).
 * Lookups and the completion popup read an in-memory copy, reloaded after every committed change here and on
 * every {@link #forUser} call. Changes are audited with the stamp id and sizes, never the text.
 */
public final class Stamps {
  public static final int MAX_KEYWORD = 20;
  public static final int MAX_TITLE = 100;
  public static final int MAX_BODY = 10_000;
  /** Most entries {@link #complete} returns. */
  public static final int COMPLETION_LIMIT = 20;

  private static final Comparator<Stamp> BY_KEY = Comparator.comparing(Stamp::key).thenComparing(Stamp::id);

  private final StampStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private volatile List<Stamp> cache;

  public Stamps(StampStore store, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Every stamp the user may use (own + shared; own wins on the same keyword), by keyword. Reloads the cache. */
  public List<Stamp> forUser(Session session) {
    session.require(Permission.WRITE_CHART);
    return visible(session, reload());
  }

  /** The completion popup: the user's stamps whose normalised keyword starts with the normalised {@code prefix}. */
  public List<Stamp> complete(Session session, String prefix) {
    session.require(Permission.WRITE_CHART);
    String key = SearchFold.keyword(prefix);
    List<Stamp> out = new ArrayList<>();
    for (Stamp s : visible(session, cached())) {
      if (s.key().startsWith(key)) {
        out.add(s);
        if (out.size() == COMPLETION_LIMIT) {
          break;
        }
      }
    }
    return out;
  }

  /** The stamp the user means by exactly this keyword (normalised), own before shared. */
  public Optional<Stamp> lookup(Session session, String keyword) {
    session.require(Permission.WRITE_CHART);
    String key = SearchFold.keyword(keyword);
    return visible(session, cached()).stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** Creates a personal stamp, or a shared one ({@code shared}, doctors only). */
  public Stamp create(Session session, boolean shared, StampKind kind, String keyword, String title, String body) {
    session.require(shared ? Permission.SIGN_CHART : Permission.WRITE_CHART);
    Stamp stamp = checked(0, shared ? Stamp.SHARED : session.username(), kind, keyword, title, body, session);
    return tx.inTransaction(() -> {
      long id = store.insert(stamp).orElseThrow(() -> new InvalidFieldException(ErrorCode.STAMP_KEYWORD_TAKEN, "keyword"));
      Stamp saved = withId(stamp, id);
      record(session, AuditAction.STAMP_CREATED, saved);
      tx.afterCommit(this::reload);
      return saved;
    });
  }

  /** Changes a stamp's kind, keyword, title and body; its owner stays. */
  public Stamp update(Session session, long id, StampKind kind, String keyword, String title, String body) {
    session.require(Permission.WRITE_CHART);
    return tx.inTransaction(() -> {
      Stamp old = mayChange(session, id);
      Stamp stamp = checked(id, old.owner(), kind, keyword, title, body, session);
      if (!store.update(stamp)) {
        throw new InvalidFieldException(ErrorCode.STAMP_KEYWORD_TAKEN, "keyword");
      }
      record(session, AuditAction.STAMP_CHANGED, stamp);
      tx.afterCommit(this::reload);
      return stamp;
    });
  }

  public void delete(Session session, long id) {
    session.require(Permission.WRITE_CHART);
    tx.run(() -> {
      Stamp old = mayChange(session, id);
      store.delete(id);
      record(session, AuditAction.STAMP_DELETED, old);
      tx.afterCommit(this::reload);
    });
  }

  private Stamp mayChange(Session session, long id) {
    Stamp old = store.byId(id).orElseThrow(() -> new TsumugiException(ErrorCode.STAMP_NOT_FOUND, "stamp " + id));
    if (old.shared()) {
      session.require(Permission.SIGN_CHART);
    } else if (!old.owner().equals(session.username())) {
      throw new TsumugiException(ErrorCode.NOT_PERMITTED, "another user's personal stamp " + id);
    }
    return old;
  }

  private Stamp checked(long id, String owner, StampKind kind, String keyword, String title, String body, Session session) {
    if (kind == null) {
      throw new InvalidFieldException(ErrorCode.STAMP_KEYWORD_INVALID, "kind");
    }
    String typed = text("keyword", keyword).strip();
    String key = SearchFold.keyword(typed);
    if (key.isEmpty() || typed.length() > MAX_KEYWORD || key.length() > MAX_KEYWORD || key.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidFieldException(ErrorCode.STAMP_KEYWORD_INVALID, "keyword");
    }
    String name = text("title", title).strip();
    if (name.isEmpty() || name.length() > MAX_TITLE) {
      throw new InvalidFieldException(ErrorCode.STAMP_TITLE_INVALID, "title");
    }
    String content = text("body", body);
    if (content.isBlank() || content.length() > MAX_BODY) {
      throw new InvalidFieldException(ErrorCode.STAMP_BODY_INVALID, "body");
    }
    Instant now = clock.instant();
    return new Stamp(id, owner, kind, typed, key, name, content, now, session.username());
  }

  private static String text(String field, String value) {
    try {
      return ChartText.check(field, value);
    } catch (TsumugiException e) {
      throw new InvalidFieldException(e.errorCode(), field, e);
    }
  }

  private static Stamp withId(Stamp s, long id) {
    return new Stamp(id, s.owner(), s.kind(), s.keyword(), s.key(), s.title(), s.body(), s.updatedAt(), s.updatedBy());
  }

  /** Own and shared stamps, own winning on the same key, sorted by key. */
  private static List<Stamp> visible(Session session, List<Stamp> all) {
    Map<String, Stamp> byKey = new LinkedHashMap<>();
    for (Stamp s : all) {
      if (s.owner().equals(session.username())) {
        byKey.put(s.key(), s);
      }
    }
    for (Stamp s : all) {
      if (s.shared()) {
        byKey.putIfAbsent(s.key(), s);
      }
    }
    List<Stamp> out = new ArrayList<>(byKey.values());
    out.sort(BY_KEY);
    return out;
  }

  private List<Stamp> cached() {
    List<Stamp> c = cache;
    return c != null ? c : reload();
  }

  private List<Stamp> reload() {
    List<Stamp> fresh = List.copyOf(tx.inTransaction(store::all));
    cache = fresh;
    return fresh;
  }

  private void record(Session session, AuditAction action, Stamp stamp) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, "stamp:" + stamp.id(),
        "shared=" + stamp.shared() + ",kind=" + stamp.kind() + ",chars=" + stamp.body().length()));
  }
}
