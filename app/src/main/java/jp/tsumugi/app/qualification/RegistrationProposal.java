package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A result for a person with no patient yet: the parsed fields that pre-fill registration, kept in the
 * store (patient data, never logged) until staff confirm it (docs/adr/0020).
 *
 * @param sexCode 1 male, 2 female, "" unknown
 * @param personalFamilyCode 1 本人, 2 家族, "" unknown
 * @param limitCategoryCode 限度額適用区分 code, "" none
 * @param elderlyRecipientTenths 高齢受給者証 負担割合 in tenths, 0 none
 * @param lateElderlyTenths 後期高齢者 負担割合 in tenths, 0 none
 * @param birthDate null only once DONE (personal data cleared)
 * @param patientId the registered patient once done, 0 while pending
 */
public record RegistrationProposal(
    long id,
    long ledgerId,
    State state,
    String familyName,
    String givenName,
    String familyKana,
    String givenKana,
    String sexCode,
    LocalDate birthDate,
    String postalCode,
    String address,
    String insurerNumber,
    String symbol,
    String number,
    String branch,
    String personalFamilyCode,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo,
    int elderlyRecipientTenths,
    int lateElderlyTenths,
    String limitCategoryCode,
    boolean preschool,
    long createdAtMillis,
    long patientId) {

  /** Pending until staff confirm it. */
  public enum State {
    PENDING,
    DONE
  }

  public RegistrationProposal {
    // A DONE proposal has had its personal data cleared (docs/adr/0023), the birth date included.
    if (state == null || birthDate == null && state == State.PENDING) {
      throw new IllegalArgumentException("state and birth date required");
    }
    familyName = text(familyName);
    givenName = text(givenName);
    familyKana = text(familyKana);
    givenKana = text(givenKana);
    sexCode = text(sexCode);
    postalCode = text(postalCode);
    address = text(address);
    insurerNumber = text(insurerNumber);
    symbol = text(symbol);
    number = text(number);
    branch = text(branch);
    personalFamilyCode = text(personalFamilyCode);
    validFrom = validFrom == null ? Optional.empty() : validFrom;
    validTo = validTo == null ? Optional.empty() : validTo;
    limitCategoryCode = text(limitCategoryCode);
  }

  /** The proposal for one qualification of a result. */
  public static RegistrationProposal of(QualifiedInsurance q, long ledgerId, long atMillis) {
    String[] name = splitName(q.name().isEmpty() ? q.insuredName() : q.name());
    String[] kana = splitName(q.kana());
    return new RegistrationProposal(0, ledgerId, State.PENDING, name[0], name[1], kana[0], kana[1],
        q.sex().map(s -> s.claimCode()).orElse(""), q.birthDate(), q.postalCode(), q.address(), q.insurerNumber(), q.symbol(),
        q.number(), q.branch(), q.personalFamily().map(PersonalFamilyClass::code).orElse(""), q.validity().validFrom(),
        q.validity().validTo(), q.elderlyRecipientCertificate().map(ElderlyRecipientCertificate::rateTenths).orElse(0),
        q.lateElderlyRateTenths().orElse(0), q.limitCertificate().map(l -> l.category().code()).orElse(""), q.preschool(),
        atMillis, 0);
  }

  /** Family and given part of a name written "family given" (ASCII or ideographic space); given is "" without a space. */
  static String[] splitName(String full) {
    String s = full.strip().replace('\u3000', ' ');
    int space = s.indexOf(' ');
    if (space < 0) {
      return new String[] {s, ""};
    }
    return new String[] {s.substring(0, space).strip(), s.substring(space + 1).strip()};
  }

  public RegistrationProposal withId(long newId) {
    return new RegistrationProposal(newId, ledgerId, state, familyName, givenName, familyKana, givenKana, sexCode, birthDate,
        postalCode, address, insurerNumber, symbol, number, branch, personalFamilyCode, validFrom, validTo, elderlyRecipientTenths,
        lateElderlyTenths, limitCategoryCode, preschool, createdAtMillis, patientId);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
