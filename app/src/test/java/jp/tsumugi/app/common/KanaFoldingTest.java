package jp.tsumugi.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KanaFoldingTest {
  /** Full-width katakana and their half-width spellings, written out independently of the code under test. */
  private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
      + "ァィゥェォッャュョー";
  private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ"
      + "ｧｨｩｪｫｯｬｭｮｰ";
  private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ";
  private static final String VOICED_BASE = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎｳ";
  private static final String SEMI_VOICED = "パピプペポ";
  private static final String SEMI_VOICED_BASE = "ﾊﾋﾌﾍﾎ";
  private static final Map<Character, String> TO_HALF = new HashMap<>();

  static {
    for (int i = 0; i < FULL.length(); i++) {
      TO_HALF.put(FULL.charAt(i), String.valueOf(HALF.charAt(i)));
    }
    for (int i = 0; i < VOICED.length(); i++) {
      TO_HALF.put(VOICED.charAt(i), VOICED_BASE.charAt(i) + "ﾞ");
    }
    for (int i = 0; i < SEMI_VOICED.length(); i++) {
      TO_HALF.put(SEMI_VOICED.charAt(i), SEMI_VOICED_BASE.charAt(i) + "ﾟ");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # SSK y master カナ (half-width) and 漢字名称 (full-width) of the same drug
      ﾛｷｿﾆﾝｼﾞｮｳ60MG                          | ロキソニンジヨウ60MG
      ロキソニン錠６０ｍｇ                   | ロキソニン錠60MG
      ｶﾞｽﾀｰｻﾝ2%                              | ガスタサン2%
      ガスター散２％                         | ガスタ散2%
      # typed queries: hiragana, long vowel, small kana
      ろきそ                                 | ロキソ
      せんたー                               | センタ
      センター                               | センタ
      ﾊﾟｯﾌﾟ                                  | パツプ
      ぱっぷ                                 | パツプ
      ｳﾞｨ                                    | ヴイ
      きゅうせいいちょうえん                 | キユウセイイチヨウエン
      ３ヵ月                                 | 3カ月
      ヶ所                                   | ケ所
      # b and z masters: full-width digits and letters, middle dots, hyphens, spaces
      ＭＧ６０                               | MG60
      ＥＧＦＲ遺伝子エクソン２０挿入変異陽性 | EGFR遺伝子エクソン20挿入変異陽性
      ・高分化型                             | 高分化型
      １１β－水酸化酵素欠損症               | 11β水酸化酵素欠損症
      ＊＊　未コード化傷病名　＊＊           | **未コド化傷病名**
      ｔｍｂ－ｈｉｇｈ                       | TMBHIGH
      """)
  void foldsRealMasterSpellings(String input, String expected) {
    assertThat(KanaFolding.fold(input)).isEqualTo(expected);
  }

  @Test
  void mergesCombiningAndSpacingVoiceMarksIntoTheLetter() {
    assertThat(KanaFolding.fold("か\u3099")).isEqualTo("ガ");
    assertThat(KanaFolding.fold("ハ\u309A")).isEqualTo("パ");
    assertThat(KanaFolding.fold("ト゛")).isEqualTo("ド");
    assertThat(KanaFolding.fold("ﾂﾞ")).isEqualTo("ヅ");
  }

  @Test
  void keepsAVoiceMarkThatHasNoLetterToJoin() {
    assertThat(KanaFolding.fold("ﾞ")).isEqualTo("゛");
    assertThat(KanaFolding.fold("ｱﾞ")).isEqualTo("ア゛");
    assertThat(KanaFolding.fold("ガﾞ")).isEqualTo("ガ゛");
  }

  @Test
  void foldsNullAndBlankToEmpty() {
    assertThat(KanaFolding.fold(null)).isEmpty();
    assertThat(KanaFolding.fold(" \u3000ー・")).isEmpty();
  }

  @Property
  void foldingIsIdempotent(@ForAll("mixedText") String text) {
    String once = KanaFolding.fold(text);
    assertThat(KanaFolding.fold(once)).isEqualTo(once);
  }

  @Property
  void foldingIsIdempotentOnAnyString(@ForAll String text) {
    String once = KanaFolding.fold(text);
    assertThat(KanaFolding.fold(once)).isEqualTo(once);
  }

  @Property
  void foldedTextIsNeverLongerThanTheInput(@ForAll("mixedText") String text) {
    assertThat(KanaFolding.fold(text).length()).isLessThanOrEqualTo(text.length());
  }

  @Property
  void foldedAnyStringIsNeverLongerThanTheInput(@ForAll String text) {
    assertThat(KanaFolding.fold(text).length()).isLessThanOrEqualTo(text.length());
  }

  @Property
  void hiraganaAndKatakanaSpellingsFoldEqual(@ForAll("hiragana") String hiragana) {
    StringBuilder katakana = new StringBuilder();
    hiragana.chars().forEach(c -> katakana.append(c == 'ー' ? 'ー' : (char) (c + 0x60)));
    assertThat(KanaFolding.fold(hiragana)).isEqualTo(KanaFolding.fold(katakana.toString()));
  }

  @Property
  void halfWidthAndFullWidthKatakanaFoldEqual(@ForAll("fullWidthKatakana") String full) {
    StringBuilder half = new StringBuilder();
    full.chars().forEach(c -> half.append(TO_HALF.get((char) c)));
    assertThat(KanaFolding.fold(half.toString())).isEqualTo(KanaFolding.fold(full));
  }

  @Property
  void fullWidthAndAsciiLettersAndDigitsFoldEqual(@ForAll("asciiAlnum") String ascii) {
    StringBuilder full = new StringBuilder();
    ascii.chars().forEach(c -> full.append((char) (c + 0xFEE0)));
    assertThat(KanaFolding.fold(full.toString())).isEqualTo(KanaFolding.fold(ascii)).isEqualTo(ascii.toUpperCase(Locale.ROOT));
  }

  @Provide
  Arbitrary<String> hiragana() {
    return Arbitraries.strings().withCharRange('ぁ', 'ゖ').withChars('ー').ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> fullWidthKatakana() {
    return Arbitraries.strings().withChars((FULL + VOICED + SEMI_VOICED).toCharArray()).ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> asciiAlnum() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofMaxLength(20);
  }

  @Provide
  Arbitrary<String> mixedText() {
    return Arbitraries.strings()
        .withChars((FULL + HALF + VOICED + SEMI_VOICED).toCharArray())
        .withChars("ﾞﾟ゛゜\u3099\u309Aーｰ－‐―～〜・･ 　ぁかがはぱゕゖゝゞヽヵヶｶﾊｳﾜｦ胃炎錠ａＡ０9%％".toCharArray())
        .ofMaxLength(24);
  }
}
