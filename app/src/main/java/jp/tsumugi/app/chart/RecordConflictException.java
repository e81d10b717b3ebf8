package jp.tsumugi.app.chart;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * A lab or vitals change built on a revision that is no longer the latest (TSU-9018): nothing was saved;
 * carries the stored latest revision ({@link LabRevision} or {@link VitalRevision}) and the attempted content.
 */
public final class RecordConflictException extends TsumugiException {
  private static final long serialVersionUID = 1L;
  private final transient Object stored;
  private final transient Object attempted;

  public RecordConflictException(Object stored, Object attempted, int baseRevision, int storedRevision) {
    super(ErrorCode.CHART_RECORD_CONFLICT, "base " + baseRevision + ", stored " + storedRevision);
    this.stored = stored;
    this.attempted = attempted;
  }

  /** The stored latest revision (a LabRevision or VitalRevision), or null. */
  public Object stored() {
    return stored;
  }

  /** The content that was not saved (LabResult or Vitals), null for a tombstone. */
  public Object attempted() {
    return attempted;
  }
}
