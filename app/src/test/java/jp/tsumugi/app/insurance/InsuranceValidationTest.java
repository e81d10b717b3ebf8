package jp.tsumugi.app.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.qualification.LimitCategory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsuranceValidationTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  static InsuranceForm form(String insurer, String branch) {
    return new InsuranceForm(insurer, "12-34", "567", branch, "1", "R2.4.1", "2020-04-01", "", "", "", false, "", "", "");
  }

  static void assertField(ThrowingCallable call, ErrorCode code, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(e.field()).isEqualTo(field);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"01130012", "01010016", "06130012", "138057", "３９１３１００９"})
  void acceptsRealAndWellFormedInsurerNumbers(String insurer) {
    String valid = insurer.equals("06130012") ? InsurerNumbers.withCheckDigit("0613001") : insurer;
    if (insurer.equals("３９１３１００９")) {
      valid = InsurerNumbers.withCheckDigit("3913100");
      valid = valid.replace('0', '０').replace('1', '１').replace('3', '３').replace('9', '９');
    }
    InsuranceRecord r = InsuranceValidation.insurance(form(valid, "00"), 0, 7, 1, TODAY);
    assertThat(r.insurance().insurerNumber()).matches("[0-9]{6}|[0-9]{8}");
    assertThat(r.qualifiedOn()).isEqualTo(LocalDate.of(2020, 4, 1));
  }

  @Test
  void aWrongCheckDigitIsAnErrorAtTheInsurerNumber() {
    assertField(() -> InsuranceValidation.insurance(form("01130013", "00"), 0, 7, 1, TODAY), ErrorCode.INSURER_NUMBER_INVALID,
        "insurerNumber");
  }

  @ParameterizedTest
  @ValueSource(strings = {"001", "1", "ab", "０１２"})
  void aBranchNumberMustBeExactlyTwoDigits(String branch) {
    assertField(() -> InsuranceValidation.insurance(form("01130012", branch), 0, 7, 1, TODAY), ErrorCode.INSURANCE_BRANCH_INVALID,
        "branch");
  }

  @Test
  void anEmptyBranchIsAllowedAndFullWidthDigitsAreAccepted() {
    assertThat(InsuranceValidation.insurance(form("01130012", ""), 0, 7, 1, TODAY).insurance().branch()).isEmpty();
    assertThat(InsuranceValidation.insurance(form("01130012", "０１"), 0, 7, 1, TODAY).insurance().branch()).isEqualTo("01");
  }

  @Test
  void validityMustNotEndBeforeItStarts() {
    InsuranceForm f = new InsuranceForm("01130012", "", "567", "", "1", "", "R6.4.1", "R6.3.31", "", "", false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(f, 0, 7, 1, TODAY), ErrorCode.VALIDITY_DATES_INVALID, "validTo");
  }

  @Test
  void aQualificationDateInTheFutureOrHeisei32IsRejectedAtItsField() {
    InsuranceForm future = new InsuranceForm("01130012", "", "567", "", "1", "2026-11-26", "", "", "", "", false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(future, 0, 7, 1, TODAY), ErrorCode.QUALIFICATION_DATE_INVALID, "qualifiedOn");
    InsuranceForm h32 = new InsuranceForm("01130012", "", "567", "", "1", "", "H32.4.1", "", "", "", false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(h32, 0, 7, 1, TODAY), ErrorCode.WAREKI_OUT_OF_ERA, "validFrom");
  }

  @Test
  void certificatesLimitCategoryAndOverrideAreKept() {
    InsuranceForm f = new InsuranceForm("01130012", "", "567", "", "1", "", "", "", "3", "", false, "B01", "1", "生活保護移行中");
    InsuranceRecord r = InsuranceValidation.insurance(f, 0, 7, 1, TODAY);
    assertThat(r.elderlyRecipientTenths()).isEqualTo(3);
    assertThat(r.limitCategory()).contains(LimitCategory.B01);
    assertThat(r.copaymentOverride()).contains(new CopaymentOverride(1, "生活保護移行中"));
  }

  @Test
  void insuredKindAndLimitCategoryMustBeKnown() {
    InsuranceForm kind = new InsuranceForm("01130012", "", "567", "", "3", "", "", "", "", "", false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(kind, 0, 7, 1, TODAY), ErrorCode.INSURED_KIND_INVALID, "insured");
    InsuranceForm limit = new InsuranceForm("01130012", "", "567", "", "家族", "", "", "", "", "", false, "Z99", "", "");
    assertField(() -> InsuranceValidation.insurance(limit, 0, 7, 1, TODAY), ErrorCode.LIMIT_CATEGORY_INVALID, "limitCategory");
  }

  @Test
  void anElderlyRecipientCertificateOfOneTenthIsRejected() {
    InsuranceForm f = new InsuranceForm("01130012", "", "567", "", "1", "", "", "", "1", "", false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(f, 0, 7, 1, TODAY), ErrorCode.ELDERLY_CERTIFICATE_INVALID,
        "elderlyRecipientTenths");
  }

  @Test
  void anOverrideNeedsAReasonAndAReasonNeedsAnOverride() {
    InsuranceForm noReason = new InsuranceForm("01130012", "", "567", "", "1", "", "", "", "", "", false, "", "2", " ");
    assertField(() -> InsuranceValidation.insurance(noReason, 0, 7, 1, TODAY), ErrorCode.COPAYMENT_OVERRIDE_INVALID,
        "overrideReason");
    InsuranceForm noRate = new InsuranceForm("01130012", "", "567", "", "1", "", "", "", "", "", false, "", "", "理由");
    assertField(() -> InsuranceValidation.insurance(noRate, 0, 7, 1, TODAY), ErrorCode.COPAYMENT_OVERRIDE_INVALID,
        "overrideTenths");
  }

  @Test
  void theNumberIsRequiredAndSymbolPlusNumberFitThirtyEightBytes() {
    InsuranceForm noNumber = new InsuranceForm("01130012", "12", "", "", "1", "", "", "", "", "", false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(noNumber, 0, 7, 1, TODAY), ErrorCode.INSURANCE_NUMBER_INVALID, "number");
    InsuranceForm tooLong = new InsuranceForm("01130012", "記号記号記号記号記号", "１２３４５６７８９０", "", "1", "", "", "", "", "",
        false, "", "", "");
    assertField(() -> InsuranceValidation.insurance(tooLong, 0, 7, 1, TODAY), ErrorCode.INSURANCE_NUMBER_INVALID, "symbol");
  }

  @Test
  void publicExpenseNumbersAreCheckedPerLaw() {
    PublicExpense nanbyou = InsuranceValidation.publicExpense(new PublicExpenseForm("54136015", "1111111", "R6.4.1", "R7.3.31",
        "10,000"), 0, 7, 1);
    assertThat(nanbyou.lawNumber()).isEqualTo("54");
    assertThat(nanbyou.monthlyCapYen()).hasValue(10_000L);
    assertField(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("54136014", "1111111", "", "", ""), 0, 7, 1),
        ErrorCode.PUBLIC_PAYER_NUMBER_INVALID, "payerNumber");
    assertField(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("12143210", "1111112", "", "", ""), 0, 7, 1),
        ErrorCode.PUBLIC_RECIPIENT_NUMBER_INVALID, "recipientNumber");
    assertField(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("12143210", "", "", "", ""), 0, 7, 1),
        ErrorCode.PUBLIC_RECIPIENT_NUMBER_INVALID, "recipientNumber");
  }

  @Test
  void aLocalSchemeNeedsNoRecipientCheckDigit() {
    PublicExpense local = InsuranceValidation.publicExpense(new PublicExpenseForm("85144004", "1234567", "", "", ""), 0, 7, 1);
    assertThat(local.recipientNumber()).isEqualTo("1234567");
    assertThat(InsuranceValidation.publicExpense(new PublicExpenseForm("85144004", "", "", "", ""), 0, 7, 1).recipientNumber())
        .isEmpty();
    assertField(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("85144004", "123456", "", "", ""), 0, 7, 1),
        ErrorCode.PUBLIC_RECIPIENT_NUMBER_INVALID, "recipientNumber");
  }

  @Test
  void aNegativeOrFractionalMonthlyCapIsRejected() {
    assertField(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("85144004", "", "", "", "-5"), 0, 7, 1),
        ErrorCode.MONTHLY_CAP_INVALID, "monthlyCapYen");
    assertField(() -> InsuranceValidation.publicExpense(new PublicExpenseForm("85144004", "", "", "", "2500.5"), 0, 7, 1),
        ErrorCode.MONTHLY_CAP_INVALID, "monthlyCapYen");
  }

  @Test
  void publicExpensesApplyInTheLawOrderWithWelfareLast() {
    assertThat(PublicExpenseRules.priority("54")).isLessThan(PublicExpenseRules.priority("51"));
    assertThat(PublicExpenseRules.priority("21")).isLessThan(PublicExpenseRules.priority("54"));
    assertThat(PublicExpenseRules.priority("54")).isLessThan(PublicExpenseRules.priority("88"));
    assertThat(PublicExpenseRules.priority("88")).isLessThan(PublicExpenseRules.priority("12"));
  }

  @Test
  void theCopaymentIsDerivedFromAgeAndCertificatesUnlessOverridden() {
    InsuranceForm f = new InsuranceForm("01130012", "", "567", "", "2", "", "", "", "", "", false, "", "", "");
    InsuranceRecord child = InsuranceValidation.insurance(f, 0, 7, 1, TODAY);
    LocalDate birth = LocalDate.of(2022, 6, 1);
    assertThat(child.copayment(birth, TODAY).effectiveTenths()).isEqualTo(2);
    assertThat(InsuranceRecord.preschoolOn(birth, TODAY)).isTrue();
    assertThat(InsuranceRecord.preschoolOn(birth, LocalDate.of(2029, 4, 1))).isFalse();
    InsuranceForm elderly = new InsuranceForm("01130012", "", "567", "", "1", "", "", "", "3", "", false, "", "", "");
    assertThat(InsuranceValidation.insurance(elderly, 0, 7, 1, TODAY).copayment(LocalDate.of(1955, 1, 10), TODAY)
        .effectiveTenths()).isEqualTo(3);
    InsuranceForm overridden = new InsuranceForm("01130012", "", "567", "", "1", "", "", "", "", "", false, "", "0", "公害認定");
    CopaymentDecision d = InsuranceValidation.insurance(overridden, 0, 7, 1, TODAY).copayment(LocalDate.of(1980, 1, 1), TODAY);
    assertThat(d.derived().tenths()).isEqualTo(3);
    assertThat(d.effectiveTenths()).isZero();
    assertThat(d.overrideReason()).contains("公害認定");
  }
}
