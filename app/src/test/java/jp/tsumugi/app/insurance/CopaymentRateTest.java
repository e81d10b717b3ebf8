package jp.tsumugi.app.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.OptionalInt;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopaymentRateTest {
  /** Facts column: '-' none, L1/L2/L3 後期 certificate, E2/E3 高齢受給者証, A 現役並み所得 without certificate. */
  private static CopaymentFacts facts(String code) {
    return switch (code) {
      case "-" -> CopaymentFacts.NONE;
      case "A" -> CopaymentFacts.activeIncomeOnly();
      case "E2A" -> new CopaymentFacts(OptionalInt.empty(), OptionalInt.of(2), true);
      default -> code.startsWith("L") ? CopaymentFacts.lateElderly(code.charAt(1) - '0')
          : CopaymentFacts.elderlyRecipient(code.charAt(1) - '0');
    };
  }

  @ParameterizedTest(name = "{4}")
  @CsvSource(delimiter = '|', textBlock = """
      # birth    | visit      | facts | tenths, reason                | case (健康保険法 §110 / 国保法 §42; 学校教育法 §17; ADR 0013)
      2019-04-01 | 2019-04-01 | -     | 2 | PRESCHOOL                 | newborn on the day of birth
      2019-04-01 | 2025-03-31 | -     | 2 | PRESCHOOL                 | born 4/1 reaches 6 on 3/31: last 未就学 day
      2019-04-01 | 2025-04-01 | -     | 3 | GENERAL                   | born 4/1 enters school the day after the 6th birthday eve
      2019-04-02 | 2025-04-01 | -     | 2 | PRESCHOOL                 | born 4/2 reaches 6 on 4/1: one more year 未就学
      2019-04-02 | 2026-03-31 | -     | 2 | PRESCHOOL                 | born 4/2: last 未就学 day a year later
      2019-04-02 | 2026-04-01 | -     | 3 | GENERAL                   | born 4/2: first school day
      2020-02-29 | 2026-03-31 | -     | 2 | PRESCHOOL                 | born 2/29 reaches 6 on 2026-02-28
      2020-02-29 | 2026-04-01 | -     | 3 | GENERAL                   | born 2/29: school from 2026-04-01
      2019-03-31 | 2025-03-31 | -     | 2 | PRESCHOOL                 | born 3/31 reaches 6 on 3/30, still 未就学 on 3/31
      1990-05-26 | 2026-05-26 | -     | 3 | GENERAL                   | working age
      1956-06-01 | 2026-05-31 | -     | 3 | GENERAL                   | born on the 1st: the day 70 is reached (5/31) is still 3割
      1956-06-01 | 2026-06-01 | -     | 2 | ELDERLY                   | born on the 1st: 2割 from the birthday month
      1956-06-02 | 2026-06-01 | -     | 3 | GENERAL                   | born on the 2nd reaches 70 on 6/1: June still 3割
      1956-06-02 | 2026-06-30 | -     | 3 | GENERAL                   | born on the 2nd: end of the birthday month
      1956-06-02 | 2026-07-01 | -     | 2 | ELDERLY                   | born on the 2nd: month after the birthday month
      1956-06-15 | 2026-07-01 | E3    | 3 | ELDERLY_ACTIVE_INCOME     | 高齢受給者証 3割
      1956-06-15 | 2026-07-01 | E2    | 2 | ELDERLY                   | 高齢受給者証 2割
      1956-06-15 | 2026-07-01 | A     | 3 | ELDERLY_ACTIVE_INCOME     | 現役並み所得 known, no certificate
      1956-06-15 | 2026-07-01 | E2A   | 2 | ELDERLY                   | the certificate wins over the income flag
      1956-06-15 | 2026-06-30 | E3    | 3 | GENERAL                   | a certificate does not start 70–74 early
      1956-03-01 | 2026-03-01 | -     | 2 | ELDERLY                   | born 3/1 reaches 70 on 2/28: March
      1956-02-29 | 2026-02-28 | -     | 3 | GENERAL                   | born 2/29 reaches 70 on 2/28 (common year)
      1956-02-29 | 2026-03-01 | -     | 2 | ELDERLY                   | born 2/29: from March
      1951-06-15 | 2026-06-14 | E2    | 2 | ELDERLY                   | the day before the 75th birthday
      1951-06-15 | 2026-06-15 | L1    | 1 | LATE_ELDERLY              | 75th birthday: 後期高齢者 1割
      1951-06-15 | 2026-06-15 | L2    | 2 | LATE_ELDERLY              | 後期 一定以上所得 2割
      1951-06-15 | 2026-06-15 | L3    | 3 | LATE_ELDERLY              | 後期 現役並み 3割
      1951-06-01 | 2026-05-31 | -     | 2 | ELDERLY                   | born on the 1st: still 70–74 the day before the birthday
      1951-06-01 | 2026-06-01 | L1    | 1 | LATE_ELDERLY              | born on the 1st: 後期 from the birthday itself
      1952-02-29 | 2027-02-28 | -     | 2 | ELDERLY                   | born 2/29, common year: 2/28 still 70–74
      1952-02-29 | 2027-03-01 | L1    | 1 | LATE_ELDERLY              | born 2/29, common year: 後期 from 3/1
      1930-01-01 | 2026-11-25 | L1    | 1 | LATE_ELDERLY              | 96 years old
      1958-03-10 | 2026-11-25 | L1    | 1 | LATE_ELDERLY_BY_DISABILITY | 68 with a 後期 certificate (障害認定)
      1961-11-25 | 2026-11-25 | L3    | 3 | LATE_ELDERLY_BY_DISABILITY | 65th birthday with a 後期 certificate
      1947-10-01 | 2022-10-01 | L2    | 2 | LATE_ELDERLY              | 後期 2割 on its first day
      """)
  void derivesTheRateByAgeOnTheVisitDate(LocalDate birth, LocalDate visit, String factCode, int tenths, CopaymentReason reason,
      String why) {
    assertThat(CopaymentRate.derive(birth, visit, facts(factCode))).isEqualTo(new CopaymentRate(tenths, reason));
  }

  @ParameterizedTest(name = "{4}")
  @CsvSource(delimiter = '|', textBlock = """
      # birth    | visit      | facts | error                                | case
      1951-06-15 | 2026-06-15 | -     | COPAYMENT_LATE_ELDERLY_RATE_REQUIRED | 75 without the certificate's rate: no guess
      1961-11-26 | 2026-11-25 | L1    | COPAYMENT_LATE_ELDERLY_TOO_YOUNG     | the day before the 65th birthday
      1946-09-30 | 2022-09-30 | L2    | COPAYMENT_CERTIFICATE_RATE_INVALID   | 後期 2割 before 2022-10-01
      2000-01-01 | 1999-12-31 | -     | COPAYMENT_VISIT_BEFORE_BIRTH         | visit before birth
      """)
  void refusesWhatTheLawDoesNotAllow(LocalDate birth, LocalDate visit, String factCode, ErrorCode error, String why) {
    assertThatThrownBy(() -> CopaymentRate.derive(birth, visit, facts(factCode)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(error));
  }

  @Test
  void certificateRatesOutsideTheLawAreRejectedWhenRecorded() {
    for (int bad : new int[] {0, 4, 10}) {
      assertThatThrownBy(() -> CopaymentFacts.lateElderly(bad))
          .isInstanceOfSatisfying(TsumugiException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COPAYMENT_CERTIFICATE_RATE_INVALID));
    }
    for (int bad : new int[] {1, 4}) {
      assertThatThrownBy(() -> CopaymentFacts.elderlyRecipient(bad))
          .isInstanceOfSatisfying(TsumugiException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COPAYMENT_CERTIFICATE_RATE_INVALID));
    }
  }

  @Test
  void boundaryDatesFollowTheAgeCalculationLaw() {
    assertThat(CopaymentRate.preschoolLastDay(LocalDate.of(2019, 4, 1))).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(CopaymentRate.preschoolLastDay(LocalDate.of(2019, 4, 2))).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(CopaymentRate.elderlyFirstDay(LocalDate.of(1956, 6, 1))).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(CopaymentRate.elderlyFirstDay(LocalDate.of(1956, 6, 2))).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(CopaymentRate.elderlyFirstDay(LocalDate.of(1956, 12, 2))).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(CopaymentRate.lateElderlyFirstDay(LocalDate.of(1951, 6, 15))).isEqualTo(LocalDate.of(2026, 6, 15));
    assertThat(CopaymentRate.lateElderlyFirstDay(LocalDate.of(1952, 2, 29))).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(CopaymentRate.lateElderlyFirstDay(LocalDate.of(1952, 2, 29))).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(CopaymentRate.lateElderlyFirstDay(LocalDate.of(1953, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 28));
  }

  @Test
  void anOverrideKeepsTheDerivedRateAndNeedsAReason() {
    CopaymentDecision decision = CopaymentDecision.of(new CopaymentRate(3, CopaymentReason.GENERAL));
    assertThat(decision.effectiveTenths()).isEqualTo(3);
    assertThat(decision.overridden()).isFalse();

    CopaymentDecision overridden = decision.overriddenTo(1, "保険者に確認済み");
    assertThat(overridden.effectiveTenths()).isEqualTo(1);
    assertThat(overridden.derived()).isEqualTo(new CopaymentRate(3, CopaymentReason.GENERAL));
    assertThat(overridden.overrideReason()).contains("保険者に確認済み");

    for (String blank : new String[] {null, "", "  \u3000"}) {
      assertThatThrownBy(() -> decision.overriddenTo(1, blank))
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COPAYMENT_OVERRIDE_INVALID));
    }
    for (int bad : new int[] {-1, 11}) {
      assertThatThrownBy(() -> decision.overriddenTo(bad, "reason"))
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.COPAYMENT_OVERRIDE_INVALID));
    }
  }
}
