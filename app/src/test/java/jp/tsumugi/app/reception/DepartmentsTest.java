package jp.tsumugi.app.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/** The departments as typed in the clinic settings: one per line or comma lists, validated. */
class DepartmentsTest {
  @Test
  void linesAndEveryKindOfCommaSeparateNamesAndBlanksAreIgnored() {
    assertThat(Departments.parse(" 内科 \n\n小児科、皮膚科,整形外科，眼科\r\n").names())
        .containsExactly("内科", "小児科", "皮膚科", "整形外科", "眼科");
    assertThat(Departments.parse("小児科\n内科").defaultName()).isEqualTo("小児科");
  }

  @Test
  void anEmptyListARepeatATooLongNameOrTooManyNamesAreRefused() {
    String thirtyOne = String.join(",", java.util.stream.IntStream.rangeClosed(1, 31).mapToObj(i -> "科" + i).toList());
    String thirty = String.join(",", java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "科" + i).toList());
    assertThat(Departments.parse(thirty).names()).hasSize(30);
    for (String bad : List.of("", " \n 、", "内科\n内科", "内".repeat(41), thirtyOne)) {
      assertThatThrownBy(() -> Departments.parse(bad)).as(bad)
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DEPARTMENTS_INVALID));
    }
    assertThat(Departments.parse("内".repeat(40)).names()).hasSize(1);
  }

  @Property
  void whatIsStoredReadsBackAsTheSameList(
      @ForAll @Size(min = 1, max = 30) @UniqueElements List<@StringLength(min = 1, max = 40) @net.jqwik.api.constraints.Chars(
          {'内', '科', '小', '児', 'A', 'b', '1'}) String> names) {
    Departments departments = new Departments(names);
    assertThat(Departments.parse(departments.asText())).isEqualTo(departments);
  }
}
