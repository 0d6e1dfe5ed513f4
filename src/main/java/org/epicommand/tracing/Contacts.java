package org.epicommand.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.internal.ContactStore;
import org.epicommand.tracing.internal.ContactTracking;
import org.epicommand.tracing.internal.InvestigationStore;
import org.epicommand.tracing.internal.TracingProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts of cases (docs/domain.md §5): named by investigators with the look-back window check, tracked
 * IDENTIFIED → LOCATED → UNDER_CONTROL | NOT_FOUND | TRANSFERRED_OUT | EXCLUDED, closed with an
 * outcome when their quarantine ends. A contact is visible to callers whose jurisdiction holds the
 * contact's home or the case.
 */
@Service
public class Contacts {

  public static final String SUBJECT = "CONTACT";

  private final ContactStore store;
  private final Investigations investigations;
  private final PersonRegistry persons;
  private final RuleSets ruleSets;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TracingProperties properties;
  private final Clock clock;

  Contacts(ContactStore store, Investigations investigations, PersonRegistry persons, RuleSets ruleSets,
      Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events,
      TracingProperties properties, Clock clock) {
    this.store = store;
    this.investigations = investigations;
    this.persons = persons;
    this.ruleSets = ruleSets;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** Names a contact of a case in the caller's jurisdiction (404 otherwise). */
  @Transactional
  public Contact add(UUID caseId, NewContact request) {
    UserContext user = currentUser.get();
    InvestigationStore.Row investigation = investigations.ensure(caseId);
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    Optional<PersonReference> person = person(request.personId(), problems);
    if (person.isPresent() && person.get().id().equals(investigation.casePersonId().toString())) {
      problems.add(FieldProblem.of("personId", "tracing.contact.isTheCase"));
    }
    if (request.category() == null) {
      problems.add(FieldProblem.of("category", "tracing.contact.categoryMissing"));
    }
    if (request.contactType() == null) {
      problems.add(FieldProblem.of("contactType", "tracing.contact.typeMissing"));
    }
    LocalDate lastExposure = request.lastExposureDate();
    if (lastExposure == null) {
      problems.add(FieldProblem.of("lastExposureDate", "tracing.contact.lastExposureMissing"));
    } else if (lastExposure.isAfter(today)) {
      problems.add(FieldProblem.of("lastExposureDate", "tracing.contact.futureDate"));
    } else if (request.category() == ContactCategory.CLOSE) {
      // docs/domain.md §5: a close contact last exposed before the look-back window is not a close contact
      Investigations.Window window = investigations.window(investigation);
      if (window.anchor() != null && window.ruleSet() == null) {
        // no rule set in force on the onset date: the look-back window is not known, so neither is a close contact
        problems.add(ruleSets.noneInForce("lastExposureDate", window.anchor()));
      } else if (window.start() != null && lastExposure.isBefore(window.start())) {
        problems.add(FieldProblem.of("lastExposureDate", "tracing.contact.beforeWindow", window.start().toString(),
            window.anchor().toString(), window.days(), window.ruleSet()));
      }
    }
    UUID source = null;
    if (request.category() == ContactCategory.SECONDARY) {
      LocalDate day = lastExposure == null ? today : lastExposure;
      Optional<RuleSet> inForce = ruleSets.findInForce(day);
      if (inForce.isEmpty()) {
        problems.add(ruleSets.noneInForce("lastExposureDate", day));
      } else if (!inForce.get().secondaryContacts()) {
        problems.add(FieldProblem.of("category", "tracing.contact.secondaryNotDetermined", inForce.get().code(),
            day.toString()));
      } else {
        source = closeContactOf(caseId, request.sourceContactId(), problems);
      }
    }
    if (request.note() != null && request.note().length() > 500) {
      problems.add(FieldProblem.of("note", "tracing.tooLong", 500));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    PersonReference who = person.orElseThrow();
    Jurisdiction home = jurisdictions.find(who.jurisdictionCode()).orElseThrow();
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    Contact contact = new Contact(UUID.randomUUID().toString(), caseId.toString(), who.id(), who.name(), home.code(),
        request.category(), request.contactType(),
        request.discoveryRoute() == null ? ContactDiscoveryRoute.OWN_INVESTIGATION : request.discoveryRoute(),
        lastExposure, source == null ? null : source.toString(), TrackingState.IDENTIFIED, null,
        investigation.caseReportedAt(), now, null, null, null,
        request.note() == null || request.note().isBlank() ? null : request.note().strip());
    if (!store.insert(contact, investigation.id(), home.path(), user.username())) {
      UUID existing = store.idOf(caseId, UUID.fromString(who.id())).orElseThrow();
      throw Conflict.duplicate("tracing.contact.duplicate", existing.toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, contact.id(), contact.category() + " of case " + caseId);
    events.publishEvent(new ContactIdentified(contact.id(), contact.caseId(), contact.personId(), home.code(),
        contact.category(), lastExposure));
    return contact;
  }

  private Optional<PersonReference> person(String personId, List<FieldProblem> problems) {
    if (personId == null || personId.isBlank()) {
      problems.add(FieldProblem.of("personId", "tracing.contact.personMissing"));
      return Optional.empty();
    }
    try {
      Optional<PersonReference> person = persons.reference(UUID.fromString(personId.strip()));
      if (person.isEmpty()) {
        problems.add(FieldProblem.of("personId", "tracing.contact.personUnknown"));
      }
      return person;
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of("personId", "tracing.contact.personUnknown"));
      return Optional.empty();
    }
  }

  private UUID closeContactOf(UUID caseId, String sourceContactId, List<FieldProblem> problems) {
    try {
      UUID id = UUID.fromString(sourceContactId == null ? "" : sourceContactId.strip());
      Optional<ContactStore.Stored> source = store.findForPlatform(id);
      if (source.isPresent() && source.get().contact().caseId().equals(caseId.toString())
          && source.get().contact().category() == ContactCategory.CLOSE) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(FieldProblem.of("sourceContactId", "tracing.contact.sourceNotClose"));
    return null;
  }

  /** The contact record; the read is audited (a personal record). */
  @Transactional
  public Contact get(UUID id) {
    Contact contact = stored(id, false).contact();
    audit.record(AuditAction.READ, SUBJECT, contact.id(), null);
    return contact;
  }

  private ContactStore.Stored stored(UUID id, boolean lock) {
    return store.find(id, currentUser.get().scope(), lock).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** Moves the tracking on (a community worker locates the contact, or reports it not found…). */
  @Transactional
  public Contact track(UUID id, TrackingState target, String note) {
    UserContext user = currentUser.get();
    if (target == null) {
      throw new ValidationFailure(FieldProblem.of("trackingState", "tracing.contact.stateMissing"));
    }
    if (note != null && note.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "tracing.tooLong", 500));
    }
    ContactTracking tracking = ContactTracking.of(stored(id, true).contact());
    tracking.moveTo(target);
    Contact contact = tracking.contact();
    store.track(id, tracking.state(), clock.instant(), note == null || note.isBlank() ? null : note.strip());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), contact.trackingState() + " -> " + target
        + " by " + user.username());
    publish(contact, target, null);
    return stored(id, false).contact();
  }

  private void publish(Contact contact, TrackingState target, String orderId) {
    if (target == TrackingState.LOCATED) {
      events.publishEvent(new ContactLocated(contact.id(), contact.personId(), contact.jurisdictionCode()));
    } else if (target == TrackingState.UNDER_CONTROL) {
      events.publishEvent(new ContactUnderControl(contact.id(), contact.personId(), contact.jurisdictionCode(),
          orderId));
    }
  }

  /** The contact's quarantine order opened (platform work): the contact is under control. Idempotent. */
  @Transactional
  public void underControlForPlatform(UUID contactId, UUID orderId) {
    store.findForPlatform(contactId).map(ContactStore.Stored::contact).ifPresent(contact -> {
      if (contact.orderId() == null) {
        store.order(contactId, orderId);
      }
      ContactTracking tracking = ContactTracking.of(contact);
      if (tracking.underControl()) {
        store.track(contactId, tracking.state(), clock.instant(), null);
        publish(contact, tracking.state(), orderId.toString());
      }
    });
  }

  /** A person's quarantine ended (platform work): their open contacts get the outcome. */
  @Transactional
  public void endedForPlatform(UUID personId, ContactOutcome outcome) {
    store.openOfPerson(personId).forEach(id -> store.outcome(id, outcome));
  }

  /** The contacts of a case in the caller's jurisdiction, in the order they were named (an audited read of the case).
   * */
  @Transactional
  public PageResult<Contact> ofCase(UUID caseId, Paging paging) {
    investigations.ensure(caseId);
    audit.record(AuditAction.READ, CaseRegistry.SUBJECT, caseId.toString(), "contacts");
    return paging.toResult(store.ofCase(caseId, paging.offset(), paging.fetchSize()), null)
        .map(ContactStore.Stored::contact);
  }

  /** A contact of a case as the person page shows it: with the case's label. */
  public record AsContact(Contact contact, String caseLabel) {}

  /**
   * What the person page shows of a person in tracing: the cases they were named a contact of (at
   * most 50, newest first), and their own case's contacts (its id and count; null when they have no
   * case in the caller's jurisdiction). The read is audited.
   */
  public record OfPerson(List<AsContact> asContact, String ownCaseId, long ownCaseContacts) {}

  @Transactional
  public OfPerson ofPerson(UUID personId) {
    JurisdictionScope scope = currentUser.get().scope();
    List<AsContact> asContact = store.ofPerson(personId, scope, 50).stream()
        .map(e -> new AsContact(e.getKey().contact(), e.getValue())).toList();
    var own = store.contactsOfCasePerson(personId, scope);
    audit.record(AuditAction.READ, SUBJECT, personId.toString(), "person page: " + asContact.size() + " as contact");
    return new OfPerson(asContact, own.map(e -> e.getKey().toString()).orElse(null), own.map(e -> e.getValue())
        .orElse(0L));
  }

  /** Contacts living in the caller's jurisdiction (or a part of it), optionally in one tracking state. */
  public PageResult<Contact> inJurisdiction(String jurisdictionCode, TrackingState state, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdictionCode);
    return paging.toResult(store.inScope(scope, state, paging.offset(), paging.fetchSize()), null)
        .map(ContactStore.Stored::contact);
  }

  /** Contacts to locate (still IDENTIFIED) in the caller's jurisdiction, the longest waiting first. */
  public PageResult<Contact> toLocate(Paging paging) {
    return inJurisdiction(null, TrackingState.IDENTIFIED, paging);
  }

  /** The KPI per district for contacts identified on {@code from}…{@code to} (city days, inclusive). */
  public List<UnderControlKpi> underControlKpi(LocalDate from, LocalDate to) {
    LocalDate last = to == null ? LocalDate.now(clock) : to;
    LocalDate first = from == null ? last.minusDays(29) : from;
    if (first.isAfter(last)) {
      throw new ValidationFailure(FieldProblem.of("from", "tracing.kpi.range"));
    }
    Instant start = first.atStartOfDay(clock.getZone()).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    UserContext user = currentUser.get();
    List<Jurisdiction> districts = kpiDistricts(user);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    districts.forEach(d -> names.put(d.code(), d.name()));
    return store.underControlKpi(user.scope(), districts, start, end, properties.investigation().underControlTarget())
        .stream().map(k -> new UnderControlKpi(k.districtCode(), names.get(k.districtCode()), k.contacts(),
            k.underControl(), k.inTime(), k.contacts() == 0 ? null : (double) k.inTime() / k.contacts()))
        .toList();
  }

  /** The districts (county level) of the caller's jurisdiction, or the one it lies in. */
  private List<Jurisdiction> kpiDistricts(UserContext user) {
    List<Jurisdiction> inside = jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.COUNTY);
    if (!inside.isEmpty() || user.jurisdictionCode() == null) {
      return inside;
    }
    return jurisdictions.ancestry(user.jurisdictionCode()).stream()
        .filter(j -> j.level() == JurisdictionLevel.COUNTY).toList();
  }

}
