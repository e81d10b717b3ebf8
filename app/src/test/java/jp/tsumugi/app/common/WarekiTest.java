package jp.tsumugi.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarekiTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # input                  | expected: the typed forms of issue 4 and their spelling variants
      S41.5.26                 | 1966-05-26
      s41.05.26                | 1966-05-26
      S41/5/26                 | 1966-05-26
      S41-05-26                | 1966-05-26
      昭和41年5月26日          | 1966-05-26
      昭和41年05月26日         | 1966-05-26
      昭41.5.26                | 1966-05-26
      S410526                  | 1966-05-26
      3410526                  | 1966-05-26
      Ｓ４１．５．２６         | 1966-05-26
      ' S41.5.26 '             | 1966-05-26
      H1.1.8                   | 1989-01-08
      R7.4.1                   | 2025-04-01
      令和元年5月1日           | 2019-05-01
      R元.5.1                  | 2019-05-01
      平成元年1月8日           | 1989-01-08 | 西暦
      1966-05-26               | 1966-05-26
      1966/5/26                | 1966-05-26
      1966.5.26                | 1966-05-26
      1966年5月26日            | 1966-05-26
      19660526                 | 1966-05-26 | leap days exist in both calendars
      H12.2.29                 | 2000-02-29
      4120229                  | 2000-02-29
      """)
  void parsesEveryTypedForm(String input, LocalDate expected) {
    assertThat(Wareki.parse(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # last and first day of each era (明治 from 1868-01-25 = 慶応4年1月1日, ADR 0013)
      M1.1.25                  | 1868-01-25
      明治45年7月29日          | 1912-07-29
      大正元年7月30日          | 1912-07-30
      大正15年12月24日         | 1926-12-24
      昭和元年12月25日         | 1926-12-25
      昭和64年1月7日           | 1989-01-07
      平成元年1月8日           | 1989-01-08
      平成31年4月30日          | 2019-04-30
      令和元年5月1日           | 2019-05-01
      """)
  void acceptsTheFirstAndLastDayOfEachEra(String input, LocalDate expected) {
    assertThat(Wareki.parse(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # input: a date outside its era
      H32.1.1 | 平成32年 does not exist: 平成 ended 平成31年4月30日
      平成31年5月1日 | the first day of 令和
      昭和64年1月8日 | the first day of 平成
      H1.1.7 | the last day of 昭和
      令和元年4月30日 | the last day of 平成
      大正元年7月29日 | the last day of 明治
      明治45年7月30日 | the first day of 大正
      M1.1.24 | before 明治 began (ADR 0013)
      S0.1.1 | no year 0
      4410526 | era digit 4 is 平成: 平成44年 does not exist
      """)
  void rejectsDatesOutsideTheirEra(String input, String why) {
    assertThatThrownBy(() -> Wareki.parse(input))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREKI_OUT_OF_ERA));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # input: no such day in the calendar
      S41.2.30 | February has no 30th
      昭和41年2月29日 | 1966 is not a leap year
      H11.2.29 | 1999 is not a leap year
      S41.13.1 | no month 13
      S41.0.10 | no month 0
      S41.4.31 | April has 30 days
      1966-02-30 | 西暦, February has no 30th
      19661301 | 西暦 digits, no month 13
      3410532 | era digits, no day 32
      """)
  void rejectsDaysThatDoNotExist(String input, String why) {
    assertThatThrownBy(() -> Wareki.parse(input))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATE_DOES_NOT_EXIST));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # input: not a date form
      '' | empty
      X41.5.26 | no era X
      S41.5 | day missing
      410526 | six digits: era missing
      6410526 | era digit 6 does not exist
      0410526 | era digit 0 does not exist
      S141.5.26 | three-digit era year
      1966-5 | day missing
      昭和41年5月26 | 日 missing
      abc | letters
      S41.5.26.1 | a fourth field
      """)
  void rejectsTextThatIsNoDate(String input, String why) {
    assertThatThrownBy(() -> Wareki.parse(input))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREKI_INVALID));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Wareki.parse(null))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREKI_INVALID));
  }

  @Test
  void errorDetailsNeverRepeatTheTypedDate() {
    assertThatThrownBy(() -> Wareki.parse("H32.1.1")).message().doesNotContain("H32").doesNotContain("32.1.1");
    assertThatThrownBy(() -> Wareki.parse("S41.2.30")).message().doesNotContain("41").doesNotContain("2.30");
  }

  @Test
  void birthDateMayBeTodayButNotTomorrow() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    assertThat(Wareki.parseBirthDate("R8.11.25", today)).isEqualTo(today);
    assertThatThrownBy(() -> Wareki.parseBirthDate("R8.11.26", today))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BIRTH_DATE_IN_FUTURE));
  }

  @Test
  void birthDateReadsTodayFromTheClockInTheClinicZone() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    // 2026-11-25 00:30 in Tokyo is still the 24th in UTC: the clinic's date decides.
    Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 25, 0, 30, 0, 0, tokyo).toInstant(), tokyo);
    assertThat(Wareki.parseBirthDate("20261125", clock)).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThatThrownBy(() -> Wareki.parseBirthDate("20261126", clock)).isInstanceOf(TsumugiException.class);
  }

  @Test
  void birthDateBeforeMeijiIsInvalid() {
    assertThatThrownBy(() -> Wareki.parseBirthDate("1800-01-01", LocalDate.of(2026, 1, 1)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BIRTH_DATE_INVALID));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # date      | long             | short     | digits
      1966-05-26  | 昭和41年5月26日  | S41.05.26 | 3410526
      2019-05-01  | 令和元年5月1日   | R01.05.01 | 5010501
      2019-04-30  | 平成31年4月30日  | H31.04.30 | 4310430
      1989-01-08  | 平成元年1月8日   | H01.01.08 | 4010108
      1989-01-07  | 昭和64年1月7日   | S64.01.07 | 3640107
      1926-12-25  | 昭和元年12月25日 | S01.12.25 | 3011225
      1912-07-30  | 大正元年7月30日  | T01.07.30 | 2010730
      1912-07-29  | 明治45年7月29日  | M45.07.29 | 1450729
      2025-04-01  | 令和7年4月1日    | R07.04.01 | 5070401
      """)
  void formatsInEachStyle(LocalDate date, String longForm, String shortForm, String digits) {
    assertThat(Wareki.format(date)).isEqualTo(longForm);
    assertThat(Wareki.formatShort(date)).isEqualTo(shortForm);
    assertThat(Wareki.formatDigits(date)).isEqualTo(digits);
  }

  @Test
  void refusesToFormatADateBeforeMeiji() {
    assertThatThrownBy(() -> Wareki.format(LocalDate.of(1868, 1, 24)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREKI_OUT_OF_ERA));
  }

  @Test
  void everyDayFromMeijiTo2100SurvivesEachFormat() {
    LocalDate end = LocalDate.of(2100, 12, 31);
    int days = 0;
    for (LocalDate d = Era.MEIJI.firstDay(); !d.isAfter(end); d = d.plusDays(1)) {
      assertThat(Wareki.parse(Wareki.format(d))).isEqualTo(d);
      assertThat(Wareki.parse(Wareki.formatShort(d))).isEqualTo(d);
      assertThat(Wareki.parse(Wareki.formatDigits(d))).isEqualTo(d);
      days++;
    }
    assertThat(days).isEqualTo(85_078);
  }
}
