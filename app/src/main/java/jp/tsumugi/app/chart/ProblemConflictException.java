package jp.tsumugi.app.chart;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * A problem change was built on a revision that is no longer the latest: nothing was saved. Carries the
 * stored latest revision and what was attempted, so the screen can show both (docs/adr/0025).
 */
public final class ProblemConflictException extends TsumugiException {
  private static final long serialVersionUID = 1L;
  private final transient ProblemRevision stored;
  private final transient ProblemInput attempted;

  public ProblemConflictException(ProblemRevision stored, ProblemInput attempted, int baseRevision) {
    super(ErrorCode.CHART_RECORD_CONFLICT, "base " + baseRevision + ", stored " + (stored == null ? 0 : stored.revision()));
    this.stored = stored;
    this.attempted = attempted;
  }

  public ProblemRevision stored() {
    return stored;
  }

  public ProblemInput attempted() {
    return attempted;
  }
}
