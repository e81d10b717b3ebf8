package jp.tsumugi.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvLineTest {
  @Property
  void quotingThenParsingGivesTheFieldsBack(@ForAll @Size(min = 1, max = 12) List<@StringLength(max = 20)
      @Chars({',', '"', ' ', 'a', '1', '陽', '=', '\t'}) @CharRange(from = 'A', to = 'F') String> fields) {
    String line = fields.stream().map(CsvLine::quote).collect(Collectors.joining(","));
    assertThat(CsvLine.parse(line)).contains(fields);
  }

  @Test
  void brokenQuotingIsRefused() {
    assertThat(CsvLine.parse("a,\"b")).isEmpty();
    assertThat(CsvLine.parse("a,\"b\"c")).isEmpty();
    assertThat(CsvLine.parse("a,b\"c")).isEmpty();
    assertThat(CsvLine.parse("\"")).isEmpty();
  }

  @Test
  void emptyFieldsAndEscapedQuotesParse() {
    assertThat(CsvLine.parse("")).contains(List.of(""));
    assertThat(CsvLine.parse(",,")).contains(List.of("", "", ""));
    assertThat(CsvLine.parse("\"a\"\"b\",\"\"")).contains(List.of("a\"b", ""));
  }
}
