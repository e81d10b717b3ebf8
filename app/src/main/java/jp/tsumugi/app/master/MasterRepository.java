package jp.tsumugi.app.master;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the imported masters with their whole revision history. "As of D" means the latest revision
 * started by D (latest 変更年月日, then latest imported), and only if it is in force on D
 * ({@link Validity#inForceOn}).
 */
public interface MasterRepository {

  /** The record in force on {@code asOf}, or empty when the code is unknown, not yet valid, abolished or erased. */
  Optional<MasterRecord> find(MasterKind kind, String code, LocalDate asOf);

  /** Every revision of a code, oldest import first. Empty when the code was never imported. */
  List<MasterRecord> history(MasterKind kind, String code);

  /** Calls {@code sink} once per code of {@code kind} whose record is in force on {@code asOf}, in code order. */
  void forEachInForce(MasterKind kind, LocalDate asOf, Consumer<MasterRecord> sink);

  /**
   * Calls {@code sink} with the latest revision of every code of {@code kind}, abolished and erased ones
   * included (check {@link MasterRecord#validity()}), in code order. The search index is built from this.
   */
  void forEachLatest(MasterKind kind, Consumer<MasterRecord> sink);

  MasterStatus status();

  default Optional<ProcedureRecord> findProcedure(String code, LocalDate asOf) {
    return find(MasterKind.S, code, asOf).map(ProcedureRecord.class::cast);
  }

  default Optional<DrugRecord> findDrug(String code, LocalDate asOf) {
    return find(MasterKind.Y, code, asOf).map(DrugRecord.class::cast);
  }

  default Optional<MaterialRecord> findMaterial(String code, LocalDate asOf) {
    return find(MasterKind.T, code, asOf).map(MaterialRecord.class::cast);
  }

  default Optional<CommentRecord> findComment(String code, LocalDate asOf) {
    return find(MasterKind.C, code, asOf).map(CommentRecord.class::cast);
  }

  default Optional<DiseaseRecord> findDisease(String code, LocalDate asOf) {
    return find(MasterKind.B, code, asOf).map(DiseaseRecord.class::cast);
  }

  default Optional<ModifierRecord> findModifier(String code, LocalDate asOf) {
    return find(MasterKind.Z, code, asOf).map(ModifierRecord.class::cast);
  }
}
