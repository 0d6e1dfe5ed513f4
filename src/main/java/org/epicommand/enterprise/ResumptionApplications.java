package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.checklist.ChecklistResults;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.enterprise.internal.Application;
import org.epicommand.enterprise.internal.ApplicationRow;
import org.epicommand.enterprise.internal.ApplicationStore;
import org.epicommand.enterprise.internal.OrganisationAccess;
import org.epicommand.enterprise.internal.Reaches;
import org.epicommand.enterprise.internal.StaffStore;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resumption applications (复工复产、复学、场所开放申请): filed as drafts for an organisation inside the
 * caller's reach (a contact: their own), checked against the gates (400 {@code plannedDate} naming the
 * day), one per organisation, kind and cohort (409 naming the existing one); corrected while drafts;
 * listed and read inside the reach — a sector department's reviewer sees the sectors they review.
 * Its moves are {@link ApplicationSteps}, its material {@link ApplicationMaterial}.
 */
@Service
public class ResumptionApplications {

  static final String SUBJECT = "RESUMPTION_APPLICATION";

  /** Which applications a list shows; null fields do not filter. */
  public record Filter(ApplicationState state, String organisation, ApplicationKind kind, Boolean overdue) {}

  private final ApplicationStore store;
  private final StaffStore staff;
  private final ResumptionGates gates;
  private final ChecklistTemplates templates;
  private final ChecklistResults results;
  private final OrganisationAccess access;
  private final Organisations organisations;
  private final Reaches reaches;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  ResumptionApplications(ApplicationStore store, StaffStore staff, ResumptionGates gates, ChecklistTemplates templates,
      ChecklistResults results, OrganisationAccess access, Organisations organisations, Reaches reaches,
      CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.staff = staff;
    this.gates = gates;
    this.templates = templates;
    this.results = results;
    this.access = access;
    this.organisations = organisations;
    this.reaches = reaches;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Files a draft: 400 naming the fields (the gate's day on {@code plannedDate}), 409 with existingId for a second
   * one. */
  @Transactional
  public ResumptionApplication create(NewApplication request) {
    UserContext user = currentUser.get();
    String key = request.organisationId() == null || request.organisationId().isBlank()
        ? organisations.boundOrganisation(user).map(OrganisationSnapshot::id).orElse(null) : request.organisationId();
    if (key == null) {
      throw new ValidationFailure(FieldProblem.of("organisationId", "resumption.organisationRequired"));
    }
    OrganisationSnapshot org = access.writable(key);
    if (request.kind() == null) {
      throw new ValidationFailure(FieldProblem.of("kind", "resumption.kind"));
    }
    Decided decided = decide(org, request.kind(), request);
    UUID organisationId = UUID.fromString(org.id());
    store.existing(organisationId, request.kind(), decided.cohort()).ifPresent(existing -> {
      throw Conflict.duplicate("resumption.duplicate", existing.toString());
    });
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insert(new ApplicationRow(id, organisationId, org.creditCode(), org.name(), org.kind(), org.sector(),
        org.jurisdictionCode(), org.districtCode(), org.path(), request.kind(), decided.cohort(),
        request.plannedDate(), request.exception(), decided.passage().exceptionApplied(), decided.passage().gateId(),
        decided.passage().notBefore(), UUID.fromString(decided.template().id()), ApplicationState.DRAFT, null,
        decided.supplies(), null, null, null, null, null, user.username(), null), now);
    store.history(id, "CREATED", null, ApplicationState.DRAFT, user.username(), null, now);
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), org.creditCode() + " " + request.kind());
    return get(id);
  }

  /** Corrects a draft (the organisation and kind stay): the gate and template are decided again; 409 unless DRAFT. */
  @Transactional
  public ResumptionApplication update(UUID id, NewApplication request) {
    ApplicationRow row = lock(id);
    new Application(row.id(), row.state(), row.reason()).require(ApplicationState.DRAFT);
    OrganisationSnapshot org = access.writable(row.organisationId().toString());
    Decided decided = decide(org, row.kind(), request);
    if (!java.util.Objects.equals(decided.cohort(), row.cohort())) {
      store.existing(row.organisationId(), row.kind(), decided.cohort()).ifPresent(existing -> {
        throw Conflict.duplicate("resumption.duplicate", existing.toString());
      });
    }
    store.updateDraft(new ApplicationRow(row.id(), row.organisationId(), row.creditCode(), row.organisationName(),
        row.organisationKind(), row.sector(), row.jurisdictionCode(), row.districtCode(), row.organisationPath(),
        row.kind(), decided.cohort(), request.plannedDate(), request.exception(), decided.passage().exceptionApplied(),
        decided.passage().gateId(), decided.passage().notBefore(), UUID.fromString(decided.template().id()),
        row.state(), row.reason(), decided.supplies(), null, null, null, null, null, null, null), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "draft corrected");
    return get(id);
  }

  public PageResult<ResumptionApplication> list(Filter filter, Paging paging) {
    UUID organisationId = filter.organisation() == null || filter.organisation().isBlank() ? null
        : UUID.fromString(access.reachable(filter.organisation()).id());
    LocalDate today = LocalDate.now(clock);
    List<ApplicationRow> rows = store.list(new ApplicationStore.Filter(filter.state(), organisationId, filter.kind(),
        filter.overdue()), reaches.current(), today, paging.offset(), paging.fetchSize());
    return paging.toResult(rows.stream().map(row -> view(row, today)).toList(), null);
  }

  /** The application with its material, checklist and history; 404 outside the caller's reach. Audited. */
  @Transactional
  public ResumptionApplication get(UUID id) {
    ApplicationRow row = store.find(id, reaches.current()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    ChecklistTemplate template = templates.get(row.templateId());
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return view(row, LocalDate.now(clock)).withDetail(template.code(), template.version(),
        staff.staffing(row.organisationId()), store.signOffs(id), store.documents(id), results.results(subject(row)),
        store.history(id));
  }

  /** The application's row inside the caller's reach (404 otherwise). */
  ApplicationRow row(UUID id) {
    return store.find(id, reaches.current()).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The application's row, locked for a change, inside the caller's reach (404 otherwise). */
  ApplicationRow lock(UUID id) {
    return store.lock(id, reaches.current()).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** Whose checklist results an application's are. */
  static ChecklistResults.Subject subject(ApplicationRow row) {
    return new ChecklistResults.Subject(SUBJECT, row.id(), row.creditCode(), row.organisationName());
  }

  private record Decided(String cohort, ResumptionGates.Passage passage, ChecklistTemplate template,
      Supplies supplies) {}

  /** The request checked against the organisation, the gates and the templates; 400 naming every problem. */
  private Decided decide(OrganisationSnapshot org, ApplicationKind kind, NewApplication request) {
    List<FieldProblem> problems = new ArrayList<>();
    String cohort = null;
    if (kind == ApplicationKind.REOPEN_SCHOOL_COHORT) {
      cohort = request.cohort() == null || request.cohort().isBlank() ? null : request.cohort().strip();
      if (!org.kind().educational()) {
        problems.add(FieldProblem.of("kind", "resumption.notASchool"));
      } else if (cohort == null || !org.cohorts().isEmpty() && !org.cohorts().contains(cohort)) {
        problems.add(FieldProblem.of("cohort", "resumption.cohort", String.join("、", org.cohorts())));
      }
    }
    if (request.plannedDate() == null) {
      problems.add(FieldProblem.of("plannedDate", "resumption.plannedDate"));
    }
    Supplies supplies = supplies(request.supplies(), problems);
    ChecklistTemplate template = null;
    String code = request.templateCode() == null || request.templateCode().isBlank()
        ? defaultTemplate(kind, org.kind(), cohort) : request.templateCode();
    try {
      template = templates.latest(code);
    } catch (RecordNotFound unknown) {
      problems.add(FieldProblem.of("templateCode", "resumption.template", code));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Decided(cohort, gates.check(org, cohort, request.plannedDate(), request.exception()), template,
        supplies);
  }

  private static Supplies supplies(Supplies given, List<FieldProblem> problems) {
    Supplies s = given == null ? Supplies.NONE : given;
    int masks = s.masks() == null ? 0 : s.masks();
    int thermometers = s.thermometers() == null ? 0 : s.thermometers();
    java.math.BigDecimal litres = s.disinfectantLitres() == null ? java.math.BigDecimal.ZERO : s.disinfectantLitres();
    if (masks < 0 || masks > 100_000_000) {
      problems.add(FieldProblem.of("supplies.masks", "organisation.range", 0, 100_000_000));
    }
    if (thermometers < 0 || thermometers > 1_000_000) {
      problems.add(FieldProblem.of("supplies.thermometers", "organisation.range", 0, 1_000_000));
    }
    if (litres.signum() < 0 || litres.compareTo(java.math.BigDecimal.valueOf(1_000_000)) > 0) {
      problems.add(FieldProblem.of("supplies.disinfectantLitres", "organisation.range", 0, 1_000_000));
    }
    return new Supplies(masks, thermometers, litres.setScale(1, java.math.RoundingMode.HALF_UP),
        Boolean.TRUE.equals(s.isolationRoom()));
  }

  /** The template an application is checked against by default: its kind's (高三: the ten items). */
  static String defaultTemplate(ApplicationKind kind, OrganisationKind organisation, String cohort) {
    return switch (kind) {
      case RESUME_WORK -> "FIVE_IN_PLACE";
      case RETURN_TO_OFFICE -> "FOUR_AFTER";
      case REOPEN_SCHOOL_COHORT -> "高三".equals(cohort) ? "SENIOR_THREE_TEN" : "FOUR_AFTER";
      case REOPEN_VENUE -> organisation == OrganisationKind.SCENIC_SPOT ? "SCENIC_SPOT"
          : organisation == OrganisationKind.RELIGIOUS_SITE ? "RELIGIOUS_SITE" : "FIVE_IN_PLACE";
    };
  }

  static ResumptionApplication view(ApplicationRow r, LocalDate today) {
    boolean overdue = (r.state() == ApplicationState.SUBMITTED || r.state() == ApplicationState.MATERIAL_REVIEW)
        && r.reviewDue() != null && r.reviewDue().isBefore(today)
        || r.state() == ApplicationState.SITE_INSPECTION && r.inspectionDue() != null
        && r.inspectionDue().isBefore(today);
    return new ResumptionApplication(r.id().toString(), r.organisationId().toString(), r.creditCode(),
        r.organisationName(), r.organisationKind(), r.sector(), r.jurisdictionCode(), r.kind(), r.cohort(),
        r.plannedDate(), r.exception(), r.exceptionApplied(), r.gateId() == null ? null : r.gateId().toString(),
        r.gateNotBefore(), r.templateId().toString(), null, null, r.state(), r.reason(), r.supplies(), null,
        r.reviewDue(), r.inspectionDue(), overdue, r.submittedAt(), r.decidedAt(), r.createdAt(), null, null, null,
        null);
  }
}
