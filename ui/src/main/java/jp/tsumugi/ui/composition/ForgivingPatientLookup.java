package jp.tsumugi.ui.composition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.tsumugi.app.patient.PatientHit;
import jp.tsumugi.app.patient.PatientSearch;
import jp.tsumugi.app.reception.PatientLookup;
import jp.tsumugi.app.reception.PatientSummary;

/**
 * Adapter: reception's {@link PatientLookup} port served by the forgiving {@link PatientSearch}
 * (kana folding, 漢字, patient number, birth date as digits or 和暦, phone). Summaries by id (the queue)
 * still come from the store in one query per chunk.
 */
final class ForgivingPatientLookup implements PatientLookup {
  private final PatientSearch search;
  private final PatientLookup byIds;

  ForgivingPatientLookup(PatientSearch search, PatientLookup byIds) {
    this.search = search;
    this.byIds = byIds;
  }

  @Override
  public List<PatientSummary> search(String text, int limit) {
    return search.search(text, limit).hits().stream().map(ForgivingPatientLookup::summary).toList();
  }

  @Override
  public Map<Long, PatientSummary> byIds(Collection<Long> ids) {
    return byIds.byIds(ids);
  }

  static PatientSummary summary(PatientHit hit) {
    return new PatientSummary(hit.id(), hit.patientNumber(), hit.name(), hit.kana(), hit.sex(), hit.birthDate());
  }
}
