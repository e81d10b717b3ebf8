package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SearchFoldTest {

  @Test
  void keywordsAreNfkcAndLowerCaseButKeepTheirKana() {
    assertThat(SearchFold.keyword(" ｶｾﾞ ")).isEqualTo("カゼ");
    assertThat(SearchFold.keyword("ＨＴＮ")).isEqualTo("htn");
    assertThat(SearchFold.keyword("かぜ")).isNotEqualTo(SearchFold.keyword("カゼ"));
  }

  @Test
  void foldingJoinsHalfWidthFullWidthKatakanaAndHiragana() {
    assertThat(SearchFold.fold("ｶﾛﾅｰﾙ")).isEqualTo("かろなーる");
    assertThat(SearchFold.fold("カロナール")).isEqualTo("かろなーる");
    assertThat(SearchFold.fold("ガーゼ")).isEqualTo(SearchFold.fold("ｶﾞｰｾﾞ"));
    assertThat(SearchFold.fold("ＢＰ１２０／８０")).isEqualTo("bp120/80");
    assertThat(SearchFold.fold("ヴ")).isEqualTo("ゔ");
    assertThat(SearchFold.fold("㍻")).isEqualTo("平成");
    assertThat(SearchFold.fold("か\u3099")).isEqualTo("が");
  }

  @Test
  void theMapPointsEveryFoldedCharAtTheOriginalItCameFrom() {
    String original = "頭痛😷ｶﾞｰｾﾞ㍻";
    SearchFold.Mapped m = SearchFold.foldMapped(original);
    assertThat(m.text()).isEqualTo("頭痛😷がーぜ平成");
    int ga = m.text().indexOf("が");
    assertThat(original.substring(m.originalStart(ga), m.originalEnd(ga + 1))).isEqualTo("ｶﾞ");
    int ze = m.text().indexOf("ぜ");
    assertThat(original.substring(m.originalStart(ze), m.originalEnd(ze + 1))).isEqualTo("ｾﾞ");
    int emoji = m.text().indexOf("😷");
    assertThat(original.substring(m.originalStart(emoji), m.originalEnd(emoji + 2))).isEqualTo("😷");
    int heisei = m.text().indexOf("平成");
    assertThat(original.substring(m.originalStart(heisei), m.originalEnd(heisei + 2))).isEqualTo("㍻");
  }

  @Property
  void theMappedAndThePlainFoldAgreeAndTheMapIsOrdered(@ForAll String text) {
    SearchFold.Mapped m = SearchFold.foldMapped(text);
    assertThat(m.text()).isEqualTo(SearchFold.fold(text));
    int previous = 0;
    for (int i = 0; i < m.text().length(); i++) {
      assertThat(m.start()[i]).isGreaterThanOrEqualTo(previous).isLessThan(m.end()[i]);
      assertThat(m.end()[i]).isLessThanOrEqualTo(text.length());
      previous = m.start()[i];
    }
  }

  @Property
  void foldingIsIdempotentOnNormalText(@ForAll("japanese") String text) {
    assertThat(SearchFold.fold(SearchFold.fold(text))).isEqualTo(SearchFold.fold(text));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> japanese() {
    return net.jqwik.api.Arbitraries.strings().withCharRange('\u3041', '\u30FF').withCharRange('\uFF61', '\uFF9F')
        .withCharRange('A', 'z').ofMaxLength(30);
  }
}
