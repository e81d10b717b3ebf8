package jp.tsumugi.app.prescription.safety;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Editors of the clinic tables the safety check reads (docs/adr/0033): the clinic's own days limits (by drug code or
 * ingredient key), the combination products' ingredients and the 麻薬/向精神薬 limits by ingredient. Every code must be in
 * the drug master (y); a bad value saves nothing and has its own code (TSU-9460..9467); every change is audited with the
 * codes and numbers only. The check reads the tables on each gather, so a change applies to the next check.
 */
public final class SafetyTables {
  public static final int MAX_DAYS = 365;
  public static final int MIN_INGREDIENTS = 2;
  public static final int MAX_INGREDIENTS = 10;
  /** The classes a controlled limit may name. */
  public static final List<String> DRUG_CLASSES = List.of("麻薬", "覚醒剤原料", "向精神薬第一種", "向精神薬第二種", "向精神薬第三種");

  private static final Pattern DRUG_CODE = Pattern.compile("[0-9]{9}");

  private final SafetyTableStore store;
  private final MasterRepository masters;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public SafetyTables(SafetyTableStore store, MasterRepository masters, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.masters = masters;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  // --- the clinic's own days limits -----------------------------------------------------------------------------------

  public List<SafetyTableStore.ClinicLimitRow> limits(Session session) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(store::clinicLimitRows);
  }

  /** Sets the clinic's limit for a drug code (9 digits, in the master) or an ingredient key (in the master). */
  public SafetyTableStore.ClinicLimitRow setLimit(Session session, String code, int days) {
    session.require(Permission.MANAGE_MASTERS);
    String c = code == null ? "" : code.strip();
    days(days);
    return tx.inTransaction(() -> {
      if (DRUG_CODE.matcher(c).matches()) {
        if (masters.history(MasterKind.Y, c).isEmpty()) {
          throw new TsumugiException(ErrorCode.RX_TABLE_DRUG_UNKNOWN, "drug " + c);
        }
      } else if (IngredientKeys.isKey(c)) {
        knownKeys(List.of(c));
      } else {
        throw new TsumugiException(ErrorCode.RX_TABLE_CODE_FORMAT, "code");
      }
      SafetyTableStore.ClinicLimitRow row = new SafetyTableStore.ClinicLimitRow(c, days, clock.instant(), session.username());
      store.putClinicLimit(row);
      record(session, AuditAction.RX_TABLE_LIMIT_SET, "code=" + c + ",days=" + days);
      return row;
    });
  }

  public void removeLimit(Session session, String code) {
    session.require(Permission.MANAGE_MASTERS);
    String c = code == null ? "" : code.strip();
    tx.run(() -> {
      if (!store.removeClinicLimit(c)) {
        throw new TsumugiException(ErrorCode.RX_TABLE_NOT_FOUND, "limit " + c);
      }
      record(session, AuditAction.RX_TABLE_LIMIT_REMOVED, "code=" + c);
    });
  }

  // --- combination products ------------------------------------------------------------------------------------------

  public List<DemoSafetyData.CombinationRow> combinations(Session session) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(store::combinationRows);
  }

  /**
   * Sets the ingredients of a combination product (replacing any earlier list): the product's key and 2–10 distinct
   * ingredient keys, all in the master, none equal to the product's. Names are taken from the master.
   */
  public List<DemoSafetyData.CombinationRow> setCombination(Session session, String productKey, List<String> ingredientKeys) {
    session.require(Permission.MANAGE_MASTERS);
    String product = key(productKey);
    List<String> parts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(product);
    for (String k : ingredientKeys) {
      String part = key(k);
      if (!seen.add(part)) {
        throw new TsumugiException(ErrorCode.RX_TABLE_DUPLICATE, "ingredient " + part);
      }
      parts.add(part);
    }
    if (parts.size() < MIN_INGREDIENTS || parts.size() > MAX_INGREDIENTS) {
      throw new TsumugiException(ErrorCode.RX_TABLE_COMBINATION_SIZE, "ingredients " + parts.size());
    }
    return tx.inTransaction(() -> {
      List<String> all = new ArrayList<>(parts);
      all.add(0, product);
      Map<String, String> names = knownKeys(all);
      List<DemoSafetyData.CombinationRow> rows = new ArrayList<>();
      for (String part : parts) {
        rows.add(new DemoSafetyData.CombinationRow(product, names.get(product), part, names.get(part)));
      }
      store.replaceCombination(product, rows);
      record(session, AuditAction.RX_TABLE_COMBINATION_SET, "product=" + product + ",ingredients=" + String.join("+", parts));
      return rows;
    });
  }

  public void removeCombination(Session session, String productKey) {
    session.require(Permission.MANAGE_MASTERS);
    String product = productKey == null ? "" : productKey.strip();
    tx.run(() -> {
      int n = store.removeCombination(product);
      if (n == 0) {
        throw new TsumugiException(ErrorCode.RX_TABLE_NOT_FOUND, "product " + product);
      }
      record(session, AuditAction.RX_TABLE_COMBINATION_REMOVED, "product=" + product + ",rows=" + n);
    });
  }

  // --- 麻薬/向精神薬 limits -------------------------------------------------------------------------------------------

  public List<DemoSafetyData.ControlledRow> controlled(Session session) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(store::controlledRows);
  }

  /**
   * Sets the class and days limit of a controlled ingredient (key in the master; class one of {@link #DRUG_CLASSES}); a row's
   * ingredient name is kept, a new row takes a name from the master.
   */
  public DemoSafetyData.ControlledRow setControlled(Session session, String ingredientKey, String drugClass, int days) {
    session.require(Permission.MANAGE_MASTERS);
    String k = key(ingredientKey);
    String cls = drugClass == null ? "" : drugClass.strip();
    if (!DRUG_CLASSES.contains(cls)) {
      throw new TsumugiException(ErrorCode.RX_TABLE_DRUG_CLASS, "class");
    }
    days(days);
    return tx.inTransaction(() -> {
      String known = knownKeys(List.of(k)).get(k);
      String name = store.controlledRows().stream().filter(r -> r.ingredientKey().equals(k))
          .map(DemoSafetyData.ControlledRow::ingredientName).findFirst().orElse(known);
      DemoSafetyData.ControlledRow row = new DemoSafetyData.ControlledRow(k, name, cls, days);
      store.putControlled(row);
      record(session, AuditAction.RX_TABLE_CONTROLLED_SET, "ingredient=" + k + ",days=" + days);
      return row;
    });
  }

  public void removeControlled(Session session, String ingredientKey) {
    session.require(Permission.MANAGE_MASTERS);
    String k = ingredientKey == null ? "" : ingredientKey.strip();
    tx.run(() -> {
      if (!store.removeControlled(k)) {
        throw new TsumugiException(ErrorCode.RX_TABLE_NOT_FOUND, "ingredient " + k);
      }
      record(session, AuditAction.RX_TABLE_CONTROLLED_REMOVED, "ingredient=" + k);
    });
  }

  // ---------------------------------------------------------------------------------------------------------------------

  private static void days(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new TsumugiException(ErrorCode.RX_TABLE_DAYS, "days " + days);
    }
  }

  private static String key(String k) {
    String s = k == null ? "" : k.strip();
    if (!IngredientKeys.isKey(s)) {
      throw new TsumugiException(ErrorCode.RX_TABLE_CODE_FORMAT, "ingredient key");
    }
    return s;
  }

  /**
   * A name for each key from the drug master (the 一般名処方の標準的な記載 of a drug with the key, else its name); throws
   * {@link ErrorCode#RX_TABLE_KEY_UNKNOWN} for the first key no drug has.
   */
  private Map<String, String> knownKeys(List<String> keys) {
    Set<String> wanted = new HashSet<>(keys);
    Map<String, String> names = new HashMap<>();
    masters.forEachLatest(MasterKind.Y, r -> {
      DrugRecord d = (DrugRecord) r;
      String k = IngredientKeys.of(d.yjCode());
      if (wanted.contains(k)) {
        String generic = d.genericPrescriptionName() == null ? "" : d.genericPrescriptionName().strip();
        String name = generic.isEmpty() ? d.name() : generic;
        names.merge(k, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    });
    for (String k : keys) {
      if (!names.containsKey(k)) {
        throw new TsumugiException(ErrorCode.RX_TABLE_KEY_UNKNOWN, "key " + k);
      }
    }
    return names;
  }

  private void record(Session session, AuditAction action, String detail) {
    audit.record(new AuditEvent(session.username(), session.terminal(), action, "rx-tables", detail));
  }
}
