package jp.tsumugi.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WarekiPropertiesTest {
  @Provide
  Arbitrary<LocalDate> datesFromMeijiTo2100() {
    return Arbitraries.longs().between(Era.MEIJI.firstDay().toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Property
  void formattingThenParsingGivesTheSameDate(@ForAll("datesFromMeijiTo2100") LocalDate date) {
    assertThat(Wareki.parse(Wareki.format(date))).isEqualTo(date);
    assertThat(Wareki.parse(Wareki.formatShort(date).toLowerCase())).isEqualTo(date);
    assertThat(Wareki.parse(Wareki.formatDigits(date))).isEqualTo(date);
  }

  @Property
  void theEraOfADateContainsItAndItsNeighbourEraDoesNot(@ForAll("datesFromMeijiTo2100") LocalDate date) {
    Era era = Wareki.eraOf(date);
    assertThat(era.contains(date)).isTrue();
    for (Era other : Era.values()) {
      if (other != era) {
        assertThat(other.contains(date)).isFalse();
      }
    }
  }

  @Property
  void eachEraBeginsWithYearOneAndThePreviousEraEndsTheDayBefore(@ForAll Era era) {
    assertThat(Wareki.eraYear(era.firstDay())).isEqualTo(1);
    assertThat(Wareki.format(era.firstDay())).startsWith(era.kanji() + "元年");
    if (era != Era.MEIJI) {
      Era previous = Era.values()[era.ordinal() - 1];
      assertThat(Wareki.eraOf(era.firstDay().minusDays(1))).isEqualTo(previous);
      assertThat(previous.lastDay()).contains(era.firstDay().minusDays(1));
    }
  }

  /** Any era/year/month/day either is a real date inside the era that formats back, or fails with a specific code. */
  @Property
  void anyTypedEraDateIsEitherExactOrASpecificError(@ForAll Era era, @ForAll @IntRange(min = 0, max = 99) int year,
      @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day) {
    String typed = String.valueOf(era.letter()) + year + "." + month + "." + day;
    TsumugiException error = catchThrowableOfType(TsumugiException.class, () -> Wareki.parse(typed));
    if (error == null) {
      LocalDate date = Wareki.parse(typed);
      assertThat(Wareki.eraOf(date)).isEqualTo(era);
      assertThat(Wareki.eraYear(date)).isEqualTo(year);
      assertThat(date.getMonthValue()).isEqualTo(month);
      assertThat(date.getDayOfMonth()).isEqualTo(day);
    } else {
      assertThat(error.errorCode()).isIn(ErrorCode.WAREKI_OUT_OF_ERA, ErrorCode.DATE_DOES_NOT_EXIST);
    }
  }
}
