package org.epicommand.treatment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.MedicalRequestStore;
import org.epicommand.treatment.internal.TreatmentProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medical-service requests (医疗服务) for people under control: filed for a person inside the caller's
 * jurisdiction (404 otherwise) with a callback phone (400 {@code phone} without one), moved on by the
 * medical group along {@link MedicalRequestStatus} (409 naming the state otherwise), each step stamped
 * and audited (the callback phone is masked for readers outside the medical group without full identity).
 * A request not dispatched within its urgency's limit is overdue ({@link MedicalRequestOverdue} once).
 * Emergency care is never refused for lack of a negative test result.
 */
@Service
public class MedicalRequests {

  /** The audit subject of a request. */
  public static final String SUBJECT = "MEDICAL_REQUEST";

  private final MedicalRequestStore store;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final Hospitals hospitals;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final TreatmentProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final org.epicommand.person.SpecialNeeds ledger;

  MedicalRequests(MedicalRequestStore store, PersonRegistry persons, Jurisdictions jurisdictions, Hospitals hospitals,
      CurrentUser currentUser, AuditTrail audit, TreatmentProperties properties, Clock clock,
      ApplicationEventPublisher events, org.epicommand.person.SpecialNeeds ledger) {
    this.events = events;
    this.ledger = ledger;
    this.store = store;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.hospitals = hospitals;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public MedicalRequest file(MedicalRequest.New request) {
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = null;
    try {
      personId = UUID.fromString(request.personId().strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(FieldProblem.of("personId", "treatment.request.person"));
    }
    if (request.need() == null) {
      problems.add(FieldProblem.of("need", "treatment.request.need"));
    }
    if (request.urgency() == null) {
      problems.add(FieldProblem.of("urgency", "treatment.request.urgency"));
    }
    if (request.channel() == null) {
      problems.add(FieldProblem.of("channel", "treatment.request.channel"));
    }
    String phone = request.phone() == null || request.phone().isBlank() ? null
        : PhoneNumbers.normalize(request.phone());
    if (phone == null) {
      problems.add(FieldProblem.of("phone", "treatment.request.phone"));
    }
    String context = text(request.context(), 500, "context", problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    PersonReference person = persons.reference(personId).orElseThrow(() -> new RecordNotFound("PERSON"));
    String path = jurisdictions.find(person.jurisdictionCode()).map(Jurisdiction::path).orElseThrow();
    UUID id = UUID.randomUUID();
    store.insert(new MedicalRequestStore.Row(id, personId, person.name(), person.jurisdictionCode(), path,
        request.need(), request.urgency(), request.channel(), phone, context, null, null,
        MedicalRequestStatus.REQUESTED, clock.instant().atOffset(ZoneOffset.UTC), null, null, null, null),
        currentUser.get().username());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.need() + " " + request.urgency());
    return get(id.toString());
  }

  @Transactional(readOnly = true)
  public PageResult<MedicalRequest> list(boolean open, Paging paging) {
    return paging.toResult(viewAll(store.list(currentUser.get().scope().path(), open, paging.offset(),
        paging.fetchSize())), null);
  }

  /** A request of the caller's jurisdiction (404 otherwise); the read of the personal record is audited. */
  @Transactional
  public MedicalRequest get(String id) {
    MedicalRequest request = view(visible(id, false));
    audit.record(AuditAction.READ, SUBJECT, request.id(), null);
    return request;
  }

  /**
   * Moves the request to {@code target}; dispatching names the closed-loop vehicle (400 without it) and the hospital
   * (optional: one the caller sees).
   */
  @Transactional
  public MedicalRequest move(String id, MedicalRequestStatus target, MedicalRequest.Step step) {
    MedicalRequestStore.Row row = visible(id, true);
    if (!row.status().next().contains(target)) {
      throw Conflict.illegalTransition("treatment.request.illegalMove", row.status());
    }
    List<FieldProblem> problems = new ArrayList<>();
    String hospital = step == null || step.hospitalCode() == null || step.hospitalCode().isBlank() ? null
        : hospitals.find(step.hospitalCode()).map(Hospital::code).orElse(null);
    if (step != null && step.hospitalCode() != null && !step.hospitalCode().isBlank() && hospital == null) {
      problems.add(FieldProblem.of("hospitalCode", "treatment.request.hospital"));
    }
    String vehicle = text(step == null ? null : step.vehicle(), 100, "vehicle", problems);
    if (target == MedicalRequestStatus.DISPATCHED && vehicle == null) {
      problems.add(FieldProblem.of("vehicle", "treatment.request.vehicle"));
    }
    String note = text(step == null ? null : step.note(), 500, "note", problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    store.move(row.id(), target, hospital, vehicle, note, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), row.status() + " -> " + target);
    return view(store.find(row.id()).orElseThrow());
  }

  private MedicalRequestStore.Row visible(String id, boolean lock) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new RecordNotFound(SUBJECT);
    }
    return (lock ? store.lock(uuid) : store.find(uuid))
        .filter(r -> currentUser.get().scope().contains(r.jurisdictionPath()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /**
   * The clock: every request not dispatched within its urgency's limit at {@code now} and not yet reported
   * publishes {@link MedicalRequestOverdue} once. Answers the ids reported.
   */
  @Transactional
  public List<String> sweep(Instant now) {
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    List<String> reported = new ArrayList<>();
    for (MedicalRequest.Urgency urgency : MedicalRequest.Urgency.values()) {
      Duration within = within(urgency);
      for (MedicalRequestStore.Row r : store.markOverdue(urgency, at.minus(within), at, 500)) {
        events.publishEvent(new MedicalRequestOverdue(r.id().toString(), r.jurisdictionCode(), r.need(), urgency,
            r.requestedAt(), r.requestedAt().plus(within)));
        reported.add(r.id().toString());
      }
    }
    return reported;
  }

  private Duration within(MedicalRequest.Urgency urgency) {
    return switch (urgency) {
      case EMERGENCY -> properties.emergencyDispatchWithin();
      case URGENT -> properties.urgentDispatchWithin();
      case ROUTINE -> properties.routineDispatchWithin();
    };
  }

  private List<MedicalRequest> viewAll(List<MedicalRequestStore.Row> rows) {
    java.util.Map<java.util.UUID, List<org.epicommand.person.SpecialNeed.Need>> needs = ledger.needsOf(rows.stream()
        .map(MedicalRequestStore.Row::personId).toList());
    return rows.stream().map(r -> view(r, needs.getOrDefault(r.personId(), List.of()))).toList();
  }

  private MedicalRequest view(MedicalRequestStore.Row r) {
    return view(r, ledger.needsOf(List.of(r.personId())).getOrDefault(r.personId(), List.of()));
  }

  private MedicalRequest view(MedicalRequestStore.Row r, List<org.epicommand.person.SpecialNeed.Need> specialNeeds) {
    OffsetDateTime due = r.requestedAt().plus(within(r.urgency()));
    Instant now = clock.instant();
    org.epicommand.account.UserContext user = currentUser.get();
    String phone = user.has(org.epicommand.account.Permission.TREATMENT_ADMIN)
        || user.has(org.epicommand.account.Permission.PERSON_FULL_IDENTITY) ? r.phone()
        : org.epicommand.shared.Masking.phone(r.phone());
    boolean overdue = r.status().waiting() && due.toInstant().isBefore(now)
        || r.dispatchedAt() != null && r.dispatchedAt().isAfter(due);
    return new MedicalRequest(r.id().toString(), r.personId().toString(), r.personName(), r.jurisdictionCode(),
        r.need(), r.urgency(), r.channel(), phone, r.context(), r.hospitalCode(), r.vehicle(), r.status(),
        r.requestedAt(), r.acceptedAt(), r.dispatchedAt(), r.closedAt(), r.note(), due, overdue, specialNeeds);
  }

  private static String text(String value, int max, String field, List<FieldProblem> problems) {
    String text = value == null || value.isBlank() ? null : value.strip();
    if (text != null && text.length() > max) {
      problems.add(FieldProblem.of(field, "treatment.request.tooLong", max));
    }
    return text;
  }
}
