package jp.tsumugi.app.qualification;

import java.util.List;
import java.util.Optional;

/** Port: registration proposals and consent rows written while applying results (docs/adr/0020). */
public interface QualificationApplyStore {
  RegistrationProposal insertProposal(RegistrationProposal proposal);

  Optional<RegistrationProposal> findProposal(long id);

  /** Pending proposals, oldest first. */
  List<RegistrationProposal> pendingProposals();

  /** Marks a pending proposal done for the registered patient; false if it was not pending. */
  boolean markProposalDone(long id, long patientId);

  void appendConsent(ConsentRecord consent);

  /** Every consent row of a patient, oldest first. */
  List<ConsentRecord> consentsOf(long patientId);
}
