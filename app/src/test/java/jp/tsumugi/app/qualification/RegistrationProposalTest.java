package jp.tsumugi.app.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.patient.Sex;
import org.junit.jupiter.api.Test;

class RegistrationProposalTest {
  private static QualifiedInsurance qualification(String name, String kana) {
    return new QualifiedInsurance("01", "01130012", "協会", "12345678", "901", "00", Optional.of(PersonalFamilyClass.DEPENDANT), "",
        name, "", kana, "", Optional.of(Sex.FEMALE), LocalDate.of(2021, 6, 1), "東京都", "100-0001",
        new ValidityPeriod(Optional.empty(), Optional.of(LocalDate.of(2024, 4, 1)), Optional.of(LocalDate.of(2027, 3, 31))),
        OptionalInt.empty(), true, Optional.of(new ElderlyRecipientCertificate(ValidityPeriod.UNKNOWN, 2)),
        Optional.of(new LimitCertificate(Optional.empty(), LimitCategory.A03, ValidityPeriod.UNKNOWN, Optional.empty())), List.of(),
        Consents.NONE);
  }

  @Test
  void preFillsRegistrationFromTheResultSplittingNamesAtAnIdeographicSpace() {
    RegistrationProposal p = RegistrationProposal.of(qualification("紡　花子", "ツムギ　ハナコ"), 7, 1000);

    assertThat(List.of(p.familyName(), p.givenName(), p.familyKana(), p.givenKana())).containsExactly("紡", "花子", "ツムギ", "ハナコ");
    assertThat(p.sexCode()).isEqualTo("2");
    assertThat(p.personalFamilyCode()).isEqualTo("2");
    assertThat(p.validFrom()).hasValue(LocalDate.of(2024, 4, 1));
    assertThat(p.validTo()).hasValue(LocalDate.of(2027, 3, 31));
    assertThat(p.elderlyRecipientTenths()).isEqualTo(2);
    assertThat(p.limitCategoryCode()).isEqualTo("A03");
    assertThat(p.preschool()).isTrue();
    assertThat(p.state()).isEqualTo(RegistrationProposal.State.PENDING);
    assertThat(p.ledgerId()).isEqualTo(7);
  }

  @Test
  void aNameWithoutASpaceLeavesTheGivenNameEmptyForStaffToFillIn() {
    RegistrationProposal p = RegistrationProposal.of(qualification("紡花子", "ツムギハナコ"), 1, 1);

    assertThat(p.familyName()).isEqualTo("紡花子");
    assertThat(p.givenName()).isEmpty();
    assertThat(p.givenKana()).isEmpty();
  }

  @Test
  void confirmationFormsCarryTheProposalsInsuranceFields() {
    RegistrationProposal p = RegistrationProposal.of(qualification("紡 花子", "ツムギ ハナコ"), 1, 1);

    assertThat(ProposalConfirmation.insuranceForm(p)).satisfies(f -> {
      assertThat(f.insured()).isEqualTo("2");
      assertThat(f.validFrom()).isEqualTo("2024-04-01");
      assertThat(f.elderlyRecipientTenths()).isEqualTo("2");
      assertThat(f.lateElderlyTenths()).isEmpty();
      assertThat(f.limitCategory()).isEqualTo("A03");
    });
    assertThat(ProposalConfirmation.patientForm(p).birthDate()).isEqualTo("2021-06-01");
  }
}
