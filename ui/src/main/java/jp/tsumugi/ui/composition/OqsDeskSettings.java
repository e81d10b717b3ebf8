package jp.tsumugi.ui.composition;

import java.time.Duration;
import java.util.Objects;
import jp.tsumugi.sync.qualification.InboxSettings;

/**
 * How the desktop talks to the 資格確認端末 (docs/adr/0023).
 *
 * @param requestTimeout how long a request from reception waits for its answer before the visit is flagged 資格未確認
 * @param limitCertificateConsent the clinic's default for the requests' 限度額適用認定証 consent flag
 * @param simulatedTerminal the demo only: a simulated terminal answers the requests from the clinic's own
 *     patients ({@link jp.tsumugi.sync.qualification.TerminalSimulator}); never set against a real terminal's folder
 */
public record OqsDeskSettings(Duration requestTimeout, boolean limitCertificateConsent, boolean simulatedTerminal) {
  /** 60 s (the terminal and the national network answer in seconds; a minute means it is down), no consent assumed. */
  public static final OqsDeskSettings DEFAULT = new OqsDeskSettings(Duration.ofSeconds(60), false, false);
  /** The demo: default timing, answered by the simulated terminal. */
  public static final OqsDeskSettings DEMO = new OqsDeskSettings(Duration.ofSeconds(60), false, true);

  /** A real terminal. */
  public OqsDeskSettings(Duration requestTimeout, boolean limitCertificateConsent) {
    this(requestTimeout, limitCertificateConsent, false);
  }

  public OqsDeskSettings {
    Objects.requireNonNull(requestTimeout);
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive");
    }
  }

  /** The inbox timing with this request timeout. */
  public InboxSettings inboxSettings() {
    InboxSettings d = InboxSettings.DEFAULT;
    return new InboxSettings(d.pollInterval(), d.settleTime(), d.maxApplyAttempts(), requestTimeout);
  }
}
