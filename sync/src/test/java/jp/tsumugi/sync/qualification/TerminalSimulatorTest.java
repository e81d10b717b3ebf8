package jp.tsumugi.sync.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import jp.tsumugi.app.qualification.LimitCategory;
import jp.tsumugi.app.qualification.PersonalFamilyClass;
import jp.tsumugi.app.qualification.QualificationRequest;
import jp.tsumugi.app.qualification.QualificationResult;
import jp.tsumugi.app.qualification.QualificationValidity;
import jp.tsumugi.app.qualification.QualifiedInsurance;
import jp.tsumugi.app.qualification.ResultSegment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's simulated 資格確認端末: requests in req/ get results in res/ the inbox can read. */
class TerminalSimulatorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
  private static final LocalDate BIRTH = LocalDate.of(1950, 4, 2);
  private static final TerminalSimulator.Card NAKAJIMA = new TerminalSimulator.Card("01130012", "3384", "41212", "01", false,
      LocalDate.of(2020, 4, 1), LocalDate.of(2027, 3, 31), "中島 博", "ナカジマ ヒロシ", "1", BIRTH, "160-0022", "東京都新宿区1-1", 2, 0,
      "B04");
  private static final TerminalSimulator.Card KOKUHO = new TerminalSimulator.Card("138057", "", "7001", "", true, null, null,
      "近藤 直美", "コンドウ ナオミ", "2", LocalDate.of(1955, 1, 9), "", "", 0, 0, "");

  @TempDir Path root;
  private InboxFolders folders;
  private TerminalSimulator simulator;
  private int sequence;

  @BeforeEach
  void folders() throws IOException {
    folders = new InboxFolders(root);
    for (Path p : List.of(folders.requests(), folders.results(), folders.face())) {
      Files.createDirectories(p);
    }
    simulator = new TerminalSimulator(folders, (insurer, symbol, number, branch, birth) -> Stream.of(NAKAJIMA, KOKUHO)
        .filter(c -> c.insurerNumber().equals(insurer) && c.symbol().equals(symbol) && c.number().equals(number)
            && c.branch().equals(branch) && c.birthDate().equals(birth))
        .findFirst(), CLOCK);
  }

  private String request(String insurer, String symbol, String number, String branch, LocalDate birth) {
    QualificationRequest r = new QualificationRequest(LocalDate.of(2026, 11, 25), "1311234567", insurer, symbol, number, branch, birth,
        false);
    String identifier = "20261125100000" + String.format("%06d", ++sequence);
    return new QualificationRequestWriter().writeTo(folders.requests(), r, identifier).resultName();
  }

  private QualificationResult result(String name) {
    Path file = folders.results().resolve(name);
    assertThat(file).as("answer %s in res/", name).exists();
    return new QualificationResultParser().parse(file);
  }

  @Test
  void aKnownCardIsAnsweredValidWithWhatTheRegistryHoldsUnderTheMatchingNameAndTheRequestIsSetAside() {
    String name = request("01130012", "3384", "41212", "01", BIRTH);
    assertThat(simulator.answerWaiting()).isEqualTo(1);

    QualificationResult r = result(name);
    assertThat(r.header().segment()).isEqualTo(ResultSegment.COMPLETED);
    assertThat(r.validity()).contains(QualificationValidity.VALID);
    QualifiedInsurance q = r.insurances().get(0);
    assertThat(List.of(q.insurerNumber(), q.symbol(), q.number(), q.branch())).containsExactly("01130012", "3384", "41212", "01");
    assertThat(q.personalFamily()).contains(PersonalFamilyClass.DEPENDANT);
    assertThat(q.kana()).isEqualTo("ナカジマ ヒロシ");
    assertThat(q.birthDate()).isEqualTo(BIRTH);
    assertThat(q.validity().validFrom()).contains(LocalDate.of(2020, 4, 1));
    assertThat(q.validity().validTo()).contains(LocalDate.of(2027, 3, 31));
    assertThat(q.elderlyRecipientCertificate()).hasValueSatisfying(e -> assertThat(e.rateTenths()).isEqualTo(2));
    assertThat(q.limitCertificate()).hasValueSatisfying(l -> assertThat(l.category()).isEqualTo(LimitCategory.B04));
    assertThat(folders.requests().resolve("answered").resolve(name.replace("res_", "req_"))).exists();
    assertThat(simulator.answerWaiting()).as("answered once only").isZero();
  }

  @Test
  void aSixDigitKokuhoNumberRoundTripsAndAnotherBirthDateIsNotFound() {
    String kokuho = request("138057", "", "7001", "", LocalDate.of(1955, 1, 9));
    String wrongBirth = request("01130012", "3384", "41212", "01", BIRTH.plusDays(1));
    assertThat(simulator.answerWaiting()).isEqualTo(2);

    assertThat(result(kokuho).insurances()).singleElement().satisfies(q -> {
      assertThat(q.insurerNumber()).isEqualTo("138057");
      assertThat(q.personalFamily()).contains(PersonalFamilyClass.INSURED);
      assertThat(q.elderlyRecipientCertificate()).isEmpty();
    });
    QualificationResult none = result(wrongBirth);
    assertThat(none.validity()).contains(QualificationValidity.NOT_FOUND);
    assertThat(none.insurances()).isEmpty();
  }

  @Test
  void anUnreadableOrHostileRequestGetsAFailedAnswerAndTheOthersAreStillAnswered() throws IOException {
    Path junk = folders.requests().resolve(QualificationFileNames.REQUEST_PREFIX + "junk.xml");
    Files.writeString(junk, "this is not XML", StandardCharsets.UTF_8);
    Path hostile = folders.requests().resolve(QualificationFileNames.REQUEST_PREFIX + "xxe.xml");
    Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE XmlMsg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><XmlMsg>&x;</XmlMsg>",
        StandardCharsets.UTF_8);
    String good = request("01130012", "3384", "41212", "01", BIRTH);
    Path halfWritten = folders.requests().resolve("." + QualificationFileNames.REQUEST_PREFIX + "later.xml.part");
    Files.writeString(halfWritten, "<XmlMsg>", StandardCharsets.UTF_8);

    assertThat(simulator.answerWaiting()).isEqualTo(3);

    for (String failed : List.of(QualificationFileNames.resultNameFor(junk.getFileName().toString()),
        QualificationFileNames.resultNameFor(hostile.getFileName().toString()))) {
      QualificationResult r = result(failed);
      assertThat(r.header().segment()).isEqualTo(ResultSegment.FAILED);
      assertThat(r.insurances()).isEmpty();
      assertThat(Files.readString(folders.results().resolve(failed))).doesNotContain("root:");
    }
    assertThat(result(good).validity()).contains(QualificationValidity.VALID);
    assertThat(halfWritten).as("a request still being written is left alone").exists();
    try (Stream<Path> left = Files.list(folders.results())) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left in res/").noneMatch(n -> n.startsWith("."));
    }
  }
}
