package jp.tsumugi.app.prescription.memo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.chart.ChartText;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.Transactions;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.prescription.DrugLookup;
import jp.tsumugi.app.security.Permission;
import jp.tsumugi.app.security.Session;

/**
 * Drug memos for the 薬剤情報提供書 (docs/adr/0032): read, list, and write (doctors). Writing is audited with the key and the text
 * lengths; the texts follow the chart text rules and are limited to {@link #MAX_TEXT_LENGTH} characters each.
 */
public final class DrugMemos {
  /** Longest 効能 or 注意 text, in UTF-16 units. */
  public static final int MAX_TEXT_LENGTH = 1000;
  static final int INGREDIENT_KEY_LENGTH = 7;

  private final DrugMemoStore store;
  private final DrugLookup drugs;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public DrugMemos(DrugMemoStore store, DrugLookup drugs, AuditLog audit, Transactions tx, Clock clock) {
    this.store = store;
    this.drugs = drugs;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** The memo for a drug code or ingredient key, if written. */
  public Optional<DrugMemo> get(Session session, String key) {
    session.require(Permission.READ_PATIENTS);
    String k = checkKey(key);
    return tx.inTransaction(() -> store.find(k));
  }

  /** Every memo, by key. */
  public List<DrugMemo> list(Session session) {
    session.require(Permission.READ_PATIENTS);
    return tx.inTransaction(store::all);
  }

  /**
   * Writes (or replaces) the memo of a drug code (which must be in the drug master today) or an ingredient key.
   *
   * @throws TsumugiException TSU-9440 (key), 9441 (both texts empty), 9442 (too long), 9443 (drug unknown), 9001/9002 (text)
   */
  public DrugMemo set(Session session, String key, String effects, String cautions) {
    session.require(Permission.PRESCRIBE);
    String k = checkKey(key);
    String e = checkText("effects", effects);
    String c = checkText("cautions", cautions);
    if (e.isEmpty() && c.isEmpty()) {
      throw new TsumugiException(ErrorCode.DRUG_MEMO_EMPTY, "key " + k);
    }
    String name = "";
    if (k.length() != INGREDIENT_KEY_LENGTH) {
      name = drugs.drug(k, LocalDate.now(clock)).map(DrugRecord::name)
          .orElseThrow(() -> new TsumugiException(ErrorCode.DRUG_MEMO_DRUG_UNKNOWN, "drug " + k));
    }
    DrugMemo memo = new DrugMemo(k, name, e, c, clock.instant(), session.username());
    tx.inTransaction(() -> {
      store.save(memo);
      audit.record(new AuditEvent(session.username(), session.terminal(), AuditAction.DRUG_MEMO_SAVED, k,
          "effects=" + e.length() + ",cautions=" + c.length()));
      return null;
    });
    return memo;
  }

  /**
   * The memo that applies to a drug line: by its drug code first, else by its ingredient key (YJ first 7). Runs in the caller's
   * transaction; not audited (drug memos hold no patient data).
   */
  public Optional<DrugMemo> forDrug(String drugCode, String yjCode) {
    Optional<DrugMemo> byCode = store.find(drugCode);
    if (byCode.isPresent() || yjCode == null || yjCode.length() < INGREDIENT_KEY_LENGTH) {
      return byCode;
    }
    return store.find(yjCode.substring(0, INGREDIENT_KEY_LENGTH));
  }

  /** A trimmed key: 9 digits (drug code) or a YJ ingredient key (4 digits of 薬効分類, then 3 digits or capitals). */
  static String checkKey(String key) {
    String k = key == null ? "" : key.strip();
    if (!k.matches("\\d{9}") && !k.matches("\\d{4}[0-9A-Z]{3}")) {
      throw new TsumugiException(ErrorCode.DRUG_MEMO_KEY_INVALID, "key length " + k.length());
    }
    return k;
  }

  private static String checkText(String field, String text) {
    String t = text == null ? "" : text.strip();
    if (t.length() > MAX_TEXT_LENGTH) {
      throw new TsumugiException(ErrorCode.DRUG_MEMO_TOO_LONG, field + ": " + t.length() + " characters");
    }
    return ChartText.check(field, t);
  }
}
