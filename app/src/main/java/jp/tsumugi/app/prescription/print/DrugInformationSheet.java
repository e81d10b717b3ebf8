package jp.tsumugi.app.prescription.print;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a 薬剤情報提供書 shows: the patient, the clinic, the date and, per drug, its name, usage and the clinic's memo (効能 and
 * 注意). A drug without a memo says so plainly rather than printing blanks.
 *
 * @param patientId for the audit of the output only (never printed)
 * @param visitId the visit (受付)
 * @param revision the prescription revision
 * @param patientName 氏名
 * @param patientKana カナ
 * @param issuedOn the visit date
 * @param clinic the clinic
 * @param doctorName the signing doctor
 * @param drugs one entry per drug line, in prescription order
 */
public record DrugInformationSheet(long patientId, long visitId, int revision, String patientName, String patientKana,
    LocalDate issuedOn, PrescriptionSlip.SlipClinic clinic, String doctorName, List<Drug> drugs) {
  public DrugInformationSheet {
    drugs = List.copyOf(drugs);
  }

  /**
   * One drug.
   *
   * @param drugCode 医薬品コード
   * @param name the printed name (【般】 notation for 一般名処方)
   * @param usage the usage line (用法, quantity, days)
   * @param effects the memo's 効能; empty when no memo is written
   * @param cautions the memo's 注意; empty when no memo is written
   */
  public record Drug(String drugCode, String name, String usage, Optional<String> effects, Optional<String> cautions) {
    public Drug {
      effects = effects == null ? Optional.empty() : effects;
      cautions = cautions == null ? Optional.empty() : cautions;
    }

    public boolean memoWritten() {
      return effects.isPresent() || cautions.isPresent();
    }
  }
}
