package jp.tsumugi.app.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.tsumugi.app.audit.AuditAction;
import jp.tsumugi.app.audit.AuditEvent;
import jp.tsumugi.app.audit.AuditLog;
import jp.tsumugi.app.common.KanaFolding;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.insurance.Insurance;
import jp.tsumugi.app.insurance.InsuranceCombination;
import jp.tsumugi.app.insurance.InsuranceRecord;
import jp.tsumugi.app.insurance.InsuranceStore;
import jp.tsumugi.app.patient.PatientRecord;
import jp.tsumugi.app.patient.PatientStore;

/**
 * Applies a result to a patient (docs/adr/0020): matches the person by 保険者番号+記号+番号+枝番, else by
 * folded カナ + birth date, else records a pending registration proposal; for a matched patient appends a
 * new insurance revision when anything differs (or inserts the insurance and its insurance-alone
 * combination when the numbers are new) and appends the consent rows. Runs inside the ledger's
 * transaction under the system actor (no logged-in user). Every qualification a 有効 result lists is applied,
 * with its 特定疾病療養受療証 (docs/adr/0023). A result that is not 有効 writes nothing: the
 * report carries its {@link ApplyWarning} and, when exactly one patient matches, that patient's id.
 */
public final class PatientMatchingResultHandler implements QualificationResultHandler {
  /** The actor of audit rows and revisions written by the inbox (no user is logged in there). */
  public static final String SYSTEM_ACTOR = "oqs";

  private final PatientStore patients;
  private final InsuranceStore insurances;
  private final QualificationApplyStore applyStore;
  private final AuditLog audit;
  private final String actor;
  private final String terminal;
  private final Clock clock;

  public PatientMatchingResultHandler(PatientStore patients, InsuranceStore insurances, QualificationApplyStore applyStore,
      AuditLog audit, String actor, String terminal, Clock clock) {
    this.patients = Objects.requireNonNull(patients);
    this.insurances = Objects.requireNonNull(insurances);
    this.applyStore = Objects.requireNonNull(applyStore);
    this.audit = Objects.requireNonNull(audit);
    this.actor = Objects.requireNonNull(actor);
    this.terminal = Objects.requireNonNull(terminal);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public ApplyReport apply(QualificationResult result, ResultOrigin origin) {
    ApplyReport base = AuditOnlyResultHandler.describe(result);
    List<String> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ApplyWarning notValid = ApplyWarning.forResult(result);
    if (notValid != null) {
      warnings.add(notValid.name());
    }
    String patientId = "";
    List<QualifiedInsurance> all = result.insurances();
    if (notValid != null && !all.isEmpty()) {
      // Named (read only) so reception can show the warning at the patient; nothing is written.
      Set<Long> matches = matchAny(all);
      if (matches.size() == 1) {
        patientId = Long.toString(matches.iterator().next());
      }
    } else if (!all.isEmpty()) {
      Set<Long> matches = matchAny(all);
      if (matches.size() > 1) {
        warnings.add(ApplyWarning.SEVERAL_PATIENTS_MATCH.name());
      } else if (matches.isEmpty()) {
        // A person with no patient yet: the first (current) qualification pre-fills the registration; the
        // others are applied when the card is read again after staff confirmed (docs/adr/0023).
        QualifiedInsurance q = all.get(0);
        Optional<RegistrationProposal> pending = pendingFor(q);
        if (pending.isPresent()) {
          changes.add("proposal=" + pending.get().id());
        } else {
          RegistrationProposal proposal = applyStore.insertProposal(RegistrationProposal.of(q, origin.ledgerId(), clock.millis()));
          changes.add("proposal=" + proposal.id());
          audit.record(new AuditEvent(actor, terminal, AuditAction.QUALIFICATION_PROPOSAL_CREATED, "",
              "proposal=" + proposal.id() + " file=" + origin.fileName()));
        }
      } else {
        long id = matches.iterator().next();
        patientId = Long.toString(id);
        // Every qualification the result lists (a 後期高齢 one and an older one, say) is applied to the patient.
        for (QualifiedInsurance q : all) {
          applyInsurance(id, q, origin, changes, warnings)
              .ifPresent(insuranceId -> applySpecificDiseases(id, insuranceId, q.specificDiseases(), origin, changes));
        }
        applyConsents(id, all.get(0).consents(), origin, changes);
      }
    }
    ApplyReport report = new ApplyReport(base.validity(), base.insurerNumber(), base.patientKeyPresent(), patientId, changes, warnings);
    audit.record(new AuditEvent(actor, terminal, AuditAction.QUALIFICATION_RESULT_APPLIED, patientId,
        "file=" + origin.fileName() + " source=" + origin.source() + " " + report.summary()
            + (changes.isEmpty() ? "" : " changes=" + String.join(",", changes))));
    return report;
  }

  /** The ids of the patients the qualification belongs to: by card numbers first, else by カナ and birth date. */
  Set<Long> match(QualifiedInsurance q) {
    Set<Long> ids = new TreeSet<>();
    if (!q.insurerNumber().isEmpty() && !q.number().isEmpty()) {
      for (InsuranceRecord r : insurances.insurancesByNumbers(q.insurerNumber(), q.symbol(), q.number(), q.branch())) {
        ids.add(r.insurance().patientId());
      }
    }
    if (!ids.isEmpty()) {
      return ids;
    }
    String kana = KanaFolding.fold(q.kana());
    if (kana.isEmpty()) {
      return ids;
    }
    for (PatientRecord r : patients.bornOn(q.birthDate())) {
      if ((KanaFolding.fold(r.patient().familyKana()) + KanaFolding.fold(r.patient().givenKana())).equals(kana)) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  /** The patients any of the qualifications belongs to. */
  private Set<Long> matchAny(List<QualifiedInsurance> qualifications) {
    Set<Long> ids = new TreeSet<>();
    for (QualifiedInsurance q : qualifications) {
      ids.addAll(match(q));
    }
    return ids;
  }

  /** A pending proposal for the same person and card (the card was read again before staff confirmed). */
  private Optional<RegistrationProposal> pendingFor(QualifiedInsurance q) {
    RegistrationProposal candidate = RegistrationProposal.of(q, 0, 0);
    String kana = KanaFolding.fold(q.kana());
    return applyStore.pendingProposals().stream()
        .filter(p -> p.birthDate().equals(candidate.birthDate()) && p.insurerNumber().equals(candidate.insurerNumber())
            && p.symbol().equals(candidate.symbol()) && p.number().equals(candidate.number()) && p.branch().equals(candidate.branch())
            && KanaFolding.fold(p.familyKana() + p.givenKana()).equals(kana))
        .findFirst();
  }

  /** Applies one qualification's insurance; the insurance id, empty if it could not be stored. */
  private Optional<Long> applyInsurance(long patientId, QualifiedInsurance q, ResultOrigin origin, List<String> changes,
      List<String> warnings) {
    Optional<InsuranceRecord> current = insurances.insurancesByNumbers(q.insurerNumber(), q.symbol(), q.number(), q.branch())
        .stream().filter(r -> r.insurance().patientId() == patientId).findFirst();
    InsuranceStore.Change change = new InsuranceStore.Change(actor, clock.millis(), "オンライン資格確認 ledger=" + origin.ledgerId());
    InsuranceRecord candidate;
    try {
      candidate = candidate(patientId, q, current);
    } catch (TsumugiException invalid) {
      warnings.add(ApplyWarning.INSURER_NUMBER_INVALID.name());
      return Optional.empty();
    }
    if (current.isEmpty()) {
      InsuranceRecord stored = insurances.insertInsurance(candidate, change);
      InsuranceCombination alone = insurances.insertCombination(new InsuranceCombination(0, patientId, stored.id(), List.of()), change);
      changes.add("insurance=" + stored.id() + ":created");
      audit.record(new AuditEvent(actor, terminal, AuditAction.INSURANCE_CREATED, Long.toString(patientId),
          "insurance=" + stored.id() + " revision=1 combination=" + alone.id() + " source=oqs"));
      return Optional.of(stored.id());
    }
    List<String> differences = differences(current.get(), candidate);
    if (differences.isEmpty()) {
      return Optional.of(current.get().id());
    }
    InsuranceRecord stored = insurances.appendInsuranceRevision(candidate, change);
    changes.add("insurance=" + stored.id() + ":revision=" + stored.revision() + ":" + String.join("+", differences));
    audit.record(new AuditEvent(actor, terminal, AuditAction.INSURANCE_CHANGED, Long.toString(patientId),
        "insurance=" + stored.id() + " revision=" + stored.revision() + " source=oqs fields=" + String.join("+", differences)));
    return Optional.of(stored.id());
  }

  /**
   * Records the result's 特定疾病療養受療証 for the insurance (append-only): a row for each certificate that is
   * new or says something else than the newest row of its category, and a {@code listed = false} row for a
   * category the insurance held that this 有効 result no longer lists.
   */
  private void applySpecificDiseases(long patientId, long insuranceId, List<SpecificDiseaseCertificate> certificates,
      ResultOrigin origin, List<String> changes) {
    List<SpecificDiseaseRecord> current = applyStore.currentSpecificDiseases(insuranceId);
    List<String> recorded = new ArrayList<>();
    Set<SpecificDiseaseCategory> stated = java.util.EnumSet.noneOf(SpecificDiseaseCategory.class);
    for (SpecificDiseaseCertificate c : certificates) {
      if (!stated.add(c.category())) {
        continue;
      }
      SpecificDiseaseRecord candidate = new SpecificDiseaseRecord(insuranceId, patientId, c.category(), true, c.validity(),
          c.selfPayLimitYen(), origin.ledgerId(), actor, clock.millis());
      boolean same = current.stream().anyMatch(r -> r.sameStatement(candidate));
      if (!same) {
        applyStore.appendSpecificDisease(candidate);
        recorded.add(c.category().code());
      }
    }
    for (SpecificDiseaseRecord r : current) {
      if (!stated.contains(r.category())) {
        applyStore.appendSpecificDisease(new SpecificDiseaseRecord(insuranceId, patientId, r.category(), false, r.validity(),
            r.selfPayLimitYen(), origin.ledgerId(), actor, clock.millis()));
        recorded.add(r.category().code() + ":unlisted");
      }
    }
    if (!recorded.isEmpty()) {
      changes.add("specificDisease=" + insuranceId + ":" + String.join("+", recorded));
      audit.record(new AuditEvent(actor, terminal, AuditAction.QUALIFICATION_SPECIFIC_DISEASE_RECORDED, Long.toString(patientId),
          "insurance=" + insuranceId + " categories=" + String.join("+", recorded) + " ledger=" + origin.ledgerId()));
    }
  }

  /** The insurance as the result states it; what the result leaves out is kept from the current revision. */
  private static InsuranceRecord candidate(long patientId, QualifiedInsurance q, Optional<InsuranceRecord> current) {
    Optional<Insurance> old = current.map(InsuranceRecord::insurance);
    boolean insured = q.personalFamily().map(p -> p == PersonalFamilyClass.INSURED).orElse(old.map(Insurance::insured).orElse(true));
    LocalDate from = q.validity().validFrom().orElse(old.map(Insurance::validFrom).orElse(null));
    LocalDate to = q.validity().validTo().orElse(old.map(Insurance::validTo).orElse(null));
    Insurance insurance = new Insurance(old.map(Insurance::id).orElse(0L), patientId, q.insurerNumber(), q.symbol(), q.number(),
        q.branch(), insured, from, to);
    int elderly = q.elderlyRecipientCertificate().map(ElderlyRecipientCertificate::rateTenths).orElse(0);
    int late = q.lateElderlyRateTenths().orElse(0);
    Optional<LimitCategory> limit = q.limitCertificate().map(LimitCertificate::category);
    return new InsuranceRecord(insurance, current.map(InsuranceRecord::qualifiedOn).orElse(null), elderly, late,
        current.map(InsuranceRecord::activeIncome).orElse(false), limit,
        current.flatMap(InsuranceRecord::copaymentOverride), current.map(r -> r.revision() + 1).orElse(1));
  }

  private static List<String> differences(InsuranceRecord a, InsuranceRecord b) {
    List<String> out = new ArrayList<>();
    Insurance x = a.insurance();
    Insurance y = b.insurance();
    if (x.insured() != y.insured()) {
      out.add("insured");
    }
    if (!Objects.equals(x.validFrom(), y.validFrom()) || !Objects.equals(x.validTo(), y.validTo())) {
      out.add("validity");
    }
    if (a.elderlyRecipientTenths() != b.elderlyRecipientTenths()) {
      out.add("elderlyRecipient");
    }
    if (a.lateElderlyTenths() != b.lateElderlyTenths()) {
      out.add("lateElderly");
    }
    if (!a.limitCategory().equals(b.limitCategory())) {
      out.add("limitCategory");
    }
    return out;
  }

  private void applyConsents(long patientId, Consents consents, ResultOrigin origin, List<String> changes) {
    List<String> kinds = new ArrayList<>();
    record(patientId, ConsentKind.PHARMACY, consents.pharmacy(), origin, kinds);
    record(patientId, ConsentKind.DIAGNOSIS, consents.diagnosis(), origin, kinds);
    record(patientId, ConsentKind.HEALTH_CHECKUPS, consents.healthCheckups(), origin, kinds);
    record(patientId, ConsentKind.OPERATION, consents.operation(), origin, kinds);
    if (!kinds.isEmpty()) {
      changes.add("consents=" + String.join("+", kinds));
      audit.record(new AuditEvent(actor, terminal, AuditAction.QUALIFICATION_CONSENTS_RECORDED, Long.toString(patientId),
          "consents=" + String.join("+", kinds) + " ledger=" + origin.ledgerId()));
    }
  }

  private void record(long patientId, ConsentKind kind, Optional<Consent> consent, ResultOrigin origin, List<String> kinds) {
    if (consent.isPresent()) {
      applyStore.appendConsent(new ConsentRecord(patientId, kind, consent.get(), origin.ledgerId(), clock.millis()));
      kinds.add(kind.name() + ":" + consent.get().state().name());
    }
  }
}
