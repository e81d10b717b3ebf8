package jp.tsumugi.app.master;

import java.nio.file.Path;
import java.time.LocalDate;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Use case: an administrator attaches an MHLW 薬価基準収載品目リスト to the 医薬品 master (YJ codes where the master
 * lacks them, and a price cross-check report). Audited in the same transaction.
 */
public final class DrugPriceListAttach {
  private final DrugPriceListAttacher attacher;
  private final AuditLog audit;
  private final Transactions tx;

  public DrugPriceListAttach(DrugPriceListAttacher attacher, AuditLog audit, Transactions tx) {
    this.attacher = attacher;
    this.audit = audit;
    this.tx = tx;
  }

  /** {@code listDate} may be null: the date is then read from the file name (tpYYYYMMDD…). */
  public DrugPriceListReport attach(Session actor, Path file, LocalDate listDate) {
    actor.require(Permission.MANAGE_MASTERS);
    return tx.inTransaction(() -> {
      DrugPriceListReport report = attacher.attach(file, listDate);
      audit.record(new AuditEvent(actor.username(), actor.terminal(), AuditAction.DRUG_PRICE_LIST_ATTACHED,
          report.fileName(), report.summary()));
      return report;
    });
  }
}
