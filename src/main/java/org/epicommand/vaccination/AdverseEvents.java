package org.epicommand.vaccination;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.StateFilter;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.internal.AdverseEventStore;
import org.epicommand.vaccination.internal.DoseStore;
import org.epicommand.vaccination.internal.MasterRules;
import org.epicommand.vaccination.internal.PersonsInScope;
import org.epicommand.vaccination.internal.VaccinationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adverse events following immunization (AEFI, 疑似预防接种异常反应) of persons inside the caller's
 * jurisdiction: recorded against a dose (onset not before the dose's day nor in the future), reported
 * to the CDC's surveillance within {@code epicommand.vaccination.aefi-report-within} (48 h; later ones
 * are overdue), closed with their outcome. RECORDED → REPORTED → CLOSED; another move is 409 naming the
 * state. Reads of one event and every change are audited.
 */
@Service
public class AdverseEvents {

  static final String SUBJECT = "VACCINATION_ADVERSE_EVENT";

  private final AdverseEventStore store;
  private final DoseStore doses;
  private final PersonsInScope persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final VaccinationProperties properties;
  private final Clock clock;

  AdverseEvents(AdverseEventStore store, DoseStore doses, PersonsInScope persons, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, VaccinationProperties properties, Clock clock) {
    this.store = store;
    this.doses = doses;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Events inside the caller's jurisdiction (or a part of it), latest first; {@code state} ALL or a state; overdue
   * only. */
  public PageResult<AdverseEvent> list(String state, boolean overdue, String jurisdiction, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    AefiState filter = StateFilter.parse(state, AefiState.class, null);
    List<AdverseEventStore.Row> rows = store.list(scope, filter, overdue ? clock.instant() : null, paging.offset(),
        paging.fetchSize());
    return paging.toResult(rows, null).map(views(rows));
  }

  /** One event (audited). */
  @Transactional
  public AdverseEvent get(UUID id) {
    AdverseEventStore.Row row = row(id);
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return views(List.of(row)).apply(row);
  }

  /** A person's events (their record; the caller checked the scope). */
  List<AdverseEvent> ofPerson(UUID person) {
    List<AdverseEventStore.Row> rows = store.ofPerson(person);
    return rows.stream().map(views(rows)).toList();
  }

  @Transactional
  public AdverseEvent record(NewAdverseEvent raw) {
    List<FieldProblem> problems = new ArrayList<>();
    DoseStore.StoredDose dose = raw.doseId() == null ? null : doses.dose(raw.doseId()).orElse(null);
    var person = dose == null ? null : persons.find(dose.personId()).orElse(null);
    if (person == null) {
      problems.add(FieldProblem.of("doseId", "vaccination.aefi.unknownDose"));
    }
    Instant now = clock.instant();
    if (raw.onsetAt() == null) {
      problems.add(FieldProblem.of("onsetAt", "vaccination.required"));
    } else if (raw.onsetAt().toInstant().isAfter(now.plusSeconds(300))) {
      problems.add(FieldProblem.of("onsetAt", "vaccination.aefi.future"));
    } else if (dose != null && raw.onsetAt().atZoneSameInstant(clock.getZone()).toLocalDate().isBefore(dose.date())) {
      problems.add(FieldProblem.of("onsetAt", "vaccination.aefi.beforeDose", dose.date()));
    }
    String symptoms = MasterRules.required(raw.symptoms(), 500, "symptoms", problems);
    if (raw.severity() == null) {
      problems.add(FieldProblem.of("severity", "vaccination.required"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    store.insert(new AdverseEventStore.Row(id, raw.doseId(), dose.personId(), person.jurisdictionPath(),
        raw.onsetAt().toInstant(), symptoms, raw.severity(), raw.outcome() == null ? AefiOutcome.UNKNOWN
            : raw.outcome(),
        AefiState.RECORDED, currentUser.get().username(), now, now.plus(properties.aefiReportWithin()), null, null));
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), raw.severity() + " after dose " + raw.doseId());
    return views(List.of(row(id))).apply(row(id));
  }

  /** Reported to the AEFI surveillance: from RECORDED only. */
  @Transactional
  public AdverseEvent report(UUID id) {
    AdverseEventStore.Row row = row(id);
    if (row.state() != AefiState.RECORDED) {
      throw Conflict.illegalTransition("vaccination.aefi.notRecorded", row.state());
    }
    store.reported(id, currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "reported");
    return views(List.of(row(id))).apply(row(id));
  }

  /** Closed with its outcome: from REPORTED only. */
  @Transactional
  public AdverseEvent close(UUID id, AefiOutcome outcome) {
    AdverseEventStore.Row row = row(id);
    if (outcome == null) {
      throw new ValidationFailure(FieldProblem.of("outcome", "vaccination.required"));
    }
    if (row.state() != AefiState.REPORTED) {
      throw Conflict.illegalTransition("vaccination.aefi.notReported", row.state());
    }
    store.closed(id, outcome, currentUser.get().username(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "closed: " + outcome);
    return views(List.of(row(id))).apply(row(id));
  }

  private AdverseEventStore.Row row(UUID id) {
    return store.find(id).filter(r -> currentUser.get().scope().contains(r.path()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private java.util.function.Function<AdverseEventStore.Row, AdverseEvent> views(List<AdverseEventStore.Row> rows) {
    Map<UUID, PersonReference> names = persons.names(rows.stream().map(AdverseEventStore.Row::personId).toList());
    Instant now = clock.instant();
    return r -> {
      PersonReference who = names.get(r.personId());
      return new AdverseEvent(r.id().toString(), r.doseId().toString(), r.personId().toString(),
          who == null ? null : who.name(), who == null ? null : who.jurisdictionCode(), r.onsetAt(), r.symptoms(),
          r.severity(), r.outcome(), r.state(), r.recordedBy(), r.recordedAt(), r.reportDueAt(), r.reportedAt(),
          r.closedAt(), r.state() == AefiState.RECORDED && now.isAfter(r.reportDueAt()));
    };
  }
}
