package jp.tsumugi.app.patient;

/** Sex as claims code it (1 male, 2 female). */
public enum Sex {
  MALE("1"), FEMALE("2");

  private final String claimCode;

  Sex(String claimCode) {
    this.claimCode = claimCode;
  }

  public String claimCode() {
    return claimCode;
  }
}
