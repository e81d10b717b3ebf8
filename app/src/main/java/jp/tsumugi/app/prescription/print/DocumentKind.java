package jp.tsumugi.app.prescription.print;

import java.util.Locale;
import java.util.Optional;

/** The printed documents of a prescription (docs/adr/0032). */
public enum DocumentKind {
  /** 院外処方箋 for the outside pharmacy. */
  SLIP("slip"),
  /** 処方内容（控え） for the patient: not a prescription. */
  COPY("copy"),
  /** 薬剤情報提供書: per drug usage, effects and cautions from the clinic's drug memos. */
  INFO("info");

  private final String cliName;

  DocumentKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line ({@code slip}, {@code copy}, {@code info}). */
  public String cliName() {
    return cliName;
  }

  public static Optional<DocumentKind> byCliName(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (DocumentKind k : values()) {
      if (k.cliName.equals(n)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
