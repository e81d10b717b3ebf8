package jp.tsumugi.app.insurance;

import java.util.OptionalInt;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * What the patient's certificates say about the co-payment rate, in tenths (1 = 1割).
 *
 * @param lateElderlyRate the 負担割合 of a 後期高齢者 certificate (1, 2 or 3), if any
 * @param elderlyRecipientRate the 負担割合 of a 高齢受給者証 (2 or 3), if any
 * @param activeIncome 現役並み所得, used for 70–74 when no 高齢受給者証 rate is known
 */
public record CopaymentFacts(OptionalInt lateElderlyRate, OptionalInt elderlyRecipientRate, boolean activeIncome) {
  /** No certificate seen. */
  public static final CopaymentFacts NONE = new CopaymentFacts(OptionalInt.empty(), OptionalInt.empty(), false);

  public CopaymentFacts {
    lateElderlyRate = lateElderlyRate == null ? OptionalInt.empty() : lateElderlyRate;
    elderlyRecipientRate = elderlyRecipientRate == null ? OptionalInt.empty() : elderlyRecipientRate;
    if (lateElderlyRate.isPresent() && (lateElderlyRate.getAsInt() < 1 || lateElderlyRate.getAsInt() > 3)) {
      throw new TsumugiException(ErrorCode.COPAYMENT_CERTIFICATE_RATE_INVALID, "late-elderly rate must be 1, 2 or 3 tenths");
    }
    if (elderlyRecipientRate.isPresent() && elderlyRecipientRate.getAsInt() != 2 && elderlyRecipientRate.getAsInt() != 3) {
      throw new TsumugiException(ErrorCode.COPAYMENT_CERTIFICATE_RATE_INVALID, "elderly recipient rate must be 2 or 3 tenths");
    }
  }

  /** A 後期高齢者 certificate with the given rate in tenths. */
  public static CopaymentFacts lateElderly(int tenths) {
    return new CopaymentFacts(OptionalInt.of(tenths), OptionalInt.empty(), false);
  }

  /** A 高齢受給者証 with the given rate in tenths. */
  public static CopaymentFacts elderlyRecipient(int tenths) {
    return new CopaymentFacts(OptionalInt.empty(), OptionalInt.of(tenths), false);
  }

  /** 現役並み所得 known, no certificate rate. */
  public static CopaymentFacts activeIncomeOnly() {
    return new CopaymentFacts(OptionalInt.empty(), OptionalInt.empty(), true);
  }
}
