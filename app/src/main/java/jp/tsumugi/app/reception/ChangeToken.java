package jp.tsumugi.app.reception;

/**
 * A cheap fingerprint of a day's queue: how many status rows and flag rows the day has. Both tables
 * are append-only, so every committed change raises a count, whatever order terminals commit in
 * (a maximum id would miss a lower id committed late).
 */
public record ChangeToken(long statusRows, long flagRows, long visits) {
  public static final ChangeToken NONE = new ChangeToken(-1, -1, -1);
}
