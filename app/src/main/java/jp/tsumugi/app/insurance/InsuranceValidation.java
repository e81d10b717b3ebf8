package jp.tsumugi.app.insurance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import jp.tsumugi.app.common.Text;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.common.Wareki;
import jp.tsumugi.app.qualification.LimitCategory;

/** Turns insurance and 公費 forms into records, failing at the first bad field with {@link InvalidFieldException}. */
public final class InsuranceValidation {
  /** 記号 and 番号 together, in bytes of the claim file (half-width 1, full-width 2); billing-rules.md §5.2. */
  static final int SYMBOL_NUMBER_MAX_BYTES = 38;

  private InsuranceValidation() {
  }

  /** Validates an insurance form for the patient; the record carries {@code id} and {@code revision} as given. */
  public static InsuranceRecord insurance(InsuranceForm f, long id, long patientId, int revision, LocalDate today) {
    String insurer = digits(f.insurerNumber());
    if (!InsurerNumbers.isValidInsurerNumber(insurer)) {
      throw new InvalidFieldException(ErrorCode.INSURER_NUMBER_INVALID, "insurerNumber");
    }
    String symbol = strip(f.symbol());
    String number = strip(f.number());
    if (number.isEmpty() || byteWidth(symbol) + byteWidth(number) > SYMBOL_NUMBER_MAX_BYTES) {
      throw new InvalidFieldException(ErrorCode.INSURANCE_NUMBER_INVALID, number.isEmpty() ? "number" : "symbol");
    }
    String branch = digits(f.branch());
    if (!branch.isEmpty() && !branch.matches("[0-9]{2}")) {
      throw new InvalidFieldException(ErrorCode.INSURANCE_BRANCH_INVALID, "branch");
    }
    boolean insured = switch (strip(f.insured())) {
      case "1", "本人" -> true;
      case "2", "家族" -> false;
      default -> throw new InvalidFieldException(ErrorCode.INSURED_KIND_INVALID, "insured");
    };
    LocalDate qualifiedOn = optionalDate(f.qualifiedOn(), "qualifiedOn");
    if (qualifiedOn != null && qualifiedOn.isAfter(today)) {
      throw new InvalidFieldException(ErrorCode.QUALIFICATION_DATE_INVALID, "qualifiedOn");
    }
    LocalDate from = optionalDate(f.validFrom(), "validFrom");
    LocalDate to = optionalDate(f.validTo(), "validTo");
    checkRange(from, to);
    int elderly = rate(f.elderlyRecipientTenths(), "elderlyRecipientTenths", 2, 3);
    int lateElderly = rate(f.lateElderlyTenths(), "lateElderlyTenths", 1, 3);
    Optional<LimitCategory> limit = Optional.empty();
    String limitCode = strip(f.limitCategory());
    if (!limitCode.isEmpty()) {
      limit = Optional.of(LimitCategory.byCode(limitCode)
          .orElseThrow(() -> new InvalidFieldException(ErrorCode.LIMIT_CATEGORY_INVALID, "limitCategory")));
    }
    Optional<CopaymentOverride> override = Optional.empty();
    String overrideText = digits(f.overrideTenths());
    if (!overrideText.isEmpty()) {
      if (!overrideText.matches("[0-9]{1,2}")) {
        throw new InvalidFieldException(ErrorCode.COPAYMENT_OVERRIDE_INVALID, "overrideTenths");
      }
      override = Optional.of(new CopaymentOverride(Integer.parseInt(overrideText), f.overrideReason()));
    } else if (!strip(f.overrideReason()).isEmpty()) {
      throw new InvalidFieldException(ErrorCode.COPAYMENT_OVERRIDE_INVALID, "overrideTenths");
    }
    Insurance insurance = new Insurance(id, patientId, insurer, symbol, number, branch, insured, from, to);
    return new InsuranceRecord(insurance, qualifiedOn, elderly, lateElderly, f.activeIncome(), limit, override, revision);
  }

  /** Validates a 公費 form for the patient. */
  public static PublicExpense publicExpense(PublicExpenseForm f, long id, long patientId, int revision) {
    String payer = digits(f.payerNumber());
    if (!InsurerNumbers.isValidPublicPayerNumber(payer)) {
      throw new InvalidFieldException(ErrorCode.PUBLIC_PAYER_NUMBER_INVALID, "payerNumber");
    }
    PublicExpenseRules.Rule rule = PublicExpenseRules.forLaw(payer.substring(0, 2));
    String recipient = digits(f.recipientNumber());
    if (recipient.isEmpty() ? rule.recipientRequired()
        : rule.recipientCheckDigit() ? !InsurerNumbers.isValidRecipientNumber(recipient) : !recipient.matches("[0-9]{7}")) {
      throw new InvalidFieldException(ErrorCode.PUBLIC_RECIPIENT_NUMBER_INVALID, "recipientNumber");
    }
    LocalDate from = optionalDate(f.validFrom(), "validFrom");
    LocalDate to = optionalDate(f.validTo(), "validTo");
    checkRange(from, to);
    OptionalLong cap = OptionalLong.empty();
    String capText = digits(f.monthlyCapYen()).replace(",", "");
    if (!capText.isEmpty()) {
      if (!capText.matches("[0-9]{1,9}")) {
        throw new InvalidFieldException(ErrorCode.MONTHLY_CAP_INVALID, "monthlyCapYen");
      }
      cap = OptionalLong.of(Long.parseLong(capText));
    }
    return new PublicExpense(id, patientId, payer, recipient, from, to, cap, revision);
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidFieldException(ErrorCode.VALIDITY_DATES_INVALID, "validTo");
    }
  }

  private static int rate(String text, String field, int min, int max) {
    String v = digits(text);
    if (v.isEmpty()) {
      return 0;
    }
    if (!v.matches("[0-9]") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
      throw new InvalidFieldException(ErrorCode.ELDERLY_CERTIFICATE_INVALID, field);
    }
    return Integer.parseInt(v);
  }

  private static LocalDate optionalDate(String text, String field) {
    String v = strip(text);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Wareki.parse(v);
    } catch (TsumugiException e) {
      throw new InvalidFieldException(e.errorCode(), field, e);
    }
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  private static String digits(String s) {
    return Text.toHalfWidthDigits(strip(s));
  }

  private static int byteWidth(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 || (c >= '\uFF61' && c <= '\uFF9F') ? 1 : 2;
    }
    return bytes;
  }
}
