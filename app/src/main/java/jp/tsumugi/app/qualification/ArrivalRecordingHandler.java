package jp.tsumugi.app.qualification;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;

/**
 * Wraps the handler that applies results and records what reception must act on (docs/adr/0021), in
 * the same transaction: a card-reader ({@code face/}) result for a matched patient or a new person (its
 * registration proposal), and any result, from any folder, that carries a warning. A {@code res/} answer
 * without a warning was asked for by reception, which already has the patient: it records nothing. A
 * manual ingest counts as a card-reader result (support staff replay what the reader would have sent).
 */
public final class ArrivalRecordingHandler implements QualificationResultHandler {
  private final QualificationResultHandler delegate;
  private final QualificationArrivalStore arrivals;
  private final InsuranceStore insurances;
  private final Clock clock;

  public ArrivalRecordingHandler(QualificationResultHandler delegate, QualificationArrivalStore arrivals, InsuranceStore insurances,
      Clock clock) {
    this.delegate = Objects.requireNonNull(delegate);
    this.arrivals = Objects.requireNonNull(arrivals);
    this.insurances = Objects.requireNonNull(insurances);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ApplyReport apply(QualificationResult result, ResultOrigin origin) {
    ApplyReport report = delegate.apply(result, origin);
    Optional<ApplyWarning> warning = report.warnings().stream().map(ArrivalRecordingHandler::warning).flatMap(Optional::stream)
        .findFirst();
    long patientId = report.patientId().isEmpty() ? 0 : Long.parseLong(report.patientId());
    long proposalId = report.proposalId().orElse(0);
    boolean cardReader = origin.source() != InboxSource.RES && (patientId != 0 || proposalId != 0);
    if (cardReader || warning.isPresent()) {
      arrivals.insert(QualificationArrival.pending(origin.ledgerId(), origin.source(), patientId, proposalId,
          insuranceOf(report, result, patientId), warning, clock.millis()));
    }
    return report;
  }

  private static Optional<ApplyWarning> warning(String name) {
    try {
      return Optional.of(ApplyWarning.valueOf(name));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** The insurance the result created or revised ({@code insurance=ID:...}), else the patient's one with the card's numbers. */
  private long insuranceOf(ApplyReport report, QualificationResult result, long patientId) {
    for (String change : report.changes()) {
      if (change.startsWith("insurance=")) {
        String id = change.substring("insurance=".length());
        int colon = id.indexOf(':');
        return Long.parseLong(colon < 0 ? id : id.substring(0, colon));
      }
    }
    if (patientId == 0 || result.insurances().isEmpty()) {
      return 0;
    }
    QualifiedInsurance q = result.insurances().get(0);
    if (q.insurerNumber().isEmpty() || q.number().isEmpty()) {
      return 0;
    }
    return insurances.insurancesByNumbers(q.insurerNumber(), q.symbol(), q.number(), q.branch()).stream()
        .filter(r -> r.insurance().patientId() == patientId).mapToLong(InsuranceRecord::id).findFirst().orElse(0);
  }
}
