package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChartTextTest {
  @Test
  void keepsEmojiSurrogatePairsTabsAndLineBreaksAsTheyAre() {
    String text = "😷 𠮷野家\r\n\t体温 38.5℃\n";
    assertThat(new SoapNote(text, null, "", "P").subjective()).isEqualTo(text);
    assertThat(new SoapNote(text, null, "", "P").objective()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x9F})
  void refusesControlCharactersNamingTheFieldNotTheText(int c) {
    assertThatThrownBy(() -> new SoapNote("S", "秘密" + (char) c, "", ""))
        .isInstanceOfSatisfying(TsumugiException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.CHART_TEXT_CONTROL_CHARACTER);
          assertThat(e.detail()).startsWith("objective").doesNotContain("秘密");
        });
  }

  @Test
  void acceptsTheLongestFieldAndRefusesOneCharacterMore() {
    assertThat(ChartText.check("plan", "あ".repeat(ChartText.MAX_LENGTH))).hasSize(200_000);
    assertThatThrownBy(() -> ChartText.check("plan", "あ".repeat(ChartText.MAX_LENGTH + 1)))
        .extracting(e -> ((TsumugiException) e).errorCode()).isEqualTo(ErrorCode.CHART_TEXT_TOO_LONG);
  }

  @Test
  void tenMegabytesOfPastedTextIsRefusedNotACrash() {
    String pasted = "x".repeat(10 * 1024 * 1024);
    assertThatThrownBy(() -> new SoapNote(pasted, "", "", "")).isInstanceOf(TsumugiException.class);
  }

  @Test
  void toStringNeverShowsTheText() {
    assertThat(new SoapNote("秘密", "", "", "").toString()).doesNotContain("秘密");
  }
}
