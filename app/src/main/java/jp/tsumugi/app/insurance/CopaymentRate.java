package jp.tsumugi.app.insurance;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.LegalAge;
import jp.tsumugi.app.common.TsumugiException;

/**
 * The co-payment rate (負担割合) by age on the visit date, in tenths (3 = 3割), with its reason.
 * Rules and sources: billing-rules.md §4.1 and docs/adr/0013.
 * <ul>
 *   <li>未就学 2割 up to the first 31 March on or after the day the child reaches 6 (健康保険法 §110 家族療養費,
 *       国民健康保険法 §42: "六歳に達する日以後の最初の三月三十一日以前"). A child born on 1 April reaches 6 on 31 March and so
 *       ends 未就学 that day, the same as school entry (学校教育法 §17).</li>
 *   <li>3割 from then until 70.</li>
 *   <li>70–74 2割 (現役並み所得 3割) from the month after the month in which the person reaches 70
 *       (健康保険法 §74 ①二 "七十歳に達する日の属する月の翌月以後"); born on the 1st, the person reaches 70
 *       on the last day of the previous month, so the birthday month itself.</li>
 *   <li>75 and over, 後期高齢者, from the 75th birthday itself: the certificate's 1, 2 or 3割 (2割 exists
 *       from 2022-10-01).</li>
 * </ul>
 */
public record CopaymentRate(int tenths, CopaymentReason reason) {
  /** The first day on which 後期高齢者 may pay 2割 (一定以上所得, 2022-10-01). */
  public static final LocalDate LATE_ELDERLY_TWO_TENTHS_FROM = LocalDate.of(2022, 10, 1);
  private static final int AGE_LATE_ELDERLY_BY_DISABILITY = 65;

  public CopaymentRate {
    if (tenths < 1 || tenths > 3 || reason == null) {
      throw new IllegalArgumentException("a derived rate is 1 to 3 tenths with a reason");
    }
  }

  /** Derives the rate for a visit. */
  public static CopaymentRate derive(LocalDate birthDate, LocalDate visitDate, CopaymentFacts facts) {
    if (visitDate.isBefore(birthDate)) {
      throw new TsumugiException(ErrorCode.COPAYMENT_VISIT_BEFORE_BIRTH);
    }
    CopaymentFacts f = facts == null ? CopaymentFacts.NONE : facts;
    if (!visitDate.isBefore(lateElderlyFirstDay(birthDate))) {
      int rate = f.lateElderlyRate()
          .orElseThrow(() -> new TsumugiException(ErrorCode.COPAYMENT_LATE_ELDERLY_RATE_REQUIRED));
      return new CopaymentRate(checkedLateElderlyRate(rate, visitDate), CopaymentReason.LATE_ELDERLY);
    }
    if (f.lateElderlyRate().isPresent()) {
      if (LegalAge.on(birthDate, visitDate) < AGE_LATE_ELDERLY_BY_DISABILITY) {
        throw new TsumugiException(ErrorCode.COPAYMENT_LATE_ELDERLY_TOO_YOUNG);
      }
      return new CopaymentRate(checkedLateElderlyRate(f.lateElderlyRate().getAsInt(), visitDate),
          CopaymentReason.LATE_ELDERLY_BY_DISABILITY);
    }
    if (!visitDate.isBefore(elderlyFirstDay(birthDate))) {
      boolean activeIncome = f.elderlyRecipientRate().isPresent() ? f.elderlyRecipientRate().getAsInt() == 3 : f.activeIncome();
      return activeIncome ? new CopaymentRate(3, CopaymentReason.ELDERLY_ACTIVE_INCOME) : new CopaymentRate(2, CopaymentReason.ELDERLY);
    }
    if (!visitDate.isAfter(preschoolLastDay(birthDate))) {
      return new CopaymentRate(2, CopaymentReason.PRESCHOOL);
    }
    return new CopaymentRate(3, CopaymentReason.GENERAL);
  }

  /** The last day of 未就学: the first 31 March on or after the day the child reaches 6. */
  public static LocalDate preschoolLastDay(LocalDate birthDate) {
    LocalDate reachesSix = LegalAge.attainedOn(birthDate, 6);
    LocalDate march31 = LocalDate.of(reachesSix.getYear(), Month.MARCH, 31);
    return reachesSix.isAfter(march31) ? march31.plusYears(1) : march31;
  }

  /** The first day of the 70–74 rate: the first day of the month after the month the person reaches 70. */
  public static LocalDate elderlyFirstDay(LocalDate birthDate) {
    return LegalAge.attainedOn(birthDate, 70).with(TemporalAdjusters.firstDayOfNextMonth());
  }

  /** The first day of 後期高齢者 by age: the 75th birthday (1 March for a 29 February birth in a common year). */
  public static LocalDate lateElderlyFirstDay(LocalDate birthDate) {
    return LegalAge.firstDayAtAge(birthDate, 75);
  }

  private static int checkedLateElderlyRate(int rate, LocalDate visitDate) {
    if (rate == 2 && visitDate.isBefore(LATE_ELDERLY_TWO_TENTHS_FROM)) {
      throw new TsumugiException(ErrorCode.COPAYMENT_CERTIFICATE_RATE_INVALID, "late-elderly 2 tenths exists from 2022-10-01");
    }
    return rate;
  }
}
