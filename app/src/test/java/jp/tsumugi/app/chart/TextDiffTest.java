package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  @Provide
  Arbitrary<String> notes() {
    // Few distinct lines, so old and new texts share lines and the LCS has work to do.
    Arbitrary<String> line = Arbitraries.of("", "頭痛", "咳", "発熱 38.5℃", "😷", "𠮷", "\t処方", "a\r", "BP 120/80");
    return line.list().ofMaxSize(30).map(lines -> String.join("\n", lines));
  }

  @Property(tries = 500)
  void applyingTheDiffToTheOldTextGivesTheNewText(@ForAll("notes") String oldText, @ForAll("notes") String newText) {
    assertThat(TextDiff.apply(oldText, TextDiff.lines(oldText, newText))).isEqualTo(newText);
  }

  @Property(tries = 200)
  void aTextDiffedWithItselfIsUnchanged(@ForAll("notes") String text) {
    assertThat(TextDiff.unchanged(TextDiff.lines(text, text))).isTrue();
  }

  @Property(tries = 200)
  void keptLinesAreALongestCommonSubsequenceAtLeastAsLongAsTheCommonHead(@ForAll("notes") String a, @ForAll("notes") String b) {
    List<TextDiff.Line> diff = TextDiff.lines(a, b);
    long kept = diff.stream().filter(l -> l.op() == TextDiff.Op.EQUAL).count();
    long deleted = diff.stream().filter(l -> l.op() == TextDiff.Op.DELETE).count();
    assertThat(kept + deleted).isEqualTo(a.split("\n", -1).length);
  }

  @Property(tries = 300)
  void characterSegmentsRebuildBothLines(@ForAll("lines") String a, @ForAll("lines") String b) {
    List<TextDiff.Segment> segments = TextDiff.chars(a, b);
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    for (TextDiff.Segment s : segments) {
      if (s.op() != TextDiff.Op.INSERT) {
        old.append(s.text());
      }
      if (s.op() != TextDiff.Op.DELETE) {
        now.append(s.text());
      }
    }
    assertThat(old.toString()).isEqualTo(a);
    assertThat(now.toString()).isEqualTo(b);
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.of("頭", "痛", "😷", "𠮷", "a", "b", " ").list().ofMaxSize(25).map(l -> String.join("", l));
  }

  @Test
  void characterDiffMarksOnlyTheChangedWordAndNeverSplitsASurrogatePair() {
    assertThat(TextDiff.chars("咳あり 😷", "咳なし 😷")).containsExactly(
        new TextDiff.Segment(TextDiff.Op.EQUAL, "咳"), new TextDiff.Segment(TextDiff.Op.DELETE, "あり"),
        new TextDiff.Segment(TextDiff.Op.INSERT, "なし"), new TextDiff.Segment(TextDiff.Op.EQUAL, " 😷"));
    assertThat(TextDiff.chars("𠮷", "😷")).containsExactly(new TextDiff.Segment(TextDiff.Op.DELETE, "𠮷"),
        new TextDiff.Segment(TextDiff.Op.INSERT, "😷"));
  }

  @Test
  void anAddedLineAtTheEndIsOneInsert() {
    assertThat(TextDiff.lines("頭痛\n咳", "頭痛\n咳\n発熱")).containsExactly(
        new TextDiff.Line(TextDiff.Op.EQUAL, "頭痛"), new TextDiff.Line(TextDiff.Op.EQUAL, "咳"),
        new TextDiff.Line(TextDiff.Op.INSERT, "発熱"));
  }

  @Test
  void hugeRewritesFallBackToDeleteThenInsertAndStillApply() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      a.append("old ").append(i).append('\n');
      b.append("new ").append(i).append('\n');
    }
    List<TextDiff.Line> diff = TextDiff.lines(a.toString(), b.toString());
    assertThat(TextDiff.apply(a.toString(), diff)).isEqualTo(b.toString());
  }

  @Test
  void aDiffForAnotherTextIsRefused() {
    assertThatThrownBy(() -> TextDiff.apply("x", TextDiff.lines("y", "z"))).isInstanceOf(IllegalArgumentException.class);
  }
}
