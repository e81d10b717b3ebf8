package jp.tsumugi.app.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatientValidationTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  static PatientForm form(String birthDate) {
    return new PatientForm("山田", "太郎", "ヤマダ", "タロウ", "", "1", birthDate, "1600022", "東京都新宿区新宿1-2-3", "03-1234-5678",
        "", "", "", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"S41.5.26", "3410526", "19660526", "昭和41年5月26日", "1966-05-26", "Ｓ４１．５．２６"})
  void acceptsTheBirthDateInWarekiCompactAndWesternForms(String typed) {
    PatientRecord r = PatientValidation.validate(form(typed), 0, "000001", 1, TODAY);
    assertThat(r.patient().birthDate()).isEqualTo(LocalDate.of(1966, 5, 26));
  }

  @Test
  void aBirthDateInTheFutureIsAnErrorAtTheBirthDateField() {
    assertThatThrownBy(() -> PatientValidation.validate(form("20261126"), 0, "1", 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("birthDate");
          assertThat(e.errorCode()).isEqualTo(ErrorCode.BIRTH_DATE_IN_FUTURE);
        });
  }

  @Test
  void heisei32DoesNotExistAndSaysSoAtTheBirthDateField() {
    assertThatThrownBy(() -> PatientValidation.validate(form("H32.1.1"), 0, "1", 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("birthDate");
          assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREKI_OUT_OF_ERA);
        });
  }

  @Test
  void todayIsAValidBirthDateForANewborn() {
    assertThat(PatientValidation.validate(form("2026-11-25"), 0, "1", 1, TODAY).patient().birthDate()).isEqualTo(TODAY);
  }

  @Test
  void kanaAcceptsHiraganaAndHalfWidthButNotKanji() {
    PatientForm hira = new PatientForm("山田", "太郎", "やまだ", "ﾀﾛｳ", "", "1", "19660526", "", "", "", "", "", "", "");
    assertThat(PatientValidation.validate(hira, 0, "1", 1, TODAY).patient().familyKana()).isEqualTo("やまだ");
    PatientForm kanji = new PatientForm("山田", "太郎", "山田", "タロウ", "", "1", "19660526", "", "", "", "", "", "", "");
    assertThatThrownBy(() -> PatientValidation.validate(kanji, 0, "1", 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("familyKana"));
  }

  @Test
  void aMissingGivenNameIsReportedAtThatField() {
    PatientForm f = new PatientForm("山田", " ", "ヤマダ", "タロウ", "", "1", "19660526", "", "", "", "", "", "", "");
    assertThatThrownBy(() -> PatientValidation.validate(f, 0, "1", 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("givenName");
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PATIENT_NAME_INVALID);
        });
  }

  @Test
  void postalCodeIsNormalisedAndPhonesAreChecked() {
    PatientRecord r = PatientValidation.validate(form("19660526"), 0, "1", 1, TODAY);
    assertThat(r.patient().postalCode()).isEqualTo("160-0022");
    PatientForm badPhone = new PatientForm("山田", "太郎", "ヤマダ", "タロウ", "", "1", "19660526", "", "", "12-34", "", "", "", "");
    assertThatThrownBy(() -> PatientValidation.validate(badPhone, 0, "1", 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("phone");
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PHONE_INVALID);
        });
  }

  @Test
  void sexAcceptsClaimCodesAndRejectsAnythingElse() {
    PatientForm f = new PatientForm("山田", "花子", "ヤマダ", "ハナコ", "", "女", "19660526", "", "", "", "", "", "", "");
    assertThat(PatientValidation.validate(f, 0, "1", 1, TODAY).patient().sex()).isEqualTo(Sex.FEMALE);
    PatientForm bad = new PatientForm("山田", "花子", "ヤマダ", "ハナコ", "", "3", "19660526", "", "", "", "", "", "", "");
    assertThatThrownBy(() -> PatientValidation.validate(bad, 0, "1", 1, TODAY))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("sex"));
  }

  @Test
  void patientNumbersArePaddedToTheWidthWithThePrefix() {
    assertThat(new PatientNumberFormat("", 6).format(42)).isEqualTo("000042");
    assertThat(new PatientNumberFormat("K", 4).format(7)).isEqualTo("K0007");
    assertThat(new PatientNumberFormat("", 3).format(12345)).isEqualTo("12345");
    assertThatThrownBy(() -> new PatientNumberFormat("", 0)).hasMessageContaining("TSU-5010");
  }
}
