package jp.tsumugi.app.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CopaymentRatePropertiesTest {
  private static final List<CopaymentReason> LIFE_ORDER = List.of(CopaymentReason.PRESCHOOL, CopaymentReason.GENERAL,
      CopaymentReason.ELDERLY, CopaymentReason.LATE_ELDERLY);

  @Provide
  Arbitrary<LocalDate> births() {
    return Arbitraries.longs().between(LocalDate.of(1920, 1, 1).toEpochDay(), LocalDate.of(2026, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Integer> daysLater() {
    return Arbitraries.integers().between(0, 105 * 366);
  }

  /** With a 1割 後期 certificate and no other fact, a life passes the stages in order and never goes back. */
  @Property
  void stagesFollowEachOtherInLifeOrder(@ForAll("births") LocalDate birth, @ForAll("daysLater") int a, @ForAll("daysLater") int b) {
    LocalDate earlier = birth.plusDays(Math.min(a, b));
    LocalDate later = birth.plusDays(Math.max(a, b));
    CopaymentReason first = stage(birth, earlier);
    CopaymentReason second = stage(birth, later);
    assertThat(LIFE_ORDER.indexOf(first)).isLessThanOrEqualTo(LIFE_ORDER.indexOf(second));
  }

  @Property
  void theElderlyRateAlwaysStartsOnTheFirstOfAMonthAndAfterTheDayOfReachingSeventy(@ForAll("births") LocalDate birth) {
    LocalDate first = CopaymentRate.elderlyFirstDay(birth);
    assertThat(first.getDayOfMonth()).isEqualTo(1);
    LocalDate seventiethBirthday = birth.plusYears(70);
    assertThat(first).isAfter(seventiethBirthday.minusDays(1));
    assertThat(first).isBefore(seventiethBirthday.plusMonths(1).plusDays(1));
    assertThat(stage(birth, first.minusDays(1))).isEqualTo(CopaymentReason.GENERAL);
    assertThat(stage(birth, first)).isEqualTo(CopaymentReason.ELDERLY);
  }

  @Property
  void preschoolEndsOnAThirtyFirstOfMarchBetweenTheSixthAndSeventhBirthday(@ForAll("births") LocalDate birth) {
    LocalDate last = CopaymentRate.preschoolLastDay(birth);
    assertThat(last.getMonthValue()).isEqualTo(3);
    assertThat(last.getDayOfMonth()).isEqualTo(31);
    assertThat(last).isAfterOrEqualTo(birth.plusYears(6).minusDays(1)).isBefore(birth.plusYears(7));
    assertThat(stage(birth, last)).isEqualTo(CopaymentReason.PRESCHOOL);
    assertThat(stage(birth, last.plusDays(1))).isEqualTo(CopaymentReason.GENERAL);
  }

  private static CopaymentReason stage(LocalDate birth, LocalDate visit) {
    boolean lateElderly = !visit.isBefore(CopaymentRate.lateElderlyFirstDay(birth));
    return CopaymentRate.derive(birth, visit, lateElderly ? CopaymentFacts.lateElderly(1) : CopaymentFacts.NONE).reason();
  }
}
