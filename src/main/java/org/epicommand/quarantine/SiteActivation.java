package org.epicommand.quarantine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.checklist.ChecklistResults;
import org.epicommand.checklist.ChecklistTemplate;
import org.epicommand.checklist.ChecklistTemplates;
import org.epicommand.checklist.ItemResult;
import org.epicommand.checklist.Outcome;
import org.epicommand.quarantine.internal.SiteReadiness;
import org.epicommand.quarantine.internal.SiteStore;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standby sites and their activation: a site's readiness moves {@code STANDBY → ACTIVATING → ACTIVE ⇄
 * SUSPENDED → CLOSED} (the {@link SiteReadiness} aggregate guards it), and before it becomes ACTIVE every
 * blocking item of the site standard (checklist template {@value #STANDARD}) must have passed. Each move is
 * audited on the site and published as {@link SiteStatusChanged}; a failed item can become a supervision
 * problem of the site's division.
 */
@Service
public class SiteActivation {

  /** The checklist template sites are checked against. */
  public static final String STANDARD = "SITE_STANDARD";

  /** The standard of a site: the template version, the results by item, the blocking items not passed yet. */
  public record Standard(ChecklistTemplate template, Map<String, ItemResult> results, List<String> notPassed) {}

  private final SiteStore sites;
  private final QuarantineSites quarantineSites;
  private final SiteStaff staff;
  private final ChecklistTemplates templates;
  private final ChecklistResults results;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SiteActivation(SiteStore sites, QuarantineSites quarantineSites, SiteStaff staff, ChecklistTemplates templates,
      ChecklistResults results, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events,
      Clock clock) {
    this.sites = sites;
    this.quarantineSites = quarantineSites;
    this.staff = staff;
    this.templates = templates;
    this.results = results;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Moves a site of the caller (404 elsewhere) to {@code target}: 400 {@code status} without one, 409 naming the
   * current status for a move the lifecycle does not have, 409 listing the standard's items not passed when an
   * activation is completed too early.
   */
  @Transactional
  public QuarantineSite moveTo(UUID id, SiteStatus target) {
    if (target == null || target == SiteStatus.RETIRED) {
      throw new ValidationFailure(FieldProblem.of("status", "quarantine.site.statusRequired"));
    }
    SiteStore.LockedReadiness site = own(id);
    SiteReadiness readiness = site.readiness();
    SiteStatus from = readiness.status();
    List<FieldProblem> missing = from == SiteStatus.ACTIVATING && target == SiteStatus.ACTIVE
        ? notPassed(subject(site)).stream().map(code -> FieldProblem.of(code, "quarantine.site.standardItem")).toList()
        : List.of();
    String by = currentUser.get().username();
    readiness.moveTo(target, missing, by, clock.instant());
    sites.saveReadiness(id, readiness, clock.instant());
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, id.toString(), "status " + from + " → " + target);
    QuarantineSite view = quarantineSites.site(id);
    events.publishEvent(new SiteStatusChanged(id.toString(), view.code(), view.name(), view.jurisdictionCode(), from,
        target, by));
    return view;
  }

  /** The site's standard with its results (every reader of the site may see it). */
  public Standard standard(UUID id) {
    QuarantineSite site = quarantineSites.site(id);
    ChecklistResults.Subject subject = new ChecklistResults.Subject(QuarantineSites.SUBJECT, id,
        site.jurisdictionCode(), site.name());
    return new Standard(templates.latest(STANDARD), results.results(subject), notPassed(subject));
  }

  /**
   * Records an item of the standard for a site of the caller (404 elsewhere, 404 for an unknown item, 400
   * {@code outcome} without one); with {@code raiseProblem} a failed item becomes a supervision problem.
   */
  @Transactional
  public Standard record(UUID id, String itemCode, Outcome outcome, String note, boolean raiseProblem) {
    SiteStore.LockedReadiness site = own(id);
    results.record(subject(site), templates.latest(STANDARD), itemCode, outcome, note, true, raiseProblem);
    return standard(id);
  }

  /**
   * Marks the activations that have passed their lead time (once each) and publishes
   * {@link SiteActivationOverdue} for them; the periodic job calls it. Returns how many.
   */
  @Transactional
  public int sweepOverdue(java.time.Instant now) {
    List<SiteStore.OverdueActivation> overdue = sites.markOverdueActivations(now);
    overdue.forEach(o -> events.publishEvent(new SiteActivationOverdue(o.id().toString(), o.code(), o.name(),
        o.jurisdictionCode(), o.startedAt(), o.leadHours())));
    return overdue.size();
  }

  private List<String> notPassed(ChecklistResults.Subject subject) {
    return results.blockingNotPassed(subject, templates.latest(STANDARD), false).stream()
        .map(item -> item.code()).toList();
  }

  private static ChecklistResults.Subject subject(SiteStore.LockedReadiness site) {
    return new ChecklistResults.Subject(QuarantineSites.SUBJECT, site.id(), site.jurisdictionCode(), site.name());
  }

  /** A site to change, locked: inside the caller's jurisdiction and, for a site manager, one of theirs; else 404. */
  private SiteStore.LockedReadiness own(UUID id) {
    return sites.lockReadiness(id)
        .filter(s -> currentUser.get().scope().contains(s.path()) && staff.worksAt(s.id()))
        .orElseThrow(() -> new RecordNotFound(QuarantineSites.SUBJECT));
  }
}
