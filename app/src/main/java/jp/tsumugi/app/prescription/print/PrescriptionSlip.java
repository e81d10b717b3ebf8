package jp.tsumugi.app.prescription.print;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import jp.tsumugi.app.patient.Sex;
import jp.tsumugi.app.prescription.DispensingKind;

/**
 * What a printed prescription (院外処方箋) or its patient copy (処方内容（控え）) shows, assembled from the stores by
 * {@link PrescriptionDocuments}: pure data, already formatted where the form needs text (docs/adr/0032).
 *
 * @param patientId for the audit of the output only (never printed)
 * @param visitId the visit (受付)
 * @param revision the prescription revision printed
 * @param kind 院外 or 院内
 * @param insurance 保険者番号, 記号・番号・枝番 and 被保険者/被扶養者; empty for 自費
 * @param publicExpenses 公費負担者番号 and 受給者番号 in the order they apply (at most {@link #MAX_PUBLIC_EXPENSES} printed)
 * @param patient name, kana, birth date, sex
 * @param copaymentTenths 負担割合 in tenths when known (0 to 10)
 * @param clinic 保険医療機関の所在地及び名称, 電話番号, 都道府県番号, 点数表番号, 医療機関コード
 * @param doctorName 保険医氏名: the user who signed the revision
 * @param issuedOn 交付年月日: the visit date
 * @param validUntil 使用期間: present only when the doctor set a date; empty means the default (交付の日を含めて4日以内)
 * @param groups the Rp lines
 * @param refills リフィル: 0 (none), or the total number of uses (2 or 3)
 * @param remarks 備考 lines (the prescription comment, 選定療養 notes)
 */
public record PrescriptionSlip(long patientId, long visitId, int revision, DispensingKind kind, Optional<SlipInsurance> insurance,
    List<SlipPublicExpense> publicExpenses, SlipPatient patient, OptionalInt copaymentTenths, SlipClinic clinic,
    String doctorName, LocalDate issuedOn, Optional<LocalDate> validUntil, List<SlipGroup> groups, int refills,
    List<String> remarks) {
  /** The form has two 公費 rows. */
  public static final int MAX_PUBLIC_EXPENSES = 2;
  /** 処方箋の使用期間 when the doctor sets none: the issue date and the three days after (4 days in all). */
  public static final int DEFAULT_VALID_DAYS = 4;

  public PrescriptionSlip {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(clinic, "clinic");
    Objects.requireNonNull(issuedOn, "issuedOn");
    insurance = insurance == null ? Optional.empty() : insurance;
    validUntil = validUntil == null ? Optional.empty() : validUntil;
    copaymentTenths = copaymentTenths == null ? OptionalInt.empty() : copaymentTenths;
    publicExpenses = List.copyOf(publicExpenses);
    groups = List.copyOf(groups);
    remarks = List.copyOf(remarks);
    doctorName = doctorName == null ? "" : doctorName;
  }

  /** The last day the slip may be used: the doctor's date, else the issue date plus 3 days. */
  public LocalDate lastValidDay() {
    return validUntil.orElse(issuedOn.plusDays(DEFAULT_VALID_DAYS - 1L));
  }

  /** Number of drug lines over all groups. */
  public int itemCount() {
    return groups.stream().mapToInt(g -> g.items().size()).sum();
  }

  /** 保険者番号, 記号, 番号, 枝番 and 本人 (被保険者) or 家族 (被扶養者). */
  public record SlipInsurance(String insurerNumber, String symbol, String number, String branch, boolean insured) {
    public SlipInsurance {
      symbol = symbol == null ? "" : symbol;
      number = number == null ? "" : number;
      branch = branch == null ? "" : branch;
    }
  }

  /** 公費負担者番号 and 受給者番号 ('' where the scheme has none). */
  public record SlipPublicExpense(String payerNumber, String recipientNumber) {
  }

  /** 氏名, カナ, 生年月日, 性別. */
  public record SlipPatient(String name, String kana, LocalDate birthDate, Sex sex) {
  }

  /** 医療機関: name, postal code, address, phone, 都道府県番号 (2), 点数表番号 (1), 医療機関コード (7). */
  public record SlipClinic(String name, String postalCode, String address, String phone, String prefectureCode, String feeTable,
      String institutionCode) {
  }

  /**
   * One Rp (剤): its number on the slip (1-based), route label key, usage text (with the doctor's note), days (日分) or times
   * (回分), group comment and drugs.
   */
  public record SlipGroup(int number, jp.tsumugi.app.prescription.RouteKind route, String usage, Integer days, Integer times,
      String comment, List<SlipItem> items) {
    public SlipGroup {
      items = List.copyOf(items);
      usage = usage == null ? "" : usage;
      comment = comment == null ? "" : comment;
    }
  }

  /**
   * One drug line.
   *
   * @param drugCode the 医薬品コード
   * @param printedName the name as printed: 【般】 + the 一般名処方の標準的な記載 for 一般名処方, else the brand name
   * @param generic 一般名処方
   * @param dose quantity per dose as written (e.g. "1"), '' when not given
   * @param perDay quantity per day (or in total for 外用), '' when not given
   * @param unit the master's unit
   * @param noSubstitution 変更不可
   * @param patientRequest 患者希望
   * @param selectedCare 選定療養
   * @param comment item comment
   */
  public record SlipItem(String drugCode, String printedName, boolean generic, String dose, String perDay, String unit,
      boolean noSubstitution, boolean patientRequest, boolean selectedCare, String comment) {
  }
}
