package jp.tsumugi.app.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A readable line-based diff: the longest common subsequence of lines, after trimming the common head
 * and tail. Lines are the text split at '\n' (so a trailing newline shows as a last empty line), and
 * {@link #apply} rebuilds the new text exactly from the old one.
 */
public final class TextDiff {
  /** Above this many LCS cells (middle part only) the middle is shown as deleted then inserted: still exact, less tidy. */
  static final long MAX_CELLS = 4_000_000L;

  /** What happened to a line. */
  public enum Op {
    EQUAL,
    DELETE,
    INSERT
  }

  /** One line of the diff. */
  public record Line(Op op, String text) {
    public Line {
      Objects.requireNonNull(op);
      Objects.requireNonNull(text);
    }
  }

  /** A run of characters within a changed line: kept, removed or added. */
  public record Segment(Op op, String text) {
    public Segment {
      Objects.requireNonNull(op);
      Objects.requireNonNull(text);
    }
  }

  private TextDiff() {
  }

  /**
   * Character-level diff of one changed line against its replacement, by code point (an emoji or 外字 is
   * never split). EQUAL and DELETE segments concatenate to {@code oldLine}, EQUAL and INSERT to {@code newLine}.
   */
  public static List<Segment> chars(String oldLine, String newLine) {
    String[] a = oldLine.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    String[] b = newLine.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    List<Segment> out = new ArrayList<>();
    for (Line unit : diff(a, b)) {
      int last = out.size() - 1;
      if (last >= 0 && out.get(last).op() == unit.op()) {
        out.set(last, new Segment(unit.op(), out.get(last).text() + unit.text()));
      } else {
        out.add(new Segment(unit.op(), unit.text()));
      }
    }
    return out;
  }

  public static List<Line> lines(String oldText, String newText) {
    return diff(split(oldText), split(newText));
  }

  private static List<Line> diff(String[] a, String[] b) {
    int head = 0;
    while (head < a.length && head < b.length && a[head].equals(b[head])) {
      head++;
    }
    int tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
      tail++;
    }
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < head; i++) {
      out.add(new Line(Op.EQUAL, a[i]));
    }
    middle(Arrays.copyOfRange(a, head, a.length - tail), Arrays.copyOfRange(b, head, b.length - tail), out);
    for (int i = a.length - tail; i < a.length; i++) {
      out.add(new Line(Op.EQUAL, a[i]));
    }
    return out;
  }

  /** True when the diff holds no deleted or inserted line. */
  public static boolean unchanged(List<Line> diff) {
    return diff.stream().allMatch(l -> l.op() == Op.EQUAL);
  }

  /** Applies a diff to the text it was made from; throws IllegalArgumentException if it does not fit. */
  public static String apply(String oldText, List<Line> diff) {
    String[] a = split(oldText);
    int i = 0;
    List<String> out = new ArrayList<>();
    for (Line line : diff) {
      switch (line.op()) {
        case EQUAL, DELETE -> {
          if (i >= a.length || !a[i].equals(line.text())) {
            throw new IllegalArgumentException("diff does not fit the text at line " + i);
          }
          if (line.op() == Op.EQUAL) {
            out.add(a[i]);
          }
          i++;
        }
        case INSERT -> out.add(line.text());
        default -> throw new IllegalStateException();
      }
    }
    if (i != a.length) {
      throw new IllegalArgumentException("diff ends before the text");
    }
    return String.join("\n", out);
  }

  private static String[] split(String text) {
    return (text == null ? "" : text).split("\n", -1);
  }

  private static void middle(String[] a, String[] b, List<Line> out) {
    int n = a.length;
    int m = b.length;
    if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
      for (String s : a) {
        out.add(new Line(Op.DELETE, s));
      }
      for (String s : b) {
        out.add(new Line(Op.INSERT, s));
      }
      return;
    }
    // lcs[i][j]: length of the LCS of a[i..] and b[j..]
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a[i].equals(b[j])) {
        out.add(new Line(Op.EQUAL, a[i]));
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new Line(Op.DELETE, a[i++]));
      } else {
        out.add(new Line(Op.INSERT, b[j++]));
      }
    }
    while (i < n) {
      out.add(new Line(Op.DELETE, a[i++]));
    }
    while (j < m) {
      out.add(new Line(Op.INSERT, b[j++]));
    }
  }
}
