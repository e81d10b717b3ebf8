package jp.tsumugi.app.prescription;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One drug of a 剤. Codes, names and the unit come from the y master at signing ({@link PrescriptionRules#check}); quantities
 * are exact decimals in the master's unit.
 *
 * @param drugCode 9-digit 医薬品コード
 * @param name the name as prescribed (the master's 漢字名称)
 * @param yjCode the master's YJ code ('' when the master has none)
 * @param generic 一般名処方
 * @param genericCode the master's 一般名コード ('' unless generic)
 * @param genericName the master's 一般名処方の標準的な記載 ('' unless generic)
 * @param dose quantity per dose (null: not given; required for 頓服)
 * @param perDay quantity per day (null: not given; required for 内服; for 外用/注射 the quantity per day or in total)
 * @param unit the master's unit
 * @param noSubstitution 変更不可
 * @param patientRequest 患者希望 (a brand drug at the patient's wish)
 * @param selectedCare 選定療養 (the patient pays the extra for a long-listed brand drug)
 * @param comment item comment (chart text rules)
 */
public record RxItem(String drugCode, String name, String yjCode, boolean generic, String genericCode, String genericName,
    BigDecimal dose, BigDecimal perDay, String unit, boolean noSubstitution, boolean patientRequest, boolean selectedCare,
    String comment) {
  public RxItem {
    Objects.requireNonNull(drugCode, "drugCode");
    name = name == null ? "" : name;
    yjCode = yjCode == null ? "" : yjCode;
    genericCode = genericCode == null ? "" : genericCode;
    genericName = genericName == null ? "" : genericName;
    unit = unit == null ? "" : unit;
    comment = comment == null ? "" : comment;
  }

  /** An item as the doctor enters it: code, per-dose and per-day quantities; the rest is filled from the master. */
  public static RxItem of(String drugCode, String dose, String perDay) {
    return new RxItem(drugCode, "", "", false, "", "", dose == null ? null : new BigDecimal(dose),
        perDay == null ? null : new BigDecimal(perDay), "", false, false, false, "");
  }

  public RxItem asGeneric() {
    return new RxItem(drugCode, name, yjCode, true, genericCode, genericName, dose, perDay, unit, noSubstitution, patientRequest,
        selectedCare, comment);
  }

  public RxItem withFlags(boolean noSubstitution, boolean patientRequest, boolean selectedCare) {
    return new RxItem(drugCode, name, yjCode, generic, genericCode, genericName, dose, perDay, unit, noSubstitution, patientRequest,
        selectedCare, comment);
  }

  public RxItem withComment(String text) {
    return new RxItem(drugCode, name, yjCode, generic, genericCode, genericName, dose, perDay, unit, noSubstitution, patientRequest,
        selectedCare, text);
  }

  /** The same item with the master's name, YJ code, unit and (if generic) 一般名コード and 一般名. */
  public RxItem fromMaster(String masterName, String masterYj, String masterUnit, String masterGenericCode, String masterGenericName) {
    return new RxItem(drugCode, masterName, masterYj, generic, generic ? masterGenericCode : "", generic ? masterGenericName : "",
        dose, perDay, masterUnit, noSubstitution, patientRequest, selectedCare, comment);
  }
}
