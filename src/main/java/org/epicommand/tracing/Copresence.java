package org.epicommand.tracing;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PersonReference;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.tracing.internal.CandidateStore;
import org.epicommand.tracing.internal.InvestigationStore;
import org.epicommand.tracing.internal.TracingProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-presence (docs/domain.md §5): persons scanned at the venues of a case's trajectory within
 * {@code [from − 30 min, to + 30 min]} of the visit (a visit or presence known by one scan lasts
 * 60 min; both configurable) become candidate contacts — never contacts until an investigator
 * confirms them.
 */
@Service
public class Copresence {

  private final InvestigationStore investigations;
  private final CandidateStore candidates;
  private final PersonLookup persons;
  private final Contacts contacts;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final TracingProperties properties;
  private final Clock clock;

  Copresence(InvestigationStore investigations, CandidateStore candidates,
      PersonLookup persons, Contacts contacts, CurrentUser currentUser, AuditTrail audit, TracingProperties properties,
      Clock clock) {
    this.investigations = investigations;
    this.candidates = candidates;
    this.persons = persons;
    this.contacts = contacts;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Searches the scans for every venue visit of the trajectory, in one statement, and proposes the
   * persons found as candidates (those proposed before stay as they are). It reads no person: the
   * names, random reads in the registry, are read with the {@linkplain #candidates list}.
   */
  @Transactional
  public CopresenceSearch search(UUID investigationId) {
    InvestigationStore.Row row = investigation(investigationId);
    int proposed = candidates.proposeAll(investigationId, row.casePersonId(), properties.copresence().margin(),
        properties.copresence().singleScanVisit());
    return new CopresenceSearch(proposed, candidates.count(investigationId));
  }

  /**
   * The investigation's candidates with their names, proposed first, then by their first scan; those
   * living outside the caller's jurisdiction as "辖区外人员" only. Reading the list is audited.
   */
  @Transactional
  public List<CopresenceCandidate> candidates(UUID investigationId) {
    investigation(investigationId);
    audit.record(AuditAction.READ, Investigations.SUBJECT, investigationId.toString(), "co-presence candidates");
    return named(candidates.of(investigationId));
  }

  /** Confirms a candidate as a contact of the case (last exposure: the day of the first scan). */
  @Transactional
  public Contact confirm(UUID investigationId, UUID candidateId, ContactCategory category, ContactType type) {
    InvestigationStore.Row row = investigation(investigationId);
    CopresenceCandidate candidate = proposed(investigationId, candidateId);
    ZoneId zone = clock.getZone();
    Contact contact = contacts.add(row.caseId(), new NewContact(candidate.personId(),
        category == null ? ContactCategory.CLOSE : category, type == null ? ContactType.OTHER : type,
        candidate.firstScanAt().atZoneSameInstant(zone).toLocalDate(), ContactDiscoveryRoute.OWN_INVESTIGATION, null,
        "venue " + candidate.venueCode()));
    candidates.decide(candidateId, CopresenceCandidate.State.CONFIRMED, UUID.fromString(contact.id()),
        currentUser.get().username(), clock.instant());
    return contact;
  }

  @Transactional
  public void dismiss(UUID investigationId, UUID candidateId) {
    investigation(investigationId);
    proposed(investigationId, candidateId);
    candidates.decide(candidateId, CopresenceCandidate.State.DISMISSED, null, currentUser.get().username(),
        clock.instant());
    audit.record(AuditAction.UPDATE, Investigations.SUBJECT, investigationId.toString(), "dismissed candidate "
        + candidateId);
  }

  /** A proposed candidate the caller may decide on: one living inside their jurisdiction (404 otherwise). */
  private CopresenceCandidate proposed(UUID investigationId, UUID candidateId) {
    CopresenceCandidate candidate = candidates.lock(investigationId, candidateId)
        .filter(c -> !persons.byIds(List.of(UUID.fromString(c.personId())), currentUser.get().scope()).isEmpty())
        .orElseThrow(() -> new RecordNotFound("CANDIDATE"));
    if (candidate.state() != CopresenceCandidate.State.PROPOSED) {
      throw Conflict.illegalTransition("tracing.candidate.decided", candidate.state());
    }
    return candidate;
  }

  private InvestigationStore.Row investigation(UUID id) {
    return investigations.find(id, currentUser.get().scope())
        .orElseThrow(() -> new RecordNotFound(Investigations.SUBJECT));
  }

  private List<CopresenceCandidate> named(List<CopresenceCandidate> list) {
    Map<UUID, PersonReference> names = persons.byIds(list.stream()
        .map(c -> UUID.fromString(c.personId())).distinct().toList(), currentUser.get().scope());
    return list.stream().map(c -> {
      PersonReference person = names.get(UUID.fromString(c.personId()));
      return person == null ? c.outside() : new CopresenceCandidate(c.id(), c.investigationId(), c.entryId(),
          c.personId(), person.name(), c.venueCode(), c.firstScanAt(), c.lastScanAt(), c.scans(), c.state(),
          c.contactId(), false);
    }).toList();
  }
}
