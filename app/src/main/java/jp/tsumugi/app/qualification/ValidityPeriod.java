package jp.tsumugi.app.qualification;

import java.time.LocalDate;
import java.util.Optional;

/** Issue date and validity of a card or certificate; each part is absent when the file leaves it empty. */
public record ValidityPeriod(Optional<LocalDate> issuedOn, Optional<LocalDate> validFrom, Optional<LocalDate> validTo) {
  public static final ValidityPeriod UNKNOWN = new ValidityPeriod(Optional.empty(), Optional.empty(), Optional.empty());

  public ValidityPeriod {
    issuedOn = issuedOn == null ? Optional.empty() : issuedOn;
    validFrom = validFrom == null ? Optional.empty() : validFrom;
    validTo = validTo == null ? Optional.empty() : validTo;
  }

  /** True if the date lies inside the known bounds (an absent bound does not limit). */
  public boolean covers(LocalDate date) {
    return validFrom.map(from -> !date.isBefore(from)).orElse(true) && validTo.map(to -> !date.isAfter(to)).orElse(true);
  }
}
