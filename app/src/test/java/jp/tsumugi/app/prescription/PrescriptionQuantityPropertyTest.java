package jp.tsumugi.app.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.testing.RealDrugs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Quantities and days over their whole range: accepted exactly when the rule says, and kept exactly. */
class PrescriptionQuantityPropertyTest {
  private static Prescription withQuantity(BigDecimal perDay, int days) {
    RxItem item = new RxItem(RealDrugs.NORVASC_5, "", "", false, "", "", null, perDay, "", false, false, false, "");
    return new Prescription(1, DispensingKind.OUTSIDE, List.of(new RpGroup(RouteKind.ORAL, "1A", "", "", days, null, "",
        List.of(item))), 0, "");
  }

  @Property(tries = 300)
  void aPositiveQuantityWithAtMostThreeDecimalsIsKeptExactly(@ForAll @LongRange(min = 1, max = 99_999_999L) long thousandths,
      @ForAll @IntRange(min = 0, max = 3) int extraZeros, @ForAll @IntRange(min = 1, max = 365) int days) {
    BigDecimal q = BigDecimal.valueOf(thousandths, 3).setScale(3 + extraZeros);
    Prescription checked = PrescriptionRules.check(withQuantity(q, days), PrescriptionRulesTest.DATE, new RealDrugs(),
        new PrescriptionRulesTest.Usages());
    assertThat(checked.groups().get(0).items().get(0).perDay()).isEqualTo(q);
    assertThat(checked.groups().get(0).coveredDays()).isEqualTo(days);
  }

  @Property(tries = 200)
  void aFourthSignificantDecimalIsRefused(@ForAll @LongRange(min = 1, max = 9_999_999L) long tenThousandths) {
    BigDecimal q = BigDecimal.valueOf(tenThousandths * 10 + 1, 4);
    assertThatThrownBy(() -> PrescriptionRules.check(withQuantity(q, 7), PrescriptionRulesTest.DATE, new RealDrugs(),
        new PrescriptionRulesTest.Usages()))
        .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_QUANTITY_SCALE));
  }

  @Property(tries = 100)
  void daysOutsideOneTo365AreRefused(@ForAll @IntRange(min = -1000, max = 1000) int days) {
    if (days >= 1 && days <= 365) {
      assertThat(PrescriptionRules.check(withQuantity(BigDecimal.ONE, days), PrescriptionRulesTest.DATE, new RealDrugs(),
          new PrescriptionRulesTest.Usages()).groups()).hasSize(1);
    } else {
      assertThatThrownBy(() -> PrescriptionRules.check(withQuantity(BigDecimal.ONE, days), PrescriptionRulesTest.DATE,
          new RealDrugs(), new PrescriptionRulesTest.Usages()))
          .isInstanceOfSatisfying(TsumugiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RX_DAYS_RANGE));
    }
  }
}
