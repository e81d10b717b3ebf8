package jp.tsumugi.app.insurance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: insurance, 公費 and combinations with their revisions. A change appends a revision (the
 * current row is the latest state for fast reads; every state stays in the revision tables).
 */
public interface InsuranceStore {
  /** Who wrote a revision and why; {@code atMillis} from the use case's clock. */
  record Change(String author, long atMillis, String reason) {
  }

  /** One kept state with its author, time and reason. */
  record Revision<T>(T state, String author, Instant changedAt, String reason) {
  }

  InsuranceRecord insertInsurance(InsuranceRecord record, Change change);

  /** Appends {@code record} as the next revision, provided the current one is {@code record.revision() - 1}. */
  InsuranceRecord appendInsuranceRevision(InsuranceRecord record, Change change);

  Optional<InsuranceRecord> findInsurance(long id);

  List<InsuranceRecord> insurancesOfPatient(long patientId);

  List<Revision<InsuranceRecord>> insuranceHistory(long id);

  /**
   * Current insurances carrying exactly these numbers (保険者番号, 記号, 番号, 枝番; empty strings for none), for
   * matching a qualification result to a patient.
   */
  List<InsuranceRecord> insurancesByNumbers(String insurerNumber, String symbol, String number, String branch);

  PublicExpense insertPublicExpense(PublicExpense publicExpense, Change change);

  PublicExpense appendPublicExpenseRevision(PublicExpense publicExpense, Change change);

  Optional<PublicExpense> findPublicExpense(long id);

  List<PublicExpense> publicExpensesOfPatient(long patientId);

  List<Revision<PublicExpense>> publicExpenseHistory(long id);

  InsuranceCombination insertCombination(InsuranceCombination combination, Change change);

  Optional<InsuranceCombination> findCombination(long id);

  List<InsuranceCombination> combinationsOfPatient(long patientId);
}
