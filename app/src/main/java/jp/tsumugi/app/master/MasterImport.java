package jp.tsumugi.app.master;

import java.nio.file.Path;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/** Use case: an administrator imports official masters; the import is audited with its counts. */
public final class MasterImport {
  private final MasterImporter importer;
  private final MasterRepository masters;
  private final AuditLog audit;
  private final Transactions tx;

  public MasterImport(MasterImporter importer, MasterRepository masters, AuditLog audit, Transactions tx) {
    this.importer = importer;
    this.masters = masters;
    this.audit = audit;
    this.tx = tx;
  }

  public MasterImportReport importPath(Session actor, Path path, MasterImportProgress progress) {
    actor.require(Permission.MANAGE_MASTERS);
    return tx.inTransaction(() -> record(actor, "path", importer.importPath(path, progress)));
  }

  public MasterImportReport importBundled(Session actor, MasterImportProgress progress) {
    actor.require(Permission.MANAGE_MASTERS);
    return tx.inTransaction(() -> record(actor, "bundled", importer.importBundled(progress)));
  }

  /**
   * Loads the bundled masters into a clinic that has none yet (the demo clinic, first setup), without
   * an acting session. Refused once any master is loaded, so it can never replace a clinic's masters.
   */
  public MasterImportReport importBundledIntoEmptyStore(String terminal, MasterImportProgress progress) {
    return tx.inTransaction(() -> {
      if (masters.status().kinds().stream().anyMatch(k -> k.recordCount() > 0)) {
        throw new TsumugiException(ErrorCode.DATA_DIR_ALREADY_INITIALISED, "masters are loaded");
      }
      MasterImportReport report = importer.importBundled(progress);
      audit.record(new AuditEvent("-", terminal, AuditAction.MASTER_IMPORTED, "bundled", report.summary()));
      return report;
    });
  }

  /** Any logged-in user may see what is loaded. */
  public MasterStatus status(Session actor) {
    return masters.status();
  }

  /** Written in the import's transaction: an import that is not audited does not happen. */
  private MasterImportReport record(Session actor, String source, MasterImportReport report) {
    audit.record(new AuditEvent(actor.username(), actor.terminal(), AuditAction.MASTER_IMPORTED, source, report.summary()));
    return report;
  }
}
