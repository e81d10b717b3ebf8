package jp.tsumugi.app.prescription.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.tsumugi.app.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Interaction CSV import: hostile inputs give specific codes with their line; export round-trips. */
class InteractionCsvTest {
  static final String HEADER = "ingredient_a,name_a,ingredient_b,name_b,severity,mechanism,source_reference\n";
  static final String GOOD = "1124007,トリアゾラム,6290004,イトラコナゾール,CONTRAINDICATED,CYP3A4,添付文書 ハルシオン錠 10.1\n";

  static InteractionCsv.Preview parse(String text) {
    return InteractionCsv.parse(text.getBytes(StandardCharsets.UTF_8), YMaster.load()::knownKey);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of(HEADER + GOOD + "1124007,,9999999,,CAUTION,x,doc\n", 3, ErrorCode.INTERACTION_CSV_UNKNOWN_KEY),
        Arguments.of(HEADER + GOOD + "6290004,,1124007,,CAUTION,x,doc\n", 3, ErrorCode.INTERACTION_CSV_DUPLICATE_PAIR),
        Arguments.of(HEADER + GOOD + GOOD, 3, ErrorCode.INTERACTION_CSV_DUPLICATE_PAIR),
        Arguments.of(HEADER + "1124007,,6149003,,SEVERE,x,doc\n", 2, ErrorCode.INTERACTION_CSV_SEVERITY),
        Arguments.of(HEADER + "1124007,,6149003,,CAUTION,x,\n", 2, ErrorCode.INTERACTION_CSV_SOURCE_MISSING),
        Arguments.of(HEADER + "112400,,6149003,,CAUTION,x,doc\n", 2, ErrorCode.INTERACTION_CSV_KEY_FORMAT),
        Arguments.of(HEADER + "1124007,,1124007,,CAUTION,x,doc\n", 2, ErrorCode.INTERACTION_CSV_SAME_KEY),
        Arguments.of(HEADER + "1124007,,6149003,,CAUTION,x\u0007,doc\n", 2, ErrorCode.INTERACTION_CSV_CONTROL_CHARACTER),
        Arguments.of(HEADER + "1124007,,6149003,,CAUTION,\"x,doc\n", 2, ErrorCode.INTERACTION_CSV_COLUMNS),
        Arguments.of(HEADER + "1124007,,6149003,,CAUTION,x\n", 2, ErrorCode.INTERACTION_CSV_COLUMNS),
        Arguments.of(HEADER + "1124007,,6149003,,CAUTION," + "x".repeat(2001) + ",doc\n", 2, ErrorCode.INTERACTION_CSV_LINE_TOO_LONG),
        Arguments.of("ingredient_a,ingredient_b,severity\n" + GOOD, 1, ErrorCode.INTERACTION_CSV_HEADER),
        Arguments.of("ingredient_a,ingredient_b,severity,source_reference,colour\n", 1, ErrorCode.INTERACTION_CSV_HEADER),
        Arguments.of(HEADER, 0, ErrorCode.INTERACTION_CSV_EMPTY),
        Arguments.of("", 0, ErrorCode.INTERACTION_CSV_EMPTY));
  }

  @ParameterizedTest(name = "line {1}: {2}")
  @MethodSource("hostile")
  void hostileInputGivesASpecificCodeOnItsLine(String text, int line, ErrorCode code) {
    InteractionCsv.Preview p = parse(text);
    assertThat(p.clean()).isFalse();
    assertThat(p.problems()).containsExactly(new InteractionCsv.Problem(line, code));
  }

  @Test
  void everyProblemIsListedNotOnlyTheFirst() {
    InteractionCsv.Preview p = parse(HEADER + "1124007,,9999999,,CAUTION,x,doc\n" + GOOD + "1124007,,6149003,,NO,x,doc\n");
    assertThat(p.problems()).extracting(InteractionCsv.Problem::line).containsExactly(2, 4);
    assertThat(p.rows()).hasSize(1);
  }

  @Test
  void binaryAndBadEncodingAreRefused() {
    byte[] bytes = {(byte) 0x81, (byte) 0xFF, 0x00, (byte) 0xFE};
    assertThat(InteractionCsv.parse(bytes, k -> true).problems())
        .containsExactly(new InteractionCsv.Problem(0, ErrorCode.INTERACTION_CSV_ENCODING));
    byte[] big = new byte[InteractionCsv.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    assertThat(InteractionCsv.parse(big, k -> true).problems()).containsExactly(new InteractionCsv.Problem(0,
        ErrorCode.INTERACTION_CSV_TOO_BIG));
  }

  @Test
  void shiftJisAndUtf8WithBomGiveTheSameRows() {
    String text = HEADER + GOOD;
    InteractionCsv.Preview sjis = InteractionCsv.parse(text.getBytes(InteractionCsv.SHIFT_JIS), k -> true);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    InteractionCsv.Preview withBom = InteractionCsv.parse(bom, k -> true);
    assertThat(sjis.charset()).isEqualTo("windows-31j");
    assertThat(sjis.rows()).isEqualTo(withBom.rows());
    assertThat(sjis.rows().get(0).nameB()).isEqualTo("イトラコナゾール");
  }

  @Test
  void reversedOrderIsStoredSortedAndSeverityIsCaseInsensitive() {
    InteractionCsv.Preview p = parse(HEADER + "6290004,,1124007,,contraindicated,,doc\n");
    assertThat(p.interactions()).containsExactly(new Interaction("1124007", "6290004", Interaction.Severity.CONTRAINDICATED, "",
        "doc"));
  }

  @Test
  void exportOfTheDemoTableParsesBackToTheSameRows() {
    InteractionCsv.Preview demo = DemoSafetyData.interactions();
    byte[] exported = InteractionCsv.format(demo.rows());
    InteractionCsv.Preview again = InteractionCsv.parse(exported, YMaster.load()::knownKey);
    assertThat(again.problems()).isEmpty();
    assertThat(again.interactions()).isEqualTo(demo.interactions());
    assertThat(again.rows()).extracting(InteractionCsv.Row::nameA).isEqualTo(demo.rows().stream().map(InteractionCsv.Row::nameA)
        .toList());
    List<InteractionCsv.Row> quoted = List.of(new InteractionCsv.Row(2, new Interaction("1124007", "6290004",
        Interaction.Severity.CAUTION, "a, \"b\"", "c,d"), "x", "y"));
    assertThat(InteractionCsv.parse(InteractionCsv.format(quoted), k -> true).rows().get(0).interaction())
        .isEqualTo(quoted.get(0).interaction());
  }
}
