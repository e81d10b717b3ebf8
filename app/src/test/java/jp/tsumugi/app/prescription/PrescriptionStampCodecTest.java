package jp.tsumugi.app.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prescription stamp text: every Rp list survives a round trip; broken or hostile text is refused with TSU-9400. */
class PrescriptionStampCodecTest {
  private static final String H = PrescriptionStampCodec.HEADER + "\n";

  @Test
  void aTypicalStampReadsBackWithCodesQuantitiesFlagsAndEscapedText() {
    List<RpGroup> groups = List.of(
        new RpGroup(RouteKind.ORAL, "3A", "", "食後すぐ|100%", 7, null, "胃薬と一緒に\n2行目", List.of(
            new RxItem("620098801", "ロキソニン錠６０ｍｇ", "1149019F1560", true, "1149019F1ZZZ", "【般】ロキソプロフェンＮａ錠６０ｍｇ",
                new BigDecimal("1"), new BigDecimal("3"), "錠", true, false, true, "腹痛時は中止"))),
        new RpGroup(RouteKind.AS_NEEDED, "FEVER", "", "", null, 5, "", List.of(RxItem.of("620000033", "1.5", null))));
    String text = PrescriptionStampCodec.encode(groups);
    assertThat(text).startsWith("tsumugi-rx-stamp 1\nG|ORAL|3A|食後すぐ%7C100%25|7||胃薬と一緒に%0A2行目\n")
        .contains("I|620098801|1|1|3|1|0|1|腹痛時は中止\n").contains("G|AS_NEEDED|FEVER|||5|\nI|620000033|0|1.5||0|0|0|\n");
    List<RpGroup> back = PrescriptionStampCodec.decode(text);
    assertThat(back).hasSize(2);
    assertThat(back.get(0).usageNote()).isEqualTo("食後すぐ|100%");
    assertThat(back.get(0).comment()).isEqualTo("胃薬と一緒に\n2行目");
    RxItem item = back.get(0).items().get(0);
    assertThat(item.drugCode()).isEqualTo("620098801");
    assertThat(item.name()).as("names come from the master when used").isEmpty();
    assertThat(item.generic()).isTrue();
    assertThat(item.dose()).isEqualByComparingTo("1");
    assertThat(item.perDay()).isEqualByComparingTo("3");
    assertThat(List.of(item.noSubstitution(), item.patientRequest(), item.selectedCare())).containsExactly(true, false, true);
    assertThat(back.get(1).times()).isEqualTo(5);
    assertThat(back.get(1).days()).isNull();
    assertThat(back.get(1).items().get(0).dose()).isEqualByComparingTo("1.5");
    assertThat(back.get(1).items().get(0).perDay()).isNull();
  }

  @Property(tries = 300)
  void everyRpListSurvivesARoundTrip(@ForAll("groups") List<RpGroup> groups) {
    List<RpGroup> back = PrescriptionStampCodec.decode(PrescriptionStampCodec.encode(groups));
    assertThat(back).hasSameSizeAs(groups);
    for (int g = 0; g < groups.size(); g++) {
      RpGroup a = groups.get(g);
      RpGroup b = back.get(g);
      assertThat(List.of(b.route(), b.usageCode(), b.usageNote(), b.comment())).isEqualTo(List.of(a.route(), a.usageCode(),
          a.usageNote(), a.comment()));
      assertThat(b.days()).isEqualTo(a.days());
      assertThat(b.times()).isEqualTo(a.times());
      assertThat(b.items()).hasSameSizeAs(a.items());
      for (int i = 0; i < a.items().size(); i++) {
        RxItem x = a.items().get(i);
        RxItem y = b.items().get(i);
        assertThat(y.drugCode()).isEqualTo(x.drugCode());
        assertThat(y.comment()).isEqualTo(x.comment());
        assertThat(List.of(y.generic(), y.noSubstitution(), y.patientRequest(), y.selectedCare()))
            .isEqualTo(List.of(x.generic(), x.noSubstitution(), x.patientRequest(), x.selectedCare()));
        assertThat(y.dose() == null ? null : y.dose().compareTo(x.dose())).isEqualTo(x.dose() == null ? null : 0);
        assertThat(y.perDay() == null ? null : y.perDay().compareTo(x.perDay())).isEqualTo(x.perDay() == null ? null : 0);
      }
    }
  }

  @Provide
  Arbitrary<List<RpGroup>> groups() {
    Arbitrary<String> text = Arbitraries.strings().withChars("ab|%\n\r 日本語ｱ食後%7C").ofMaxLength(20);
    Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("9999")).ofScale(3)
        .injectNull(0.3);
    Arbitrary<RxItem> item = Combinators.combine(Arbitraries.strings().numeric().ofLength(9), Arbitraries.of(true, false), quantity,
        quantity, Arbitraries.of(true, false), Arbitraries.of(true, false), text).as((code, flag, dose, perDay, noSub, req, comment) ->
        new RxItem(code, "", "", flag, "", "", dose, perDay, "", noSub, req, !flag, comment));
    Arbitrary<Integer> count = Arbitraries.integers().between(1, 365).injectNull(0.3);
    Arbitrary<String> usages = Arbitraries.strings().withChars("A0-").ofMaxLength(8);
    Arbitrary<RpGroup> group = Combinators.combine(Arbitraries.of(RouteKind.values()), usages, text, count, count, text,
        item.list().ofMinSize(1).ofMaxSize(5)).as((route, usage, note, days, times, comment, items) ->
        new RpGroup(route, usage, "", note, days, times, comment, items));
    return group.list().ofMinSize(1).ofMaxSize(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "tsumugi-rx-stamp 2\nG|ORAL|3A||7||\nI|620098801|0||3|0|0|0|\n",
      "アムロジピン 1錠 28日分",
      H,
      H + "G|ORAL|3A||7||\n",
      H + "I|620098801|0||3|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|62009880|0||3|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||-3|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||0|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||1.2345|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||1e9|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|620098801|2||3|0|0|0|\n",
      H + "G|ORAL|3A||366||\nI|620098801|0||3|0|0|0|\n",
      H + "G|ORAL|3A||0||\nI|620098801|0||3|0|0|0|\n",
      H + "G|ORAL|3A||99999999999||\nI|620098801|0||3|0|0|0|\n",
      H + "G|PILL|3A||7||\nI|620098801|0||3|0|0|0|\n",
      H + "G|ORAL|3a; DROP TABLE||7||\nI|620098801|0||3|0|0|0|\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||3|0|0|0|%ZZ\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||3|0|0|0|%2\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||3|0|0|0|\u0007bell\n",
      H + "G|ORAL|3A||7||\nI|620098801|0||3|0|0|0|x|extra\n",
      H + "G|ORAL|3A||7|\nI|620098801|0||3|0|0|0|\n",
      H + "X|ORAL|3A||7||\n"})
  void brokenOrHostileTextIsRefusedWithTheStampErrorAndNoText(String text) {
    assertThatThrownBy(() -> PrescriptionStampCodec.decode(text)).isInstanceOfSatisfying(TsumugiException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_STAMP_INVALID);
      assertThat(e.detail()).doesNotContain("bell").doesNotContain("DROP");
    });
  }

  @Test
  void tooLongOrTooManyGroupsOrDrugsIsRefused() {
    assertThatThrownBy(() -> PrescriptionStampCodec.decode(H + "x".repeat(PrescriptionStampCodec.MAX_LENGTH)))
        .isInstanceOf(TsumugiException.class);
    StringBuilder groups = new StringBuilder(H);
    for (int g = 0; g <= PrescriptionRules.MAX_GROUPS; g++) {
      groups.append("G|ORAL|3A||7||\nI|620098801|0||3|0|0|0|\n");
    }
    assertThatThrownBy(() -> PrescriptionStampCodec.decode(groups.toString())).isInstanceOf(TsumugiException.class);
    List<String> lines = new ArrayList<>(List.of(H + "G|ORAL|3A||7||"));
    for (int i = 0; i <= PrescriptionRules.MAX_ITEMS_PER_GROUP; i++) {
      lines.add("I|620098801|0||3|0|0|0|");
    }
    assertThatThrownBy(() -> PrescriptionStampCodec.decode(String.join("\n", lines))).isInstanceOf(TsumugiException.class);
  }
}
