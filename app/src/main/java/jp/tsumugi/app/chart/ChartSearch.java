package jp.tsumugi.app.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Full-text search across every chart of the clinic (全文検索, docs/adr/0027): the S/O/A/P of the latest signed
 * revision of each note and the names of current problems. A query is up to 10 terms, all of which must occur
 * (AND) in one note or problem; a term matches as a substring after {@link SearchFold} (NFKC, lower case,
 * katakana as hiragana), since Japanese has no word boundaries. The newest {@link #LIMIT} hits come back with
 * a snippet of the original text and the hit offsets, plus the total count.
 *
 * <p>The index is in memory: the folded text of every note and problem (no original text), built from the
 * store on first use and kept current by {@link ChartChangeListener} calls after each commit of a note or
 * problem change. Searches scan it (brute force: {@link String#indexOf}); the snippets of the shown hits are
 * folded again from the original text read back from the store. Each search is audited once with the number
 * of terms, the query length and the result count, never the query text (it may hold a patient's name).
 */
public final class ChartSearch implements ChartChangeListener {
  /** Most hits returned. */
  public static final int LIMIT = 100;
  public static final int MAX_TERMS = 10;
  public static final int MAX_QUERY_LENGTH = 200;
  /** Original characters shown before the first hit, and the snippet's length. */
  static final int SNIPPET_BEFORE = 30;
  static final int SNIPPET_LENGTH = 120;

  /** One indexed note or problem; {@code folded == null} marks a tombstone (kept for revision ordering). */
  private record Entry(long recordId, long patientId, long visitId, int epochDay, int revision, boolean problem,
      String folded, int[] fieldStarts, long[] signature) {
  }

  /** Bits of an entry's signature: every character and every pair of adjacent characters of its folded text, hashed. */
  static final int SIGNATURE_BITS = 2048;

  private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparingInt(Entry::epochDay).reversed()
      .thenComparing(Comparator.comparingLong(Entry::visitId).reversed())
      .thenComparing(Comparator.comparingLong(Entry::recordId).reversed());
  private static final SearchField[] NOTE_FIELDS = {SearchField.SUBJECTIVE, SearchField.OBJECTIVE, SearchField.ASSESSMENT,
      SearchField.PLAN};

  private final ChartSearchSource source;
  private final AuditLog audit;
  private final Transactions tx;
  private final Map<Long, Entry> index = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final Object buildMonitor = new Object();
  private boolean building;
  private volatile boolean built;
  private final Set<Long> pendingNotes = new HashSet<>();
  private final Set<Long> pendingProblems = new HashSet<>();
  /** Counts index changes; a scan order is valid for the count it was built at. */
  private final AtomicLong changes = new AtomicLong();
  private volatile ScanOrder scanOrder;
  /** The highest revision id taken in, for catching up with other instances. */
  private final java.util.concurrent.atomic.AtomicLong seenRevision = new java.util.concurrent.atomic.AtomicLong();
  /** How far back each catch-up looks, for revisions committed out of id order. */
  static final int CATCH_UP_WINDOW = 200;
  /** More changes than this since the last search: rebuild instead. */
  static final int CATCH_UP_LIMIT = 5_000;

  private record ScanOrder(long changes, Entry[] entries) {
  }

  public ChartSearch(ChartSearchSource source, AuditLog audit, Transactions tx) {
    this.source = source;
    this.audit = audit;
    this.tx = tx;
  }

  /** Searches every chart; doctors only (SIGN_CHART). Audited once, without the query text. */
  public ChartSearchResult search(Session session, String query) {
    session.require(Permission.SIGN_CHART);
    List<String> terms = terms(query);
    ensureBuilt();
    catchUp();
    int[] required = requiredBits(terms);
    List<Entry> shown = new ArrayList<>();
    int total = 0;
    for (Entry e : snapshot()) {
      if (e.folded() != null && hasBits(e.signature(), required) && containsAll(e.folded(), terms)) {
        total++;
        if (shown.size() < LIMIT) {
          shown.add(e);
        }
      }
    }
    List<ChartSearchHit> hits = tx.inTransaction(() -> hits(shown, terms));
    audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.CHART_SEARCHED, "",
        "terms=" + terms.size() + ",chars=" + query.length() + ",total=" + total + ",shown=" + hits.size()));
    return new ChartSearchResult(hits, total);
  }

  /** The query's folded terms: split at white space, duplicates removed. */
  static List<String> terms(String query) {
    if (query == null || query.length() > MAX_QUERY_LENGTH) {
      throw new TsumugiException(ErrorCode.CHART_SEARCH_QUERY_INVALID, "query length " + (query == null ? 0 : query.length()));
    }
    Set<String> terms = new LinkedHashSet<>();
    for (String t : SearchFold.fold(ChartText.check("query", query)).split("\\s+")) {
      if (!t.isEmpty()) {
        terms.add(t);
      }
    }
    if (terms.isEmpty() || terms.size() > MAX_TERMS) {
      throw new TsumugiException(ErrorCode.CHART_SEARCH_QUERY_INVALID, "terms " + terms.size());
    }
    List<String> ordered = new ArrayList<>(terms);
    // Longer terms are usually rarer: trying them first ends most non-matching notes sooner.
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    return ordered;
  }

  /**
   * Builds the index now if it is not built (it reads every note once: seconds to tens of seconds for a large
   * clinic). Meant for a background thread after a doctor logs in, so the first search does not wait.
   */
  public void warmUp() {
    ensureBuilt();
  }

  /** Indexed notes and problems (not tombstones); builds the index if needed. For the bench and tests. */
  public int indexedCount() {
    ensureBuilt();
    return (int) index.values().stream().filter(e -> e.folded() != null).count();
  }

  /** Forgets the index; the next search rebuilds it from the store (e.g. after another instance wrote charts). */
  public void invalidate() {
    synchronized (lock) {
      if (!building) {
        built = false;
        index.clear();
        changes.incrementAndGet();
      }
    }
  }

  @Override
  public void noteChanged(long recordId) {
    synchronized (lock) {
      if (building) {
        pendingNotes.add(recordId);
        return;
      }
      if (!built) {
        return;
      }
    }
    refreshNote(recordId);
  }

  @Override
  public void problemChanged(long recordId) {
    synchronized (lock) {
      if (building) {
        pendingProblems.add(recordId);
        return;
      }
      if (!built) {
        return;
      }
    }
    refreshProblem(recordId);
  }

  private void ensureBuilt() {
    if (built) {
      return;
    }
    // One thread builds; others asking meanwhile wait here. Changes committed during the build are queued.
    synchronized (buildMonitor) {
      if (built) {
        return;
      }
      synchronized (lock) {
        building = true;
      }
      try {
        tx.run(() -> {
          seenRevision.set(source.lastRevisionId());
          source.forEachNote(n -> put(noteEntry(n)));
          source.forEachProblem(p -> put(problemEntry(p)));
        });
      } catch (RuntimeException e) {
        synchronized (lock) {
          pendingNotes.clear();
          pendingProblems.clear();
          building = false;
        }
        index.clear();
        throw e;
      }
      List<Long> notes;
      List<Long> problems;
      synchronized (lock) {
        notes = new ArrayList<>(pendingNotes);
        problems = new ArrayList<>(pendingProblems);
        pendingNotes.clear();
        pendingProblems.clear();
        building = false;
        built = true;
      }
      notes.forEach(this::refreshNote);
      problems.forEach(this::refreshProblem);
    }
  }

  /**
   * Takes in what other application instances on the same database stored since the last look (this instance's
   * own changes arrive through {@link ChartChangeListener}). Revision ids are handed out before commit, so a
   * transaction can commit a lower id after a higher one: the look goes back {@link #CATCH_UP_WINDOW} ids and
   * refreshes only records whose stored revision is newer than the indexed one.
   */
  private void catchUp() {
    long from = Math.max(0, seenRevision.get() - CATCH_UP_WINDOW);
    List<ChartSearchSource.Change> changes = tx.inTransaction(() -> source.changesAfter(from, CATCH_UP_LIMIT));
    if (changes.size() >= CATCH_UP_LIMIT) {
      // Far behind (a bulk load elsewhere): reading everything again is cheaper than one record at a time.
      invalidate();
      ensureBuilt();
      return;
    }
    for (ChartSearchSource.Change c : changes) {
      Entry known = index.get(c.recordId());
      if (known == null || known.revision() < c.revision()) {
        if (c.problem()) {
          refreshProblem(c.recordId());
        } else {
          refreshNote(c.recordId());
        }
      }
      seenRevision.accumulateAndGet(c.revisionId(), Math::max);
    }
  }

  private void refreshNote(long recordId) {
    tx.inTransaction(() -> source.note(recordId)).ifPresent(n -> put(noteEntry(n)));
  }

  private void refreshProblem(long recordId) {
    tx.inTransaction(() -> source.problem(recordId)).ifPresent(p -> put(problemEntry(p)));
  }

  /** Keeps the higher revision when two refreshes of one record race. */
  private void put(Entry e) {
    index.merge(e.recordId(), e, (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
    changes.incrementAndGet();
  }

  /**
   * The entries newest first, as an array (scanning it is much faster than iterating the map, and the first
   * {@link #LIMIT} matches are the newest ones); rebuilt on the first search after a change.
   */
  private Entry[] snapshot() {
    long now = changes.get();
    ScanOrder order = scanOrder;
    if (order != null && order.changes() == now) {
      return order.entries();
    }
    Entry[] entries = index.values().toArray(new Entry[0]);
    Arrays.sort(entries, NEWEST_FIRST);
    scanOrder = new ScanOrder(now, entries);
    return entries;
  }

  private static Entry noteEntry(ChartSearchSource.SourceNote n) {
    int day = (int) n.visitDate().toEpochDay();
    if (n.tombstone()) {
      return new Entry(n.recordId(), n.patientId(), n.visitId(), day, n.revision(), false, null, null, null);
    }
    String[] fields = fields(n.content());
    StringBuilder folded = new StringBuilder(n.content().length() + 3);
    int[] starts = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        folded.append('\n'); // terms hold no white space, so no hit spans two fields
      }
      starts[i] = folded.length();
      folded.append(SearchFold.fold(fields[i]));
    }
    String text = folded.toString();
    return new Entry(n.recordId(), n.patientId(), n.visitId(), day, n.revision(), false, text, starts, signature(text));
  }

  private static Entry problemEntry(ChartSearchSource.SourceProblem p) {
    String text = p.tombstone() ? null : SearchFold.fold(p.name());
    return new Entry(p.recordId(), p.patientId(), 0, (int) p.startDate().toEpochDay(), p.revision(), true, text, new int[] {0},
        text == null ? null : signature(text));
  }

  private static String[] fields(SoapNote n) {
    return new String[] {n.subjective(), n.objective(), n.assessment(), n.plan()};
  }

  /**
   * A signature (a Bloom filter of one hash function, docs/adr/0027): a note can only contain a term if it has every
   * bit of the term's characters and character pairs. Most notes fail this in a few memory reads, without a scan.
   */
  static long[] signature(String folded) {
    long[] bits = new long[SIGNATURE_BITS / 64];
    for (int i = 0; i < folded.length(); i++) {
      set(bits, unigram(folded.charAt(i)));
      if (i + 1 < folded.length()) {
        set(bits, bigram(folded.charAt(i), folded.charAt(i + 1)));
      }
    }
    return bits;
  }

  static int[] requiredBits(List<String> terms) {
    Set<Integer> bits = new LinkedHashSet<>();
    for (String t : terms) {
      for (int i = 0; i < t.length(); i++) {
        bits.add(unigram(t.charAt(i)));
        if (i + 1 < t.length()) {
          bits.add(bigram(t.charAt(i), t.charAt(i + 1)));
        }
      }
    }
    return bits.stream().mapToInt(Integer::intValue).toArray();
  }

  static boolean hasBits(long[] signature, int[] required) {
    for (int bit : required) {
      if ((signature[bit >>> 6] & (1L << (bit & 63))) == 0) {
        return false;
      }
    }
    return true;
  }

  private static void set(long[] bits, int bit) {
    bits[bit >>> 6] |= 1L << (bit & 63);
  }

  private static int unigram(char c) {
    return (c * 0x9E3779B1) >>> 21;
  }

  private static int bigram(char a, char b) {
    int h = (a << 16 | b) * 0x85EBCA6B;
    return (h ^ h >>> 15) * 0xC2B2AE35 >>> 21;
  }

  private static boolean containsAll(String text, List<String> terms) {
    for (String t : terms) {
      if (text.indexOf(t) < 0) {
        return false;
      }
    }
    return true;
  }

  private List<ChartSearchHit> hits(List<Entry> shown, List<String> terms) {
    Set<Long> patientIds = new HashSet<>();
    shown.forEach(e -> patientIds.add(e.patientId()));
    Map<Long, ChartSearchSource.PatientLabel> labels = source.patients(patientIds);
    List<Long> noteIds = new ArrayList<>();
    shown.stream().filter(e -> !e.problem()).forEach(e -> noteIds.add(e.recordId()));
    Map<Long, ChartSearchSource.SourceNote> originals = source.notes(noteIds);
    List<ChartSearchHit> hits = new ArrayList<>();
    for (Entry e : shown) {
      ChartSearchSource.PatientLabel label = labels.getOrDefault(e.patientId(), new ChartSearchSource.PatientLabel("", ""));
      LocalDate date = LocalDate.ofEpochDay(e.epochDay());
      if (e.problem()) {
        Optional<ChartSearchSource.SourceProblem> p = source.problem(e.recordId());
        if (p.isPresent() && !p.get().tombstone()) {
          snippet(p.get().name(), terms).ifPresent(s -> hits.add(hit(e, label, date, SearchField.PROBLEM, s)));
        }
        continue;
      }
      Optional<ChartSearchSource.SourceNote> n = Optional.ofNullable(originals.get(e.recordId()));
      if (n.isEmpty() || n.get().tombstone()) {
        continue; // changed since the scan; the index will follow after that commit
      }
      String[] fields = fields(n.get().content());
      for (int i = 0; i < fields.length; i++) {
        Optional<Snippet> s = snippet(fields[i], terms);
        if (s.isPresent()) {
          hits.add(hit(e, label, date, NOTE_FIELDS[i], s.get()));
          break;
        }
      }
    }
    return hits;
  }

  private static ChartSearchHit hit(Entry e, ChartSearchSource.PatientLabel label, LocalDate date, SearchField field, Snippet s) {
    return new ChartSearchHit(e.patientId(), label.number(), label.name(), e.recordId(), e.visitId(), date, field, s.text(),
        s.highlights(), s.clippedStart(), s.clippedEnd());
  }

  /** A snippet of one field's original text. */
  record Snippet(String text, List<ChartSearchHit.Range> highlights, boolean clippedStart, boolean clippedEnd) {
  }

  /**
   * The snippet around the first hit of any term in {@code original}, with every term's hits inside it; empty
   * if no term occurs in this field.
   */
  static Optional<Snippet> snippet(String original, List<String> terms) {
    SearchFold.Mapped mapped = SearchFold.foldMapped(original);
    String folded = mapped.text();
    List<int[]> ranges = new ArrayList<>();
    int first = Integer.MAX_VALUE;
    for (String term : terms) {
      int at = folded.indexOf(term);
      while (at >= 0) {
        int start = mapped.originalStart(at);
        ranges.add(new int[] {start, mapped.originalEnd(at + term.length())});
        first = Math.min(first, start);
        at = folded.indexOf(term, at + 1);
      }
    }
    if (ranges.isEmpty()) {
      return Optional.empty();
    }
    int from = Math.max(0, first - SNIPPET_BEFORE);
    int to = Math.min(original.length(), from + SNIPPET_LENGTH);
    if (from > 0 && Character.isLowSurrogate(original.charAt(from))) {
      from--;
    }
    if (to < original.length() && Character.isLowSurrogate(original.charAt(to))) {
      to++;
    }
    ranges.sort(Comparator.comparingInt((int[] r) -> r[0]).thenComparingInt(r -> r[1]));
    List<ChartSearchHit.Range> highlights = new ArrayList<>();
    int lastEnd = -1;
    for (int[] r : ranges) {
      if (r[0] < from || r[1] > to) {
        continue;
      }
      if (r[0] < lastEnd) {
        // overlapping hits (e.g. "かぜ" and "ぜん"): merge into the previous highlight
        ChartSearchHit.Range prev = highlights.remove(highlights.size() - 1);
        lastEnd = Math.max(lastEnd, r[1]);
        highlights.add(new ChartSearchHit.Range(prev.start(), lastEnd - from));
        continue;
      }
      highlights.add(new ChartSearchHit.Range(r[0] - from, r[1] - from));
      lastEnd = r[1];
    }
    String text = original.substring(from, to).replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return Optional.of(new Snippet(text, highlights, from > 0, to < original.length()));
  }
}
