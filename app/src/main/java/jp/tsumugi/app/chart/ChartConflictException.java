package jp.tsumugi.app.chart;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * TSU-9003: the note moved on since the author's base revision. Carries both sides so the screen can
 * show a merge view; the attempted text has already been kept as the author's draft.
 */
public final class ChartConflictException extends TsumugiException {
  private static final long serialVersionUID = 1L;
  private final transient NoteRevision stored;
  private final transient SoapNote attempted;
  private final int baseRevision;

  public ChartConflictException(NoteRevision stored, SoapNote attempted, int baseRevision) {
    super(ErrorCode.CHART_REVISION_CONFLICT, "base revision " + baseRevision + ", stored revision "
        + (stored == null ? 0 : stored.revision()));
    this.stored = stored;
    this.attempted = attempted;
    this.baseRevision = baseRevision;
  }

  /** The latest revision in the store when the save was refused. */
  public NoteRevision stored() {
    return stored;
  }

  /** The text the author tried to save (also kept as their draft). */
  public SoapNote attempted() {
    return attempted;
  }

  public int baseRevision() {
    return baseRevision;
  }
}
