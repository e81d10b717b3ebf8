package jp.tsumugi.app.prescription.memo;

import java.util.List;
import java.util.Optional;

/** Port: drug memos (V25), one row per key, replaced in place when the clinic edits it. */
public interface DrugMemoStore {
  Optional<DrugMemo> find(String key);

  /** Inserts the memo or replaces the one with its key. */
  void save(DrugMemo memo);

  /** Every memo by key. */
  List<DrugMemo> all();
}
