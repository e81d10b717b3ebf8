package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.qualification.CharacterCode;
import jp.tsumugi.app.qualification.Consent;
import jp.tsumugi.app.qualification.ConsentState;
import jp.tsumugi.app.qualification.LimitCategory;
import jp.tsumugi.app.qualification.LimitCertificateClass;
import jp.tsumugi.app.qualification.PersonalFamilyClass;
import jp.tsumugi.app.qualification.ProcessingStatus;
import jp.tsumugi.app.qualification.QualificationResult;
import jp.tsumugi.app.qualification.QualificationValidity;
import jp.tsumugi.app.qualification.QualifiedInsurance;
import jp.tsumugi.app.qualification.ReferenceClassification;
import jp.tsumugi.app.qualification.ResultSegment;
import jp.tsumugi.app.qualification.SpecificDiseaseCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

class QualificationResultParserTest {
  private final QualificationResultParser parser = new QualificationResultParser();

  private QualificationResult parse(String fixture) {
    return parser.parse(Fixtures.bytes(fixture));
  }

  @Test
  void readsAMyNumberCardResultForANewPatient() {
    QualificationResult r = parse("face-new-patient-utf8.xml");

    assertThat(r.header().reference()).contains(ReferenceClassification.MY_NUMBER_CARD);
    assertThat(r.header().segment()).isEqualTo(ResultSegment.COMPLETED);
    assertThat(r.header().processedAt()).contains(LocalDateTime.of(2026, 11, 25, 9, 30, 12));
    assertThat(r.header().confirmationDate()).contains(LocalDate.of(2026, 11, 25));
    assertThat(r.header().institutionCode()).isEqualTo("1311234567");
    assertThat(r.header().characterCode()).contains(CharacterCode.UTF_8);
    assertThat(r.status()).contains(ProcessingStatus.NORMAL);
    assertThat(r.validity()).contains(QualificationValidity.VALID);
    assertThat(r.isValid()).isTrue();
    assertThat(r.insurances()).hasSize(1);

    QualifiedInsurance q = r.insurances().get(0);
    assertThat(q.cardClassification()).isEqualTo("01");
    assertThat(q.insurerNumber()).isEqualTo("01130012");
    assertThat(q.insurerName()).isEqualTo("全国健康保険協会東京支部");
    assertThat(q.symbol()).isEqualTo("12345678");
    assertThat(q.number()).isEqualTo("901");
    assertThat(q.branch()).isEqualTo("00");
    assertThat(q.personalFamily()).contains(PersonalFamilyClass.INSURED);
    assertThat(q.name()).isEqualTo("紡 花子");
    assertThat(q.kana()).isEqualTo("ツムギ ハナコ");
    assertThat(q.sex()).contains(Sex.FEMALE);
    assertThat(q.birthDate()).isEqualTo(LocalDate.of(1988, 4, 12));
    assertThat(q.address()).isEqualTo("東京都千代田区千代田1-1");
    assertThat(q.postalCode()).isEqualTo("100-0001");
    assertThat(q.validity().issuedOn()).contains(LocalDate.of(2020, 4, 1));
    assertThat(q.validity().validFrom()).contains(LocalDate.of(2020, 4, 1));
    assertThat(q.validity().validTo()).isEmpty();
    assertThat(q.lateElderlyRateTenths()).isEmpty();
    assertThat(q.preschool()).isFalse();
    assertThat(q.elderlyRecipientCertificate()).isEmpty();
    assertThat(q.limitCertificate()).isEmpty();

    Consent pharmacy = q.consents().pharmacy().orElseThrow();
    assertThat(pharmacy.state()).isEqualTo(ConsentState.GIVEN);
    assertThat(pharmacy.consentedAt()).contains(LocalDateTime.of(2026, 11, 25, 9, 30, 10));
    assertThat(pharmacy.availableUntil()).contains(LocalDateTime.of(2026, 12, 25, 23, 59, 59));
    assertThat(q.consents().healthCheckups().map(Consent::state)).contains(ConsentState.GIVEN);
    assertThat(q.consents().diagnosis().map(Consent::state)).contains(ConsentState.GIVEN);
    assertThat(q.consents().operation().map(Consent::state)).contains(ConsentState.GIVEN);
    assertThat(q.consents().limitCertificate()).isEmpty();
  }

  @Test
  void readsShiftJisWithWindowsCharactersExactlyLikeTheUtf8File() {
    QualificationResult sjis = parse("face-new-patient-sjis.xml");
    QualificationResult utf8 = parse("face-new-patient-utf8-same-names.xml");

    assertThat(sjis.header().characterCode()).contains(CharacterCode.SHIFT_JIS);
    assertThat(sjis.insurances().get(0).name()).isEqualTo("髙橋 﨑子");
    assertThat(sjis.insurances().get(0).kana()).isEqualTo("タカハシ サキコ");
    assertThat(sjis.insurances()).isEqualTo(utf8.insurances());
  }

  @Test
  void readsTheLateElderlyRateAsTenths() {
    QualifiedInsurance q = parse("face-late-elderly-10pct.xml").insurances().get(0);
    assertThat(q.insurerNumber()).isEqualTo("39131156");
    assertThat(q.symbol()).isEmpty();
    assertThat(q.number()).isEqualTo("12345678");
    assertThat(q.lateElderlyRateTenths()).isEqualTo(OptionalInt.of(1));
    assertThat(q.sex()).contains(Sex.MALE);
    assertThat(q.validity().validTo()).contains(LocalDate.of(2026, 7, 31));
  }

  @Test
  void readsTheElderlyRecipientCertificate() {
    QualificationResult r = parse("res-elderly-recipient-20pct.xml");
    assertThat(r.header().reference()).contains(ReferenceClassification.INSURANCE_CARD);
    var certificate = r.insurances().get(0).elderlyRecipientCertificate().orElseThrow();
    assertThat(certificate.rateTenths()).isEqualTo(2);
    assertThat(certificate.validity().issuedOn()).contains(LocalDate.of(2026, 8, 1));
    assertThat(certificate.validity().validFrom()).contains(LocalDate.of(2026, 10, 1));
    assertThat(certificate.validity().validTo()).contains(LocalDate.of(2027, 7, 31));
    assertThat(certificate.validity().covers(LocalDate.of(2026, 9, 30))).isFalse();
    assertThat(certificate.validity().covers(LocalDate.of(2026, 10, 1))).isTrue();
  }

  @Test
  void stripsTheSpacePaddingOfSixDigitKokuhoNumbersAndReadsPreschool() {
    QualificationResult r = parse("res-kokuho-preschool.xml");
    QualifiedInsurance q = r.insurances().get(0);
    assertThat(q.insurerNumber()).isEqualTo("138057");
    assertThat(q.symbol()).isEqualTo("千代田");
    assertThat(q.branch()).isEqualTo("03");
    assertThat(q.personalFamily()).contains(PersonalFamilyClass.DEPENDANT);
    assertThat(q.preschool()).isTrue();
    assertThat(r.header().fileIdentifier()).isEqualTo("20261125093000123456");
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      face-limit-certificate.xml
      # the element name as myclinic-ts spells it
      face-limit-certificate-fla.xml
      """)
  void readsTheLimitCertificateAndSpecificDiseases(String fixture) {
    QualifiedInsurance q = parse(fixture).insurances().get(0);
    var limit = q.limitCertificate().orElseThrow();
    assertThat(limit.category()).isEqualTo(LimitCategory.A03);
    assertThat(limit.certificateClass()).contains(LimitCertificateClass.LIMIT_APPLICATION);
    assertThat(limit.validity().validFrom()).contains(LocalDate.of(2026, 11, 1));
    assertThat(limit.validity().validTo()).contains(LocalDate.of(2027, 7, 31));
    assertThat(q.consents().limitCertificate().map(Consent::state)).contains(ConsentState.GIVEN);

    assertThat(q.specificDiseases()).hasSize(1);
    var disease = q.specificDiseases().get(0);
    assertThat(disease.category()).isEqualTo(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE_ON_DIALYSIS);
    assertThat(disease.selfPayLimitYen()).isEqualTo(OptionalLong.of(10_000));
    assertThat(q.consents().specificDiseases().map(Consent::state)).contains(ConsentState.GIVEN);
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      # fixture,                    validity,                   qualifications
      res-validity-1-valid.xml,     VALID,                      1
      res-validity-2-invalid.xml,   INVALID,                    1
      res-validity-3-newer.xml,     NEWER_QUALIFICATION_EXISTS, 1
      res-validity-4-not-found.xml, NOT_FOUND,                  0
      res-validity-5-multiple.xml,  MULTIPLE_MATCHES,           2
      """)
  void readsEachValidityValue(String fixture, QualificationValidity validity, int qualifications) {
    QualificationResult r = parse(fixture);
    assertThat(r.validity()).contains(validity);
    assertThat(r.insurances()).hasSize(qualifications);
    assertThat(r.isValid()).isEqualTo(validity == QualificationValidity.VALID);
  }

  @Test
  void consentNotGivenHasNoTimesAndAllowsNothing() {
    var consents = parse("face-consent-not-given.xml").insurances().get(0).consents();
    Consent diagnosis = consents.diagnosis().orElseThrow();
    assertThat(diagnosis.state()).isEqualTo(ConsentState.NOT_GIVEN);
    assertThat(diagnosis.consentedAt()).isEmpty();
    assertThat(diagnosis.allowsViewingAt(LocalDateTime.of(2026, 11, 25, 10, 0))).isFalse();
  }

  @Test
  void expiredConsentAllowsNothing() {
    Consent pharmacy = parse("face-consent-expired.xml").insurances().get(0).consents().pharmacy().orElseThrow();
    assertThat(pharmacy.state()).isEqualTo(ConsentState.EXPIRED);
    assertThat(pharmacy.allowsViewingAt(LocalDateTime.of(2025, 1, 15, 10, 0))).isFalse();
  }

  @Test
  void grantedConsentAllowsViewingUntilItsAvailableTimeInclusive() {
    Consent pharmacy = parse("face-consent-granted-past-availability.xml").insurances().get(0).consents().pharmacy().orElseThrow();
    assertThat(pharmacy.state()).isEqualTo(ConsentState.GIVEN);
    assertThat(pharmacy.allowsViewingAt(LocalDateTime.of(2026, 10, 31, 23, 59, 59))).isTrue();
    assertThat(pharmacy.allowsViewingAt(LocalDateTime.of(2026, 11, 1, 0, 0))).isFalse();
  }

  @Test
  void aFailedCheckCarriesTheTerminalsErrorAndNoQualification() {
    QualificationResult r = parse("res-segment-9-error.xml");
    assertThat(r.header().segment()).isEqualTo(ResultSegment.FAILED);
    assertThat(r.header().errorCode()).isEqualTo("EOBT0001");
    assertThat(r.header().errorMessage()).isEqualTo("照会に失敗しました");
    assertThat(r.status()).isEmpty();
    assertThat(r.insurances()).isEmpty();
    assertThat(r.isValid()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      # fixture,                              expected code
      malformed-truncated.xml,                QUALIFICATION_TRUNCATED
      malformed-not-xml.xml,                  QUALIFICATION_NOT_XML
      malformed-unknown-root.xml,             QUALIFICATION_UNKNOWN_ROOT
      malformed-mismatched-tags.xml,          QUALIFICATION_MALFORMED
      # Shift_JIS bytes declared UTF-8 (and CharacterCodeIdentifier 0)
      malformed-wrong-encoding-declared.xml,  QUALIFICATION_ENCODING_INVALID
      # declaration Shift_JIS, CharacterCodeIdentifier 0 (ADR 0014)
      malformed-encoding-mismatch.xml,        QUALIFICATION_ENCODING_MISMATCH
      malformed-euc-jp.xml,                   QUALIFICATION_ENCODING_UNSUPPORTED
      malformed-utf16.xml,                    QUALIFICATION_ENCODING_UNSUPPORTED
      malformed-bad-birthdate.xml,            QUALIFICATION_FIELD_INVALID
      malformed-bad-validity-code.xml,        QUALIFICATION_FIELD_INVALID
      attack-xxe.xml,                         QUALIFICATION_EXTERNAL_ENTITY
      attack-xxe-parameter.xml,               QUALIFICATION_EXTERNAL_ENTITY
      attack-external-dtd.xml,                QUALIFICATION_EXTERNAL_ENTITY
      attack-billion-laughs.xml,              QUALIFICATION_ENTITY_EXPANSION
      attack-doctype-only.xml,                QUALIFICATION_DOCTYPE_FORBIDDEN
      """)
  void rejectsBadFilesWithASpecificCode(String fixture, ErrorCode expected) {
    assertThatThrownBy(() -> parse(fixture))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
  }

  @Test
  void errorMessagesNeverCarryPatientData() {
    for (String fixture : new String[] {"malformed-bad-birthdate.xml", "malformed-truncated.xml", "attack-xxe.xml"}) {
      assertThatThrownBy(() -> parse(fixture)).message().doesNotContain("19880230").doesNotContain("花子").doesNotContain("ツムギ");
    }
  }

  @Test
  void xincludeIsNeverResolved() {
    QualificationResult r = parse("attack-xinclude.xml");
    assertThat(r.insurances().get(0).address()).isEmpty();
    assertThat(r.toString()).doesNotContain("root:");
  }

  @Test
  void theHardenedSaxParserItselfRefusesAnyDoctype() {
    // Defence in depth: the text check runs first, but the SAX parser alone must also refuse a DTD.
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE XmlMsg [<!ENTITY a \"b\">]><XmlMsg>&a;</XmlMsg>";
    LimitedTreeHandler handler = new LimitedTreeHandler(QualificationResultParser.ROOT, QualificationResultParser.Limits.DEFAULT);
    assertThatThrownBy(() -> QualificationResultParser.hardenedFactory().newSAXParser()
        .parse(new InputSource(new StringReader(xml)), handler))
        .isInstanceOf(SAXParseException.class);
    assertThat(handler.rootStarted()).isFalse();
  }

  @Test
  void rejectsTenMegabytesOfJunkBeforeReadingIt(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("OQSsiquc01res_face_junk.xml");
    byte[] chunk = "<XmlMsg>".repeat(128).getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(junk)) {
      for (long written = 0; written < 10L * 1024 * 1024; written += chunk.length) {
        out.write(chunk);
      }
    }
    long started = System.nanoTime();
    assertThatThrownBy(() -> parser.parse(junk))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_FILE_TOO_LARGE));
    assertThat(System.nanoTime() - started).as("rejected from its size, not parsed").isLessThan(1_000_000_000L);
    assertThatThrownBy(() -> parser.parse(Files.readAllBytes(junk)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_FILE_TOO_LARGE));
  }

  @Test
  void readsAFileFromDisk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("OQSsiquc01res_face_1.xml");
    Files.write(file, Fixtures.bytes("face-late-elderly-10pct.xml"));
    assertThat(parser.parse(file).insurances().get(0).lateElderlyRateTenths()).isEqualTo(OptionalInt.of(1));
    assertThatThrownBy(() -> parser.parse(dir.resolve("missing.xml")))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_FILE_UNREADABLE));
  }

  @Test
  void rejectsDeepNestingAndTooManyElements() {
    String deep = "<XmlMsg>" + "<a>".repeat(100) + "</a>".repeat(100) + "</XmlMsg>";
    assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_TOO_COMPLEX));
    String wide = "<XmlMsg>" + "<a/>".repeat(30_000) + "</XmlMsg>";
    assertThatThrownBy(() -> parser.parse(wide.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_TOO_COMPLEX));
    String longText = "<XmlMsg><Name>" + "あ".repeat(5_000) + "</Name></XmlMsg>";
    assertThatThrownBy(() -> parser.parse(longText.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_TOO_COMPLEX));
  }

  @Test
  void rejectsEmptyAndBinaryFiles() {
    assertThatThrownBy(() -> parser.parse(new byte[0]))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_NOT_XML));
    assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_NOT_XML));
  }

  @Test
  void aResultWithoutTheEncodingDeclarationFollowsCharacterCodeIdentifier() {
    String sjis = new String(Fixtures.bytes("face-new-patient-sjis.xml"), ResultEncoding.SHIFT_JIS);
    byte[] withoutDeclaration = sjis.substring(sjis.indexOf("<XmlMsg>")).getBytes(ResultEncoding.SHIFT_JIS);
    assertThat(parser.parse(withoutDeclaration).insurances().get(0).name()).isEqualTo("髙橋 﨑子");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() {
    byte[] plain = Fixtures.bytes("face-new-patient-utf8.xml");
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    assertThat(parser.parse(bom).insurances().get(0).name()).isEqualTo("紡 花子");
  }

  @Test
  void unknownElementsAreIgnored() {
    String xml = new String(Fixtures.bytes("face-new-patient-utf8.xml"), StandardCharsets.UTF_8)
        .replace("<MessageBody>", "<MessageBody><FutureField>x</FutureField>");
    assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8)).validity()).isEqualTo(Optional.of(QualificationValidity.VALID));
  }
}
