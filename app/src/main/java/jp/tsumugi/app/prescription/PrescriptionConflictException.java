package jp.tsumugi.app.prescription;

import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** TSU-9315: the prescription moved on since the base revision; nothing was saved. Carries both sides. */
public final class PrescriptionConflictException extends TsumugiException {
  private static final long serialVersionUID = 1L;
  private final transient PrescriptionRevision stored;
  private final transient Prescription attempted;

  public PrescriptionConflictException(PrescriptionRevision stored, Prescription attempted, int baseRevision) {
    super(ErrorCode.RX_REVISION_CONFLICT, "base revision " + baseRevision + ", stored revision "
        + (stored == null ? 0 : stored.revision()));
    this.stored = stored;
    this.attempted = attempted;
  }

  /** The latest stored revision when the save was refused (null if none). */
  public PrescriptionRevision stored() {
    return stored;
  }

  /** What was not saved (null for a tombstone). */
  public Prescription attempted() {
    return attempted;
  }
}
