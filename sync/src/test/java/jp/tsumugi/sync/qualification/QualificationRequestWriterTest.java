package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.CharacterCode;
import jp.tsumugi.app.qualification.QualificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class QualificationRequestWriterTest {
  private static final Clinic CLINIC = new Clinic("1234567", "13", "紡クリニック", "100-0001", "東京都千代田区千代田1-1",
      "03-1234-5678", Clinic.FEE_TABLE_MEDICAL, 5);

  private static QualificationRequest request(String insurerNumber, String symbol, String branch) {
    return QualificationRequest.forClinic(CLINIC, LocalDate.of(2026, 11, 25), insurerNumber, symbol, "901", branch,
        LocalDate.of(1988, 4, 12), true);
  }

  private static Document dom(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static String text(Document d, String element) {
    return d.getElementsByTagName(element).item(0).getTextContent();
  }

  @Test
  void writesTheRequestFieldsOfTheReference() throws Exception {
    String xml = new QualificationRequestWriter().render(request("01130012", "12-34", "00"), "20261125093000123456");
    Document d = dom(xml);
    assertThat(d.getDocumentElement().getNodeName()).isEqualTo("XmlMsg");
    assertThat(text(d, "QualificationConfirmationDate")).isEqualTo("20261125");
    assertThat(text(d, "MedicalInstitutionCode")).isEqualTo("1311234567");
    assertThat(text(d, "ArbitraryFileIdentifier")).isEqualTo("20261125093000123456");
    assertThat(text(d, "InsurerNumber")).isEqualTo("01130012");
    assertThat(text(d, "InsuredCardSymbol")).isEqualTo("12-34");
    assertThat(text(d, "InsuredIdentificationNumber")).isEqualTo("901");
    assertThat(text(d, "InsuredBranchNumber")).isEqualTo("00");
    assertThat(text(d, "Birthdate")).isEqualTo("19880412");
    assertThat(text(d, "LimitApplicationCertificateRelatedConsFlg")).isEqualTo("1");
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>");
  }

  @Test
  void padsSixDigitKokuhoNumbersWithTwoLeadingSpaces() throws Exception {
    String xml = new QualificationRequestWriter().render(request("138057", "千代田", "03"), "1");
    assertThat(xml).contains("<InsurerNumber>  138057</InsurerNumber>");
    assertThat(text(dom(xml), "InsurerNumber")).hasSize(8);
  }

  @Test
  void leavesOutAnEmptySymbolAndBranch() {
    String xml = new QualificationRequestWriter().render(request("39131156", "", ""), "1");
    assertThat(xml).doesNotContain("InsuredCardSymbol").doesNotContain("InsuredBranchNumber");
  }

  @Test
  void escapesMarkupInFreeTextFields() throws Exception {
    String xml = new QualificationRequestWriter().render(request("01130012", "A&B<1>", "00"), "1");
    assertThat(text(dom(xml), "InsuredCardSymbol")).isEqualTo("A&B<1>");
  }

  @Test
  void encodesShiftJisByDefaultAndUtf8OnRequest() {
    QualificationRequest r = request("138057", "千代田", "03");
    byte[] sjis = new QualificationRequestWriter().encode(r, "1");
    byte[] utf8 = new QualificationRequestWriter(CharacterCode.UTF_8).encode(r, "1");
    assertThat(new String(sjis, ResultEncoding.SHIFT_JIS)).contains("<InsuredCardSymbol>千代田</InsuredCardSymbol>");
    assertThat(new String(utf8, StandardCharsets.UTF_8)).contains("<InsuredCardSymbol>千代田</InsuredCardSymbol>")
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    assertThat(new String(sjis, StandardCharsets.UTF_8)).doesNotContain("千代田");
  }

  @Test
  void refusesACharacterShiftJisCannotWrite() {
    QualificationRequest r = request("01130012", "😀", "00");
    assertThatThrownBy(() -> new QualificationRequestWriter().encode(r, "1"))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_REQUEST_UNENCODABLE));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # insurer  | number | branch | institution | expected code                  | case
      01130013   | 901    | 00     | 1311234567  | INSURER_NUMBER_INVALID         | wrong check digit (§5.1)
      0113001    | 901    | 00     | 1311234567  | INSURER_NUMBER_INVALID         | seven digits
      01130012   | ''     | 00     | 1311234567  | QUALIFICATION_REQUEST_INVALID  | no 番号
      01130012   | 901    | 001    | 1311234567  | QUALIFICATION_REQUEST_INVALID  | 枝番 with three digits
      01130012   | 901    | 0a     | 1311234567  | QUALIFICATION_REQUEST_INVALID  | 枝番 not digits
      01130012   | 901    | 00     | 1331234567  | QUALIFICATION_REQUEST_INVALID  | 点数表 3 (歯科) is not 医科
      01130012   | 901    | 00     | 131123456   | QUALIFICATION_REQUEST_INVALID  | nine digits
      """)
  void refusesAnInvalidRequest(String insurer, String number, String branch, String institution, ErrorCode expected, String why) {
    assertThatThrownBy(() -> new QualificationRequest(LocalDate.of(2026, 11, 25), institution, insurer, "", number, branch,
        LocalDate.of(1988, 4, 12), false))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
  }

  @Test
  void namesTheRequestAndItsResult() {
    assertThat(QualificationFileNames.requestName("20261125093000123456")).isEqualTo("OQSsiquc01req_20261125093000123456.xml");
    assertThat(QualificationFileNames.resultNameFor("OQSsiquc01req_20261125093000123456.xml"))
        .isEqualTo("OQSsiquc01res_20261125093000123456.xml");
    assertThatThrownBy(() -> QualificationFileNames.resultNameFor("OQSsiquc01res_1.xml")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualificationFileNames.requestName("../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualificationFileNames.requestName("123456789012345678901")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void identifiersComeFromTheClinicClockAndDiffer() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 123_000_000, tokyo).toInstant(), tokyo);
    SplittableRandom random = new SplittableRandom(7);
    String first = QualificationFileNames.newIdentifier(clock, random);
    String second = QualificationFileNames.newIdentifier(clock, random);
    assertThat(first).startsWith("20261125093000123").hasSize(20).matches("\\d{20}");
    assertThat(second).startsWith("20261125093000123").isNotEqualTo(first);
  }

  @Test
  void writesAtomicallyIntoTheRequestFolderAndNeverOverwrites(@TempDir Path req) throws Exception {
    QualificationRequestWriter writer = new QualificationRequestWriter();
    QualificationRequestWriter.RequestFile file = writer.writeTo(req, request("01130012", "12-34", "00"), "20261125093000123456");

    assertThat(file.request()).isEqualTo(req.resolve("OQSsiquc01req_20261125093000123456.xml"));
    assertThat(file.resultName()).isEqualTo("OQSsiquc01res_20261125093000123456.xml");
    assertThat(Files.readAllBytes(file.request())).isEqualTo(writer.encode(request("01130012", "12-34", "00"), "20261125093000123456"));
    try (var listing = Files.list(req)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("OQSsiquc01req_20261125093000123456.xml");
    }

    assertThatThrownBy(() -> writer.writeTo(req, request("01130012", "99", "00"), "20261125093000123456"))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUALIFICATION_FILE_UNREADABLE));
    assertThat(text(dom(Files.readString(file.request(), ResultEncoding.SHIFT_JIS)), "InsuredCardSymbol")).isEqualTo("12-34");
    try (var listing = Files.list(req)) {
      assertThat(listing).hasSize(1);
    }
  }
}
