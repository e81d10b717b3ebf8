package jp.tsumugi.app.reception;

import java.util.List;
import java.util.Optional;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.PublicExpense;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientRevision;

/**
 * A patient as the edit panel at reception opens it: the current record, how many revisions it has and
 * the latest one (who, when, why), the main insurance (the one valid today, else the newest) and the
 * current 公費 (not ended before today, at most four, oldest first). Saving compares against this state.
 */
public record PatientFile(PatientRecord record, int revisions, PatientRevision last, Optional<InsuranceRecord> insurance,
    List<PublicExpense> publicExpenses) {
  public PatientFile {
    insurance = insurance == null ? Optional.empty() : insurance;
    publicExpenses = List.copyOf(publicExpenses);
  }
}
