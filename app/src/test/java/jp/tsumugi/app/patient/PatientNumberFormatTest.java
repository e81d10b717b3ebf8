package jp.tsumugi.app.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The patient number format as typed in the clinic settings, and why changing it cannot make two patients share a number. */
class PatientNumberFormatTest {

  @Test
  void aTypedPrefixAndWidthBecomeTheFormatWithBlanksIgnored() {
    assertThat(PatientNumberFormat.parse(" K ", " 5 ")).isEqualTo(new PatientNumberFormat("K", 5));
    assertThat(PatientNumberFormat.parse("", "6")).isEqualTo(PatientNumberFormat.DEFAULT);
    assertThat(PatientNumberFormat.parse(null, "10")).isEqualTo(new PatientNumberFormat("", 10));
    assertThat(PatientNumberFormat.parse("abc", "1").format(241)).isEqualTo("abc241");
  }

  @Test
  void aBadPrefixIsRefusedAtThePrefixField() {
    for (String prefix : new String[] {"KANA", "K1", "ｋ", "カ", "K-"}) {
      assertThatThrownBy(() -> PatientNumberFormat.parse(prefix, "5")).as(prefix)
          .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID);
            assertThat(e.field()).isEqualTo(PatientNumberFormat.PREFIX_FIELD);
          });
    }
  }

  @Test
  void aBadWidthIsRefusedAtTheWidthField() {
    for (String width : new String[] {"", "0", "11", "-1", "５", "5桁", "1.5", "100"}) {
      assertThatThrownBy(() -> PatientNumberFormat.parse("K", width)).as(width)
          .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PATIENT_NUMBER_FORMAT_INVALID);
            assertThat(e.field()).isEqualTo(PatientNumberFormat.WIDTH_FIELD);
          });
    }
  }

  /**
   * The clinic's sequence is shared by every format, so a format change continues counting. Two different sequence
   * values never give the same number, whatever the two formats: the prefix is letters, the rest the digits.
   */
  @Property(tries = 500)
  void differentSequenceValuesNeverGiveTheSameNumberWhateverTheFormats(@ForAll("formats") PatientNumberFormat before,
      @ForAll("formats") PatientNumberFormat after, @ForAll @LongRange(min = 1, max = 99_999_999_999L) long a,
      @ForAll @LongRange(min = 1, max = 99_999_999_999L) long b) {
    Assume.that(a != b);
    assertThat(before.format(a)).isNotEqualTo(after.format(b));
  }

  @Property(tries = 200)
  void theNumberIsThePrefixAndAtLeastWidthDigits(@ForAll("formats") PatientNumberFormat format,
      @ForAll @IntRange(min = 1, max = 999_999) int sequence) {
    String number = format.format(sequence);
    assertThat(number).startsWith(format.prefix());
    String digits = number.substring(format.prefix().length());
    assertThat(digits).matches("[0-9]+").hasSizeGreaterThanOrEqualTo(format.width());
    assertThat(Long.parseLong(digits)).isEqualTo(sequence);
  }

  @Provide
  Arbitrary<PatientNumberFormat> formats() {
    Arbitrary<String> prefixes = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').ofMinLength(0).ofMaxLength(3);
    return prefixes.flatMap(p -> Arbitraries.integers().between(1, 10).map(w -> new PatientNumberFormat(p, w)));
  }
}
