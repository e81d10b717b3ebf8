package jp.tsumugi.app.master.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Measures search latency per query set (p50, p95, p99, max). Pure: the caller supplies the index,
 * the queries and the nanosecond clock, and prints the result. Not a unit test: timings depend on the
 * machine; the runnable entry point lives in the test sources (MasterSearchBenchMain).
 */
public final class SearchBench {
  private SearchBench() {
  }

  /** A named list of queries, e.g. "kana prefix, 2 chars". */
  public record QuerySet(String name, List<SearchQuery> queries) {
    public QuerySet {
      Objects.requireNonNull(name, "name");
      queries = List.copyOf(queries);
    }
  }

  /** Latencies of one query set in nanoseconds, over every measured run of every query. */
  public record Result(String name, int queries, int runs, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos, long totalHits) {
  }

  /**
   * Runs every query {@code warmupRounds} times unmeasured, then {@code measuredRounds} times measured.
   *
   * @param nanoTime a monotonic clock in nanoseconds (System::nanoTime)
   */
  public static List<Result> run(MasterSearchIndex index, List<QuerySet> sets, int warmupRounds, int measuredRounds,
      LongSupplier nanoTime) {
    if (measuredRounds < 1 || warmupRounds < 0) {
      throw new IllegalArgumentException("rounds");
    }
    for (int w = 0; w < warmupRounds; w++) {
      for (QuerySet set : sets) {
        for (SearchQuery q : set.queries()) {
          index.search(q);
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (QuerySet set : sets) {
      long[] samples = new long[set.queries().size() * measuredRounds];
      long hits = 0;
      int k = 0;
      for (int r = 0; r < measuredRounds; r++) {
        for (SearchQuery q : set.queries()) {
          long start = nanoTime.getAsLong();
          int found = index.search(q).size();
          samples[k++] = nanoTime.getAsLong() - start;
          hits += found;
        }
      }
      Arrays.sort(samples);
      results.add(new Result(set.name(), set.queries().size(), samples.length, percentile(samples, 50), percentile(samples, 95),
          percentile(samples, 99), samples.length == 0 ? 0 : samples[samples.length - 1], hits));
    }
    return results;
  }

  /** Nearest-rank percentile of sorted samples (0 when there are none). */
  static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) (((long) percent * sorted.length + 99) / 100);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
