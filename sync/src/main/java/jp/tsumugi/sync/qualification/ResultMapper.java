package jp.tsumugi.sync.qualification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.CharacterCode;
import jp.tsumugi.app.qualification.Consent;
import jp.tsumugi.app.qualification.ConsentState;
import jp.tsumugi.app.qualification.Consents;
import jp.tsumugi.app.qualification.ElderlyRecipientCertificate;
import jp.tsumugi.app.qualification.LimitCategory;
import jp.tsumugi.app.qualification.LimitCertificate;
import jp.tsumugi.app.qualification.LimitCertificateClass;
import jp.tsumugi.app.qualification.PersonalFamilyClass;
import jp.tsumugi.app.qualification.ProcessingStatus;
import jp.tsumugi.app.qualification.QualificationResult;
import jp.tsumugi.app.qualification.QualificationValidity;
import jp.tsumugi.app.qualification.QualifiedInsurance;
import jp.tsumugi.app.qualification.ReferenceClassification;
import jp.tsumugi.app.qualification.ResultHeader;
import jp.tsumugi.app.qualification.ResultSegment;
import jp.tsumugi.app.qualification.SpecificDiseaseCategory;
import jp.tsumugi.app.qualification.SpecificDiseaseCertificate;
import jp.tsumugi.app.qualification.ValidityPeriod;

/**
 * Maps the element tree of a result to the domain records. Field names follow billing-rules.md §5.3.
 * Unknown elements are ignored (the interface grows); a known element with a value outside its code
 * list is {@link ErrorCode#QUALIFICATION_FIELD_INVALID}, naming the element, never the value.
 */
final class ResultMapper {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  private ResultMapper() {
  }

  static QualificationResult map(XmlNode root) {
    XmlNode headerNode = root.child("MessageHeader").orElseThrow(() -> missing("MessageHeader"));
    ResultHeader header = new ResultHeader(
        time(headerNode, "ProcessExecutionTime"),
        date(headerNode, "QualificationConfirmationDate"),
        headerNode.childText("MedicalInstitutionCode"),
        headerNode.childText("ArbitraryFileIdentifier"),
        code(headerNode, "ReferenceClassification", ReferenceClassification::byCode),
        code(headerNode, "SegmentOfResult", ResultSegment::byCode).orElseThrow(() -> missing("SegmentOfResult")),
        headerNode.childText("ErrorCode"),
        headerNode.childText("ErrorMessage"),
        code(headerNode, "CharacterCodeIdentifier", CharacterCode::byCode));
    Optional<XmlNode> bodyNode = root.child("MessageBody");
    if (bodyNode.isEmpty()) {
      if (header.segment() == ResultSegment.COMPLETED) {
        throw missing("MessageBody");
      }
      return new QualificationResult(header, Optional.empty(), "", "", Optional.empty(), List.of());
    }
    XmlNode body = bodyNode.get();
    Optional<ProcessingStatus> status = code(body, "ProcessingResultStatus", ProcessingStatus::byCode);
    Optional<QualificationValidity> validity = code(body, "QualificationValidity", QualificationValidity::byCode);
    if (header.segment() == ResultSegment.COMPLETED && status.isEmpty()) {
      throw missing("ProcessingResultStatus");
    }
    if (status.equals(Optional.of(ProcessingStatus.NORMAL)) && validity.isEmpty()) {
      throw missing("QualificationValidity");
    }
    List<QualifiedInsurance> insurances = new ArrayList<>();
    for (XmlNode list : body.children("ResultList")) {
      for (XmlNode entry : list.children("ResultOfQualificationConfirmation")) {
        insurances.add(insurance(entry, body));
      }
    }
    return new QualificationResult(header, status, body.childText("ProcessingResultCode"), body.childText("ProcessingResultMessage"),
        validity, insurances);
  }

  private static QualifiedInsurance insurance(XmlNode e, XmlNode body) {
    String insurerNumber = e.child("InsurerNumber").map(XmlNode::rawText).orElse("").strip();
    if (!insurerNumber.matches("\\d*")) {
      throw invalid("InsurerNumber");
    }
    return new QualifiedInsurance(
        e.childText("InsuredCardClassification"),
        insurerNumber,
        e.childText("InsurerName"),
        e.childText("InsuredCardSymbol"),
        e.childText("InsuredIdentificationNumber"),
        e.childText("InsuredBranchNumber"),
        code(e, "PersonalFamilyClassification", PersonalFamilyClass::byCode),
        e.childText("InsuredName"),
        e.childText("Name"),
        e.childText("NameOfOther"),
        e.childText("NameKana"),
        e.childText("NameOfOtherKana"),
        sex(e, "Sex1"),
        date(e, "Birthdate").orElseThrow(() -> missing("Birthdate")),
        e.childText("Address"),
        e.childText("PostNumber"),
        new ValidityPeriod(date(e, "InsuredCertificateIssuanceDate"), date(e, "InsuredCardValidDate"),
            date(e, "InsuredCardExpirationDate")),
        percentAsTenths(e, "InsuredPartialContributionRatio", 1),
        "1".equals(e.childText("PreschoolClassification")),
        e.child("ElderlyRecipientCertificateInfo").flatMap(ResultMapper::elderly),
        e.child("LimitApplicationCertificateRelatedInfo").flatMap(ResultMapper::limit),
        specificDiseases(e),
        consents(e, body));
  }

  private static Optional<ElderlyRecipientCertificate> elderly(XmlNode n) {
    OptionalInt rate = percentAsTenths(n, "ElderlyRecipientContributionRatio", 2);
    if (rate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ElderlyRecipientCertificate(new ValidityPeriod(date(n, "ElderlyRecipientCertificateDate"),
        date(n, "ElderlyRecipientValidStartDate"), date(n, "ElderlyRecipientValidEndDate")), rate.getAsInt()));
  }

  private static Optional<LimitCertificate> limit(XmlNode n) {
    // myclinic-ts spells the element ...ClassificationFla (billing-rules.md §5.3 has ...Flag): accept both.
    String flagName = n.child("LimitApplicationCertificateClassificationFlag").isPresent()
        ? "LimitApplicationCertificateClassificationFlag" : "LimitApplicationCertificateClassificationFla";
    Optional<LimitCategory> category = code(n, flagName, LimitCategory::byCode);
    if (category.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LimitCertificate(code(n, "LimitApplicationCertificateClassification", LimitCertificateClass::byCode),
        category.get(),
        new ValidityPeriod(date(n, "LimitApplicationCertificateDate"), date(n, "LimitApplicationCertificateValidStartDate"),
            date(n, "LimitApplicationCertificateValidEndDate")),
        date(n, "LimitApplicationCertificateLongTermDate")));
  }

  private static List<SpecificDiseaseCertificate> specificDiseases(XmlNode e) {
    List<SpecificDiseaseCertificate> certificates = new ArrayList<>();
    for (XmlNode list : e.children("SpecificDiseasesCertificateList")) {
      for (XmlNode n : list.children("SpecificDiseasesCertificateInfo")) {
        SpecificDiseaseCategory category = code(n, "SpecificDiseasesDiseaseCategory", SpecificDiseaseCategory::byCode)
            .orElseThrow(() -> missing("SpecificDiseasesDiseaseCategory"));
        String selfPay = n.childText("SpecificDiseasesSelfPay");
        if (!selfPay.matches("\\d{0,9}")) {
          throw invalid("SpecificDiseasesSelfPay");
        }
        certificates.add(new SpecificDiseaseCertificate(category,
            new ValidityPeriod(date(n, "SpecificDiseasesCertificateDate"), date(n, "SpecificDiseasesValidStartDate"),
                date(n, "SpecificDiseasesValidEndDate")),
            selfPay.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(selfPay))));
      }
    }
    return certificates;
  }

  /** Consent flags sit in each qualification; a file that carries them once in the body gives them to every entry. */
  private static Consents consents(XmlNode e, XmlNode body) {
    return new Consents(
        consent(e, body, "PharmacistsInfo"),
        consent(e, body, "SpecificHealthCheckupsInfo"),
        consent(e, body, "DiagnosisInfo"),
        consent(e, body, "OperationInfo"),
        consent(e, body, "LimitApplicationCertificateRelated"),
        consent(e, body, "SpecificDiseasesCertificateRelated"));
  }

  private static Optional<Consent> consent(XmlNode e, XmlNode body, String prefix) {
    XmlNode holder = e.child(prefix + "ConsFlg").isPresent() ? e : body;
    Optional<ConsentState> state = code(holder, prefix + "ConsFlg", ConsentState::byCode);
    return state.map(s -> new Consent(s, time(holder, prefix + "ConsTime"), time(holder, prefix + "AvailableTime")));
  }

  private static Optional<Sex> sex(XmlNode n, String name) {
    String code = n.childText(name);
    switch (code) {
      case "":
      case "3":
        return Optional.empty();
      case "1":
        return Optional.of(Sex.MALE);
      case "2":
        return Optional.of(Sex.FEMALE);
      default:
        throw invalid(name);
    }
  }

  /** A three-digit percentage ("010") as tenths (1); must be a whole number of tenths between min and 3. */
  private static OptionalInt percentAsTenths(XmlNode n, String name, int min) {
    String text = n.childText(name);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    if (!text.matches("\\d{1,3}")) {
      throw invalid(name);
    }
    int percent = Integer.parseInt(text);
    if (percent % 10 != 0 || percent / 10 < min || percent / 10 > 3) {
      throw invalid(name);
    }
    return OptionalInt.of(percent / 10);
  }

  private static <T> Optional<T> code(XmlNode n, String name, Function<String, Optional<T>> lookup) {
    String text = n.childText(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> value = lookup.apply(text);
    if (value.isEmpty()) {
      throw invalid(name);
    }
    return value;
  }

  private static Optional<LocalDate> date(XmlNode n, String name) {
    String text = n.childText(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text, DATE));
    } catch (DateTimeParseException ex) {
      throw invalid(name);
    }
  }

  private static Optional<LocalDateTime> time(XmlNode n, String name) {
    String text = n.childText(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text, TIME));
    } catch (DateTimeParseException ex) {
      throw invalid(name);
    }
  }

  private static TsumugiException missing(String name) {
    return new TsumugiException(ErrorCode.QUALIFICATION_FIELD_INVALID, name + " missing");
  }

  private static TsumugiException invalid(String name) {
    return new TsumugiException(ErrorCode.QUALIFICATION_FIELD_INVALID, name + " invalid");
  }
}
