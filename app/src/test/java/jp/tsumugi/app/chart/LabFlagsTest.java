package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LabFlagsTest {
  private static final ReferenceRange K = ReferenceRange.numeric(new BigDecimal("3.6"), new BigDecimal("4.8"));

  @Test
  void numericValuesAreFlaggedAgainstInclusiveBounds() {
    assertThat(LabFlags.effective(LabValue.numeric("3.59"), K, null)).isEqualTo(AbnormalFlag.L);
    assertThat(LabFlags.effective(LabValue.numeric("3.60"), K, null)).isEqualTo(AbnormalFlag.N);
    assertThat(LabFlags.effective(LabValue.numeric("4.8"), K, null)).isEqualTo(AbnormalFlag.N);
    assertThat(LabFlags.effective(LabValue.numeric("4.81"), K, null)).isEqualTo(AbnormalFlag.H);
  }

  @Test
  void oneSidedAndAbsentRangesOnlyFlagTheBoundThatExists() {
    ReferenceRange egfr = ReferenceRange.numeric(new BigDecimal("60"), null);
    assertThat(LabFlags.effective(LabValue.numeric("59.9"), egfr, null)).isEqualTo(AbnormalFlag.L);
    assertThat(LabFlags.effective(LabValue.numeric("120"), egfr, null)).isEqualTo(AbnormalFlag.N);
    ReferenceRange crp = ReferenceRange.numeric(null, new BigDecimal("0.14"));
    assertThat(LabFlags.effective(LabValue.numeric("-1"), crp, null)).isEqualTo(AbnormalFlag.N);
    assertThat(LabFlags.effective(LabValue.numeric("0.15"), crp, null)).isEqualTo(AbnormalFlag.H);
    assertThat(LabFlags.effective(LabValue.numeric("999"), ReferenceRange.NONE, null)).isEqualTo(AbnormalFlag.N);
  }

  @Test
  void qualitativeValuesAreAbnormalWhenTheyDifferFromTheNormalTextIgnoringWidthAndSpaces() {
    ReferenceRange negative = ReferenceRange.qualitative("(-)");
    assertThat(LabFlags.effective(LabValue.qualitative("（－）"), negative, null)).isEqualTo(AbnormalFlag.N);
    assertThat(LabFlags.effective(LabValue.qualitative("( - )"), negative, null)).isEqualTo(AbnormalFlag.N);
    assertThat(LabFlags.effective(LabValue.qualitative("2+"), negative, null)).isEqualTo(AbnormalFlag.A);
    assertThat(LabFlags.effective(LabValue.qualitative("陽性"), ReferenceRange.NONE, null)).isEqualTo(AbnormalFlag.N);
  }

  @Test
  void aGivenFlagWins() {
    assertThat(LabFlags.effective(LabValue.numeric("9.9"), K, AbnormalFlag.N)).isEqualTo(AbnormalFlag.N);
    assertThat(LabFlags.effective(LabValue.qualitative("(-)"), ReferenceRange.qualitative("(-)"), AbnormalFlag.A))
        .isEqualTo(AbnormalFlag.A);
  }

  @Property
  void theFlagAgreesWithIntegerComparisonInHundredths(@ForAll @IntRange(min = -100_000, max = 100_000) int hundredths,
      @ForAll @IntRange(min = -1000, max = 1000) int low, @ForAll @IntRange(min = 0, max = 2000) int width) {
    BigDecimal value = BigDecimal.valueOf(hundredths, 2);
    ReferenceRange range = ReferenceRange.numeric(BigDecimal.valueOf(low), BigDecimal.valueOf(low + width));
    AbnormalFlag expected = hundredths < low * 100 ? AbnormalFlag.L : hundredths > (low + width) * 100 ? AbnormalFlag.H : AbnormalFlag.N;
    assertThat(LabFlags.effective(LabValue.numeric(value), range, null)).isEqualTo(expected);
  }

  @Test
  void valuesKeepTheirScaleButCompareByValueForDuplicates() {
    assertThat(LabValue.numeric("5.20").display()).isEqualTo("5.20");
    assertThat(LabValue.numeric("5.20").key()).isEqualTo(LabValue.numeric("5.2").key());
    assertThat(LabValue.numeric("0.00").key()).isEqualTo(LabValue.numeric("0").key());
    assertThat(LabValue.numeric("100").key()).isNotEqualTo(LabValue.numeric("1").key());
  }
}
