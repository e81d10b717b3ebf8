package jp.tsumugi.app.chart;

import java.util.List;

/** The newest {@link ChartSearch#LIMIT} hits, newest first, and how many notes and problems matched in all. */
public record ChartSearchResult(List<ChartSearchHit> hits, int total) {
  public ChartSearchResult {
    hits = List.copyOf(hits);
  }

  public boolean truncated() {
    return total > hits.size();
  }
}
