package jp.tsumugi.ui.settings;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import jp.tsumugi.app.clinic.Prefecture;

/** Binds the clinic text fields of a view to a {@link ClinicForm}; used by the setup and settings views. */
public final class ClinicFields {
  private ClinicFields() {
  }

  /** The clinic's controls in one place. */
  public record Controls(TextField institutionCode, ComboBox<Prefecture> prefecture, TextField name, TextField postalCode,
      TextField address, TextField phone, TextField idleLockMinutes) {
  }

  public static void bind(ClinicForm form, Controls c) {
    c.prefecture().setItems(FXCollections.observableArrayList(Prefecture.all()));
    c.prefecture().setConverter(new StringConverter<>() {
      @Override
      public String toString(Prefecture p) {
        return p == null ? "" : p.code() + " " + p.name();
      }

      @Override
      public Prefecture fromString(String s) {
        return null;
      }
    });
    c.institutionCode().textProperty().bindBidirectional(form.institutionCodeProperty());
    c.prefecture().valueProperty().bindBidirectional(form.prefectureProperty());
    c.name().textProperty().bindBidirectional(form.nameProperty());
    c.postalCode().textProperty().bindBidirectional(form.postalCodeProperty());
    c.address().textProperty().bindBidirectional(form.addressProperty());
    c.phone().textProperty().bindBidirectional(form.phoneProperty());
    if (c.idleLockMinutes() != null) {
      c.idleLockMinutes().textProperty().bindBidirectional(form.idleLockMinutesProperty());
    }
    form.invalidFieldProperty().addListener((obs, old, field) -> {
      for (Control control : new Control[] {c.institutionCode(), c.prefecture(), c.name(), c.postalCode(), c.address(),
          c.phone(), c.idleLockMinutes()}) {
        if (control != null) {
          control.getStyleClass().remove("invalid");
        }
      }
      Control invalid = switch (field) {
        case "institutionCode" -> c.institutionCode();
        case "prefecture" -> c.prefecture();
        case "name" -> c.name();
        case "postalCode" -> c.postalCode();
        case "address" -> c.address();
        case "phone" -> c.phone();
        case "idleLockMinutes" -> c.idleLockMinutes();
        default -> null;
      };
      if (invalid != null) {
        invalid.getStyleClass().add("invalid");
        invalid.requestFocus();
      }
    });
  }
}
