package jp.tsumugi.app.chart;

/**
 * The state a revision was saved in. "Amended" (修正) is not stored: a revision is superseded when a
 * later one exists. A draft (下書き) is not a revision at all; it lives in its own mutable table.
 */
public enum RevisionState {
  /** 確定: signed off by a doctor. */
  SIGNED,
  /** 削除: the record is deleted from here on; earlier revisions stay readable. */
  TOMBSTONE
}
