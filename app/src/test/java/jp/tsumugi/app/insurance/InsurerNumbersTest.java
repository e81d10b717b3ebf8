package jp.tsumugi.app.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InsurerNumbersTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "01130012", // 協会けんぽ東京 (billing-rules.md §5.1, verified by hand there)
      "01010016", // 協会けんぽ北海道 (§5.1)
      "12143210", // 生活保護 (§5.1)
      "85144004", // §5.1
      "83123067", // §5.1
  })
  void acceptsRealEightDigitNumbers(String number) {
    assertThat(InsurerNumbers.isValidInsurerNumber(number)).isTrue();
    assertThat(InsurerNumbers.isValidPublicPayerNumber(number)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      # body, check digit: hand-computed with the §5.1 steps (weights 2,1,2,… from the right; 16 -> 1+6)
      0113001, 2
      1214321, 0
      133033,  1
      8514400, 4
      """)
  void computesTheCheckDigitAsTheReferenceDescribes(String body, int expected) {
    assertThat(InsurerNumbers.checkDigit(body)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1111111"})
  void acceptsRealRecipientNumber(String number) {
    assertThat(InsurerNumbers.isValidRecipientNumber(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "83136019", // receiptisan sample, a dummy that fails the check (§5.1)
      "01130013", "0113001", "011300120", "0113001a", "", "１１３００１２",
  })
  void rejectsWrongCheckDigitsLengthsAndCharacters(String number) {
    assertThat(InsurerNumbers.isValidInsurerNumber(number)).isFalse();
  }

  @Property
  void aComputedCheckDigitAlwaysValidates(@ForAll("bodies") String body) {
    assertThat(InsurerNumbers.isValidInsurerNumber(InsurerNumbers.withCheckDigit(body))).isTrue();
  }

  @Property
  void changingAnySingleDigitIsDetected(@ForAll("bodies") String body, @ForAll @IntRange(min = 0, max = 7) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String valid = InsurerNumbers.withCheckDigit(body);
    int at = position % valid.length();
    char changed = (char) ('0' + (valid.charAt(at) - '0' + delta) % 10);
    String corrupted = valid.substring(0, at) + changed + valid.substring(at + 1);
    assertThat(InsurerNumbers.isValidInsurerNumber(corrupted)).isFalse();
  }

  @Property
  void exactlyOneCheckDigitFitsEachBody(@ForAll("bodies") String body) {
    long fitting = 0;
    for (int d = 0; d <= 9; d++) {
      if (InsurerNumbers.isValidInsurerNumber(body + d)) {
        fitting++;
      }
    }
    assertThat(fitting).isEqualTo(1);
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(7), Arbitraries.strings().numeric().ofLength(5));
  }
}
