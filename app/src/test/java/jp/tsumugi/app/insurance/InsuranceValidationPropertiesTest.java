package jp.tsumugi.app.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.tsumugi.app.common.InvalidFieldException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class InsuranceValidationPropertiesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.strings().numeric().ofLength(7);
  }

  private static InsuranceForm form(String insurer, String branch) {
    return new InsuranceForm(insurer, "", "1", branch, "1", "", "", "", "", "", false, "", "", "");
  }

  @Property
  void everyNumberWithItsCheckDigitIsAcceptedByTheForm(@ForAll("bodies") String body) {
    String insurer = InsurerNumbers.withCheckDigit(body);
    assertThat(InsuranceValidation.insurance(form(insurer, ""), 0, 1, 1, TODAY).insurance().insurerNumber()).isEqualTo(insurer);
    String payer = InsurerNumbers.withCheckDigit(body);
    assertThat(InsuranceValidation.publicExpense(new PublicExpenseForm(payer, payer.startsWith("8") || payer.startsWith("9")
        ? "" : InsurerNumbers.withCheckDigit(body.substring(1)), "", "", ""), 0, 1, 1).payerNumber()).isEqualTo(payer);
  }

  @Property
  void aSingleWrongDigitIsRejectedAtTheInsurerNumberField(@ForAll("bodies") String body,
      @ForAll @IntRange(min = 0, max = 7) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
    char[] digits = InsurerNumbers.withCheckDigit(body).toCharArray();
    digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
    String wrong = new String(digits);
    assertThatThrownBy(() -> InsuranceValidation.insurance(form(wrong, ""), 0, 1, 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("insurerNumber"));
  }

  @Property
  void aBranchOfThreeOrMoreDigitsIsAlwaysRejected(@ForAll @IntRange(min = 3, max = 6) int length, @ForAll("bodies") String body) {
    String branch = body.substring(0, Math.min(length, body.length()));
    assertThatThrownBy(() -> InsuranceValidation.insurance(form("01130012", branch), 0, 1, 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("branch"));
  }

  @Property
  void aRecipientNumberWithAWrongCheckDigitIsRejectedForNationalSchemes(@ForAll("bodies") String body,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    String recipient = InsurerNumbers.withCheckDigit(body.substring(1));
    char[] digits = recipient.toCharArray();
    digits[6] = (char) ('0' + (digits[6] - '0' + shift) % 10);
    assertThatThrownBy(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("54136015", new String(digits), "", "", ""),
        0, 1, 1)).isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("recipientNumber"));
  }
}
