package jp.tsumugi.app.prescription;

import java.time.LocalDate;
import java.util.Optional;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterCatalog;
import jp.tsumugi.app.master.MasterKind;

/** What the prescription checks need from the y master: the record a 医薬品コード stood for on a date. */
@FunctionalInterface
public interface DrugLookup {
  /** The record as resolved on {@code date} (abolished ones included: the caller checks validity). */
  Optional<DrugRecord> drug(String code, LocalDate date);

  /** Backed by {@link MasterCatalog#resolve}. */
  static DrugLookup of(MasterCatalog catalog) {
    return (code, date) -> catalog.resolve(MasterKind.Y, code, date).filter(DrugRecord.class::isInstance).map(DrugRecord.class::cast);
  }
}
