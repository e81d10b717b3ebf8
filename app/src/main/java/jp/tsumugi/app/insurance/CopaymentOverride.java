package jp.tsumugi.app.insurance;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;

/** Staff's override of the derived co-payment rate on an insurance: the rate (0 to 10 tenths) and why. */
public record CopaymentOverride(int tenths, String reason) {
  public CopaymentOverride {
    reason = reason == null ? "" : reason.strip();
    if (tenths < 0 || tenths > 10) {
      throw new InvalidFieldException(ErrorCode.COPAYMENT_OVERRIDE_INVALID, "overrideTenths");
    }
    if (reason.isEmpty() || reason.length() > 200) {
      throw new InvalidFieldException(ErrorCode.COPAYMENT_OVERRIDE_INVALID, "overrideReason");
    }
  }
}
