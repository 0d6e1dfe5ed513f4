package org.epicommand.treatment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseCourse;
import org.epicommand.cases.CaseOutcome;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseSummary;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.AdmissionStore;
import org.epicommand.treatment.internal.HospitalBindings;
import org.epicommand.treatment.internal.HospitalRow;
import org.epicommand.treatment.internal.HospitalStore;
import org.epicommand.treatment.internal.TreatmentProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admissions, transfers, discharges and deaths. Each one records the case's outcome through the
 * {@code cases} facade in the same transaction (so the discharge rule's 409 passes through, and the
 * case's {@code CaseOutcomeChanged} event follows); outcomes recorded on the case directly reach this
 * module through that event ({@code internal.CaseOutcomes}). An admission needs an ACTIVE hospital (409
 * naming its status), a bed of the type in service and free (409 naming the occupancy and suggesting
 * another hospital), a case not admitted elsewhere (409 with {@code existingId}: transfer it), and a
 * reason when the placement differs from the suggested one (400 {@code reason}).
 */
@Service
public class Admissions {

  /** The audit subject of an admission. */
  public static final String SUBJECT = "ADMISSION";

  private final AdmissionStore store;
  private final HospitalStore hospitalStore;
  private final HospitalBindings bindings;
  private final Hospitals hospitals;
  private final CaseRegistry cases;
  private final CaseCourse course;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final int alertPercent;

  Admissions(AdmissionStore store, HospitalStore hospitalStore, HospitalBindings bindings, Hospitals hospitals,
      CaseRegistry cases, CaseCourse course, CurrentUser currentUser, AuditTrail audit, Clock clock,
      ApplicationEventPublisher events, TreatmentProperties properties) {
    this.events = events;
    this.alertPercent = properties.occupancyAlertPercent();
    this.store = store;
    this.hospitalStore = hospitalStore;
    this.bindings = bindings;
    this.hospitals = hospitals;
    this.cases = cases;
    this.course = course;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Admissions in the hospitals the caller sees (one hospital when given), newest first; {@code open}: still there. */
  @Transactional(readOnly = true)
  public PageResult<Admission> list(String hospital, boolean open, Paging paging) {
    UserContext user = currentUser.get();
    String code = hospital == null || hospital.isBlank() ? null : hospitals.visible(hospital).code();
    List<AdmissionStore.Row> rows = store.list(user.scope().path(), bindings.boundUser(user).orElse(null), code, open,
        paging.offset(), paging.fetchSize());
    return paging.toResult(rows.stream().map(this::view).toList(), null);
  }

  @Transactional(readOnly = true)
  public Admission get(String id) {
    return view(visible(id));
  }

  @Transactional
  public Admission admit(AdmissionRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    UUID caseId = uuid(request.caseId(), "caseId", problems);
    check(request, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    CaseSummary summary = cases.summary(caseId).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    HospitalRow hospital = hospitals.visible(request.hospitalCode());
    Optional<AdmissionStore.Row> open = store.openOf(caseId);
    if (open.isPresent()) {
      throw Conflict.duplicate("treatment.admission.alreadyAdmitted", open.get().id().toString());
    }
    return place(summary, hospital, request, null);
  }

  /** Moves the case to another hospital (or bed type): this stay ends TRANSFERRED, a new one starts. */
  @Transactional
  public Admission transfer(String id, AdmissionRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    check(request, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    AdmissionStore.Row current = open(visible(id));
    CaseSummary summary = cases.summary(current.caseId()).orElseThrow(() -> new RecordNotFound(CaseRegistry.SUBJECT));
    HospitalRow hospital = hospitals.visible(request.hospitalCode());
    if (hospital.code().equals(current.hospitalCode()) && request.bedType() == current.bedType()) {
      throw new ValidationFailure(FieldProblem.of("hospitalCode", "treatment.admission.sameBed"));
    }
    store.close(current.id(), AdmissionStatus.TRANSFERRED, clock.instant());
    return place(summary, hospital, request, current);
  }

  private Admission place(CaseSummary summary, HospitalRow hospital, AdmissionRequest request,
      AdmissionStore.Row from) {
    HospitalRow locked = hospitalStore.lock(hospital.code()).orElseThrow();
    if (locked.status() != HospitalStatus.ACTIVE) {
      throw Conflict.illegalTransition("treatment.admission.hospitalNotActive", locked.status());
    }
    String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
    Placement suggested = Placement.suggestedFor(summary.severity());
    if (reason == null && !suggested.followedBy(locked.kind(), request.bedType())) {
      throw new ValidationFailure(FieldProblem.of("reason", "treatment.admission.placementReason",
          suggested.kind().name(), suggested.bedType().name()));
    }
    if (reason != null && reason.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("reason", "treatment.admission.reasonLength"));
    }
    BedLine beds = hospitals.get(locked.code()).beds(request.bedType());
    if (beds.occupied() >= beds.usable()) {
      throw full(locked, beds);
    }
    CaseOutcome outcome = locked.kind().outcome();
    if (from == null || summary.outcome() != outcome || !from.hospitalCode().equals(locked.code())) {
      course.changeOutcome(UUID.fromString(summary.id()), outcome, locked.code());
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insert(id, UUID.fromString(summary.id()), locked.code(), request.bedType(), now,
        from == null ? null : from.id(), reason, currentUser.get().username());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "case " + summary.id() + " -> " + locked.code() + " "
        + request.bedType() + (from == null ? "" : " (transfer from " + from.hospitalCode() + ")"));
    BedLine after = new BedLine(beds.type(), beds.total(), beds.outOfService(), beds.occupied() + 1);
    BedOccupancyHigh.crossing(locked.code(), locked.name(), locked.jurisdictionCode(), beds, after, alertPercent)
        .ifPresent(events::publishEvent);
    return get(id.toString());
  }

  /** 409 naming the occupancy, suggesting a hospital with a free bed of the type, else one to activate. */
  private Conflict full(HospitalRow hospital, BedLine beds) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("occupied", beds.occupied());
    properties.put("usable", beds.usable());
    Optional<Hospital> other = alternative(hospital, beds.type());
    other.ifPresent(h -> {
      properties.put("suggestedHospital", h.code());
      properties.put("suggestedHospitalStatus", h.status().name());
    });
    return Conflict.explained("treatment.admission.full", null, properties, hospital.name(), beds.occupied(),
        beds.usable(), other.map(Hospital::name).orElse("—"));
  }

  private Optional<Hospital> alternative(HospitalRow full, BedType type) {
    List<Hospital> all = hospitals.all(null).stream().filter(h -> !h.code().equals(full.code())).toList();
    Optional<Hospital> free = all.stream().filter(h -> h.status() == HospitalStatus.ACTIVE)
        .filter(h -> h.beds(type).available() > 0).findFirst();
    return free.isPresent() ? free : all.stream()
        .filter(h -> h.status().reserve())
        .filter(h -> h.beds(type).usable() > 0).min(Comparator.comparingInt(Hospital::activationLeadHours));
  }

  /** Discharges the case (the discharge rule of {@code cases} must be met: its 409 passes through). */
  @Transactional
  public Admission discharge(String id) {
    return leave(id, CaseOutcome.DISCHARGED, AdmissionStatus.DISCHARGED);
  }

  @Transactional
  public Admission death(String id) {
    return leave(id, CaseOutcome.DIED, AdmissionStatus.DIED);
  }

  private Admission leave(String id, CaseOutcome outcome, AdmissionStatus status) {
    AdmissionStore.Row row = open(visible(id));
    course.changeOutcome(row.caseId(), outcome, row.hospitalCode());
    store.close(row.id(), status, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), status.name());
    return get(id);
  }

  private AdmissionStore.Row open(AdmissionStore.Row row) {
    Optional<AdmissionStore.Row> locked = store.openOf(row.caseId()).filter(o -> o.id().equals(row.id()));
    if (locked.isEmpty()) {
      throw Conflict.illegalTransition("treatment.admission.closed", store.find(row.id()).orElseThrow().status());
    }
    return locked.get();
  }

  private AdmissionStore.Row visible(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new RecordNotFound(SUBJECT);
    }
    AdmissionStore.Row row = store.find(uuid).orElseThrow(() -> new RecordNotFound(SUBJECT));
    hospitals.find(row.hospitalCode()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    return row;
  }

  private static void check(AdmissionRequest request, List<FieldProblem> problems) {
    if (request.hospitalCode() == null || request.hospitalCode().isBlank()) {
      problems.add(FieldProblem.of("hospitalCode", "treatment.admission.hospital"));
    }
    if (request.bedType() == null) {
      problems.add(FieldProblem.of("bedType", "treatment.beds.type"));
    }
  }

  private static UUID uuid(String value, String field, List<FieldProblem> problems) {
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(FieldProblem.of(field, "treatment.admission.caseId"));
      return null;
    }
  }

  private Admission view(AdmissionStore.Row row) {
    String name = cases.summary(row.caseId()).map(CaseSummary::personName).orElse(null);
    return new Admission(row.id().toString(), row.caseId().toString(), name, row.hospitalCode(), row.hospitalName(),
        row.bedType(), row.status(), row.admittedAt(), row.transferredFrom() == null ? null
            : row.transferredFrom().toString(), row.leftAt(), row.placementReason());
  }
}
