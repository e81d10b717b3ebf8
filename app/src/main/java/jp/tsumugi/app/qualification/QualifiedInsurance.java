package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.patient.Sex;

/**
 * One qualification of a result (ResultOfQualificationConfirmation). Text is never null ("" when the
 * file leaves it out); the insurer number has the space padding of 6-digit 国保 numbers removed.
 *
 * @param cardClassification 被保険者証区分 code (01 被保険者証 …), as in the file
 * @param sex Sex1, empty for 3 未設定
 * @param lateElderlyRateTenths 後期高齢者 負担割合 (InsuredPartialContributionRatio "010" → 1)
 * @param preschool PreschoolClassification 1 (未就学)
 */
public record QualifiedInsurance(
    String cardClassification,
    String insurerNumber,
    String insurerName,
    String symbol,
    String number,
    String branch,
    Optional<PersonalFamilyClass> personalFamily,
    String insuredName,
    String name,
    String nameOfOther,
    String kana,
    String kanaOfOther,
    Optional<Sex> sex,
    LocalDate birthDate,
    String address,
    String postalCode,
    ValidityPeriod validity,
    OptionalInt lateElderlyRateTenths,
    boolean preschool,
    Optional<ElderlyRecipientCertificate> elderlyRecipientCertificate,
    Optional<LimitCertificate> limitCertificate,
    List<SpecificDiseaseCertificate> specificDiseases,
    Consents consents) {

  public QualifiedInsurance {
    if (birthDate == null) {
      throw new IllegalArgumentException("birth date required");
    }
    cardClassification = text(cardClassification);
    insurerNumber = text(insurerNumber).strip();
    insurerName = text(insurerName);
    symbol = text(symbol);
    number = text(number);
    branch = text(branch);
    personalFamily = personalFamily == null ? Optional.empty() : personalFamily;
    insuredName = text(insuredName);
    name = text(name);
    nameOfOther = text(nameOfOther);
    kana = text(kana);
    kanaOfOther = text(kanaOfOther);
    sex = sex == null ? Optional.empty() : sex;
    address = text(address);
    postalCode = text(postalCode);
    validity = validity == null ? ValidityPeriod.UNKNOWN : validity;
    lateElderlyRateTenths = lateElderlyRateTenths == null ? OptionalInt.empty() : lateElderlyRateTenths;
    elderlyRecipientCertificate = elderlyRecipientCertificate == null ? Optional.empty() : elderlyRecipientCertificate;
    limitCertificate = limitCertificate == null ? Optional.empty() : limitCertificate;
    specificDiseases = specificDiseases == null ? List.of() : List.copyOf(specificDiseases);
    consents = consents == null ? Consents.NONE : consents;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
