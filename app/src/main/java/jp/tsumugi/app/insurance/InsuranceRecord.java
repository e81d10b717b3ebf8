package jp.tsumugi.app.insurance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.qualification.LimitCategory;

/**
 * The current state of a patient's insurance: {@link Insurance} (numbers, 本人/家族, validity) plus
 * 資格取得日, the certificates that set the co-payment rate (高齢受給者証 2 or 3割, 後期高齢者 1, 2 or 3割;
 * 0 means none), 現役並み所得 when known without a certificate, 限度額適用区分, staff's override of the rate,
 * and the revision number (1 when created).
 */
public record InsuranceRecord(
    Insurance insurance,
    LocalDate qualifiedOn,
    int elderlyRecipientTenths,
    int lateElderlyTenths,
    boolean activeIncome,
    Optional<LimitCategory> limitCategory,
    Optional<CopaymentOverride> copaymentOverride,
    int revision) {

  public InsuranceRecord {
    if (insurance == null || revision < 1) {
      throw new IllegalArgumentException("insurance and a revision of 1 or more are required");
    }
    limitCategory = limitCategory == null ? Optional.empty() : limitCategory;
    copaymentOverride = copaymentOverride == null ? Optional.empty() : copaymentOverride;
  }

  /** A plain insurance with no certificates, as revision 1. */
  public static InsuranceRecord of(Insurance insurance) {
    return new InsuranceRecord(insurance, null, 0, 0, false, Optional.empty(), Optional.empty(), 1);
  }

  public long id() {
    return insurance.id();
  }

  /** True when the date lies inside the validity (an open end is unlimited). */
  public boolean validOn(LocalDate date) {
    return ValidityRange.contains(insurance.validFrom(), insurance.validTo(), date);
  }

  /** What the certificates say, for {@link CopaymentRate#derive}. */
  public CopaymentFacts facts() {
    return new CopaymentFacts(lateElderlyTenths == 0 ? OptionalInt.empty() : OptionalInt.of(lateElderlyTenths),
        elderlyRecipientTenths == 0 ? OptionalInt.empty() : OptionalInt.of(elderlyRecipientTenths), activeIncome);
  }

  /** The co-payment on a visit date: derived from age and certificates, with staff's override if any. */
  public CopaymentDecision copayment(LocalDate birthDate, LocalDate visitDate) {
    CopaymentDecision derived = CopaymentDecision.of(CopaymentRate.derive(birthDate, visitDate, facts()));
    return copaymentOverride.map(o -> derived.overriddenTo(o.tenths(), o.reason())).orElse(derived);
  }

  /** 未就学 on the date (derived from the birth date, never stored). */
  public static boolean preschoolOn(LocalDate birthDate, LocalDate date) {
    return !date.isAfter(CopaymentRate.preschoolLastDay(birthDate));
  }

  /** This record with the id (and patient id) the store assigned. */
  public InsuranceRecord withIds(long id, long patientId) {
    Insurance i = insurance;
    return new InsuranceRecord(new Insurance(id, patientId, i.insurerNumber(), i.symbol(), i.number(), i.branch(), i.insured(),
        i.validFrom(), i.validTo()), qualifiedOn, elderlyRecipientTenths, lateElderlyTenths, activeIncome, limitCategory,
        copaymentOverride, revision);
  }
}
