package jp.tsumugi.app.qualification;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.reception.Reception;

/**
 * Connects request outcomes to the reception queue (docs/adr/0023): a request for a visit that times out
 * flags the visit 資格未確認; an answer whose result is 有効 clears the flag; any other answer (無効,
 * 新しい資格あり, 該当資格なし, 複数該当, an error) leaves the flag as it is, so staff still see it. Acts as the
 * system actor. Never throws: a failure is logged (ids and codes only) and reception carries on.
 */
public final class ReceptionQualificationFlags implements QualificationRequestEvents {
  private static final Logger LOG = Logger.getLogger(ReceptionQualificationFlags.class.getName());

  private final Reception reception;
  private final String actor;
  private final String terminal;

  public ReceptionQualificationFlags(Reception reception, String actor, String terminal) {
    this.reception = Objects.requireNonNull(reception);
    this.actor = Objects.requireNonNull(actor);
    this.terminal = Objects.requireNonNull(terminal);
  }

  @Override
  public void timedOut(PendingRequest request) {
    visitOf(request).ifPresent(visitId -> mark(visitId, true));
  }

  @Override
  public void answered(PendingRequest request, ApplyReport report) {
    if (isValid(report)) {
      visitOf(request).ifPresent(visitId -> mark(visitId, false));
    }
  }

  /** True when the result said 有効 and nothing stopped it from being applied to one patient. */
  static boolean isValid(ApplyReport report) {
    return "VALID".equals(report.validity()) && !report.warnings().contains(ApplyWarning.SEVERAL_PATIENTS_MATCH.name())
        && !report.warnings().contains(ApplyWarning.INSURER_NUMBER_INVALID.name());
  }

  /** The visit id of a request made for a visit ({@code visit=ID}), if it was. */
  public static OptionalLong visitOf(PendingRequest request) {
    String reference = request.reference();
    if (!reference.startsWith(ReceptionQualificationChecks.VISIT_REFERENCE)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(reference.substring(ReceptionQualificationChecks.VISIT_REFERENCE.length())));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private void mark(long visitId, boolean unverified) {
    try {
      reception.markQualificationUnverifiedBySystem(visitId, unverified, actor, terminal);
    } catch (TsumugiException e) {
      LOG.log(Level.WARNING, "qualification flag not set (visit {0}): {1}", new Object[] {visitId, e.errorCode().code()});
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "qualification flag not set (visit {0}): {1}", new Object[] {visitId, e.getClass().getSimpleName()});
    }
  }
}
