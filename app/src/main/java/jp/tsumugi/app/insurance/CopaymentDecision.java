package jp.tsumugi.app.insurance;

import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * The derived co-payment rate and, when staff override it, the rate they chose (0 to 10 tenths) and
 * why. The derived rate is always kept, so a later review sees both.
 */
public record CopaymentDecision(CopaymentRate derived, OptionalInt override, Optional<String> overrideReason) {
  public CopaymentDecision {
    if (derived == null) {
      throw new IllegalArgumentException("derived rate required");
    }
    override = override == null ? OptionalInt.empty() : override;
    overrideReason = overrideReason == null ? Optional.empty() : overrideReason.map(String::strip).filter(r -> !r.isEmpty());
    if (override.isPresent() != overrideReason.isPresent()) {
      throw new TsumugiException(ErrorCode.COPAYMENT_OVERRIDE_INVALID, "an override and its reason go together");
    }
    if (override.isPresent() && (override.getAsInt() < 0 || override.getAsInt() > 10)) {
      throw new TsumugiException(ErrorCode.COPAYMENT_OVERRIDE_INVALID, "override must be 0 to 10 tenths");
    }
  }

  /** The derived rate, not overridden. */
  public static CopaymentDecision of(CopaymentRate derived) {
    return new CopaymentDecision(derived, OptionalInt.empty(), Optional.empty());
  }

  /** This decision with the rate overridden for the given reason. */
  public CopaymentDecision overriddenTo(int tenths, String reason) {
    return new CopaymentDecision(derived, OptionalInt.of(tenths), Optional.ofNullable(reason));
  }

  /** The rate to bill with, in tenths. */
  public int effectiveTenths() {
    return override.orElse(derived.tenths());
  }

  public boolean overridden() {
    return override.isPresent();
  }
}
