package jp.tsumugi.app.reception;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: finding patients for reception. The composition root serves {@link #search} with the forgiving
 * {@link jp.tsumugi.app.patient.PatientSearch} and {@link #byIds} from the store (ADR 0019, addendum).
 * Implementations do not audit; {@link Reception} does.
 */
public interface PatientLookup {
  /** Patients matching typed text (カナ, 漢字 or patient number), best first, at most {@code limit}. */
  List<PatientSummary> search(String text, int limit);

  /** The summaries of these patients (missing ids are simply absent). */
  Map<Long, PatientSummary> byIds(Collection<Long> ids);
}
