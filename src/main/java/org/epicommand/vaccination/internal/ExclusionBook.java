package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.person.PersonLookup;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.Exclusion;
import org.epicommand.vaccination.ExclusionKind;
import org.epicommand.vaccination.ExclusionState;
import org.epicommand.vaccination.NewExclusion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and lifting exclusions of persons inside the caller's jurisdiction: a temporary
 * contraindication needs its end (after today), a refusal its reason, a permanent contraindication its
 * evidence; one active exclusion of a kind per person (409 naming it). Recording one moves the person's
 * door-to-door item (closed, deferred, or waiting for a home visit); lifting it opens the item again.
 * Audited.
 */
@Component
public class ExclusionBook {

  static final String SUBJECT = "VACCINATION_EXCLUSION";

  private final ExclusionStore store;
  private final TargetStore targets;
  private final PersonsInScope persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ExclusionBook(ExclusionStore store, TargetStore targets, PersonsInScope persons, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.store = store;
    this.targets = targets;
    this.persons = persons;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Exclusion record(NewExclusion raw) {
    List<FieldProblem> problems = new ArrayList<>();
    PersonLookup.Born person = persons.find(raw.personId()).orElse(null);
    if (person == null) {
      problems.add(FieldProblem.of("personId", "vaccination.unknownPerson"));
    }
    NewExclusion e = check(raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    store.active(e.personId(), e.kind()).ifPresent(existing -> {
      throw Conflict.duplicate("vaccination.exclusion.duplicate", existing.id());
    });
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insert(id, e, person.jurisdictionPath(), currentUser.get().username(), now);
    targets.move(e.personId(), e.kind().itemState(), e.kind().closes(), e.validUntil(), now);
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), e.kind() + " of person " + e.personId());
    return store.find(id).orElseThrow().exclusion();
  }

  @Transactional
  public Exclusion lift(UUID id) {
    ExclusionStore.Row row = store.find(id).filter(r -> currentUser.get().scope().contains(r.path()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (row.exclusion().state() == ExclusionState.LIFTED) {
      throw Conflict.illegalTransition("vaccination.exclusion.lifted", ExclusionState.LIFTED);
    }
    Instant now = clock.instant();
    store.lift(id, currentUser.get().username(), now);
    targets.reopen(UUID.fromString(row.exclusion().personId()), now);
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "lifted");
    return store.find(id).orElseThrow().exclusion();
  }

  /** The exclusion's fields by the rules of its kind; the texts stripped. */
  NewExclusion check(NewExclusion raw, List<FieldProblem> problems) {
    ExclusionKind kind = raw.kind();
    if (kind == null) {
      problems.add(FieldProblem.of("kind", "vaccination.required"));
    }
    String reason = MasterRules.limited(raw.reason(), 500, "reason", problems);
    String evidence = MasterRules.limited(raw.evidence(), 500, "evidence", problems);
    LocalDate today = LocalDate.now(clock);
    if (kind == ExclusionKind.TEMPORARY_CONTRAINDICATION
        && (raw.validUntil() == null || !raw.validUntil().isAfter(today))) {
      problems.add(FieldProblem.of("validUntil", "vaccination.exclusion.until"));
    }
    if (kind == ExclusionKind.REFUSAL && reason == null) {
      problems.add(FieldProblem.of("reason", "vaccination.exclusion.reason"));
    }
    if (kind == ExclusionKind.PERMANENT_CONTRAINDICATION && evidence == null) {
      problems.add(FieldProblem.of("evidence", "vaccination.exclusion.evidence"));
    }
    if (raw.reviewOn() != null && raw.reviewOn().isBefore(today)) {
      problems.add(FieldProblem.of("reviewOn", "vaccination.exclusion.reviewOn"));
    }
    return new NewExclusion(raw.personId(), kind, reason, evidence,
        kind == ExclusionKind.TEMPORARY_CONTRAINDICATION ? raw.validUntil() : null, raw.reviewOn());
  }
}
