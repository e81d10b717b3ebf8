package jp.tsumugi.app.master.search.bench;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.tsumugi.app.master.search.MasterFiles;
import jp.tsumugi.app.master.search.MasterSearchIndex;
import jp.tsumugi.app.master.search.SearchBench;
import jp.tsumugi.app.master.search.SearchEntry;
import jp.tsumugi.app.master.search.SearchQuery;
import jp.tsumugi.app.master.search.UsageCounts;

/**
 * Latency and heap benchmark over the real masters. Not a test. Run after {@code mvn -o -q -pl app test-compile}:
 * {@code java -Xmx512m -cp app/target/classes:app/target/test-classes jp.tsumugi.app.master.search.bench.MasterSearchBenchMain}
 * (add {@code -Dshared.dir=...} when ../shared is not next to the project; an argument n repeats the masters n times).
 */
public final class MasterSearchBenchMain {
  private static final int LIMIT = 50;

  private MasterSearchBenchMain() {
  }

  public static void main(String[] args) {
    long base = usedHeapAfterGc();
    List<SearchEntry> entries = scaled(MasterFiles.locate().all(), args.length > 0 ? Integer.parseInt(args[0]) : 1);
    long loaded = usedHeapAfterGc();
    long start = System.nanoTime();
    MasterSearchIndex index = MasterSearchIndex.build(entries);
    long buildMillis = (System.nanoTime() - start) / 1_000_000;
    long built = usedHeapAfterGc();

    Random random = new Random(20240601);
    List<SearchQuery> hiragana1 = new ArrayList<>();
    for (char c : "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん".toCharArray()) {
      hiragana1.add(SearchQuery.of(String.valueOf(c), LIMIT));
    }
    UsageCounts usage = usage(entries, random);
    List<SearchBench.QuerySet> sets = new ArrayList<>();
    sets.add(new SearchBench.QuerySet("kana prefix 1 char (hiragana)", hiragana1));
    for (int len = 2; len <= 4; len++) {
      sets.add(new SearchBench.QuerySet("kana prefix " + len + " chars", kanaPrefixes(entries, random, len, 300, null)));
    }
    sets.add(new SearchBench.QuerySet("kana prefix 1-4, with usage", kanaPrefixes(entries, random, 0, 300, usage)));
    sets.add(new SearchBench.QuerySet("kana prefix 2, drugs only", kanaPrefixes(entries, random, 2, 300, null).stream()
        .map(q -> q.withKinds(SearchEntry.Kind.DRUG)).toList()));
    sets.add(new SearchBench.QuerySet("code prefix 1-9 digits", codePrefixes(entries, random, 300)));
    sets.add(new SearchBench.QuerySet("YJ / ICD-10 prefix", extraPrefixes(entries, random, 300)));
    sets.add(new SearchBench.QuerySet("substring 2-3 chars of names", substrings(entries, random, 300, null)));
    sets.add(new SearchBench.QuerySet("substring 2-3, with usage", substrings(entries, random, 300, usage)));

    List<SearchBench.Result> results = SearchBench.run(index, sets, 5, 20, System::nanoTime);

    System.out.printf("entries %,d; build %,d ms; heap after GC: base %,d MB, entries loaded %,d MB, index built %,d MB"
        + " (index structures %,d MB, entries %,d MB)%n", index.size(), buildMillis, mb(base), mb(loaded), mb(built),
        mb(built - loaded), mb(loaded - base));
    System.out.printf("%-34s %7s %7s %9s %9s %9s %9s %9s%n", "query set", "queries", "runs", "p50 us", "p95 us", "p99 us", "max us",
        "hits/q");
    for (SearchBench.Result r : results) {
      System.out.printf("%-34s %7d %7d %9d %9d %9d %9d %9d%n", r.name(), r.queries(), r.runs(), r.p50Nanos() / 1000,
          r.p95Nanos() / 1000, r.p99Nanos() / 1000, r.maxNanos() / 1000, r.totalHits() / r.runs());
    }
    // The entries must stay reachable so that "index structures" measures only what the index adds.
    Reference.reachabilityFence(entries);
  }

  /** The masters repeated {@code factor} times (copies get a suffixed code), to see how latency scales. */
  private static List<SearchEntry> scaled(List<SearchEntry> real, int factor) {
    List<SearchEntry> out = new ArrayList<>(real);
    for (int copy = 1; copy < factor; copy++) {
      for (SearchEntry e : real) {
        out.add(new SearchEntry(e.kind(), e.code() + "C" + copy, e.name() + copy, e.kana(), e.extraKeys(), e.abolished()));
      }
    }
    return out;
  }

  private static UsageCounts usage(List<SearchEntry> entries, Random random) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 800; i++) {
      counts.put(entries.get(random.nextInt(entries.size())).code(), 1 + random.nextInt(200));
    }
    return UsageCounts.of(counts);
  }

  /** Prefixes of real kana, converted to hiragana where full-width, so the folding is exercised. */
  private static List<SearchQuery> kanaPrefixes(List<SearchEntry> entries, Random random, int fixedLength, int count, UsageCounts usage) {
    List<SearchQuery> out = new ArrayList<>();
    while (out.size() < count) {
      String kana = entries.get(random.nextInt(entries.size())).kana();
      int len = fixedLength > 0 ? fixedLength : 1 + random.nextInt(4);
      if (kana.length() < len) {
        continue;
      }
      StringBuilder q = new StringBuilder();
      for (char c : kana.substring(0, len).toCharArray()) {
        q.append(c >= 'ァ' && c <= 'ヶ' && random.nextBoolean() ? (char) (c - 0x60) : c);
      }
      SearchQuery query = SearchQuery.of(q.toString(), LIMIT);
      out.add(usage == null ? query : query.withUsage(usage));
    }
    return out;
  }

  private static List<SearchQuery> codePrefixes(List<SearchEntry> entries, Random random, int count) {
    List<SearchQuery> out = new ArrayList<>();
    while (out.size() < count) {
      String code = entries.get(random.nextInt(entries.size())).code();
      out.add(SearchQuery.of(code.substring(0, 1 + random.nextInt(code.length())), LIMIT));
    }
    return out;
  }

  private static List<SearchQuery> extraPrefixes(List<SearchEntry> entries, Random random, int count) {
    List<SearchQuery> out = new ArrayList<>();
    while (out.size() < count) {
      List<String> extras = entries.get(random.nextInt(entries.size())).extraKeys();
      if (extras.isEmpty() || !extras.get(0).matches("[0-9A-Z]+")) {
        continue;
      }
      String key = extras.get(0);
      out.add(SearchQuery.of(key.substring(0, Math.min(key.length(), 2 + random.nextInt(6))), LIMIT));
    }
    return out;
  }

  private static List<SearchQuery> substrings(List<SearchEntry> entries, Random random, int count, UsageCounts usage) {
    List<SearchQuery> out = new ArrayList<>();
    while (out.size() < count) {
      String name = entries.get(random.nextInt(entries.size())).name();
      int len = 2 + random.nextInt(2);
      if (name.length() < len + 2) {
        continue;
      }
      int from = 1 + random.nextInt(name.length() - len - 1);
      SearchQuery query = SearchQuery.of(name.substring(from, from + len), LIMIT);
      out.add(usage == null ? query : query.withUsage(usage));
    }
    return out;
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }
}
