package jp.tsumugi.app.prescription.safety;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the versioned interaction table (the newest version is the loaded one; older versions stay for the record),
 * the combination products' ingredients, the 麻薬/向精神薬 limits and the clinic's own days limits.
 */
public interface InteractionStore {
  /** Stores a new table version with its rows and returns it; it becomes the current one. */
  InteractionTableVersion saveVersion(String name, Instant importedAt, String sourceSha256, boolean demo, String importedBy,
      List<InteractionCsv.Row> rows);

  /** The newest version, empty when none. */
  Optional<InteractionTableVersion> currentVersion();

  /** Every version, newest first. */
  List<InteractionTableVersion> versions();

  /** The rows of a version in their file order. */
  List<InteractionCsv.Row> rows(long version);

  List<DemoSafetyData.CombinationRow> combinations();

  List<DemoSafetyData.ControlledRow> controlledLimits();

  /** The clinic's own limits keyed by drug code or ingredient key. */
  Map<String, Integer> clinicLimits();
}
