package org.epicommand.movement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.movement.internal.PushedItemStore;
import org.epicommand.movement.internal.PushedName;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district desk's work on pushed names no community holds (docs/domain.md §8 "unmatched → the
 * district's desk"): assign an item to a community of the desk's jurisdiction, or match it to a
 * registered person (by resident ID number, inside the desk's scope), which routes it to that
 * person's community. Each step is audited; closed items (feedback sent) answer 409.
 */
@Service
public class PushedDesk {

  private final PushedItemStore store;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  PushedDesk(PushedItemStore store, PersonRegistry persons, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.store = store;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Open, unmatched items routed to a desk inside the caller's jurisdiction. */
  public PageResult<PushedItemStore.Listed> atDesk(Paging paging) {
    return paging.toResult(store.atDesk(currentUser.get().scope(), clock.instant(), paging.offset(),
        paging.fetchSize()), null);
  }

  /** The communities the caller may assign items to. */
  public List<Jurisdiction> communities() {
    UserContext user = currentUser.get();
    Optional<Jurisdiction> home = jurisdictions.find(user.jurisdictionCode());
    if (home.isPresent() && home.get().level() == JurisdictionLevel.VILLAGE) {
      return List.of(home.get());
    }
    return jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.VILLAGE);
  }

  /** Routes the item to a community inside the caller's jurisdiction (400 otherwise). */
  @Transactional
  public PushedItem assign(UUID id, String communityCode) {
    UserContext user = currentUser.get();
    PushedItemDetail item = open(id);
    Jurisdiction community = communityCode == null || communityCode.isBlank() ? null
        : jurisdictions.find(communityCode.strip()).orElse(null);
    if (community == null || community.level() != JurisdictionLevel.VILLAGE || !user.scope()
        .contains(community.path())) {
      throw new ValidationFailure(FieldProblem.of("communityCode", "movement.desk.community"));
    }
    reroute(item, null, item.matchedBy(), community);
    audit.record(AuditAction.UPDATE, PushedItems.SUBJECT, id.toString(), "ASSIGN " + community.code());
    return get(id);
  }

  /** Matches the item to the registered person with this resident ID number inside the caller's scope. */
  @Transactional
  public PushedItem match(UUID id, String idNumber) {
    PushedItemDetail item = open(id);
    ResidentIdNumber.Parsed parsed = ResidentIdNumber.parse(idNumber, LocalDate.now(clock));
    if (parsed.problem().isPresent()) {
      throw new ValidationFailure(FieldProblem.of("idNumber", "idNumber." + parsed.problem().get().name()));
    }
    String number = parsed.number().orElseThrow().value();
    List<PersonSummary> found = persons.search(number, null, Paging.of(0, 5)).items();
    if (found.size() != 1) {
      throw new ValidationFailure(FieldProblem.of("idNumber", "movement.desk.noPerson"));
    }
    PersonSummary person = found.get(0);
    Jurisdiction home = jurisdictions.find(person.jurisdictionCode()).orElseThrow();
    reroute(item, UUID.fromString(person.id()), "DESK", home);
    audit.record(AuditAction.UPDATE, PushedItems.SUBJECT, id.toString(), "MATCH " + person.id());
    return get(id);
  }

  private PushedItemDetail open(UUID id) {
    PushedItemDetail item = store.find(id, currentUser.get().scope(), clock.instant())
        .orElseThrow(() -> new RecordNotFound(PushedItems.SUBJECT));
    PushedName.in(item.item().state()).requireAwaitingFeedback();
    return item;
  }

  private void reroute(PushedItemDetail item, UUID personId, String matchedBy, Jurisdiction to) {
    if (!store.reroute(UUID.fromString(item.item().id()), personId, matchedBy, to.code(), to.path(), clock.instant())) {
      throw PushedName.in(item.item().state()).raced();
    }
  }

  private PushedItem get(UUID id) {
    return store.find(id, currentUser.get().scope(), clock.instant()).orElseThrow().item();
  }
}
