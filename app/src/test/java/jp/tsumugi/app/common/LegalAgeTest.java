package jp.tsumugi.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalAgeTest {
  @ParameterizedTest
  @CsvSource(textBlock = """
      # birth,   age, reached on (the day before the birthday: 年齢計算ニ関スル法律, 民法 §143)
      1966-05-26, 70, 2036-05-25
      1956-06-01, 70, 2026-05-31
      2019-04-01,  6, 2025-03-31
      2000-02-29,  1, 2001-02-28
      2000-02-29,  4, 2004-02-28
      2004-03-01,  70, 2074-02-28
      2004-03-01,  4, 2008-02-29
      """)
  void aPersonReachesAnAgeOnTheDayBeforeTheBirthday(LocalDate birth, int age, LocalDate reachedOn) {
    assertThat(LegalAge.attainedOn(birth, age)).isEqualTo(reachedOn);
    assertThat(LegalAge.on(birth, reachedOn)).isEqualTo(age - 1);
    assertThat(LegalAge.on(birth, reachedOn.plusDays(1))).isEqualTo(age);
  }
}
