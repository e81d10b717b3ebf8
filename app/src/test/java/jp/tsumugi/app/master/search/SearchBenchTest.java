package jp.tsumugi.app.master.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SearchBenchTest {
  @Test
  void percentilesUseTheNearestRank() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(SearchBench.percentile(sorted, 50)).isEqualTo(5);
    assertThat(SearchBench.percentile(sorted, 95)).isEqualTo(10);
    assertThat(SearchBench.percentile(new long[] {7}, 99)).isEqualTo(7);
    assertThat(SearchBench.percentile(new long[0], 50)).isZero();
  }

  @Test
  void measuresEveryRunOfEveryQueryWithTheGivenClock() {
    MasterSearchIndex index = MasterSearchIndex.build(List.of(SearchEntry.of(SearchEntry.Kind.DISEASE, "8830417", "胃炎", "イエン")));
    AtomicLong ticks = new AtomicLong();
    SearchBench.QuerySet set = new SearchBench.QuerySet("kana", List.of(SearchQuery.of("いえん", 5), SearchQuery.of("x", 5)));

    List<SearchBench.Result> results = SearchBench.run(index, List.of(set), 1, 3, () -> ticks.addAndGet(10));

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.runs()).isEqualTo(6);
      assertThat(r.p50Nanos()).isEqualTo(10);
      assertThat(r.maxNanos()).isEqualTo(10);
      assertThat(r.totalHits()).isEqualTo(3);
    });
  }
}
