package jp.tsumugi.app.master;

import java.util.List;

/**
 * Every column of one master revision after merging a diff onto the previous revision, as published
 * (text, no trimming). Kept so that later features can read columns nobody maps yet without a
 * re-import. Columns are numbered from 1 like the SSK layouts; a column past the end reads as "".
 */
public record RawRow(List<String> columns) {
  public RawRow {
    columns = List.copyOf(columns);
  }

  public String column(int oneBased) {
    return oneBased >= 1 && oneBased <= columns.size() ? columns.get(oneBased - 1) : "";
  }

  public int size() {
    return columns.size();
  }
}
