package jp.tsumugi.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.tsumugi.app.clinic.Clinic;
import jp.tsumugi.app.clinic.Prefecture;
import jp.tsumugi.app.common.ErrorCode;

/** The clinic fields as editable properties, shared by the setup and settings screens. */
public final class ClinicForm {
  private final StringProperty institutionCode = new SimpleStringProperty("");
  private final ObjectProperty<Prefecture> prefecture = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty postalCode = new SimpleStringProperty("");
  private final StringProperty address = new SimpleStringProperty("");
  private final StringProperty phone = new SimpleStringProperty("");
  private final StringProperty idleLockMinutes = new SimpleStringProperty(Integer.toString(Clinic.DEFAULT_IDLE_LOCK_MINUTES));
  /** Which field the last validation error belongs to (a property name), or empty. */
  private final StringProperty invalidField = new SimpleStringProperty("");

  public void load(Clinic clinic) {
    institutionCode.set(clinic.institutionCode());
    prefecture.set(Prefecture.byCode(clinic.prefectureCode()).orElse(null));
    name.set(clinic.name());
    postalCode.set(clinic.postalCode());
    address.set(clinic.address());
    phone.set(clinic.phone());
    idleLockMinutes.set(Integer.toString(clinic.idleLockMinutes()));
  }

  /** Builds the record; its constructor validates and throws a coded error for the first bad field. */
  public Clinic toClinic() {
    int minutes;
    try {
      minutes = Integer.parseInt(jp.tsumugi.app.common.Text.toHalfWidthDigits(idleLockMinutes.get().strip()));
    } catch (NumberFormatException e) {
      minutes = -1;
    }
    return new Clinic(institutionCode.get(), prefecture.get() == null ? "" : prefecture.get().code(), name.get(),
        postalCode.get(), address.get(), phone.get(), Clinic.FEE_TABLE_MEDICAL, minutes);
  }

  /** Marks the field an error code belongs to, so the view can highlight it. */
  public void markInvalid(ErrorCode code) {
    invalidField.set(switch (code) {
      case CLINIC_CODE_INVALID -> "institutionCode";
      case PREFECTURE_INVALID -> "prefecture";
      case CLINIC_NAME_INVALID -> "name";
      case POSTAL_CODE_INVALID -> "postalCode";
      case ADDRESS_INVALID -> "address";
      case PHONE_INVALID -> "phone";
      case IDLE_MINUTES_INVALID -> "idleLockMinutes";
      default -> "";
    });
  }

  public void clearInvalid() {
    invalidField.set("");
  }

  public StringProperty institutionCodeProperty() {
    return institutionCode;
  }

  public ObjectProperty<Prefecture> prefectureProperty() {
    return prefecture;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty postalCodeProperty() {
    return postalCode;
  }

  public StringProperty addressProperty() {
    return address;
  }

  public StringProperty phoneProperty() {
    return phone;
  }

  public StringProperty idleLockMinutesProperty() {
    return idleLockMinutes;
  }

  public StringProperty invalidFieldProperty() {
    return invalidField;
  }
}
