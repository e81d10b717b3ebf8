package jp.tsumugi.ui.login;

import java.time.Clock;
import jp.tsumugi.app.common.Base32;
import jp.tsumugi.app.demo.DemoClinic;
import jp.tsumugi.app.security.Totp;

/** The demo credentials shown on the login screen, in demo mode only. */
public final class DemoHint {
  private final Clock clock;

  public DemoHint(Clock clock) {
    this.clock = clock;
  }

  /** One line per demo account: "admin / tsumugi-admin". */
  public String credentials() {
    StringBuilder text = new StringBuilder();
    for (DemoClinic.Credential c : DemoClinic.CREDENTIALS) {
      text.append(c.username()).append(" / ").append(c.password()).append("  (").append(c.role().name().toLowerCase(java.util.Locale.ROOT))
          .append(")\n");
    }
    return text.toString().strip();
  }

  /** The demo administrator's current one-time code, so the demo needs no phone. */
  public String adminCode() {
    return Totp.standard().codeAt(Base32.decode(DemoClinic.ADMIN_TOTP_SECRET), clock.instant());
  }
}
