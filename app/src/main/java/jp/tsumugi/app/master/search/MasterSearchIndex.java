package jp.tsumugi.app.master.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.common.KanaFolding;

/**
 * An immutable in-memory index over the masters for the "type a few letters, pick an item" search
 * (docs/adr/0010). Safe to share between threads once built.
 *
 * <p>Ranking: {@link MatchTier} first (exact code, code prefix, name/kana prefix, substring), then
 * the clinic's usage count (higher first), then kana order. The query is folded with
 * {@link KanaFolding}; a query of digits only searches codes only, a query of ASCII letters and
 * digits searches codes and names, any other query searches names, kana and 一般名 only.
 *
 * <p>Structures: entries are numbered in kana order, so an entry id doubles as the kana tie-break.
 * Code keys and text keys are two sorted arrays searched by binary search for prefixes. Substrings
 * use posting lists of single characters and character bigrams (one compressed array each), verified
 * against the folded texts; at most {@value #MAX_SUBSTRING_CANDIDATES} candidates are verified.
 */
public final class MasterSearchIndex {
  /** Upper bound on substring candidates verified per query; beyond it the substring tier is cut (in kana order). */
  static final int MAX_SUBSTRING_CANDIDATES = 20_000;

  private final SearchEntry[] entries;
  /** Folded name, kana and name-like extra keys per entry id, for substring verification. */
  private final String[][] texts;
  private final String[] codeKeys;
  private final int[] codeIds;
  private final String[] textKeys;
  private final int[] textIds;
  /** Posting lists: sorted gram keys (see Postings.unigram and Postings.bigram), row starts, entry ids. */
  private final long[] gramKeys;
  private final int[] gramStarts;
  private final int[] gramIds;

  private MasterSearchIndex(SearchEntry[] entries, String[][] texts, KeyArray codes, KeyArray names, Postings postings) {
    this.entries = entries;
    this.texts = texts;
    this.codeKeys = codes.keys;
    this.codeIds = codes.ids;
    this.textKeys = names.keys;
    this.textIds = names.ids;
    this.gramKeys = postings.keys;
    this.gramStarts = postings.starts;
    this.gramIds = postings.ids;
  }

  /** Builds the index. Entries with the same kind and code are all kept (the caller decides which revision to pass). */
  public static MasterSearchIndex build(Collection<SearchEntry> source) {
    int n = source.size();
    SortRow[] rows = new SortRow[n];
    int i = 0;
    for (SearchEntry e : source) {
      String kanaKey = KanaFolding.fold(e.kana());
      rows[i++] = new SortRow(e, kanaKey.isEmpty() ? KanaFolding.fold(e.name()) : kanaKey);
    }
    Arrays.sort(rows, Comparator.comparing((SortRow r) -> r.sortKey)
        .thenComparing(r -> r.entry.kind())
        .thenComparing(r -> r.entry.code()));
    SearchEntry[] entries = new SearchEntry[n];
    String[][] texts = new String[n][];
    KeyArray.Builder codes = new KeyArray.Builder();
    KeyArray.Builder names = new KeyArray.Builder();
    Postings.Builder grams = new Postings.Builder();
    for (int id = 0; id < n; id++) {
      SearchEntry e = rows[id].entry;
      entries[id] = e;
      Set<String> codeSet = new LinkedHashSet<>();
      Set<String> textSet = new LinkedHashSet<>();
      addNonEmpty(codeSet, KanaFolding.fold(e.code()));
      addNonEmpty(textSet, KanaFolding.fold(e.name()));
      addNonEmpty(textSet, rows[id].sortKey);
      for (String extra : e.extraKeys()) {
        String folded = KanaFolding.fold(extra);
        if (isAsciiAlnum(folded)) {
          codeSet.add(folded);
        } else {
          addNonEmpty(textSet, stripLeadingBracket(folded));
        }
      }
      for (String k : codeSet) {
        codes.add(k, id);
      }
      for (String k : textSet) {
        names.add(k, id);
        grams.addText(k, id);
      }
      texts[id] = textSet.toArray(new String[0]);
      grams.endEntry();
    }
    return new MasterSearchIndex(entries, texts, codes.build(), names.build(), grams.build());
  }

  /** Number of entries indexed. */
  public int size() {
    return entries.length;
  }

  /** The entry of this kind with exactly this code (live preferred over abolished), if any. */
  public Optional<SearchEntry> find(SearchEntry.Kind kind, String code) {
    String key = KanaFolding.fold(code);
    SearchEntry abolished = null;
    for (int p = lowerBound(codeKeys, key); p < codeKeys.length && codeKeys[p].equals(key); p++) {
      SearchEntry e = entries[codeIds[p]];
      if (e.kind() == kind && e.code().equals(code)) {
        if (!e.abolished()) {
          return Optional.of(e);
        }
        abolished = e;
      }
    }
    return Optional.ofNullable(abolished);
  }

  /** Ranked hits for the query, at most {@code query.limit()}. */
  public List<SearchHit> search(SearchQuery query) {
    String q = KanaFolding.fold(query.text());
    if (q.isEmpty()) {
      return List.of();
    }
    Collector c = new Collector(query);
    if (isAsciiAlnum(q)) {
      collectCodes(q, c);
    }
    if (!isDigits(q) && !c.full()) {
      collectPrefixes(q, c);
      if (!c.full()) {
        collectSubstrings(q, c);
      }
    }
    return c.hits;
  }

  private void collectCodes(String q, Collector c) {
    int p = lowerBound(codeKeys, q);
    IntList exact = new IntList();
    IntList prefix = new IntList();
    for (; p < codeKeys.length && codeKeys[p].startsWith(q); p++) {
      int id = codeIds[p];
      if (c.admit(id)) {
        (codeKeys[p].length() == q.length() ? exact : prefix).add(id);
      }
    }
    c.emit(exact, MatchTier.EXACT_CODE);
    if (!c.full()) {
      c.emit(prefix, MatchTier.CODE_PREFIX);
    }
  }

  private void collectPrefixes(String q, Collector c) {
    IntList prefix = new IntList();
    for (int p = lowerBound(textKeys, q); p < textKeys.length && textKeys[p].startsWith(q); p++) {
      int id = textIds[p];
      if (c.admit(id)) {
        prefix.add(id);
      }
    }
    c.emit(prefix, MatchTier.NAME_PREFIX);
  }

  private void collectSubstrings(String q, Collector c) {
    IntList found = new IntList();
    int wanted = c.remaining();
    boolean stopEarly = c.query.usage() == UsageCounts.NONE;
    if (q.length() == 1) {
      int g = gramIndex(q.charAt(0));
      if (g < 0) {
        return;
      }
      for (int p = gramStarts[g]; p < gramStarts[g + 1] && found.size < MAX_SUBSTRING_CANDIDATES; p++) {
        int id = gramIds[p];
        if (c.admit(id)) {
          found.add(id);
          if (stopEarly && found.size >= wanted) {
            break;
          }
        }
      }
    } else {
      int best = -1;
      int second = -1;
      for (int k = 0; k + 1 < q.length(); k++) {
        int g = gramIndex(q.charAt(k), q.charAt(k + 1));
        if (g < 0) {
          return;
        }
        if (best < 0 || postingLength(g) < postingLength(best)) {
          second = best;
          best = g;
        } else if (g != best && (second < 0 || postingLength(g) < postingLength(second))) {
          second = g;
        }
      }
      int verified = 0;
      for (int p = gramStarts[best]; p < gramStarts[best + 1] && verified < MAX_SUBSTRING_CANDIDATES; p++) {
        int id = gramIds[p];
        if (second >= 0 && Arrays.binarySearch(gramIds, gramStarts[second], gramStarts[second + 1], id) < 0) {
          continue;
        }
        if (!c.admit(id)) {
          continue;
        }
        verified++;
        if (containsInTexts(id, q)) {
          found.add(id);
          if (stopEarly && found.size >= wanted) {
            break;
          }
        } else {
          c.unadmit(id);
        }
      }
    }
    c.emit(found, MatchTier.SUBSTRING);
  }

  private boolean containsInTexts(int id, String q) {
    for (String t : texts[id]) {
      if (t.contains(q)) {
        return true;
      }
    }
    return false;
  }

  private int postingLength(int g) {
    return gramStarts[g + 1] - gramStarts[g];
  }

  private int gramIndex(char c) {
    int g = Arrays.binarySearch(gramKeys, Postings.unigram(c));
    return g < 0 ? -1 : g;
  }

  private int gramIndex(char c1, char c2) {
    int g = Arrays.binarySearch(gramKeys, Postings.bigram(c1, c2));
    return g < 0 ? -1 : g;
  }

  private static int lowerBound(String[] keys, String q) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid].compareTo(q) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static boolean isAsciiAlnum(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** 一般名処方 texts start with 【般】; drop such a leading 【…】 so that the ingredient name is a prefix. */
  private static String stripLeadingBracket(String s) {
    if (s.startsWith("【")) {
      int end = s.indexOf('】');
      if (end > 0) {
        return s.substring(end + 1);
      }
    }
    return s;
  }

  private static void addNonEmpty(Set<String> set, String s) {
    if (!s.isEmpty()) {
      set.add(s);
    }
  }

  private static final class SortRow {
    final SearchEntry entry;
    final String sortKey;

    SortRow(SearchEntry entry, String sortKey) {
      this.entry = entry;
      this.sortKey = sortKey;
    }
  }

  /** Per-query state: which entries are already taken, and the hits so far. */
  private final class Collector {
    final SearchQuery query;
    final BitSet taken = new BitSet(entries.length);
    final List<SearchHit> hits = new ArrayList<>();

    Collector(SearchQuery query) {
      this.query = query;
    }

    /** Marks the entry taken if it passes the filters and no better tier has it; true if admitted. */
    boolean admit(int id) {
      if (taken.get(id)) {
        return false;
      }
      SearchEntry e = entries[id];
      if (!query.accepts(e.kind()) || e.abolished() && !query.includeAbolished()) {
        return false;
      }
      taken.set(id);
      return true;
    }

    void unadmit(int id) {
      taken.clear(id);
    }

    int remaining() {
      return query.limit() - hits.size();
    }

    boolean full() {
      return hits.size() >= query.limit();
    }

    /** Adds the tier's hits ordered by usage (descending), then id (kana order). */
    void emit(IntList ids, MatchTier tier) {
      if (ids.size == 0) {
        return;
      }
      long[] keys = new long[ids.size];
      boolean usage = query.usage() != UsageCounts.NONE;
      for (int k = 0; k < ids.size; k++) {
        int id = ids.values[k];
        int uses = usage ? Math.max(0, query.usage().count(entries[id].code())) : 0;
        keys[k] = ((long) (Integer.MAX_VALUE - uses) << 32) | id;
      }
      Arrays.sort(keys);
      int take = Math.min(keys.length, remaining());
      for (int k = 0; k < take; k++) {
        hits.add(new SearchHit(entries[(int) keys[k]], tier));
      }
    }
  }

  /** A growable int array. */
  static final class IntList {
    int[] values = new int[16];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  /** Sorted (key, entry id) pairs. */
  private static final class KeyArray {
    final String[] keys;
    final int[] ids;

    KeyArray(String[] keys, int[] ids) {
      this.keys = keys;
      this.ids = ids;
    }

    static final class Builder {
      private final List<String> keys = new ArrayList<>();
      private final IntList ids = new IntList();

      void add(String key, int id) {
        keys.add(key);
        ids.add(id);
      }

      KeyArray build() {
        Integer[] order = new Integer[keys.size()];
        for (int k = 0; k < order.length; k++) {
          order[k] = k;
        }
        Arrays.sort(order, Comparator.comparing((Integer k) -> keys.get(k)).thenComparingInt(k -> ids.values[k]));
        String[] sortedKeys = new String[order.length];
        int[] sortedIds = new int[order.length];
        for (int k = 0; k < order.length; k++) {
          sortedKeys[k] = keys.get(order[k]);
          sortedIds[k] = ids.values[order[k]];
        }
        return new KeyArray(sortedKeys, sortedIds);
      }
    }
  }

  /** Posting lists of characters and character bigrams, in compressed-row form. */
  private static final class Postings {
    final long[] keys;
    final int[] starts;
    final int[] ids;

    Postings(long[] keys, int[] starts, int[] ids) {
      this.keys = keys;
      this.starts = starts;
      this.ids = ids;
    }

    static long unigram(char c) {
      return c;
    }

    static long bigram(char c1, char c2) {
      return (1L << 32) | ((long) c1 << 16) | c2;
    }

    static final class Builder {
      private long[] pairs = new long[1 << 16];
      private int size;
      private int entryStart;

      /** Adds the grams of one text of the current entry (entry ids must be added in increasing order). */
      void addText(String text, int id) {
        for (int k = 0; k < text.length(); k++) {
          add(unigram(text.charAt(k)), id);
          if (k + 1 < text.length()) {
            add(bigram(text.charAt(k), text.charAt(k + 1)), id);
          }
        }
      }

      /** Removes the current entry's duplicate grams, keeping the pair array small while building. */
      void endEntry() {
        Arrays.sort(pairs, entryStart, size);
        int w = entryStart;
        for (int r = entryStart; r < size; r++) {
          if (w == entryStart || pairs[w - 1] != pairs[r]) {
            pairs[w++] = pairs[r];
          }
        }
        size = w;
        entryStart = size;
      }

      private void add(long gram, int id) {
        if (size == pairs.length) {
          pairs = Arrays.copyOf(pairs, size * 2);
        }
        // gram needs at most 33 bits; 30 bits are left for the id (a billion entries).
        pairs[size++] = (gram << 30) | id;
      }

      Postings build() {
        long[] sorted = Arrays.copyOf(pairs, size);
        pairs = null;
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
          if (k == 0 || sorted[k] >>> 30 != sorted[k - 1] >>> 30) {
            distinct++;
          }
        }
        long[] keys = new long[distinct];
        int[] starts = new int[distinct + 1];
        int[] ids = new int[sorted.length];
        int g = -1;
        for (int k = 0; k < sorted.length; k++) {
          long gram = sorted[k] >>> 30;
          if (g < 0 || keys[g] != gram) {
            keys[++g] = gram;
            starts[g] = k;
          }
          ids[k] = (int) (sorted[k] & ((1L << 30) - 1));
        }
        starts[distinct] = sorted.length;
        return new Postings(keys, starts, ids);
      }
    }
  }
}
