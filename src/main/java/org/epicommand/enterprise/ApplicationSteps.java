package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.checklist.ChecklistItem;
import org.epicommand.checklist.ChecklistResults;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.enterprise.internal.Application;
import org.epicommand.enterprise.internal.ApplicationRow;
import org.epicommand.enterprise.internal.ApplicationStore;
import org.epicommand.enterprise.internal.EnterpriseProperties;
import org.epicommand.enterprise.internal.OrgFigures;
import org.epicommand.enterprise.internal.OrganisationAccess;
import org.epicommand.enterprise.internal.ResumptionNotices;
import org.epicommand.enterprise.internal.StaffStore;
import org.epicommand.enterprise.internal.WorkingDays;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moves of a resumption application, each guarded by the application ({@link Application}: 409
 * naming the current state), written to its history, audited and told to whom it concerns. Submitting
 * checks the gates again and starts the material review's SLA (2 working days); requesting the site
 * inspection starts its SLA (3 working days); approval needs what {@link #requirements} lists — 409
 * listing it otherwise — and publishes {@link OrganisationResumed}; suspension publishes
 * {@link OrganisationSuspended} and leads to re-inspection.
 */
@Service
public class ApplicationSteps {

  private final ResumptionApplications applications;
  private final ApplicationStore store;
  private final StaffStore staff;
  private final ResumptionGates gates;
  private final ChecklistTemplates templates;
  private final ChecklistResults results;
  private final OrganisationAccess access;
  private final OrgFigures figures;
  private final ResumptionNotices notices;
  private final EnterpriseProperties properties;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApplicationSteps(ResumptionApplications applications, ApplicationStore store, StaffStore staff,
      ResumptionGates gates, ChecklistTemplates templates, ChecklistResults results, OrganisationAccess access,
      OrgFigures figures, ResumptionNotices notices, EnterpriseProperties properties, CurrentUser currentUser,
      AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
    this.applications = applications;
    this.store = store;
    this.staff = staff;
    this.gates = gates;
    this.templates = templates;
    this.results = results;
    this.access = access;
    this.figures = figures;
    this.notices = notices;
    this.properties = properties;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** DRAFT → SUBMITTED: the gates are checked again (a gate set since the draft holds). */
  @Transactional
  public ResumptionApplication submit(UUID id) {
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), row.reason());
    application.submit();
    gates.check(access.writable(row.organisationId().toString()), row.cohort(), row.plannedDate(), row.exception());
    LocalDate due = WorkingDays.after(today(), properties.materialReviewDays());
    save(row, application, "SUBMITTED", null, due, null);
    notices.toSector(row.sector().name(), "RESUMPTION_SUBMITTED", "复工复产申请待审核：" + row.organisationName(),
        null, link(id));
    return applications.get(id);
  }

  /** SUBMITTED → MATERIAL_REVIEW (the sector department). */
  @Transactional
  public ResumptionApplication startReview(UUID id) {
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), row.reason());
    application.startReview();
    save(row, application, "REVIEW_STARTED", null, row.reviewDue(), null);
    return applications.get(id);
  }

  /** MATERIAL_REVIEW → SITE_INSPECTION: 属地 are told to inspect on site. */
  @Transactional
  public ResumptionApplication requestInspection(UUID id, String note) {
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), row.reason());
    application.requestInspection();
    save(row, application, "INSPECTION_REQUESTED", note(note), null, inspectionDue());
    notices.toLocal(row.jurisdictionCode(), row.districtCode(), "RESUMPTION_INSPECTION",
        "复工复产申请待现场验收：" + row.organisationName(), null, link(id));
    return applications.get(id);
  }

  /** MATERIAL_REVIEW or SITE_INSPECTION → REJECTED with a reason (400 {@code reason} without one). */
  @Transactional
  public ResumptionApplication reject(UUID id, String reason) {
    String why = required(reason, "reason");
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), row.reason());
    application.reject(why);
    save(row, application, "REJECTED", why, null, null);
    notices.toContacts(row.creditCode(), "RESUMPTION_REJECTED", "复工复产申请被退回：" + row.organisationName(), why,
        link(id));
    return applications.get(id);
  }

  /** SITE_INSPECTION → APPROVED, when nothing is missing (409 listing it otherwise). */
  @Transactional
  public ResumptionApplication approve(UUID id, String note) {
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), row.reason());
    application.approve(requirements(row));
    save(row, application, "APPROVED", note(note), null, null);
    figures.approved(row.organisationId(), true);
    events.publishEvent(new OrganisationResumed(row.organisationId().toString(), row.creditCode(), id.toString(),
        row.kind(), row.cohort()));
    notices.toContacts(row.creditCode(), "RESUMPTION_APPROVED", "复工复产申请已批准：" + row.organisationName(), null,
        link(id));
    return applications.get(id);
  }

  /** APPROVED → SUSPENDED with a reason (e.g. a staff member became a case). */
  @Transactional
  public ResumptionApplication suspend(UUID id, String reason) {
    String why = required(reason, "reason");
    suspended(applications.lock(id), why);
    return applications.get(id);
  }

  /** Suspends an approved application (also on the platform's behalf: an exposure, when automatic suspension is on). */
  void suspended(ApplicationRow row, String why) {
    Application application = new Application(row.id(), row.state(), row.reason());
    application.suspend(why);
    save(row, application, "SUSPENDED", why, null, null);
    figures.approved(row.organisationId(), store.anyApproved(row.organisationId()));
    events.publishEvent(new OrganisationSuspended(row.organisationId().toString(), row.creditCode(),
        row.id().toString(), why));
    notices.toContacts(row.creditCode(), "RESUMPTION_SUSPENDED", "已暂停：" + row.organisationName(), why,
        link(row.id()));
  }

  /** SUSPENDED → SITE_INSPECTION: re-inspection, with its SLA. */
  @Transactional
  public ResumptionApplication resume(UUID id, String note) {
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), row.reason());
    application.resume();
    save(row, application, "REINSPECTION", note(note), null, inspectionDue());
    notices.toLocal(row.jurisdictionCode(), row.districtCode(), "RESUMPTION_INSPECTION",
        "复工复产申请待重新验收：" + row.organisationName(), null, link(id));
    return applications.get(id);
  }

  /** REJECTED → DRAFT: to correct and submit again. */
  @Transactional
  public ResumptionApplication reopen(UUID id) {
    ApplicationRow row = applications.lock(id);
    Application application = new Application(row.id(), row.state(), null);
    application.reopen();
    save(row, application, "REOPENED", null, null, null);
    return applications.get(id);
  }

  /** What an approval of the application still needs (empty: it may be approved). */
  public List<FieldProblem> requirements(UUID id) {
    return requirements(applications.row(id));
  }

  /**
   * Every blocking checklist item passed on site; every sign-off the template names; staff on duty, all
   * of them cleared; masks for the template's days per head on duty, a thermometer, the isolation room the
   * template asks for; the application, the commitment and the prevention plan among the documents.
   */
  List<FieldProblem> requirements(ApplicationRow row) {
    List<FieldProblem> missing = new ArrayList<>();
    ChecklistTemplate template = templates.get(row.templateId());
    for (ChecklistItem item : results.blockingNotPassed(ResumptionApplications.subject(row), template, true)) {
      missing.add(FieldProblem.of("checklist." + item.code(), "resumption.missing.item", item.text()));
    }
    Set<String> signed = store.signOffs(row.id()).stream().map(SignOff::position).collect(Collectors.toSet());
    template.signOffs().stream().filter(position -> !signed.contains(position))
        .forEach(position -> missing.add(FieldProblem.of("signOffs." + position, "resumption.missing.signOff",
            position)));
    Staffing staffing = staff.staffing(row.organisationId());
    if (staffing.onDuty() == 0) {
      missing.add(FieldProblem.of("staff", "resumption.missing.noStaffOnDuty"));
    } else if (staffing.clearedOnDuty() < staffing.onDuty()) {
      missing.add(FieldProblem.of("staff", "resumption.missing.notCleared",
          staffing.onDuty() - staffing.clearedOnDuty(),
          staffing.onDuty()));
    }
    Supplies supplies = row.supplies();
    int masksNeeded = template.minMaskDays() == null ? 0 : template.minMaskDays() * staffing.onDuty();
    if (supplies.masks() < masksNeeded) {
      missing.add(FieldProblem.of("supplies.masks", "resumption.missing.masks", masksNeeded, supplies.masks()));
    }
    if (supplies.thermometers() < 1) {
      missing.add(FieldProblem.of("supplies.thermometers", "resumption.missing.thermometers"));
    }
    if (template.isolationRoom() && !Boolean.TRUE.equals(supplies.isolationRoom())) {
      missing.add(FieldProblem.of("supplies.isolationRoom", "resumption.missing.isolationRoom"));
    }
    Set<DocumentKind> documents = store.documents(row.id()).stream().map(ApplicationDocument::kind)
        .collect(Collectors.toSet());
    DocumentKind.REQUIRED.stream().filter(kind -> !documents.contains(kind)).sorted()
        .forEach(kind -> missing.add(FieldProblem.of("documents." + kind, "resumption.missing.document." + kind)));
    return missing;
  }

  private void save(ApplicationRow row, Application application, String action, String note, LocalDate reviewDue,
      LocalDate inspectionDue) {
    Instant now = clock.instant();
    ApplicationState to = application.state();
    store.saveState(row.id(), to, application.reason(), reviewDue, inspectionDue,
        to == ApplicationState.SUBMITTED, to == ApplicationState.APPROVED || to == ApplicationState.REJECTED, now);
    String user = currentUser.find().map(u -> u.username()).orElse("system");
    store.history(row.id(), action, row.state(), to, user, note, now);
    audit.record(AuditAction.UPDATE, ResumptionApplications.SUBJECT, row.id().toString(), row.state() + " → " + to);
  }

  private LocalDate inspectionDue() {
    return WorkingDays.after(today(), properties.siteInspectionDays());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static String required(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new ValidationFailure(FieldProblem.of(field, "resumption.reason"));
    }
    if (text.strip().length() > 1000) {
      throw new ValidationFailure(FieldProblem.of(field, "organisation.tooLong", 1000));
    }
    return text.strip();
  }

  private static String note(String text) {
    return text == null || text.isBlank() ? null : text.strip().length() > 1000 ? text.strip().substring(0, 1000)
        : text.strip();
  }

  static String link(UUID id) {
    return "/enterprise/applications/" + id;
  }
}
