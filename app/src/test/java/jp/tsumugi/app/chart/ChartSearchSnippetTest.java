package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChartSearchSnippetTest {

  private static String highlighted(ChartSearch.Snippet s, int i) {
    ChartSearchHit.Range r = s.highlights().get(i);
    return s.text().substring(r.start(), r.end());
  }

  @Test
  void termsAreFoldedSplitAtAnySpaceDeduplicatedAndLongestFirst() {
    assertThat(ChartSearch.terms("カロナール　ｶﾛﾅｰﾙ  熱")).containsExactly("かろなーる", "熱");
    assertThatThrownBy(() -> ChartSearch.terms(" \u3000 ")).isInstanceOfSatisfying(TsumugiException.class,
        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_SEARCH_QUERY_INVALID));
    assertThatThrownBy(() -> ChartSearch.terms("a b c d e f g h i j k")).isInstanceOf(TsumugiException.class);
    assertThatThrownBy(() -> ChartSearch.terms("あ".repeat(201))).isInstanceOf(TsumugiException.class);
  }

  @Test
  void theSnippetHighlightsEveryTermInTheOriginalSpelling() {
    String text = "昨夜から咽頭痛。ｶﾛﾅｰﾙを内服、カロナールで解熱。";
    ChartSearch.Snippet s = ChartSearch.snippet(text, List.of("かろなーる", "解熱")).orElseThrow();
    assertThat(s.text()).isEqualTo(text);
    assertThat(s.highlights()).hasSize(3);
    assertThat(highlighted(s, 0)).isEqualTo("ｶﾛﾅｰﾙ");
    assertThat(highlighted(s, 1)).isEqualTo("カロナール");
    assertThat(highlighted(s, 2)).isEqualTo("解熱");
    assertThat(s.clippedStart()).isFalse();
    assertThat(s.clippedEnd()).isFalse();
  }

  @Test
  void aLongFieldIsClippedAroundTheFirstHitAndLineBreaksBecomeSpaces() {
    String text = "あ".repeat(500) + "\n発疹😷あり\n" + "い".repeat(500);
    ChartSearch.Snippet s = ChartSearch.snippet(text, List.of("発疹")).orElseThrow();
    assertThat(s.clippedStart()).isTrue();
    assertThat(s.clippedEnd()).isTrue();
    assertThat(s.text()).hasSize(ChartSearch.SNIPPET_LENGTH).doesNotContain("\n").contains(" 発疹😷あり ");
    assertThat(highlighted(s, 0)).isEqualTo("発疹");
  }

  @Test
  void overlappingHitsMergeIntoOneHighlight() {
    ChartSearch.Snippet s = ChartSearch.snippet("喘息発作", List.of("喘息", "息発")).orElseThrow();
    assertThat(s.highlights()).containsExactly(new ChartSearchHit.Range(0, 3));
  }

  @Test
  void noHitInTheFieldGivesNoSnippet() {
    assertThat(ChartSearch.snippet("咽頭痛", List.of("腹痛"))).isEmpty();
  }

  /** The signature prefilter never loses a hit: every substring of a text passes its text's signature. */
  @Property(tries = 300)
  void theSignatureNeverRejectsATextThatContainsTheTerms(@ForAll("notes") String text, @ForAll @IntRange(min = 0, max = 40) int from,
      @ForAll @IntRange(min = 1, max = 8) int length) {
    String folded = SearchFold.fold(text);
    int start = Math.min(from, folded.length());
    String term = folded.substring(start, Math.min(folded.length(), start + length));
    if (!term.isEmpty()) {
      assertThat(ChartSearch.hasBits(ChartSearch.signature(folded), ChartSearch.requiredBits(List.of(term)))).isTrue();
    }
  }

  @Test
  void theSignatureRejectsMostTextsWithoutTheTerm() {
    long[] signature = ChartSearch.signature(SearchFold.fold("昨日から咽頭痛と発熱あり。カロナール錠200mg 3錠 分3 5日分"));
    assertThat(ChartSearch.hasBits(signature, ChartSearch.requiredBits(List.of("川崎病")))).isFalse();
    assertThat(ChartSearch.hasBits(signature, ChartSearch.requiredBits(List.of("かろなーる", "発熱")))).isTrue();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> notes() {
    return net.jqwik.api.Arbitraries.strings().withCharRange('\u3041', '\u30FF').withCharRange('\u4E00', '\u4E80')
        .withCharRange('0', 'z').withChars('😷', '\n').ofMinLength(1).ofMaxLength(60);
  }

  /** Emoji before the hit at every distance: the snippet never starts or ends inside a surrogate pair. */
  @Property
  void snippetsNeverSplitASurrogatePair(@ForAll @IntRange(min = 0, max = 200) int before,
      @ForAll @IntRange(min = 0, max = 200) int after) {
    String text = "😷".repeat(before) + "発熱" + "𠮷".repeat(after);
    ChartSearch.Snippet s = ChartSearch.snippet(text, List.of("発熱")).orElseThrow();
    assertThat(Character.isLowSurrogate(s.text().charAt(0))).isFalse();
    assertThat(Character.isHighSurrogate(s.text().charAt(s.text().length() - 1))).isFalse();
    assertThat(highlighted(s, 0)).isEqualTo("発熱");
  }
}
