package org.epicommand.organisation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationsChanged;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations kept by their keepers inside their jurisdiction: registered once per credit code (409
 * naming the existing one), corrected (the code never changes), retired and taken back (409 naming the
 * state). Every change is audited in its transaction and published as {@link OrganisationsChanged}.
 */
@Component
public class OrganisationBook {

  /** The audit subject of an organisation. */
  public static final String SUBJECT = "ORGANISATION";

  /** A state a retire or reactivate step found the organisation in (for the 409). */
  public enum Status { ACTIVE, RETIRED }

  private final DirectoryStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrganisationBook(DirectoryStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public OrganisationRow create(OrganisationDetails raw) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = OrganisationRules.creditCode(raw.creditCode(), problems);
    Checked checked = check(code, raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UUID id = UUID.randomUUID();
    if (!store.insert(id, checked.details(), checked.place().path(), checked.district(), clock.instant(), null, null)) {
      throw Conflict.duplicate("organisation.duplicate", store.findByCode(code).orElseThrow().id().toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), checked.details().name());
    return published(store.find(id).orElseThrow());
  }

  @Transactional
  public OrganisationRow update(OrganisationRow row, OrganisationDetails raw) {
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = check(row.creditCode(), raw, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return write(row, checked) ? published(store.find(row.id()).orElseThrow()) : row;
  }

  @Transactional
  public OrganisationRow retire(OrganisationRow row) {
    if (row.retired()) {
      throw Conflict.illegalTransition("organisation.alreadyRetired", Status.RETIRED);
    }
    Instant now = clock.instant();
    store.retire(row.id(), now, now);
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "retired");
    return published(store.find(row.id()).orElseThrow());
  }

  @Transactional
  public OrganisationRow reactivate(OrganisationRow row) {
    if (!row.retired()) {
      throw Conflict.illegalTransition("organisation.alreadyActive", Status.ACTIVE);
    }
    store.retire(row.id(), null, clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), "back in service");
    return published(store.find(row.id()).orElseThrow());
  }

  /**
   * One import row, in the batch's transaction: registers the organisation, corrects it when the row
   * says something else, or leaves it as it is. Answers the problems that keep the row out and, when
   * it is in, the organisation as stored (to publish with the batch).
   */
  Optional<OrganisationRow> importRow(String code, Optional<OrganisationRow> stored, OrganisationDetails raw,
      UUID importId, int line, List<FieldProblem> problems) {
    JurisdictionScope scope = currentUser.get().scope();
    if (stored.isPresent() && !scope.contains(stored.get().path())) {
      problems.add(FieldProblem.of("creditCode", "organisation.codeOutsideScope"));
      return Optional.empty();
    }
    if (stored.isPresent() && importId.equals(stored.get().sourceImportId())
        && !Objects.equals(stored.get().sourceLine(), line)) {
      problems.add(FieldProblem.of("creditCode", "organisation.duplicateInFile", stored.get().sourceLine()));
      return Optional.empty();
    }
    Checked checked = check(code, raw, problems);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    UUID id;
    if (stored.isEmpty()) {
      id = UUID.randomUUID();
      store.insert(id, checked.details(), checked.place().path(), checked.district(), clock.instant(), importId, line);
      audit.record(AuditAction.CREATE, SUBJECT, id.toString(), checked.details().name());
    } else {
      id = stored.get().id();
      write(stored.get(), checked);
      store.stamp(id, importId, line);
    }
    return store.find(id);
  }

  /** Stores corrected details when they differ (audited); the same details again change nothing. */
  private boolean write(OrganisationRow row, Checked checked) {
    if (checked.details().equals(row.data())) {
      return false;
    }
    store.update(row.id(), checked.details(), checked.place().path(), checked.district(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, row.id().toString(), checked.details().name());
    return true;
  }

  private OrganisationRow published(OrganisationRow row) {
    events.publishEvent(new OrganisationsChanged(List.of(row.snapshot())));
    return row;
  }

  /** The details checked, their division and its county-level district. */
  record Checked(OrganisationDetails details, Jurisdiction place, String district) {}

  private Checked check(String code, OrganisationDetails raw, List<FieldProblem> problems) {
    String division = raw.jurisdictionCode();
    Jurisdiction place = division == null || division.isBlank() ? null : jurisdictions.find(division.strip())
        .orElse(null);
    OrganisationDetails details = OrganisationRules.check(code, raw, place, currentUser.get().scope(), problems);
    if (details == null || code == null) {
      return new Checked(null, null, null);
    }
    String district = jurisdictions.ancestry(place.code()).stream().filter(j -> j.level() == JurisdictionLevel.COUNTY)
        .map(Jurisdiction::code).findFirst().orElse(null);
    return new Checked(details, place, district);
  }
}
