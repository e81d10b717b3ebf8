package jp.tsumugi.app.master.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.tsumugi.app.master.DiseaseRecord;
import jp.tsumugi.app.master.DrugRecord;
import jp.tsumugi.app.master.MasterKind;
import jp.tsumugi.app.master.MasterRecord;
import jp.tsumugi.app.master.MaterialRecord;
import jp.tsumugi.app.master.ModifierRecord;
import jp.tsumugi.app.master.ProcedureRecord;

/** Adapts the importer's master records to what the search index and the disease-name composer see. */
public final class SearchEntries {
  private SearchEntries() {
  }

  public static SearchEntry.Kind kindOf(MasterKind kind) {
    return switch (kind) {
      case S -> SearchEntry.Kind.PROCEDURE;
      case Y -> SearchEntry.Kind.DRUG;
      case T -> SearchEntry.Kind.MATERIAL;
      case C -> SearchEntry.Kind.COMMENT;
      case B -> SearchEntry.Kind.DISEASE;
      case Z -> SearchEntry.Kind.MODIFIER;
    };
  }

  public static MasterKind masterKindOf(SearchEntry.Kind kind) {
    return switch (kind) {
      case PROCEDURE -> MasterKind.S;
      case DRUG -> MasterKind.Y;
      case MATERIAL -> MasterKind.T;
      case COMMENT -> MasterKind.C;
      case DISEASE -> MasterKind.B;
      case MODIFIER -> MasterKind.Z;
    };
  }

  /**
   * The entry for a record; {@code abolished} says whether it may still be offered for a new entry on
   * the index's date (an abolished item only resolves old records).
   */
  public static SearchEntry of(MasterRecord record, boolean abolished) {
    List<String> keys = new ArrayList<>();
    String name = record.name();
    if (record instanceof ProcedureRecord p) {
      addIfDifferent(keys, p.basicName(), name);
    } else if (record instanceof DrugRecord d) {
      add(keys, d.yjCode());
      add(keys, d.genericNameCode());
      add(keys, d.genericPrescriptionName());
      addIfDifferent(keys, d.basicName(), name);
    } else if (record instanceof MaterialRecord m) {
      addIfDifferent(keys, m.basicName(), name);
    } else if (record instanceof DiseaseRecord b) {
      add(keys, b.exchangeCode());
      add(keys, b.icd10First());
      add(keys, b.icd10Second());
      addIfDifferent(keys, b.abbreviatedName(), name);
    } else if (record instanceof ModifierRecord z) {
      add(keys, z.exchangeCode());
    }
    // Comments are found by code, name and kana only.
    return new SearchEntry(kindOf(record.kind()), record.code(), name, record.kana(), keys, abolished);
  }

  /** A 修飾語 as the composer needs it, with its position from 修飾語区分. */
  public static DiseaseModifier modifier(ModifierRecord record) {
    return new DiseaseModifier(record.code(), record.name(), record.position());
  }

  /** Whether a record's item is abolished, or erased, on the date. */
  public static boolean abolishedOn(MasterRecord record, LocalDate date) {
    return !record.validity().inForceOn(date);
  }

  private static void add(List<String> keys, String value) {
    if (value != null && !value.isBlank()) {
      keys.add(value.strip());
    }
  }

  private static void addIfDifferent(List<String> keys, String value, String name) {
    if (value != null && !value.isBlank() && !value.strip().equals(name)) {
      keys.add(value.strip());
    }
  }
}
