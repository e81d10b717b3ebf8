package jp.tsumugi.app.chart;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** A change built on a revision that is no longer the latest: nothing was saved; both sides are carried. */
public final class FactConflictException extends TsumugiException {
  private static final long serialVersionUID = 1L;
  private final transient FactRevision stored;
  private final transient PatientFact attempted;

  public FactConflictException(FactRevision stored, PatientFact attempted, int baseRevision) {
    super(ErrorCode.CHART_RECORD_CONFLICT, "base " + baseRevision + ", stored " + (stored == null ? 0 : stored.revision()));
    this.stored = stored;
    this.attempted = attempted;
  }

  public FactRevision stored() {
    return stored;
  }

  public PatientFact attempted() {
    return attempted;
  }
}
