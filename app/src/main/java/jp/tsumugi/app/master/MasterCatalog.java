package jp.tsumugi.app.master;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.search.ComposedDisease;
import jp.tsumugi.app.master.search.DiseaseModifier;
import jp.tsumugi.app.master.search.DiseaseNameComposer;
import jp.tsumugi.app.master.search.MasterSearchIndex;
import jp.tsumugi.app.master.search.SearchEntries;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchHit;
import jp.tsumugi.app.master.search.SearchQuery;
import jp.tsumugi.app.master.search.UsageCounts;

/**
 * Use case: searching the official masters as of a date, composing disease names with 修飾語, and
 * resolving a code for an old record. The in-memory index for today is built once from the store and
 * rebuilt after an import or when the date changes; other dates get an index of their own.
 */
public final class MasterCatalog {
  private final MasterRepository masters;
  private final MasterUsage usage;
  private final Clock clock;
  private volatile Snapshot today;
  private volatile Snapshot other;
  private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

  /** An index and a composer over the masters as they stood on {@code asOf}. */
  public record Snapshot(LocalDate asOf, MasterSearchIndex index, DiseaseNameComposer composer,
      Map<String, DiseaseModifier> modifiers) {
  }

  public MasterCatalog(MasterRepository masters, MasterUsage usage, Clock clock) {
    this.masters = masters;
    this.usage = usage;
    this.clock = clock;
  }

  /** Ranked hits; usage counts of this clinic break ties. */
  public List<SearchHit> search(SearchQuery query, LocalDate asOf) {
    Snapshot snapshot = snapshot(asOf);
    Map<String, Integer> counts = new HashMap<>();
    for (SearchEntry.Kind kind : query.kinds().isEmpty() ? List.of(SearchEntry.Kind.values()) : query.kinds()) {
      counts.putAll(usage.counts(SearchEntries.masterKindOf(kind)));
    }
    SearchQuery ranked = counts.isEmpty() ? query : query.withUsage(UsageCounts.of(counts));
    return snapshot.index().search(ranked);
  }

  public List<SearchHit> search(SearchQuery query) {
    return search(query, LocalDate.now(clock));
  }

  /**
   * A disease with 修飾語 (by code) composed into the standard name; resolves to the master's own single
   * code where one exists (急性 + 胃腸炎 → 急性胃腸炎).
   */
  public ComposedDisease compose(String diseaseCode, List<String> modifierCodes, LocalDate asOf) {
    Snapshot snapshot = snapshot(asOf);
    SearchEntry disease = snapshot.index().find(SearchEntry.Kind.DISEASE, diseaseCode)
        .orElseThrow(() -> new TsumugiException(ErrorCode.MASTER_CODE_UNKNOWN, "disease " + diseaseCode));
    List<DiseaseModifier> chosen = new ArrayList<>();
    for (String code : modifierCodes) {
      DiseaseModifier modifier = snapshot.modifiers().get(code);
      if (modifier == null) {
        throw new TsumugiException(ErrorCode.MASTER_CODE_UNKNOWN, "modifier " + code);
      }
      chosen.add(modifier);
    }
    return snapshot.composer().compose(disease, chosen);
  }

  /** Typed text such as 右変形性膝関節症 split into 修飾語 and one master disease, where it can be. */
  public Optional<ComposedDisease> parseDisease(String typed, LocalDate asOf) {
    return snapshot(asOf).composer().parse(typed);
  }

  /** The record a code stood for on a date: how old records resolve, abolished items included. */
  public Optional<MasterRecord> resolve(MasterKind kind, String code, LocalDate asOf) {
    Optional<MasterRecord> inForce = masters.find(kind, code, asOf);
    if (inForce.isPresent()) {
      return inForce;
    }
    List<MasterRecord> history = masters.history(kind, code);
    MasterRecord latestStarted = null;
    for (MasterRecord r : history) {
      if (r.validity().startedBy(asOf)) {
        latestStarted = r;
      }
    }
    return Optional.ofNullable(latestStarted);
  }

  /** The item was chosen for a record: it ranks higher next time. */
  public void recordUse(SearchEntry.Kind kind, String code) {
    usage.recordUse(SearchEntries.masterKindOf(kind), code);
  }

  /** Drops the indexes (after an import); the next search builds them again. */
  public void invalidate() {
    generation.incrementAndGet();
    today = null;
    other = null;
  }

  /** The snapshot for a date, built when missing (about a second for the full masters). */
  public Snapshot snapshot(LocalDate asOf) {
    LocalDate now = LocalDate.now(clock);
    Snapshot cached = asOf.equals(now) ? today : other;
    if (cached != null && cached.asOf().equals(asOf)) {
      return cached;
    }
    long started = generation.get();
    Snapshot built = build(asOf);
    // A build that overlapped an import describes the masters before it: use it once, never cache it.
    synchronized (this) {
      if (generation.get() == started) {
        if (asOf.equals(now)) {
          today = built;
        } else {
          other = built;
        }
      }
    }
    return built;
  }

  private Snapshot build(LocalDate asOf) {
    List<SearchEntry> entries = new ArrayList<>();
    List<SearchEntry> diseases = new ArrayList<>();
    Map<String, DiseaseModifier> modifiers = new HashMap<>();
    Map<MasterKind, Integer> counts = new EnumMap<>(MasterKind.class);
    for (MasterKind kind : MasterKind.values()) {
      masters.forEachLatest(kind, latest -> {
        MasterRecord record = latest;
        if (!latest.validity().startedBy(asOf)) {
          // The latest revision starts later: use the one in force on the date, if the code existed then.
          record = masters.find(kind, latest.code(), asOf).orElse(null);
          if (record == null) {
            return;
          }
        }
        boolean abolished = SearchEntries.abolishedOn(record, asOf);
        SearchEntry entry = SearchEntries.of(record, abolished);
        entries.add(entry);
        counts.merge(kind, 1, Integer::sum);
        if (kind == MasterKind.B && !abolished) {
          diseases.add(entry);
        } else if (kind == MasterKind.Z && !abolished) {
          modifiers.put(record.code(), SearchEntries.modifier((ModifierRecord) record));
        }
      });
    }
    return new Snapshot(asOf, MasterSearchIndex.build(entries), new DiseaseNameComposer(diseases, modifiers.values()),
        Map.copyOf(modifiers));
  }
}
