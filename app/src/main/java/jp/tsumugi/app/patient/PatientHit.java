package jp.tsumugi.app.patient;

import java.time.LocalDate;

/** A search hit: enough to pick the right patient from a list (name, kana, 通称, birth date, sex). */
public record PatientHit(long id, String patientNumber, String name, String kana, String alias, Sex sex, LocalDate birthDate) {
}
