package jp.tsumugi.app.master.search;

/** One ranked search result. */
public record SearchHit(SearchEntry entry, MatchTier tier) {
}
