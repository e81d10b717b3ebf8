package jp.tsumugi.app.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * バイタル measured at one instant: 血圧 (systolic/diastolic mmHg), 脈拍 (/min), 体温 (°C, 0.1), SpO2 (%),
 * 身長 (cm, 0.1), 体重 (kg, 0.1); any subset may be present (null = not measured), not none. Checked by
 * {@link ChartVitals}. BMI is derived, never entered.
 */
public record Vitals(Instant measuredAt, Integer systolic, Integer diastolic, Integer pulse, BigDecimal temperature, Integer spo2,
    BigDecimal heightCm, BigDecimal weightKg, Long visitId) {
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  public Vitals {
    Objects.requireNonNull(measuredAt);
    temperature = tenth(temperature);
    heightCm = tenth(heightCm);
    weightKg = tenth(weightKg);
  }

  /** "36.50" and "36.5" are the same reading: scale 1 when that loses nothing (else kept, and refused by the checks). */
  private static BigDecimal tenth(BigDecimal value) {
    if (value == null || value.stripTrailingZeros().scale() > 1) {
      return value;
    }
    return value.setScale(1, RoundingMode.UNNECESSARY);
  }

  /** True when no measurement is present. */
  public boolean isEmpty() {
    return systolic == null && diastolic == null && pulse == null && temperature == null && spo2 == null && heightCm == null
        && weightKg == null;
  }

  /** BMI = weight kg / (height m)^2, rounded half-up to 0.1 in exact decimal arithmetic; null without both. */
  public BigDecimal bmi() {
    return bmi(heightCm, weightKg);
  }

  /** BMI for a height in cm and a weight in kg (null when either is missing or the height is not positive). */
  public static BigDecimal bmi(BigDecimal heightCm, BigDecimal weightKg) {
    if (heightCm == null || weightKg == null || heightCm.signum() <= 0) {
      return null;
    }
    return weightKg.multiply(TEN_THOUSAND).divide(heightCm.multiply(heightCm), 1, RoundingMode.HALF_UP);
  }

  @Override
  public String toString() {
    return "Vitals[at=" + measuredAt + "]";
  }
}
