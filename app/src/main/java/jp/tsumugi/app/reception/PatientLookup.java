package jp.tsumugi.app.reception;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: finding patients for reception. A simple implementation over the patient table stands in
 * until the forgiving patient search (issue 4, patients part) is connected in the composition root.
 * Implementations do not audit; {@link Reception} does.
 */
public interface PatientLookup {
  /** Patients matching typed text (カナ, 漢字 or patient number), best first, at most {@code limit}. */
  List<PatientSummary> search(String text, int limit);

  /** The summaries of these patients (missing ids are simply absent). */
  Map<Long, PatientSummary> byIds(Collection<Long> ids);
}
