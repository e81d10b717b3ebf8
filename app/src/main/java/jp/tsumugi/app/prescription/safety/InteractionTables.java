package jp.tsumugi.app.prescription.safety;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRepository;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * The interaction table: preview a CSV (every problem with its line, nothing saved), import it as a new version (refused
 * with {@link ErrorCode#INTERACTION_CSV_HAS_ERRORS} when the preview has any problem), export the current version.
 * Ingredient keys must exist in the drug master (y). Imports and exports are audited.
 */
public final class InteractionTables {
  private final InteractionStore store;
  private final MasterRepository masters;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public InteractionTables(InteractionStore store, MasterRepository masters, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.masters = masters;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Checks the file against the drug master; saves nothing. */
  public InteractionCsv.Preview preview(Session session, byte[] bytes) {
    session.require(Permission.MANAGE_MASTERS);
    Set<String> keys = knownKeys();
    return InteractionCsv.parse(bytes, keys::contains);
  }

  /** Imports the file as a new current version; nothing is saved when any line has a problem. */
  public InteractionTableVersion importTable(Session session, String name, byte[] bytes) {
    InteractionCsv.Preview p = preview(session, bytes);
    if (!p.clean()) {
      throw new TsumugiException(ErrorCode.INTERACTION_CSV_HAS_ERRORS, "problems=" + p.problems().size());
    }
    String label = name == null || name.isBlank() ? "import" : name.strip();
    return tx.inTransaction(() -> {
      InteractionTableVersion v = store.saveVersion(label, clock.instant(), p.sha256(), false, session.username(), p.rows());
      record(session, AuditAction.INTERACTION_TABLE_IMPORTED, "version=" + v.version() + ",rows=" + p.rows().size() + ",sha256="
          + p.sha256());
      return v;
    });
  }

  /** The current version as UTF-8 CSV. */
  public byte[] export(Session session) {
    session.require(Permission.MANAGE_MASTERS);
    return tx.inTransaction(() -> {
      InteractionTableVersion v = store.currentVersion()
          .orElseThrow(() -> new TsumugiException(ErrorCode.INTERACTION_TABLE_NONE, "no table"));
      List<InteractionCsv.Row> rows = store.rows(v.version());
      record(session, AuditAction.INTERACTION_TABLE_EXPORTED, "version=" + v.version() + ",rows=" + rows.size());
      return InteractionCsv.format(rows);
    });
  }

  /** The current version, empty when none is loaded. */
  public Optional<InteractionTableVersion> current() {
    return tx.inTransaction(store::currentVersion);
  }

  public List<InteractionTableVersion> versions() {
    return tx.inTransaction(store::versions);
  }

  private Set<String> knownKeys() {
    Set<String> keys = new HashSet<>();
    tx.run(() -> masters.forEachLatest(MasterKind.Y, r -> {
      String k = IngredientKeys.of(((DrugRecord) r).yjCode());
      if (!k.isEmpty()) {
        keys.add(k);
      }
    }));
    return keys;
  }

  private void record(Session session, AuditAction action, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, "interaction-table", detail));
  }
}
