package jp.tsumugi.app.qualification;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link QualificationResultHandler} did with a result, for the ledger, the CLI and staff.
 * Holds no names or card numbers: the patient is named by id only.
 *
 * @param validity the result's validity ({@code VALID}, …) or the reason it has none ({@code ERROR})
 * @param insurerNumber 保険者番号 of the first qualification, "" if none
 * @param patientKeyPresent the result carries 保険者番号 + 番号 + birth date, enough to look a patient up
 * @param patientId the patient it was applied to, "" if no patient was matched or touched
 * @param changes what changed, short machine-readable notes
 * @param warnings what staff must see (validity other than 有効, …)
 */
public record ApplyReport(
    String validity,
    String insurerNumber,
    boolean patientKeyPresent,
    String patientId,
    List<String> changes,
    List<String> warnings) {

  public ApplyReport {
    Objects.requireNonNull(validity);
    insurerNumber = insurerNumber == null ? "" : insurerNumber;
    patientId = patientId == null ? "" : patientId;
    changes = changes == null ? List.of() : List.copyOf(changes);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** One line for the ledger (no patient data). */
  public String summary() {
    String line = "validity=" + validity + " insurer=" + insurerNumber + " key=" + (patientKeyPresent ? "yes" : "no")
        + (patientId.isEmpty() ? "" : " patient=" + patientId)
        + (warnings.isEmpty() ? "" : " warnings=" + String.join(",", warnings));
    return line.length() > 1000 ? line.substring(0, 1000) : line;
  }

  /** The registration proposal recorded for a person with no patient yet (change {@code proposal=ID}), if any. */
  public java.util.OptionalLong proposalId() {
    for (String change : changes) {
      if (change.startsWith("proposal=")) {
        return java.util.OptionalLong.of(Long.parseLong(change.substring("proposal=".length())));
      }
    }
    return java.util.OptionalLong.empty();
  }
}
