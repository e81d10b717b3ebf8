package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VitalsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");

  private static Vitals hw(String height, String weight) {
    return new Vitals(NOW, null, null, null, null, null, height == null ? null : new BigDecimal(height),
        weight == null ? null : new BigDecimal(weight), null);
  }

  @Test
  void bmiIsWeightOverHeightSquaredRoundedHalfUpToOneDecimal() {
    assertThat(hw("170.0", "65.0").bmi()).isEqualTo(new BigDecimal("22.5"));
    assertThat(hw("160", "50").bmi()).isEqualTo(new BigDecimal("19.5"));
    // 90.6 / 2.0^2 = 22.65 exactly: half-up gives 22.7 (half-even would give 22.6, binary floating point 22.649999...)
    assertThat(hw("200.0", "90.6").bmi()).isEqualTo(new BigDecimal("22.7"));
    assertThat(hw("200.0", "90.2").bmi()).isEqualTo(new BigDecimal("22.6"));
    assertThat(hw(null, "60.0").bmi()).isNull();
    assertThat(hw("170.0", null).bmi()).isNull();
  }

  /** Checked with integers: BMI*10 = round_half_up(w10 * 100000 / h10^2) where w10, h10 are tenths. */
  @Property
  void bmiMatchesIntegerHalfUpRounding(@ForAll @IntRange(min = 200, max = 2500) int heightTenths,
      @ForAll @IntRange(min = 5, max = 4000) int weightTenths) {
    BigInteger numerator = BigInteger.valueOf(weightTenths).multiply(BigInteger.valueOf(1_000_000));
    BigInteger denominator = BigInteger.valueOf((long) heightTenths * heightTenths);
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    BigInteger tenths = qr[1].shiftLeft(1).compareTo(denominator) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    Vitals v = hw(BigDecimal.valueOf(heightTenths, 1).toPlainString(), BigDecimal.valueOf(weightTenths, 1).toPlainString());
    assertThat(v.bmi()).isEqualTo(new BigDecimal(tenths, 1));
  }

  @Test
  void eachImplausibleFieldFailsWithItsOwnCode() {
    assertCode(new Vitals(NOW, null, null, null, null, null, null, null, null), "vitals", ErrorCode.VITAL_EMPTY);
    assertCode(new Vitals(NOW, 39, null, null, null, null, null, null, null), "systolic", ErrorCode.VITAL_SYSTOLIC_RANGE);
    assertCode(new Vitals(NOW, 301, null, null, null, null, null, null, null), "systolic", ErrorCode.VITAL_SYSTOLIC_RANGE);
    assertCode(new Vitals(NOW, 120, 120, null, null, null, null, null, null), "diastolic", ErrorCode.VITAL_DIASTOLIC_RANGE);
    assertCode(new Vitals(NOW, null, 19, null, null, null, null, null, null), "diastolic", ErrorCode.VITAL_DIASTOLIC_RANGE);
    assertCode(new Vitals(NOW, null, null, 19, null, null, null, null, null), "pulse", ErrorCode.VITAL_PULSE_RANGE);
    assertCode(new Vitals(NOW, null, null, null, new BigDecimal("29.9"), null, null, null, null), "temperature",
        ErrorCode.VITAL_TEMPERATURE_RANGE);
    assertCode(new Vitals(NOW, null, null, null, new BigDecimal("36.55"), null, null, null, null), "temperature",
        ErrorCode.VITAL_TEMPERATURE_RANGE);
    assertCode(new Vitals(NOW, null, null, null, null, 101, null, null, null), "spo2", ErrorCode.VITAL_SPO2_RANGE);
    assertCode(new Vitals(NOW, null, null, null, null, 49, null, null, null), "spo2", ErrorCode.VITAL_SPO2_RANGE);
    assertCode(hw("250.1", null), "heightCm", ErrorCode.VITAL_HEIGHT_RANGE);
    assertCode(hw("19.9", null), "heightCm", ErrorCode.VITAL_HEIGHT_RANGE);
    assertCode(hw(null, "0.4"), "weightKg", ErrorCode.VITAL_WEIGHT_RANGE);
    assertCode(hw(null, "400.1"), "weightKg", ErrorCode.VITAL_WEIGHT_RANGE);
    assertCode(new Vitals(NOW.plusSeconds(3600), 120, 80, null, null, null, null, null, null), "measuredAt",
        ErrorCode.VITAL_MEASURED_AT_FUTURE);
  }

  @Test
  void boundariesAndAnySubsetAreAccepted() {
    ChartVitals.check(new Vitals(NOW, 40, 20, 20, new BigDecimal("30.0"), 50, new BigDecimal("20.0"), new BigDecimal("0.5"), null),
        NOW);
    ChartVitals.check(new Vitals(NOW, 300, 299, 250, new BigDecimal("45.0"), 100, new BigDecimal("250.0"), new BigDecimal("400.0"),
        null), NOW);
    ChartVitals.check(new Vitals(NOW, null, null, null, new BigDecimal("36.50"), null, null, null, null), NOW);
    assertThat(new Vitals(NOW, null, null, null, new BigDecimal("36.50"), null, null, null, null).temperature().toPlainString())
        .isEqualTo("36.5");
  }

  private static void assertCode(Vitals v, String field, ErrorCode code) {
    assertThatThrownBy(() -> ChartVitals.check(v, NOW)).as(field).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(e.field()).isEqualTo(field);
    });
  }
}
