package jp.tsumugi.app.prescription;

import java.util.List;
import java.util.Optional;

/** Port: the clinic's usage table (用法). Mutable settings, not a chart record; rows are never deleted. */
public interface UsageTable {
  /** All usages in picker order. */
  List<Usage> usages();

  Optional<Usage> usage(String code);

  /** Inserts or replaces the usage with this code. */
  void save(Usage usage);
}
