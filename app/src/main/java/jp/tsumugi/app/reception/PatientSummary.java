package jp.tsumugi.app.reception;

import java.time.LocalDate;
import jp.tsumugi.app.patient.Sex;

/** What the reception queue and search show of a patient. */
public record PatientSummary(long id, String patientNumber, String name, String kana, Sex sex, LocalDate birthDate) {
}
