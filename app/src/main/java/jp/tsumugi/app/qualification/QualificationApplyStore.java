package jp.tsumugi.app.qualification;

import java.util.List;
import java.util.Optional;

/** Port: registration proposals and consent rows written while applying results (docs/adr/0020). */
public interface QualificationApplyStore {
  RegistrationProposal insertProposal(RegistrationProposal proposal);

  Optional<RegistrationProposal> findProposal(long id);

  /** Pending proposals, oldest first. */
  List<RegistrationProposal> pendingProposals();

  /**
   * Marks a pending proposal done for the registered patient and clears its copied personal data (names,
   * カナ, sex, birth date, postal code, address, card numbers; docs/adr/0023): only ids, state, codes and
   * times stay. False if it was not pending.
   */
  boolean markProposalDone(long id, long patientId);

  void appendConsent(ConsentRecord consent);

  /** Every consent row of a patient, oldest first. */
  List<ConsentRecord> consentsOf(long patientId);

  /** Appends one 特定疾病療養受療証 row (V12, docs/adr/0023). */
  void appendSpecificDisease(SpecificDiseaseRecord record);

  /** Every 特定疾病 row of an insurance, oldest first; the newest per category counts. */
  List<SpecificDiseaseRecord> specificDiseasesOfInsurance(long insuranceId);

  /**
   * The certificates an insurance holds now: the newest row per category, if it is listed. Oldest
   * category first.
   */
  default List<SpecificDiseaseRecord> currentSpecificDiseases(long insuranceId) {
    java.util.Map<SpecificDiseaseCategory, SpecificDiseaseRecord> newest = new java.util.EnumMap<>(SpecificDiseaseCategory.class);
    for (SpecificDiseaseRecord r : specificDiseasesOfInsurance(insuranceId)) {
      newest.put(r.category(), r);
    }
    return newest.values().stream().filter(SpecificDiseaseRecord::listed).toList();
  }
}
