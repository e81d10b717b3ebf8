package jp.tsumugi.app.master;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The six SSK basic masters (基本マスター). Each publishes its own column layout; the numbers here are
 * 1-based column numbers as in docs/reference/billing-rules.md §2.
 */
public enum MasterKind {
  /** 医科診療行為. */
  S('S', Set.of(150), 87, 88, 0),
  /** 医薬品. */
  Y('Y', Set.of(40, 42), 30, 31, 0),
  /** 特定器材. */
  T('T', Set.of(38), 28, 30, 0),
  /** コメント. */
  C('C', Set.of(30), 21, 22, 0),
  /** 傷病名. */
  B('B', Set.of(46), 23, 24, 22),
  /** 修飾語. */
  Z('Z', Set.of(19), 15, 16, 14);

  private final char letter;
  private final Set<Integer> columnCounts;
  private final int changedOnColumn;
  private final int abolishedOnColumn;
  private final int listedOnColumn;

  MasterKind(char letter, Set<Integer> columnCounts, int changedOnColumn, int abolishedOnColumn, int listedOnColumn) {
    this.letter = letter;
    this.columnCounts = columnCounts;
    this.changedOnColumn = changedOnColumn;
    this.abolishedOnColumn = abolishedOnColumn;
    this.listedOnColumn = listedOnColumn;
  }

  /** The マスター種別 letter in column 2 ("S", "Y", …). */
  public char letter() {
    return letter;
  }

  /** Column counts a file of this master may have (医薬品 grew from 40 to 42 columns in 2024-09). */
  public Set<Integer> columnCounts() {
    return columnCounts;
  }

  /** 変更年月日. */
  public int changedOnColumn() {
    return changedOnColumn;
  }

  /** 廃止年月日 ("99999999" = in force). */
  public int abolishedOnColumn() {
    return abolishedOnColumn;
  }

  /** 収載年月日, or 0 when the master has none. Used as the start of validity when 変更年月日 is blank. */
  public int listedOnColumn() {
    return listedOnColumn;
  }

  public static Optional<MasterKind> ofLetter(String letter) {
    for (MasterKind kind : values()) {
      if (letter.length() == 1 && Character.toUpperCase(letter.charAt(0)) == kind.letter) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The lower-case prefix of the published file names ("s" in s_ALL20240531.csv). */
  public String filePrefix() {
    return String.valueOf(letter).toLowerCase(Locale.ROOT);
  }
}
