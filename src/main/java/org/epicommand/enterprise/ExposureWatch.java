package org.epicommand.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.cases.CaseReported;
import org.epicommand.enterprise.internal.ApplicationRow;
import org.epicommand.enterprise.internal.ApplicationStore;
import org.epicommand.enterprise.internal.EnterpriseProperties;
import org.epicommand.enterprise.internal.ExposureStore;
import org.epicommand.enterprise.internal.OrgFigures;
import org.epicommand.enterprise.internal.Reach;
import org.epicommand.enterprise.internal.ResumptionNotices;
import org.epicommand.enterprise.internal.StaffRow;
import org.epicommand.enterprise.internal.StaffStore;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.person.PersonMatching;
import org.epicommand.quarantine.QuarantineOrderEnded;
import org.epicommand.quarantine.QuarantineOrderOpened;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactIdentified;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledgers in step with the epidemic. A quarantine order opened for a staff member takes them
 * off the cleared (and one ended puts them back), so an organisation's cleared share moves at once; a
 * case reported or a close (or secondary) contact named who is on a ledger raises "organisation exposed"
 * to its 属地 and its sector department — and, when automatic suspension is on (off by default: the
 * commander decides), suspends its approved applications. A person registered after their ledger entry
 * is linked when an event names them (document and name must agree). Idempotent: a republished event
 * changes nothing.
 */
@Component
class ExposureWatch {

  private final StaffStore staff;
  private final ExposureStore exposures;
  private final OrgFigures figures;
  private final Organisations organisations;
  private final PersonMatching persons;
  private final ResumptionNotices notices;
  private final ApplicationStore applications;
  private final ApplicationSteps steps;
  private final EnterpriseProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ExposureWatch(StaffStore staff, ExposureStore exposures, OrgFigures figures, Organisations organisations,
      PersonMatching persons, ResumptionNotices notices, ApplicationStore applications, ApplicationSteps steps,
      EnterpriseProperties properties, ApplicationEventPublisher events, Clock clock) {
    this.staff = staff;
    this.exposures = exposures;
    this.figures = figures;
    this.organisations = organisations;
    this.persons = persons;
    this.notices = notices;
    this.applications = applications;
    this.steps = steps;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(QuarantineOrderOpened event) {
    quarantine(event.personId(), true);
  }

  @ApplicationModuleListener
  void on(QuarantineOrderEnded event) {
    quarantine(event.personId(), false);
  }

  @ApplicationModuleListener
  void on(CaseReported event) {
    exposed(event.personId(), "CASE", event.caseId());
  }

  @ApplicationModuleListener
  void on(ContactIdentified event) {
    if (event.category() == ContactCategory.CLOSE || event.category() == ContactCategory.SECONDARY) {
      exposed(event.personId(), "CONTACT", event.contactId());
    }
  }

  private void quarantine(String personId, boolean under) {
    UUID person = UUID.fromString(personId);
    rowsOf(person);
    figures.recount(staff.underQuarantine(person, under, clock.instant()));
  }

  private void exposed(String personId, String source, String sourceId) {
    Instant now = clock.instant();
    Set<UUID> organisationIds = new LinkedHashSet<>();
    for (StaffRow row : rowsOf(UUID.fromString(personId))) {
      if (exposures.insert(row.organisationId(), row.id(), source, sourceId, now)) {
        staff.exposed(row.id(), now);
        organisationIds.add(row.organisationId());
      }
    }
    for (UUID organisationId : organisationIds) {
      figures.exposed(organisationId);
      organisations.findForPlatform(organisationId.toString()).ifPresent(org -> tell(org, source, sourceId));
    }
  }

  private void tell(OrganisationSnapshot org, String source, String sourceId) {
    String title = ("CASE".equals(source) ? "单位返岗人员被报告为病例：" : "单位返岗人员被判定为密切接触者：") + org.name();
    String link = "/organisations/" + org.id();
    notices.toLocal(org.jurisdictionCode(), org.districtCode(), "ORGANISATION_EXPOSED", title, null, link);
    notices.toSector(org.sector().name(), "ORGANISATION_EXPOSED", title, null, link);
    events.publishEvent(new OrganisationExposed(org.id(), org.creditCode(), source, sourceId));
    if (properties.autoSuspend()) {
      Reach platform = new Reach(new JurisdictionScope(org.creditCode(), org.path()), null);
      for (UUID id : applications.approvedOf(UUID.fromString(org.id()))) {
        applications.lock(id, platform).ifPresent((ApplicationRow row) -> steps.suspended(row, title));
      }
    }
  }

  /** The ledger rows of a person, linking those typed before the person was registered. */
  private List<StaffRow> rowsOf(UUID person) {
    persons.documentForPlatform(person.toString()).ifPresent(holder ->
        staff.link(holder.idType(), holder.idNumber(), holder.name(), person));
    return staff.ofPersons(List.of(person));
  }
}
